import type { WeftInspection } from "weft";
import { controlLabel, type InspectedValue } from "@weft/protocol/channel";

/** How much of a value goes to a tool: a component's state may be a 10,000-item list. */
export const inspectValueLimits = {
  /** Levels unfolded; below them a value is a one-line preview. */
  depth: 4,
  /** Items of an array, entries of an object, Map or Set shown per level. */
  items: 100,
  /** Characters of a string. */
  chars: 2_000,
  /** Values visited in all, over the whole value. */
  nodes: 2_000,
};

/**
 * A value of the app's (a field, a hook's state) as the channel carries it (`InspectedValue`):
 * JSON where JSON says it, a `$weft` marker where it cannot (a control becomes a link by id,
 * a function its name, a class instance its name and fields), bounded in depth, width and size
 * so a huge or cyclic value costs a tool a few KB. Never calls the app's getters or `toJSON`:
 * reading a value must not change it.
 */
export function inspectValue(value: unknown, inspection: WeftInspection, limits = inspectValueLimits): InspectedValue {
  let budget = limits.nodes;
  const path = new Set<object>();

  const walk = (v: unknown, depth: number): InspectedValue => {
    budget--;
    if (v === null || typeof v === "boolean") return v;
    if (typeof v === "number") return Number.isFinite(v) ? v : { $weft: "other", text: String(v) };
    if (typeof v === "string") return v.length > limits.chars ? v.slice(0, limits.chars) + "…" : v;
    if (v === undefined) return { $weft: "undefined" };
    if (typeof v === "function") return { $weft: "function", name: v.name || "anonymous" };
    if (typeof v === "bigint") return { $weft: "bigint", text: `${v}n` };
    if (typeof v === "symbol") return { $weft: "symbol", text: v.toString() };
    const object = v as object;
    if (inspection.isControl(object)) return { $weft: "control", id: object.id, label: controlLabel(inspection.typeName(object), object.id, inspection.node(object).p.key) };
    if (object instanceof Date) return { $weft: "date", text: Number.isNaN(object.getTime()) ? "Invalid Date" : object.toISOString() };
    if (object instanceof Error) return { $weft: "error", text: `${object.name}: ${object.message}` };
    if (path.has(object)) return { $weft: "cycle" };
    if (depth >= limits.depth || budget <= 0) return { $weft: "deep", preview: previewOf(object) };
    path.add(object);
    try {
      if (Array.isArray(object)) {
        const shown = object.slice(0, limits.items).map((item) => walk(item, depth + 1));
        return object.length > limits.items ? { $weft: "more", count: object.length, shown } : shown;
      }
      if (object instanceof Map) {
        const entries: [InspectedValue, InspectedValue][] = [];
        for (const [k, item] of object) {
          if (entries.length >= limits.items) break;
          entries.push([walk(k, depth + 1), walk(item, depth + 1)]);
        }
        return { $weft: "map", entries, size: object.size };
      }
      if (object instanceof Set) {
        const values: InspectedValue[] = [];
        for (const item of object) {
          if (values.length >= limits.items) break;
          values.push(walk(item, depth + 1));
        }
        return { $weft: "set", values, size: object.size };
      }
      const fields: Record<string, InspectedValue> = {};
      let count = 0;
      // Own enumerable data properties only: a getter is the app's code, not a value.
      for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(object))) {
        if (!descriptor.enumerable) continue;
        count++;
        if (count > limits.items) continue;
        fields[name] = "value" in descriptor ? walk(descriptor.value, depth + 1) : { $weft: "other", text: "(getter)" };
      }
      const proto = Object.getPrototypeOf(object) as object | null;
      const name = proto && proto !== Object.prototype ? (proto.constructor as { name?: string } | undefined)?.name : undefined;
      const shown: InspectedValue = count > limits.items ? { $weft: "more", count, shown: fields } : fields;
      if (!name) return shown;
      return { $weft: "instance", name, fields };
    } finally {
      path.delete(object);
    }
  };

  return walk(value, 0);
}

function previewOf(object: object): string {
  if (Array.isArray(object)) return `Array(${object.length})`;
  if (object instanceof Map) return `Map(${object.size})`;
  if (object instanceof Set) return `Set(${object.size})`;
  const proto = Object.getPrototypeOf(object) as object | null;
  const name = proto && proto !== Object.prototype ? (proto.constructor as { name?: string } | undefined)?.name : undefined;
  return name ? `${name} {…}` : "{…}";
}
