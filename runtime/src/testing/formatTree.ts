import type { ControlId, PropValue } from "@weft/protocol";
import type { ClientMirror } from "./clientMirror.ts";

/**
 * The tree as indented text: one control a line, `Type` (or `Class(Type)`), then `#key`, then
 * props sorted by name, then `[handled events]`. Ids are left out: they differ between runs.
 *
 *   Row alignment="center"
 *     Button#inc text="+" [click]
 */
export function formatTree(mirror: ClientMirror, id: ControlId = mirror.root!, depth = 0, out: string[] = []): string {
  const node = mirror.get(id);
  const { key, ...props } = node.p;
  let line = "  ".repeat(depth) + (node.n ? `${node.n}(${node.t})` : node.t);
  if (key !== undefined) line += `#${key}`;
  for (const name of Object.keys(props).sort()) line += ` ${name}=${formatValue(props[name]!)}`;
  if (node.h.length) line += ` [${[...node.h].sort().join(" ")}]`;
  out.push(line);
  for (const slot of Object.keys(node.c).sort()) {
    const ids = node.c[slot]!;
    if (ids.length === 0) continue;
    if (slot !== "controls" && slot !== "views") out.push("  ".repeat(depth + 1) + `${slot}:`);
    for (const child of ids) formatTree(mirror, child, depth + (slot !== "controls" && slot !== "views" ? 2 : 1), out);
  }
  return depth === 0 ? out.join("\n") : "";
}

function formatValue(value: PropValue): string {
  return JSON.stringify(value);
}
