import type {IdGap, IdSummary} from './types.js';

/** Longest numeric suffix read (15 digits stay exact in a double). */
const MAX_DIGITS = 15;

/**
 * Numeric or numeric-suffixed event ids ("41", "evt-41"): steps, gaps,
 * ids going backwards and restarts after a reconnect (a server that ignores
 * Last-Event-ID). O(id length) per changed id, no allocation unless a gap is
 * found.
 */
export class IdTracker {
  numeric = 0;
  steps = 0;
  gaps = 0;
  missing = 0;
  backwards = 0;
  restarts = 0;
  largestGap: IdGap | undefined;
  lastRestart: {sent: string; got: string} | undefined;
  #previousId = '';
  #previousPrefix = -1;
  #previousValue = 0;
  /** Set by a reconnect that sent Last-Event-ID: the next numeric id is checked against it. */
  #sentId = '';
  #sentPrefix = -1;
  #sentValue = 0;

  /** A new connection sends `sent` as Last-Event-ID ("" for none). */
  connecting(sent: string): void {
    this.#sentId = sent;
    const start = suffixStart(sent);
    this.#sentPrefix = start < sent.length ? start : -1;
    this.#sentValue = this.#sentPrefix === -1 ? 0 : suffixValue(sent, start);
  }

  /** The stream's last event id changed to `id`. */
  changed(id: string): void {
    const start = suffixStart(id);
    if (start === id.length) {
      this.#previousPrefix = -1;
      return;
    }
    const value = suffixValue(id, start);
    this.numeric++;
    if (this.#sentPrefix !== -1) {
      const sentPrefix = this.#sentPrefix;
      this.#sentPrefix = -1;
      if (sentPrefix === start && samePrefix(id, this.#sentId, start) && value <= this.#sentValue) {
        this.restarts++;
        this.lastRestart = {sent: this.#sentId, got: id};
        this.#remember(id, start, value);
        return;
      }
    }
    if (this.#previousPrefix === start && samePrefix(id, this.#previousId, start)) {
      const step = value - this.#previousValue;
      if (step === 1) this.steps++;
      else if (step <= 0) this.backwards++;
      else {
        this.gaps++;
        this.missing += step - 1;
        if (!this.largestGap || step - 1 > this.largestGap.missing) {
          this.largestGap = {from: this.#previousId, to: id, missing: step - 1};
        }
      }
    }
    this.#remember(id, start, value);
  }

  summary(): IdSummary {
    return {
      numeric: this.numeric,
      steps: this.steps,
      gaps: this.gaps,
      missing: this.missing,
      largestGap: this.largestGap,
      backwards: this.backwards,
      restarts: this.restarts,
      lastRestart: this.lastRestart,
    };
  }

  #remember(id: string, prefix: number, value: number): void {
    this.#previousId = id;
    this.#previousPrefix = prefix;
    this.#previousValue = value;
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Index where the trailing digits of `id` start (id.length: none). */
function suffixStart(id: string): number {
  let start = id.length;
  while (start > 0 && id.length - start < MAX_DIGITS && isDigit(id.charCodeAt(start - 1))) start--;
  return start;
}

function suffixValue(id: string, start: number): number {
  let value = 0;
  for (let index = start; index < id.length; index++)
    value = value * 10 + id.charCodeAt(index) - 48;
  return value;
}

function samePrefix(a: string, b: string, length: number): boolean {
  for (let index = 0; index < length; index++) {
    if (a.charCodeAt(index) !== b.charCodeAt(index)) return false;
  }
  return true;
}
