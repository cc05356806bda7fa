import {render} from 'ink-testing-library';
import type {AnswerPreset} from '../../source/core/answer/index.js';
import {requestView} from '../../source/core/diagnostics/request-view.js';
import {parseStreamSpec} from '../../source/core/stream-spec.js';
import {createStreamStore} from '../../source/core/store/stream-store.js';
import type {StreamStore} from '../../source/core/store/types.js';
import {App} from '../../source/ui/app.js';
import type {DashboardControls} from '../../source/ui/controls.js';
import type {TerminalSize} from '../../source/ui/layout.js';
import type {PaneView} from '../../source/ui/state/ui-state.js';
import {T0} from './fixtures.js';

export {records, T0} from './fixtures.js';

export type FakeControls = DashboardControls & {calls: string[]};

export function fakeControls(): FakeControls {
  const calls: string[] = [];
  return {
    calls,
    reconnect: (name) => void calls.push(`reconnect ${name}`),
    reconnectAll: () => void calls.push('reconnect-all'),
    toggleRun: (name) => {
      calls.push(`toggle ${name}`);
      return 'stopped';
    },
    exportEvents: async (name, include) => {
      calls.push(`export ${name}${include ? ' filtered' : ''}`);
      return {path: `/tmp/${name}.ndjson`, count: 3};
    },
    askFollowUp: async (name, query) => {
      calls.push(`ask ${name}: ${query}`);
      return {ok: true, message: `asked ${name}`};
    },
    stopAnswer: async (name) => {
      calls.push(`stop-answer ${name}`);
      return {ok: true, message: `${name}: stop requested for task t-1`};
    },
    requestOf: (name, lastEventId) =>
      requestView(
        parseStreamSpec({
          name,
          url: `https://api.example.com/${name}?api_key=sk-query-secret`,
          auth: {type: 'bearer', token: 'sk-live-TOKEN-1234'},
        }),
        lastEventId,
      ),
    submitForm: async (name, submission) => {
      calls.push(`submit-form ${name}: ${submission.action} ${JSON.stringify(submission.inputs)}`);
      return {ok: true, message: `form submitted (${submission.action})`};
    },
    reattach: (name) => {
      calls.push(`reattach ${name}`);
      return {ok: true, message: `${name}: re-attaching`};
    },
    copyToClipboard: (text) => {
      calls.push(`copy ${text}`);
      return true;
    },
    quit: () => void calls.push('quit'),
    interrupt: () => void calls.push('interrupt'),
    suspend: () => void calls.push('suspend'),
  };
}

export function makeStore(
  names: readonly string[],
  bufferSize = 100,
  answers: Readonly<Record<string, AnswerPreset>> = {},
): StreamStore {
  return createStreamStore({
    streams: names.map((name) => ({name, answer: answers[name] ?? 'none'})),
    bufferSize,
    notifyIntervalMs: 10_000,
    now: () => T0 + 1000,
  });
}

export type Rendered = ReturnType<typeof render> & {
  store: StreamStore;
  controls: FakeControls;
  /** Publishes pending records and waits for the frame to settle. */
  settle: () => Promise<string>;
  press: (input: string) => Promise<string>;
  frame: () => string;
};

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

export async function renderApp(
  store: StreamStore,
  options: {
    size?: TerminalSize;
    color?: boolean;
    now?: number;
    views?: Readonly<Record<string, PaneView>>;
    details?: boolean;
    ascii?: boolean;
  } = {},
): Promise<Rendered> {
  const controls = fakeControls();
  const now = options.now ?? T0 + 2000;
  const instance = render(
    <App
      store={store}
      controls={controls}
      size={options.size ?? {columns: 100, rows: 30}}
      color={options.color ?? false}
      clock={() => now}
      tickMs={0}
      views={options.views}
      details={options.details}
      ascii={options.ascii}
    />,
  );
  const frame = () => instance.lastFrame() ?? '';
  const settle = async () => {
    store.flush();
    await tick();
    await tick();
    return frame();
  };
  const press = async (input: string) => {
    instance.stdin.write(input);
    // Esc is resolved on the next tick (Ink waits to see whether a sequence follows).
    await tick();
    await tick();
    return frame();
  };
  await settle();
  return {...instance, store, controls, settle, press, frame};
}

/** Every row of a frame. */
export const rows = (frame: string): string[] => frame.split('\n');

export const KEYS = {
  tab: '\t',
  shiftTab: '\u001B[Z',
  enter: '\r',
  escape: '\u001B',
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  backspace: '\u007F',
  ctrlC: '\u0003',
} as const;
