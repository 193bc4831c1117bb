import { createContext, useContext, useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent, type MouseEvent } from "react";
import type { ControlId } from "@weft/protocol";
import { resolveColor } from "../colors.ts";
import { ControlView, renderSlot } from "../ControlView.tsx";
import { IconGlyph } from "../IconGlyph.tsx";
import { createEvents, useEvents } from "../useEvents.ts";
import { useSlotNodes } from "../useSlotNodes.ts";
import { useWeft } from "../WeftContext.ts";
import { baseAttributes, DisabledContext, num, textOrSlot, useDisabled, type ControlComponentProps } from "./common.ts";

/** What the parts of a table read from the table. */
interface TableInfo {
  columns: readonly ControlId[];
  numeric: readonly boolean[];
  sortColumnIndex: number | undefined;
  sortAscending: boolean;
  /** Whether the checkbox column is drawn (some row is selectable). */
  checkboxes: boolean;
}

const TableContext = createContext<TableInfo | null>(null);
/** A cell's column, set by its row. */
const CellIndexContext = createContext(-1);

/** The nearest element that handles a click itself; a click on it does not select the row. */
const INTERACTIVE = "button, input, textarea, select, a, label, .weft-clickable";

/**
 * Material's data table as an HTML `<table>`: DataColumns in the header, DataRows below. Rows
 * that handle `selectChange` are selectable: a checkbox column appears, with a "select all" box
 * in the header.
 */
export function DataTable({ node }: ControlComponentProps<"DataTable">) {
  const p = node.p;
  const weft = useWeft();
  const events = useEvents(node.id);
  const disabled = useDisabled(node);
  const columns = useSlotNodes(node, "columns");
  const rows = useSlotNodes(node, "rows");
  const selectable = rows.filter((r) => r.h.includes("selectChange"));
  const checkboxes = p.showCheckboxColumn !== false && selectable.length > 0;
  const ticked = selectable.filter((r) => r.p.selected === true).length;

  const numericKey = columns.map((c) => (c.p.numeric === true ? 1 : 0)).join("");
  const info = useMemo<TableInfo>(
    () => ({
      columns: columns.map((c) => c.id),
      numeric: columns.map((c) => c.p.numeric === true),
      sortColumnIndex: num(p.sortColumnIndex),
      sortAscending: p.sortAscending !== false,
      checkboxes,
    }),
    // numericKey stands for the columns' flags: the table re-renders on every row change too
    [node.slots.columns, numericKey, p.sortColumnIndex, p.sortAscending, checkboxes],
  );

  const selectAll = (value: boolean) => {
    if (node.h.includes("selectAll")) return events.event("selectAll", value);
    // Flutter: without onSelectAll, each row whose state differs hears its own selectChange.
    for (const row of selectable) {
      if ((row.p.selected === true) === value) continue;
      const rowEvents = createEvents(weft, row.id);
      rowEvents.report({ selected: value });
      rowEvents.event("selectChange", value);
    }
  };

  const style: CSSProperties = {};
  const spacing = num(p.columnSpacing);
  const radius = num(p.borderRadius);
  if (spacing !== undefined) (style as Record<string, string>)["--weft-datatable-gap"] = `${spacing / 2}px`;
  if (typeof p.border === "string") style.border = p.border;
  if (radius !== undefined) style.borderRadius = radius;
  const heading = resolveColor(p.headingRowColor);
  return (
    <div {...baseAttributes(node, "weft-datatable", style)}>
      <DisabledContext value={disabled}>
        <TableContext value={info}>
          <table>
            <thead>
              <tr style={heading ? { background: heading } : undefined}>
                {checkboxes && (
                  <th className="weft-datatable-check">
                    <SelectAllBox checked={ticked > 0 && ticked === selectable.length} mixed={ticked > 0 && ticked < selectable.length} disabled={disabled} onChange={selectAll} />
                  </th>
                )}
                {renderSlot(node, "columns")}
              </tr>
            </thead>
            <tbody>{renderSlot(node, "rows")}</tbody>
          </table>
        </TableContext>
      </DisabledContext>
    </div>
  );
}

function SelectAllBox(props: { checked: boolean; mixed: boolean; disabled: boolean; onChange: (value: boolean) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = props.mixed;
  }, [props.mixed]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label="Select all rows"
      checked={props.checked}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.target.checked)}
    />
  );
}

/** A header cell. A sortable one (it handles `sort`) is a button and shows the sort arrow. */
export function DataColumn({ node }: ControlComponentProps<"DataColumn">) {
  const table = useContext(TableContext);
  const events = useEvents(node.id);
  const disabled = useDisabled(node);
  const index = table?.columns.indexOf(node.id) ?? -1;
  const sortable = node.h.includes("sort") && !disabled;
  const sorted = table !== null && index >= 0 && table.sortColumnIndex === index;
  const ascending = table?.sortAscending ?? true;
  const sort = () => {
    if (!sortable || index < 0) return;
    events.event("sort", { columnIndex: index, ascending: sorted ? !ascending : true });
  };
  const label = textOrSlot(node, "label");
  let className = "weft-datatable-heading";
  if (node.p.numeric === true) className += " weft-datatable--numeric";
  if (sortable) className += " weft-datatable-heading--sortable";
  if (sorted) className += " weft-datatable-heading--sorted";
  return (
    <th {...baseAttributes(node, className)} aria-sort={sorted ? (ascending ? "ascending" : "descending") : undefined} scope="col">
      <span
        className="weft-datatable-heading-inner"
        {...(sortable
          ? {
              role: "button",
              tabIndex: 0,
              onClick: sort,
              onKeyDown: (e: KeyboardEvent) => {
                if (e.key === "Enter" || e.key === " ") {
                  e.preventDefault();
                  sort();
                }
              },
            }
          : {})}
      >
        {label === null ? renderSlot(node, "label") : <span>{label}</span>}
        {(sortable || sorted) && (
          <span className="weft-datatable-sort" aria-hidden="true">
            <IconGlyph name={sorted && !ascending ? "arrow_downward" : "arrow_upward"} size={18} />
          </span>
        )}
      </span>
    </th>
  );
}

/** A body row. Selectable when it handles `selectChange`: a click on it (or its box) flips `selected`. */
export function DataRow({ node }: ControlComponentProps<"DataRow">) {
  const p = node.p;
  const table = useContext(TableContext);
  const events = useEvents(node.id);
  const disabled = useDisabled(node);
  const selectable = node.h.includes("selectChange") && !disabled;
  const selected = p.selected === true;
  const toggle = () => {
    const value = !selected;
    events.report({ selected: value });
    events.event("selectChange", value);
  };
  const onClick = (e: MouseEvent<HTMLTableRowElement>) => {
    if (!selectable) return;
    const hit = (e.target as Element).closest(INTERACTIVE);
    if (hit && e.currentTarget.contains(hit)) return;
    toggle();
  };
  const style: CSSProperties = {};
  const color = resolveColor(p.color);
  if (color) style.background = color;
  let className = "weft-datatable-row";
  if (selected) className += " weft-datatable-row--selected";
  if (selectable) className += " weft-datatable-row--selectable";
  const cells = node.slots.cells ?? [];
  return (
    <tr {...baseAttributes(node, className, style)} aria-selected={selectable ? selected : undefined} onClick={onClick}>
      <DisabledContext value={disabled}>
        {table?.checkboxes && (
          <td className="weft-datatable-check">
            {node.h.includes("selectChange") && <input type="checkbox" aria-label="Select row" checked={selected} disabled={disabled} onChange={toggle} />}
          </td>
        )}
        {cells.map((id, i) => (
          <CellIndexContext key={id} value={i}>
            <ControlView id={id} />
          </CellIndexContext>
        ))}
      </DisabledContext>
    </tr>
  );
}

/** A body cell: its `content`, aligned right in a numeric column; clickable when it handles `tap`. */
export function DataCell({ node }: ControlComponentProps<"DataCell">) {
  const table = useContext(TableContext);
  const index = useContext(CellIndexContext);
  const events = useEvents(node.id);
  const disabled = useDisabled(node);
  const tappable = node.h.includes("tap") && !disabled;
  let className = "weft-datatable-cell";
  if (table?.numeric[index]) className += " weft-datatable--numeric";
  if (tappable) className += " weft-clickable";
  return (
    <td {...baseAttributes(node, className)} onClick={tappable ? () => events.event("tap") : undefined}>
      {renderSlot(node, "content")}
    </td>
  );
}
