import type { ControlClass } from "./control.ts";

/**
 * Keeps an older prop name working as another name for a newer one (`button.text` is
 * `button.content`, as Flet 1.0 renamed it): reading and setting it read and set the new one,
 * so only the new name goes over the wire. The class's props type marks the old name
 * `@deprecated`.
 */
export function defineAlias(cls: ControlClass, old: string, current: string): void {
  Object.defineProperty(cls.prototype, old, {
    configurable: true,
    enumerable: false,
    get(this: Record<string, unknown>) {
      return this[current];
    },
    set(this: Record<string, unknown>, value: unknown) {
      this[current] = value;
    },
  });
}
