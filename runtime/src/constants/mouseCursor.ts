/**
 * Flet's mouse cursors: `MouseCursor.MOVE`, `MouseCursor.CLICK`… Each is Flet's wire name; the
 * renderer draws it as the CSS cursor of the same meaning (`click` is `pointer`, `basic` is
 * `default`, `forbidden` is `not-allowed`, `precise` is `crosshair`…).
 */
export const MouseCursor = {
  ALIAS: "alias",
  ALL_SCROLL: "allScroll",
  BASIC: "basic",
  CELL: "cell",
  CLICK: "click",
  CONTEXT_MENU: "contextMenu",
  COPY: "copy",
  DISAPPEARING: "disappearing",
  FORBIDDEN: "forbidden",
  GRAB: "grab",
  GRABBING: "grabbing",
  HELP: "help",
  MOVE: "move",
  NO_DROP: "noDrop",
  NONE: "none",
  PRECISE: "precise",
  PROGRESS: "progress",
  RESIZE_COLUMN: "resizeColumn",
  RESIZE_DOWN: "resizeDown",
  RESIZE_DOWN_LEFT: "resizeDownLeft",
  RESIZE_DOWN_RIGHT: "resizeDownRight",
  RESIZE_LEFT: "resizeLeft",
  RESIZE_LEFT_RIGHT: "resizeLeftRight",
  RESIZE_RIGHT: "resizeRight",
  RESIZE_ROW: "resizeRow",
  RESIZE_UP: "resizeUp",
  RESIZE_UP_DOWN: "resizeUpDown",
  RESIZE_UP_LEFT: "resizeUpLeft",
  RESIZE_UP_LEFT_DOWN_RIGHT: "resizeUpLeftDownRight",
  RESIZE_UP_RIGHT: "resizeUpRight",
  RESIZE_UP_RIGHT_DOWN_LEFT: "resizeUpRightDownLeft",
  TEXT: "text",
  VERTICAL_TEXT: "verticalText",
  WAIT: "wait",
  ZOOM_IN: "zoomIn",
  ZOOM_OUT: "zoomOut",
} as const;
export type MouseCursor = (typeof MouseCursor)[keyof typeof MouseCursor];
