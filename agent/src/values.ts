import { describeThrown, type WeftInspection } from "weft";
import { controlLabel, type ErrorInfo } from "@weft/protocol/channel";

/** A short, safe text for any value (never the value itself: it may be huge or cyclic). */
export function preview(value: unknown, inspection: WeftInspection): string {
  if (value === null || value === undefined || typeof value === "boolean" || typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? value.slice(0, 80) + "…" : value);
  if (typeof value === "function") return `ƒ ${value.name || "anonymous"}()`;
  if (typeof value === "bigint" || typeof value === "symbol") return String(value);
  if (Array.isArray(value)) return `Array(${value.length})`;
  if (value instanceof Map) return `Map(${value.size})`;
  if (value instanceof Set) return `Set(${value.size})`;
  if (inspection.isControl(value)) return controlLabel(inspection.typeName(value), value.id, inspection.node(value).p.key);
  const ctor = (value as object).constructor;
  return ctor && ctor !== Object ? ctor.name || "Object" : "{…}";
}

/** An error (or anything thrown) as the channel carries it. */
export function errorInfo(err: unknown): ErrorInfo {
  if (err instanceof Error) {
    const info: ErrorInfo = { name: err.name, message: err.message };
    if (err.stack) info.stack = err.stack;
    const code = (err as { code?: unknown }).code;
    if (typeof code === "string") info.code = code;
    return info;
  }
  // `String(Object.create(null))` throws: a thrown non-Error must still reach the inspector.
  return { name: "Error", message: describeThrown(err) };
}
