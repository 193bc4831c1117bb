import { Control, metaOf } from "../controls/control.ts";
import { equalValues, type BuildSnapshot, type ControlRecord } from "./snapshot.ts";

/** Which family a control's class belongs to (every version of one class is one family). */
export type FamilyOf = (control: Control) => object;

/**
 * Pairs each control of the new build (a probe run of the new `main` on a throwaway page) with
 * the control of the old build it stands for, so that a second run can hand back the live
 * object instead of a new one. Matching works slot by slot from the page down, like React's
 * reconciliation: by key first, then unkeyed children of one class by an alignment that
 * prefers equal props (a control inserted before its siblings does not shift their identities),
 * then the rest of one class in order. Controls built by `main` but not in the tree (a dialog
 * kept in a field) are paired from the construction logs: by key, then by class in order.
 *
 * Returns new control → old control.
 */
export function alignBuilds(
  base: { root: Control; snapshot: BuildSnapshot; log: readonly Control[] },
  probe: { root: Control; log: readonly Control[] },
  familyOf: FamilyOf,
): Map<Control, Control> {
  const pairs = new Map<Control, Control>();
  const claimed = new Set<Control>();
  const probeRecords = new Map<Control, ControlRecord>();
  const probeRecord = (c: Control): ControlRecord => {
    let record = probeRecords.get(c);
    if (!record) probeRecords.set(c, (record = shallowRecord(c)));
    return record;
  };
  const baseRecord = (c: Control) => base.snapshot.get(c);

  const pair = (next: Control, old: Control) => {
    pairs.set(next, old);
    claimed.add(old);
  };

  const walk = (next: Control, old: Control) => {
    const oldRecord = baseRecord(old);
    if (!oldRecord) return;
    const nextRecord = probeRecord(next);
    const slots = new Set([...Object.keys(oldRecord.slots), ...Object.keys(nextRecord.slots)]);
    for (const slot of slots) {
      const matched = pairChildren(oldRecord.slots[slot] ?? [], nextRecord.slots[slot] ?? []);
      for (const [n, o] of matched) {
        pair(n, o);
        walk(n, o);
      }
    }
  };

  const keyOf = (c: Control, record: ControlRecord | undefined) => (record?.props.key ?? c._p.key) as unknown;

  const pairChildren = (olds: readonly Control[], nexts: readonly Control[]): [Control, Control][] => {
    const out: [Control, Control][] = [];
    const usedNext = new Set<Control>();
    const usedOld = new Set<Control>();
    // 1. keyed
    const byKey = new Map<string, Control>();
    for (const old of olds) {
      const key = keyOf(old, baseRecord(old));
      if (key !== undefined && !claimed.has(old)) byKey.set(keyString(familyOf(old), key), old);
    }
    for (const next of nexts) {
      if (pairs.has(next)) continue;
      const key = next._p.key;
      if (key === undefined) continue;
      const old = byKey.get(keyString(familyOf(next), key));
      if (old && !usedOld.has(old)) {
        out.push([next, old]);
        usedNext.add(next);
        usedOld.add(old);
      }
    }
    // 2. unkeyed: longest common subsequence of "same class and same props"
    const oldFree = olds.filter((o) => !usedOld.has(o) && !claimed.has(o) && keyOf(o, baseRecord(o)) === undefined);
    const nextFree = nexts.filter((n) => !usedNext.has(n) && !pairs.has(n) && n._p.key === undefined);
    const same = (o: Control, n: Control) =>
      familyOf(o) === familyOf(n) && equalProps(baseRecord(o)?.props ?? o._p, n._p);
    if (oldFree.length > 0 && nextFree.length > 0 && oldFree.length * nextFree.length <= 40_000) {
      for (const [oi, ni] of lcs(oldFree, nextFree, same)) {
        out.push([nextFree[ni]!, oldFree[oi]!]);
        usedOld.add(oldFree[oi]!);
        usedNext.add(nextFree[ni]!);
      }
    }
    // 3. what is left, by class in order (a prop edited in source: the button whose label changed)
    const leftovers = new Map<object, Control[]>();
    for (const o of oldFree) if (!usedOld.has(o)) push(leftovers, familyOf(o), o);
    for (const n of nextFree) {
      if (usedNext.has(n)) continue;
      const queue = leftovers.get(familyOf(n));
      const old = queue?.shift();
      if (old) out.push([n, old]);
    }
    return out;
  };

  pair(probe.root, base.root);
  walk(probe.root, base.root);

  // Constructed by main but not in the tree, or moved to another parent by the edit.
  const oldLeft = base.log.filter((c) => !claimed.has(c));
  if (oldLeft.length > 0) {
    const oldByKey = new Map<string, Control>();
    const oldByFamily = new Map<object, Control[]>();
    for (const old of oldLeft) {
      const key = keyOf(old, baseRecord(old));
      if (key !== undefined) oldByKey.set(keyString(familyOf(old), key), old);
      else push(oldByFamily, familyOf(old), old);
    }
    for (const next of probe.log) {
      if (pairs.has(next)) continue;
      const key = next._p.key;
      const old = key !== undefined ? oldByKey.get(keyString(familyOf(next), key)) : oldByFamily.get(familyOf(next))?.shift();
      if (!old || claimed.has(old)) continue;
      if (key !== undefined) oldByKey.delete(keyString(familyOf(next), key));
      pair(next, old);
      walk(next, old);
    }
  }
  return pairs;
}

function keyString(family: object, key: unknown): string {
  return `${familyId(family)}\u0000${String(key)}`;
}

const familyIds = new WeakMap<object, number>();
let nextFamilyId = 1;
function familyId(family: object): number {
  let id = familyIds.get(family);
  if (id === undefined) familyIds.set(family, (id = nextFamilyId++));
  return id;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function shallowRecord(control: Control): ControlRecord {
  const slots: Record<string, Control[]> = {};
  for (const slot in metaOf(control).slots) {
    const children = control._children(slot).filter((c): c is Control => c instanceof Control);
    if (children.length) slots[slot] = [...children];
  }
  return { props: control._p, handlers: control._h, fields: {}, slots };
}

function equalProps(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => equalValues(a[k], b[k]));
}

/** Index pairs of a longest common subsequence under `same`. */
function lcs<A, B>(a: readonly A[], b: readonly B[], same: (x: A, y: B) => boolean): [number, number][] {
  const n = a.length;
  const m = b.length;
  const table: Uint16Array[] = [];
  for (let i = 0; i <= n; i++) table.push(new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = same(a[i]!, b[j]!) ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(a[i]!, b[j]!)) {
      out.push([i, j]);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}
