// The clock ledger on real dates of the shipped official calendar. Every expected date was counted
// independently (a separate Python count over the chinese-days data, and by hand on a month view for the
// Spring Festival cases); none comes from the functions under test.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addWorkdays, isWorkday, type IsoDate } from "@/lib/calendar/workdays";
import { shippedCalendar as calendar } from "@/tests/shipped-calendar";
import type { CaseEvent } from "./case-events";
import { availableSteps, dueStatus, projectCase, type CaseProjection } from "./projection";

const TODAY = "2026-11-21";

function project(receivedOn: IsoDate, events: CaseEvent[], options: { feeStopsClock?: boolean; today?: IsoDate } = {}) {
  return projectCase({ receivedOn, events, calendar, settings: { feeStopsClock: options.feeStopsClock ?? true }, today: options.today ?? TODAY });
}

function projected(receivedOn: IsoDate, events: CaseEvent[], options?: { feeStopsClock?: boolean; today?: IsoDate }): CaseProjection {
  const result = project(receivedOn, events, options);
  if (!result.ok) throw new Error(`unexpected refusal: ${result.message}`);
  return result.projection;
}

function refusal(receivedOn: IsoDate, events: CaseEvent[], options?: { feeStopsClock?: boolean; today?: IsoDate }): string {
  const result = project(receivedOn, events, options);
  if (result.ok) throw new Error("expected the last event to be refused");
  return result.message;
}

const decision = (occurredOn: IsoDate, disposition: "GRANTED" | "OTHER_NO_CORRECTION" | "OTHER_FEE_UNPAID" | "UNAVAILABLE_UNCLEAR_AFTER_CORRECTION" = "GRANTED"): CaseEvent => ({
  type: "DECISION_SERVED",
  occurredOn,
  details: { items: [{ description: "全部事项", disposition }], serviceMethod: "邮寄" },
});
const extension = (occurredOn: IsoDate, workdays = 20): CaseEvent => ({
  type: "EXTENSION",
  occurredOn,
  details: { workdays, approvedBy: "办公室主任", approvedOn: occurredOn, reason: "需调取档案" },
});

describe("the 20-working-day reply period", () => {
  it("received on 2026-02-13, the last working day before the Spring Festival: due 2026-03-19", () => {
    // Counted on the month view: 2/14 (Sat, 调休上班) is day 1; 2/15–2/23 are the holiday; 2/24–2/27 are
    // days 2–5; 2/28 (Sat, 调休上班) day 6; 3/2–3/6 days 7–11; 3/9–3/13 days 12–16; 3/16–3/19 days 17–20.
    const projection = projected("2026-02-13", []);
    expect(projection.dueOn).toBe("2026-03-19");
    expect(projection.status).toBe("OPEN");
    expect(projection.dueIsProvisional).toBe(false);
    const why = projection.explanation.at(-1)!.text;
    expect(why).toContain("2026-02-16 至 2026-02-20、2026-02-23");
    expect(why).toContain("2026-02-14、2026-02-28");
  });

  it("received on the make-up working Saturday 2026-02-14: counting starts the next working day, due 2026-03-20", () => {
    expect(projected("2026-02-14", []).dueOn).toBe("2026-03-20");
  });

  it("tracks the 7-working-day deadline for a 补正 notice", () => {
    expect(projected("2026-03-02", []).correctionNoticeDueOn).toBe("2026-03-11");
  });
});

describe("补正", () => {
  const requested: CaseEvent = { type: "CORRECTION_REQUESTED", occurredOn: "2026-03-04", details: { deadlineOn: "2026-03-18", matters: "请明确年份" } };

  it("stops the clock, then restarts 20 working days from the supplement", () => {
    const waiting = projected("2026-03-02", [requested]);
    expect(waiting.clockPhase).toBe("AWAITING_CORRECTION");
    expect(waiting.dueOn).toBeNull();
    expect(waiting.correctionNoticeDueOn).toBeNull();
    const resumed = projected("2026-03-02", [requested, { type: "CORRECTION_RECEIVED", occurredOn: "2026-03-10", details: {} }]);
    expect(resumed.clockPhase).toBe("RUNNING");
    expect(resumed.periodStartOn).toBe("2026-03-10");
    expect(resumed.dueOn).toBe("2026-04-08");
  });

  it("is one consolidated notice: a second one is refused", () => {
    const again: CaseEvent = { ...requested, occurredOn: "2026-03-20" };
    const received: CaseEvent = { type: "CORRECTION_RECEIVED", occurredOn: "2026-03-10", details: {} };
    expect(refusal("2026-03-02", [requested, received, again])).toContain("一次性");
  });

  it("closes as （六）1 only after the period given has lapsed", () => {
    expect(refusal("2026-03-02", [requested, decision("2026-03-18", "OTHER_NO_CORRECTION")])).toContain("尚未届满");
    const closed = projected("2026-03-02", [requested, decision("2026-03-19", "OTHER_NO_CORRECTION")]);
    expect(closed).toMatchObject({ status: "CLOSED", outcome: "OTHER_NO_CORRECTION", closedOn: "2026-03-19" });
  });

  it("refuses an answer while the supplement is awaited", () => {
    expect(refusal("2026-03-02", [requested, decision("2026-03-06")])).toContain("等待补正");
  });

  it("refuses a notice after the 7 working days without a reason, and records one with a reason as late", () => {
    const late: CaseEvent = { ...requested, occurredOn: "2026-03-12", details: { deadlineOn: "2026-03-26", matters: "请明确" } };
    expect(refusal("2026-03-02", [late])).toContain("须写明逾期告知的理由");
    const recorded = projected("2026-03-02", [{ ...late, details: { ...late.details, lateReason: "承办人出差，未及时审查" } }]);
    expect(recorded).toMatchObject({ clockPhase: "AWAITING_CORRECTION", correctionNoticeLate: true, dueOn: null });
    expect(recorded.warnings.join()).toContain("逾期补正告知");
  });
});

describe("补正 after the 7-working-day limit (rules.md §4)", () => {
  const lateNotice = (occurredOn: IsoDate): CaseEvent => ({
    type: "CORRECTION_REQUESTED",
    occurredOn,
    details: { deadlineOn: addDays(occurredOn, 14), matters: "请补充身份证明", lateReason: "收件登记遗漏" },
  });
  const received = (occurredOn: IsoDate): CaseEvent => ({ type: "CORRECTION_RECEIVED", occurredOn, details: {} });

  it("stops the clock but never restarts it: the original due date plus the stopped days (2026)", () => {
    // Received Mon 2026-03-02: the notice was due by 03-11, the reply by 03-30. Notice Thu 03-12, supplement
    // Thu 03-19: 3/13, 3/16–3/19 = 5 working days stopped; 3/30 + 5 working days with 清明 (4/6) skipped = 04-07.
    const projection = projected("2026-03-02", [lateNotice("2026-03-12"), received("2026-03-19")]);
    expect(projection.periodStartOn).toBe("2026-03-02");
    expect(projection.dueOn).toBe("2026-04-07");
    expect(projection.workdaysAllowed).toBe(25);
    expect(projection.correctionNoticeLate).toBe(true);
  });

  it("stops the clock across 国庆 2025 without a new period", () => {
    // Received Mon 2025-09-22: notice due 09-30 (Sun 9/28 worked), reply due 10-24. Notice Thu 10-09, supplement
    // Thu 10-16: 10/10, 10/11 (Sat, worked), 10/13–10/16 = 6 stopped; 10-24 + 6 working days = 2025-11-03.
    const projection = projected("2025-09-22", [lateNotice("2025-10-09"), received("2025-10-16")]);
    expect(projection.dueOn).toBe("2025-11-03");
    expect(projection.explanation.map((line) => line.text).join()).toContain("不重新计算");
  });

  it("refuses a notice after the due date: an overdue case stays overdue", () => {
    // Reply due 2025-10-24; a notice on Mon 10-27 cannot stop a clock that has run out.
    expect(refusal("2025-09-22", [lateNotice("2025-10-27")])).toContain("2025-10-24 届满");
    const overdue = projected("2025-09-22", [], { today: "2025-10-27" });
    expect(dueStatus(overdue, calendar, "2025-10-27").status).toBe("OVERDUE");
  });

  it("accepts a notice on the due date itself", () => {
    expect(projected("2025-09-22", [lateNotice("2025-10-24")]).clockPhase).toBe("AWAITING_CORRECTION");
  });

  it("a period the ledger did not record stays unknown, and a closing as 逾期不补正 cannot be checked against it", () => {
    const unknown: CaseEvent = { type: "CORRECTION_REQUESTED", occurredOn: "2026-03-04", details: { deadlineOn: null, matters: "（台账导入）" } };
    const waiting = projected("2026-03-02", [unknown]);
    expect(waiting.correctionDeadlineOn).toBeNull();
    expect(waiting.explanation.map((line) => line.text).join()).toContain("补正期限未记录");
    expect(projected("2026-03-02", [unknown, decision("2026-03-05", "OTHER_NO_CORRECTION")]).outcome).toBe("OTHER_NO_CORRECTION");
  });
});

describe("consultations under way at the same time (Art. 32, 34)", () => {
  const sent = (occurredOn: IsoDate, key: string, partyReceivedOn?: IsoDate): CaseEvent => ({
    type: "CONSULTATION_SENT",
    occurredOn,
    details: { party: key === "agency" ? "AGENCY" : "THIRD_PARTY", partyName: key, key, ...(partyReceivedOn ? { partyReceivedOn } : {}) },
  });
  const answered = (occurredOn: IsoDate, consultationKey?: string): CaseEvent => ({
    type: "CONSULTATION_ANSWERED",
    occurredOn,
    details: { windowExpired: false, ...(consultationKey ? { consultationKey } : {}) },
  });

  it("counts each stopped day once: the union of the periods (2026)", () => {
    // Received Mon 2026-06-01, due 06-30 (端午 6/19 skipped). A third party from 06-03 to 06-12 (7 working days)
    // and another agency from 06-08 to 06-22 (9): together 6/4–6/22 without 6/19 = 12, not 16. 06-30 + 12 = 07-16.
    const events = [sent("2026-06-03", "third"), sent("2026-06-08", "agency"), answered("2026-06-12", "third")];
    const stillWaiting = projected("2026-06-01", events);
    expect(stillWaiting.clockPhase).toBe("CONSULTING");
    expect(stillWaiting.consultations.map((consultation) => [consultation.key, consultation.answeredOn])).toEqual([
      ["third", "2026-06-12"],
      ["agency", null],
    ]);
    const done = projected("2026-06-01", [...events, answered("2026-06-22", "agency")]);
    expect(done.clockPhase).toBe("RUNNING");
    expect(done.workdaysAllowed).toBe(32);
    expect(done.dueOn).toBe("2026-07-16");
    expect(done).toMatchObject({ consultationSentOn: "2026-06-03", consultationAnsweredOn: "2026-06-22" });
    expect(done.explanation.map((line) => line.text).join()).toContain("重叠");
  });

  it("three consultations, two overlapping and one apart", () => {
    // (6/2, 6/4] ∪ (6/3, 6/9] = 6/3–6/9 (5 working days) and (6/11, 6/12] (1): 6 in all; 06-30 + 6 = 07-08.
    const projection = projected("2026-06-01", [
      sent("2026-06-02", "a"),
      sent("2026-06-03", "b"),
      answered("2026-06-04", "a"),
      answered("2026-06-09", "b"),
      sent("2026-06-11", "c"),
      answered("2026-06-12", "c"),
    ]);
    expect(projection.dueOn).toBe("2026-07-08");
  });

  it("asks which consultation was answered while several are under way", () => {
    expect(refusal("2026-06-01", [sent("2026-06-03", "third"), sent("2026-06-08", "agency"), answered("2026-06-12")])).toContain("请选择");
    expect(refusal("2026-06-01", [sent("2026-06-03", "third"), answered("2026-06-05", "third"), answered("2026-06-08", "third")])).toContain(
      "没有进行中的征求意见",
    );
  });

  it("runs the 15-working-day window from the day the party received the request, when recorded", () => {
    // Sent Wed 06-03, received Fri 06-05: the window ends 15 working days after 06-05, on Mon 06-29 (端午 skipped),
    // not on 06-25 (from sending). Unanswered beyond it, the stop is 6/4–6/29 = 17 working days: 06-30 + 17 = 07-23.
    expect(projected("2026-06-01", [sent("2026-06-03", "third")]).consultationReplyDueOn).toBe("2026-06-25");
    expect(projected("2026-06-01", [sent("2026-06-03", "third", "2026-06-05")]).consultationReplyDueOn).toBe("2026-06-29");
    const expired = projected("2026-06-01", [sent("2026-06-03", "third", "2026-06-05"), answered("2026-07-10", "third")]);
    expect(expired.dueOn).toBe("2026-07-23");
  });

  it("refuses a receipt date before sending", () => {
    expect(refusal("2026-06-01", [sent("2026-06-03", "third", "2026-06-02")])).toContain("不能早于发出日期");
  });

  it("answers the only consultation under way without a key (recorded history)", () => {
    const legacy: CaseEvent = { type: "CONSULTATION_SENT", occurredOn: "2026-06-03", details: { party: "THIRD_PARTY", partyName: "甲" } };
    expect(projected("2026-06-01", [legacy, answered("2026-06-12")]).clockPhase).toBe("RUNNING");
  });
});

describe("fee notices have an amount above zero", () => {
  it("refuses a notice of 0 元: there is nothing to notify", () => {
    const free: CaseEvent = {
      type: "FEE_NOTICE",
      occurredOn: "2026-06-03",
      details: { method: "PER_APPLICATION", amount: "0.00", calculatedAmount: "0.00", applicantReceivedOn: "2026-06-04" },
    };
    expect(refusal("2026-06-01", [free])).toContain("无需发出收费通知");
  });
});

describe("consultation of a third party or another agency", () => {
  const sent: CaseEvent = { type: "CONSULTATION_SENT", occurredOn: "2026-04-08", details: { party: "THIRD_PARTY", partyName: "某公司" } };

  it("does not count the working days from the day after sending through the reply (5 here)", () => {
    // 2026-04-01 + 20 + 5 working days, across 清明 (4/6) and 劳动节 (5/1–5/5) with 5/9 (Sat) worked: 2026-05-11.
    const answered = projected("2026-04-01", [sent, { type: "CONSULTATION_ANSWERED", occurredOn: "2026-04-15", details: { windowExpired: false } }]);
    expect(answered.dueOn).toBe("2026-05-11");
    expect(answered.workdaysAllowed).toBe(25);
  });

  it("stops at most for the 15-working-day window", () => {
    const waiting = projected("2026-04-01", [sent]);
    expect(waiting.clockPhase).toBe("CONSULTING");
    expect(waiting.consultationReplyDueOn).toBe("2026-04-29");
    expect(waiting.dueOn).toBeNull();
    const late = projected("2026-04-01", [sent, { type: "CONSULTATION_ANSWERED", occurredOn: "2026-05-20", details: { windowExpired: true } }]);
    expect(late.dueOn).toBe("2026-05-25");
  });
});

describe("fees", () => {
  const notice: CaseEvent = {
    type: "FEE_NOTICE",
    occurredOn: "2026-06-03",
    details: { method: "PER_VOLUME", amount: "700.00", calculatedAmount: "700.00", applicantReceivedOn: "2026-06-04" },
  };
  const paid: CaseEvent = { type: "FEE_PAID", occurredOn: "2026-06-10", details: { amount: "700.00" } };

  it("stops the clock from the day after the notice through payment (setting on)", () => {
    const waiting = projected("2026-06-01", [notice]);
    expect(waiting.clockPhase).toBe("AWAITING_FEE");
    expect(waiting.feePaymentDueOn).toBe("2026-07-03");
    expect(projected("2026-06-01", [notice, paid]).dueOn).toBe("2026-07-07");
  });

  it("keeps the clock running when the organization's setting is off", () => {
    expect(projected("2026-06-01", [notice, paid], { feeStopsClock: false }).dueOn).toBe("2026-06-30");
  });

  it("closes as （六）2 only after the payment period", () => {
    expect(refusal("2026-06-01", [notice, decision("2026-07-03", "OTHER_FEE_UNPAID")])).toContain("尚未届满");
    expect(projected("2026-06-01", [notice, decision("2026-07-06", "OTHER_FEE_UNPAID")]).outcome).toBe("OTHER_FEE_UNPAID");
  });

  it("refuses a payment after the payment period", () => {
    expect(refusal("2026-06-01", [notice, { ...paid, occurredOn: "2026-07-06" }])).toContain("届满");
  });
});

describe("extension", () => {
  it("adds up to 20 working days, once", () => {
    expect(projected("2026-06-01", [extension("2026-06-20")]).dueOn).toBe("2026-07-28");
    expect(refusal("2026-06-01", [extension("2026-06-10", 10), extension("2026-06-12", 10)])).toContain("只能延长一次");
  });

  it("must be notified before the due date", () => {
    expect(refusal("2026-06-01", [extension("2026-07-01")])).toContain("逾期");
    expect(projected("2026-06-01", [extension("2026-06-30")]).dueOn).toBe("2026-07-28");
  });

  it("is refused beyond 20 working days", () => {
    expect(refusal("2026-06-01", [extension("2026-06-10", 21)])).toContain("1–20");
  });
});

describe("refusals of events that do not fit", () => {
  it("nothing dated before receipt, in the future, or after closing", () => {
    expect(refusal("2026-06-01", [decision("2026-05-29")])).toContain("早于收到申请日期");
    expect(refusal("2026-06-01", [decision("2026-11-23")])).toContain("晚于今天");
    expect(refusal("2026-06-01", [decision("2026-06-05"), extension("2026-06-08")])).toContain("已于 2026-06-05 办结");
  });

  it("events are entered in the order they happened", () => {
    const sent: CaseEvent = { type: "CONSULTATION_SENT", occurredOn: "2026-06-10", details: { party: "AGENCY", partyName: "市档案馆" } };
    expect(refusal("2026-06-01", [sent, { type: "CONSULTATION_ANSWERED", occurredOn: "2026-06-09", details: { windowExpired: false } }])).toContain(
      "请按发生顺序登记",
    );
  });

  it("补正后仍不明确 needs a supplement", () => {
    expect(refusal("2026-06-01", [decision("2026-06-05", "UNAVAILABLE_UNCLEAR_AFTER_CORRECTION")])).toContain("已收到补正");
  });
});

describe("closing", () => {
  it("withdrawal closes the case as （六）3 其他", () => {
    expect(projected("2026-06-01", [{ type: "WITHDRAWN", occurredOn: "2026-06-03", details: {} }])).toMatchObject({
      status: "CLOSED",
      clockPhase: "CLOSED",
      outcome: "OTHER_OTHER",
      closedOn: "2026-06-03",
    });
  });
});

describe("years without a confirmed arrangement", () => {
  it("marks a due date reaching into 2027 as provisional, counted on weekdays minus the statutory holidays", () => {
    // 12 working days in 2026-12-16..31; 元旦 2027-01-01 (Fri) is a provisional holiday (rules.md §4);
    // then 2027-01-04..08, 01-11, 01-12, 01-13.
    const projection = projected("2026-12-15", [], { today: "2026-12-15" });
    expect(projection.dueOn).toBe("2027-01-13");
    expect(projection.explanation.map((line) => line.text).join()).toContain("跳过暂定的法定节假日 2027-01-01");
    expect(projection.dueIsProvisional).toBe(true);
    expect(projection.warnings.join()).toContain("2027");
    expect(projected("2026-11-02", []).dueIsProvisional).toBe(false);
    expect(projected("2026-11-02", []).dueOn).toBe("2026-11-30");
  });
});

describe("due status", () => {
  it("is due soon with 5 working days or fewer left, overdue after the due date", () => {
    const projection = projected("2026-10-22", []);
    expect(projection.dueOn).toBe("2026-11-19");
    expect(dueStatus(projection, calendar, "2026-11-12")).toEqual({ status: "DUE_SOON", workdaysLeft: 5 });
    expect(dueStatus(projection, calendar, "2026-11-11")).toEqual({ status: "ON_TRACK", workdaysLeft: 6 });
    expect(dueStatus(projection, calendar, "2026-11-21").status).toBe("OVERDUE");
  });
});

describe("properties", () => {
  const receipt = fc.integer({ min: 0, max: 7 * 365 }).map((offset) => addDays("2019-01-02", offset));

  it("a due date never falls on a non-working day", () => {
    fc.assert(
      fc.property(receipt, fc.integer({ min: 0, max: 20 }), (receivedOn, extensionDays) => {
        const events: CaseEvent[] = extensionDays > 0 ? [extension(addWorkdays(calendar, receivedOn, 3), extensionDays)] : [];
        const projection = projected(receivedOn, events, { today: "2026-12-31" });
        return projection.dueOn !== null && isWorkday(calendar, projection.dueOn);
      }),
      { numRuns: 400 },
    );
  });

  it("stopping the clock never brings the due date earlier", () => {
    fc.assert(
      fc.property(receipt, fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 25 }), (receivedOn, sentAfter, answeredAfter) => {
        const sentOn = addWorkdays(calendar, receivedOn, sentAfter);
        const answeredOn = addDays(sentOn, answeredAfter);
        const base = projected(receivedOn, [], { today: "2026-12-31" }).dueOn!;
        const stopped = projected(
          receivedOn,
          [
            { type: "CONSULTATION_SENT", occurredOn: sentOn, details: { party: "THIRD_PARTY", partyName: "甲" } },
            { type: "CONSULTATION_ANSWERED", occurredOn: answeredOn, details: { windowExpired: false } },
          ],
          { today: "2026-12-31" },
        ).dueOn!;
        return stopped >= base;
      }),
      { numRuns: 400 },
    );
  });
});

function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}


describe("recorded history that breaks a rule (an imported ledger)", () => {
  const notice: CaseEvent = {
    type: "FEE_NOTICE",
    occurredOn: "2026-06-03",
    details: { method: "PER_APPLICATION", amount: "100.00", calculatedAmount: "100.00", applicantReceivedOn: "2026-06-04" },
  };
  const earlyClosing = decision("2026-06-20", "OTHER_FEE_UNPAID");

  it("keeps a closing as recorded, with a warning, when the history is historic", () => {
    const result = project("2026-06-01", [notice, earlyClosing]);
    expect(result.ok).toBe(false);
    const kept = projectCase({ receivedOn: "2026-06-01", events: [notice, earlyClosing], calendar, settings: { feeStopsClock: true }, today: TODAY, historicEventCount: 2 });
    expect(kept.ok).toBe(true);
    const projection = kept.ok ? kept.projection : null;
    expect(projection).toMatchObject({ status: "CLOSED", outcome: "OTHER_FEE_UNPAID", closedOn: "2026-06-20" });
    expect(projection?.historicRefusals).toEqual([{ index: 1, message: expect.stringContaining("尚未届满") }]);
    expect(projection?.warnings.join()).toContain("按原记录办结");
  });

  it("still checks a new event after the history", () => {
    const result = projectCase({
      receivedOn: "2026-06-01",
      events: [notice, earlyClosing, extension("2026-06-22")],
      calendar,
      settings: { feeStopsClock: true },
      today: TODAY,
      historicEventCount: 2,
    });
    expect(result).toMatchObject({ ok: false, eventIndex: 2 });
  });
});

describe("the steps the case page offers next (availableSteps, from each handler's offered/endsWait)", () => {
  const correction: CaseEvent = { type: "CORRECTION_REQUESTED", occurredOn: "2026-06-02", details: { deadlineOn: "2026-06-16", matters: "请明确年份" } };
  const consultation: CaseEvent = { type: "CONSULTATION_SENT", occurredOn: "2026-06-03", details: { party: "THIRD_PARTY", partyName: "甲公司" } };
  const fee: CaseEvent = {
    type: "FEE_NOTICE",
    occurredOn: "2026-06-03",
    details: { method: "PER_VOLUME", amount: "700.00", calculatedAmount: "700.00", applicantReceivedOn: "2026-06-04" },
  };
  const steps = (events: CaseEvent[]) => availableSteps(projected("2026-06-01", events, { today: "2026-06-05" }));

  it("a running case: every step that starts something, then closing", () => {
    expect(steps([])).toEqual(["CORRECTION_REQUESTED", "CONSULTATION_SENT", "EXTENSION", "FEE_NOTICE", "DECISION_SERVED", "WITHDRAWN"]);
  });

  it("once 补正, 延期 or 收费 was used, it is not offered again", () => {
    const resumed: CaseEvent = { type: "CORRECTION_RECEIVED", occurredOn: "2026-06-03", details: {} };
    const paid: CaseEvent = { type: "FEE_PAID", occurredOn: "2026-06-04", details: { amount: "700.00" } };
    expect(steps([correction, resumed, extension("2026-06-04")])).toEqual(["CONSULTATION_SENT", "FEE_NOTICE", "DECISION_SERVED", "WITHDRAWN"]);
    expect(steps([fee, paid])).toEqual(["CORRECTION_REQUESTED", "CONSULTATION_SENT", "EXTENSION", "DECISION_SERVED", "WITHDRAWN"]);
  });

  it("while waiting, the step that ends the wait comes first", () => {
    expect(steps([correction])).toEqual(["CORRECTION_RECEIVED", "DECISION_SERVED", "WITHDRAWN"]);
    expect(steps([consultation])).toEqual(["CONSULTATION_ANSWERED", "CONSULTATION_SENT", "EXTENSION", "DECISION_SERVED", "WITHDRAWN"]);
    expect(steps([fee])).toEqual(["FEE_PAID", "EXTENSION", "DECISION_SERVED", "WITHDRAWN"]);
    expect(steps([fee, extension("2026-06-04")])).toEqual(["FEE_PAID", "DECISION_SERVED", "WITHDRAWN"]);
  });

  it("a closed case offers nothing", () => {
    expect(steps([decision("2026-06-04")])).toEqual([]);
  });
});
