import { Control, defineControl, type ControlProps, type EventHandler } from "./control.ts";

/** What `new RadioGroup({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface RadioGroupProps extends ControlProps {
  /** The `value` of the picked Radio; the browser sets it when the user picks one. */
  value?: string;
  /** Any layout holding the Radios, e.g. a Column or a Row. */
  content?: Control;
  onChange?: EventHandler<RadioGroup, string>;
}

export interface RadioGroup extends RadioGroupProps {}

/** Groups the Radios under its `content`: at most one is picked, and its value is the group's. */
export class RadioGroup extends Control {
  static {
    defineControl(this, {
      type: "RadioGroup",
      props: ["value"],
      events: ["change"],
      slots: { content: "one" },
      clientProps: { value: "string" },
    });
  }
  constructor(props?: RadioGroupProps) {
    super(props);
  }
}
