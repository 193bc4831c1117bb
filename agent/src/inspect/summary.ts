import { specOf, summaryProps } from "@weft/protocol/controls";

/**
 * The short text the inspector's tree shows next to a control (`Text "Hello"`, `Button "+"`):
 * the prop a person would recognise the control by. Also what tree search matches as "text".
 * Which props those are is part of each control's spec (`@weft/protocol/controls`).
 */

/** For a type weft does not know, the props tried in order. */
const fallback = ["value", "text", "label", "title", "name", "route"] as const;

/** Each type's summary props, looked up once: a set op of a watched session asks on every event. */
const propsByType = new Map<string, readonly string[]>();

/** The props a type's summary is made of: its spec's `summary`, else the text it shows. */
function propsOf(type: string): readonly string[] {
  let props = propsByType.get(type);
  if (props === undefined) {
    const spec = specOf(type);
    props = spec ? summaryProps(spec) : fallback;
    if (propsByType.size < 1_000) propsByType.set(type, props); // user components' types are many, but not unbounded
  }
  return props;
}

/** At most this many characters (the tree row is one line). */
export const SUMMARY_CHARS = 48;

/** The summary of a control of `type` with `props`, or undefined when it has none to show. */
export function summarize(type: string, props: Readonly<Record<string, unknown>>): string | undefined {
  const names = propsOf(type);
  for (const name of names) {
    const value = props[name];
    if (value === undefined || value === null) continue;
    if (typeof value === "string") return JSON.stringify(value.length > SUMMARY_CHARS ? value.slice(0, SUMMARY_CHARS - 1) + "…" : value);
    if (typeof value === "number" || typeof value === "boolean") return `${name === names[0] ? "" : name + "="}${String(value)}`;
  }
  return undefined;
}

/** `Button#inc` when the control has a key, else `Text#12`: how the inspector names controls. */
export function labelOf(type: string, id: number, key?: unknown): string {
  return key === undefined || key === null ? `${type}#${id}` : `${type}#${String(key)}`;
}
