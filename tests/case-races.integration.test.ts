// Two clients released together against the real database (issue 8, "no lost update"): for every race
// exactly one write wins, the other is refused with the Chinese conflict message naming who changed what,
// nothing is lost, and the audit trail shows exactly what happened. The scenarios are shared with the
// faults suite (tests/case-race-scenarios.ts); here each runs a few rounds.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { correctCaseEvent, recordCaseEvent, registerApplication } from "@/lib/cases/mutations";
import { CASE_RACE_SCENARIOS, STALE_MESSAGE, createRaceActors, releaseTogether, type RaceActors } from "./case-race-scenarios";

const ROUNDS = 3;
let actors: RaceActors;

beforeAll(async () => {
  actors = await createRaceActors();
});

describe.each(CASE_RACE_SCENARIOS)("$name", ({ run }) => {
  it(`exactly one of two concurrent writes wins, ${ROUNDS} rounds`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const tally = await run(actors, round);
      expect(tally.problems).toEqual([]);
      expect(tally).toMatchObject({ attempts: 1, staleWritesAccepted: 0, lostUpdates: 0, auditGaps: 0, rawErrorsShown: 0, rowsLost: 0 });
    }
  });
});

describe("the conflict message", () => {
  it("names who changed the case, what and when, and the form's step is not recorded", async () => {
    const { id } = await registerApplication({
      actor: actors.clerk,
      input: { applicantType: "NATURAL_PERSON", applicantName: "冲突提示", channel: "ONLINE", receivedOn: "2026-06-01", requestContent: "申请公开冲突提示测试" },
      today: "2026-11-21",
    });
    const loaded = (await db.application.findUniqueOrThrow({ where: { id } })).version;
    const sent = await recordCaseEvent({
      actor: actors.otherClerk,
      applicationId: id,
      input: { type: "CORRECTION_REQUESTED", occurredOn: "2026-06-02", details: { deadlineOn: "2026-06-16", matters: "请补充身份证明" } },
      expectedVersion: loaded,
      today: "2026-11-21",
    });
    expect(sent.version).toBeGreaterThan(loaded);
    const stale = recordCaseEvent({
      actor: actors.clerk,
      applicationId: id,
      input: { type: "WITHDRAWN", occurredOn: "2026-06-03", details: {} },
      expectedVersion: loaded,
      today: "2026-11-21",
    });
    await expect(stale).rejects.toMatchObject({ code: "STALE", message: expect.stringMatching(STALE_MESSAGE) });
    await expect(stale).rejects.toMatchObject({ message: expect.stringContaining("被 赵登记 修改（登记办理步骤：补正告知）") });
    expect(await db.caseEvent.count({ where: { applicationId: id } })).toBe(1);
    // With the page's new version the same step goes through.
    await recordCaseEvent({ actor: actors.clerk, applicationId: id, input: { type: "WITHDRAWN", occurredOn: "2026-06-03", details: {} }, expectedVersion: sent.version, today: "2026-11-21" });
  });

  it("the loser of a correction against a withdrawal learns which one won", async () => {
    const { id } = await registerApplication({
      actor: actors.clerk,
      input: { applicantType: "NATURAL_PERSON", applicantName: "谁赢了", channel: "ONLINE", receivedOn: "2026-06-01", requestContent: "申请公开谁赢了测试" },
      today: "2026-11-21",
    });
    const sent = await recordCaseEvent({
      actor: actors.clerk,
      applicationId: id,
      input: { type: "CONSULTATION_SENT", occurredOn: "2026-06-03", details: { party: "AGENCY", partyName: "市场监管局" } },
      expectedVersion: null,
      today: "2026-11-21",
    });
    const settled = await releaseTogether([
      () => correctCaseEvent({ actor: actors.clerk, eventId: sent.eventId, replacement: { type: "CONSULTATION_SENT", occurredOn: "2026-06-04", details: { party: "AGENCY", partyName: "市场监管局" } }, reason: "日期错误", expectedVersion: sent.version, today: "2026-11-21" }),
      () => correctCaseEvent({ actor: actors.otherClerk, eventId: sent.eventId, replacement: null, reason: "登记错误", expectedVersion: sent.version, today: "2026-11-21" }),
    ]);
    const loser = settled.find((outcome) => !outcome.ok);
    const winnerIndex = settled.findIndex((outcome) => outcome.ok);
    expect(loser && !loser.ok && isAppError(loser.error) ? loser.error.message : "").toContain(
      winnerIndex === 0 ? "被 王登记 修改（更正办理步骤：征求意见）" : "被 赵登记 修改（撤销办理步骤：征求意见）",
    );
  });
});
