import {useMemo} from 'react';
import type {StreamStore} from '../../core/store/types.js';
import {answerLayoutOf, type AnswerLayout, type AnswerViewOptions} from '../answer/layout.js';
import type {RunWrappers} from '../answer/transcript.js';
import {createTextWrapper} from '../answer/wrap-text.js';
import {useAnswerSnapshot} from './use-stream-snapshot.js';
import {useTheme} from './use-theme.js';

/**
 * The answer view of one pane, or undefined when the pane shows events (not
 * in answer view, or its stream has no answer preset). Recomputed only when
 * the stream's answers or the view options changed, not on clock ticks.
 */
export function useAnswerLayout(
  store: StreamStore,
  name: string,
  active: boolean,
  options: AnswerViewOptions,
): AnswerLayout | undefined {
  const snapshot = useAnswerSnapshot(store, name);
  const wrappers = useMemo<RunWrappers>(
    () => ({text: createTextWrapper(), reasoning: createTextWrapper()}),
    [],
  );
  const {glyphs} = useTheme();
  const {width, height, reasoning, input, scrollTop} = options;
  return useMemo(
    () =>
      active && snapshot
        ? answerLayoutOf(snapshot, {width, height, reasoning, input, scrollTop, glyphs}, wrappers)
        : undefined,
    [active, snapshot, width, height, reasoning, input, scrollTop, glyphs, wrappers],
  );
}
