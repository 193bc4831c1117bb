import { createContext, useContext } from "react";
import type { ClientMessage } from "@weft/protocol";
import type { StatusStore } from "./StatusStore.ts";
import type { NodeStore } from "./NodeStore.ts";

/** What every control component needs: the tree, the banners' state, and a way to talk back. */
export interface Weft {
  store: NodeStore;
  status: StatusStore;
  /** Sends if the session is live; returns whether the message went out. */
  send: (message: ClientMessage) => boolean;
}

export const WeftContext = createContext<Weft | null>(null);

export function useWeft(): Weft {
  const weft = useContext(WeftContext);
  if (!weft) throw new Error("weft controls must be rendered inside <WeftContext value={…}> (see main.tsx)");
  return weft;
}
