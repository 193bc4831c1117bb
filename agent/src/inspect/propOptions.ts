import { FontWeight, TextAlign, TextThemeStyle, ThemeMode } from "weft";

/**
 * The words a prop takes, for the inspector's select: the runtime's string unions exist only as
 * TypeScript types, so the ones worth a select are listed here, by prop (and by drawn type where
 * one name means different things). Values are the wire strings (Flet's).
 */
const mainAxis = ["start", "end", "center", "spaceBetween", "spaceAround", "spaceEvenly"];
const crossAxis = ["start", "end", "center", "stretch", "baseline"];
const boxAlignment = ["center", "topLeft", "topCenter", "topRight", "centerLeft", "centerRight", "bottomLeft", "bottomCenter", "bottomRight"];
const scroll = ["auto", "always", "adaptive", "hidden"];

const byProp: Record<string, readonly string[]> = {
  textAlign: Object.values(TextAlign),
  themeStyle: Object.values(TextThemeStyle),
  weight: Object.values(FontWeight),
  themeMode: Object.values(ThemeMode),
  verticalAlignment: crossAxis,
  horizontalAlignment: crossAxis,
  scroll,
  fit: ["contain", "cover", "fill", "none", "scaleDown"],
  labelPosition: ["left", "right"],
  keyboardType: ["text", "number", "email", "url", "phone"],
};

const byType: Record<string, Record<string, readonly string[]>> = {
  Row: { alignment: mainAxis },
  Column: { alignment: mainAxis },
  View: { alignment: mainAxis },
  Container: { alignment: boxAlignment },
  Stack: { alignment: boxAlignment },
  Button: { variant: ["filled", "elevated", "tonal", "outlined", "text"] },
  Card: { variant: ["elevated", "filled", "outlined"] },
  IconButton: { variant: ["standard", "filled", "tonal", "outlined"] },
};

/** The words each of `props` (a control of drawn type `type`) takes, or undefined when none has a list. */
export function propOptions(type: string, props: readonly string[]): Record<string, string[]> | undefined {
  let out: Record<string, string[]> | undefined;
  for (const name of props) {
    const words = byType[type]?.[name] ?? byProp[name];
    if (words) (out ??= {})[name] = [...words];
  }
  return out;
}
