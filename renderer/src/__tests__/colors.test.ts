import { describe, expect, it } from "vitest";
import { Colors } from "../../../runtime/src/constants/colors.ts";
import { COLOR_NAMES } from "../../../runtime/src/constants/colorNames.ts";
import { resolveColor } from "../colors.ts";

describe("resolveColor", () => {
  it("gives Flutter's exact swatch hexes for Flet's names", () => {
    // Values of Flutter's Colors (material/colors.dart).
    expect(resolveColor(Colors.RED)).toBe("#f44336");
    expect(resolveColor(Colors.BLUE_200)).toBe("#90caf9");
    expect(resolveColor(Colors.DEEP_PURPLE_700)).toBe("#512da8");
    expect(resolveColor(Colors.BLUE_GREY_50)).toBe("#eceff1");
    expect(resolveColor(Colors.AMBER_ACCENT_400)).toBe("#ffc400");
    expect(resolveColor(Colors.LIGHT_GREEN_ACCENT)).toBe("#b2ff59"); // an accent without a shade is its A200
    expect(resolveColor(Colors.GREY_900)).toBe("#212121");
  });

  it("resolves every name of Flet's Colors to a colour", () => {
    for (const [name, value] of Object.entries(COLOR_NAMES)) {
      const css = resolveColor(value);
      expect(css, name).toMatch(/^(#[0-9a-f]{6}([0-9a-f]{2})?|var\(--weft-[a-z-]+\)|transparent)$/);
    }
  });

  it("reads weft's older spellings of the same names", () => {
    expect(resolveColor("blue_200")).toBe("#90caf9");
    expect(resolveColor("Colors.DEEP_PURPLE")).toBe("#673ab7");
    expect(resolveColor("blueAccent")).toBe("#448aff");
    expect(resolveColor("gray")).toBe("#9e9e9e");
  });

  it("maps colour-scheme roles in either spelling to the theme's custom properties", () => {
    expect(resolveColor(Colors.PRIMARY)).toBe("var(--weft-primary)");
    expect(resolveColor(Colors.ON_SURFACE_VARIANT)).toBe("var(--weft-on-surface-variant)");
    expect(resolveColor("on_surface")).toBe("var(--weft-on-surface)");
    expect(resolveColor("primaryContainer")).toBe("var(--weft-primary-container)");
    expect(resolveColor(Colors.ON_INVERSE_SURFACE)).toBe("var(--weft-on-inverse-surface)");
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

  it("applies Colors.withOpacity and Flutter's translucent black and white", () => {
    expect(Colors.withOpacity(0.5, Colors.RED)).toBe("red,0.5");
    expect(resolveColor(Colors.withOpacity(0.5, Colors.RED))).toBe("color-mix(in srgb, #f44336 50%, transparent)");
    expect(resolveColor(Colors.withOpacity(0.12, Colors.PRIMARY))).toBe("color-mix(in srgb, var(--weft-primary) 12%, transparent)");
    expect(resolveColor(Colors.WHITE_54)).toBe("#ffffff8a");
    expect(resolveColor(Colors.BLACK_12)).toBe("#0000001f");
    expect(() => Colors.withOpacity(1.5, Colors.RED)).toThrow(RangeError);
  });

  it("passes other CSS colours through, and ignores values that are not colours", () => {
    expect(resolveColor("rgb(1 2 3)")).toBe("rgb(1 2 3)");
    expect(resolveColor("rebeccapurple")).toBe("rebeccapurple");
    expect(resolveColor(undefined)).toBeUndefined();
    expect(resolveColor(12)).toBeUndefined();
    expect(resolveColor("")).toBeUndefined();
  });
});
