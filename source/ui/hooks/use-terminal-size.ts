import {useStdout} from 'ink';
import {useEffect, useState} from 'react';
import type {TerminalSize} from '../layout.js';

const CLEAR_SCREEN = '\u001B[2J\u001B[H';

type SizeState = {readonly size: TerminalSize; readonly settling: boolean};

function read(stdout: NodeJS.WriteStream): TerminalSize {
  return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}

/**
 * The terminal size, re-read on 'resize'. A resize redraws from a clean
 * screen: the frame goes blank (so Ink forgets the lines it drew), and once
 * the size settled the screen is cleared and the new layout drawn whole, so
 * nothing of the old layout is left behind. `override` fixes the size (tests).
 */
export function useTerminalSize(
  override: TerminalSize | undefined,
  fps: number,
): {size: TerminalSize; settling: boolean} {
  const {stdout} = useStdout();
  const [state, setState] = useState<SizeState>(() => ({size: read(stdout), settling: false}));
  useEffect(() => {
    if (override) return;
    // Longer than one frame so the blank frame is written before the new one.
    const settleMs = Math.max(80, Math.ceil(1000 / Math.max(1, fps)) + 40);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onResize = (): void => {
      setState((previous) => (previous.settling ? previous : {...previous, settling: true}));
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (stdout.isTTY) stdout.write(CLEAR_SCREEN);
        setState({size: read(stdout), settling: false});
      }, settleMs);
    };
    stdout.on('resize', onResize);
    return () => {
      clearTimeout(timer);
      stdout.off('resize', onResize);
    };
  }, [stdout, override, fps]);
  return override ? {size: override, settling: false} : state;
}
