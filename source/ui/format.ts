/** Short human forms for counters and times in pane headers. */

const units = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** 0 B, 512 B, 1.5 KB, 45 KB, 1.2 MB (1024-based). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

export function formatRate(perSecond: number): string {
  if (perSecond === 0) return '0/s';
  return `${perSecond < 10 ? perSecond.toFixed(1) : Math.round(perSecond)}/s`;
}

/** 15ms, 1.2s, 42s, 3m05s, 2h07m. */
export function formatDuration(ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < 1000) return `${Math.round(safe)}ms`;
  if (safe < 10_000) return `${(Math.floor(safe / 100) / 10).toFixed(1)}s`;
  const seconds = Math.floor(safe / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** The reconnect countdown ("in 3s", "now"): one function for the badge and the pane line. */
export {formatCountdown} from '../core/store/countdown.js';

function two(value: number): string {
  return String(value).padStart(2, '0');
}

/** Local wall-clock time: 12:00:01, or 12:00:01.250 with milliseconds. */
export function formatClock(timestamp: number, millis = false): string {
  const date = new Date(timestamp);
  const base = `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
  return millis ? `${base}.${String(date.getMilliseconds()).padStart(3, '0')}` : base;
}
