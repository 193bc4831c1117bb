import { useEffect, useRef } from "react";
import type { StoreNode } from "./NodeStore.ts";
import { useWeft } from "./WeftContext.ts";
import { currentRoute, pathOf } from "./basePath.ts";

/**
 * Keeps the address bar and `page.route` in step, both ways (routes are below the page's base
 * path, basePath.ts):
 * - the server changed `route` (`page.go("/x")`) → push a history entry (replace on the first
 *   render, which only mirrors where the session already is);
 * - the user went back/forward → tell the server as Flet does: the new `route` as a
 *   client-owned prop, then the page's `routeChange` event if the app handles it.
 */
export function useRouteSync(page: StoreNode): void {
  const weft = useWeft();
  const route = typeof page.p.route === "string" ? page.p.route : undefined;
  const first = useRef(true);

  useEffect(() => {
    if (route === undefined) return;
    if (route !== currentRoute()) {
      if (first.current) history.replaceState(history.state, "", pathOf(route));
      else history.pushState(null, "", pathOf(route));
    }
    first.current = false;
  }, [route]);

  useEffect(() => {
    const id = page.id;
    const onPopState = () => {
      const next = currentRoute();
      if (weft.store.get(id)?.p.route === next) return;
      // Mirrored in the store first, so the server's echo of the same route pushes nothing.
      weft.store.setLocalProps(id, { route: next });
      weft.send({ type: "props", id, props: { route: next } });
      if (weft.store.get(id)?.h.includes("routeChange")) weft.send({ type: "event", id, name: "routeChange", data: next });
    };
    addEventListener("popstate", onPopState);
    return () => removeEventListener("popstate", onPopState);
  }, [weft, page.id]);
}
