import type {AnswerPreset} from '../core/answer/index.js';
import type {PaneView} from './state/ui-state.js';

/** What a profile or the command line says about one stream's pane. */
export type DashboardStreamOptions = {
  /** The answer fold (default: the store guesses it from the URL, see detectAnswerPreset). */
  readonly answer?: AnswerPreset;
  /** The pane's first view (default events); `answer` needs a preset other than none. */
  readonly view?: PaneView;
  /** Ring buffer entries of this stream (default: bufferSize). */
  readonly bufferSize?: number;
  /** False: the pane waits READY, showing its request, until Enter or r (default true). */
  readonly autostart?: boolean;
  /** False: Y and C do not copy this stream's text with OSC 52 (default true). */
  readonly osc52?: boolean;
};
