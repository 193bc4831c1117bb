import { ICON_NAMES, type IconName } from "./iconNames.ts";
import { nameTable, tableNames } from "./nameTable.ts";
import { pickRandom, type RandomOptions } from "./pickRandom.ts";

/** An icon value: a name of `Icons` / `CupertinoIcons`, or a Material icon name in snake_case. */
export type IconValue = string;

/** What `Icons` has beside its names. */
interface IconMethods {
  /** A random icon, optionally leaving some out or weighting some (Flet's `Icons.random`). */
  random(options?: RandomOptions): IconValue | undefined;
}

/**
 * Every Material icon of Flet: `Icons.ADD`, `Icons.DELETE_OUTLINED`, `Icons.HOME_ROUNDED`…
 * The value is the icon's snake_case name (`"delete_outlined"`), which the renderer draws with
 * Google's Material Icons font in the style the suffix names (filled without a suffix).
 */
export const Icons = nameTable<{ [Name in IconName]: Lowercase<Name> }, IconMethods>(ICON_NAMES, {
  random(options: RandomOptions = {}): IconValue | undefined {
    return pickRandom(tableNames(ICON_NAMES), options);
  },
});
