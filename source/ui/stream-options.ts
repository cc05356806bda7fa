import type {AnswerPreset} from '../core/answer/index.js';
import {createStreamStore} from '../core/store/stream-store.js';
import type {StreamStore, StreamStoreOptions} from '../core/store/types.js';
import type {StreamController} from '../core/stream-controller.js';
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

/** The dashboard's store: each stream configured as its options say (buffer, answer, READY). */
export function createDashboardStore(
  streams: readonly StreamController[],
  optionsOf: (name: string) => DashboardStreamOptions,
  options: Omit<StreamStoreOptions, 'streams'>,
): StreamStore {
  return createStreamStore({
    ...options,
    streams: streams.map((stream) => {
      const {answer, bufferSize, autostart} = optionsOf(stream.name);
      return {
        name: stream.name,
        bufferSize: bufferSize ?? options.bufferSize,
        answer,
        insecure: stream.resolved.spec.insecure,
        ready: autostart === false,
      };
    }),
  });
}
