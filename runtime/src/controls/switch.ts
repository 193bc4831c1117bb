import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import type { IconValue } from "../constants/icons.ts";
import type { ControlState } from "../constants/controlState.ts";

/** One icon for the thumb, or one per state. */
export type ThumbIcon = IconValue | Partial<Record<ControlState, IconValue>>;
/** What `new Switch(…)` takes: the props of Switch, each documented where the control registry declares it (@weft/protocol/controls). */
export interface SwitchProps extends PropsOf<"Switch", Switch, { thumbIcon: ThumbIcon }> {}
export interface Switch extends FieldsOf<"Switch", Switch, { thumbIcon: ThumbIcon }> {}

/** An on/off switch with an optional label. */
export class Switch extends Control {
  static {
    defineControl(this, controlSpecs.Switch);
  }
  constructor(props?: SwitchProps) {
    super(props);
  }
}
