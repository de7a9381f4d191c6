import { describe, it, expect } from "vitest";
import { formatSortParam, parseSortParam } from "./sorting";

const SORTABLE = ["receivedOn", "dueOn", "applicant.name"] as const;

describe("parseSortParam", () => {
  it("reads one column and its direction", () => {
    expect(parseSortParam("receivedOn.desc", SORTABLE)).toEqual([{ id: "receivedOn", desc: true }]);
    expect(parseSortParam("dueOn.asc", SORTABLE)).toEqual([{ id: "dueOn", desc: false }]);
  });

  it("reads several columns in order", () => {
    expect(parseSortParam("dueOn.asc,receivedOn.desc", SORTABLE)).toEqual([
      { id: "dueOn", desc: false },
      { id: "receivedOn", desc: true },
    ]);
  });

  it("splits on the last dot, so column ids may contain dots", () => {
    expect(parseSortParam("applicant.name.asc", SORTABLE)).toEqual([{ id: "applicant.name", desc: false }]);
  });

  it("gives [] for an absent or empty parameter", () => {
    expect(parseSortParam(undefined, SORTABLE)).toEqual([]);
    expect(parseSortParam(null, SORTABLE)).toEqual([]);
    expect(parseSortParam("", SORTABLE)).toEqual([]);
  });

  it("takes the first value when the parameter is repeated", () => {
    expect(parseSortParam(["dueOn.desc", "receivedOn.asc"], SORTABLE)).toEqual([{ id: "dueOn", desc: true }]);
  });

  it("drops unknown columns, bad directions, malformed entries and repeats", () => {
    expect(parseSortParam("passwordHash.asc", SORTABLE)).toEqual([]);
    expect(parseSortParam("receivedOn.up", SORTABLE)).toEqual([]);
    expect(parseSortParam("receivedOn", SORTABLE)).toEqual([]);
    expect(parseSortParam(".desc", SORTABLE)).toEqual([]);
    expect(parseSortParam("toString.asc,constructor.desc", SORTABLE)).toEqual([]);
    expect(parseSortParam("dueOn.asc,dueOn.desc,,x.asc,receivedOn.desc", SORTABLE)).toEqual([
      { id: "dueOn", desc: false },
      { id: "receivedOn", desc: true },
    ]);
  });
});

describe("formatSortParam", () => {
  it("writes columns and directions, comma-separated", () => {
    expect(formatSortParam([{ id: "receivedOn", desc: true }])).toBe("receivedOn.desc");
    expect(formatSortParam([{ id: "dueOn", desc: false }, { id: "receivedOn", desc: true }])).toBe("dueOn.asc,receivedOn.desc");
  });

  it("gives undefined for no sorting", () => {
    expect(formatSortParam([])).toBeUndefined();
  });

  it("round-trips through parseSortParam", () => {
    const sorting = [{ id: "applicant.name", desc: true }, { id: "dueOn", desc: false }];
    expect(parseSortParam(formatSortParam(sorting), SORTABLE)).toEqual(sorting);
  });
});
