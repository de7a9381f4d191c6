import { describe, expect, it } from "vitest";
import { draftFiguresParagraph } from "./narrative";

const row = (value: number) => [value, 0, 0, 0, 0, 0, value];

describe("draftFiguresParagraph", () => {
  it("states intake, carry-over, outcomes by group, appeals and fees", () => {
    const text = draftFiguresParagraph({
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
    });
    expect(text).toBe(
      "2024年度，本机关共收到政府信息公开申请40件，上年结转8件。本年度办结10件，其中予以公开2件、部分公开2件、不予公开4件、其他处理2件；结转下年度继续办理38件。" +
        "因政府信息公开被申请行政复议4件、提起行政诉讼1件，其中被纠正1件。" +
        "依据《政府信息公开信息处理费管理办法》，本年度发出收费通知1件，金额1230.50元，实际收取信息处理费450.50元。",
    );
  });

  it("says so when there were no appeals and no fees", () => {
    const text = draftFiguresParagraph({
      year: 2025,
      format: "2021",
      applications: { rows: { new_received: row(0), carried_in: row(0), closed_total: row(0), carried_out: row(0) } },
      appeals: {
        reconsideration: { total: 0, corrected: 0 },
        litigation_direct: { total: 0, corrected: 0 },
        litigation_after_reconsideration: { total: 0, corrected: 0 },
      },
      fees: { notices: 0, amount_noticed: "0.00", amount_collected: "0.00" },
    });
    expect(text).toContain("未发生因政府信息公开引起的行政复议、行政诉讼");
    expect(text).toContain("未收取信息处理费");
    expect(text).toContain("办结0件；");
  });
});
