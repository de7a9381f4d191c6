import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { PERMISSIONS, assertCan, can, type Permission } from "./permissions";

describe("the permission table", () => {
  it("gives a clerk the case work and nothing a manager or an administrator decides", () => {
    const clerk = { role: "CLERK" as const };
    const granted = (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => can(clerk, permission));
    expect(granted.sort()).toEqual(["calendar:read", "case:work"]);
  });

  it("lets a manager publish the report but not manage accounts; an administrator both", () => {
    expect(can({ role: "MANAGER" }, "report:publish")).toBe(true);
    expect(can({ role: "MANAGER" }, "users:manage")).toBe(false);
    expect(can({ role: "ADMIN" }, "report:publish")).toBe(true);
    expect(can({ role: "ADMIN" }, "users:manage")).toBe(true);
  });

  it("lets an operator read the calendar and touch no organization's record", () => {
    const granted = (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => can({ role: "OPERATOR" }, permission));
    expect(granted).toEqual(["calendar:read"]);
  });

  it("refuses with FORBIDDEN", () => {
    expect(() => assertCan({ role: "CLERK" }, "case:void")).toThrow(AppError);
    expect(() => assertCan({ role: "CLERK" }, "case:void")).toThrow("您的角色无权执行此操作");
    expect(() => assertCan({ role: "MANAGER" }, "case:void")).not.toThrow();
  });
});
