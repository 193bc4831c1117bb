import palette from "material-colors/dist/colors.json";
import type { PropValue } from "@weft/protocol";
import { ROLE_BY_NAME, roleVar } from "./colorRoles.ts";

/**
 * Flutter's Material colour swatches by Flet's names (`deeppurple`, `bluegrey`). The hexes come
 * from the `material-colors` package: the Material Design 2 palette, the same values as
 * Flutter's `Colors` (red 500 = #f44336, blue 200 = #90caf9, amber A400 = #ffc400).
 */
const SWATCHES: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map([
  ...Object.entries(palette as Record<string, unknown>)
    .filter((e): e is [string, Record<string, string>] => typeof e[1] === "object" && e[1] !== null && "500" in e[1])
    .map(([name, swatch]) => [name.replace(/-/g, ""), swatch] as const),
  ["gray", palette.grey], // weft's earlier spelling
]);

/** Flutter's translucent whites and blacks (`Colors.white54` is white at alpha 0x8A). */
const PLAIN: Readonly<Record<string, string>> = {
  white: "#ffffff", white10: "#ffffff1a", white12: "#ffffff1f", white24: "#ffffff3d", white30: "#ffffff4d",
  white38: "#ffffff62", white54: "#ffffff8a", white60: "#ffffff99", white70: "#ffffffb3",
  black: "#000000", black12: "#0000001f", black26: "#00000042", black38: "#00000061", black45: "#00000073",
  black54: "#0000008a", black87: "#000000dd",
  transparent: "transparent",
};

/**
 * A colour prop as CSS, read the way Flet's client reads it (flet/lib/src/utils/colors.dart):
 * - `"red,0.5"` (what `Colors.withOpacity(0.5, Colors.RED)` sends): the colour at that opacity;
 * - `"#rrggbb"`, `"#aarrggbb"` and `"0xaarrggbb"`: hex in Flutter's order, alpha first;
 * - a scheme role (`"primary"`, `"onsurfacevariant"`): the page theme's colour;
 * - `"white54"`, `"black12"`, `"transparent"`: Flutter's plain colours;
 * - a swatch (`"blue"`, `"blue200"`, `"blueaccent"`, `"blueaccent400"`): Flutter's exact hex;
 *   a swatch without a shade is its 500 (an accent its A200), an unknown shade the same.
 * Names are read case-insensitively and without `_`, `-` or a `Colors.` prefix (`"BLUE_200"`,
 * `"on_surface"`, `"blueAccent"` all work); anything else CSS understands passes through.
 */
export function resolveColor(value: PropValue | undefined): string | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const comma = value.indexOf(",");
  if (comma > 0 && !value.includes("(")) {
    const opacity = Number(value.slice(comma + 1));
    const base = resolveColor(value.slice(0, comma).trim());
    return base && Number.isFinite(opacity) ? withOpacity(base, opacity) : base;
  }
  if (value.startsWith("#")) return hexToCss(value.slice(1)) ?? value;
  if (/^0x[0-9a-f]+$/i.test(value)) return hexToCss(value.slice(2)) ?? value;
  if (value.includes("(")) return value;
  const name = value.toLowerCase().replace(/^colors\./, "").replace(/[_\s-]/g, "");
  const role = ROLE_BY_NAME.get(name);
  if (role) return `var(${roleVar(role)})`;
  if (Object.hasOwn(PLAIN, name)) return PLAIN[name];
  const named = /^([a-z]+?)(accent)?(\d*)$/.exec(name);
  const swatch = named && SWATCHES.get(named[1]!);
  if (named && swatch) {
    const shade = named[3] ?? "";
    if (named[2]) return swatch[`a${shade}`] ?? swatch.a200;
    return swatch[shade] ?? swatch["500"];
  }
  return value;
}

/** Flutter's hex (`rgb`, `argb`, `rrggbb`, `aarrggbb`) as CSS `#rrggbb[aa]`. */
function hexToCss(hex: string): string | undefined {
  if (!/^[0-9a-f]+$/i.test(hex)) return undefined;
  if (hex.length === 3 || hex.length === 4) hex = [...hex].map((c) => c + c).join("");
  if (hex.length === 6) return `#${hex.toLowerCase()}`;
  if (hex.length === 8) return `#${hex.slice(2).toLowerCase()}${hex.slice(0, 2).toLowerCase()}`;
  return undefined;
}

function withOpacity(color: string, opacity: number): string {
  const pct = Math.round(Math.min(1, Math.max(0, opacity)) * 1000) / 10;
  return `color-mix(in srgb, ${color} ${pct}%, transparent)`;
}
