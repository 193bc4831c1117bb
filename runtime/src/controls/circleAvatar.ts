import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";

/** What `new CircleAvatar(…)` takes: the props of CircleAvatar, each documented where the control registry declares it (@weft/protocol/controls). */
export interface CircleAvatarProps extends PropsOf<"CircleAvatar", CircleAvatar> {}
export interface CircleAvatar extends FieldsOf<"CircleAvatar", CircleAvatar> {}

/**
 * A circle standing for a person: their initials, an icon, or a picture. 40 px across by
 * default (`radius` 20), in primaryContainer.
 *
 * ```ts
 * new CircleAvatar({ content: new Text("AB"), bgcolor: Colors.AMBER })
 * new CircleAvatar({ foregroundImageSrc: "https://…/me.png", content: "AB" }) // initials while it loads or if it fails
 * ```
 */
export class CircleAvatar extends Control {
  static {
    defineControl(this, controlSpecs.CircleAvatar);
  }
  constructor(props?: CircleAvatarProps) {
    super(props);
  }
}
