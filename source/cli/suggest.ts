import {editDistance} from '../profiles/suggest-key.js';

/** The candidate a mistyped word was probably meant to be ("--jsno" -> "--json", "serv" -> "serve"). */
export function suggestFrom(word: string, candidates: readonly string[]): string | undefined {
  let best: {candidate: string; distance: number} | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(bare(word), bare(candidate));
    if (best === undefined || distance < best.distance) best = {candidate, distance};
  }
  if (best === undefined) return undefined;
  // A prefix is a good guess too ("--max" -> "--max-events").
  const prefixed = candidates.filter((candidate) => candidate.startsWith(word));
  if (best.distance > tolerance(word) && prefixed.length === 1) return prefixed[0];
  return best.distance <= tolerance(word) ? best.candidate : undefined;
}

const bare = (word: string) => word.replace(/^-+/, '').toLowerCase();

/** One typo in a short word, two (a swapped pair) from four letters on. */
function tolerance(word: string): number {
  const length = bare(word).length;
  return length < 4 ? 1 : Math.max(2, Math.floor(length / 4));
}

/** " (did you mean X?)" or "". */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const suggestion = suggestFrom(word, candidates);
  return suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
}
