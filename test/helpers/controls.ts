import type {StreamStore} from '../../source/core/store/types.js';
import type {StreamController} from '../../source/core/stream-controller.js';
import {createDashboardControls, type ControlsOptions} from '../../source/ui/dashboard-controls.js';
import {createStreamRuns} from '../../source/ui/stream-runs.js';

/**
 * The dashboard's controls over real streams, without the terminal: the
 * store is attached to `streams`, quitting does nothing, exports go to /tmp
 * unless `options` says otherwise.
 */
export function controlsFor(
  streams: StreamController[],
  store: StreamStore,
  options: Partial<ControlsOptions> = {},
) {
  store.attach(streams);
  const runs = createStreamRuns(streams);
  const controls = createDashboardControls({
    streams,
    store,
    runs,
    exportDir: '/tmp',
    quit: () => undefined,
    interrupt: () => undefined,
    ...options,
  });
  return {runs, controls};
}
