/** The payload shared by /ticker and /flaky: a price that wanders with the sequence number. */
export type Tick = {readonly seq: number; readonly price: number; readonly time: string};

export function tickAt(seq: number, now: Date = new Date()): Tick {
  const wobble = Math.sin(seq * 12.9898) * 43758.5453;
  const noise = wobble - Math.floor(wobble) - 0.5;
  const price = 100 + 8 * Math.sin(seq / 15) + 3 * Math.sin(seq / 4.3) + noise;
  return {seq, price: Math.round(price * 100) / 100, time: now.toISOString()};
}

/** A comment line that tells a human where a resumed stream picked up. */
export function resumeComment(lastEventId: string, nextSeq: number): string {
  return `resuming after Last-Event-ID ${JSON.stringify(lastEventId)}, next seq ${nextSeq}`;
}
