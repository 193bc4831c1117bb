/**
 * The roles of Material 3's colour scheme, in Flutter's `ColorScheme` names. Each is a CSS custom
 * property on the document (`onPrimaryContainer` → `--weft-on-primary-container`) that theme.ts
 * sets and every control's CSS reads.
 */
export const SCHEME_ROLES = [
  "primary", "onPrimary", "primaryContainer", "onPrimaryContainer",
  "primaryFixed", "primaryFixedDim", "onPrimaryFixed", "onPrimaryFixedVariant",
  "secondary", "onSecondary", "secondaryContainer", "onSecondaryContainer",
  "secondaryFixed", "secondaryFixedDim", "onSecondaryFixed", "onSecondaryFixedVariant",
  "tertiary", "onTertiary", "tertiaryContainer", "onTertiaryContainer",
  "tertiaryFixed", "tertiaryFixedDim", "onTertiaryFixed", "onTertiaryFixedVariant",
  "error", "onError", "errorContainer", "onErrorContainer",
  "surface", "onSurface", "onSurfaceVariant", "surfaceTint", "surfaceDim", "surfaceBright",
  "surfaceContainerLowest", "surfaceContainerLow", "surfaceContainer", "surfaceContainerHigh", "surfaceContainerHighest",
  "outline", "outlineVariant", "shadow", "scrim",
  "inverseSurface", "onInverseSurface", "inversePrimary",
] as const;

export type SchemeRole = (typeof SCHEME_ROLES)[number];

/** `onPrimaryContainer` → `--weft-on-primary-container`. */
export function roleVar(role: SchemeRole): string {
  return `--weft-${role.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * Flet's spelling of each role (lower case, no separators: `onprimarycontainer`) → the role,
 * plus the names Flutter deprecated, which still resolve as Flutter resolves them.
 */
export const ROLE_BY_NAME: ReadonlyMap<string, SchemeRole> = new Map<string, SchemeRole>([
  ...SCHEME_ROLES.map((role) => [role.toLowerCase(), role] as const),
  ["background", "surface"],
  ["onbackground", "onSurface"],
  ["surfacevariant", "surfaceContainerHighest"],
]);
