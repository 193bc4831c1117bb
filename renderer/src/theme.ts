import type { PropValue } from "@weft/protocol";
import { ROLE_BY_NAME, roleVar, SCHEME_ROLES } from "./colorRoles.ts";
import { resolveColor } from "./colors.ts";
import { DEFAULT_SCHEMES } from "./defaultSchemes.ts";
import { detectPlatform } from "./readClientInfo.ts";
import type { Brightness, ColorScheme } from "./schemeFromSeed.ts";

/** Flet's seed when an app sets no theme: Flutter's `Colors.blue` (flet/lib/src/utils/theme.dart). */
export const DEFAULT_SEED = "#2196f3";

export type { Brightness } from "./schemeFromSeed.ts";

/** The parts of Flet's `Theme` the renderer draws (the rest of Flutter's ThemeData has no CSS twin yet). */
export interface ThemeSpec {
  colorSchemeSeed?: string;
  /** Roles to override after the scheme is computed: `{ primary: "#6750a4", onPrimary: … }`. */
  colorScheme?: Record<string, string>;
  fontFamily?: string;
  scaffoldBgcolor?: string;
  visualDensity?: string;
}

/** Reads a `theme` / `darkTheme` prop (a Theme object from the app) as a ThemeSpec. */
export function readTheme(value: PropValue | undefined): ThemeSpec | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const spec: ThemeSpec = {};
  const seed = value.colorSchemeSeed ?? value.color_scheme_seed;
  if (typeof seed === "string") spec.colorSchemeSeed = seed;
  const scheme = value.colorScheme ?? value.color_scheme;
  if (typeof scheme === "object" && scheme !== null && !Array.isArray(scheme)) {
    spec.colorScheme = Object.fromEntries(Object.entries(scheme).filter((e): e is [string, string] => typeof e[1] === "string"));
  }
  const font = value.fontFamily ?? value.font_family;
  if (typeof font === "string" && font !== "") spec.fontFamily = font;
  const scaffold = value.scaffoldBgcolor ?? value.scaffold_bgcolor;
  if (typeof scaffold === "string") spec.scaffoldBgcolor = scaffold;
  const density = value.visualDensity ?? value.visual_density;
  if (typeof density === "string") spec.visualDensity = density;
  return spec;
}

const schemes = new Map<string, ColorScheme>([
  [`${DEFAULT_SEED}/light`, DEFAULT_SCHEMES.light],
  [`${DEFAULT_SEED}/dark`, DEFAULT_SCHEMES.dark],
]);

/** The scheme of a seed if it is computed already (Flet's default seed always is). */
export function cachedScheme(seed: string, brightness: Brightness): ColorScheme | undefined {
  return schemes.get(`${seed}/${brightness}`);
}

/** Computes a seed's scheme, loading material-color-utilities the first time one is needed. */
export async function loadScheme(seed: string, brightness: Brightness): Promise<ColorScheme> {
  const cached = cachedScheme(seed, brightness);
  if (cached) return cached;
  const { schemeFromSeed } = await import("./schemeFromSeed.ts");
  const scheme = schemeFromSeed(seed, brightness);
  schemes.set(`${seed}/${brightness}`, scheme);
  return scheme;
}

/**
 * Flutter's VisualDensity as one number (its vertical step; each is 4 px): standard 0,
 * comfortable -1, compact -2. "adaptivePlatformDensity", Flet's default, is Flutter's
 * `VisualDensity.defaultDensityForPlatform`: standard on Android and iOS, compact on desktops.
 */
export function densityOf(name: string | undefined): number {
  switch (name?.toLowerCase()) {
    case "standard":
      return 0;
    case "comfortable":
      return -1;
    case "compact":
      return -2;
    default: {
      const platform = detectPlatform();
      return platform === "android" || platform === "ios" || platform === undefined ? 0 : -2;
    }
  }
}

/** A seed as `#rrggbb`: a hex, or a Flet colour name (`"deeppurple"`, `Colors.GREEN_700`). */
export function seedHex(seed: string | undefined): string {
  const css = resolveColor(seed);
  const hex = css && /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(css);
  return hex ? `#${hex[1]!.toLowerCase()}` : DEFAULT_SEED;
}

/**
 * Sets the colour scheme's custom properties (`--weft-primary`, `--weft-on-surface`…) and the
 * font on the document: `scheme` (the theme's seed's, see loadScheme) with the theme's
 * `colorScheme` overrides on top.
 */
export function applyTheme(brightness: Brightness, theme: ThemeSpec | undefined, scheme: ColorScheme = DEFAULT_SCHEMES[brightness]): void {
  const vars = new Map<string, string>();
  for (const role of SCHEME_ROLES) vars.set(roleVar(role), scheme[role]);
  for (const [name, value] of Object.entries(theme?.colorScheme ?? {})) {
    const role = ROLE_BY_NAME.get(name.toLowerCase().replace(/[_-]/g, ""));
    const color = resolveColor(value);
    if (role && color) vars.set(roleVar(role), color);
  }
  const scaffold = resolveColor(theme?.scaffoldBgcolor);
  vars.set("--weft-scaffold", scaffold ?? `var(${roleVar("surface")})`);
  vars.set("--weft-density", String(densityOf(theme?.visualDensity)));
  const root = document.documentElement;
  for (const [name, value] of vars) root.style.setProperty(name, value);
  if (theme?.fontFamily) root.style.setProperty("--weft-font-family", JSON.stringify(theme.fontFamily));
  else root.style.removeProperty("--weft-font-family");
  root.style.colorScheme = brightness;
  root.dataset.weftTheme = brightness;
}
