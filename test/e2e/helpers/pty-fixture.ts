import {afterEach, beforeAll} from 'vitest';
import {startTestServer, type Handler, type TestServer} from '../../helpers/http-server.js';
import {ensureBuilt} from './built-cli.js';
import {spawnInPty, type PtyScreen, type SpawnOptions} from './pty-terminal.js';

export type PtyFixture = {
  /** Starts `command` in a pseudo-terminal (spawnInPty); killed after the test. */
  spawn(command: string, args: string[], options: SpawnOptions): PtyScreen;
  /** A test server on 127.0.0.1 (startTestServer); closed after the test. */
  server(handler: Handler): Promise<TestServer>;
  /** Closes `resource` after the test, after the terminals are gone (a demo server). */
  closeAfter<T extends {close(): Promise<void>}>(resource: T): T;
};

/**
 * The set-up of a pty end-to-end test file: builds dist/ once before the
 * tests, and after each test kills the terminals it started, then closes its
 * servers. Call it at the top level of the file. (Not named use...: it
 * registers test hooks, and the React hooks lint rule owns that prefix.)
 */
export function setupPtyFixture(): PtyFixture {
  const terminals: PtyScreen[] = [];
  const closables: {close(): Promise<void>}[] = [];
  beforeAll(() => ensureBuilt(), 120_000);
  afterEach(async () => {
    for (const terminal of terminals.splice(0)) terminal.kill();
    await Promise.all(closables.splice(0).map((resource) => resource.close()));
  });
  const closeAfter = <T extends {close(): Promise<void>}>(resource: T): T => {
    closables.push(resource);
    return resource;
  };
  return {
    spawn(command, args, options) {
      const terminal = spawnInPty(command, args, options);
      terminals.push(terminal);
      return terminal;
    },
    server: async (handler) => closeAfter(await startTestServer(handler)),
    closeAfter,
  };
}
