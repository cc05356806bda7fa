/**
 * Waits `ms` milliseconds unless `signal` aborts first. Resolves true when the
 * full delay elapsed, false when it was cut short. The timer never outlives an
 * abort, so a closed connection leaves nothing scheduled behind.
 */
export function delay(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve(true);
      },
      Math.max(0, ms),
    );
    signal.addEventListener('abort', onAbort, {once: true});
  });
}
