import { useEffect } from "react";
import { ControlView, renderSlot } from "../ControlView.tsx";
import { usePageTheme } from "../usePageTheme.ts";
import { useRouteSync } from "../useRouteSync.ts";
import { baseAttributes, DisabledContext, useDisabled, type ControlComponentProps } from "./common.ts";

/**
 * The root: draws the top view of `views` (Flet's view stack) and the `overlay` layer above
 * it; owns the document title, the theme and the URL.
 */
export function Page({ node }: ControlComponentProps<"Page">) {
  const p = node.p;
  const disabled = useDisabled(node);
  const title = typeof p.title === "string" ? p.title : undefined;
  useEffect(() => {
    if (title !== undefined) document.title = title;
  }, [title]);
  const themed = usePageTheme(p);
  useRouteSync(node);

  const views = node.slots.views;
  const top = views && views.length > 0 ? views[views.length - 1] : undefined;
  return (
    // Hidden for the moment a new seed's scheme is computed: no flash of the default colours.
    <div {...baseAttributes(node, "weft-page", themed ? undefined : { visibility: "hidden" })}>
      <DisabledContext value={disabled}>
        {top !== undefined && <ControlView key={top} id={top} />}
        {node.slots.overlay && node.slots.overlay.length > 0 && <div className="weft-overlay">{renderSlot(node, "overlay")}</div>}
      </DisabledContext>
    </div>
  );
}
