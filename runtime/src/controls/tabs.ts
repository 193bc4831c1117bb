import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { withPrimary } from "./shorthand.ts";

export interface TabProps extends PropsOf<"Tab", Tab> {}
export interface Tab extends FieldsOf<"Tab", Tab> {}

/** One tab of a Tabs: a header (`text`, `icon`) and the `content` shown when it is selected. */
export class Tab extends Control {
  static {
    defineControl(this, controlSpecs.Tab);
  }
  constructor(text?: string | TabProps, props?: TabProps) {
    super(withPrimary("text", text, props));
  }
}

export interface TabsProps extends PropsOf<"Tabs", Tabs, { tabs: Tab[] }> {}
export interface Tabs extends FieldsOf<"Tabs", Tabs, { tabs: Tab[] }> {}

/** A row of tab headers over the selected tab's content: `new Tabs([new Tab("One", { content })])`. */
export class Tabs extends Control {
  static {
    defineControl(this, controlSpecs.Tabs);
  }
  constructor(tabs?: Tab[] | TabsProps, props?: TabsProps) {
    super(withPrimary("tabs", tabs, props));
  }
}
