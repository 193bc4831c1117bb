import { Control, defineControl, type ControlProps, type EventHandler } from "./control.ts";

/** One destination of a NavigationBar: plain data, not a control. */
export interface NavigationDestination {
  /** A Material icon name, e.g. "home". */
  icon: string;
  label: string;
  /** The icon shown while selected (a filled variant, say). */
  selectedIcon?: string;
}

/** What `new NavigationBar({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface NavigationBarProps extends ControlProps {
  /** Assign a new array to change them (or call `update()` after editing it in place). */
  destinations?: NavigationDestination[];
  /** The selected destination's index; the browser sets it when the user picks one. */
  selectedIndex?: number;
  bgcolor?: string;
  /** The colour of the pill behind the selected icon. */
  indicatorColor?: string;
  /** Called after the user picked a destination; `e.data` and `e.control.selectedIndex` hold its index. */
  onChange?: EventHandler<NavigationBar, number>;
}

export interface NavigationBar extends NavigationBarProps {}

/** Material 3's bottom navigation bar: three to five destinations with an icon and a label. */
export class NavigationBar extends Control {
  static {
    defineControl(this, {
      type: "NavigationBar",
      props: ["destinations", "selectedIndex", "bgcolor", "indicatorColor"],
      events: ["change"],
      clientProps: { selectedIndex: "number" },
    });
  }
  constructor(props?: NavigationBarProps) {
    super(props);
  }
}
