import { useCallback, useSyncExternalStore } from "react";
import type { ControlId } from "@weft/protocol";
import type { StoreNode } from "./NodeStore.ts";
import { useWeft } from "./WeftContext.ts";

/** The node of `id`, re-rendering this component only when that node changes. */
export function useNode(id: ControlId): StoreNode | undefined {
  const { store } = useWeft();
  const subscribe = useCallback((listener: () => void) => store.subscribe(id, listener), [store, id]);
  const getSnapshot = useCallback(() => store.get(id), [store, id]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
