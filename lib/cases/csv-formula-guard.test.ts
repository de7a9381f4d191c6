import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { guardCsvFormula, unguardCsvFormula } from "./csv-formula-guard";

describe("CSV formula guard", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ['=HYPERLINK("http://evil.example","点击")', `'=HYPERLINK("http://evil.example","点击")`],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["+8613800000000", "'+8613800000000"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["'=1", "''=1"],
  ])("neutralizes %j", (value, guarded) => {
    expect(guardCsvFormula(value)).toBe(guarded);
    expect(unguardCsvFormula(guarded)).toBe(value);
  });

  it.each(["陈晓明", "2026-03-02", "'quoted", "1+1", "a=b", ""])("leaves %j alone", (value) => {
    expect(guardCsvFormula(value)).toBe(value);
    expect(unguardCsvFormula(value)).toBe(value);
  });

  it("round-trips every string", () => {
    fc.assert(fc.property(fc.string(), (value) => unguardCsvFormula(guardCsvFormula(value)) === value));
    fc.assert(
      fc.property(fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'"), fc.string(), (start, rest) => unguardCsvFormula(guardCsvFormula(start + rest)) === start + rest),
    );
  });

  it("never writes a cell that a spreadsheet would run", () => {
    fc.assert(fc.property(fc.string(), (value) => !/^[=+\-@\t\r]/.test(guardCsvFormula(value))));
  });
});
