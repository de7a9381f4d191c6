import { describe, expect, it } from "vitest";
import { TemplateError, checkTextTemplate, fillTextTemplate, templatePlaceholders } from "./text";

const allowed = new Set(["申请人", "代理人", "收到申请日期"]);

describe("text templates", () => {
  it("fills placeholders and shows a section only when its value is set", () => {
    const template = "{申请人}：{#代理人}（委托代理人{代理人}）{/代理人}{^代理人}（本人申请）{/代理人}于{收到申请日期}提出申请。";
    expect(fillTextTemplate(template, { 申请人: "张三", 代理人: "李律师", 收到申请日期: "2026年3月2日" }, allowed)).toBe(
      "张三：（委托代理人李律师）于2026年3月2日提出申请。",
    );
    expect(fillTextTemplate(template, { 申请人: "张三", 代理人: "", 收到申请日期: "2026年3月2日" }, allowed)).toBe("张三：（本人申请）于2026年3月2日提出申请。");
    expect(templatePlaceholders(template)).toEqual(["申请人", "代理人", "收到申请日期"]);
  });

  it("reports every problem in Chinese and refuses to fill a template that has one", () => {
    expect(checkTextTemplate("{申请人}{#代理人}…", allowed).map((problem) => problem.message)).toEqual(["条件段“{#代理人}”缺少结束标记“{/代理人}”"]);
    expect(checkTextTemplate("申请人}", allowed).map((problem) => problem.message)).toEqual(["“申请人}”缺少左花括号“{”"]);
    expect(checkTextTemplate("{身份证}", allowed)).toEqual([{ placeholder: "身份证", message: "没有名为“身份证”的占位符" }]);
    expect(() => fillTextTemplate("{身份证}", {}, allowed)).toThrow(TemplateError);
  });
});
