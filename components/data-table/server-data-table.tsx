// The app's table rendered on the server, for lists whose sorting is a link (the URL holds it) and
// that need nothing else from the browser: the same column definitions as <DataTable>
// (`createDataTableColumnHelper`, with their sort functions), sorted here by TanStack Table's core, and
// sent as HTML. No rows travel to the browser as props and no table code is shipped with the page.
// <DataTable> (data-table.tsx) stays for tables that do need the browser (a column chooser, a sort
// held in client state, controlled callbacks). docs/decisions/0094.
import { Link } from "@/components/link";
import type { ReactNode } from "react";
import { constructTable, type RowData, type SortingState } from "@tanstack/table-core";
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
}

// The same feature set as <DataTable>, with the core's plain store in place of React's (what useTable
// adds itself); typed as the shared set so that the column definitions fit both tables.
const serverTableFeatures: DataTableFeatures = Object.assign({ coreReactivityFeature: storeReactivityBindings() }, dataTableFeatures);

export function ServerDataTable<TData extends RowData>({
  columns,
  data,
  getRowId,
  caption,
  emptyMessage = "暂无数据",
  getRowTestId,
  sorting,
  sortHref,
}: ServerDataTableProps<TData>) {
  const table = constructTable<DataTableFeatures, TData>({
    features: serverTableFeatures,
    columns,
    data,
    ...(getRowId ? { getRowId } : {}),
    state: { sorting },
    enableSorting: true,
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
