import { describe, expect, it } from "vitest";
import { formatSortParam, parseSortParam } from "./sorting";

const COLUMNS = ["username", "role", "lastLoginAt"];

describe("sort parameter", () => {
  it("reads a sortable column and its direction", () => {
    expect(parseSortParam("role.desc", COLUMNS)).toEqual([{ id: "role", desc: true }]);
    expect(parseSortParam(["username.asc", "role.desc"], COLUMNS)).toEqual([{ id: "username", desc: false }]);
  });

  it("gives no sorting for a column that is not sortable or a malformed value", () => {
    for (const value of ["actions.asc", "role", "role.up", ".asc", "", undefined, null]) expect(parseSortParam(value, COLUMNS)).toEqual([]);
  });

  it("writes what it reads", () => {
    for (const value of ["role.desc", "lastLoginAt.asc"]) expect(formatSortParam(parseSortParam(value, COLUMNS))).toBe(value);
    expect(formatSortParam([])).toBeNull();
  });
});
