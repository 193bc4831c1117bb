import type { PropValue } from "@weft/protocol";

/** Flet's MouseCursor names that differ from CSS's; the others (`move`, `grab`, `text`…) are CSS's too. */
const CSS_CURSOR: Readonly<Record<string, string>> = {
  basic: "default",
  click: "pointer",
  forbidden: "not-allowed",
  precise: "crosshair",
  contextmenu: "context-menu",
  allscroll: "all-scroll",
  nodrop: "no-drop",
  disappearing: "default",
  verticaltext: "vertical-text",
  zoomin: "zoom-in",
  zoomout: "zoom-out",
  resizecolumn: "col-resize",
  resizerow: "row-resize",
  resizeup: "n-resize",
  resizedown: "s-resize",
  resizeleft: "w-resize",
  resizeright: "e-resize",
  resizeupleft: "nw-resize",
  resizeupright: "ne-resize",
  resizedownleft: "sw-resize",
  resizedownright: "se-resize",
  resizeleftright: "ew-resize",
  resizeupdown: "ns-resize",
  resizeupleftdownright: "nwse-resize",
  resizeuprightdownleft: "nesw-resize",
};

/** A Flet mouse cursor (`MouseCursor.MOVE` is "move"; snake_case works too) as a CSS cursor. */
export function cssCursor(value: PropValue | undefined): string | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const name = value.toLowerCase().replace(/[_-]/g, "");
  return CSS_CURSOR[name] ?? name;
}
