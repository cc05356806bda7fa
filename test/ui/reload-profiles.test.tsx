import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {render} from 'ink-testing-library';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {parseCommandLine} from '../../source/cli/flags.js';
import {dashboardOptionsOf, reloadSource} from '../../source/cli/reload-source.js';
import {buildStreamSetups} from '../../source/cli/stream-setups.js';
import {SseStream} from '../../source/core/sse-stream.js';
import {createStreamStore} from '../../source/core/store/stream-store.js';
import type {StreamController} from '../../source/core/stream-controller.js';
import {resolveStreamSpec} from '../../source/core/stream-spec.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {loadProfiles} from '../../source/profiles/load.js';
import {App} from '../../source/ui/app.js';
import {createDashboardControls} from '../../source/ui/dashboard-controls.js';
import {createDashboardRecording} from '../../source/ui/dashboard-recording.js';
import {openRecorder} from '../../source/headless/recorder.js';
import {createDashboardReload} from '../../source/ui/reload/dashboard-reload.js';
import {reloadControls} from '../../source/ui/reload/reload-controls.js';
import type {PaneView} from '../../source/ui/state/ui-state.js';
import type {DashboardStreamOptions} from '../../source/ui/stream-options.js';
import {createStreamAttachments} from '../../source/ui/stream-attachments.js';
import {createStreamRuns} from '../../source/ui/stream-runs.js';

/**
 * `L` against real profile files in a temp dir and the demo server: a changed
 * GET restarts, a changed POST asks y/n, removed panes go, added ones come,
 * and a broken profile changes nothing and shows its errors.
 */

let server: DemoServer;
let dir = '';
beforeAll(async () => {
  server = await startDemoServer({timeScale: 0.01});
});
afterAll(async () => {
  await server.close();
});
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  if (dir !== '') rmSync(dir, {recursive: true, force: true});
  dir = '';
});

type StreamYaml = {name: string; path: string; post?: string; autostart?: boolean};

function profileText(streams: readonly StreamYaml[]): string {
  const lines = ['name: p', 'streams:'];
  for (const stream of streams) {
    lines.push(`  - name: ${stream.name}`, `    url: \${DEMO}${stream.path}`);
    if (stream.autostart === false) lines.push('    autostart: false');
    if (stream.post !== undefined) {
      lines.push(
        '    method: POST',
        '    answer: dify',
        '    auth: {type: bearer, token: "${DIFY_KEY}"}',
        `    body: {query: "${stream.post}", inputs: {}, response_mode: streaming, user: me}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

const waitFor = async (what: string, check: () => boolean, ms = 10_000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** The dashboard's wiring (as runDashboard does it) over a profile file, rendered with ink-testing-library. */
async function dashboard(streams: readonly StreamYaml[]) {
  dir = mkdtempSync(join(tmpdir(), 'ssedeck-reload-'));
  const file = join(dir, 'p.yaml');
  writeFileSync(file, profileText(streams));
  // The key comes from the .env beside the profile, as at start.
  writeFileSync(join(dir, '.env'), 'DIFY_KEY=app-ssedeck-demo\n');
  const env = {DEMO: server.url};
  const {flags} = parseCommandLine(['-p', file]);
  const load = async () => {
    const loaded = await loadProfiles([file], {cwd: dir, env, warn: () => undefined});
    return buildStreamSetups(loaded.streams, [], {}, flags);
  };
  const setups = await load();
  const makeController = (setup: {spec: Parameters<typeof resolveStreamSpec>[0]}) =>
    new SseStream(resolveStreamSpec(setup.spec), {holdPausedRuns: true, reconnectFloorMs: 0});
  const list: StreamController[] = setups.map(makeController);
  const options = new Map<string, DashboardStreamOptions>(
    setups.map((setup) => [setup.spec.name, dashboardOptionsOf(setup)]),
  );
  const store = createStreamStore({
    streams: setups.map((setup) => ({
      name: setup.spec.name,
      answer: setup.answer,
      ready: !setup.autostart,
    })),
    notifyIntervalMs: 10,
  });
  const {attach, detach} = createStreamAttachments(store);
  for (const controller of list) attach(controller);
  const runs = createStreamRuns(list);
  const views: Record<string, PaneView> = {};
  const reload = createDashboardReload(
    {list, options, views, store, runs, attach, detach},
    reloadSource({load, learnSecrets: () => undefined, redact: (text) => text}),
  );
  const recording = createDashboardRecording({
    streams: list,
    store,
    views,
    dir,
    open: (path, recorded) =>
      openRecorder(
        path,
        recorded,
        (text) => text,
        () => undefined,
      ),
  });
  const controls = {
    ...createDashboardControls({
      streams: list,
      store,
      runs,
      recording,
      exportDir: dir,
      quit: () => undefined,
      interrupt: () => undefined,
    }),
    ...reloadControls(reload),
  };
  const app = render(
    <App
      store={store}
      controls={controls}
      size={{columns: 120, rows: 40}}
      color={false}
      tickMs={0}
      views={views}
    />,
  );
  cleanups.push(async () => {
    await recording.close();
    app.unmount();
    runs.stopAll();
    await runs.summaries(2000);
    store.dispose();
  });
  for (const [index, setup] of setups.entries()) {
    const controller = list[index];
    if (controller && setup.autostart) runs.start(controller);
  }
  const frame = () => app.lastFrame() ?? '';
  const footer = () => frame().split('\n').at(-1) ?? '';
  const byName = (name: string) => list.find((controller) => controller.name === name);
  const press = async (input: string) => {
    app.stdin.write(input);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const rewrite = (next: readonly StreamYaml[]) => writeFileSync(file, profileText(next));
  return {app, store, controls, list, byName, frame, footer, press, rewrite, file};
}

const ticker = {name: 'ticker', path: '/ticker'};
const logs = {name: 'logs', path: '/logs'};
const chat = {name: 'chat', path: '/v1/chat-messages', post: 'first question'};

describe('L reloads the profiles', () => {
  it('restarts a changed GET stream, removes a removed one, adds a new one; the POST left alone is not re-sent', async () => {
    const deck = await dashboard([ticker, logs, chat]);
    await waitFor('the first frames', () => /ticker\s+OPEN/.test(deck.frame()));
    await waitFor('the chat answer', () => deck.store.getSnapshot('chat').run === 1);
    const oldTicker = deck.byName('ticker');
    const oldChat = deck.byName('chat');

    deck.rewrite([{name: 'ticker', path: '/ticker?v=2'}, chat, {name: 'extra', path: '/logs'}]);
    await deck.press('L');
    await waitFor('the reload message', () =>
      deck.footer().includes('reloaded: 1 changed, 1 added, 1 removed'),
    );
    // ticker: a new controller on the new URL, running; logs gone; extra added and started.
    expect(deck.byName('ticker')).not.toBe(oldTicker);
    expect(oldTicker?.running).toBe(false);
    expect(deck.byName('ticker')?.resolved.spec.url).toBe(`${server.url}/ticker?v=2`);
    expect(deck.byName('logs')).toBeUndefined();
    expect(deck.list.map((controller) => controller.name)).toEqual(['ticker', 'chat', 'extra']);
    // The unchanged POST is the same controller, its one run not repeated.
    expect(deck.byName('chat')).toBe(oldChat);
    expect(deck.store.getSnapshot('chat').run).toBe(1);
    await waitFor('the new panes', () => / extra\s+OPEN/.test(deck.frame()));
    expect(deck.frame()).not.toMatch(/ logs\s/);
    expect(deck.store.getOverviewSnapshot().names).toEqual(['ticker', 'chat', 'extra']);

    // Nothing changed on disk since: L says so.
    await deck.press('L');
    await waitFor('no changes', () => deck.footer().includes('reload: no changes'));
  });

  it('asks before re-sending a changed POST: n keeps the previous request, y re-sends the new one', async () => {
    const deck = await dashboard([ticker, chat]);
    await waitFor('the chat run', () => deck.store.getSnapshot('chat').run === 1);
    await waitFor('the chat answer', () => !deck.store.getSnapshot('chat').running);
    const oldChat = deck.byName('chat');

    deck.rewrite([ticker, {...chat, post: 'second question'}]);
    await deck.press('L');
    await waitFor('the question', () =>
      deck.footer().includes('reload: re-send 1 POST request? y/n'),
    );
    expect(deck.byName('chat')).toBe(oldChat);
    await deck.press('n');
    await waitFor('the kept note', () =>
      deck
        .footer()
        .includes('reload: 1 POST stream kept the previous request (L again to re-send)'),
    );
    expect(deck.byName('chat')).toBe(oldChat);
    expect(deck.store.getSnapshot('chat').run).toBe(1);

    await deck.press('L');
    await waitFor('the question again', () =>
      deck.footer().includes('re-send 1 POST request? y/n'),
    );
    await deck.press('y');
    await waitFor('the reload message', () => deck.footer().includes('reloaded: 1 changed'));
    expect(deck.byName('chat')).not.toBe(oldChat);
    // The demo's Dify answer repeats the question it received.
    await waitFor('the new answer', () =>
      (deck.store.getAnswerSnapshot('chat')?.current.text ?? '').includes('second question'),
    );
    expect(deck.store.getAnswerSnapshot('chat')?.current.query).toBe('second question');
  });

  it('a follow-up is not a change: L after i on an unchanged profile re-sends nothing', async () => {
    const deck = await dashboard([ticker, chat]);
    await waitFor('the chat answer', () => !deck.store.getSnapshot('chat').running);
    await waitFor('the chat run', () => deck.store.getSnapshot('chat').run === 1);
    const result = await deck.controls.askFollowUp('chat', 'a follow-up');
    expect(result.ok).toBe(true);
    await waitFor('the follow-up run', () => deck.store.getSnapshot('chat').run === 2);
    await deck.press('L');
    await waitFor('no changes', () => deck.footer().includes('reload: no changes'));
    expect(deck.store.getSnapshot('chat').run).toBe(2);
  });

  it('keeps a READY pane READY with the new request shown, without asking', async () => {
    const deck = await dashboard([ticker, {...chat, autostart: false}]);
    await waitFor('the READY pane', () => /chat\s+READY/.test(deck.frame()));
    expect(deck.frame()).toContain('first question');
    deck.rewrite([ticker, {...chat, autostart: false, post: 'edited question'}]);
    await deck.press('L');
    await waitFor('the reload message', () => deck.footer().includes('reloaded: 1 changed'));
    await waitFor('the new request', () => deck.frame().includes('edited question'));
    expect(deck.frame()).toMatch(/chat\s+READY/);
    expect(deck.byName('chat')?.running).toBe(false);
  });

  it('a broken profile changes nothing and lists its errors until a key closes the overlay', async () => {
    const deck = await dashboard([ticker, chat]);
    await waitFor('the first frames', () => /ticker\s+OPEN/.test(deck.frame()));
    const before = [...deck.list];
    writeFileSync(
      deck.file,
      'name: p\nstreams:\n  - name: ticker\n    url: ${NOT_SET_ANYWHERE}/ticker\n    reconnect: sometimes\n',
    );
    await deck.press('L');
    await waitFor('the overlay', () => deck.frame().includes('reload failed'));
    const frame = deck.frame();
    expect(frame).toContain('nothing changed, every stream keeps running');
    expect(frame).toMatch(/p\.yaml:4:\d+: streams\[0\]\.url: variable NOT_SET_ANYWHERE is not set/);
    expect(frame).toMatch(
      /p\.yaml:5:\d+: streams\[0\]\.reconnect: expected one of always, on-error, never/,
    );
    // Every stream still runs on its controller; no pane went away.
    expect(deck.list).toEqual(before);
    expect(deck.byName('ticker')?.running).toBe(true);
    expect(deck.store.getOverviewSnapshot().names).toEqual(['ticker', 'chat']);

    await deck.press('x');
    await waitFor('the overlay closed', () => !deck.frame().includes('reload failed'));
    expect(deck.frame()).toMatch(/ticker\s+OPEN/);

    // Broken again, then fixed: the reload that works closes the overlay (as --watch would).
    await deck.press('L');
    await waitFor('the overlay again', () => deck.frame().includes('reload failed'));
    deck.rewrite([ticker, chat]);
    // What --watch does on a file change (a key would just close the overlay).
    await deck.controls.reload();
    await waitFor('the overlay closed by the fix', () => !deck.frame().includes('reload failed'));
    expect(deck.footer()).toContain('reload: no changes');
    expect(deck.list).toEqual(before);
  });

  it('a recording in progress (o) survives a removed stream: its summary is the last word', async () => {
    const deck = await dashboard([ticker, logs]);
    await waitFor('the first frames', () => /logs\s+OPEN/.test(deck.frame()));
    const oldLogs = deck.byName('logs');
    const started = await deck.controls.toggleRecording?.(undefined);
    expect(started?.ok, started?.message).toBe(true);
    deck.rewrite([ticker, {name: 'extra', path: '/ticker'}]);
    await deck.press('L');
    await waitFor('the reload', () => deck.footer().includes('reloaded: 1 added, 1 removed'));
    // Its summary is emitted before it stops running.
    await waitFor('the removed stream ended', () => oldLogs?.running === false);
    const stopped = await deck.controls.toggleRecording?.(undefined);
    expect(stopped?.ok, stopped?.message).toBe(true);
    const path = /recording stopped: (\S+) \(/.exec(stopped?.message ?? '')?.[1] ?? '';
    const lines = readFileSync(path, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const logsRecords = lines.filter((line) => line['stream'] === 'logs');
    expect(logsRecords.at(-1)?.['type']).toBe('summary');
    // The added stream is not part of this recording; ticker goes on being recorded.
    expect(lines.some((line) => line['stream'] === 'extra')).toBe(false);
    expect(lines.filter((line) => line['stream'] === 'ticker').length).toBeGreaterThan(0);
  });
});
