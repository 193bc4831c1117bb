/**
 * The short text the inspector's tree shows next to a control (`Text "Hello"`, `Button "+"`):
 * the prop a person would recognise the control by. Also what tree search matches as "text".
 */

/** Per type, the props tried in order; other types fall back to `fallback`. */
const mainProps: Record<string, readonly string[]> = {
  Text: ["value"],
  Button: ["text", "icon", "tooltip"],
  IconButton: ["icon", "tooltip"],
  TextField: ["value", "label", "hintText"],
  Checkbox: ["label", "value"],
  Switch: ["label", "value"],
  Dropdown: ["value", "label"],
  Icon: ["name"],
  Image: ["alt", "src"],
  Markdown: ["value"],
  View: ["route"],
  Page: ["route", "title"],
  AppBar: ["title"],
  Tab: ["text"],
  Radio: ["label", "value"],
  RadioGroup: ["value"],
  Slider: ["value"],
  ProgressBar: ["value"],
  AlertDialog: ["title"],
  SnackBar: ["content", "message"],
  Banner: ["content"],
  NavigationBarDestination: ["label"],
  DataColumn: ["label"],
  DataCell: ["value", "text"],
};

const fallback = ["value", "text", "label", "title", "name", "route"] as const;

/** At most this many characters (the tree row is one line). */
export const SUMMARY_CHARS = 48;

/** The summary of a control of `type` with `props`, or undefined when it has none to show. */
export function summarize(type: string, props: Readonly<Record<string, unknown>>): string | undefined {
  for (const name of mainProps[type] ?? fallback) {
    const value = props[name];
    if (value === undefined || value === null) continue;
    if (typeof value === "string") return JSON.stringify(value.length > SUMMARY_CHARS ? value.slice(0, SUMMARY_CHARS - 1) + "…" : value);
    if (typeof value === "number" || typeof value === "boolean") return `${name === mainProps[type]?.[0] ? "" : name + "="}${String(value)}`;
  }
  return undefined;
}

/** `Button#inc` when the control has a key, else `Text#12`: how the inspector names controls. */
export function labelOf(type: string, id: number, key?: unknown): string {
  return key === undefined || key === null ? `${type}#${id}` : `${type}#${String(key)}`;
}
