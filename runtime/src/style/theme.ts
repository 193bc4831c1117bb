import type { ColorValue } from "../constants/colors.ts";

/** `page.themeMode`: follow the OS (Flet's default), or force light or dark. */
export const ThemeMode = { SYSTEM: "system", LIGHT: "light", DARK: "dark" } as const;
export type ThemeMode = (typeof ThemeMode)[keyof typeof ThemeMode];

/** Colour-scheme roles to set by hand, on top of the ones computed from the seed (Flet's `ColorScheme`). */
export interface ColorSchemeProps {
  primary?: ColorValue;
  onPrimary?: ColorValue;
  primaryContainer?: ColorValue;
  onPrimaryContainer?: ColorValue;
  primaryFixed?: ColorValue;
  primaryFixedDim?: ColorValue;
  onPrimaryFixed?: ColorValue;
  onPrimaryFixedVariant?: ColorValue;
  secondary?: ColorValue;
  onSecondary?: ColorValue;
  secondaryContainer?: ColorValue;
  onSecondaryContainer?: ColorValue;
  secondaryFixed?: ColorValue;
  secondaryFixedDim?: ColorValue;
  onSecondaryFixed?: ColorValue;
  onSecondaryFixedVariant?: ColorValue;
  tertiary?: ColorValue;
  onTertiary?: ColorValue;
  tertiaryContainer?: ColorValue;
  onTertiaryContainer?: ColorValue;
  tertiaryFixed?: ColorValue;
  tertiaryFixedDim?: ColorValue;
  onTertiaryFixed?: ColorValue;
  onTertiaryFixedVariant?: ColorValue;
  error?: ColorValue;
  onError?: ColorValue;
  errorContainer?: ColorValue;
  onErrorContainer?: ColorValue;
  surface?: ColorValue;
  onSurface?: ColorValue;
  onSurfaceVariant?: ColorValue;
  surfaceTint?: ColorValue;
  surfaceDim?: ColorValue;
  surfaceBright?: ColorValue;
  surfaceContainerLowest?: ColorValue;
  surfaceContainerLow?: ColorValue;
  surfaceContainer?: ColorValue;
  surfaceContainerHigh?: ColorValue;
  surfaceContainerHighest?: ColorValue;
  outline?: ColorValue;
  outlineVariant?: ColorValue;
  shadow?: ColorValue;
  scrim?: ColorValue;
  inverseSurface?: ColorValue;
  onInverseSurface?: ColorValue;
  inversePrimary?: ColorValue;
}

export interface ColorScheme extends ColorSchemeProps {}

/** Roles of the colour scheme set by hand: `new ColorScheme({ primary: Colors.GREEN })`. */
export class ColorScheme {
  constructor(props: ColorSchemeProps = {}) {
    Object.assign(this, props);
  }
}

/**
 * How tight controls are packed (Flutter's VisualDensity). The default, as in Flet and Flutter,
 * is ADAPTIVE_PLATFORM_DENSITY: standard on phones and tablets, compact on desktops (a 32 px
 * button and a 48 px text field instead of 40 and 56).
 */
export const VisualDensity = {
  STANDARD: "standard",
  COMFORTABLE: "comfortable",
  COMPACT: "compact",
  ADAPTIVE_PLATFORM_DENSITY: "adaptivePlatformDensity",
} as const;
export type VisualDensity = (typeof VisualDensity)[keyof typeof VisualDensity];

/** What `new Theme({ … })` takes (Flet's `ft.Theme`): `page.theme = new Theme({ colorSchemeSeed: Colors.GREEN })`. */
export interface ThemeProps {
  /**
   * The seed of the Material 3 colour scheme, computed as Flutter's `ColorScheme.fromSeed`
   * (default `Colors.BLUE`, as in Flet).
   */
  colorSchemeSeed?: ColorValue;
  /** Roles that override the computed scheme. */
  colorScheme?: ColorScheme | ColorSchemeProps;
  /** The font of every text (default Roboto). */
  fontFamily?: string;
  /** The background of every view (default the scheme's `surface`). */
  scaffoldBgcolor?: ColorValue;
  /** How tight controls are packed; default adaptive (compact on desktops). */
  visualDensity?: VisualDensity;
}

export interface Theme extends ThemeProps {}

/**
 * Flet's `Theme`: `page.theme = new Theme({ colorSchemeSeed: Colors.GREEN })`, and
 * `page.darkTheme` for dark mode (without it, dark mode uses `page.theme`).
 */
export class Theme {
  constructor(props: ThemeProps = {}) {
    Object.assign(this, props);
  }
}
