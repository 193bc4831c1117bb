import { Control, defineControl, type ControlProps } from "./control.ts";

/** What `new Radio({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface RadioProps extends ControlProps {
  /** What the RadioGroup's `value` becomes when this one is picked. */
  value?: string;
  label?: string;
  activeColor?: string;
}

export interface Radio extends RadioProps {}

/** One choice of the RadioGroup it stands in (anywhere under the group's `content`). */
export class Radio extends Control {
  static {
    defineControl(this, { type: "Radio", props: ["value", "label", "activeColor"] });
  }
  constructor(props?: RadioProps) {
    super(props);
  }
}
