import { defineSpec } from "../spec.ts";

/** Material's data table and its parts. */

export const DataTable = defineSpec({
  type: "DataTable",
  props: {
    /** The column whose header shows the sort arrow. */
    sortColumnIndex: "number",
    /** The arrow's direction. Default true. */
    sortAscending: "boolean",
    /** Show the checkbox column when rows are selectable. Default true. */
    showCheckboxColumn: "boolean",
    /** Horizontal space between columns, in px. Default 56, as in Material. */
    columnSpacing: "number",
    /** The background of the heading row; default none (the table's own). */
    headingRowColor: "color",
    /** CSS-like border around the table, e.g. "1px solid #ccc". */
    border: "border",
    /** Rounds the table's corners (with `border`): one radius, or `BorderRadius.only({ topLeft: 8 })`. */
    borderRadius: "borderRadius",
  },
  events: {
    /**
     * Called by the header checkbox with the new value. Without it, the header checkbox ticks or
     * unticks each selectable row (each row's `onSelectChange` is called), as in Flutter.
     */
    onSelectAll: "boolean",
  },
  slots: {
    /** The heading row: one DataColumn per column, each with its label and its sort handler. */
    columns: "list",
    /** The table's rows: DataRows, each with one DataCell per column. */
    rows: "list",
  },
});

export const DataColumn = defineSpec({
  type: "DataColumn",
  props: {
    /** Numbers align right, in the header and in the cells. */
    numeric: "boolean",
  },
  events: {
    /**
     * Makes the header clickable. The app sorts its rows and sets the table's `sortColumnIndex`
     * and `sortAscending`, which draw the arrow. `e.data` is `{ columnIndex, ascending }`.
     */
    onSort: "json",
  },
  slots: {
    /** The header: a string or a control. */
    label: "text",
  },
  text: ["label"],
});

export const DataRow = defineSpec({
  type: "DataRow",
  props: {
    /** Whether the row is ticked; the browser sets it when the user ticks or unticks it. */
    selected: "boolean",
    /** Background colour. */
    color: "color",
  },
  events: {
    /**
     * Makes the row selectable: the table shows a checkbox column, and a click on the row (or its
     * checkbox) flips `selected` and calls this with the new value.
     */
    onSelectChange: "boolean",
  },
  slots: {
    /** One cell per column. */
    cells: "list",
  },
  client: ["selected"],
});

export const DataCell = defineSpec({
  type: "DataCell",
  events: {
    /** Called when the cell is clicked. */
    onTap: "none",
  },
  slots: {
    /** What the cell shows: usually a Text, or any control (an Icon, a Checkbox). */
    content: "one",
  },
});
