import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new SafeArea(…)` takes: the props of SafeArea, each documented where the control registry declares it (@weft/protocol/controls). */
export interface SafeAreaProps extends PropsOf<"SafeArea", SafeArea> {}
export interface SafeArea extends FieldsOf<"SafeArea", SafeArea> {}

/**
 * Keeps its content clear of what the device draws over the page: the status bar, a notch, the
 * home indicator (the browser's `safe-area-inset-*`, non-zero on phones in a full-screen or
 * installed app; zero on a desktop). `new SafeArea(new Column([...]), { minimumPadding: 8 })`.
 */
export class SafeArea extends Control {
  static {
    defineControl(this, controlSpecs.SafeArea);
  }
  constructor(content?: Control | SafeAreaProps, props?: SafeAreaProps) {
    super(withPrimary("content", content, props));
  }
}
