// Columns of the case list (client module: the cells are render functions). Sorting is done by the
// server: the sortable columns map to the sort keys of lib/cases/list-schemas.ts.
import { Link } from "@/components/link";
import type { CaseListRow } from "@/lib/cases/queries";
import { CASE_LIST_COLUMN_LABELS, type CaseListColumn, type CaseListSortColumn } from "@/lib/cases/list-schemas";
import { APPLICANT_TYPE_LABELS, CHANNEL_LABELS, CLOCK_PHASE_LABELS, OUTCOME_LABELS } from "@/lib/cases/labels";
import { createDataTableColumnHelper } from "@/components/data-table/columns";
import { DueCell } from "./due-cell";
import styles from "./case-list.module.css";

const column = createDataTableColumnHelper<CaseListRow>();

/** The server sort key behind each sortable column. */
export const SORT_KEY_OF_COLUMN: Partial<Record<CaseListColumn, CaseListSortColumn>> = {
  caseNumber: "caseNumber",
  receivedOn: "receivedOn",
  applicant: "applicantName",
  dueOn: "dueOn",
  closedOn: "closedOn",
};

export function caseHref(applicationId: string): string {
  return `/cases/${encodeURIComponent(applicationId)}`;
}

const header = (id: CaseListColumn) => CASE_LIST_COLUMN_LABELS[id];
const empty = <span className="muted">—</span>;

export const caseColumns = column.columns([
  column.accessor("caseNumber", {
    id: "caseNumber",
    header: header("caseNumber"),
    enableHiding: false,
    meta: { nowrap: true },
    cell: ({ row }) => (
      <Link href={caseHref(row.original.id)} data-testid={`case-link-${row.original.caseNumber}`}>
        {row.original.caseNumber}
      </Link>
    ),
  }),
  column.accessor("receivedOn", { id: "receivedOn", header: header("receivedOn"), sortDescFirst: true, meta: { nowrap: true } }),
  column.accessor("applicantName", {
    id: "applicant",
    header: header("applicant"),
    cell: ({ row }) => (
      <div className={styles.applicant}>
        <span>{row.original.applicantName}</span>
        <span className={styles.secondary}>{APPLICANT_TYPE_LABELS[row.original.applicantType]}</span>
      </div>
    ),
  }),
  column.accessor("channel", {
    id: "channel",
    header: header("channel"),
    enableSorting: false,
    meta: { nowrap: true },
    cell: ({ row }) => CHANNEL_LABELS[row.original.channel],
  }),
  column.accessor("requestContent", {
    id: "requestContent",
    header: header("requestContent"),
    enableSorting: false,
    cell: ({ row }) => (
      <span className={styles.content} title={row.original.requestContent}>
        {row.original.requestContent}
      </span>
    ),
  }),
  column.accessor("clockPhase", {
    id: "phase",
    header: header("phase"),
    enableSorting: false,
    meta: { nowrap: true },
    cell: ({ row }) =>
      row.original.voided ? (
        <span className="badge danger" data-testid="case-row-voided">
          已作废
        </span>
      ) : (
        CLOCK_PHASE_LABELS[row.original.clockPhase]
      ),
  }),
  column.accessor("dueOn", {
    id: "dueOn",
    header: header("dueOn"),
    meta: { nowrap: true },
    cell: ({ row }) => <DueCell row={row.original} />,
  }),
  column.accessor("closedOn", {
    id: "closedOn",
    header: header("closedOn"),
    sortDescFirst: true,
    meta: { nowrap: true },
    cell: ({ row }) => row.original.closedOn ?? empty,
  }),
  column.accessor("outcome", {
    id: "outcome",
    header: header("outcome"),
    enableSorting: false,
    cell: ({ row }) => {
      const outcome = row.original.outcome;
      if (!outcome) return empty;
      return (
        <span className={styles.outcome} title={OUTCOME_LABELS[outcome]}>
          {OUTCOME_LABELS[outcome]}
        </span>
      );
    },
  }),
  column.accessor("handlerName", {
    id: "handler",
    header: header("handler"),
    enableSorting: false,
    meta: { nowrap: true },
    cell: ({ row }) => row.original.handlerName ?? <span className="muted">未分配</span>,
  }),
]);

/** The rows ticked for a batch action (this page only), and how the checkboxes change them. */
export interface CaseRowSelection {
  selectedIds: ReadonlySet<string>;
  toggle: (row: CaseListRow, checked: boolean) => void;
  /** Ticks (or clears) every row of the page. */
  toggleAll: (checked: boolean) => void;
  /** Rows of the page (for the header checkbox's state). */
  pageIds: readonly string[];
}

/** The first column when batch actions are offered: a labelled checkbox per row and one for the page. */
export function selectionColumn(selection: CaseRowSelection) {
  const { selectedIds, pageIds } = selection;
  const selectedOnPage = pageIds.filter((id) => selectedIds.has(id)).length;
  const allSelected = pageIds.length > 0 && selectedOnPage === pageIds.length;
  return column.display({
    id: "select",
    enableSorting: false,
    enableHiding: false,
    meta: { label: "选择", nowrap: true },
    header: () => (
      <input
        type="checkbox"
        aria-label="选择本页全部案件"
        data-testid="case-select-all"
        checked={allSelected}
        ref={(element) => {
          if (element) element.indeterminate = selectedOnPage > 0 && !allSelected;
        }}
        disabled={pageIds.length === 0}
        onChange={(event) => selection.toggleAll(event.currentTarget.checked)}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`选择案件 ${row.original.caseNumber}`}
        data-testid={`case-select-${row.original.caseNumber}`}
        checked={selectedIds.has(row.original.id)}
        onChange={(event) => selection.toggle(row.original, event.currentTarget.checked)}
      />
    ),
  });
}
