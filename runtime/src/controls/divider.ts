import { Control, defineControl, type ControlProps } from "./control.ts";

/** What `new Divider({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface DividerProps extends ControlProps {
  /** The space it takes, in px; the line is drawn in its middle. Default 16. */
  height?: number;
  /** The line's thickness, in px. Default 1. */
  thickness?: number;
  color?: string;
  /** Empty space before the line, in px. */
  leadingIndent?: number;
  /** Empty space after the line, in px. */
  trailingIndent?: number;
}

export interface Divider extends DividerProps {}

/** A thin horizontal line across its parent, with space above and below. */
export class Divider extends Control {
  static {
    defineControl(this, { type: "Divider", props: ["thickness", "color", "leadingIndent", "trailingIndent"] });
  }
  constructor(props?: DividerProps) {
    super(props);
  }
}
