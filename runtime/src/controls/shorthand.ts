/**
 * Positional shorthand for a control's primary prop: `new Text("Hello", { size: 20 })`,
 * `new Column([a, b], { spacing: 8 })`. A plain object as the first argument is the props.
 */
export function withPrimary<P extends object>(
  name: string,
  first: unknown,
  rest: P | undefined,
  isProps: (v: unknown) => boolean = isPlainObject,
): P | undefined {
  if (first === undefined) return rest;
  if (isProps(first)) return first as P;
  return { ...rest, [name]: first } as P;
}

function isPlainObject(v: unknown): boolean {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
