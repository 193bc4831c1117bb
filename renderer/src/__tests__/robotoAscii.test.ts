import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ROBOTO_ASCII_CODEPOINTS, ROBOTO_ASCII_FACES, ROBOTO_ASCII_UNICODE_RANGE, asciiSubsetFile, fontsourceFile } from "../fonts/robotoAsciiFaces.ts";

const fonts = new URL("../fonts/", import.meta.url);
const sources = JSON.parse(readFileSync(new URL("roboto-ascii.sources.json", fonts), "utf8")) as Record<string, string>;
const css = readFileSync(new URL("robotoAscii.css", fonts), "utf8");

describe("Roboto's ASCII subsets", () => {
  it.each(ROBOTO_ASCII_FACES.map((face) => [`${face.weight} ${face.style}`, face] as const))("%s was cut from the installed @fontsource/roboto face (else run `npm run fonts --workspace @weft/renderer`)", (_, face) => {
    const installed = readFileSync(fileURLToPath(import.meta.resolve(`@fontsource/roboto/files/${fontsourceFile(face)}`)));
    expect(createHash("sha256").update(installed).digest("hex")).toBe(sources[fontsourceFile(face)]);
    const subset = readFileSync(new URL(asciiSubsetFile(face), fonts));
    expect(subset.subarray(0, 4).toString("latin1")).toBe("wOF2");
    expect(subset.length).toBeLessThan(installed.length * 0.7);
  });

  it("the unicode-range names exactly the code points the subsets hold", () => {
    const inRange = ROBOTO_ASCII_UNICODE_RANGE.split(/,\s*/).flatMap((part) => {
      const [first, last = first] = part.replace("U+", "").split("-").map((hex) => parseInt(hex!, 16));
      return Array.from({ length: last! - first! + 1 }, (_, i) => first! + i);
    });
    expect(inRange).toEqual(ROBOTO_ASCII_CODEPOINTS);
  });

  it("robotoAscii.css declares each subset with its weight, style and range", () => {
    const faces = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => m[1]!);
    expect(faces).toHaveLength(ROBOTO_ASCII_FACES.length);
    for (const face of ROBOTO_ASCII_FACES) {
      const rule = faces.find((f) => f.includes(asciiSubsetFile(face)));
      expect(rule, asciiSubsetFile(face)).toBeDefined();
      expect(rule).toContain(`font-weight: ${face.weight};`);
      expect(rule).toContain(`font-style: ${face.style};`);
      expect(rule).toContain(`unicode-range: ${ROBOTO_ASCII_UNICODE_RANGE};`);
    }
  });
});
