import { describe, expect, it } from "vitest";
import { saveCaseFilterSchema, savedFilterQuerySchema } from "./schemas";

describe("a saved filter's query", () => {
  it("is kept canonical: the list's own order of parameters, no page, no defaults", () => {
    expect(savedFilterQuerySchema.parse("?page=4&handler=me&status=OPEN&pageSize=20")).toBe("status=OPEN&handler=me");
    expect(savedFilterQuerySchema.parse("")).toBe("");
  });

  it("refuses parameters the case list does not know, naming them", () => {
    const result = savedFilterQuerySchema.safeParse("status=OPEN&callback=x&callback=y");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("callback");
  });

  it("needs a name of at most 30 characters", () => {
    expect(saveCaseFilterSchema.safeParse({ name: " ", query: "" }).success).toBe(false);
    expect(saveCaseFilterSchema.safeParse({ name: "名".repeat(31), query: "" }).success).toBe(false);
    expect(saveCaseFilterSchema.parse({ name: " 我的逾期 ", query: "due=overdue" })).toEqual({ name: "我的逾期", query: "due=overdue" });
  });
});
