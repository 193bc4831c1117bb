import { findControlElement, hideHighlight, scrollIntoViewIfAway, showHighlight } from "./highlight.ts";
import { startPick, stopPick } from "./pickMode.ts";
import type { DevtoolsMethod, InvokeMethod } from "./lazyDevtoolsMethods.ts";

/**
 * What the inspector may ask of the app page, through the protocol's `invoke` (the agent calls
 * them on the session; the renderer's handleInvoke dispatches here, loading this module the
 * first time: lazyDevtoolsMethods.ts, which names each method):
 *
 * - `devtools.highlight [id, label?]` outlines a control (`[null]` removes the outline), scrolling
 *   the page to it when it is out of view; answers whether the control is in the page.
 * - `devtools.pick [true]` starts pick mode and answers with the picked control's id (null when
 *   cancelled); `devtools.pick [false]` cancels a running pick.
 */
export const devtoolsMethods: Record<DevtoolsMethod, InvokeMethod> = {
  "devtools.highlight": (args) => {
    const id = args[0];
    if (typeof id !== "number") {
      hideHighlight();
      return false;
    }
    const element = findControlElement(id);
    if (!element) {
      hideHighlight();
      return false;
    }
    scrollIntoViewIfAway(element);
    showHighlight(element, typeof args[1] === "string" ? args[1] : undefined);
    return true;
  },
  "devtools.pick": (args) => {
    if (args[0] === false) {
      stopPick();
      return null;
    }
    return startPick();
  },
};
