import { CUPERTINO_ICON_NAMES, type CupertinoIconName } from "./cupertinoIconNames.ts";
import type { IconValue } from "./icons.ts";
import { nameTable, tableNames } from "./nameTable.ts";
import { pickRandom, type RandomOptions } from "./pickRandom.ts";

/** What `CupertinoIcons` has beside its names. */
interface CupertinoIconMethods {
  /** A random Cupertino icon (Flet's `CupertinoIcons.random`). */
  random(options?: RandomOptions): IconValue | undefined;
}

/**
 * Every Cupertino icon of Flet: `CupertinoIcons.HEART_FILL`, `CupertinoIcons.CHEVRON_BACK`… The
 * value is `"cupertino.<name>"`, so it never collides with a Material icon of the same name.
 */
export const CupertinoIcons = nameTable<{ [Name in CupertinoIconName]: `cupertino.${Lowercase<Name>}` }, CupertinoIconMethods>(CUPERTINO_ICON_NAMES, {
  random(options: RandomOptions = {}): IconValue | undefined {
    return pickRandom(tableNames(CUPERTINO_ICON_NAMES).map((name) => CUPERTINO_ICON_NAMES.prefix + name), options);
  },
});
