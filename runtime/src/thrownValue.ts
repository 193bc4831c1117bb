/**
 * Text for anything a `throw` can carry. App code throws strings, `undefined`, objects without
 * a prototype (`Object.create(null)`, whose `String()` itself throws) and objects whose
 * `toString` throws; a report of the failure must never fail in turn, or the error is lost and
 * the changes the handler made before it are never sent.
 */
export function describeThrown(value: unknown): string {
  if (value instanceof Error) {
    const message = safeString(() => value.message) ?? "";
    return value.name && value.name !== "Error" ? `${value.name}: ${message}` : message;
  }
  if (typeof value === "string") return value;
  if (value === null || typeof value !== "object") return safeString(() => String(value)) ?? typeof value;
  return safeString(() => JSON.stringify(value)) ?? safeString(() => String(value)) ?? Object.prototype.toString.call(value);
}

/** The stack when there is one, else the description (what a log line shows). */
export function stackOf(value: unknown): string {
  if (value instanceof Error) {
    const stack = safeString(() => value.stack);
    if (stack) return stack;
  }
  const text = describeThrown(value);
  return value instanceof Error ? text : `${text} (a thrown ${value === null ? "null" : typeof value}, not an Error: it has no stack)`;
}

function safeString(read: () => string | undefined): string | undefined {
  try {
    const text = read();
    return typeof text === "string" ? text : undefined;
  } catch {
    return undefined;
  }
}
