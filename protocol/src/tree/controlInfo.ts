import type { TreeNode, TreeSetOp } from "../channel/messages.ts";

/**
 * What a tool shows of one control in its tree, under readable names: the channel's `TreeNode`
 * fields (`t`, `n`, `k`, `s`, short on the wire). The inspector's and the VS Code extension's tree
 * nodes both extend it, each with its own links (ids or objects).
 */
export interface ControlInfo {
  readonly id: number;
  /** The drawn type (`Row`). */
  readonly type: string;
  /** The class or component name when it differs (`TodoItem`). */
  readonly name?: string;
  key?: string;
  /** A short text of the main prop (`"Hello"` for a Text), when the devserver sends one. */
  summary?: string;
  /** `visible: false`: the control is in the tree but not drawn (tools dim it). */
  hidden?: true;
  /** It has handlers (a tool offers "go to handler" only then). */
  handles?: true;
}

/** The `ControlInfo` fields of a channel node (absent fields stay absent). */
export function controlInfo(node: TreeNode): ControlInfo {
  const info: { -readonly [K in keyof ControlInfo]: ControlInfo[K] } = { id: node.i, type: node.t };
  if (node.n !== undefined) info.name = node.n;
  if (node.k !== undefined) info.key = node.k;
  if (node.s !== undefined) info.summary = node.s;
  if (node.x === 1) info.hidden = true;
  if (node.e === 1) info.handles = true;
  return info;
}

/** Applies a `set` tree op's key, summary and flags (`null`: gone). Returns whether any changed. */
export function applyInfoChange(info: ControlInfo, op: TreeSetOp): boolean {
  let changed = false;
  if (op.k !== undefined && (op.k ?? undefined) !== info.key) {
    if (op.k === null) delete info.key;
    else info.key = op.k;
    changed = true;
  }
  if (op.s !== undefined && (op.s ?? undefined) !== info.summary) {
    if (op.s === null) delete info.summary;
    else info.summary = op.s;
    changed = true;
  }
  changed = setFlag(info, "hidden", op.x) || changed;
  changed = setFlag(info, "handles", op.e) || changed;
  return changed;
}

function setFlag(info: ControlInfo, name: "hidden" | "handles", to: boolean | undefined): boolean {
  if (to === undefined || to === (info[name] === true)) return false;
  if (to) info[name] = true;
  else delete info[name];
  return true;
}
