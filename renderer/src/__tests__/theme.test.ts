import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEMES } from "../defaultSchemes.ts";
import { schemeFromSeed } from "../schemeFromSeed.ts";
import { DEFAULT_SEED, readTheme, seedHex } from "../theme.ts";

describe("the colour scheme", () => {
  it("ships Flet's default schemes exactly as material-color-utilities computes them", () => {
    expect(DEFAULT_SCHEMES.light).toEqual(schemeFromSeed(DEFAULT_SEED, "light"));
    expect(DEFAULT_SCHEMES.dark).toEqual(schemeFromSeed(DEFAULT_SEED, "dark"));
  });

  it("computes Flutter's ColorScheme.fromSeed values", () => {
    // Flutter 3.x: ColorScheme.fromSeed(seedColor: Colors.blue) and Material's baseline purple.
    expect(DEFAULT_SCHEMES.light.primary).toBe("#36618e");
    expect(DEFAULT_SCHEMES.light.surface).toBe("#f8f9ff");
    const baseline = schemeFromSeed("#6750a4", "light");
    expect(baseline.primary).toBe("#65558f");
    expect(baseline.onPrimary).toBe("#ffffff");
    expect(schemeFromSeed("#6750a4", "dark").primary).toBe("#cfbdfe");
  });

  it("takes a seed as hex or as one of Flet's colour names", () => {
    expect(seedHex("#ff0000")).toBe("#ff0000");
    expect(seedHex("green")).toBe("#4caf50");
    expect(seedHex("deeppurple")).toBe("#673ab7");
    expect(seedHex(undefined)).toBe(DEFAULT_SEED);
    expect(seedHex("primary")).toBe(DEFAULT_SEED); // a role cannot seed the scheme it is part of
  });

  it("reads a Theme in weft's camelCase or Flet's snake_case", () => {
    expect(readTheme({ colorSchemeSeed: "green", fontFamily: "Inter" })).toEqual({ colorSchemeSeed: "green", fontFamily: "Inter" });
    expect(readTheme({ color_scheme_seed: "green", color_scheme: { primary: "red" } })).toEqual({ colorSchemeSeed: "green", colorScheme: { primary: "red" } });
    expect(readTheme("green")).toBeUndefined();
  });
});
