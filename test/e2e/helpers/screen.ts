/** Reading a dashboard screen captured from the pty (rows of text). */

/** The row of a pane's title ("━ 4 dify-chatflow  OPEN ━━━"), or -1. */
export function titleRow(screen: string, name: string): number {
  return screen.split('\n').findIndex((line) => new RegExp(`[━─] \\d+ ${name} `).test(line));
}

export const hasPanes =
  (names: readonly string[]) =>
  (screen: string): boolean =>
    names.every((name) => titleRow(screen, name) >= 0);

/** The text of the rows of a screen joined without line breaks (wrapped text reads whole again). */
export function joinedRows(screen: string): string {
  return screen
    .split('\n')
    .map((line) => line.trim())
    .join(' ');
}

/** How many times `text` occurs in `screen`. */
export function occurrences(screen: string, text: string): number {
  return screen.split(text).length - 1;
}

export const DEMO_STREAMS = ['ticker', 'logs', 'flaky', 'dify-chatflow', 'openai'] as const;
