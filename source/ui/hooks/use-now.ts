import {useEffect, useState} from 'react';

/**
 * A clock for time-based text (time since the last event, retry countdowns,
 * rates): re-renders every `intervalMs`; 0 = never (tests).
 */
export function useNow(intervalMs: number, clock: () => number): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    if (intervalMs <= 0) return;
    const timer = setInterval(() => setNow(clock()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, clock]);
  return now;
}
