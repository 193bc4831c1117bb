import { defineSpec } from "../spec.ts";

/** Bars and tabs. */

export const AppBar = defineSpec({
  type: "AppBar",
  props: {
    /** The bar's background; default the theme's surface. */
    bgcolor: "color",
    /** The colour of the title, the back button and the actions' icons. */
    color: "color",
    /** Centre the title in the bar rather than start it after the leading control. Default false. */
    centerTitle: "boolean",
    /**
     * Show a back button when the bar's View is above another one in `page.views` and there is no
     * `leading`. Default true. The button fires the page's `viewPop` (or goes back in the
     * browser's history when the app has no `onViewPop`).
     */
    automaticallyImplyLeading: "boolean",
    /** Shadow depth, 0–5. Default 0 (Material 3 app bars are flat). */
    elevation: "number",
    /** Height of the bar; default 64 (Material 3). */
    toolbarHeight: "number",
    /** Width of the leading slot; default 56. */
    leadingWidth: "number",
  },
  slots: {
    /** A string, or any control (a Row with a logo, say). */
    title: "text",
    /** Shown before the title; replaces the back button. */
    leading: "one",
    /** Shown at the end: typically IconButtons. */
    actions: "list",
  },
  text: ["title"],
});

export const NavigationBar = defineSpec({
  type: "NavigationBar",
  props: {
    /**
     * `{ icon, label, selectedIcon? }` each. Assign a new array to change them (or call
     * `update()` after editing it in place).
     */
    destinations: "json",
    /** The selected destination's index; the browser sets it when the user picks one. */
    selectedIndex: "number",
    /** The bar's background; default the theme's surfaceContainer. */
    bgcolor: "color",
    /** The colour of the pill behind the selected icon. */
    indicatorColor: "color",
  },
  events: {
    /** Called after the user picked a destination; `e.data` and `e.control.selectedIndex` hold its index. */
    onChange: "number",
  },
  client: ["selectedIndex"],
});

export const Tab = defineSpec({
  type: "Tab",
  slots: {
    /** The header: a string or a control. */
    label: "text",
    /** An icon above the label (or, without one, in its place): an icon name or a control. */
    icon: "icon",
    /**
     * What the Tabs shows while this tab is selected (weft's older Tabs).
     * @deprecated Put the contents in a `TabBarView`, as in Flet 1.0.
     */
    content: "one",
  },
  text: ["label"],
});

export const TabBar = defineSpec({
  type: "TabBar",
  props: {
    /** Each tab as wide as its label, the bar scrolling sideways; false shares the width equally. Default true, as in Flet. */
    scrollable: "boolean",
    /** Where the tabs sit when they do not fill the bar: "start", "startOffset", "fill", "center". */
    tabAlignment: ["start", "startOffset", "fill", "center"],
    /** The line under the selected tab; default the scheme's primary. */
    indicatorColor: "color",
    /** The line under the whole bar; default outlineVariant. */
    dividerColor: "color",
    /** The selected tab's label colour; default primary. */
    labelColor: "color",
    /** The other tabs' label colour; default onSurfaceVariant. */
    unselectedLabelColor: "color",
    /** Material 3's secondary tabs: the indicator under the whole tab, labels in onSurface. */
    secondary: "boolean",
  },
  events: {
    /** Called when a tab is clicked; `e.data` is its index. The Tabs' `onChange` follows when it changed. */
    onClick: "number",
  },
  slots: {
    /** The tabs, usually `Tab`s; as many as the Tabs' `length`. */
    tabs: "list",
  },
});

export const TabBarView = defineSpec({
  type: "TabBarView",
  slots: {
    /** One control per tab; the one at the Tabs' `selectedIndex` is shown. */
    controls: "list",
  },
});

export const Tabs = defineSpec({
  type: "Tabs",
  props: {
    /** The selected tab's index, default 0; the browser sets it when the user picks a tab. */
    selectedIndex: "number",
    /** How many tabs the TabBar and TabBarView inside hold (Flutter's DefaultTabController). */
    length: "number",
    /**
     * Let the header row scroll instead of sharing the width equally (weft's older Tabs).
     * @deprecated Use `TabBar.scrollable`, as in Flet 1.0.
     */
    scrollable: "boolean",
  },
  events: {
    /** Called after the user picked a tab; `e.data` and `e.control.selectedIndex` hold its index. */
    onChange: "number",
  },
  slots: {
    /** Holds the TabBar and the TabBarView it controls, anywhere inside (a Column of both, say). */
    content: "one",
    /**
     * Tabs with their own `content`, drawn as a bar over the selected one's (weft's older Tabs).
     * @deprecated Use `content` with a TabBar and a TabBarView, as in Flet 1.0.
     */
    tabs: "list",
  },
  client: ["selectedIndex"],
});
