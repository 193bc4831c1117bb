import { Control, type ControlClass } from "./control.ts";

/**
 * Lets the prop `name` hold either a string or a control, as Flet's `StrOrControl` props do:
 * `new AppBar({ title: "Inbox" })` or `new AppBar({ title: new Row([...]) })`. A string travels
 * as the wire prop `name`, a control as the one-child slot `name`; setting one clears the other.
 * The class must declare `name` both in `props` and in `slots` (as "one") before calling this.
 */
export function defineTextOrControl(cls: ControlClass, name: string): void {
  Object.defineProperty(cls.prototype, name, {
    configurable: true,
    enumerable: false,
    get(this: Control) {
      return this._single[name] ?? this._p[name];
    },
    set(this: Control, value: unknown) {
      const child = value instanceof Control ? value : undefined;
      const text = child || value === null ? undefined : value;
      if (this._single[name] !== child) {
        this._single[name] = child;
        this._noteSlot(name);
      }
      const previous = this._p[name];
      if (previous === text) return;
      this._noteChange(name, previous);
      if (text === undefined) delete this._p[name];
      else this._p[name] = text;
    },
  });
}
