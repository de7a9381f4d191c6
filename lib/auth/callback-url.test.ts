import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it.each([
    "/cases",
    "/cases?status=OPEN&q=%E5%BE%8B%E5%B8%88",
    "/cases?q=律师事务所",
    "/settings/users/abc123",
    "/reports/2025/cells/applications.granted.total",
    "/cases?q=a//b",
  ])("keeps the same-site path %s", (path) => {
    expect(safeCallbackPath(path)).toBe(path);
  });

  it.each([
    "/.//evil.example/x",
    "//evil.example/x",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "%2F%2Fevil.example",
    "/%5Cevil.example",
    "/%252F%252Fevil.example",
    "/%25252F%25252Fevil.example",
    "/./x",
    "/a/../..//evil.example",
    "/%2e%2e//evil.example",
    "https://evil.example/x",
    "http:/evil.example",
    "javascript:alert(1)",
    "evil.example",
    "/\tevil",
    "/%09/evil.example",
    "/ /evil.example",
    "/%",
    "",
    "/login",
    "/login?callbackUrl=/cases",
    "/api/auth/signout",
  ])("sends %s home", (path) => {
    expect(safeCallbackPath(path)).toBe("/");
  });

  it("sends anything that is not a string home", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(["/cases"])).toBe("/");
    expect(safeCallbackPath(`/${"a".repeat(3000)}`)).toBe("/");
  });
});
