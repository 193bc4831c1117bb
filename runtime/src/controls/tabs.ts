import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { withPrimary } from "./shorthand.ts";
import { defineAlias } from "./alias.ts";

interface TabAliases {
  /**
   * The header, when it is a string.
   * @deprecated Use `label` (Flet 1.0).
   */
  text?: string;
}
/** What `new Tab(…)` takes: the props of Tab, each documented where the control registry declares it (@weft/protocol/controls). */
export interface TabProps extends PropsOf<"Tab", Tab>, TabAliases {}
export interface Tab extends FieldsOf<"Tab", Tab>, TabAliases {}

/**
 * One tab's header in a TabBar: a `label` (a string or a control) and an optional `icon`.
 * `new Tab("Flights")`, `new Tab({ label: "Trips", icon: Icons.LUGGAGE })`.
 */
export class Tab extends Control {
  static {
    defineControl(this, controlSpecs.Tab);
    defineAlias(this, "text", "label");
  }
  constructor(label?: string | Control | TabProps, props?: TabProps) {
    super(withPrimary("label", label, props));
  }
}

/** What `new TabBar(…)` takes: the props of TabBar, each documented where the control registry declares it (@weft/protocol/controls). */
export interface TabBarProps extends PropsOf<"TabBar", TabBar, { tabs: Tab[] }> {}
export interface TabBar extends FieldsOf<"TabBar", TabBar, { tabs: Tab[] }> {}

/**
 * The row of tab headers of the Tabs it stands in, with the selected one underlined. Clicking a
 * tab selects it in that Tabs; arrow keys move between tabs. `new TabBar({ tabs: [new Tab("One"), new Tab("Two")] })`.
 */
export class TabBar extends Control {
  static {
    defineControl(this, controlSpecs.TabBar);
  }
  constructor(tabs?: Tab[] | TabBarProps, props?: TabBarProps) {
    super(withPrimary("tabs", tabs, props));
  }
}

/** What `new TabBarView(…)` takes: the props of TabBarView, each documented where the control registry declares it (@weft/protocol/controls). */
export interface TabBarViewProps extends PropsOf<"TabBarView", TabBarView> {}
export interface TabBarView extends FieldsOf<"TabBarView", TabBarView> {}

/** One control per tab of the Tabs it stands in; shows the selected one. `new TabBarView([flights, trips], { expand: true })`. */
export class TabBarView extends Control {
  static {
    defineControl(this, controlSpecs.TabBarView);
  }
  constructor(controls?: Control[] | TabBarViewProps, props?: TabBarViewProps) {
    super(withPrimary("controls", controls, props));
  }
}

/** What `new Tabs(…)` takes: the props of Tabs, each documented where the control registry declares it (@weft/protocol/controls). */
export interface TabsProps extends PropsOf<"Tabs", Tabs, { tabs: Tab[] }> {}
export interface Tabs extends FieldsOf<"Tabs", Tabs, { tabs: Tab[] }> {}

/**
 * Material 3's tabs, as Flet 1.0 writes them: a Tabs holds the selected index and `length`, and
 * its `content` holds a TabBar (the headers) and a TabBarView (one page per tab) anywhere inside.
 *
 * ```ts
 * new Tabs({
 *   length: 2,
 *   selectedIndex: 0,
 *   onChange: (e) => console.log(e.data),
 *   content: new Column([new TabBar([new Tab("One"), new Tab("Two")]), new TabBarView([one, two], { expand: true })], { expand: true }),
 * })
 * ```
 * weft's older form, `new Tabs([new Tab("One", { content: one })])`, still works (deprecated).
 */
export class Tabs extends Control {
  static {
    defineControl(this, controlSpecs.Tabs);
  }
  constructor(tabs?: Tab[] | TabsProps, props?: TabsProps) {
    super(withPrimary("tabs", tabs, props));
  }
}
