import { useCallback, useRef, useSyncExternalStore } from "react";
import type { StoreNode } from "./NodeStore.ts";
import { useWeft } from "./WeftContext.ts";

const NONE: readonly StoreNode[] = Object.freeze([]);

/**
 * The nodes of one slot's children, re-rendering when any of them (or the list) changes: for a
 * parent that draws from its children's props (a DataTable's checkbox column, say). The array
 * keeps its identity while every node does, as `useSyncExternalStore` requires.
 */
export function useSlotNodes(node: StoreNode, slot: string): readonly StoreNode[] {
  const { store } = useWeft();
  const ids = node.slots[slot];
  const last = useRef<readonly StoreNode[]>(NONE);
  const subscribe = useCallback(
    (listener: () => void) => {
      const undo = (ids ?? []).map((id) => store.subscribe(id, listener));
      return () => undo.forEach((u) => u());
    },
    [store, ids],
  );
  const getSnapshot = useCallback(() => {
    const next: StoreNode[] = [];
    for (const id of ids ?? []) {
      const child = store.get(id);
      if (child) next.push(child);
    }
    const prev = last.current;
    if (prev.length === next.length && prev.every((n, i) => n === next[i])) return prev;
    last.current = next.length === 0 ? NONE : next;
    return last.current;
  }, [store, ids]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
