import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";

/** What `new ProgressBar(…)` takes: the props of ProgressBar, each documented where the control registry declares it (@weft/protocol/controls). */
export interface ProgressBarProps extends PropsOf<"ProgressBar", ProgressBar> {}
export interface ProgressBar extends FieldsOf<"ProgressBar", ProgressBar> {}

/** A linear progress indicator. */
export class ProgressBar extends Control {
  static {
    defineControl(this, controlSpecs.ProgressBar);
  }
  constructor(props?: ProgressBarProps) {
    super(props);
  }
}
