import { adoptFieldProps, Control, initControl } from "./control.ts";

/**
 * Flet's `@ft.control` for a class: its fields are its props and its constructor arguments,
 * as a dataclass's are, and `init()` runs once they are set.
 *
 * ```ts
 * @control
 * class Task extends Column {
 *   taskName = "";
 *   override spacing = 4;               // a prop of Column: sent, and tracked
 *   onDelete: (task: Task) => void = () => {};
 *   constructor(init?: ControlInit<Task>) { super(init); }
 *   override init() { this.controls = [new Checkbox({ label: this.taskName })]; }
 * }
 * new Task({ taskName: "milk", onDelete });
 * ```
 *
 * Without it, a class works too: fields named like props become props when the control is first
 * shown, and `init()` runs then. With it, both happen at construction, and the props object's
 * values win over the fields' defaults (a class field is set after the base constructor took
 * the props). A standard TypeScript decorator (no `experimentalDecorators`), so it runs under
 * `weft run`, `weft dev` and `weft build` alike.
 */
export function control<C extends abstract new (...args: any[]) => Control>(cls: C, _context?: ClassDecoratorContext<C>): C {
  abstract class Decorated extends (cls as unknown as abstract new (...args: any[]) => Control) {
    constructor(...args: any[]) {
      super(...args);
      // Only the outermost class's decorator acts: a decorated subclass's own fields are set
      // only after this constructor returns (its decorator runs then). An undecorated subclass
      // gets the same at its first mount.
      if (new.target !== Decorated) return;
      adoptFieldProps(this);
      const props = args.find(isPlainObject);
      if (props) this.assign(props);
      initControl(this);
    }
  }
  Object.defineProperty(Decorated, "name", { value: cls.name });
  return Decorated as unknown as C;
}

/**
 * What `new T(…)` of a `@control` class takes: its props and its own fields, each optional.
 * Methods are left out; fields holding callbacks (`onDelete`) stay.
 */
export type ControlInit<T extends Control> = {
  [K in keyof T as K extends `_${string}` | "id" | "page" ? never : T[K] extends (...args: never[]) => unknown ? (K extends `on${string}` ? K : never) : K]?: T[K];
};

function isPlainObject(value: unknown): value is object {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
