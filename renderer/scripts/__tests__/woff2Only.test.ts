import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { dropWoffFallbacks } from "../woff2Only.ts";

/** The fontsource stylesheets the renderer's entry imports (src/main.tsx). */
const imported = [...readFileSync(new URL("../../src/main.tsx", import.meta.url), "utf8").matchAll(/^import "(@fontsource\/[^"]+\.css)";/gm)].map((m) => m[1]!);

describe("the renderer's fonts are WOFF2 only", () => {
  it("finds the fontsource stylesheets main.tsx imports", () => {
    expect(imported.length).toBeGreaterThanOrEqual(4);
  });

  it.each(imported)("%s: every face keeps its WOFF2 file and loses its WOFF fallback", (name) => {
    const css = readFileSync(fileURLToPath(import.meta.resolve(name)), "utf8");
    const faces = (text: string) => [...text.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => m[1]!);
    const before = faces(css);
    const after = faces(dropWoffFallbacks(css));
    expect(before.some((face) => /\.woff\)/.test(face)), "fontsource still writes WOFF fallbacks").toBe(true);
    expect(after).toHaveLength(before.length);
    for (const [i, face] of after.entries()) {
      expect(face).not.toMatch(/\.woff\)/);
      expect(face).toMatch(/src:\s*url\([^)]+\.woff2\)\s*format\('woff2'\);/);
      // nothing else of the face changed
      expect(face.replace(/src:[^;]*;/, "")).toBe(before[i]!.replace(/src:[^;]*;/, ""));
    }
  });
});
