// Pieces shared by the browser table (data-table.tsx) and the server-rendered one
// (server-data-table.tsx): the sort indicator, the next sorting of a header, the cell classes.
import type { Column, RowData, SortDirection, SortingState } from "@tanstack/react-table";
import type { DataTableFeatures } from "./columns";
import styles from "./data-table.module.css";

export const ARIA_SORT = { asc: "ascending", desc: "descending", none: "none" } as const;

export function SortIndicator({ direction }: { direction: false | SortDirection }) {
  if (!direction) {
    return (
      <span className={`${styles.sortIndicator} ${styles.unsorted}`} aria-hidden="true">
        ▲▼
      </span>
    );
  }
  return (
    <span className={styles.sortIndicator} aria-hidden="true">
      {direction === "asc" ? "▲" : "▼"}
    </span>
  );
}

/** The sorting a click on this column's header leads to (single-column: asc → desc → none, or desc first for dates and numbers). */
export function nextSorting<TData extends RowData>(column: Column<DataTableFeatures, TData, unknown>): SortingState {
  const order = column.getNextSortingOrder();
  return order === false ? [] : [{ id: column.id, desc: order === "desc" }];
}

export function cellClassName<TData extends RowData>(column: Column<DataTableFeatures, TData, unknown>): string | undefined {
  const meta = column.columnDef.meta;
  const classNames = [meta?.numeric ? "number" : "", meta?.nowrap ? "nowrap" : ""].filter(Boolean);
  return classNames.length > 0 ? classNames.join(" ") : undefined;
}
