import {SIGNAL_EXIT_CODES} from '../headless/run-until-done.js';

/**
 * The process-wide promise about SIGINT and SIGTERM: the running mode gets
 * the first one to stop its streams and print summaries, but the process ends
 * within `graceMs` whatever it is waiting for (a reader that stopped reading,
 * a server that never answers), and a second Ctrl-C ends it at once.
 */
export type GuardedSignal = keyof typeof SIGNAL_EXIT_CODES;
export const SIGNAL_GRACE_MS = 1500;

export type SignalGuard = {
  /** 130 or 143 once a signal arrived. */
  readonly signalCode: number | undefined;
  dispose(): void;
};

export function installSignalGuard(
  signals: NodeJS.EventEmitter,
  exit: (code: number) => void,
  graceMs = SIGNAL_GRACE_MS,
): SignalGuard {
  let signalCode: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const handlers = (Object.keys(SIGNAL_EXIT_CODES) as GuardedSignal[]).map((signal) => {
    const handler = () => {
      const code = SIGNAL_EXIT_CODES[signal];
      if (signalCode !== undefined) {
        exit(signalCode);
        return;
      }
      signalCode = code;
      // Not unref'd on purpose: it is the deadline even when nothing else is pending.
      timer = setTimeout(() => exit(code), graceMs);
    };
    signals.on(signal, handler);
    return [signal, handler] as const;
  });
  return {
    get signalCode() {
      return signalCode;
    },
    dispose() {
      clearTimeout(timer);
      for (const [signal, handler] of handlers) signals.off(signal, handler);
    },
  };
}
