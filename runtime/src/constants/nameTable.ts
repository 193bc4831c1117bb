/**
 * One of Flet's icon enums (`Icons`, `CupertinoIcons`) as an object that reads like the table
 * it stands for: `Icons.ADD` is `"add"`, `"ADD" in Icons`, `Object.keys(Icons)` lists every
 * name, then the methods. Each value is `prefix` + the name in lower case, so the names alone
 * are kept: one string (`names`: lower case, separated by spaces, with a space at each end).
 * 8825 names as an object literal held about 2 MiB of a weft process's heap (its source, its
 * keys and values, the object and its spread copy), whether or not the app showed an icon; a
 * name is now looked up when first read and remembered, and the whole list is only built when
 * the table is listed. Read-only: a name cannot be assigned, added or deleted.
 */
export function nameTable<Table extends object, Methods extends object>(names: string, prefix: string, methods: Methods): Table & Methods {
  const known = new Map<string, string>();
  let keys: string[] | undefined;
  // Listed once, every name is known: reading them all after (Object.values) is no search each.
  const allKeys = () => {
    if (keys === undefined) {
      keys = names.trim().split(" ").map((name) => name.toUpperCase());
      for (const key of keys) known.set(key, prefix + key.toLowerCase());
    }
    return keys;
  };
  const valueOf = (key: string | symbol): string | undefined => {
    if (typeof key !== "string") return undefined;
    let value = known.get(key);
    if (value === undefined) {
      // Keys are UPPER_SNAKE, and never span two names of the list (no space can match).
      if (!/^[A-Z0-9_]+$/.test(key) || !names.includes(` ${key.toLowerCase()} `)) return undefined;
      value = prefix + key.toLowerCase();
      known.set(key, value);
    }
    return value;
  };
  const own = (key: string | symbol) => Object.prototype.hasOwnProperty.call(methods, key);
  return new Proxy(methods, {
    get: (target, key, receiver) => (own(key) ? Reflect.get(target, key, receiver) : (valueOf(key) ?? Reflect.get(target, key, receiver))),
    has: (target, key) => own(key) || valueOf(key) !== undefined || Reflect.has(target, key),
    ownKeys: (target) => [...allKeys(), ...Reflect.ownKeys(target)],
    getOwnPropertyDescriptor: (target, key) => {
      if (own(key)) return Reflect.getOwnPropertyDescriptor(target, key);
      const value = valueOf(key);
      // Configurable: a proxy may not report a non-configurable property its target lacks.
      return value === undefined ? undefined : { value, writable: false, enumerable: true, configurable: true };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  }) as Table & Methods;
}

/** Every value of a table built by `nameTable`, in its order. */
export function tableValues(names: string, prefix: string): string[] {
  return names.trim().split(" ").map((name) => prefix + name);
}
