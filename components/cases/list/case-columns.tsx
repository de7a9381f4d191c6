// Columns of the case list, rendered on the server by ServerDataTable (case-table.tsx). Sorting is done
// by the server: the sortable columns map to the sort keys of lib/cases/list-schemas.ts. The selection
// column's checkboxes are the only client components (case-selection.tsx).
import Link from "next/link";
import type { CaseListRow } from "@/lib/cases/queries";
import { CASE_LIST_COLUMN_LABELS, type CaseListColumn, type CaseListSortColumn } from "@/lib/cases/list-schemas";
import { APPLICANT_TYPE_LABELS, CHANNEL_LABELS, CLOCK_PHASE_LABELS, OUTCOME_LABELS } from "@/lib/cases/labels";
import { createDataTableColumnHelper } from "@/components/data-table/columns";
import { DueCell } from "./due-cell";
import { CaseSelectAllCheckbox, CaseSelectCheckbox } from "./case-selection";
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

/** The first column when batch actions are offered: a labelled checkbox per row and one for the page. */
export const caseSelectionColumn = column.display({
  id: "select",
  enableSorting: false,
  enableHiding: false,
  meta: { label: "选择", nowrap: true },
  header: () => <CaseSelectAllCheckbox />,
  cell: ({ row }) => <CaseSelectCheckbox id={row.original.id} caseNumber={row.original.caseNumber} />,
});
