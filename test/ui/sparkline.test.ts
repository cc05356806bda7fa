import {describe, expect, it} from 'vitest';
import {createRateMeter} from '../../source/core/store/rate.js';
import {ASCII_SPARK_LEVELS, sparkline} from '../../source/ui/sparkline.js';

const T = 1_700_000_000_000;

describe('sparkline of events per second', () => {
  it('draws one column per whole second before now, scaled to the busiest', () => {
    const meter = createRateMeter();
    for (let i = 0; i < 8; i++) meter.add(T + 10); // second 0: 8 events
    meter.add(T + 2000); // second 2: 1 event
    for (let i = 0; i < 4; i++) meter.add(T + 3500); // second 3: 4 events
    meter.add(T + 4100); // the current second: left out
    expect(sparkline(meter.sample(), T + 4200, 4)).toBe('█ ▁▄');
    expect(sparkline(meter.sample(), T + 4200, 4, ASCII_SPARK_LEVELS)).toBe('% .=');
  });

  it('keeps a minute of seconds (a bounded ring) and never draws more than 60 columns', () => {
    const meter = createRateMeter();
    for (let second = 0; second < 200; second++) meter.add(T + second * 1000);
    const sample = meter.sample();
    expect(sample.seconds.length).toBeLessThanOrEqual(61);
    expect(sparkline(sample, T + 200_000, 500)).toBe('█'.repeat(60));
  });

  it('is empty for no width', () => {
    expect(sparkline({seconds: [], counts: [], since: undefined}, T, 0)).toBe('');
  });
});
