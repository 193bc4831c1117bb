import { metaOf, type Control } from "../controls/control.ts";
import type { PropValue, WireNode } from "@weft/protocol";

/** A control's node without its children: id, type, class name, props, handled events. */
export function wireHeader(control: Control): WireNode {
  const meta = metaOf(control);
  const node: WireNode = { i: control.id, t: meta.type, p: control._p as Record<string, PropValue> };
  const name = control._typeName();
  if (name !== meta.type) node.n = name;
  const handlers = Object.keys(control._h);
  if (handlers.length > 0) node.h = handlers;
  return node;
}

/**
 * The tree under `control` as the browser should hold it, built from the live objects without
 * mounting anything: what tests compare a client's copy with.
 */
export function describeTree(control: Control): WireNode {
  const node = wireHeader(control);
  node.p = { ...node.p };
  if (node.h) node.h = [...node.h].sort();
  for (const slot in metaOf(control).slots) {
    const children = control._children(slot);
    if (children.length) (node.c ??= {})[slot] = children.map(describeTree);
  }
  return node;
}
