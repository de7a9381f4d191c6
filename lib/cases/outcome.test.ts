import { describe, expect, it } from "vitest";
import { deriveReportedOutcome } from "./outcome";

const item = (disposition: Parameters<typeof deriveReportedOutcome>[0][number]["disposition"], leading = false) => ({
  description: "事项",
  disposition,
  leading,
});

describe("deriveReportedOutcome", () => {
  it("is 部分公开 when one item is disclosed and another is not", () => {
    expect(deriveReportedOutcome([item("GRANTED"), item("WITHHELD_STATE_SECRET")])).toEqual({ ok: true, outcome: "PARTIALLY_GRANTED" });
    expect(deriveReportedOutcome([item("GRANTED"), item("UNAVAILABLE_NOT_HELD")])).toEqual({ ok: true, outcome: "PARTIALLY_GRANTED" });
  });

  it("is 部分公开 for a single redacted item", () => {
    expect(deriveReportedOutcome([item("PARTIALLY_GRANTED")])).toEqual({ ok: true, outcome: "PARTIALLY_GRANTED" });
  });

  it("is the shared disposition when all items agree", () => {
    expect(deriveReportedOutcome([item("GRANTED"), item("GRANTED")])).toEqual({ ok: true, outcome: "GRANTED" });
    expect(deriveReportedOutcome([item("NOT_PROCESSED_REPEAT")])).toEqual({ ok: true, outcome: "NOT_PROCESSED_REPEAT" });
  });

  it("takes the leading disposition when none was disclosed and they differ", () => {
    expect(deriveReportedOutcome([item("UNAVAILABLE_NOT_HELD"), item("WITHHELD_INTERNAL_AFFAIRS", true)])).toEqual({
      ok: true,
      outcome: "WITHHELD_INTERNAL_AFFAIRS",
    });
  });

  it("asks for a leading disposition when none is marked", () => {
    const result = deriveReportedOutcome([item("UNAVAILABLE_NOT_HELD"), item("WITHHELD_INTERNAL_AFFAIRS")]);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toContain("主要处理结果");
  });

  it("refuses an empty decision", () => {
    expect(deriveReportedOutcome([]).ok).toBe(false);
  });
});
