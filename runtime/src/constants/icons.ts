import { pickRandom, type RandomOptions } from "./pickRandom.ts";
import { ICON_NAMES } from "./iconNames.ts";

/** An icon value: a name of `Icons` / `CupertinoIcons`, or a Material icon name in snake_case. */
export type IconValue = string;

/**
 * Every Material icon of Flet: `Icons.ADD`, `Icons.DELETE_OUTLINED`, `Icons.HOME_ROUNDED`…
 * The value is the icon's snake_case name (`"delete_outlined"`), which the renderer draws with
 * Google's Material Icons font in the style the suffix names (filled without a suffix).
 */
export const Icons = {
  ...ICON_NAMES,
  /** A random icon, optionally leaving some out or weighting some (Flet's `Icons.random`). */
  random(options: RandomOptions = {}): IconValue | undefined {
    return pickRandom(Object.values(ICON_NAMES), options);
  },
};
