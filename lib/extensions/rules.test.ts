// The rules an extension request meets when it is made (the same the approval meets), on the shipped
// official calendar: due dates counted with addWorkdays, never written by hand.
import { describe, expect, it } from "vitest";
import { addWorkdays } from "@/lib/calendar/workdays";
import { shippedCalendar as calendar } from "@/tests/shipped-calendar";
import type { CaseEvent } from "@/lib/cases/case-events";
import { extensionRequestRefusal, selfDecisionRefusal } from "./rules";

const RECEIVED = "2026-06-01";
const DUE = addWorkdays(calendar, RECEIVED, 20);
const settings = { feeStopsClock: true };
const refusal = (options: { today: string; workdays?: number; events?: CaseEvent[] }) =>
  extensionRequestRefusal({ receivedOn: RECEIVED, events: options.events ?? [], calendar, settings, today: options.today, workdays: options.workdays ?? 20 });

describe("extensionRequestRefusal", () => {
  it("allows a request up to the due date and refuses one after it", () => {
    expect(refusal({ today: RECEIVED })).toBeNull();
    expect(refusal({ today: DUE })).toBeNull();
    expect(refusal({ today: addWorkdays(calendar, DUE, 1) })).toContain(`延期须在答复期限届满（${DUE}）前告知申请人`);
  });

  it("refuses more than 20 working days, a second extension, a stopped clock and a closed case", () => {
    expect(refusal({ today: RECEIVED, workdays: 21 })).toContain("1–20");
    const extended: CaseEvent = { type: "EXTENSION", occurredOn: "2026-06-02", details: { workdays: 5, approvedBy: "李科长", approvedOn: "2026-06-02", reason: "需调档" } } as CaseEvent;
    expect(refusal({ today: "2026-06-03", events: [extended] })).toBe("答复期限只能延长一次，本案已经延期");
    const correction: CaseEvent = { type: "CORRECTION_REQUESTED", occurredOn: "2026-06-02", details: { deadlineOn: "2026-06-20", matters: "请明确年份" } } as CaseEvent;
    expect(refusal({ today: "2026-06-03", events: [correction] })).toBe("等待补正期间答复期限不计算，无需延期");
    const closed: CaseEvent = {
      type: "DECISION_SERVED",
      occurredOn: "2026-06-02",
      details: { items: [{ description: "预算", disposition: "GRANTED" }], serviceMethod: "邮寄" },
    } as CaseEvent;
    expect(refusal({ today: "2026-06-03", events: [closed] })).toContain("办结");
  });
});

describe("selfDecisionRefusal", () => {
  it("refuses the requester and no one else", () => {
    expect(selfDecisionRefusal("u1", "u1")).toContain("自己提出的延期申请");
    expect(selfDecisionRefusal("u1", "u2")).toBeNull();
  });
});
