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

/** The same set as a CSS `unicode-range`, runs of consecutive code points joined (robotoAscii.css declares it). */
export const ROBOTO_ASCII_UNICODE_RANGE = unicodeRange(ROBOTO_ASCII_CODEPOINTS);

function unicodeRange(codepoints: readonly number[]): string {
  const hex = (n: number) => `U+${n.toString(16).toUpperCase().padStart(4, "0")}`;
  const runs: string[] = [];
  for (let i = 0; i < codepoints.length; i++) {
    const first = codepoints[i]!;
    while (codepoints[i + 1] === codepoints[i]! + 1) i++;
    runs.push(first === codepoints[i] ? hex(first) : `${hex(first)}-${hex(codepoints[i]!).slice(2)}`);
  }
  return runs.join(", ");
}

export const fontsourceFile = (face: RobotoFace) => `roboto-latin-${face.weight}-${face.style}.woff2`;
export const asciiSubsetFile = (face: RobotoFace) => `roboto-ascii-${face.weight}-${face.style}.woff2`;
