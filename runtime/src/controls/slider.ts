import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";

/** What `new Slider(…)` takes: the props of Slider, each documented where the control registry declares it (@weft/protocol/controls). */
export interface SliderProps extends PropsOf<"Slider", Slider> {}
export interface Slider extends FieldsOf<"Slider", Slider> {}

/** A slider over a range of numbers. */
export class Slider extends Control {
  static {
    defineControl(this, controlSpecs.Slider);
  }
  constructor(props?: SliderProps) {
    super(props);
  }
}
