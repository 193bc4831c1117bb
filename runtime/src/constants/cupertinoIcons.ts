import { CUPERTINO_ICON_NAMES } from "./cupertinoIconNames.ts";
import type { IconValue } from "./icons.ts";
import { pickRandom, type RandomOptions } from "./pickRandom.ts";

/**
 * Every Cupertino icon of Flet: `CupertinoIcons.HEART_FILL`, `CupertinoIcons.CHEVRON_BACK`… The
 * value is `"cupertino.<name>"`, so it never collides with a Material icon of the same name.
 */
export const CupertinoIcons = {
  ...CUPERTINO_ICON_NAMES,
  /** A random Cupertino icon (Flet's `CupertinoIcons.random`). */
  random(options: RandomOptions = {}): IconValue | undefined {
    return pickRandom(Object.values(CUPERTINO_ICON_NAMES), options);
  },
};
