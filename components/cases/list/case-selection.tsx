"use client";

// The rows ticked for a batch action (this page only), shared by the batch bar (case-batch-actions.tsx)
// and the checkboxes the server-rendered table (case-table.tsx) puts in its first column: the table
// itself is HTML from the server, only these checkboxes and the bar run in the browser.
import { createContext, useContext } from "react";

export interface CaseRowSelection {
  selectedIds: ReadonlySet<string>;
  /** Rows of the page (for the header checkbox's state). */
  pageIds: readonly string[];
  toggle: (id: string, checked: boolean) => void;
  /** Ticks (or clears) every row of the page. */
  toggleAll: (checked: boolean) => void;
}

export const CaseRowSelectionContext = createContext<CaseRowSelection | null>(null);

function useCaseRowSelection(): CaseRowSelection {
  const selection = useContext(CaseRowSelectionContext);
  if (!selection) throw new Error("A case checkbox is rendered outside the batch actions.");
  return selection;
}

/** The header's checkbox: the whole page (indeterminate when some rows are ticked). */
export function CaseSelectAllCheckbox() {
  const { selectedIds, pageIds, toggleAll } = useCaseRowSelection();
  const selectedOnPage = pageIds.filter((id) => selectedIds.has(id)).length;
  const allSelected = pageIds.length > 0 && selectedOnPage === pageIds.length;
  return (
    <input
      type="checkbox"
      aria-label="选择本页全部案件"
      data-testid="case-select-all"
      checked={allSelected}
      ref={(element) => {
        if (element) element.indeterminate = selectedOnPage > 0 && !allSelected;
      }}
      disabled={pageIds.length === 0}
      onChange={(event) => toggleAll(event.currentTarget.checked)}
    />
  );
}

/** One row's checkbox, named by its case number for screen readers. */
export function CaseSelectCheckbox({ id, caseNumber }: { id: string; caseNumber: string }) {
  const { selectedIds, toggle } = useCaseRowSelection();
  return (
    <input
      type="checkbox"
      aria-label={`选择案件 ${caseNumber}`}
      data-testid={`case-select-${caseNumber}`}
      checked={selectedIds.has(id)}
      onChange={(event) => toggle(id, event.currentTarget.checked)}
    />
  );
}
