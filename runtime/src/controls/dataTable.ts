import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl, type EventHandler } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { withPrimary } from "./shorthand.ts";

/** What a DataColumn's `sort` event carries: Flutter's `onSort(columnIndex, ascending)`. */
export interface DataColumnSortData {
  /** The index of the clicked column among the table's columns, from 0. */
  columnIndex: number;
  /** True unless this column is already the table's ascending sort column (a click flips it). */
  ascending: boolean;
}

type DataColumnTypes = { onSort: EventHandler<DataColumn, DataColumnSortData> };
/** What `new DataColumn(…)` takes: the props of DataColumn, each documented where the control registry declares it (@weft/protocol/controls). */
export interface DataColumnProps extends PropsOf<"DataColumn", DataColumn, DataColumnTypes> {}
export interface DataColumn extends FieldsOf<"DataColumn", DataColumn, DataColumnTypes> {}

/** A column header of a DataTable: `new DataColumn("Name", { onSort })`. */
export class DataColumn extends Control {
  static {
    defineControl(this, controlSpecs.DataColumn);
  }
  constructor(label?: string | Control | DataColumnProps, props?: DataColumnProps) {
    super(withPrimary("label", label, props));
  }
}

/** What `new DataCell(…)` takes: the props of DataCell, each documented where the control registry declares it (@weft/protocol/controls). */
export interface DataCellProps extends PropsOf<"DataCell", DataCell> {}
export interface DataCell extends FieldsOf<"DataCell", DataCell> {}

/** One cell of a DataRow: `new DataCell(new Text("42"))`. */
export class DataCell extends Control {
  static {
    defineControl(this, controlSpecs.DataCell);
  }
  constructor(content?: Control | DataCellProps, props?: DataCellProps) {
    super(withPrimary("content", content, props));
  }
}

/** What `new DataRow(…)` takes: the props of DataRow, each documented where the control registry declares it (@weft/protocol/controls). */
export interface DataRowProps extends PropsOf<"DataRow", DataRow, { cells: DataCell[] }> {}
export interface DataRow extends FieldsOf<"DataRow", DataRow, { cells: DataCell[] }> {}

/** A row of a DataTable: `new DataRow([new DataCell(new Text("Ada"))], { onSelectChange })`. */
export class DataRow extends Control {
  static {
    defineControl(this, controlSpecs.DataRow);
  }
  constructor(cells?: DataCell[] | DataRowProps, props?: DataRowProps) {
    super(withPrimary("cells", cells, props));
  }
}

type DataTableTypes = { columns: DataColumn[]; rows: DataRow[] };
/** What `new DataTable(…)` takes: the props of DataTable, each documented where the control registry declares it (@weft/protocol/controls). */
export interface DataTableProps extends PropsOf<"DataTable", DataTable, DataTableTypes> {}
export interface DataTable extends FieldsOf<"DataTable", DataTable, DataTableTypes> {}

/** Material's data table: sortable columns and selectable rows. */
export class DataTable extends Control {
  static {
    defineControl(this, controlSpecs.DataTable);
  }
  constructor(props?: DataTableProps) {
    super(props);
  }
}
