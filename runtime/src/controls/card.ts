import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new Card(…)` takes: the props of Card, each documented where the control registry declares it (@weft/protocol/controls). */
export interface CardProps extends PropsOf<"Card", Card> {}
export interface Card extends FieldsOf<"Card", Card> {}

/** A rounded surface holding one child: `new Card(new Container({ padding: 16, content }))`. */
export class Card extends Control {
  static {
    defineControl(this, controlSpecs.Card);
  }
  constructor(content?: Control | CardProps, props?: CardProps) {
    super(withPrimary("content", content, props));
  }
}
