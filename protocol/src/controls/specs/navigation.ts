import { defineSpec } from "../spec.ts";

/** Bars and tabs. */

export const AppBar = defineSpec({
  type: "AppBar",
  props: {
    bgcolor: "color",
    /** The colour of the title, the back button and the actions' icons. */
    color: "color",
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
  props: {
    /** The header's text. */
    text: "string",
    /** A Material icon name shown above (or, without text, instead of) the text. */
    icon: "icon",
  },
  slots: {
    /** What the Tabs shows while this tab is selected. */
    content: "one",
  },
  text: ["text"],
});

export const Tabs = defineSpec({
  type: "Tabs",
  props: {
    /** The selected tab's index, default 0; the browser sets it when the user picks a tab. */
    selectedIndex: "number",
    /** Let the header row scroll instead of sharing the width equally. */
    scrollable: "boolean",
  },
  events: {
    /** Called after the user picked a tab; `e.data` and `e.control.selectedIndex` hold its index. */
    onChange: "number",
  },
  slots: { tabs: "list" },
  client: ["selectedIndex"],
});
