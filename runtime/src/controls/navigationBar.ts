import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";

/** One destination of a NavigationBar: plain data, not a control. */
export interface NavigationDestination {
  /** A Material icon name, e.g. "home". */
  icon: string;
  /** The text under the icon. */
  label: string;
  /** The icon shown while selected (a filled variant, say). */
  selectedIcon?: string;
}

/** What `new NavigationBar(…)` takes: the props of NavigationBar, each documented where the control registry declares it (@weft/protocol/controls). */
export interface NavigationBarProps extends PropsOf<"NavigationBar", NavigationBar, { destinations: NavigationDestination[] }> {}
export interface NavigationBar extends FieldsOf<"NavigationBar", NavigationBar, { destinations: NavigationDestination[] }> {}

/** Material 3's bottom navigation bar: three to five destinations with an icon and a label. */
export class NavigationBar extends Control {
  static {
    defineControl(this, controlSpecs.NavigationBar);
  }
  constructor(props?: NavigationBarProps) {
    super(props);
  }
}
