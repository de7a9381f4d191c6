// The case list's table rendered on the server: the rows in the database's order (never re-sorted
// here), only the columns of the URL's `columns=`, header links to the next order, and with
// `selectable` a labelled checkbox per row and one for the page.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CaseListRow } from "@/lib/cases/queries";
import { parseCaseListQuery } from "@/lib/cases/list-schemas";
import { CaseTable } from "./case-table";
import { CaseRowSelectionContext, type CaseRowSelection } from "./case-selection";

function row(id: string, caseNumber: string, applicantName: string, receivedOn: string): CaseListRow {
  return {
    id,
    caseNumber,
    receivedOn,
    applicantName,
    applicantType: "NATURAL_PERSON",
    channel: "ONLINE",
    requestContent: `申请公开 ${caseNumber} 的相关信息`,
    status: "OPEN",
    clockPhase: "RUNNING",
    dueOn: "2026-12-20",
    dueIsProvisional: false,
    due: { status: "ON_TRACK", workdaysLeft: 12 },
    closedOn: null,
    outcome: null,
    handlerName: null,
    voided: false,
    version: 1,
  };
}

// Deliberately not in any column's order: the table must keep it.
const rows = [row("c2", "GK-2026-2", "张三", "2026-11-02"), row("c10", "GK-2026-10", "艾伦", "2026-11-30"), row("c1", "GK-2026-1", "王五", "2026-11-15")];

const rowOrder = (html: string) => [...html.matchAll(/data-testid="case-row-([A-Z0-9-]+)"/g)].map((match) => match[1]);

function render(search: string, selection?: CaseRowSelection): string {
  const query = parseCaseListQuery(new URLSearchParams(search));
  const table = createElement(CaseTable, { rows, query, emptyMessage: "还没有登记案件", selectable: selection !== undefined });
  return renderToStaticMarkup(selection ? createElement(CaseRowSelectionContext.Provider, { value: selection }, table) : table);
}

describe("case table (server-rendered)", () => {
  it("keeps the database's order whatever column the list is sorted by", () => {
    expect(rowOrder(render(""))).toEqual(["GK-2026-2", "GK-2026-10", "GK-2026-1"]);
    expect(rowOrder(render("sort=applicantName.asc"))).toEqual(["GK-2026-2", "GK-2026-10", "GK-2026-1"]);
    expect(rowOrder(render("sort=caseNumber.desc"))).toEqual(["GK-2026-2", "GK-2026-10", "GK-2026-1"]);
  });

  it("shows only the chosen columns, 申请编号 always", () => {
    const all = render("");
    expect(all).toContain("申请人");
    expect(all).toContain("张三");
    const some = render("columns=receivedOn");
    expect(some).not.toContain("申请人");
    expect(some).not.toContain("张三");
    expect(some).toContain("2026-11-02");
    expect(some).toContain('data-testid="case-link-GK-2026-2"');
  });

  it("marks the sorted header and links each sortable header to its next order", () => {
    const html = render("sort=applicantName.asc");
    expect(html).toMatch(/<th[^>]*aria-sort="ascending"[^>]*><a[^>]*href="\/cases\?[^"]*sort=applicantName\.desc/);
    expect(html.match(/aria-sort="none"/g)?.length).toBeGreaterThan(0);
  });

  it("offers a labelled checkbox per row and one for the page only when selectable", () => {
    expect(render("")).not.toContain('type="checkbox"');
    const selection: CaseRowSelection = { selectedIds: new Set(["c10"]), pageIds: rows.map((r) => r.id), toggle: () => {}, toggleAll: () => {} };
    const html = render("", selection);
    expect(html).toContain('aria-label="选择本页全部案件"');
    for (const { caseNumber } of rows) expect(html).toContain(`aria-label="选择案件 ${caseNumber}"`);
    expect(html).toMatch(/<input type="checkbox" aria-label="选择案件 GK-2026-10" data-testid="case-select-GK-2026-10" checked=""/);
    expect(html).not.toMatch(/data-testid="case-select-GK-2026-2" checked/);
  });
});
