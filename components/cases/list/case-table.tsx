"use client";

import { useMemo } from "react";
import type { DataTableColumnDef } from "@/components/data-table/columns";
import type { ColumnVisibilityState, SortingState } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { CaseListRow } from "@/lib/cases/queries";
import { CASE_LIST_COLUMNS, DEFAULT_CASE_LIST_SORT, caseListHref, type CaseListColumn, type CaseListQuery } from "@/lib/cases/list-schemas";
import { caseColumns, selectionColumn, SORT_KEY_OF_COLUMN, type CaseRowSelection } from "./case-columns";
import styles from "./case-list.module.css";

function caseRowId(row: CaseListRow): string {
  return row.id;
}

function caseRowTestId(row: CaseListRow): string {
  return `case-row-${row.caseNumber}`;
}

function isCaseListColumn(id: string): id is CaseListColumn {
  return (CASE_LIST_COLUMNS as readonly string[]).includes(id);
}

/**
 * One page of the case list, sorted by the server: headers link to the URL of the next order. With
 * `selection`, a first column of checkboxes (one per row, and one for the whole page) for the batch actions.
 */
export function CaseTable({
  rows,
  query,
  emptyMessage,
  selection,
}: {
  rows: CaseListRow[];
  query: CaseListQuery;
  emptyMessage: string;
  selection?: CaseRowSelection;
}) {
  const columns = useMemo<ReadonlyArray<DataTableColumnDef<CaseListRow>>>(
    () => (selection ? [selectionColumn(selection), ...caseColumns] : caseColumns),
    [selection],
  );
  const sorting = useMemo<SortingState>(() => {
    const columnId = Object.entries(SORT_KEY_OF_COLUMN).find(([, sortKey]) => sortKey === query.sort.id)?.[0];
    return columnId ? [{ id: columnId, desc: query.sort.desc }] : [];
  }, [query.sort]);

  const columnVisibility = useMemo<ColumnVisibilityState>(
    () => Object.fromEntries(CASE_LIST_COLUMNS.map((column) => [column, query.columns.includes(column)])),
    [query.columns],
  );

  function sortHref(next: SortingState): string {
    const [first] = next;
    const sortKey = first && isCaseListColumn(first.id) ? SORT_KEY_OF_COLUMN[first.id] : undefined;
    // Removing the sort returns to the default order (newest receipt first).
    const sort = sortKey && first ? { id: sortKey, desc: first.desc } : DEFAULT_CASE_LIST_SORT;
    return caseListHref({ ...query, sort, page: 1 });
  }

  return (
    <div className={styles.caseTable}>
      <DataTable
        columns={columns}
        data={rows}
        getRowId={caseRowId}
        getRowTestId={caseRowTestId}
        caption="案件台账"
        emptyMessage={emptyMessage}
        enableSorting
        manualSorting
        sorting={sorting}
        sortHref={sortHref}
        columnVisibility={columnVisibility}
      />
    </div>
  );
}
