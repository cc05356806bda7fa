import type {DisplayEntry, ExportResult} from '../core/store/types.js';

/** What keys can do to streams; runDashboard wires them to the controllers and the store. */
export type DashboardControls = {
  reconnect(name: string): void;
  reconnectAll(): void;
  /** Stops a running stream or starts a stopped one, and says which. */
  toggleRun(name: string): 'stopped' | 'started' | undefined;
  exportEvents(name: string, include?: (entry: DisplayEntry) => boolean): Promise<ExportResult>;
  quit(): void;
};
