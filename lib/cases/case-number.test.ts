import { describe, expect, it } from "vitest";
import { checkCaseNumberPattern, DEFAULT_CASE_NUMBER_PATTERN, formatCaseNumber } from "./case-number";

describe("case numbers", () => {
  it("formats the default pattern like the sample ledger", () => {
    expect(formatCaseNumber(DEFAULT_CASE_NUMBER_PATTERN, { prefix: "GK", year: 2024, sequence: 42 })).toBe("GK-2024-000042");
  });

  it("formats a bureau's own pattern", () => {
    expect(formatCaseNumber("{前缀}公开〔{年}〕{序号}号", { prefix: "司", year: 2026, sequence: 7 })).toBe("司公开〔2026〕7号");
  });

  it("does not truncate a sequence longer than the width", () => {
    expect(formatCaseNumber("{年}-{序号:2}", { prefix: "", year: 2026, sequence: 1234 })).toBe("2026-1234");
  });

  it("accepts a pattern with year and sequence and refuses others", () => {
    expect(checkCaseNumberPattern(DEFAULT_CASE_NUMBER_PATTERN)).toBeNull();
    expect(checkCaseNumberPattern("{前缀}-{序号}")).toContain("{年}");
    expect(checkCaseNumberPattern("{年}-{编号}")).not.toBeNull();
  });
});
