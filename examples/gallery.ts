import {
  Colors,
  Icons,
  TextThemeStyle,
  Theme,
  Alignment,
  AlertDialog,
  AppBar,
  Banner,
  Border,
  BottomSheet,
  Button,
  Card,
  Checkbox,
  CircleAvatar,
  Column,
  component,
  Container,
  DataCell,
  DataColumn,
  DataRow,
  DataTable,
  Divider,
  Dropdown,
  FilledButton,
  FilledTonalButton,
  FloatingActionButton,
  GestureDetector,
  GridView,
  Icon,
  IconButton,
  Image,
  ListView,
  Markdown,
  MouseCursor,
  NavigationBar,
  OutlinedButton,
  Padding,
  PopupMenuButton,
  PopupMenuItem,
  Page,
  ProgressBar,
  Radio,
  RadioGroup,
  Row,
  SafeArea,
  Slider,
  SnackBar,
  Stack,
  Switch,
  Tab,
  TabBar,
  TabBarView,
  Tabs,
  Text,
  TextButton,
  TextField,
  useState,
  View,
  type Control,
  type DataColumnSortData,
  type ControlEvent,
} from "weft";

/**
 * Every control weft draws, in sections: text and buttons, inputs, layout, navigation, data,
 * Markdown, dialogs and overlays, and a function component. The app bar switches light/dark;
 * the Theme section picks the seed colour. Keys name what the e2e specs click and read.
 */

const SEEDS = [
  { key: Colors.BLUE, text: "Blue (Flet's default)" },
  { key: "#6750a4", text: "Purple (Material baseline)" },
  { key: Colors.TEAL, text: "Teal" },
  { key: Colors.GREEN, text: "Green" },
  { key: Colors.ORANGE, text: "Orange" },
  { key: Colors.PINK, text: "Pink" },
];

const PEOPLE = [
  { name: "Ada Lovelace", born: 1815, field: "Mathematics" },
  { name: "Grace Hopper", born: 1906, field: "Computing" },
  { name: "Alan Turing", born: 1912, field: "Computing" },
  { name: "Emmy Noether", born: 1882, field: "Algebra" },
  { name: "Claude Shannon", born: 1916, field: "Information" },
];

const MARKDOWN = `### Markdown
Text with **bold**, *italic*, \`code\` and a [link](https://example.com).

- lists
- ~~strikethrough~~

| Control | Kind |
|---|---|
| Slider | input |
| Tabs | navigation |

HTML such as <b>this</b> shows as text: it is never run.`;

/** A tiny picture as a data: URL, so the gallery needs no network. */
const PICTURE =
  "data:image/svg+xml," +
  encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="100" viewBox="0 0 160 100">` +
      `<rect width="160" height="100" fill="#8ecae6"/><circle cx="120" cy="30" r="14" fill="#ffb703"/>` +
      `<path d="M0 100 L50 45 L90 85 L115 60 L160 100Z" fill="#219ebc"/></svg>`,
  );

/** A Card with a heading: one section of the gallery. */
function section(title: string, key: string, ...controls: Control[]): Card {
  return new Card(
    new Container({
      padding: 20,
      content: new Column([new Text(title, { style: "titleLarge" }), ...controls], { spacing: 16 }),
    }),
    { key },
  );
}

/** A label over a row of examples. */
function labelled(label: string, ...controls: Control[]): Column {
  return new Column([new Text(label, { style: "labelLarge", color: Colors.ON_SURFACE_VARIANT }), new Row(controls, { wrap: true, spacing: 12 })], {
    spacing: 8,
  });
}

/** A function component, drawn with no box of its own (`data-weft-type` is its name). */
const ClickCounter = component(function ClickCounter() {
  const [count, setCount] = useState(0);
  return new Row([
    new Button({ text: "Count", variant: "tonal", key: "component-inc", onClick: () => setCount(count + 1) }),
    new Text(`Clicked ${count} times`, { key: "component-count" }),
  ]);
});

export default function main(page: Page) {
  page.title = "weft gallery";
  page.themeMode = "light";
  page.theme = new Theme({ colorSchemeSeed: SEEDS[0]!.key });

  // ---------------------------------------------------------------- theme

  const themeToggle = new IconButton({
    icon: Icons.DARK_MODE,
    key: "theme-toggle",
    tooltip: "Dark theme",
    onClick: () => {
      const dark = page.themeMode !== "dark";
      page.themeMode = dark ? "dark" : "light";
      themeToggle.icon = dark ? Icons.LIGHT_MODE : Icons.DARK_MODE;
      themeToggle.tooltip = dark ? "Light theme" : "Dark theme";
    },
  });
  const seed = new Dropdown({
    label: "Seed colour",
    key: "seed",
    value: SEEDS[0]!.key,
    options: SEEDS,
    width: 280,
    onChange: (e) => void (page.theme = new Theme({ colorSchemeSeed: e.control.value })),
  });

  // ---------------------------------------------------------------- text and buttons

  const clicked = new Text("No button clicked yet", { key: "button-status", color: Colors.ON_SURFACE_VARIANT });
  const click = (name: string) => () => void (clicked.value = `Clicked ${name}`);
  const favorite = new IconButton({
    icon: Icons.FAVORITE_BORDER,
    selectedIcon: Icons.FAVORITE,
    selected: false,
    key: "favorite",
    tooltip: "Favourite",
    iconColor: Colors.PINK,
    onClick: () => void (favorite.selected = !favorite.selected),
  });
  const textAndButtons = section(
    "Text and buttons",
    "section-text",
    new Column(
      [
        new Text("Display small", { themeStyle: TextThemeStyle.DISPLAY_SMALL }),
        new Text("Headline medium", { themeStyle: TextThemeStyle.HEADLINE_MEDIUM }),
        new Text("Title medium, then body text that wraps when the window is narrow.", { themeStyle: TextThemeStyle.TITLE_MEDIUM }),
        new Text("Bold, italic and coloured", { weight: "bold", italic: true, color: Colors.PRIMARY }),
      ],
      { spacing: 4 },
    ),
    labelled(
      "Buttons",
      new Button("Elevated", { key: "btn-elevated", onClick: click("Elevated") }),
      new FilledButton("Filled", { key: "btn-filled", onClick: click("Filled") }),
      new FilledTonalButton("Tonal", { key: "btn-tonal", onClick: click("Tonal") }),
      new OutlinedButton({ content: "Outlined", icon: Icons.ADD, key: "btn-outlined", onClick: click("Outlined") }),
      new TextButton("Text", { key: "btn-text", onClick: click("Text") }),
      new Button({ content: new Row([new Icon(Icons.FAVORITE, { size: 18, color: Colors.PINK }), new Text("A control as content")], { spacing: 8 }), key: "btn-content", onClick: click("Content") }),
      new Button("Disabled", { disabled: true }),
    ),
    labelled(
      "Floating action buttons and a popup menu",
      new FloatingActionButton({ icon: Icons.ADD, key: "fab", tooltip: "Add", onClick: click("FAB") }),
      new FloatingActionButton({ icon: Icons.EDIT, content: "Compose", key: "fab-extended", onClick: click("Compose") }),
      new FloatingActionButton({ icon: Icons.NAVIGATION, mini: true, tooltip: "Mini" }),
      new PopupMenuButton({
        key: "menu",
        tooltip: "More",
        onSelect: (e) => void (clicked.value = `Menu: ${String(e.data?.content ?? "")}`),
        items: [
          new PopupMenuItem({ content: "Edit", icon: Icons.EDIT, key: "menu-edit" }),
          new PopupMenuItem({ content: "Pinned", checked: true, key: "menu-pinned", onClick: (e) => void (e.control.checked = !e.control.checked) }),
          new PopupMenuItem(),
          new PopupMenuItem({ content: "Delete", icon: Icons.DELETE, key: "menu-delete" }),
        ],
      }),
    ),
    labelled(
      "Avatars",
      new CircleAvatar({ content: new Text("AL"), key: "avatar-initials" }),
      new CircleAvatar({ content: new Icon(Icons.PERSON), bgcolor: Colors.AMBER_200, color: Colors.BROWN }),
      new CircleAvatar({ foregroundImageSrc: PICTURE, content: "GH", radius: 28 }),
    ),
    labelled(
      "Icon buttons and icons",
      new IconButton(Icons.EDIT, { tooltip: "Edit", onClick: click("Edit") }),
      new IconButton(Icons.ADD, { variant: "filled", tooltip: "Add", onClick: click("Add") }),
      new IconButton(Icons.SETTINGS, { variant: "tonal", tooltip: "Settings", onClick: click("Settings") }),
      new IconButton(Icons.DELETE, { variant: "outlined", tooltip: "Delete", onClick: click("Delete") }),
      favorite,
      new Icon(Icons.STAR, { color: Colors.AMBER, size: 28 }),
      new Icon(Icons.CHECK_CIRCLE, { color: "green" }),
      new Icon(Icons.INFO, { color: Colors.PRIMARY }),
    ),
    clicked,
  );

  // ---------------------------------------------------------------- inputs

  const switchValue = new Text("Wi-Fi is off", { key: "switch-value" });
  const sliderValue = new Text("Volume 30", { key: "slider-value" });
  const radioValue = new Text("Size: medium", { key: "radio-value" });
  const inputs = section(
    "Inputs",
    "section-inputs",
    new Row(
      [
        new TextField({ label: "Name", hintText: "Ada Lovelace", key: "name", expand: true }),
        new TextField({ label: "Password", password: true, canRevealPassword: true, expand: true }),
      ],
      { spacing: 16, verticalAlignment: "start" },
    ),
    new Row(
      [
        new TextField({ label: "Price", filled: true, prefix: new Icon(Icons.EURO, { size: 18 }), suffix: "per night", key: "price", expand: true }),
        new TextField({ label: "Email", error: "Enter an address with an @", value: "ada", key: "email", expand: true }),
        new TextField({ label: "Message", multiline: true, shiftEnter: true, helper: "Enter sends, Shift+Enter adds a line", key: "message", expand: true }),
      ],
      { spacing: 16, verticalAlignment: "start" },
    ),
    new Row(
      [
        new Checkbox({ label: "Remember me", value: true }),
        new Switch({
          label: "Wi-Fi",
          key: "switch",
          onChange: (e) => void (switchValue.value = `Wi-Fi is ${e.control.value ? "on" : "off"}`),
        }),
        new Switch({ label: "Notifications", value: true, key: "switch-icon", thumbIcon: { selected: Icons.CHECK, default: Icons.CLOSE } }),
        switchValue,
      ],
      { spacing: 24, wrap: true },
    ),
    new Row(
      [
        new Icon(Icons.REMOVE),
        new Slider({
          key: "slider",
          min: 0,
          max: 100,
          divisions: 10,
          value: 30,
          label: "{value}",
          round: 0,
          expand: true,
          onChange: (e) => void (sliderValue.value = `Volume ${e.control.value}`),
        }),
        new Icon(Icons.ADD),
        sliderValue,
      ],
      { spacing: 8 },
    ),
    new RadioGroup({
      key: "sizes",
      value: "medium",
      content: new Row([
        new Radio({ value: "small", label: "Small", key: "radio-small" }),
        new Radio({ value: "medium", label: "Medium", key: "radio-medium" }),
        new Radio({ value: "large", label: "Large", key: "radio-large" }),
        radioValue,
      ], { spacing: 16, wrap: true }),
      onChange: (e) => void (radioValue.value = `Size: ${e.control.value}`),
    }),
    new Dropdown({ label: "Fruit", hint: "Pick one", options: ["Apple", "Banana", "Cherry"], width: 280 }),
  );

  // ---------------------------------------------------------------- layout

  const dragged = new Text("At 0, 0", { key: "drag-value", color: Colors.ON_SURFACE_VARIANT });
  const tiles = ["primary", "secondary", "tertiary", "blue", "teal", "green", "amber", "orange", "pink", "purple", "indigo", "brown"];
  const layout = section(
    "Layout",
    "section-layout",
    labelled(
      "Row of Containers",
      ...["primary", "secondaryContainer", "tertiary"].map(
        (bgcolor, i) =>
          new Container({
            width: 96,
            height: 64,
            bgcolor,
            borderRadius: 12,
            alignment: "center",
            content: new Text(`Box ${i + 1}`, { color: i === 1 ? "onSecondaryContainer" : "white" }),
          }),
      ),
    ),
    labelled(
      "Stack with positioned children",
      new Stack(
        [
          new Image({ src: PICTURE, width: 240, height: 150, fit: "cover", borderRadius: 12 }),
          new Container({
            left: 12,
            bottom: 12,
            padding: { left: 10, right: 10, top: 4, bottom: 4 },
            borderRadius: 12,
            bgcolor: "black54",
            content: new Text("Bottom left", { color: Colors.WHITE, size: 12 }),
          }),
          new Container({ right: 8, top: 8, content: new Icon(Icons.FAVORITE, { color: "red" }) }),
        ],
        { key: "stack" },
      ),
    ),
    new Text("Grid view (max extent 120)", { style: "labelLarge", color: Colors.ON_SURFACE_VARIANT }),
    new GridView(
      tiles.map(
        (color, i) =>
          new Container({
            bgcolor: color,
            borderRadius: 12,
            alignment: "center",
            content: new Text(String(i + 1), { color: Colors.WHITE, weight: "bold" }),
          }),
      ),
      { key: "grid", maxExtent: 120, spacing: 8, runSpacing: 8, childAspectRatio: 1.5 },
    ),
    labelled(
      "Gesture detector: drag the box",
      new Stack(
        [
          new GestureDetector({
            key: "draggable",
            left: 0,
            top: 0,
            mouseCursor: MouseCursor.MOVE,
            dragInterval: 10,
            content: new Container({ width: 72, height: 48, bgcolor: Colors.PRIMARY, borderRadius: 8, alignment: Alignment.CENTER, content: new Text("Drag", { color: Colors.ON_PRIMARY }) }),
            onPanUpdate: (e) => {
              const box = e.control;
              box.left = Math.max(0, Math.min(240 - 72, (box.left ?? 0) + e.localDelta.x));
              box.top = Math.max(0, Math.min(120 - 48, (box.top ?? 0) + e.localDelta.y));
              dragged.value = `At ${Math.round(box.left)}, ${Math.round(box.top)}`;
            },
            onDoubleTap: (e) => {
              e.control.left = 0;
              e.control.top = 0;
              dragged.value = "Back at 0, 0";
            },
          }),
        ],
        { width: 240, height: 120, key: "drag-area" },
      ),
      dragged,
    ),
    labelled(
      "Safe area",
      new SafeArea(new Container({ padding: Padding.symmetric({ horizontal: 16, vertical: 8 }), border: Border.all(1, Colors.OUTLINE_VARIANT), borderRadius: 8, content: new Text("Kept clear of a phone's notch") }), {
        minimumPadding: 4,
        key: "safe-area",
      }),
    ),
    new Divider(),
    labelled(
      "Cards",
      ...(["elevated", "filled", "outlined"] as const).map(
        (variant) => new Card(new Container({ padding: 16, width: 160, content: new Text(`${variant[0]!.toUpperCase()}${variant.slice(1)} card`) }), { variant }),
      ),
    ),
    labelled(
      "List view",
      new Container({
        width: 280,
        height: 120,
        border: "1px solid var(--weft-outline-variant)",
        borderRadius: 12,
        content: new ListView(
          Array.from({ length: 12 }, (_, i) => new Text(`List item ${i + 1}`)),
          { padding: 12, spacing: 6, expand: true },
        ),
      }),
      new Column([new ProgressBar({ value: 0.6, width: 200 }), new ProgressBar({ width: 200 })], { spacing: 16 }),
    ),
  );

  // ---------------------------------------------------------------- navigation

  const tabsValue = new Text("Tab: Flights", { key: "tabs-value", color: Colors.ON_SURFACE_VARIANT });
  const navValue = new Text("Destination: Explore", { key: "nav-value", color: Colors.ON_SURFACE_VARIANT });
  const destinations = [
    { icon: Icons.HOME, label: "Explore" },
    { icon: Icons.FAVORITE_BORDER, selectedIcon: Icons.FAVORITE, label: "Saved" },
    { icon: Icons.NOTIFICATIONS, label: "Updates" },
    { icon: Icons.SETTINGS, label: "Settings" },
  ];
  const tabNames = ["Flights", "Trips", "Explore"];
  const navigation = section(
    "Navigation",
    "section-navigation",
    new Tabs({
      key: "tabs",
      length: 3,
      selectedIndex: 0,
      onChange: (e) => void (tabsValue.value = `Tab: ${tabNames[e.control.selectedIndex ?? 0]}`),
      content: new Column(
        [
          new TabBar({
            scrollable: false,
            tabs: [
              new Tab({ label: "Flights", icon: Icons.SEND, key: "tab-flights" }),
              new Tab({ label: "Trips", icon: Icons.CALENDAR_TODAY, key: "tab-trips" }),
              new Tab({ label: "Explore", icon: Icons.SEARCH, key: "tab-explore" }),
            ],
          }),
          new TabBarView(
            [
              new Text("Your next flight leaves at 9:40.", { key: "tab-content-flights" }),
              new Text("Three trips planned this year.", { key: "tab-content-trips" }),
              new Text("Ideas for your next holiday.", { key: "tab-content-explore" }),
            ],
            { height: 40 },
          ),
        ],
        { spacing: 12 },
      ),
    }),
    tabsValue,
    new NavigationBar({
      key: "navbar",
      destinations,
      selectedIndex: 0,
      onChange: (e) => void (navValue.value = `Destination: ${destinations[e.control.selectedIndex ?? 0]!.label}`),
    }),
    navValue,
    new Button("Open a details view", { key: "open-details", variant: "outlined", icon: Icons.ARROW_FORWARD, onClick: () => page.go("/details") }),
  );

  // ---------------------------------------------------------------- data

  const tableStatus = new Text("No rows selected", { key: "table-status", color: Colors.ON_SURFACE_VARIANT });
  const selected = new Set<string>();
  const table = new DataTable({ key: "table", sortColumnIndex: 0, sortAscending: true });
  const rows = new Map(
    PEOPLE.map((person) => [
      person.name,
      new DataRow(
        [new DataCell(new Text(person.name)), new DataCell(new Text(String(person.born))), new DataCell(new Text(person.field))],
        {
          key: `row-${person.name.split(" ")[0]!.toLowerCase()}`,
          onSelectChange: (e) => {
            if (e.data) selected.add(person.name);
            else selected.delete(person.name);
            tableStatus.value = selected.size === 0 ? "No rows selected" : `Selected: ${[...selected].sort().join(", ")}`;
          },
        },
      ),
    ]),
  );
  const sortBy = (e: ControlEvent<DataColumn, DataColumnSortData>) => {
    const { columnIndex, ascending } = e.data;
    const field = (["name", "born", "field"] as const)[columnIndex]!;
    const sorted = [...PEOPLE].sort((a, b) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : 0) * (ascending ? 1 : -1));
    table.rows = sorted.map((p) => rows.get(p.name)!);
    table.sortColumnIndex = columnIndex;
    table.sortAscending = ascending;
  };
  table.columns = [
    new DataColumn("Name", { key: "col-name", onSort: sortBy }),
    new DataColumn("Born", { key: "col-born", numeric: true, onSort: sortBy }),
    new DataColumn("Field", { key: "col-field" }),
  ];
  table.rows = PEOPLE.map((p) => rows.get(p.name)!);
  const data = section("Data table", "section-data", new Text("Click a header to sort, a row to select it."), table, tableStatus);

  // ---------------------------------------------------------------- dialogs and overlays

  const dialogStatus = new Text("No dialog yet", { key: "dialog-status", color: Colors.ON_SURFACE_VARIANT });
  const status = (text: string) => () => void (dialogStatus.value = text);

  const dialog: AlertDialog = new AlertDialog({
    key: "dialog",
    icon: Icons.INFO,
    title: "Enable notifications?",
    content: new Text("Get a note when a trip changes. Press Escape or click outside to dismiss."),
    actions: [
      new Button("Not now", { variant: "text", key: "dialog-cancel", onClick: () => (page.closeDialog(dialog), status("Dialog: not now")()) }),
      new Button("Enable", { variant: "text", key: "dialog-ok", onClick: () => (page.closeDialog(dialog), status("Dialog: enabled")()) }),
    ],
    onDismiss: status("Dialog dismissed"),
  });
  const modal: AlertDialog = new AlertDialog({
    key: "modal",
    modal: true,
    title: "Discard draft?",
    content: new Text("A modal dialog closes only from its actions."),
    actions: [
      new Button("Cancel", { variant: "text", key: "modal-cancel", onClick: () => (page.closeDialog(modal), status("Modal: cancelled")()) }),
      new Button("Discard", { variant: "text", key: "modal-discard", onClick: () => (page.closeDialog(modal), status("Modal: discarded")()) }),
    ],
  });
  const snack = new SnackBar("Message archived", {
    key: "snack",
    action: "Undo",
    duration: 3000,
    persist: false,
    onAction: status("Snack bar: undo"),
    onDismiss: () => {
      if (dialogStatus.value !== "Snack bar: undo") dialogStatus.value = "Snack bar closed";
    },
  });
  const savedSnack = new SnackBar("Draft saved", { key: "snack-persist", action: "Open", duration: 1000, onAction: status("Snack bar: open") });
  const topDialog: AlertDialog = new AlertDialog({
    key: "top-dialog",
    alignment: Alignment.TOP_CENTER,
    titlePadding: Padding.only({ left: 24, right: 24, top: 16 }),
    title: "Aligned to the top",
    content: new Text("alignment: Alignment.TOP_CENTER, a tighter titlePadding."),
    actions: [new TextButton("OK", { key: "top-dialog-ok", onClick: () => (page.popDialog(), status("Top dialog closed")()) })],
  });
  const banner: Banner = new Banner({
    key: "banner",
    leading: new Icon(Icons.WARNING, { color: Colors.AMBER, size: 32 }),
    content: "You are offline. Some features are unavailable until you reconnect.",
    actions: [
      new Button("Retry", { variant: "text", key: "banner-retry", onClick: status("Banner: retry") }),
      new Button("Dismiss", { variant: "text", key: "banner-close", onClick: () => (page.closeDialog(banner), status("Banner closed")()) }),
    ],
  });
  const sheet: BottomSheet = new BottomSheet({
    key: "sheet",
    showDragHandle: true,
    content: new Column(
      [
        new Text("Share", { style: "titleLarge" }),
        new Text("A bottom sheet: drag its handle down, press Escape or click above it to dismiss."),
        new Row([
          new IconButton(Icons.EMAIL, { variant: "tonal", tooltip: "Email" }),
          new IconButton(Icons.CONTENT_COPY, { variant: "tonal", tooltip: "Copy link" }),
          new IconButton(Icons.DOWNLOAD, { variant: "tonal", tooltip: "Download" }),
        ]),
        new Row([
          new Button("Close", { key: "sheet-close", onClick: () => (page.closeDialog(sheet), status("Sheet closed")()) }),
          new Button("About sharing", { key: "sheet-info", variant: "text", onClick: () => page.showDialog(dialog) }),
        ]),
      ],
      { spacing: 12 },
    ),
    onDismiss: status("Sheet dismissed"),
  });
  const dialogs = section(
    "Dialogs and overlays",
    "section-dialogs",
    new Row(
      [
        new Button("Alert dialog", { key: "open-dialog", variant: "tonal", onClick: () => page.showDialog(dialog) }),
        new Button("Modal dialog", { key: "open-modal", variant: "tonal", onClick: () => page.showDialog(modal) }),
        new Button("Snack bar", { key: "open-snack", variant: "tonal", onClick: () => page.showDialog(snack) }),
        new Button("Banner", { key: "open-banner", variant: "tonal", onClick: () => page.showDialog(banner) }),
        new Button("Bottom sheet", { key: "open-sheet", variant: "tonal", onClick: () => page.showDialog(sheet) }),
        new FilledTonalButton("Snack bar with an action", { key: "open-snack-persist", onClick: () => page.showDialog(savedSnack) }),
        new FilledTonalButton("Dialog at the top", { key: "open-top-dialog", onClick: () => page.showDialog(topDialog) }),
      ],
      { wrap: true },
    ),
    dialogStatus,
  );

  // ---------------------------------------------------------------- the page

  const home: View = page.views[0]!.assign({
    route: "/",
    horizontalAlignment: "stretch",
    spacing: 16,
    appbar: new AppBar({
      title: "weft gallery",
      leading: new Container({ padding: 8, content: new Icon(Icons.STAR, { color: Colors.PRIMARY }) }),
      actions: [themeToggle],
      key: "appbar",
    }),
    controls: [
      section("Theme", "section-theme", new Row([seed, new Text("The app bar's button switches light and dark.", { color: Colors.ON_SURFACE_VARIANT })], { wrap: true, spacing: 16 })),
      textAndButtons,
      inputs,
      layout,
      navigation,
      data,
      section("Markdown", "section-markdown", new Markdown(MARKDOWN, { key: "markdown" })),
      dialogs,
      section("Components", "section-components", ClickCounter({})),
    ],
  });
  page.floatingActionButton = new FloatingActionButton({ icon: Icons.ARROW_UPWARD, key: "page-fab", tooltip: "Clicked the page's FAB", onClick: click("page FAB") });
  const details = new View({
    route: "/details",
    appbar: new AppBar({ title: "Details", key: "details-appbar" }),
    controls: [
      new Text("A second view on the stack: its app bar shows a back button that pops it.", { key: "details-text" }),
    ],
  });

  const showRoute = () => {
    page.views = page.route === "/details" ? [home, details] : [home];
  };
  page.onRouteChange = showRoute;
  page.onViewPop = () => page.go("/");
  showRoute();
}
