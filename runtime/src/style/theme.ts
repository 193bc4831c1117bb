import type { ColorValue } from "../constants/colors.ts";

/** `page.themeMode`: follow the OS (Flet's default), or force light or dark. */
export const ThemeMode = { SYSTEM: "system", LIGHT: "light", DARK: "dark" } as const;
export type ThemeMode = (typeof ThemeMode)[keyof typeof ThemeMode];

/** Colour-scheme roles to set by hand, on top of the ones computed from the seed (Flet's `ColorScheme`). */
export interface ColorSchemeProps {
  /** The main colour: filled buttons, the active state of switches, sliders and fields, the progress bar. */
  primary?: ColorValue;
  /** Text and icons drawn on `primary` (a FilledButton's label). */
  onPrimary?: ColorValue;
  /** A softer fill of the primary hue, for things that stand out less than `primary` (a FloatingActionButton). */
  primaryContainer?: ColorValue;
  /** Text and icons drawn on `primaryContainer`. */
  onPrimaryContainer?: ColorValue;
  /** A primary fill that stays the same in light and dark mode. */
  primaryFixed?: ColorValue;
  /** A deeper tone of `primaryFixed`, the same in light and dark mode. */
  primaryFixedDim?: ColorValue;
  /** Text and icons drawn on `primaryFixed` or `primaryFixedDim`. */
  onPrimaryFixed?: ColorValue;
  /** Lower-emphasis text and icons on `primaryFixed` or `primaryFixedDim`. */
  onPrimaryFixedVariant?: ColorValue;
  /** The accent colour for less prominent parts (filter chips, a tonal button). */
  secondary?: ColorValue;
  /** Text and icons drawn on `secondary`. */
  onSecondary?: ColorValue;
  /**
   * A softer secondary fill: a tonal button, the pill behind a NavigationBar's selected icon, a
   * progress bar's track.
   */
  secondaryContainer?: ColorValue;
  /** Text and icons drawn on `secondaryContainer`. */
  onSecondaryContainer?: ColorValue;
  /** A secondary fill that stays the same in light and dark mode. */
  secondaryFixed?: ColorValue;
  /** A deeper tone of `secondaryFixed`, the same in light and dark mode. */
  secondaryFixedDim?: ColorValue;
  /** Text and icons drawn on `secondaryFixed` or `secondaryFixedDim`. */
  onSecondaryFixed?: ColorValue;
  /** Lower-emphasis text and icons on `secondaryFixed` or `secondaryFixedDim`. */
  onSecondaryFixedVariant?: ColorValue;
  /** A contrasting accent to balance primary and secondary (an input's highlight, a badge). */
  tertiary?: ColorValue;
  /** Text and icons drawn on `tertiary`. */
  onTertiary?: ColorValue;
  /** A softer tertiary fill. */
  tertiaryContainer?: ColorValue;
  /** Text and icons drawn on `tertiaryContainer`. */
  onTertiaryContainer?: ColorValue;
  /** A tertiary fill that stays the same in light and dark mode. */
  tertiaryFixed?: ColorValue;
  /** A deeper tone of `tertiaryFixed`, the same in light and dark mode. */
  tertiaryFixedDim?: ColorValue;
  /** Text and icons drawn on `tertiaryFixed` or `tertiaryFixedDim`. */
  onTertiaryFixed?: ColorValue;
  /** Lower-emphasis text and icons on `tertiaryFixed` or `tertiaryFixedDim`. */
  onTertiaryFixedVariant?: ColorValue;
  /** Errors: a field's error text and border, a destructive button. */
  error?: ColorValue;
  /** Text and icons drawn on `error`. */
  onError?: ColorValue;
  /** A softer error fill (weft's own error banner uses it). */
  errorContainer?: ColorValue;
  /** Text and icons drawn on `errorContainer`. */
  onErrorContainer?: ColorValue;
  /** The page's background, and the background of an AppBar, a DataTable, an outlined Card. */
  surface?: ColorValue;
  /** Text and icons on any surface: the default text colour. */
  onSurface?: ColorValue;
  /** Lower-emphasis text and icons on a surface: hints, captions, an unselected tab. */
  onSurfaceVariant?: ColorValue;
  /** The tint Material mixes into raised surfaces to show their elevation; usually `primary`. */
  surfaceTint?: ColorValue;
  /** The darkest surface tone, in light and dark mode alike. */
  surfaceDim?: ColorValue;
  /** The brightest surface tone, in light and dark mode alike. */
  surfaceBright?: ColorValue;
  /** The lowest-emphasis container: the surface furthest back. */
  surfaceContainerLowest?: ColorValue;
  /** A low-emphasis container: an elevated Card, a BottomSheet. */
  surfaceContainerLow?: ColorValue;
  /** The default container: a NavigationBar, a popup menu. */
  surfaceContainer?: ColorValue;
  /** A high-emphasis container: a dialog. */
  surfaceContainerHigh?: ColorValue;
  /** The highest-emphasis container: a filled TextField, a filled Card. */
  surfaceContainerHighest?: ColorValue;
  /** Borders that matter: an outlined button or TextField. */
  outline?: ColorValue;
  /** Decorative borders and lines: a Divider, an outlined Card. */
  outlineVariant?: ColorValue;
  /** The colour of shadows under raised controls. */
  shadow?: ColorValue;
  /** The veil over the page behind a modal dialog or sheet. */
  scrim?: ColorValue;
  /** A surface in the opposite mode, to stand out: a SnackBar, a Slider's value label. */
  inverseSurface?: ColorValue;
  /** Text and icons drawn on `inverseSurface`. */
  onInverseSurface?: ColorValue;
  /** The primary colour to use on `inverseSurface` (a SnackBar's action). */
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
