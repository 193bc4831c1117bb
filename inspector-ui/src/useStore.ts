import { createContext, useContext, useSyncExternalStore } from "react";
import type { InspectorStore, Topic } from "./model/InspectorStore.ts";

export const StoreContext = createContext<InspectorStore | null>(null);

export function useInspector(): InspectorStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useInspector outside <StoreContext>");
  return store;
}

/** Re-renders the component when any of `topics` changes; returns the store. */
export function useTopics(...topics: Topic[]): InspectorStore {
  const store = useInspector();
  const key = topics.join(",");
  useSyncExternalStore(
    (listener) => {
      const undo = topics.map((t) => store.subscribe(t, listener));
      return () => undo.forEach((u) => u());
    },
    () => topics.map((t) => store.version(t)).join(","),
  );
  void key;
  return store;
}
