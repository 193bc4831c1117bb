import { describe, expect, it } from "vitest";
import { resolveColor } from "../colors.ts";
import { findIcon } from "../icons.ts";
import { parseSeed } from "../theme.ts";

describe("resolveColor", () => {
  it("passes CSS colours through unchanged", () => {
    expect(resolveColor("#ff0000")).toBe("#ff0000");
    expect(resolveColor("rgb(1 2 3)")).toBe("rgb(1 2 3)");
    expect(resolveColor("rebeccapurple")).toBe("rebeccapurple");
  });

  it("maps colour-scheme roles in either spelling to the theme's custom properties", () => {
    expect(resolveColor("primary")).toBe("var(--weft-primary)");
    expect(resolveColor("on_surface")).toBe("var(--weft-on-surface)");
    expect(resolveColor("primaryContainer")).toBe("var(--weft-primary-container)");
  });

  it("reads Flet's palette names with shades", () => {
    expect(resolveColor("red")).toBe("#f44336");
    expect(resolveColor("blue_200")).toBe("color-mix(in srgb, #2196f3 50%, white)");
    expect(resolveColor("Colors.DEEP_PURPLE")).toBe("#673ab7");
  });

  it("applies Flet's opacity suffix and translucent black/white", () => {
    expect(resolveColor("red,0.5")).toBe("color-mix(in srgb, #f44336 50%, transparent)");
    expect(resolveColor("white54")).toBe("color-mix(in srgb, white 54%, transparent)");
  });

  it("ignores values that are not colours", () => {
    expect(resolveColor(undefined)).toBeUndefined();
    expect(resolveColor(12)).toBeUndefined();
    expect(resolveColor("")).toBeUndefined();
  });
});

describe("findIcon", () => {
  it("finds icons under Flet's spellings and variants", () => {
    expect(findIcon("add")).toBeDefined();
    expect(findIcon("Icons.DELETE")).toBe(findIcon("delete"));
    expect(findIcon("favorite_outline")).toBe(findIcon("favorite_border"));
    expect(findIcon("settings_rounded")).toBe(findIcon("settings"));
  });

  it("has no icon for an unknown name, or for Object members", () => {
    expect(findIcon("no_such_icon")).toBeUndefined();
    expect(findIcon("constructor")).toBeUndefined();
  });
});

describe("parseSeed", () => {
  it("reads hex seeds and palette names", () => {
    expect(parseSeed("#ff0000")).toEqual({ h: 0, s: 1, l: 0.5 });
    expect(parseSeed("#f00")).toEqual({ h: 0, s: 1, l: 0.5 });
    expect(parseSeed("green")!.h).toBeCloseTo(122.4, 0);
    expect(parseSeed("not a colour")).toBeNull();
  });
});
