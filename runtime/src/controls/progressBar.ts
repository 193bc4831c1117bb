import { Control, defineControl, type ControlProps } from "./control.ts";

/** What `new ProgressBar({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface ProgressBarProps extends ControlProps {
  /** 0..1; leave unset for an indeterminate bar. */
  value?: number;
  color?: string;
  bgcolor?: string;
  barHeight?: number;
  /** Rounds the track's corners (px). */
  borderRadius?: number;
}

export interface ProgressBar extends ProgressBarProps {}

/** A linear progress indicator. */
export class ProgressBar extends Control {
  static {
    defineControl(this, { type: "ProgressBar", props: ["value", "color", "bgcolor", "barHeight", "borderRadius"] });
  }
  constructor(props?: ProgressBarProps) {
    super(props);
  }
}
