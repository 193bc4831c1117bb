import { Control, defineControl, type ControlProps, type EventHandler } from "./control.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new Tab({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface TabProps extends ControlProps {
  text?: string;
  /** A Material icon name shown above (or, without text, instead of) the text. */
  icon?: string;
  /** What the Tabs shows while this tab is selected. */
  content?: Control;
}

export interface Tab extends TabProps {}

/** One tab of a Tabs: a header (`text`, `icon`) and the `content` shown when it is selected. */
export class Tab extends Control {
  static {
    defineControl(this, { type: "Tab", props: ["text", "icon"], slots: { content: "one" } });
  }
  constructor(text?: string | TabProps, props?: TabProps) {
    super(withPrimary("text", text, props));
  }
}

/** What `new Tabs({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface TabsProps extends ControlProps {
  tabs?: Tab[];
  /** The selected tab's index, default 0; the browser sets it when the user picks a tab. */
  selectedIndex?: number;
  /** Let the header row scroll instead of sharing the width equally. */
  scrollable?: boolean;
  /** Called after the user picked a tab; `e.data` and `e.control.selectedIndex` hold its index. */
  onChange?: EventHandler<Tabs, number>;
}

export interface Tabs extends Omit<TabsProps, "tabs"> {}

/** A row of tab headers over the selected tab's content: `new Tabs([new Tab("One", { content })])`. */
export class Tabs extends Control {
  declare tabs: Tab[];
  static {
    defineControl(this, {
      type: "Tabs",
      props: ["selectedIndex", "scrollable"],
      events: ["change"],
      slots: { tabs: "list" },
      clientProps: { selectedIndex: "number" },
    });
  }
  constructor(tabs?: Tab[] | TabsProps, props?: TabsProps) {
    super(withPrimary("tabs", tabs, props));
  }
}
