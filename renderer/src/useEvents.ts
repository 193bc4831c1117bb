import { useMemo } from "react";
import type { ControlId, PropValue } from "@weft/protocol";
import { useWeft, type Weft } from "./WeftContext.ts";

export interface ControlEvents {
  /** Sends `name` if the server handles it (the node's `h` lists it); otherwise nothing. */
  event(name: string, data?: PropValue): void;
  /**
   * A client-owned prop changed in the browser (typed text, a tick): mirror it in the store,
   * always tell the server with `props`, then fire `change` if it is handled.
   */
  change(props: Record<string, PropValue>, data: PropValue): void;
  /**
   * Client-owned props changed in the browser with no `change` to fire (a dialog the user
   * dismissed): mirror them in the store and tell the server with `props`.
   */
  report(props: Record<string, PropValue>): void;
}

/** Event senders for one control; stable across renders. */
export function useEvents(id: ControlId): ControlEvents {
  const weft = useWeft();
  return useMemo(() => createEvents(weft, id), [weft, id]);
}

export function createEvents(weft: Weft, id: ControlId): ControlEvents {
  const event = (name: string, data?: PropValue) => {
    // Read `h` from the store, not a render's snapshot, so a handler added a moment ago counts.
    if (!weft.store.get(id)?.h.includes(name)) return;
    weft.send(data === undefined ? { type: "event", id, name } : { type: "event", id, name, data });
  };
  const report = (props: Record<string, PropValue>) => {
    weft.store.setLocalProps(id, props);
    weft.send({ type: "props", id, props });
  };
  return {
    event,
    report,
    change(props, data) {
      report(props);
      event("change", data);
    },
  };
}
