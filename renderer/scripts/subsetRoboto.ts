/**
 * Writes `src/fonts/roboto-ascii-*.woff2` and the `robotoAscii.css` that declares them: Roboto's faces cut down to printable ASCII, from the
 * `@fontsource/roboto` files the renderer already ships. Run it after upgrading @fontsource/roboto
 * (`npm run fonts --workspace @weft/renderer`); a unit test fails while the subsets are stale.
 *
 * Why: fontsource's "latin" file of a face holds Latin-1 and punctuation (22 kB per weight); most
 * pages draw only ASCII (and weft's banners three more characters), which fits in 12 kB. Declared after fontsource's faces with an ASCII
 * `unicode-range` (robotoAscii.css), the subset is the face the browser checks first for those
 * characters (CSS Fonts 4: the last rule defined is checked first), so a page of ASCII text
 * downloads only the subsets, and a page with "é" also fetches the latin face for that glyph, as
 * Google Fonts' own subsets work. The subsetting is harfbuzz's (subset-font), which keeps the
 * kerning and ligatures between the glyphs it keeps; the files are committed so that installing
 * weft runs no font tool.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import subsetFont from "subset-font";
import { ROBOTO_ASCII_CODEPOINTS, ROBOTO_ASCII_FACES, ROBOTO_ASCII_UNICODE_RANGE, asciiSubsetFile, fontsourceFile } from "../src/fonts/robotoAsciiFaces.ts";

const fontsDir = fileURLToPath(new URL("../src/fonts/", import.meta.url));
const ascii = String.fromCodePoint(...ROBOTO_ASCII_CODEPOINTS);
const sources: Record<string, string> = {};
for (const face of ROBOTO_ASCII_FACES) {
  const source = readFileSync(fileURLToPath(import.meta.resolve(`@fontsource/roboto/files/${fontsourceFile(face)}`)));
  const subset = await subsetFont(source, ascii, { targetFormat: "woff2" });
  writeFileSync(`${fontsDir}${asciiSubsetFile(face)}`, subset);
  sources[fontsourceFile(face)] = createHash("sha256").update(source).digest("hex");
  console.log(`  ${asciiSubsetFile(face)}  ${(source.length / 1000).toFixed(1)} kB → ${(subset.length / 1000).toFixed(1)} kB`);
}
writeFileSync(`${fontsDir}robotoAscii.css`, fontFaces());
// What the subsets were cut from: the unit test compares it with the installed fontsource files.
writeFileSync(`${fontsDir}roboto-ascii.sources.json`, `${JSON.stringify(sources, null, 2)}\n`);

/** robotoAscii.css: one @font-face per subset, written from the same list as the files. */
function fontFaces(): string {
  const header = `/*
 * Written by renderer/scripts/subsetRoboto.ts (do not edit): Roboto cut to printable ASCII and × — …,
 * declared after fontsource's faces so the browser checks these first for those characters: a page
 * of ASCII text downloads 12 kB per face instead of fontsource's 22 kB latin file, which still draws
 * everything else.
 */
`;
  const face = (f: (typeof ROBOTO_ASCII_FACES)[number]) => `@font-face {
  font-family: "Roboto";
  font-style: ${f.style};
  font-display: swap;
  font-weight: ${f.weight};
  src: url("./${asciiSubsetFile(f)}") format("woff2");
  unicode-range: ${ROBOTO_ASCII_UNICODE_RANGE};
}
`;
  return header + ROBOTO_ASCII_FACES.map(face).join("");
}
