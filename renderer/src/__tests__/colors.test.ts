import { describe, expect, it } from "vitest";
import { resolveColor } from "../colors.ts";

// The strings Flet's Colors send (`Colors.BLUE_200` is "blue200"); test/e2e/look.spec.ts draws
// every one of weft's Colors constants in a browser.

describe("resolveColor", () => {
  it("gives Flutter's exact swatch hexes for Flet's names", () => {
    // Values of Flutter's Colors (material/colors.dart).
    expect(resolveColor("red")).toBe("#f44336");
    expect(resolveColor("blue200")).toBe("#90caf9");
    expect(resolveColor("deeppurple700")).toBe("#512da8");
    expect(resolveColor("bluegrey50")).toBe("#eceff1");
    expect(resolveColor("amberaccent400")).toBe("#ffc400");
    expect(resolveColor("lightgreenaccent")).toBe("#b2ff59"); // an accent without a shade is its A200
    expect(resolveColor("grey900")).toBe("#212121");
  });

  it("reads weft's older spellings of the same names", () => {
    expect(resolveColor("blue_200")).toBe("#90caf9");
    expect(resolveColor("Colors.DEEP_PURPLE")).toBe("#673ab7");
    expect(resolveColor("blueAccent")).toBe("#448aff");
    expect(resolveColor("gray")).toBe("#9e9e9e");
  });

  it("maps colour-scheme roles in either spelling to the theme's custom properties", () => {
    expect(resolveColor("primary")).toBe("var(--weft-primary)");
    expect(resolveColor("onsurfacevariant")).toBe("var(--weft-on-surface-variant)");
    expect(resolveColor("on_surface")).toBe("var(--weft-on-surface)");
    expect(resolveColor("primaryContainer")).toBe("var(--weft-primary-container)");
    expect(resolveColor("oninversesurface")).toBe("var(--weft-on-inverse-surface)");
    // Flutter's deprecated roles resolve as Flutter resolves them.
    expect(resolveColor("surfaceVariant")).toBe("var(--weft-surface-container-highest)");
  });

  it("reads hex in Flutter's order: alpha first", () => {
    expect(resolveColor("#ff0000")).toBe("#ff0000");
    expect(resolveColor("#80ff0000")).toBe("#ff000080");
    expect(resolveColor("0xff2196f3")).toBe("#2196f3ff");
    expect(resolveColor("#c00")).toBe("#cc0000");
    expect(resolveColor("#8c00")).toBe("#cc000088");
  });

  it("applies Flet's opacity suffix (red,0.5) and Flutter's translucent black and white", () => {
    expect(resolveColor("red,0.5")).toBe("color-mix(in srgb, #f44336 50%, transparent)");
    expect(resolveColor("primary,0.12")).toBe("color-mix(in srgb, var(--weft-primary) 12%, transparent)");
    expect(resolveColor("white54")).toBe("#ffffff8a");
    expect(resolveColor("black12")).toBe("#0000001f");
  });

  it("passes other CSS colours through, and ignores values that are not colours", () => {
    expect(resolveColor("rgb(1 2 3)")).toBe("rgb(1 2 3)");
    expect(resolveColor("rebeccapurple")).toBe("rebeccapurple");
    expect(resolveColor(undefined)).toBeUndefined();
    expect(resolveColor(12)).toBeUndefined();
    expect(resolveColor("")).toBeUndefined();
  });
});
