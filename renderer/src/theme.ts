import { PALETTE } from "./colors.ts";

/** Material 3's baseline seed: the purple of the M3 specimen. */
export const DEFAULT_SEED = "#6750a4";

export type Brightness = "light" | "dark";

interface Hsl {
  h: number;
  s: number;
  l: number;
}

/**
 * Sets the colour scheme's custom properties (`--weft-primary`, `--weft-surface`…) on the
 * document, derived from one seed colour. A simplified take on Material 3's tonal palettes:
 * the seed's hue at fixed tones, with the neutral roles desaturated, so any seed looks coherent
 * in both light and dark mode.
 */
export function applyTheme(brightness: Brightness, seed: string | undefined): void {
  const { h, s } = parseSeed(seed) ?? parseSeed(DEFAULT_SEED)!;
  // Saturation bands: accents keep the seed's character, neutrals only a tint of it.
  // A grey seed stays grey instead of turning into hue 0 (red).
  const accent = s < 0.05 ? 0 : Math.min(Math.max(s, 0.35), 0.85);
  const neutral = Math.min(s, 0.5) * 0.16;
  const neutralVariant = Math.min(s, 0.5) * 0.3;
  const tone = (sat: number, l: number) => `hsl(${h.toFixed(1)} ${(sat * 100).toFixed(1)}% ${l}%)`;
  const secondary = accent * 0.35;
  const dark = brightness === "dark";
  const vars: Record<string, string> = dark
    ? {
        primary: tone(accent, 80),
        "on-primary": tone(accent, 20),
        "primary-container": tone(accent, 30),
        "on-primary-container": tone(accent, 90),
        secondary: tone(secondary, 80),
        "on-secondary": tone(secondary, 20),
        "secondary-container": tone(secondary, 30),
        "on-secondary-container": tone(secondary, 90),
        tertiary: `hsl(${((h + 60) % 360).toFixed(1)} ${(accent * 60).toFixed(1)}% 80%)`,
        surface: tone(neutral, 7),
        "on-surface": tone(neutral, 90),
        "surface-variant": tone(neutralVariant, 30),
        "on-surface-variant": tone(neutralVariant, 80),
        "surface-container-low": tone(neutral, 10),
        "surface-container": tone(neutral, 12),
        "surface-container-high": tone(neutral, 17),
        "surface-container-highest": tone(neutral, 22),
        "inverse-surface": tone(neutral, 90),
        "inverse-on-surface": tone(neutral, 20),
        "inverse-primary": tone(accent, 40),
        outline: tone(neutralVariant, 60),
        "outline-variant": tone(neutralVariant, 30),
        error: "#f2b8b5",
        "on-error": "#601410",
        "error-container": "#8c1d18",
        "on-error-container": "#f9dedc",
      }
    : {
        primary: tone(accent, 40),
        "on-primary": "#ffffff",
        "primary-container": tone(accent, 90),
        "on-primary-container": tone(accent, 10),
        secondary: tone(secondary, 40),
        "on-secondary": "#ffffff",
        "secondary-container": tone(secondary, 90),
        "on-secondary-container": tone(secondary, 10),
        tertiary: `hsl(${((h + 60) % 360).toFixed(1)} ${(accent * 60).toFixed(1)}% 40%)`,
        surface: tone(neutral, 98),
        "on-surface": tone(neutral, 10),
        "surface-variant": tone(neutralVariant, 90),
        "on-surface-variant": tone(neutralVariant, 30),
        "surface-container-low": tone(neutral, 96),
        "surface-container": tone(neutral, 94),
        "surface-container-high": tone(neutral, 92),
        "surface-container-highest": tone(neutral, 90),
        "inverse-surface": tone(neutral, 20),
        "inverse-on-surface": tone(neutral, 95),
        "inverse-primary": tone(accent, 80),
        outline: tone(neutralVariant, 50),
        "outline-variant": tone(neutralVariant, 80),
        error: "#b3261e",
        "on-error": "#ffffff",
        "error-container": "#f9dedc",
        "on-error-container": "#410e0b",
      };
  const root = document.documentElement;
  for (const name in vars) root.style.setProperty(`--weft-${name}`, vars[name]!);
  root.style.colorScheme = brightness;
  root.dataset.weftTheme = brightness;
}

/** A seed as hue/saturation/lightness: `#rgb`, `#rrggbb`, `#rrggbbaa`, or a palette name. */
export function parseSeed(seed: string | undefined): Hsl | null {
  if (!seed) return null;
  const named = PALETTE[seed.toLowerCase().replace(/[_\s-]/g, "")];
  const hex = (named ?? seed).replace(/^#/, "");
  let rgb: number[];
  if (/^[0-9a-f]{3}$/i.test(hex)) rgb = [...hex].map((c) => parseInt(c + c, 16));
  else if (/^([0-9a-f]{6}|[0-9a-f]{8})$/i.test(hex)) rgb = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  else return null;
  const [r, g, b] = rgb.map((v) => v / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { h: 0, s: 0, l };
  const s = d / (1 - Math.abs(2 * l - 1));
  let h: number;
  if (max === r) h = ((g - b) / d) % 6;
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return { h: (h * 60 + 360) % 360, s, l };
}
