import { describe, expect, it } from "vitest";
import { createWorkCalendar } from "../calendar/workdays";
import { statutoryHolidaysOf } from "../calendar/statutory-holidays";
import { OUTCOMES } from "../cases/labels";
import { checkTextTemplate, fillTextTemplate } from "../templating/text";
import { DEFAULT_VARIANT, LETTER_KINDS, LETTER_PLACEHOLDER_NAMES, SAMPLE_LETTER_VALUES, letterVariants } from "./definitions";
import { builtInLetterTemplate, remediesSentence } from "./templates";
import { chineseDate } from "../calendar/dates";
import { letterValues, quotedRequestContent, type LetterCase } from "./values";

const letterhead = { fullName: "示例市司法局", address: "人民路1号", postalCode: "100000", telephone: "010-1", reviewOrgan: "示例市人民政府", court: "示例市中级人民法院" };
const letterCase: LetterCase = {
  caseNumber: "GK-2026-000001",
  receivedOn: "2026-03-02",
  channel: "IN_PERSON",
  applicantName: "陈晓明",
  applicantAddress: null,
  applicantContact: null,
  agentName: null,
  requestContent: "2025年度律师事务所年度考核结果",
  dueOn: "2026-03-30",
  outcome: null,
  correctionRequestedOn: null,
  correctionDeadlineOn: null,
  feeNoticeOn: null,
};

describe("the built-in letters", () => {
  it("exist for every kind, and a 答复书 for each of the 21 outcome leaves, all with known placeholders", () => {
    const templates = LETTER_KINDS.flatMap((kind) => letterVariants(kind).map((variant) => ({ kind, variant, ...builtInLetterTemplate(kind, variant) })));
    expect(templates.filter((template) => template.kind === "DECISION")).toHaveLength(OUTCOMES.length);
    for (const template of templates) {
      expect(checkTextTemplate(template.body, LETTER_PLACEHOLDER_NAMES), `${template.kind}/${template.variant}`).toEqual([]);
      expect(fillTextTemplate(template.body, SAMPLE_LETTER_VALUES, LETTER_PLACEHOLDER_NAMES)).not.toContain("{");
    }
  });

  it("state their legal basis, and a 答复书 the remedies", () => {
    for (const outcome of OUTCOMES) {
      const { body } = builtInLetterTemplate("DECISION", outcome);
      expect(body, outcome).toMatch(/根据《(中华人民共和国政府信息公开条例|政府信息公开信息处理费管理办法)》|不属于《中华人民共和国政府信息公开条例》第二条|{处理说明}$/m);
      expect(body, outcome).toContain("{救济途径}");
    }
    expect(builtInLetterTemplate("CORRECTION_NOTICE", "default").body).toContain("第二十九条、第三十条");
    expect(builtInLetterTemplate("EXTENSION_NOTICE", "default").body).toContain("第三十三条第二款");
    expect(builtInLetterTemplate("THIRD_PARTY_CONSULTATION", "default").body).toContain("第三十二条");
    expect(builtInLetterTemplate("AGENCY_CONSULTATION", "default").body).toContain("第三十四条");
    expect(builtInLetterTemplate("FEE_NOTICE", "default").body).toContain("国办函〔2020〕109号");
  });
});

describe("remedies", () => {
  it("name the review organ and the court: 60 days for 复议, six months for 诉讼", () => {
    expect(remediesSentence({ outcome: "GRANTED", reviewOrgan: "示例市人民政府", court: "示例市中级人民法院" })).toBe(
      "如对本答复不服，可以自收到本答复书之日起六十日内向示例市人民政府申请行政复议，或者自收到本答复书之日起六个月内向示例市中级人民法院提起行政诉讼。",
    );
  });

  it("put 复议 first for a refusal to disclose, wholly or in part (行政复议法 Art. 23)", () => {
    for (const outcome of ["WITHHELD_STATE_SECRET", "PARTIALLY_GRANTED"] as const) {
      const sentence = remediesSentence({ outcome, reviewOrgan: "示例市人民政府", court: "示例市中级人民法院" });
      expect(sentence).toContain("第二十三条");
      expect(sentence).toContain("六十日内向示例市人民政府申请行政复议；对行政复议决定不服的");
    }
  });
});

describe("letterValues", () => {
  const calendar = createWorkCalendar([], [], statutoryHolidaysOf);

  it("fills the extension's new due date and the correction's facts", () => {
    const extension = letterValues({
      letterCase,
      letterhead,
      inputs: { kind: "EXTENSION_NOTICE", workdays: 5, approvedBy: "李主任", approvedOn: "2026-03-20", reason: "需要调取档案" },
      issuedOn: "2026-03-23",
      calendar,
    });
    expect(extension.延期后答复期限).toBe("2026年4月6日");
    expect(extension.文书日期).toBe("2026年3月23日");
    const correction = letterValues({ letterCase, letterhead, inputs: { kind: "CORRECTION_NOTICE", matters: "请写明年度", deadlineOn: "2026-03-18" }, issuedOn: "2026-03-04", calendar });
    expect([correction.补正事项, correction.补正期限, correction.收到申请日期]).toEqual(["请写明年度", "2026年3月18日", "2026年3月2日"]);
    expect(chineseDate("2026-12-01")).toBe("2026年12月1日");
  });

  it("quotes the request without its own closing full stop, so the sentence ends with one", () => {
    expect(quotedRequestContent("示例市2025年度律师事务所考核结果（示司发〔2025〕18号）。")).toBe("示例市2025年度律师事务所考核结果（示司发〔2025〕18号）");
    expect(quotedRequestContent("考核结果；\n")).toBe("考核结果");
    expect(quotedRequestContent("是否已经公开？")).toBe("是否已经公开？");
    const receipt = letterValues({ letterCase: { ...letterCase, requestContent: "考核结果。" }, letterhead, inputs: { kind: "RECEIPT" }, issuedOn: "2026-03-02", calendar });
    const body = fillTextTemplate(builtInLetterTemplate("RECEIPT", DEFAULT_VARIANT).body, receipt, LETTER_PLACEHOLDER_NAMES);
    expect(body).toContain("申请获取的政府信息为：“考核结果”。");
    expect(body).not.toContain("。”");
  });
});
