import {useStdin} from 'ink';
import {useCallback, useEffect, useRef} from 'react';

/**
 * The raw token of the key press being handled, as Ink's input parser split
 * it (`useInput` only gives the decoded key). It tells Backspace (DEL) from
 * Delete (ESC [3~), which Ink 6.8 reports alike, and carries the bracketed
 * paste markers. Call it before `useInput` in the same component: its
 * listener is added first and never re-added, so it always runs before
 * `useInput`'s for the same token.
 */
export function useInputToken(): () => string | undefined {
  const {internal_eventEmitter: emitter} = useStdin();
  const last = useRef<string | undefined>(undefined);
  useEffect(() => {
    const listener = (token: unknown): void => {
      last.current = typeof token === 'string' ? token : undefined;
    };
    emitter.on('input', listener);
    return () => {
      emitter.off('input', listener);
    };
  }, [emitter]);
  return useCallback(() => last.current, []);
}
