/** Bidi controls, line and paragraph separators and zero-width characters. */
export const bidiAndZeroWidthCodePoints: readonly number[] = [
  0x61c, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d,
  0x202e, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
];

/** Code points JSON.stringify writes raw that a terminal may act on or that hide in text. */
export const hostileCodePoints: readonly number[] = [
  0x7f,
  ...Array.from({length: 0x20}, (_, index) => 0x80 + index),
  ...bidiAndZeroWidthCodePoints,
];
