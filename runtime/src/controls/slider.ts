import { Control, defineControl, type ControlProps, type EventHandler } from "./control.ts";

/** What `new Slider({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface SliderProps extends ControlProps {
  /** The browser sets it while the user drags. Default `min`. */
  value?: number;
  /** Default 0. */
  min?: number;
  /** Default 1. */
  max?: number;
  /** Snap to this many equal steps between min and max; continuous when unset. */
  divisions?: number;
  /** Shown above the thumb while dragging; `{value}` stands for the value. */
  label?: string;
  activeColor?: string;
  /** Called on every move; `e.data` is the value. */
  onChange?: EventHandler<Slider, number>;
  /** Called when the user starts dragging. */
  onChangeStart?: EventHandler<Slider, number>;
  /** Called when the user lets go (or a key press settles the value). */
  onChangeEnd?: EventHandler<Slider, number>;
}

export interface Slider extends SliderProps {}

/** A slider over a range of numbers. */
export class Slider extends Control {
  static {
    defineControl(this, {
      type: "Slider",
      props: ["value", "min", "max", "divisions", "label", "activeColor"],
      events: ["change", "changeStart", "changeEnd"],
      clientProps: { value: "number" },
    });
  }
  constructor(props?: SliderProps) {
    super(props);
  }
}
