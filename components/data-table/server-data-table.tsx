// The app's table, rendered on the server; sorting is a link (the URL holds it). The rows are sorted
// here by TanStack Table's core with the column definitions' sort functions (`createDataTableColumnHelper`),
// or kept in the order they came in (`manualSorting`: sorted by the database), and sent as HTML. No
// rows travel to the browser as props and no table code is shipped with the page. A cell that needs
// the browser renders a client component of its own (the case list's checkboxes).
// docs/decisions/0094; the case list: 0089.
import Link from "next/link";
import type { ReactNode } from "react";
import { constructTable, type ColumnVisibilityState, type RowData, type SortingState } from "@tanstack/table-core";
import { flexRender } from "@tanstack/react-table/flex-render";
import { storeReactivityBindings } from "@tanstack/table-core/store-reactivity-bindings";
import { dataTableFeatures, type DataTableColumnDef, type DataTableFeatures } from "./columns";
import { ARIA_SORT, SortIndicator, cellClassName, nextSorting } from "./table-parts";
import styles from "./data-table.module.css";

export interface ServerDataTableProps<TData extends RowData> {
  /** Column definitions, from `createDataTableColumnHelper<TData>().columns([...])`. */
  columns: ReadonlyArray<DataTableColumnDef<TData>>;
  data: ReadonlyArray<TData>;
  getRowId?: (row: TData, index: number) => string;
  /** Accessible name of the table, read by screen readers and not shown. */
  caption?: string;
  emptyMessage?: ReactNode;
  getRowTestId?: (row: TData) => string;
  /** The current sorting (parsed from the URL with parseSortParam); the rows are sorted by it here. */
  sorting: SortingState;
  /** The URL of a sorting: each sortable header links to its next one. */
  sortHref: (sorting: SortingState) => string;
  /** The rows arrive sorted (by the database): the table shows them in that order and only marks the headers. */
  manualSorting?: boolean;
  /** `{ columnId: false }` hides a column (e.g. read from the URL). */
  columnVisibility?: ColumnVisibilityState;
}

// The same feature set as <DataTable>, with the core's plain store in place of React's (what useTable
// adds itself); typed as the shared set so that the column definitions fit both tables.
const serverTableFeatures: DataTableFeatures = Object.assign({ coreReactivityFeature: storeReactivityBindings() }, dataTableFeatures);

const ALL_COLUMNS_VISIBLE: ColumnVisibilityState = {};

export function ServerDataTable<TData extends RowData>({
  columns,
  data,
  getRowId,
  caption,
  emptyMessage = "暂无数据",
  getRowTestId,
  sorting,
  sortHref,
  manualSorting = false,
  columnVisibility = ALL_COLUMNS_VISIBLE,
}: ServerDataTableProps<TData>) {
  const table = constructTable<DataTableFeatures, TData>({
    features: serverTableFeatures,
    columns,
    data,
    ...(getRowId ? { getRowId } : {}),
    state: { sorting, columnVisibility },
    enableSorting: true,
    manualSorting,
    enableMultiSort: false,
  });
  const rows = table.getRowModel().rows;
  return (
    <div className={styles.container}>
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
                  const content = header.isPlaceholder ? null : flexRender(column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      colSpan={header.colSpan}
                      scope="col"
                      className={cellClassName(column)}
                      aria-sort={canSort ? ARIA_SORT[sortDirection || "none"] : undefined}
                    >
                      {canSort ? (
                        <Link href={sortHref(nextSorting(column))} className={styles.sortControl} scroll={false}>
                          {content}
                          <SortIndicator direction={sortDirection} />
                        </Link>
                      ) : (
                        content
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
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
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
