import { defineSpec } from "../spec.ts";

/** The page, its views, and function components. */

export const Page = defineSpec({
  type: "Page",
  props: {
    /** The browser tab's title. */
    title: "string",
    /** The current route, e.g. "/" or "/todo/3". */
    route: "string",
    /** Light, dark, or the OS's setting (default "system", as in Flet). */
    themeMode: ["light", "dark", "system"],
    /** The Material 3 theme (in light mode; in dark mode too unless `darkTheme` is set). */
    theme: "theme",
    /** The theme in dark mode. */
    darkTheme: "theme",
    /**
     * The seed of the colour scheme, e.g. "#6750a4".
     * @deprecated Use `page.theme = new Theme({ colorSchemeSeed })`, as in Flet.
     */
    seedColor: "color",
  },
  events: {
    /**
     * Called when the route changes: `page.go()`, the browser's back/forward buttons, a resumed
     * tab opened at another URL. `e.route` is the new route; `page.route` already holds it.
     */
    onRouteChange: "string",
    /** Called when the user pops the top view (the app bar's back button). `e.view` is that view. */
    onViewPop: "string",
  },
  slots: {
    /** A stack of views; the top one is shown. */
    views: "list",
    /** Drawn above the views: dialogs, snack bars, banners, bottom sheets (see `showDialog`). */
    overlay: "list",
  },
  // back/forward: the browser tells the new route, then fires routeChange
  client: ["route"],
  summary: ["route", "title"],
});

export const View = defineSpec({
  type: "View",
  props: {
    /** The route this view stands for, e.g. "/settings". */
    route: "string",
    /** Default 10 on every side, as in Flet. */
    padding: "spacing",
    /** Space between the controls; default 10, as in Flet. */
    spacing: "number",
    /** The view's background; default the theme's surface. */
    bgcolor: "color",
    /** How the controls share the view's height. Default "start". */
    verticalAlignment: "mainAxis",
    /** Where the controls sit across the view. Default "start". */
    horizontalAlignment: "crossAxis",
    /** Scroll when the controls overflow the view: "auto", "always", "hidden". Default: no scrolling. */
    scroll: "scroll",
  },
  slots: {
    /** The view's controls, top to bottom, as `page.controls` for the page's own view. */
    controls: "list",
    /** The bar on top (an AppBar). */
    appbar: "one",
    /** A FloatingActionButton over the view's bottom right corner. */
    floatingActionButton: "one",
  },
  summary: ["route"],
});

/** A function component's body (`component(fn)`): drawn with no box of its own. */
export const Component = defineSpec({
  type: "Component",
  slots: { body: "one" },
});
