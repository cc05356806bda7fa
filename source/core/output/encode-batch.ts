/*
 * A batch of lines, UTF-8 encoded through one scratch buffer. On Node 20,
 * TextEncoder.encodeInto costs a fraction of the UTF-8 encoding a stream
 * does for a string (Buffer.from), which was about as costly as building
 * the lines. Text longer than the scratch (a huge event) stays a string.
 */
const encoder = new TextEncoder();
/** Room for a full batch and a long last line. */
export const SCRATCH_CHARS = 128 * 1024;
let scratch: Uint8Array | undefined;

export function encodeBatch(text: string): Buffer | string {
  if (text.length > SCRATCH_CHARS) return text;
  // Up to 3 bytes for each UTF-16 code unit.
  scratch ??= new Uint8Array(3 * SCRATCH_CHARS);
  const {written} = encoder.encodeInto(text, scratch);
  // A copy: the stream may hold on to the chunk until the reader takes it.
  return Buffer.from(scratch.subarray(0, written));
}
