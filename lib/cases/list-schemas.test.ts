import { describe, expect, it } from "vitest";
import {
  CASE_LIST_COLUMNS,
  DEFAULT_CASE_LIST_QUERY,
  caseExportHref,
  caseListHref,
  ignoredCaseListFilters,
  parseCaseListQuery,
} from "./list-schemas";

describe("parseCaseListQuery", () => {
  it("gives the default list for no parameters", () => {
    expect(parseCaseListQuery({})).toEqual(DEFAULT_CASE_LIST_QUERY);
    expect(parseCaseListQuery(new URLSearchParams())).toEqual(DEFAULT_CASE_LIST_QUERY);
  });

  it("reads every parameter", () => {
    const query = parseCaseListQuery(
      new URLSearchParams(
        "page=3&pageSize=50&sort=dueOn.asc&q=%20张伟%20&status=OPEN&phase=CONSULTING&applicantType=LEGAL_SERVICE_ORG&channel=EMAIL" +
          "&outcome=WITHHELD_STATE_SECRET&receivedFrom=2024-01-01&receivedTo=2024-12-31&closedFrom=2024-02-01&closedTo=2024-03-01" +
          "&due=overdue&handler=me&columns=receivedOn,dueOn",
      ),
    );
    expect(query).toEqual({
      page: 3,
      pageSize: 50,
      sort: { id: "dueOn", desc: false },
      q: "张伟",
      status: "OPEN",
      phase: "CONSULTING",
      applicantType: "LEGAL_SERVICE_ORG",
      channel: "EMAIL",
      outcome: "WITHHELD_STATE_SECRET",
      receivedFrom: "2024-01-01",
      receivedTo: "2024-12-31",
      closedFrom: "2024-02-01",
      closedTo: "2024-03-01",
      due: "overdue",
      handler: "me",
      columns: ["caseNumber", "receivedOn", "dueOn"],
    });
  });

  it("drops every invalid value instead of failing", () => {
    const query = parseCaseListQuery({
      page: "-1",
      pageSize: "30",
      sort: "passwordHash.asc",
      q: "x".repeat(101),
      status: "DELETED",
      phase: "closed",
      applicantType: "__proto__",
      channel: "",
      outcome: "GRANTED'; DROP TABLE",
      receivedFrom: "2024-02-30",
      receivedTo: "yesterday",
      closedFrom: "1899-01-01",
      due: "later",
      handler: "a b",
      columns: "toString,constructor",
    });
    expect(query).toEqual(DEFAULT_CASE_LIST_QUERY);
  });

  it("turns control characters in the search into spaces", () => {
    expect(parseCaseListQuery({ q: "张\u0000伟\n" }).q).toBe("张 伟");
    expect(parseCaseListQuery({ q: "\u0000\t" }).q).toBeUndefined();
  });

  it("accepts 'none' and a user id as the handler", () => {
    expect(parseCaseListQuery({ handler: "none" }).handler).toBe("none");
    expect(parseCaseListQuery({ handler: "cmwr113070000k47db8wmnxyx" }).handler).toEqual({ userId: "cmwr113070000k47db8wmnxyx" });
  });

  it("takes the first of a repeated parameter, but joins repeated columns (one per ticked checkbox)", () => {
    const query = parseCaseListQuery(new URLSearchParams("status=CLOSED&status=OPEN&columns=caseNumber&columns=outcome&columns=handler"));
    expect(query.status).toBe("CLOSED");
    expect(query.columns).toEqual(["caseNumber", "outcome", "handler"]);
    expect(parseCaseListQuery({ columns: ["dueOn", "closedOn"] }).columns).toEqual(["caseNumber", "dueOn", "closedOn"]);
  });

  it("always shows 申请编号, and shows every column when none is known", () => {
    expect(parseCaseListQuery({ columns: "caseNumber" }).columns).toEqual(["caseNumber"]);
    expect(parseCaseListQuery({ columns: "outcome" }).columns).toEqual(["caseNumber", "outcome"]);
    expect(parseCaseListQuery({ columns: "nonsense" }).columns).toEqual([...CASE_LIST_COLUMNS]);
  });
});

describe("caseListHref", () => {
  it("leaves out every default", () => {
    expect(caseListHref(DEFAULT_CASE_LIST_QUERY)).toBe("/cases");
    expect(caseListHref({ ...DEFAULT_CASE_LIST_QUERY, columns: [...CASE_LIST_COLUMNS].reverse() })).toBe("/cases");
  });

  it("round-trips through parseCaseListQuery", () => {
    const href = "/cases?q=%E6%8B%86%E8%BF%81+50%25&status=OPEN&receivedFrom=2024-01-01&due=soon&handler=none&sort=dueOn.asc&pageSize=100&columns=caseNumber%2CdueOn&page=2";
    const query = parseCaseListQuery(new URL(href, "http://localhost").searchParams);
    expect(query).toMatchObject({ q: "拆迁 50%", status: "OPEN", due: "soon", handler: "none", page: 2, pageSize: 100 });
    expect(caseListHref(query)).toBe(href);
    expect(caseListHref({ ...query, handler: { userId: "u1" } })).toContain("handler=u1");
  });

  it("builds the export link from the filters and the order, without page or columns", () => {
    const query = parseCaseListQuery({ status: "CLOSED", sort: "closedOn.desc", page: "4", columns: "dueOn" });
    expect(caseExportHref(query, "xlsx")).toBe("/cases/export?status=CLOSED&sort=closedOn.desc&format=xlsx");
    expect(caseExportHref(DEFAULT_CASE_LIST_QUERY, "csv")).toBe("/cases/export?format=csv");
  });
});

describe("ignoredCaseListFilters", () => {
  it("names the filters the list dropped, with what the address held", () => {
    const params = new URLSearchParams(`receivedFrom=2025-13-45&receivedTo=2025-12-31&status=MAYBE&handler=${"x".repeat(41)}&q=${"长".repeat(300)}&closedTo=2025-02-30`);
    const query = parseCaseListQuery(params);
    expect(query).toMatchObject({ receivedTo: "2025-12-31" });
    expect(query).not.toHaveProperty("receivedFrom");
    expect(query).not.toHaveProperty("status");
    expect(ignoredCaseListFilters(params)).toEqual([
      "搜索“长长长长长长长长长长长长长长长长长长长长…”",
      "办理状态“MAYBE”",
      "收到日期起“2025-13-45”",
      "办结日期止“2025-02-30”",
      `经办人“${"x".repeat(20)}…”`,
    ]);
  });

  it("names nothing for valid, empty or blank filters and for the list's other parameters", () => {
    expect(ignoredCaseListFilters(new URLSearchParams("q=%20%20&status=&receivedFrom=2025-01-01&handler=me&page=abc&sort=nonsense&voided=1"))).toEqual([]);
    expect(ignoredCaseListFilters({ status: ["", "OPEN"], due: undefined })).toEqual([]);
    expect(ignoredCaseListFilters({ voided: "yes" })).toEqual(["已作废“yes”"]);
  });
});
