/**
 * Ink 6.8's incremental renderer starts each frame with "cursor up
 * (lines - 1)" although the frame before it ended with a newline, so every
 * render lands one row lower than the last and the screen scrolls. The
 * dashboard's frame always starts at the top-left of the alternate screen, so
 * a frame's leading cursor-up can only mean "back to the frame's first row":
 * this wrapper turns it into cursor-home. Everything else passes through.
 */

// A frame write that begins by moving the cursor up (CSI n A).
// eslint-disable-next-line no-control-regex
const leadingCursorUp = /^\u001B\[\d*A/;
const CURSOR_HOME = '\u001B[H';

export function anchorFrameWrites(text: string): string {
  return leadingCursorUp.test(text) ? text.replace(leadingCursorUp, CURSOR_HOME) : text;
}

/** The same stream for Ink, with frame writes anchored at the screen's top-left. */
export function anchoredStdout(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
  const write = (chunk: unknown, ...rest: unknown[]): boolean =>
    (stdout.write as (...args: unknown[]) => boolean)(
      typeof chunk === 'string' ? anchorFrameWrites(chunk) : chunk,
      ...rest,
    );
  return new Proxy(stdout, {
    get(target, property) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
