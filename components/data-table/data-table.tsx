"use client";

// The app's one table component, on TanStack Table v9 (`useTable` with an explicit feature set).
//
// Two ways to sort:
// - client-side, for short lists held whole in the browser: `enableSorting`, optionally `initialSorting`;
// - by the server ("manual"), for long lists whose state lives in the URL: `manualSorting`, the current
//   `sorting` parsed from the URL, and either `sortHref` (headers become links to the next sort; works
//   without JavaScript and keeps the URL the single source of truth) or `onSortingChange`.
// Pagination of a server-paginated list is <DataTablePagination> under the table: `data` is then the
// current page only.
import { Link } from "@/components/link";
import type { ReactNode } from "react";
import {
  functionalUpdate,
  useTable,
  type Column,
  type ColumnVisibilityState,
  type RowData,
  type SortingState,
  type TableOptions,
  type TableState,
  type Updater,
} from "@tanstack/react-table";
import { dataTableFeatures, type DataTableColumnDef, type DataTableFeatures } from "./columns";
import { ARIA_SORT, SortIndicator, cellClassName, nextSorting } from "./table-parts";
import styles from "./data-table.module.css";

export interface DataTableProps<TData extends RowData> {
  /** Column definitions, from `createDataTableColumnHelper<TData>().columns([...])`, defined at module scope. */
  columns: ReadonlyArray<DataTableColumnDef<TData>>;
  /** The rows (for a server-paginated list: the current page). Keep the array stable between renders. */
  data: ReadonlyArray<TData>;
  /** Stable row ids (database ids) instead of array indexes. */
  getRowId?: (row: TData, index: number) => string;
  /** Accessible name of the table, read by screen readers and not shown. */
  caption?: string;
  /** Shown in place of the rows when there are none. */
  emptyMessage?: ReactNode;
  /** `data-testid` of each row, for browser tests. */
  getRowTestId?: (row: TData) => string;

  /** Clickable headers on every column with a value (a column can opt out with `enableSorting: false`). */
  enableSorting?: boolean;
  /** Starting order of a client-sorted table. */
  initialSorting?: SortingState;
  /** Controlled sorting (e.g. parsed from the URL). */
  sorting?: SortingState;
  /** With `sorting`: called with the next sorting when a header is clicked. */
  onSortingChange?: (sorting: SortingState) => void;
  /** The rows arrive sorted (by the server): the table does not reorder them. */
  manualSorting?: boolean;
  /** Headers become links to the URL of the next sorting (server sorting through the URL). */
  sortHref?: (sorting: SortingState) => string;

  /** Starting column visibility: `{ columnId: false }` hides a column. */
  initialColumnVisibility?: ColumnVisibilityState;
  /** Controlled column visibility. */
  columnVisibility?: ColumnVisibilityState;
  /** With `columnVisibility`: called with the next visibility. */
  onColumnVisibilityChange?: (columnVisibility: ColumnVisibilityState) => void;
  /** Shows a "显示列" chooser above the table for the columns that can be hidden. */
  showColumnChooser?: boolean;
}

const NO_SORTING: SortingState = [];
const ALL_COLUMNS_VISIBLE: ColumnVisibilityState = {};

export function DataTable<TData extends RowData>({
  columns,
  data,
  getRowId,
  caption,
  emptyMessage = "暂无数据",
  getRowTestId,
  enableSorting = false,
  initialSorting = NO_SORTING,
  sorting,
  onSortingChange,
  manualSorting = false,
  sortHref,
  initialColumnVisibility = ALL_COLUMNS_VISIBLE,
  columnVisibility,
  onColumnVisibilityChange,
  showColumnChooser = false,
}: DataTableProps<TData>) {
  // A controlled slice needs both its value and its callback. When a slice is not controlled the
  // callback key must be left out, not set to undefined: v9 merges options with a spread, so an explicit
  // undefined would replace the table's own state updater and the slice could never change.
  const controlledState: Partial<TableState<DataTableFeatures>> = {};
  const controlledCallbacks: Pick<TableOptions<DataTableFeatures, TData>, "onSortingChange" | "onColumnVisibilityChange"> = {};
  if (sorting) {
    controlledState.sorting = sorting;
    if (onSortingChange) {
      controlledCallbacks.onSortingChange = (updater: Updater<SortingState>) => onSortingChange(functionalUpdate(updater, sorting));
    }
  }
  if (columnVisibility) {
    controlledState.columnVisibility = columnVisibility;
    if (onColumnVisibilityChange) {
      controlledCallbacks.onColumnVisibilityChange = (updater: Updater<ColumnVisibilityState>) =>
        onColumnVisibilityChange(functionalUpdate(updater, columnVisibility));
    }
  }

  const table = useTable<DataTableFeatures, TData>({
    features: dataTableFeatures,
    columns,
    data,
    ...(getRowId ? { getRowId } : {}),
    initialState: { sorting: initialSorting, columnVisibility: initialColumnVisibility },
    state: controlledState,
    ...controlledCallbacks,
    enableSorting,
    manualSorting,
    // One sorted column at a time: what a URL parameter and `aria-sort` (one header) can express.
    enableMultiSort: false,
  });

  const rows = table.getRowModel().rows;
  const hideableColumns = showColumnChooser ? table.getAllLeafColumns().filter((column) => column.getCanHide()) : [];

  return (
    <div className={styles.container}>
      {hideableColumns.length > 0 ? (
        <details className={`${styles.columnChooser} no-print`}>
          <summary>显示列</summary>
          <div className={styles.columnChooserOptions}>
            {hideableColumns.map((column) => (
              <label key={column.id} className="checkbox">
                <input type="checkbox" checked={column.getIsVisible()} onChange={column.getToggleVisibilityHandler()} />
                {columnLabel(column)}
              </label>
            ))}
          </div>
        </details>
      ) : null}
      <div className="table-wrap">
        <table className="table">
          {caption ? <caption className={styles.visuallyHidden}>{caption}</caption> : null}
          <thead>
            {table.getHeaderGroups().map((headerGroup) => (
              <tr key={headerGroup.id}>
                {headerGroup.headers.map((header) => {
                  const column = header.column;
                  const canSort = !header.isPlaceholder && column.getCanSort();
                  const sortDirection = column.getIsSorted();
                  const content = header.isPlaceholder ? null : <table.FlexRender header={header} />;
                  return (
                    <th
                      key={header.id}
                      colSpan={header.colSpan}
                      scope="col"
                      className={cellClassName(column)}
                      aria-sort={canSort ? ARIA_SORT[sortDirection || "none"] : undefined}
                    >
                      {!canSort ? (
                        content
                      ) : sortHref ? (
                        <Link href={sortHref(nextSorting(column))} className={styles.sortControl} scroll={false}>
                          {content}
                          <SortIndicator direction={sortDirection} />
                        </Link>
                      ) : (
                        <button type="button" className={styles.sortControl} onClick={column.getToggleSortingHandler()}>
                          {content}
                          <SortIndicator direction={sortDirection} />
                        </button>
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={table.getVisibleLeafColumns().length} className={styles.empty}>
                  {emptyMessage}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={row.id} data-testid={getRowTestId?.(row.original)}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={cellClassName(cell.column)}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function columnLabel<TData extends RowData>(column: Column<DataTableFeatures, TData, unknown>): string {
  const header = column.columnDef.header;
  return column.columnDef.meta?.label ?? (typeof header === "string" ? header : column.id);
}
