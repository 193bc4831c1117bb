import { Control, defineControl, type ControlProps } from "./control.ts";
import type { Spacing } from "./layout.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new GridView({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface GridViewProps extends ControlProps {
  controls?: Control[];
  /** A fixed number of columns. */
  runsCount?: number;
  /** Or: as many columns as fit with each at most this wide, in px (Flutter's maxCrossAxisExtent). */
  maxExtent?: number;
  /** Space between columns, in px. */
  spacing?: number;
  /** Space between rows, in px. */
  runSpacing?: number;
  /** Width / height of each tile. Default 1 (square). */
  childAspectRatio?: number;
  padding?: Spacing;
}

export interface GridView extends Omit<GridViewProps, "controls"> {}

/** A scrolling grid of equal tiles: `new GridView(tiles, { maxExtent: 150, spacing: 8 })`. */
export class GridView extends Control {
  declare controls: Control[];
  static {
    defineControl(this, {
      type: "GridView",
      props: ["runsCount", "maxExtent", "spacing", "runSpacing", "childAspectRatio", "padding"],
      slots: { controls: "list" },
    });
  }
  constructor(controls?: Control[] | GridViewProps, props?: GridViewProps) {
    super(withPrimary("controls", controls, props));
  }
}
