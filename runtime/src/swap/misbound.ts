import type { Control } from "../controls/control.ts";
import { describeControl } from "./report.ts";
import { equalValues, type BuildSnapshot } from "./snapshot.ts";

/**
 * The fast path's check that ordinals matched the right controls: every reused control stands
 * under the same parent, in the same slot, in the same order among its reused siblings, as in
 * the old build; and none whose props the code changed now has exactly the props a sibling of
 * its class had (two lines swapped in the source: the probe path's alignment gets those right).
 * Returns the first control that fails, described, or undefined.
 */
export function misboundControl(base: BuildSnapshot, next: BuildSnapshot, reused: ReadonlyMap<Control, unknown>, familyOf: (c: Control) => object): string | undefined {
  const placeOf = (snapshot: BuildSnapshot) => {
    const place = new Map<Control, { parent: Control; slot: string; index: number }>();
    for (const [parent, record] of snapshot) {
      for (const [slot, children] of Object.entries(record.slots)) {
        let index = 0;
        for (const child of children) if (reused.has(child)) place.set(child, { parent, slot, index: index++ });
      }
    }
    return place;
  };
  const before = placeOf(base);
  const after = placeOf(next);
  for (const control of reused.keys()) {
    const a = before.get(control);
    const b = after.get(control);
    if (!a && !b) continue;
    if (!a || !b || a.parent !== b.parent || a.slot !== b.slot || a.index !== b.index) return `${describeControl(control)} moved`;
  }
  for (const record of next.values()) {
    for (const children of Object.values(record.slots)) {
      const siblings = children.filter((c) => reused.has(c));
      if (siblings.length < 2) continue;
      for (const control of siblings) {
        const was = base.get(control)?.props;
        const now = next.get(control)?.props;
        if (!was || !now || sameProps(was, now)) continue;
        const twin = siblings.find((other) => other !== control && familyOf(other) === familyOf(control) && sameProps(base.get(other)?.props ?? {}, now));
        if (twin) return `${describeControl(control)} now looks like ${describeControl(twin)} did`;
      }
    }
  }
  return undefined;
}

function sameProps(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => equalValues(a[k], b[k]));
}

