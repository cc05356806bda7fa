import {displayWidth, ELLIPSIS} from '../../core/display-text.js';

/** The tail of `text` that fits `width` columns, with `ellipsis` (…) in front when cut. */
export function tailToWidth(text: string, width: number, ellipsis = ELLIPSIS): string {
  if (displayWidth(text) <= width) return text;
  const characters = Array.from(text);
  let used = displayWidth(ellipsis);
  let start = characters.length;
  while (start > 0) {
    const next = displayWidth(characters[start - 1] ?? '');
    if (used + next > width) break;
    used += next;
    start--;
  }
  return `${ellipsis}${characters.slice(start).join('')}`;
}
