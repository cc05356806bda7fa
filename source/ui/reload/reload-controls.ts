import type {DashboardControls, ReloadOutcome} from '../controls.js';
import type {DashboardReload} from './dashboard-reload.js';

/**
 * The reload keys' controls: `L` (and --watch) run `reload`, whose outcome
 * every onReload listener (the App) gets; a failure that is not about the
 * profiles still ends up in the errors overlay, never as a crash.
 */
export function reloadControls(
  reload: DashboardReload,
): Required<Pick<DashboardControls, 'reload' | 'onReload' | 'confirmReload'>> {
  const listeners = new Set<(outcome: ReloadOutcome) => void>();
  return {
    async reload() {
      const outcome = await reload.reload().catch((error: unknown): ReloadOutcome => ({
        kind: 'errors',
        lines: [`reload failed: ${error instanceof Error ? error.message : String(error)}`],
      }));
      for (const listener of [...listeners]) listener(outcome);
    },
    onReload(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    confirmReload: (yes) => reload.confirmPending(yes),
  };
}
