import { createContext, type ComponentType } from "react";
import type { StoreNode } from "./NodeStore.ts";

/** A component as `ControlView` calls it: with the store's node. */
export type NodeComponent = ComponentType<{ node: StoreNode }>;

/** Which component draws a wire type (`t`), with the fallback for a type this renderer lacks. */
export type ComponentFor = (type: string) => NodeComponent;

/**
 * The component table as `ControlView` reads it, provided once at the root (`App`). A context and
 * not an import: the control components draw their children with `ControlView`, and the table
 * imports every control component, so `ControlView` importing the table would close an import
 * cycle through each of them.
 */
export const ComponentsContext = createContext<ComponentFor>((type) => {
  throw new Error(`weft renderer: no component table to draw '${type}' with (render inside <ComponentsContext value={componentFor}>, as App does)`);
});
