import { Control, defineControl, type ControlProps, type EventHandler } from "./control.ts";
import { withPrimary } from "./shorthand.ts";
import { defineTextOrControl } from "./textOrControl.ts";

/** What a DataColumn's `sort` event carries: Flutter's `onSort(columnIndex, ascending)`. */
export interface DataColumnSortData {
  columnIndex: number;
  /** True unless this column is already the table's ascending sort column (a click flips it). */
  ascending: boolean;
}

/** What `new DataColumn({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface DataColumnProps extends ControlProps {
  /** The header: a string or a control. */
  label?: string | Control;
  /** Numbers align right, in the header and in the cells. */
  numeric?: boolean;
  /**
   * Makes the header clickable. The app sorts its rows and sets the table's `sortColumnIndex`
   * and `sortAscending`, which draw the arrow.
   */
  onSort?: EventHandler<DataColumn, DataColumnSortData>;
}

export interface DataColumn extends DataColumnProps {}

/** A column header of a DataTable: `new DataColumn("Name", { onSort })`. */
export class DataColumn extends Control {
  static {
    defineControl(this, { type: "DataColumn", props: ["label", "numeric"], events: ["sort"], slots: { label: "one" } });
    defineTextOrControl(this, "label");
  }
  constructor(label?: string | Control | DataColumnProps, props?: DataColumnProps) {
    super(withPrimary("label", label, props));
  }
}

/** What `new DataCell({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface DataCellProps extends ControlProps {
  content?: Control;
  /** Called when the cell is clicked. */
  onTap?: EventHandler<DataCell>;
}

export interface DataCell extends DataCellProps {}

/** One cell of a DataRow: `new DataCell(new Text("42"))`. */
export class DataCell extends Control {
  static {
    defineControl(this, { type: "DataCell", events: ["tap"], slots: { content: "one" } });
  }
  constructor(content?: Control | DataCellProps, props?: DataCellProps) {
    super(withPrimary("content", content, props));
  }
}

/** What `new DataRow({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface DataRowProps extends ControlProps {
  /** One cell per column. */
  cells?: DataCell[];
  /** Whether the row is ticked; the browser sets it when the user ticks or unticks it. */
  selected?: boolean;
  /** Background colour. */
  color?: string;
  /**
   * Makes the row selectable: the table shows a checkbox column, and a click on the row (or its
   * checkbox) flips `selected` and calls this with the new value.
   */
  onSelectChange?: EventHandler<DataRow, boolean>;
}

export interface DataRow extends Omit<DataRowProps, "cells"> {}

/** A row of a DataTable: `new DataRow([new DataCell(new Text("Ada"))], { onSelectChange })`. */
export class DataRow extends Control {
  declare cells: DataCell[];
  static {
    defineControl(this, {
      type: "DataRow",
      props: ["selected", "color"],
      events: ["selectChange"],
      slots: { cells: "list" },
      clientProps: { selected: "boolean" },
    });
  }
  constructor(cells?: DataCell[] | DataRowProps, props?: DataRowProps) {
    super(withPrimary("cells", cells, props));
  }
}

/** What `new DataTable({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface DataTableProps extends ControlProps {
  columns?: DataColumn[];
  rows?: DataRow[];
  /** The column whose header shows the sort arrow. */
  sortColumnIndex?: number;
  /** The arrow's direction. Default true. */
  sortAscending?: boolean;
  /** Show the checkbox column when rows are selectable. Default true. */
  showCheckboxColumn?: boolean;
  /** Horizontal space between columns, in px. Default 56, as in Material. */
  columnSpacing?: number;
  headingRowColor?: string;
  /** CSS-like border around the table, e.g. "1px solid #ccc". */
  border?: string;
  borderRadius?: number;
  /**
   * Called by the header checkbox with the new value. Without it, the header checkbox ticks or
   * unticks each selectable row (each row's `onSelectChange` is called), as in Flutter.
   */
  onSelectAll?: EventHandler<DataTable, boolean>;
}

export interface DataTable extends Omit<DataTableProps, "columns" | "rows"> {}

/** Material's data table: sortable columns and selectable rows. */
export class DataTable extends Control {
  declare columns: DataColumn[];
  declare rows: DataRow[];
  static {
    defineControl(this, {
      type: "DataTable",
      props: ["sortColumnIndex", "sortAscending", "showCheckboxColumn", "columnSpacing", "headingRowColor", "border", "borderRadius"],
      events: ["selectAll"],
      slots: { columns: "list", rows: "list" },
    });
  }
  constructor(props?: DataTableProps) {
    super(props);
  }
}
