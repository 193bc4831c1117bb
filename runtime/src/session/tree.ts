import { adoptFieldProps, Control, initControl, HANDLERS, metaOf, type ControlOwner } from "../controls/control.ts";
import { WeftError } from "../errors.ts";
import type { Page } from "../page/page.ts";
import type { ControlId, PatchOp, PropValue, WireNode } from "@weft/protocol";
import { longestIncreasingSubsequence } from "./lis.ts";
import { wireHeader } from "./wireNode.ts";

/**
 * A session's view of its control tree: which controls are mounted (the id index), which changed
 * since the last flush (the dirty set), and how to turn those changes into patch ops.
 *
 * The cost of `flush()` follows the size of the change: it visits only controls that recorded a
 * change, and for each changed child list it diffs that list alone. Nothing walks the whole tree
 * except `serialize()` of the full page (register and resume).
 */
export class Tree implements ControlOwner {
  /** Mounted controls by id: the only controls an event or a props message may name. */
  readonly index = new Map<ControlId, Control>();
  private dirty = new Set<Control>();
  /** Mounted by `serialize()`, waiting for `runMounted()`. */
  private pendingMounts: Control[] = [];
  /**
   * True while the tree serializes, flushes or runs `didMount`s: an `update()` called from a
   * `build`, `beforeUpdate` or `didMount` then adds to the patch being made instead of sending
   * one of its own ahead of it (which would name controls the browser does not have yet).
   */
  busy = false;

  constructor(readonly page: Page) {}

  markDirty(control: Control): void {
    this.dirty.add(control);
  }

  get hasChanges(): boolean {
    return this.dirty.size > 0;
  }

  /**
   * Serializes `root` and everything under it, mounting what is not mounted yet. The newly
   * mounted controls' `didMount` waits for `runMounted()`, which the session calls once the
   * browser has this page: what a `didMount` adds (solitaire deals its cards there) is a patch
   * of this page, so it must come after it.
   */
  serialize(root: Control): WireNode {
    this.busy = true;
    try {
      return this.mount(root, root._parent, root._slot, this.pendingMounts);
    } finally {
      this.busy = false;
    }
  }

  /** Runs the `didMount` of controls mounted by `serialize()`; their changes wait for the next flush. */
  runMounted(): void {
    const mounted = this.pendingMounts;
    if (mounted.length === 0) return;
    this.pendingMounts = [];
    this.busy = true;
    try {
      this.runDidMount(mounted);
    } finally {
      this.busy = false;
    }
  }

  /**
   * Turns every change recorded since the last flush into patch ops, and records the new state
   * as sent. Ops are ordered so the client can apply them one by one.
   */
  flush(): PatchOp[] {
    this.busy = true;
    try {
      return this.collect();
    } finally {
      this.busy = false;
    }
  }

  private collect(): PatchOp[] {
    const ops: PatchOp[] = [];
    // Ancestors whose beforeUpdate this flush ran already: each runs at most once, so one that
    // changes its descendants (a todo list hiding filtered tasks) cannot start a loop.
    const updatedAncestors = new Set<Control>();
    while (this.dirty.size > 0) {
      const mounted: Control[] = [];
      // A Set iterates entries added during iteration, so a control adopted while we flush is
      // handled in this same pass; a didMount that changes something gets another pass.
      for (const control of this.dirty) {
        if (control._owner !== this) {
          this.dirty.delete(control); // unmounted since it changed
          continue;
        }
        this.markAncestorsWithBeforeUpdate(control, updatedAncestors);
        control.beforeUpdate();
        this.dirty.delete(control); // after: what beforeUpdate changes goes out with the rest
        const changed = control._changed;
        const slots = control._dirtySlots;
        control._changed = null;
        control._dirtySlots = null;
        if (changed) this.diffProps(control, changed, ops);
        if (slots) for (const slot of slots) this.diffSlot(control, slot, ops, mounted);
      }
      this.runDidMount(mounted);
    }
    return ops;
  }

  /**
   * Flet runs `before_update()` on every control an update passes through, so a class that
   * derives its props from its children's state (Flet's todo counts the unticked tasks there)
   * sees each change below it. weft diffs only what changed, so it gives the same to the
   * ancestors of a changed control that define a `beforeUpdate`: they are marked for this pass
   * (a Set iterates what is added while it iterates). The walk up is the tree's depth, and
   * stops at an ancestor already seen.
   */
  private markAncestorsWithBeforeUpdate(control: Control, seen: Set<Control>): void {
    for (let at = control._parent; at !== null; at = at._parent) {
      if (seen.has(at)) return;
      seen.add(at);
      if (at.beforeUpdate !== Control.prototype.beforeUpdate && at._owner === this) this.dirty.add(at);
    }
  }

  /** Drops the whole tree (session closed): every control leaves the index. */
  clear(): void {
    this.unmount(this.page);
    this.dirty.clear();
  }

  private diffProps(control: Control, changed: Map<string, unknown>, ops: PatchOp[]): void {
    let props: Record<string, PropValue> | undefined;
    let handlers: string[] | undefined;
    for (const [name, previous] of changed) {
      if (name === HANDLERS) {
        handlers = Object.keys(control._h);
        continue;
      }
      const value = control._p[name];
      if (value === previous && (typeof value !== "object" || value === null)) continue;
      (props ??= {})[name] = value === undefined ? null : (value as PropValue);
    }
    if (props || handlers) {
      const op: PatchOp = { op: "set", id: control.id };
      if (props) op.props = props;
      if (handlers) op.h = handlers;
      ops.push(op);
    }
  }

  /**
   * Keyed reconciliation of one child list: removes, then inserts and moves, walking the new list
   * from the end so each op can name the sibling it goes before. Survivors on the longest
   * increasing run of old positions stay put; only the others move (the minimum number of moves).
   * A new control whose key and class match a removed one takes over its id and node: only the
   * props that differ are sent (Flet's `_migrate_state`; React's keyed update).
   */
  private diffSlot(parent: Control, slot: string, ops: PatchOp[], mounted: Control[]): void {
    const before = parent._sent[slot] ?? [];
    const after = parent._children(slot).slice();
    checkChildren(parent, slot, after);
    const afterSet = new Set(after);
    const oldIndex = new Map<Control, number>();
    before.forEach((c, i) => oldIndex.set(c, i));

    // Adoption: a new control takes over a removed one of the same kind with the same key, or,
    // when both have no key, at the same position (React's rule for unkeyed children).
    const adopted = new Map<Control, Control>(); // old → new
    if (before.length > 0 && after.length > 0) {
      let byKey: Map<unknown, Control> | undefined;
      for (const old of before) {
        const key = old._p.key;
        if (key !== undefined && !afterSet.has(old)) (byKey ??= new Map()).set(key, old);
      }
      after.forEach((next, i) => {
        if (oldIndex.has(next) || next._owner) return;
        const key = next._p.key;
        const old = key !== undefined ? byKey?.get(key) : before[i];
        if (!old || afterSet.has(old) || adopted.has(old) || old._p.key !== key || !old._sameKind(next)) return;
        adopted.set(old, next);
      });
    }

    for (const old of before) {
      if (afterSet.has(old)) continue;
      const heir = adopted.get(old);
      if (heir) {
        this.adopt(old, heir, parent, slot);
        oldIndex.set(heir, oldIndex.get(old)!);
        continue;
      }
      ops.push({ op: "remove", parent: parent.id, slot, id: old.id });
      // A control moved to another parent may already be mounted there: leave it be.
      if (old._owner === this && old._parent === parent && old._slot === slot) this.unmount(old);
    }

    const positions = after.map((c) => oldIndex.get(c) ?? -1);
    const stable = longestIncreasingSubsequence(positions);
    let anchor: ControlId | null = null;
    for (let i = after.length - 1; i >= 0; i--) {
      const child = after[i]!;
      if (positions[i] === -1) {
        ops.push({ op: "insert", parent: parent.id, slot, before: anchor, node: this.mount(child, parent, slot, mounted) });
      } else if (!stable.has(i)) {
        ops.push({ op: "move", parent: parent.id, slot, id: child.id, before: anchor });
      }
      anchor = child.id;
    }
    parent._sent[slot] = after;
  }

  /** `heir` replaces `old` in place: same id, same node in the browser; the diff sends what differs. */
  private adopt(old: Control, heir: Control, parent: Control, slot: string): void {
    this.index.delete(heir.id);
    (heir as { id: number }).id = old.id;
    heir._owner = this;
    heir._parent = parent;
    heir._slot = slot;
    heir._sent = old._sent;
    for (const children of Object.values(old._sent)) for (const c of children) if (c._parent === old) c._parent = heir;
    // What the user typed or ticked lives in the old control; keep it unless the new code sets it.
    for (const name in metaOf(old).clientProps) {
      if (heir._p[name] === undefined && old._p[name] !== undefined) heir._p[name] = old._p[name];
    }
    const changed = new Map<string, unknown>();
    for (const name in old._p) if (old._p[name] !== heir._p[name]) changed.set(name, old._p[name]);
    for (const name in heir._p) if (!(name in old._p)) changed.set(name, undefined);
    if (Object.keys(old._h).join() !== Object.keys(heir._h).join()) changed.set(HANDLERS, undefined);
    heir._changed = changed;
    heir._dirtySlots = new Set([...Object.keys(old._sent), ...Object.keys(heir._lists), ...Object.keys(heir._single)]);
    this.index.set(heir.id, heir);
    heir._adoptFrom(old);
    old.willUnmount();
    old._owner = null;
    old._parent = null;
    old._sent = {};
    this.dirty.add(heir);
  }

  private mount(control: Control, parent: Control | null, slot: string | null, mounted: Control[]): WireNode {
    if (control._owner && control._owner !== this) {
      throw new WeftError(
        "FOREIGN_CONTROL",
        `${describe(control)} is already shown in another session; a control can be on one page only. Create a new control for each session.`,
      );
    }
    adoptFieldProps(control);
    const fresh = control._owner !== this;
    control._owner = this;
    control._parent = parent;
    control._slot = slot;
    if (!built.has(control)) {
      built.add(control);
      initControl(control);
      control.build();
    }
    control.beforeUpdate();
    control._prepare();
    control._changed = null;
    control._dirtySlots = null;
    this.index.set(control.id, control);

    const node = wireHeader(control);
    for (const slotName in metaOf(control).slots) {
      const children = control._children(slotName).slice();
      if (children.length === 0) {
        control._sent[slotName] = [];
        continue;
      }
      checkChildren(control, slotName, children);
      control._sent[slotName] = children;
      (node.c ??= {})[slotName] = children.map((child) => this.mount(child, control, slotName, mounted));
    }
    if (fresh) mounted.push(control);
    return node;
  }

  private unmount(control: Control): void {
    control.willUnmount();
    for (const children of Object.values(control._sent)) {
      for (const child of children) if (child._parent === control && child._owner === this) this.unmount(child);
    }
    if (this.index.get(control.id) === control) this.index.delete(control.id);
    control._owner = null;
    control._parent = null;
    control._slot = null;
    control._changed = null;
    control._dirtySlots = null;
    control._sent = {};
  }

  private runDidMount(controls: Control[]): void {
    for (const control of controls) if (control._owner === this) control.didMount();
  }

}

/** Controls whose `build()` ran: once in a control's life, not once per mount (a WeakSet, not a field, so it is no app state a hot swap would merge). */
const built = new WeakSet<Control>();

function describe(control: Control): string {
  const key = control._p.key;
  return `${control._typeName()}#${control.id}${key !== undefined ? ` (key "${key}")` : ""}`;
}

function checkChildren(parent: Control, slot: string, children: readonly unknown[]): void {
  let seen: Set<unknown> | undefined;
  children.forEach((child, i) => {
    if (!(child instanceof Control)) {
      const what = child === null ? "null" : Array.isArray(child) ? "an array" : typeof child;
      throw new WeftError(
        "BAD_CHILD",
        `${describe(parent)}.${slot}[${i}] is ${what}, not a control` +
          (typeof child === "string" ? `; wrap text in new Text(${JSON.stringify(child).slice(0, 40)})` : ""),
      );
    }
    if (children.length > 1) {
      seen ??= new Set();
      if (seen.has(child)) {
        throw new WeftError("DUPLICATE_CHILD", `${describe(child)} appears twice in ${describe(parent)}.${slot}; a control can stand in one place only`);
      }
      seen.add(child);
    }
  });
}
