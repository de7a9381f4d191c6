// Results by name and the effective result of a lawsuit across its instances (rules.md §3).
import { describe, expect, it } from "vitest";
import {
  DISPOSITION_RESULTS,
  RECONSIDERATION_DISPOSITIONS,
  deriveLitigationResult,
  deriveReconsiderationResult,
  resultAsOf,
  type ProceedingInstanceFacts,
} from "./dispositions";

const filed = "2025-03-03";
const first = (disposition: ProceedingInstanceFacts["disposition"] = null, decidedOn: string | null = null): ProceedingInstanceFacts => ({
  level: "FIRST",
  filedOn: filed,
  disposition,
  decidedOn,
});
const appeal = (filedOn: string, disposition: ProceedingInstanceFacts["disposition"] = null, decidedOn: string | null = null): ProceedingInstanceFacts => ({
  level: "SECOND",
  filedOn,
  disposition,
  decidedOn,
});

describe("dispositions by name", () => {
  it("maps every name to the column rules.md §3 gives it", () => {
    expect(["UPHOLD", "DISMISS_RECONSIDERATION_CLAIMS", "DISMISS_LITIGATION_CLAIMS"].map((name) => DISPOSITION_RESULTS[name as "UPHOLD"])).toEqual([
      "UPHELD",
      "UPHELD",
      "UPHELD",
    ]);
    for (const name of ["REVOKE", "VARY", "CONFIRM_ILLEGAL", "ORDER_PERFORMANCE", "ORDER_NEW_REPLY"] as const) expect(DISPOSITION_RESULTS[name]).toBe("CORRECTED");
    for (const name of ["TERMINATE", "WITHDRAW", "REJECT_RECONSIDERATION_APPLICATION", "REJECT_SUIT", "MEDIATION", "SETTLEMENT"] as const) {
      expect(DISPOSITION_RESULTS[name]).toBe("OTHER");
    }
  });

  it("a reconsideration takes its decision's column and date; 驳回复议申请 is procedural", () => {
    expect(deriveReconsiderationResult("DISMISS_RECONSIDERATION_CLAIMS", "2025-05-06", filed)).toEqual({ ok: true, result: "UPHELD", decidedOn: "2025-05-06" });
    expect(deriveReconsiderationResult("REJECT_RECONSIDERATION_APPLICATION", "2025-05-06", filed)).toMatchObject({ result: "OTHER" });
    expect(deriveReconsiderationResult(null, null, filed)).toEqual({ ok: true, result: null, decidedOn: null });
    expect(deriveReconsiderationResult("REVOKE", null, filed)).toMatchObject({ ok: false, message: "请填写复议决定日期" });
    expect(deriveReconsiderationResult("REJECT_SUIT", "2025-05-06", filed)).toMatchObject({ ok: false });
    expect(RECONSIDERATION_DISPOSITIONS).not.toContain("REJECT_SUIT");
  });
});

describe("a lawsuit's effective result", () => {
  it("is the first-instance judgment when it is not appealed", () => {
    expect(deriveLitigationResult([first("REVOKE", "2025-06-10")], filed)).toEqual({ ok: true, result: "CORRECTED", decidedOn: "2025-06-10" });
  });

  it("is pending while an appeal is undecided, even when the appeal was filed after 31 Dec", () => {
    // Judgment 2025-12-20, appealed 2026-01-04 (within the 15 days): at 31 Dec 2025 it was not effective.
    const derived = deriveLitigationResult([first("DISMISS_LITIGATION_CLAIMS", "2025-12-20"), appeal("2026-01-04")], filed);
    expect(derived).toEqual({ ok: true, result: null, decidedOn: null });
    if (derived.ok) expect(resultAsOf(derived, "2025-12-31")).toBe("PENDING");
  });

  it("an appeal dismissed leaves the judgment below standing, decided on the appeal's date", () => {
    const derived = deriveLitigationResult([first("CONFIRM_ILLEGAL", "2025-09-01"), appeal("2025-09-10", "AFFIRM_ON_APPEAL", "2026-02-15")], filed);
    expect(derived).toEqual({ ok: true, result: "CORRECTED", decidedOn: "2026-02-15" });
    if (derived.ok) {
      expect(resultAsOf(derived, "2025-12-31")).toBe("PENDING");
      expect(resultAsOf(derived, "2026-12-31")).toBe("CORRECTED");
    }
  });

  it("an appeal that changes the judgment gives its own result", () => {
    expect(deriveLitigationResult([first("REVOKE", "2025-06-10"), appeal("2025-06-20", "DISMISS_LITIGATION_CLAIMS", "2025-10-09")], filed)).toMatchObject({
      result: "UPHELD",
      decidedOn: "2025-10-09",
    });
  });

  it("sent back, it waits for the new first instance", () => {
    const remanded = [first("DISMISS_LITIGATION_CLAIMS", "2025-05-01"), appeal("2025-05-10", "REMAND", "2025-08-01")];
    expect(deriveLitigationResult(remanded, filed)).toMatchObject({ result: null });
    expect(deriveLitigationResult([...remanded, { level: "FIRST", filedOn: "2025-08-20", disposition: "ORDER_NEW_REPLY", decidedOn: "2025-11-30" }], filed)).toMatchObject({
      result: "CORRECTED",
      decidedOn: "2025-11-30",
    });
  });

  it("a retrial leaves the effective judgment standing until it is decided", () => {
    const effective = [first("DISMISS_LITIGATION_CLAIMS", "2025-05-01")];
    const retrial: ProceedingInstanceFacts = { level: "RETRIAL", filedOn: "2026-01-10", disposition: null, decidedOn: null };
    expect(deriveLitigationResult([...effective, retrial], filed)).toMatchObject({ result: "UPHELD", decidedOn: "2025-05-01" });
    expect(deriveLitigationResult([...effective, { ...retrial, disposition: "REVOKE", decidedOn: "2026-06-01" }], filed)).toMatchObject({
      result: "CORRECTED",
      decidedOn: "2026-06-01",
    });
    expect(deriveLitigationResult([...effective, { ...retrial, disposition: "AFFIRM_ON_APPEAL", decidedOn: "2026-06-01" }], filed)).toMatchObject({
      result: "UPHELD",
      decidedOn: "2025-05-01",
    });
  });

  it("refuses instances that cannot follow each other, naming the instance", () => {
    expect(deriveLitigationResult([appeal("2025-04-01")], filed)).toMatchObject({ ok: false, instanceIndex: 0 });
    expect(deriveLitigationResult([first(), appeal("2025-04-01")], filed)).toMatchObject({ ok: false, message: expect.stringContaining("尚未裁判") });
    expect(deriveLitigationResult([first("REVOKE", "2025-06-10"), appeal("2025-06-01")], filed)).toMatchObject({ ok: false, instanceIndex: 1 });
    expect(deriveLitigationResult([first("AFFIRM_ON_APPEAL", "2025-06-10")], filed)).toMatchObject({ ok: false, message: expect.stringContaining("不是一审") });
    expect(deriveLitigationResult([first("REVOKE", null)], filed)).toMatchObject({ ok: false, message: expect.stringContaining("裁判日期") });
  });
});
