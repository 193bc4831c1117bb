import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import { DialogControl } from "./dialogControl.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new BottomSheet(…)` takes: the props of BottomSheet, each documented where the control registry declares it (@weft/protocol/controls). */
export interface BottomSheetProps extends PropsOf<"BottomSheet", BottomSheet> {}
export interface BottomSheet extends FieldsOf<"BottomSheet", BottomSheet> {}

/** A sheet that slides up from the bottom over a scrim: `page.showDialog(new BottomSheet(content))`. */
export class BottomSheet extends DialogControl {
  static {
    defineControl(this, controlSpecs.BottomSheet);
  }
  constructor(content?: Control | BottomSheetProps, props?: BottomSheetProps) {
    super(withPrimary("content", content, props));
  }
}
