import { useCallback, useSyncExternalStore } from "react";
import { Banners } from "./banners/Banners.tsx";
import { ComponentsContext } from "./ComponentsContext.ts";
import { ControlView } from "./ControlView.tsx";
import { componentFor } from "./controls/controlComponents.ts";
import { useWeft } from "./WeftContext.ts";

/** The page (once registered) plus the banners. */
export function App() {
  const { store } = useWeft();
  const subscribe = useCallback((listener: () => void) => store.subscribeRoot(listener), [store]);
  const rootId = useSyncExternalStore(subscribe, () => store.rootId);
  return (
    <ComponentsContext value={componentFor}>
      {rootId !== null && <ControlView id={rootId} />}
      <Banners />
    </ComponentsContext>
  );
}
