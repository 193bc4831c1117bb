/** The states a per-state value is keyed by (Flet's `ControlState`): `{ selected: Icons.CHECK, default: Icons.CLOSE }`. */
export const ControlState = {
  HOVERED: "hovered",
  FOCUSED: "focused",
  PRESSED: "pressed",
  DRAGGED: "dragged",
  SELECTED: "selected",
  SCROLLED_UNDER: "scrolledUnder",
  DISABLED: "disabled",
  ERROR: "error",
  DEFAULT: "default",
} as const;
export type ControlState = (typeof ControlState)[keyof typeof ControlState];
