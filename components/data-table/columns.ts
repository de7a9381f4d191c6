// The one feature set of the app's tables (TanStack Table v9 registers features explicitly) and the
// column helper bound to it. Column definitions hold render functions: they live in a module next to
// the feature's table component, a client one for <DataTable> (data-table.tsx), a server one for
// <ServerDataTable> (server-data-table.tsx), never in a page.
import {
  columnVisibilityFeature,
  constructSortFn,
  createColumnHelper,
  createSortedRowModel,
  metaHelper,
  rowSortingFeature,
  sortFn_basic,
  sortFn_datetime,
  tableFeatures,
  type ColumnDef,
  type RowData,
} from "@tanstack/react-table";

/** Per-column options of the DataTable (typed through the `columnMeta` slot, no global merging). */
export interface DataTableColumnMeta {
  /** Plain-text column name for the column chooser when `header` is not a string. */
  label?: string;
  /** Right-aligned tabular figures (the global `.number` cell class). */
  numeric?: boolean;
  /** Keeps the cell on one line (dates, case numbers, action buttons). */
  nowrap?: boolean;
}

// Pinyin order for Chinese text and natural order for embedded numbers ("GK-2026-9" before "GK-2026-10").
const chineseCollator = new Intl.Collator("zh-CN", { numeric: true, sensitivity: "base" });

const sortFn_chineseText = constructSortFn({
  resolveDataValue: (value: unknown) => (value === null || value === undefined ? "" : String(value)),
  sort: (a: string, b: string) => chineseCollator.compare(a, b),
});

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  sortedRowModel: createSortedRowModel(),
  // "auto" picks text/alphanumeric for strings, datetime for dates, basic for the rest.
  sortFns: { text: sortFn_chineseText, alphanumeric: sortFn_chineseText, datetime: sortFn_datetime, basic: sortFn_basic },
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;

export type DataTableColumnDef<TData extends RowData> = ColumnDef<DataTableFeatures, TData>;

/** `helper.accessor(…)`, `helper.display(…)`, and `helper.columns([…])` to keep each column's value type. */
export function createDataTableColumnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}
