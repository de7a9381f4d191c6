import { describe, expect, it } from "vitest";
import { FIGURES_PARAGRAPH_TEMPLATE, checkNarrative, feeSentence, fillNarrative, narrativeValues, previewNarrative, type NarrativeFigures } from "./narrative";

const row = (value: number) => [value, 0, 0, 0, 0, 0, value];

function figures(overrides: Partial<NarrativeFigures> = {}): NarrativeFigures {
  return {
    year: 2024,
    format: "2021",
    applications: {
      rows: {
        new_received: row(40),
        carried_in: row(8),
        granted: row(2),
        partially_granted: row(2),
        withheld_state_secret: row(1),
        withheld_third_party_rights: row(3),
        other_no_correction: row(2),
        closed_total: row(10),
        carried_out: row(38),
      },
    },
    appeals: {
      reconsideration: { total: 4, corrected: 0 },
      litigation_direct: { total: 0, corrected: 0 },
      litigation_after_reconsideration: { total: 1, corrected: 1 },
    },
    fees: { notices: 1, amount_noticed: "1230.50", amount_collected: "450.50" },
    ...overrides,
  };
}

const noAppeals = {
  reconsideration: { total: 0, corrected: 0 },
  litigation_direct: { total: 0, corrected: 0 },
  litigation_after_reconsideration: { total: 0, corrected: 0 },
};

describe("the figures paragraph", () => {
  it("states intake, carry-over, outcomes by group and appeals from the figures it is filled with", () => {
    expect(fillNarrative(FIGURES_PARAGRAPH_TEMPLATE, narrativeValues(figures()))).toBe(
      "2024年度，本机关共收到政府信息公开申请40件，上年结转8件。本年度办结10件，其中予以公开2件、部分公开2件、不予公开4件、其他处理2件；结转下年度继续办理38件。" +
        "因政府信息公开被申请行政复议4件、提起行政诉讼1件，其中被纠正1件。",
    );
  });

  it("follows the figures: the same text says 3 once a third case is granted", () => {
    const changed = figures();
    changed.applications.rows.granted = row(3);
    changed.applications.rows.closed_total = row(11);
    const text = `本年度予以公开{予以公开}件。${FIGURES_PARAGRAPH_TEMPLATE}`;
    expect(fillNarrative(text, narrativeValues(figures()))).toContain("本年度予以公开2件。");
    const filled = fillNarrative(text, narrativeValues(changed));
    expect(filled).toContain("本年度予以公开3件。");
    expect(filled).toContain("本年度办结11件，其中予以公开3件、");
  });

  it("says so when nothing was closed and there were no appeals", () => {
    const empty = figures({ applications: { rows: { new_received: row(0), carried_in: row(0), closed_total: row(0), carried_out: row(0) } }, appeals: noAppeals });
    const text = fillNarrative(FIGURES_PARAGRAPH_TEMPLATE, narrativeValues(empty));
    expect(text).toContain("本年度办结0件；");
    expect(text).toContain("本年度未发生因政府信息公开引起的行政复议、行政诉讼。");
  });

  it("sums the three （六） leaves of 2021 as the one 2019 row", () => {
    const format2019 = figures({ format: "2019", applications: { rows: { new_received: row(3), carried_in: row(0), other: row(3), closed_total: row(3), carried_out: row(0) } } });
    expect(narrativeValues(format2019).其他处理).toBe("3");
  });
});

describe("feeSentence", () => {
  it("cites 国办函〔2020〕109号 from 2021 on", () => {
    expect(feeSentence(figures())).toBe(
      "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度发出收费通知1件，总金额1230.50元，实际收取信息处理费450.50元。",
    );
  });

  it("does not cite it for 2019 and 2020, before it applied", () => {
    const sentence = feeSentence({ year: 2020, fees: { notices: 2, amount_noticed: "200.00", amount_collected: "100.00" } });
    expect(sentence).not.toContain("109号");
    expect(sentence).not.toContain("管理办法");
    expect(sentence).toBe("依据《中华人民共和国政府信息公开条例》第四十二条，本年度发出收费通知2件，总金额200.00元，实际收取信息处理费100.00元。");
    expect(feeSentence({ year: 2019, fees: { notices: 0, amount_noticed: "0.00", amount_collected: "0.00" } })).toBe("本年度未收取信息处理费。");
  });

  it("states money collected in the year for a notice of the year before, never 未收取", () => {
    const sentence = feeSentence({ year: 2024, fees: { notices: 0, amount_noticed: "0.00", amount_collected: "450.50" } });
    expect(sentence).not.toContain("未收取");
    expect(sentence).toContain("本年度发出收费通知0件，总金额0.00元，实际收取信息处理费450.50元。");
    expect(feeSentence({ year: 2024, fees: { notices: 0, amount_noticed: "0.00", amount_collected: "0.00" } })).toBe(
      "本年度未发出信息处理费收费通知，未收取信息处理费。",
    );
  });

  it("is a placeholder of the text too", () => {
    expect(fillNarrative("{信息处理费情况}", narrativeValues(figures({ year: 2020 })))).toContain("条例》第四十二条");
  });
});

describe("checking the text", () => {
  it("names unknown placeholders and unbalanced braces, in Chinese", () => {
    expect(checkNarrative("共{本年新收}件，{予以公开}件。")).toEqual([]);
    expect(checkNarrative("共{本年新收件。").map((problem) => problem.message)).toEqual(["“{本年新收件。”缺少右花括号“}”"]);
    expect(checkNarrative("共{新收总数}件").map((problem) => problem.message)).toEqual(["没有名为“新收总数”的占位符"]);
    const preview = previewNarrative("共{新收总数}件", narrativeValues(figures()));
    expect(preview.ok).toBe(false);
    expect(previewNarrative("共{本年新收}件", narrativeValues(figures()))).toEqual({ ok: true, text: "共40件" });
  });
});
