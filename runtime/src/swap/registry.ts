import { UNNAMED_COMPONENT, componentOfKind, nameComponent, ownComponentName, type Component } from "../components/componentControl.ts";
import { mergeFields } from "./merge.ts";
import { hookKey, type HookKey, type Signatures } from "./signatures.ts";
import { snapValue, type FieldSnap } from "./snapshot.ts";

/**
 * Families: every version of one class (or one component) across edits, found the way React
 * Refresh finds components. The devserver's transform calls `registerModule` at the end of each
 * app module with the module's top-level classes, wraps each component it declares in
 * `component(...)` here, and tells `sign` the hook calls of every function that has some, so
 * module-local classes (`class TodoItem`, never exported) and components made by a HOC are found
 * too. A new version is only staged; `commit()` applies it once the whole swap is known to work.
 */
export interface ClassFamily {
  /** `<module file>#<name>` */
  readonly id: string;
  readonly file: string;
  /** The newest version. */
  current: Function;
  /** Every version's prototype, for `instanceof` across versions. */
  readonly prototypes: WeakSet<object>;
  /** The older versions' prototypes still alive, to give them the newest members. */
  readonly older: WeakRef<object>[];
}

/** One version of a component: its function, and what its hooks' signature is read from. */
export interface ComponentVersion {
  fn: Function;
  /** Functions a HOC was given (`hoc(() => …)`): their hooks run in the result's render. */
  inner?: () => unknown[];
  /** A signature given as such (tests without the transform), instead of the functions'. */
  explicit?: string;
  /** Frozen at the end of the module that declared it (see `registerModule`). */
  key?: HookKey;
}

export interface ComponentFamily {
  readonly id: string;
  readonly file: string;
  /** The component object every version hands out: its identity never changes, its `fn` does. */
  readonly def: Component<unknown>;
  version: ComponentVersion;
}

/** What a commit changed, for the swap report. */
export interface RegistryCommit {
  classes: string[];
  components: { family: ComponentFamily; hooksChanged: boolean; before: HookKey; after: HookKey }[];
  /** Static fields changed at runtime whose initial value the source changed too: kept (`Store.visits`). */
  staticsKept: string[];
  /** Classes whose base class changed: their old instances cannot take the new members. */
  rebased: string[];
  /** Puts every member, function and family back as before the commit (the swap failed after all). */
  undo(): void;
}

export interface CommitOptions {
  /**
   * Modules that ran again only because a module they import changed, and that module exports
   * only components and classes (a refresh boundary, as React calls it): their components take
   * the new function without counting as changed (no re-render, nothing in the report).
   */
  quiet?: (file: string) => boolean;
}

interface StagedClass {
  family: ClassFamily;
  next: Function;
}

interface StagedComponent {
  family: ComponentFamily;
  fn: Function;
  displayName: string;
  version: ComponentVersion;
}

/** Another component under a registered name (wrapped in a HOC, its function renamed): a family of its own. */
interface StagedReplacement {
  id: string;
  family: ComponentFamily;
}

/** Static members every function has: never a class's state or behaviour. */
const FUNCTION_OWN = new Set<PropertyKey>(["length", "name", "prototype", "arguments", "caller", Symbol.hasInstance]);

export class SwapRegistry {
  private readonly classes = new Map<string, ClassFamily>();
  private readonly familyOfClass = new WeakMap<Function, ClassFamily>();
  private readonly components = new Map<string, ComponentFamily>();
  private readonly familyOfDef = new WeakMap<Component<unknown>, ComponentFamily>();
  /** Components nobody registered, by name: `page.render(function App() …)` built anew by each run of main. */
  private readonly namedFamilies = new Map<string, object>();
  /** What a class's static fields held when its module finished loading (a three-way merge's base). */
  private readonly staticsBase = new WeakMap<Function, Record<string, FieldSnap>>();
  private readonly signatures: Signatures = { byFunction: new WeakMap(), unfrozen: [] };
  private unfrozenVersions: ComponentVersion[] = [];
  private stagedClasses: StagedClass[] = [];
  private stagedComponents: StagedComponent[] = [];
  private stagedReplacements: StagedReplacement[] = [];

  /**
   * Called by transformed modules at their end: the module's top-level classes, by name. Also
   * freezes the hook signatures declared since the last call: a hook reached through a mutable
   * object (`FakeModuleSystem.useFancyState`) is read as it is now, not as a later edit leaves it.
   */
  registerModule(file: string, classes: Record<string, unknown>): void {
    for (const [name, cls] of Object.entries(classes)) {
      if (typeof cls !== "function") continue;
      this.registerClass(`${file}#${name}`, cls, file);
    }
    for (const signature of this.signatures.unfrozen.splice(0)) hookKey(this.signatures, signature);
    for (const version of this.unfrozenVersions.splice(0)) this.keyOf(version);
  }

  registerClass(id: string, cls: Function, file = id.slice(0, id.lastIndexOf("#"))): void {
    this.staticsBase.set(cls, staticSnapshot(cls));
    const family = this.classes.get(id);
    if (!family) {
      const created: ClassFamily = { id, file, current: cls, prototypes: new WeakSet([cls.prototype]), older: [] };
      this.classes.set(id, created);
      this.familyOfClass.set(cls, created);
      installHasInstance(cls, this);
      return;
    }
    if (family.current === cls || this.familyOfClass.get(cls) === family) return;
    // Known right away, so a swap in progress matches new instances with old ones.
    this.familyOfClass.set(cls, family);
    this.stagedClasses = this.stagedClasses.filter((s) => s.family !== family);
    this.stagedClasses.push({ family, next: cls });
  }

  /**
   * Called by transformed modules with the hook calls of a function that makes some (see the
   * devserver's hookSignature.ts): `key` its own, `getHooks` the custom hooks it calls, looked up
   * when the module has loaded. Returns `fn`.
   */
  sign<F>(fn: F, key: string, getHooks?: () => unknown[], forceReset = false): F {
    if (typeof fn === "function") {
      const signature = { own: key, forceReset, ...(getHooks ? { getHooks } : {}) };
      this.signatures.byFunction.set(fn, signature);
      this.signatures.unfrozen.push(signature);
    }
    return fn;
  }

  /**
   * Called by transformed modules around each component they declare (`const Counter =
   * component(…)`, `const Child = hoc("A")`, `export default …`): hands back the first version's
   * component object, whose `fn` a commit replaces, so `Counter` stays the same object across
   * edits and its mounted instances keep their hook state. Anything that is not a component is
   * handed back as it is.
   */
  component<P>(file: string, name: string, value: Component<P>, inner?: () => unknown[], signature?: string): Component<P> {
    if (!isComponent(value)) return value;
    const def = value as Component<unknown>;
    // Named after its variable (`Foo.Bar.Child` is `Child`); not `default`, nor what a HOC was given (`Child$wrap`).
    if (name !== "default" && !name.includes("$")) nameComponent(def, name.slice(name.lastIndexOf(".") + 1));
    const version: ComponentVersion = { fn: def.fn, ...(inner ? { inner } : {}), ...(signature !== undefined ? { explicit: signature } : {}) };
    this.unfrozenVersions.push(version);
    const id = `${file}#${name}`;
    const family = this.components.get(id);
    if (!family) {
      const created: ComponentFamily = { id, file, def, version };
      this.components.set(id, created);
      this.familyOfDef.set(def, created);
      return value;
    }
    if (family.def === def) return value;
    this.stagedComponents = this.stagedComponents.filter((s) => s.family !== family);
    this.stagedReplacements = this.stagedReplacements.filter((s) => s.id !== id);
    if (ownComponentName(def) !== ownComponentName(family.def)) {
      // Not an edit of the same component: what the browser shows as its type changes, so its
      // instances are replaced, as React remounts an export wrapped in a HOC.
      const replacement: ComponentFamily = { id, file, def, version };
      this.familyOfDef.set(def, replacement);
      this.stagedReplacements.push({ id, family: replacement });
      return value;
    }
    this.stagedComponents.push({ family, fn: def.fn, displayName: def.displayName, version });
    return family.def as Component<P>;
  }

  /**
   * The family a class belongs to: its first registered version; for a component's class (see
   * `componentOfKind`), the component's family, else one per component name; else the class.
   */
  familyOf(cls: Function): object {
    const family = this.familyOfClass.get(cls);
    if (family) return family;
    const def = componentOfKind(cls);
    if (!def) return cls;
    const registered = this.familyOfDef.get(def);
    if (registered) return registered;
    const name = def.displayName;
    if (name === UNNAMED_COMPONENT) return cls;
    let named = this.namedFamilies.get(name);
    if (!named) this.namedFamilies.set(name, (named = { name }));
    return named;
  }

  isFamilyMember(proto: object, cls: Function): boolean {
    const family = this.familyOfClass.get(cls);
    return family ? family.prototypes.has(proto) : proto === cls.prototype;
  }

  /** Staged classes whose base class is another family than the old version's. */
  rebasedClasses(): string[] {
    const out: string[] = [];
    for (const { family, next } of this.stagedClasses) {
      const oldBase = Object.getPrototypeOf(family.current) as Function | null;
      const newBase = Object.getPrototypeOf(next) as Function | null;
      if (oldBase && newBase && this.familyOf(oldBase) !== this.familyOf(newBase)) out.push(describeFamily(family, oldBase, newBase));
    }
    return out;
  }

  get hasStaged(): boolean {
    return this.stagedClasses.length > 0 || this.stagedComponents.length > 0 || this.stagedReplacements.length > 0;
  }

  /**
   * Applies what the last import staged: every older prototype of a class takes the new
   * version's members (instances created by old code, like todo items added at runtime, run the
   * new methods and keep their fields), the new class keeps the old one's static state (Flutter:
   * static fields are state, not reinitialized by a hot reload), and every component object takes
   * its new function. `undo()` on the result puts it all back.
   */
  commit(options: CommitOptions = {}): RegistryCommit {
    const undo: (() => void)[] = [];
    const result: RegistryCommit = {
      classes: [],
      components: [],
      staticsKept: [],
      rebased: this.rebasedClasses(),
      undo: () => {
        for (const step of undo.splice(0).reverse()) step();
      },
    };
    for (const { family, next } of this.stagedClasses) {
      const previous = family.current;
      const older = [...family.older];
      family.older.push(new WeakRef(previous.prototype as object));
      family.prototypes.add(next.prototype as object);
      family.current = next;
      installHasInstance(next, this);
      const alive: WeakRef<object>[] = [];
      for (const ref of family.older) {
        const proto = ref.deref();
        if (!proto) continue;
        alive.push(ref);
        patchMembers(proto, next.prototype as object, undo);
      }
      family.older.splice(0, family.older.length, ...alive);
      patchStatics(previous, next, undo);
      const name = family.id.slice(family.id.lastIndexOf("#") + 1);
      for (const field of this.keepStaticState(family, previous, next, undo)) result.staticsKept.push(`${name}.${field}`);
      undo.push(() => {
        family.current = previous;
        family.older.splice(0, family.older.length, ...older);
      });
      if (!options.quiet?.(family.file)) result.classes.push(family.id);
    }
    for (const { family, fn, displayName, version } of this.stagedComponents) {
      const before = family.version;
      const def = family.def as { fn: Function; displayName: string };
      const was = { fn: def.fn, displayName: def.displayName };
      def.fn = fn;
      def.displayName = displayName;
      family.version = version;
      undo.push(() => {
        def.fn = was.fn;
        def.displayName = was.displayName;
        family.version = before;
      });
      const beforeKey = this.keyOf(before);
      const afterKey = this.keyOf(version);
      const hooksChanged = afterKey.forceReset || beforeKey.key !== afterKey.key;
      if (hooksChanged || !options.quiet?.(family.file)) result.components.push({ family, hooksChanged, before: beforeKey, after: afterKey });
    }
    for (const { id, family } of this.stagedReplacements) {
      const was = this.components.get(id);
      this.components.set(id, family);
      undo.push(() => void (was ? this.components.set(id, was) : this.components.delete(id)));
    }
    this.stagedClasses = [];
    this.stagedComponents = [];
    this.stagedReplacements = [];
    return result;
  }

  /** Whether two classes are versions of one family (a registered class and its newer version). */
  sameFamily(a: Function, b: Function): boolean {
    return a === b || this.familyOf(a) === this.familyOf(b);
  }

  /** Drops what the last import staged (it failed, or its build threw). */
  discard(): void {
    this.stagedClasses = [];
    this.stagedComponents = [];
    this.stagedReplacements = [];
  }

  /** The family of a registered component object, if it is one. */
  componentFamily(def: unknown): ComponentFamily | undefined {
    return this.familyOfDef.get(def as Component<unknown>);
  }

  /** The signature of a component version's hooks: its function's (with its custom hooks') and its HOC's inner functions'. */
  private keyOf(version: ComponentVersion): HookKey {
    if (version.key) return version.key;
    if (version.explicit !== undefined) return (version.key = { key: version.explicit, forceReset: false });
    const own = hookKey(this.signatures, version.fn);
    let key = own.key;
    let why = own.why;
    if (version.inner) {
      try {
        for (const fn of version.inner()) {
          if (typeof fn !== "function") continue;
          const nested = hookKey(this.signatures, fn);
          if (nested.key) key += `${key ? "\n" : ""}${nested.key}`;
          why ??= nested.why;
        }
      } catch {
        why ??= "the functions its HOC was given cannot be looked up, so it starts afresh on every edit";
      }
    }
    return (version.key = why === undefined ? { key, forceReset: false } : { key, forceReset: true, why });
  }

  /**
   * The new version of a class takes the static fields the old one holds now, three-way like an
   * instance's fields (changed at runtime: kept; changed only in the source: taken), and the old
   * version reads and writes the new one's from then on, so old code (a handler set at runtime)
   * and new code share one `Store.visits`. Returns the fields changed both at runtime and in the
   * source (kept).
   */
  private keepStaticState(family: ClassFamily, previous: Function, next: Function, undo: (() => void)[]): string[] {
    const base = this.staticsBase.get(previous) ?? {};
    const live: Record<string, unknown> = {};
    const fresh: Record<string, unknown> = {};
    for (const key of Object.keys(staticSnapshot(next))) {
      const descriptor = Object.getOwnPropertyDescriptor(previous, key);
      if (!descriptor || !("value" in descriptor) || !descriptor.configurable) continue;
      live[key] = descriptor.value;
      fresh[key] = (next as unknown as Record<string, unknown>)[key];
    }
    const merged = mergeFields(base, fresh, live, new Set());
    for (const [key, value] of merged.values) {
      remember(next, key, undo);
      remember(previous, key, undo);
      Object.defineProperty(next, key, { value, writable: true, enumerable: true, configurable: true });
      Object.defineProperty(previous, key, {
        configurable: true,
        enumerable: true,
        get: () => (family.current as unknown as Record<string, unknown>)[key],
        set: (v: unknown) => void ((family.current as unknown as Record<string, unknown>)[key] = v),
      });
    }
    return merged.conflicts;
  }
}

function isComponent(value: unknown): value is Component<unknown> {
  return typeof value === "function" && "fn" in value && "displayName" in value;
}

/** A class's own static data fields (not its methods), each as a snapshot. */
function staticSnapshot(cls: Function): Record<string, FieldSnap> {
  const out: Record<string, FieldSnap> = {};
  for (const key of Object.getOwnPropertyNames(cls)) {
    if (FUNCTION_OWN.has(key)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(cls, key)!;
    if (!("value" in descriptor) || typeof descriptor.value === "function") continue;
    out[key] = snapValue(descriptor.value);
  }
  return out;
}

function describeFamily(family: ClassFamily, oldBase: Function, newBase: Function): string {
  const name = family.id.slice(family.id.lastIndexOf("#") + 1);
  return `class ${name} now extends ${newBase.name || "another class"} instead of ${oldBase.name || "its old base"}`;
}

/** Remembers how `target[key]` is now, so `undo` can put it back. */
function remember(target: object, key: PropertyKey, undo: (() => void)[]): void {
  const was = Object.getOwnPropertyDescriptor(target, key);
  undo.push(() => {
    try {
      if (was) Object.defineProperty(target, key, was);
      else delete (target as Record<PropertyKey, unknown>)[key];
    } catch {
      // non-configurable: nothing to undo
    }
  });
}

/** `target` takes `source`'s methods and accessors; members `source` no longer has are removed. */
function patchMembers(target: object, source: object, undo: (() => void)[]): void {
  if (target === source) return;
  const keep = new Set<PropertyKey>(Reflect.ownKeys(source));
  for (const key of Reflect.ownKeys(target)) {
    if (key === "constructor" || keep.has(key)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (!descriptor?.configurable) continue;
    remember(target, key, undo);
    delete (target as Record<PropertyKey, unknown>)[key];
  }
  for (const key of keep) {
    if (key === "constructor") continue;
    const descriptor = Object.getOwnPropertyDescriptor(source, key)!;
    try {
      remember(target, key, undo);
      Object.defineProperty(target, key, descriptor);
    } catch {
      // a non-configurable member: leave the old one
    }
  }
}

/** Static methods and accessors follow the new version (static data: see `keepStaticState`). */
function patchStatics(target: Function, source: Function, undo: (() => void)[]): void {
  for (const key of Reflect.ownKeys(source)) {
    if (FUNCTION_OWN.has(key)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(source, key)!;
    const isMethod = typeof descriptor.value === "function" || descriptor.get !== undefined || descriptor.set !== undefined;
    if (!isMethod) continue;
    try {
      remember(target, key, undo);
      Object.defineProperty(target, key, descriptor);
    } catch {
      // non-configurable: keep
    }
  }
}

/**
 * `item instanceof TodoItem` stays true for an instance made by an older version of the class.
 * Uses `this` (the class being asked about), since subclasses inherit the static.
 */
function installHasInstance(cls: Function, registry: SwapRegistry): void {
  if (Object.prototype.hasOwnProperty.call(cls, Symbol.hasInstance)) return;
  Object.defineProperty(cls, Symbol.hasInstance, {
    configurable: true,
    value(this: Function, value: unknown): boolean {
      if ((typeof value !== "object" && typeof value !== "function") || value === null) return false;
      for (let proto = Object.getPrototypeOf(value); proto; proto = Object.getPrototypeOf(proto)) {
        if (registry.isFamilyMember(proto, this)) return true;
      }
      return false;
    },
  });
}
