import type { Component } from "../components/componentControl.ts";

/**
 * Families: every version of one class (or one component) across edits, found the way React
 * Refresh finds components. The devserver's transform calls `registerModule` at the end of each
 * app module with the module's top-level classes, and wraps each top-level `component(...)` in
 * `component(...)` here, so module-local classes (`class TodoItem`, never exported) are found
 * too. A new version is only staged; `commit()` applies it once the whole swap is known to work.
 */
export interface ClassFamily {
  /** `<module file>#<name>` */
  readonly id: string;
  /** The newest version. */
  current: Function;
  /** Every version's prototype, for `instanceof` across versions. */
  readonly prototypes: WeakSet<object>;
  /** The older versions' prototypes still alive, to give them the newest members. */
  readonly older: WeakRef<object>[];
}

export interface ComponentFamily {
  readonly id: string;
  /** The component object every version hands out: its identity never changes, its `fn` does. */
  readonly def: Component<unknown>;
  /** Hook calls in order, as the transform read them (`useState,useEffect`). */
  signature: string | undefined;
}

/** What a commit changed, for the swap report. */
export interface RegistryCommit {
  classes: string[];
  components: { family: ComponentFamily; hooksChanged: boolean; before: string | undefined }[];
  /** Classes whose base class changed: their old instances cannot take the new members. */
  rebased: string[];
  /** Puts every member, function and family back as before the commit (the swap failed after all). */
  undo(): void;
}

interface StagedClass {
  family: ClassFamily;
  next: Function;
}

interface StagedComponent {
  family: ComponentFamily;
  fn: Function;
  displayName: string;
  signature: string | undefined;
}

export class SwapRegistry {
  private readonly classes = new Map<string, ClassFamily>();
  private readonly familyOfClass = new WeakMap<Function, ClassFamily>();
  private readonly components = new Map<string, ComponentFamily>();
  private stagedClasses: StagedClass[] = [];
  private stagedComponents: StagedComponent[] = [];

  /** Called by transformed modules: the module's top-level classes, by name. */
  registerModule(file: string, classes: Record<string, unknown>): void {
    for (const [name, cls] of Object.entries(classes)) {
      if (typeof cls !== "function") continue;
      this.registerClass(`${file}#${name}`, cls);
    }
  }

  registerClass(id: string, cls: Function): void {
    const family = this.classes.get(id);
    if (!family) {
      const created: ClassFamily = { id, current: cls, prototypes: new WeakSet([cls.prototype]), older: [] };
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
   * Called by transformed modules around each top-level `component(...)`: hands back the first
   * version's component object, whose `fn` a commit replaces, so `Counter` stays the same object
   * across edits and its mounted instances keep their hook state.
   */
  component<P>(file: string, name: string, def: Component<P>, signature?: string): Component<P> {
    if (!isComponent(def)) return def;
    const id = `${file}#${name}`;
    const family = this.components.get(id);
    if (!family) {
      this.components.set(id, { id, def: def as Component<unknown>, signature });
      return def;
    }
    if (family.def === (def as Component<unknown>)) return def;
    this.stagedComponents = this.stagedComponents.filter((s) => s.family !== family);
    this.stagedComponents.push({ family, fn: def.fn, displayName: def.displayName, signature });
    return family.def as Component<P>;
  }

  /** The family a class belongs to (its first registered version), or the class itself. */
  familyOf(cls: Function): object {
    return this.familyOfClass.get(cls) ?? cls;
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
    return this.stagedClasses.length > 0 || this.stagedComponents.length > 0;
  }

  /**
   * Applies what the last import staged: every older prototype of a class takes the new
   * version's members (instances created by old code, like todo items added at runtime, run the
   * new methods and keep their fields), and every component object takes its new function.
   * `undo()` on the result puts it all back.
   */
  commit(): RegistryCommit {
    const undo: (() => void)[] = [];
    const result: RegistryCommit = {
      classes: [],
      components: [],
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
      undo.push(() => {
        family.current = previous;
        family.older.splice(0, family.older.length, ...older);
      });
      result.classes.push(family.id);
    }
    for (const { family, fn, displayName, signature } of this.stagedComponents) {
      const before = family.signature;
      const def = family.def as { fn: Function; displayName: string };
      const was = { fn: def.fn, displayName: def.displayName };
      def.fn = fn;
      def.displayName = displayName;
      family.signature = signature;
      undo.push(() => {
        def.fn = was.fn;
        def.displayName = was.displayName;
        family.signature = before;
      });
      result.components.push({ family, hooksChanged: before !== signature, before });
    }
    this.stagedClasses = [];
    this.stagedComponents = [];
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
  }

  /** Components whose functions a commit just replaced, by component object. */
  isCommittedComponent(def: unknown, commit: RegistryCommit): ComponentFamily | undefined {
    return commit.components.find((c) => c.family.def === def)?.family;
  }
}

function isComponent(value: unknown): value is Component<unknown> {
  return typeof value === "function" && "fn" in value && "displayName" in value;
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

/** Static methods and accessors follow the new version; static data (state) stays. */
function patchStatics(target: Function, source: Function, undo: (() => void)[]): void {
  for (const key of Reflect.ownKeys(source)) {
    if (key === "length" || key === "name" || key === "prototype" || key === Symbol.hasInstance) continue;
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
