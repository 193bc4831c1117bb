import type { WireNode } from "@weft/protocol";

/** The first control of a page's wire tree with this `key`, depth first (what a bench client clicks or types into). */
export function findKey(node: WireNode, key: string): WireNode | undefined {
  if (node.p.key === key) return node;
  for (const slot of Object.values(node.c ?? {})) {
    for (const child of slot) {
      const found = findKey(child, key);
      if (found) return found;
    }
  }
  return undefined;
}
