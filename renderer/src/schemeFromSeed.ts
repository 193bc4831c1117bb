import { argbFromHex, hexFromArgb, Hct, SchemeTonalSpot } from "@material/material-color-utilities";
import { SCHEME_ROLES, type SchemeRole } from "./colorRoles.ts";

export type Brightness = "light" | "dark";
export type ColorScheme = Readonly<Record<SchemeRole, string>>;

/**
 * Material 3's colour scheme for a seed, computed as Flutter's `ColorScheme.fromSeed` computes
 * it: Google's material-color-utilities, the tonal-spot variant, standard contrast, the 2021
 * spec (the one Flutter's material_color_utilities implements). This module is loaded on
 * demand (theme.ts): the library is a quarter of the renderer's size and most apps keep
 * Flet's default seed, whose schemes ship precomputed.
 */
export function schemeFromSeed(seedHex: string, brightness: Brightness): ColorScheme {
  const scheme = new SchemeTonalSpot(Hct.fromInt(argbFromHex(seedHex)), brightness === "dark", 0);
  const colors = {} as Record<SchemeRole, string>;
  // The scheme's getters (scheme.primary, scheme.onSurfaceVariant…) are Flutter's role names.
  // (material-color-utilities spells Flutter's onInverseSurface inverseOnSurface.)
  for (const role of SCHEME_ROLES) colors[role] = hexFromArgb(role === "onInverseSurface" ? scheme.inverseOnSurface : scheme[role]);
  return colors;
}
