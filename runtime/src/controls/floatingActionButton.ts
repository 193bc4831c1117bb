import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";

/** What `new FloatingActionButton(…)` takes: the props of FloatingActionButton, each documented where the control registry declares it (@weft/protocol/controls). */
export interface FloatingActionButtonProps extends PropsOf<"FloatingActionButton", FloatingActionButton> {}
export interface FloatingActionButton extends FieldsOf<"FloatingActionButton", FloatingActionButton> {}

/**
 * Material 3's floating action button: a 56 px rounded square in primaryContainer with a
 * shadow, for the screen's main action. Put it in `page.floatingActionButton` (it floats over
 * the view's bottom right corner) or anywhere in the tree. With `content` it is an extended FAB.
 *
 * ```ts
 * page.floatingActionButton = new FloatingActionButton({ icon: Icons.ADD, onClick: add });
 * ```
 */
export class FloatingActionButton extends Control {
  static {
    defineControl(this, controlSpecs.FloatingActionButton);
  }
  constructor(props?: FloatingActionButtonProps) {
    super(props);
  }
}
