import { COLOR_NAMES } from "./colorNames.ts";
import { pickRandom, type RandomOptions } from "./pickRandom.ts";

/** A colour value: a name of `Colors`, `"#rrggbb"` / `"#aarrggbb"` (Flutter's order), or any CSS colour. */
export type ColorValue = string;

/** Every name of Flet's `Colors` (`"BLUE_200"`, `"ON_PRIMARY"`…). */
export type ColorName = keyof typeof COLOR_NAMES;

/**
 * Flet's named colours: `Colors.BLUE_200`, `Colors.ON_PRIMARY`, `Colors.WHITE_54`… Each is the
 * string Flet sends (`"blue200"`); the renderer resolves it to Flutter's exact swatch value, or to
 * the page theme's colour-scheme role for the semantic names.
 */
export const Colors = {
  ...COLOR_NAMES,
  /**
   * `color` at `opacity` (0…1), as Flet writes it: `Colors.withOpacity(0.5, Colors.RED)` is
   * `"red,0.5"`. Throws a RangeError outside 0…1, as Flet's `with_opacity` does.
   */
  withOpacity(opacity: number, color: ColorValue): string {
    if (!(opacity >= 0 && opacity <= 1)) throw new RangeError(`Colors.withOpacity: opacity must be between 0 and 1, got ${opacity}`);
    return `${color},${opacity}`;
  },
  /** A random named colour, optionally leaving some out or weighting some (Flet's `Colors.random`). */
  random(options: RandomOptions = {}): ColorValue | undefined {
    return pickRandom(Object.values(COLOR_NAMES), options);
  },
};
