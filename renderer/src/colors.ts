import type { PropValue } from "@weft/protocol";

/** Material 2 palette primaries (shade 500), keyed by Flet's names without underscores. */
export const PALETTE: Readonly<Record<string, string>> = {
  red: "#f44336",
  pink: "#e91e63",
  purple: "#9c27b0",
  deeppurple: "#673ab7",
  indigo: "#3f51b5",
  blue: "#2196f3",
  lightblue: "#03a9f4",
  cyan: "#00bcd4",
  teal: "#009688",
  green: "#4caf50",
  lightgreen: "#8bc34a",
  lime: "#cddc39",
  yellow: "#ffeb3b",
  amber: "#ffc107",
  orange: "#ff9800",
  deeporange: "#ff5722",
  brown: "#795548",
  grey: "#9e9e9e",
  gray: "#9e9e9e",
  bluegrey: "#607d8b",
};

/** Shades are mixes of the 500 primary with white (lighter) or black (darker). */
const SHADES: Readonly<Record<string, [number, "white" | "black"]>> = {
  "50": [12, "white"],
  "100": [30, "white"],
  "200": [50, "white"],
  "300": [70, "white"],
  "400": [85, "white"],
  "500": [100, "white"],
  "600": [90, "black"],
  "700": [78, "black"],
  "800": [66, "black"],
  "900": [54, "black"],
};

/** Colour-scheme roles (`primary`, `on_surface`…) → the theme's custom properties. */
const ROLES: Readonly<Record<string, string>> = {
  primary: "primary",
  onprimary: "on-primary",
  primarycontainer: "primary-container",
  onprimarycontainer: "on-primary-container",
  secondary: "secondary",
  onsecondary: "on-secondary",
  secondarycontainer: "secondary-container",
  onsecondarycontainer: "on-secondary-container",
  tertiary: "tertiary",
  surface: "surface",
  onsurface: "on-surface",
  surfacevariant: "surface-variant",
  onsurfacevariant: "on-surface-variant",
  surfacecontainerlow: "surface-container-low",
  surfacecontainer: "surface-container",
  surfacecontainerhigh: "surface-container-high",
  surfacecontainerhighest: "surface-container-highest",
  inversesurface: "inverse-surface",
  oninversesurface: "inverse-on-surface",
  inverseprimary: "inverse-primary",
  background: "surface",
  onbackground: "on-surface",
  outline: "outline",
  outlinevariant: "outline-variant",
  error: "error",
  onerror: "on-error",
  errorcontainer: "error-container",
  onerrorcontainer: "on-error-container",
};

/**
 * A colour prop as CSS. Takes what Flet apps write — `"red"`, `"blue_400"`, `"blueAccent"`,
 * `"primary"`, `"on_surface"`, `"white54"`, `"red,0.5"` — and anything CSS understands
 * (`"#ff0000"`, `"rgb(…)"`, `"rebeccapurple"`), which passes through unchanged.
 */
export function resolveColor(value: PropValue | undefined): string | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const comma = value.lastIndexOf(",");
  if (comma > 0 && !value.includes("(")) {
    // Flet's `Colors.with_opacity(0.5, "red")` travels as "red,0.5".
    const opacity = Number(value.slice(comma + 1));
    const base = resolveColor(value.slice(0, comma).trim());
    if (base && Number.isFinite(opacity)) return withOpacity(base, opacity);
  }
  if (value[0] === "#" || value.includes("(")) return value;
  const name = value.toLowerCase().replace(/^colors\./, "").replace(/[_\s-]/g, "");
  const role = ROLES[name];
  if (role) return `var(--weft-${role})`;
  // Flet's translucent black and white: white54 is white at 54 % opacity.
  const bw = /^(white|black)(\d{2})$/.exec(name);
  if (bw) return withOpacity(bw[1]!, Number(bw[2]) / 100);
  const shade = /^([a-z]+?)(accent)?(50|[1-9]00)?$/.exec(name);
  if (shade && PALETTE[shade[1]!]) {
    const base = PALETTE[shade[1]!]!;
    // Accents are the saturated variants; approximate them by the 500/A200 tones.
    const [amount, toward] = SHADES[shade[3] ?? (shade[2] ? "400" : "500")] ?? SHADES["500"]!;
    return amount === 100 ? base : `color-mix(in srgb, ${base} ${amount}%, ${toward})`;
  }
  return value;
}

function withOpacity(color: string, opacity: number): string {
  const pct = Math.round(Math.min(1, Math.max(0, opacity)) * 100);
  return `color-mix(in srgb, ${color} ${pct}%, transparent)`;
}
