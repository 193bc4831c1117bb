/** How the names of a `nameTable` are written (the generated `iconNames.ts` and `cupertinoIconNames.ts`). */
export interface NameList {
  /**
   * Lower case, separated by spaces, with a space at each end. Each entry is a name in every
   * style (`"abc"`: abc, abc_outlined, abc_rounded, abc_sharp), or a name and the indices of its
   * styles after a colon (`"add:0"`: add alone; `"add:23"`: add_rounded, add_sharp). A name may
   * come back later in the list, to keep Flet's order.
   */
  names: string;
  /** The suffixes of the styles, the first one "" (the name itself). */
  styles: readonly string[];
  /** Before every value (`"cupertino."`). */
  prefix: string;
}

/**
 * One of Flet's icon enums (`Icons`, `CupertinoIcons`) as an object that reads like the table
 * it stands for: `Icons.ADD` is `"add"`, `"ADD" in Icons`, `Object.keys(Icons)` lists every
 * name in Flet's order, then the methods. Each value is the prefix and the name in lower case,
 * so only the names are kept, in one string (`NameList`). 8825 names as an object literal held
 * about 2 MiB of a weft process's heap (its source, its keys and values, the object and its
 * spread copy) whether or not the app showed an icon; a name is now looked up when first read
 * and remembered, and the whole list is built only when the table is listed. Read-only: a name
 * cannot be assigned, added or deleted.
 */
export function nameTable<Table extends object, Methods extends object>(list: NameList, methods: Methods): Table & Methods {
  const { names, prefix } = list;
  const known = new Map<string, string>();
  let keys: string[] | undefined;
  // Listed once, every name is known: reading them all after (Object.values) is no search each.
  const allKeys = () => {
    if (keys === undefined) {
      keys = tableNames(list).map((name) => name.toUpperCase());
      for (const key of keys) known.set(key, prefix + key.toLowerCase());
    }
    return keys;
  };
  const valueOf = (key: string | symbol): string | undefined => {
    if (typeof key !== "string") return undefined;
    let value = known.get(key);
    if (value === undefined) {
      // Keys are UPPER_SNAKE: no space or colon of the list can match.
      if (!/^[A-Z0-9_]+$/.test(key) || !listed(list, key.toLowerCase())) return undefined;
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

/** Every name of a list, in its order (lower case, without the prefix). */
export function tableNames({ names, styles }: NameList): string[] {
  const every = styles.map((_, i) => i).join("");
  return names
    .trim()
    .split(" ")
    .flatMap((entry) => {
      const [base, indices = every] = entry.split(":") as [string, string?];
      return [...indices].map((i) => base + styles[Number(i)]);
    });
}

/** Whether `name` (lower case) is one of the list's: its base has an entry with its style. */
function listed({ names, styles }: NameList, name: string): boolean {
  return styles.some((suffix, style) => {
    if (!name.endsWith(suffix) || name.length === suffix.length) return false;
    const base = ` ${name.slice(0, name.length - suffix.length)}`;
    for (let at = names.indexOf(base); at !== -1; at = names.indexOf(base, at + 1)) {
      const next = names[at + base.length];
      if (next === " ") return true; // every style
      if (next === ":" && names.slice(at + base.length + 1, names.indexOf(" ", at + base.length)).includes(String(style))) return true;
    }
    return false;
  });
}
