/** The Roboto faces weft's renderer declares (main.tsx imports their fontsource CSS) and cuts to ASCII (scripts/subsetRoboto.ts). */
export const ROBOTO_ASCII_FACES = [
  { weight: 400, style: "normal" },
  { weight: 400, style: "italic" },
  { weight: 500, style: "normal" },
  { weight: 700, style: "normal" },
] as const;

export type RobotoFace = (typeof ROBOTO_ASCII_FACES)[number];

/**
 * What the subsets hold: printable ASCII (space to tilde), and the three characters weft's own
 * banners draw (× — …), so a "Connecting…" banner does not fetch the 22 kB latin face.
 */
export const ROBOTO_ASCII_CODEPOINTS: readonly number[] = [...Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => 0x20 + i), 0xd7, 0x2014, 0x2026];

/** The same set as a CSS `unicode-range` (robotoAscii.css declares it; a unit test compares). */
export const ROBOTO_ASCII_UNICODE_RANGE = "U+0020-007E, U+00D7, U+2014, U+2026";

export const fontsourceFile = (face: RobotoFace) => `roboto-latin-${face.weight}-${face.style}.woff2`;
export const asciiSubsetFile = (face: RobotoFace) => `roboto-ascii-${face.weight}-${face.style}.woff2`;
