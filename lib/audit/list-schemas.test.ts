import { describe, expect, it } from "vitest";
import { auditExportHref, auditLogHref, parseAuditLogQuery } from "./list-schemas";

describe("the audit page's URL", () => {
  it("reads filters, drops what does not fit and orders a backwards date range", () => {
    expect(parseAuditLogQuery(new URLSearchParams("user=cabc123&action=case_event.*&from=2026-12-31&to=2026-01-01&page=3"))).toEqual({
      page: 3,
      user: { userId: "cabc123" },
      action: "case_event.*",
      from: "2026-01-01",
      to: "2026-12-31",
    });
    expect(parseAuditLogQuery({ user: "system", action: "DROP TABLE", from: "2026-02-30", page: "-1" })).toEqual({ page: 1, user: "system" });
    expect(parseAuditLogQuery({ user: "", action: "" })).toEqual({ page: 1 });
  });

  it("writes the same filters back into links and the export, leaving defaults out", () => {
    const query = parseAuditLogQuery(new URLSearchParams("user=system&action=report.publish&from=2026-01-01"));
    expect(auditLogHref(query)).toBe("/settings/audit?user=system&action=report.publish&from=2026-01-01");
    expect(auditLogHref({ ...query, page: 2 })).toBe("/settings/audit?user=system&action=report.publish&from=2026-01-01&page=2");
    expect(auditExportHref(query, "xlsx")).toBe("/settings/audit/export?user=system&action=report.publish&from=2026-01-01&format=xlsx");
    expect(auditLogHref({ page: 1 })).toBe("/settings/audit");
  });
});
