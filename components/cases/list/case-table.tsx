// One page of the case list, rendered on the server (ServerDataTable, ADR 0094/0089): the rows arrive
// sorted by the server and headers link to the URL of the next order; the visible columns are the
// URL's `columns=` (the 显示列 form writes it). With `selectable`, a first column of checkboxes (one per
// row, and one for the whole page) for the batch actions: the only part of the table that runs in the
// browser (case-selection.tsx), inside <CaseListWithBatchActions>.
import type { ColumnVisibilityState, SortingState } from "@tanstack/table-core";
import { ServerDataTable } from "@/components/data-table/server-data-table";
import type { CaseListRow } from "@/lib/cases/queries";
import { CASE_LIST_COLUMNS, DEFAULT_CASE_LIST_SORT, caseListHref, type CaseListColumn, type CaseListQuery } from "@/lib/cases/list-schemas";
import { caseColumns, caseSelectionColumn, SORT_KEY_OF_COLUMN } from "./case-columns";
import styles from "./case-list.module.css";

const selectableCaseColumns = [caseSelectionColumn, ...caseColumns];

function caseRowId(row: CaseListRow): string {
  return row.id;
}

function caseRowTestId(row: CaseListRow): string {
  return `case-row-${row.caseNumber}`;
}

function isCaseListColumn(id: string): id is CaseListColumn {
  return (CASE_LIST_COLUMNS as readonly string[]).includes(id);
}

export function CaseTable({
  rows,
  query,
  emptyMessage,
  selectable,
}: {
  rows: CaseListRow[];
  query: CaseListQuery;
  emptyMessage: string;
  selectable: boolean;
}) {
  const columnId = Object.entries(SORT_KEY_OF_COLUMN).find(([, sortKey]) => sortKey === query.sort.id)?.[0];
  const sorting: SortingState = columnId ? [{ id: columnId, desc: query.sort.desc }] : [];
  const columnVisibility: ColumnVisibilityState = Object.fromEntries(CASE_LIST_COLUMNS.map((column) => [column, query.columns.includes(column)]));

  function sortHref(next: SortingState): string {
    const [first] = next;
    const sortKey = first && isCaseListColumn(first.id) ? SORT_KEY_OF_COLUMN[first.id] : undefined;
    // Removing the sort returns to the default order (newest receipt first).
    const sort = sortKey && first ? { id: sortKey, desc: first.desc } : DEFAULT_CASE_LIST_SORT;
    return caseListHref({ ...query, sort, page: 1 });
  }

  return (
    <div className={styles.caseTable}>
      <ServerDataTable
        columns={selectable ? selectableCaseColumns : caseColumns}
        data={rows}
        getRowId={caseRowId}
        getRowTestId={caseRowTestId}
        caption="案件台账"
        emptyMessage={emptyMessage}
        sorting={sorting}
        manualSorting
        sortHref={sortHref}
        columnVisibility={columnVisibility}
      />
    </div>
  );
}
