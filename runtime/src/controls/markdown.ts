import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new Markdown(…)` takes: the props of Markdown, each documented where the control registry declares it (@weft/protocol/controls). */
export interface MarkdownProps extends PropsOf<"Markdown", Markdown> {}
export interface Markdown extends FieldsOf<"Markdown", Markdown> {}

/** Formatted text from Markdown: `new Markdown("# Title\n\nSome *text*.")`. */
export class Markdown extends Control {
  static {
    defineControl(this, controlSpecs.Markdown);
  }
  constructor(value?: string | MarkdownProps, props?: MarkdownProps) {
    super(withPrimary("value", value, props));
  }
}
