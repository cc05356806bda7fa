import {EventEmitter} from 'node:events';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {installSignalGuard} from '../../source/cli/signal-guard.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('installSignalGuard', () => {
  it('the first signal leaves the mode its grace period, then exits with 128 + signal', () => {
    const signals = new EventEmitter();
    const exit = vi.fn();
    const guard = installSignalGuard(signals, exit, 1500);
    signals.emit('SIGTERM');
    expect(guard.signalCode).toBe(143);
    vi.advanceTimersByTime(1499);
    expect(exit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(exit).toHaveBeenCalledWith(143);
  });

  it('a second Ctrl-C exits at once, with the first signal code', () => {
    const signals = new EventEmitter();
    const exit = vi.fn();
    installSignalGuard(signals, exit, 1500);
    signals.emit('SIGINT');
    expect(exit).not.toHaveBeenCalled();
    signals.emit('SIGINT');
    expect(exit).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(130);
  });

  it('dispose removes the handlers and the deadline', () => {
    const signals = new EventEmitter();
    const exit = vi.fn();
    const guard = installSignalGuard(signals, exit, 1500);
    signals.emit('SIGINT');
    guard.dispose();
    vi.advanceTimersByTime(5000);
    expect(exit).not.toHaveBeenCalled();
    expect(signals.listenerCount('SIGINT')).toBe(0);
  });
});
