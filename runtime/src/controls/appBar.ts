import { Control, defineControl, type ControlProps } from "./control.ts";
import { defineTextOrControl } from "./textOrControl.ts";

/** What `new AppBar({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface AppBarProps extends ControlProps {
  /** A string, or any control (a Row with a logo, say). */
  title?: string | Control;
  /** Shown before the title; replaces the back button. */
  leading?: Control;
  /** Shown at the end: typically IconButtons. */
  actions?: Control[];
  bgcolor?: string;
  /** The colour of the title, the back button and the actions' icons. */
  color?: string;
  centerTitle?: boolean;
  /**
   * Show a back button when the bar's View is above another one in `page.views` and there is no
   * `leading`. Default true. The button fires the page's `viewPop` (or goes back in the
   * browser's history when the app has no `onViewPop`).
   */
  automaticallyImplyLeading?: boolean;
  /** Shadow depth, 0–5. Default 0 (Material 3 app bars are flat). */
  elevation?: number;
  /** Height of the bar; default 64 (Material 3). */
  toolbarHeight?: number;
  /** Width of the leading slot; default 56. */
  leadingWidth?: number;
}

export interface AppBar extends Omit<AppBarProps, "actions"> {}

/** The bar at the top of a View: `new View({ appbar: new AppBar({ title: "Inbox" }), controls })`. */
export class AppBar extends Control {
  declare actions: Control[];
  static {
    defineControl(this, {
      type: "AppBar",
      props: ["title", "bgcolor", "color", "centerTitle", "automaticallyImplyLeading", "elevation", "toolbarHeight", "leadingWidth"],
      slots: { title: "one", leading: "one", actions: "list" },
    });
    defineTextOrControl(this, "title");
  }
  constructor(props?: AppBarProps) {
    super(props);
  }
}
