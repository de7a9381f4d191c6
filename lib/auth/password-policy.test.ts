import { describe, expect, it } from "vitest";
import { isCommonPassword, passwordProblem } from "./password-policy";

describe("password policy", () => {
  it.each(["Clerk-demo-2026", "Zhaoxin-pass-1", "Gongkai-2026-secret", "wq7-Lantern-grid-19"])("accepts %s", (password) => {
    expect(passwordProblem(password, "zhao.xin")).toBeNull();
  });

  it.each([
    ["Short-1", "密码至少 12 位"],
    ["only-letters-here", "密码须同时包含字母和数字"],
    ["123456789012", "密码须同时包含字母和数字"],
    ["zhao.xin-2026-pass", "密码不能包含用户名"],
    ["Password2026!", "该密码过于常见，容易被猜中，请换一个"],
    ["1qaz2wsx3edc", "该密码过于常见，容易被猜中，请换一个"],
    ["Woaini1314!!", "该密码过于常见，容易被猜中，请换一个"],
    ["qwertyuiop12", "该密码过于常见，容易被猜中，请换一个"],
    ["a123456789", "密码至少 12 位"],
  ])("refuses %s: %s", (password, message) => {
    expect(passwordProblem(password, "zhao.xin")).toBe(message);
  });

  it("reads the bundled list, English and Chinese, whatever the case", () => {
    expect(isCommonPassword("DRAGON")).toBe(true);
    expect(isCommonPassword("woaini1314")).toBe(true);
    expect(isCommonPassword("Xq-Lantern-7")).toBe(false);
  });
});
