import type { ControlId, PropValue } from "@weft/protocol";
import type { ClientMirror, MirrorNode } from "./clientMirror.ts";
import { ControlNamer, formatValue, nodeLabel, shownText } from "./describeControl.ts";

/**
 * Which control of the replay is which control of the recording. Ids come from a process-wide
 * counter, so the same control has another id in every run; the map is rebuilt from the trees
 * after every step and used to aim the next recorded event at the right control.
 */
export class IdMap {
  private readonly toActualIds = new Map<ControlId, ControlId>();
  private readonly toExpectedIds = new Map<ControlId, ControlId>();

  /** The replay's id for a recorded id, if that control has a counterpart. */
  toActual(expected: ControlId): ControlId | undefined {
    return this.toActualIds.get(expected);
  }
  /** The recorded id for a replay id. */
  toExpected(actual: ControlId): ControlId | undefined {
    return this.toExpectedIds.get(actual);
  }

  link(expected: ControlId, actual: ControlId): void {
    const oldActual = this.toActualIds.get(expected);
    if (oldActual !== undefined && oldActual !== actual) this.toExpectedIds.delete(oldActual);
    const oldExpected = this.toExpectedIds.get(actual);
    if (oldExpected !== undefined && oldExpected !== expected) this.toActualIds.delete(oldExpected);
    this.toActualIds.set(expected, actual);
    this.toExpectedIds.set(actual, expected);
  }
}

export type TreeDifferenceKind = "page" | "type" | "prop" | "handlers" | "missing" | "extra" | "order";

/** One way the replayed tree differs from the recorded one, in words. */
export interface TreeDifference {
  kind: TreeDifferenceKind;
  /** The control involved, named as in the recording (`Text#count`). */
  control: string;
  expected: string;
  actual: string;
  /** The whole sentence: `expected Text#count value "2", got "3"`. */
  text: string;
}

/**
 * Compares the tree the recording's messages built with the one the replay's messages built,
 * pairing controls by their place, type and key (never by id), and links each pair in `ids`.
 * Children lists are aligned by their longest common run, so one missing item reads as one
 * missing item rather than as every later item being different.
 */
export function compareTrees(expected: ClientMirror, actual: ClientMirror, ids: IdMap): TreeDifference[] {
  const out: TreeDifference[] = [];
  if (expected.root === null || actual.root === null) {
    if (expected.root !== actual.root) {
      const shown = (root: ControlId | null) => (root === null ? "no page (the app crashed or has not answered)" : "the page");
      out.push({
        kind: "page",
        control: "Page",
        expected: shown(expected.root),
        actual: shown(actual.root),
        text: `expected ${shown(expected.root)}, got ${shown(actual.root)}`,
      });
    }
    return out;
  }
  const names = new ControlNamer(expected);

  const visit = (e: MirrorNode, a: MirrorNode) => {
    ids.link(e.i, a.i);
    const path = names.path(e.i);
    if (e.t !== a.t || (e.n ?? e.t) !== (a.n ?? a.t)) {
      const typeOf = (n: MirrorNode) => (n.n ? `${n.n}(${n.t})` : n.t);
      out.push({
        kind: "type",
        control: path,
        expected: typeOf(e),
        actual: typeOf(a),
        text: `expected ${path} to be a ${typeOf(e)}, got a ${typeOf(a)}`,
      });
      return;
    }
    for (const name of [...new Set([...Object.keys(e.p), ...Object.keys(a.p)])].sort()) {
      const ev = e.p[name];
      const av = a.p[name];
      if (sameValue(ev, av)) continue;
      const text =
        ev === undefined
          ? `expected ${path} without ${name}, got ${name} ${formatValue(av)}`
          : `expected ${path} ${name} ${formatValue(ev)}, got ${av === undefined ? `no ${name}` : formatValue(av)}`;
      out.push({ kind: "prop", control: path, expected: formatValue(ev), actual: formatValue(av), text });
    }
    const eh = [...e.h].sort();
    const ah = [...a.h].sort();
    if (eh.join() !== ah.join()) {
      const list = (h: string[]) => (h.length ? `[${h.join(", ")}]` : "nothing");
      out.push({
        kind: "handlers",
        control: path,
        expected: list(eh),
        actual: list(ah),
        text: `expected ${path} to handle ${list(eh)}, got ${list(ah)}`,
      });
    }
    for (const slot of [...new Set([...Object.keys(e.c), ...Object.keys(a.c)])].sort()) {
      const pairs = alignChildren(e, a, slot);
      for (const [ce, ca] of pairs) visit(expected.get(ce), actual.get(ca));
    }
  };

  const alignChildren = (e: MirrorNode, a: MirrorNode, slot: string): [ControlId, ControlId][] => {
    const E = e.c[slot] ?? [];
    const A = a.c[slot] ?? [];
    const sigE = E.map((id) => signature(expected.get(id)));
    const sigA = A.map((id) => signature(actual.get(id)));
    const pairs = commonRun(sigE, sigA);
    const usedE = new Set(pairs.map(([i]) => i));
    const usedA = new Set(pairs.map(([, j]) => j));
    // A keyed control found on both sides but outside the common run has moved.
    let moved = false;
    for (let i = 0; i < E.length; i++) {
      if (usedE.has(i) || typeof expected.get(E[i]!).p.key !== "string") continue;
      const j = sigA.findIndex((sig, j) => !usedA.has(j) && sig === sigE[i]);
      if (j < 0) continue;
      pairs.push([i, j]);
      usedE.add(i);
      usedA.add(j);
      moved = true;
    }
    const where = slot === "controls" || slot === "views" || slot === "content" ? names.path(e.i) : `${names.path(e.i)} (${slot})`;
    if (moved) {
      const order = (list: ControlId[], mirror: ClientMirror) => `[${list.map((id) => nodeLabel(mirror.get(id))).join(", ")}]`;
      out.push({
        kind: "order",
        control: where,
        expected: order(E, expected),
        actual: order(A, actual),
        text: `expected ${where} to hold ${order(E, expected)} in this order, got ${order(A, actual)}`,
      });
    }
    for (let i = 0; i < E.length; i++) {
      if (usedE.has(i)) continue;
      const what = withText(expected.get(E[i]!), expected);
      out.push({
        kind: "missing",
        control: where,
        expected: what,
        actual: "nothing",
        text: `expected ${where} to contain ${what} (position ${i + 1}), it is missing`,
      });
    }
    for (let j = 0; j < A.length; j++) {
      if (usedA.has(j)) continue;
      const what = withText(actual.get(A[j]!), actual);
      out.push({
        kind: "extra",
        control: where,
        expected: "nothing",
        actual: what,
        text: `expected ${where} to hold ${E.length} ${slot === "views" ? "view" : "control"}${E.length === 1 ? "" : "s"}, got an extra ${what} (position ${j + 1})`,
      });
    }
    return pairs.sort((x, y) => x[0] - y[0]).map(([i, j]) => [E[i]!, A[j]!]);
  };

  visit(expected.get(expected.root), actual.get(actual.root));
  return out;
}

function signature(node: MirrorNode): string {
  return `${node.t}\u0000${node.n ?? ""}\u0000${typeof node.p.key === "string" ? node.p.key : ""}`;
}

function withText(node: MirrorNode, mirror: ClientMirror): string {
  // A view is told apart by its route rather than by text.
  if (node.t === "View" && typeof node.p.route === "string") return `${nodeLabel(node)} route=${JSON.stringify(node.p.route)}`;
  const text = shownText(node, mirror);
  return nodeLabel(node) + (text ? ` ${JSON.stringify(text)}` : "");
}

/** Index pairs of a longest common subsequence of `a` and `b` (prefix and suffix trimmed first). */
function commonRun(a: string[], b: string[]): [number, number][] {
  const pairs: [number, number][] = [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) pairs.push([start, start++]);
  let endA = a.length;
  let endB = b.length;
  const tail: [number, number][] = [];
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) tail.push([--endA, --endB]);
  const n = endA - start;
  const m = endB - start;
  if (n > 0 && m > 0) {
    if (n * m > 4_000_000) {
      // Too big for the table: take matches greedily, in order.
      let j = start;
      for (let i = start; i < endA && j < endB; i++) {
        const k = b.indexOf(a[i]!, j);
        if (k >= 0 && k < endB) {
          pairs.push([i, k]);
          j = k + 1;
        }
      }
    } else {
      const table = new Uint32Array((n + 1) * (m + 1));
      const at = (i: number, j: number) => i * (m + 1) + j;
      for (let i = n - 1; i >= 0; i--) {
        for (let j = m - 1; j >= 0; j--) {
          table[at(i, j)] =
            a[start + i] === b[start + j] ? table[at(i + 1, j + 1)]! + 1 : Math.max(table[at(i + 1, j)]!, table[at(i, j + 1)]!);
        }
      }
      let i = 0;
      let j = 0;
      while (i < n && j < m) {
        if (a[start + i] === b[start + j]) {
          pairs.push([start + i, start + j]);
          i++;
          j++;
        } else if (table[at(i + 1, j)]! >= table[at(i, j + 1)]!) i++;
        else j++;
      }
    }
  }
  return pairs.concat(tail.reverse());
}

/** Deep equality of JSON values, blind to the order of object keys. */
function sameValue(a: PropValue | undefined, b: PropValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as PropValue[];
    return a.length === bb.length && a.every((v, i) => sameValue(v, bb[i]));
  }
  const ao = a as Record<string, PropValue>;
  const bo = b as Record<string, PropValue>;
  const keys = Object.keys(ao);
  return keys.length === Object.keys(bo).length && keys.every((k) => k in bo && sameValue(ao[k], bo[k]));
}
