import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {createStreamStore} from '../../source/core/store/stream-store.js';
import {openRecorder} from '../../source/headless/recorder.js';
import {createDashboardRecording} from '../../source/ui/dashboard-recording.js';

const noRedaction = (text: string) => text;
const at = new Date('2026-12-06T10:11:12Z');
let dir: string;

afterEach(() => {
  if (dir) rmSync(dir, {recursive: true, force: true});
});

function recordingIn(open: Parameters<typeof createDashboardRecording>[0]['open']) {
  dir = mkdtempSync(join(tmpdir(), 'ssedeck-rec-keys-'));
  return createDashboardRecording({
    streams: [],
    store: createStreamStore(),
    views: {},
    dir,
    open,
    now: () => at,
  });
}

/** Waits for `check` to hold, a turn of the event loop at a time (at most 2 s). */
async function eventually(check: () => boolean): Promise<void> {
  for (let turn = 0; turn < 400 && !check(); turn++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('dashboard recording keys', () => {
  it('never replaces a file: a second recording in the same second gets "-2"', async () => {
    const recording = recordingIn((path, streams, onError) =>
      openRecorder(path, streams, noRedaction, onError, {exclusive: true}),
    );
    const first = await recording.toggle(undefined);
    expect(first.message).toContain('ssedeck-recording-all-');
    await recording.toggle(undefined);
    const second = await recording.toggle(undefined);
    const path = /to (\S+) \(o\/O stops\)/.exec(second.message)?.[1] ?? '';
    expect(path).toMatch(/-2\.ndjson$/);
    await recording.close();
    const original = path.replace(/-2\.ndjson$/, '.ndjson');
    expect(existsSync(original)).toBe(true);
    expect(readFileSync(original, 'utf8')).toContain('"type":"recording"');
  });

  it('a write that fails (a full disk) stops the recording and the key bar says why', async () => {
    const recording = recordingIn((_path, streams, onError) =>
      // Every write to /dev/full fails with ENOSPC, as on a full disk.
      openRecorder('/dev/full', streams, noRedaction, onError),
    );
    const started = await recording.toggle(undefined);
    expect(started.ok).toBe(true);
    await eventually(() => recording.status()?.kind === 'failed');
    expect(recording.status()).toEqual({kind: 'failed', reason: 'ENOSPC (0 B kept)'});
    // The next o starts afresh and clears the failure.
    await recording.toggle(undefined);
    expect(recording.status()?.kind).not.toBe('failed');
    await recording.close();
  });
});
