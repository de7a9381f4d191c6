// Two people changing the same thing at the same moment (issue 8): each scenario sets up a fresh case,
// loads its version as two open forms would, releases two writes together (a barrier: both start in
// the same tick, each in its own transaction on its own connection), then reads the database and the
// audit trail and reports what went wrong, if anything. Used by tests/case-races.integration.test.ts
// and by the faults suite (scripts/faults/case-races.ts), against the real database.
import type { Actor } from "../lib/auth/actor";
import { db } from "../lib/db";
import { isAppError } from "../lib/errors";
import { isoDateFromDb } from "../lib/calendar/dates";
import { addProceeding, updateProceeding } from "../lib/appeals/mutations";
import { assignHandler, correctCaseEvent, recordCaseEvent, registerApplication, updateRegistration, voidApplication } from "../lib/cases/mutations";
import { updateOrganizationSettings } from "../lib/organizations/mutations";
import { approveExtensionRequest, rejectExtensionRequest, requestExtension } from "../lib/extensions/mutations";
import { actorFor, createTestOrganization, createTestUser } from "./factories";

export interface RaceActors {
  clerk: Actor;
  otherClerk: Actor;
  manager: Actor;
  otherManager: Actor;
  admin: Actor;
  otherAdmin: Actor;
}

/** What one race attempt found (every count but `attempts` must be 0). */
export interface RaceTally {
  attempts: number;
  /** Both (or all) writes were accepted although they were made from the same version. */
  staleWritesAccepted: number;
  /** No write won, or the stored state is not the winner's (a change silently lost or overwritten). */
  lostUpdates: number;
  /** An accepted change without its audit entry (or with a wrong one), or an entry for a refused one. */
  auditGaps: number;
  /** A refusal that is not the expected Chinese message (an unexpected error would reach the user raw). */
  rawErrorsShown: number;
  /** Rows that disappeared (steps, proceedings' instances, cases). */
  rowsLost: number;
  /** What went wrong, for the log. */
  problems: string[];
}

export function emptyTally(): RaceTally {
  return { attempts: 0, staleWritesAccepted: 0, lostUpdates: 0, auditGaps: 0, rawErrorsShown: 0, rowsLost: 0, problems: [] };
}

export function addTallies(total: RaceTally, part: RaceTally): RaceTally {
  return {
    attempts: total.attempts + part.attempts,
    staleWritesAccepted: total.staleWritesAccepted + part.staleWritesAccepted,
    lostUpdates: total.lostUpdates + part.lostUpdates,
    auditGaps: total.auditGaps + part.auditGaps,
    rawErrorsShown: total.rawErrorsShown + part.rawErrorsShown,
    rowsLost: total.rowsLost + part.rowsLost,
    problems: [...total.problems, ...part.problems],
  };
}

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Starts every write at the same moment (after one shared promise resolves) and waits for all. */
export async function releaseTogether(writes: readonly (() => Promise<unknown>)[]): Promise<Settled[]> {
  let release!: () => void;
  const barrier = new Promise<void>((resolve) => (release = resolve));
  const settled = writes.map((write) =>
    barrier.then(write).then(
      (value): Settled => ({ ok: true, value }),
      (error: unknown): Settled => ({ ok: false, error }),
    ),
  );
  release();
  return Promise.all(settled);
}

/** The stale-write refusal: "该案件已于 12:03 被 张三 修改（…），请刷新后重试". */
export const STALE_MESSAGE = /^(该案件|该复议或诉讼记录|机构设置)已于 (\d{4}-\d{2}-\d{2} )?\d{2}:\d{2} 被 .+ 修改（.+），请刷新后重试/;

const TODAY = "2026-11-21";

/** Creates the organization and the people who race each other. */
export async function createRaceActors(name = "竞态测试司法局"): Promise<RaceActors> {
  const organization = await createTestOrganization(name);
  const user = async (role: "CLERK" | "MANAGER" | "ADMIN", displayName: string) =>
    actorFor(await createTestUser({ organizationId: organization.id, role, displayName }));
  return {
    clerk: await user("CLERK", "王登记"),
    otherClerk: await user("CLERK", "赵登记"),
    manager: await user("MANAGER", "李负责"),
    otherManager: await user("MANAGER", "周负责"),
    admin: await user("ADMIN", "张管理"),
    otherAdmin: await user("ADMIN", "钱管理"),
  };
}

interface Expectation {
  /** How the loser must be refused. */
  refusal: { code: "STALE" | "INVALID_STATE"; message: RegExp };
}

/** Checks the writes' outcomes: exactly one accepted, the others refused as expected. Returns the winner's index. */
function judge(settled: Settled[], expectation: Expectation, tally: RaceTally, name: string): number | null {
  tally.attempts += 1;
  const accepted = settled.flatMap((outcome, index) => (outcome.ok ? [index] : []));
  if (accepted.length > 1) {
    tally.staleWritesAccepted += accepted.length - 1;
    tally.problems.push(`${name}: ${accepted.length} writes accepted from the same version`);
  }
  if (accepted.length === 0) {
    tally.lostUpdates += 1;
    tally.problems.push(`${name}: no write won`);
  }
  for (const outcome of settled) {
    if (outcome.ok) continue;
    const { error } = outcome;
    if (!isAppError(error) || error.code !== expectation.refusal.code || !expectation.refusal.message.test(error.message)) {
      tally.rawErrorsShown += 1;
      tally.problems.push(`${name}: unexpected refusal ${isAppError(error) ? `${error.code} ${error.message}` : String(error)}`);
    }
  }
  return accepted.length === 1 ? accepted[0]! : null;
}

async function auditSince(entityId: string, since: Date) {
  return db.auditEvent.findMany({ where: { entityId, createdAt: { gte: since } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

function expectAudit(tally: RaceTally, name: string, entries: { action: string }[], actions: string[]) {
  const found = entries.map((entry) => entry.action);
  if (found.length !== actions.length || found.some((action, index) => action !== actions[index])) {
    tally.auditGaps += 1;
    tally.problems.push(`${name}: audit ${JSON.stringify(found)}, expected ${JSON.stringify(actions)}`);
  }
}

const application = (applicantName: string, receivedOn = "2026-06-01") => ({
  applicantType: "NATURAL_PERSON",
  applicantName,
  channel: "ONLINE",
  receivedOn,
  requestContent: `${applicantName}申请公开2026年度行政许可目录`,
});

async function caseWithConsultation(actors: RaceActors, name: string) {
  const { id } = await registerApplication({ actor: actors.clerk, input: application(name), today: TODAY });
  const sent = await recordCaseEvent({
    actor: actors.clerk,
    applicationId: id,
    input: { type: "CONSULTATION_SENT", occurredOn: "2026-06-03", details: { party: "THIRD_PARTY", partyName: "某科技公司" } },
    expectedVersion: null,
    today: TODAY,
  });
  return { id, eventId: sent.eventId, version: sent.version };
}

export type RaceScenario = (actors: RaceActors, round: number) => Promise<RaceTally>;

/** A correction and a withdrawal of the same step, from two forms loaded at the same version. */
export const correctionVersusWithdrawal: RaceScenario = async (actors, round) => {
  const name = "correction vs withdrawal";
  const tally = emptyTally();
  const { id, eventId, version } = await caseWithConsultation(actors, `竞态甲${round}`);
  const since = new Date();
  const settled = await releaseTogether([
    () =>
      correctCaseEvent({
        actor: actors.clerk,
        eventId,
        replacement: { type: "CONSULTATION_SENT", occurredOn: "2026-06-04", details: { party: "THIRD_PARTY", partyName: "某科技公司" } },
        reason: "发函日期登记错误",
        expectedVersion: version,
        today: TODAY,
      }),
    () => correctCaseEvent({ actor: actors.otherClerk, eventId, replacement: null, reason: "征求意见登记错误", expectedVersion: version, today: TODAY }),
  ]);
  const winner = judge(settled, { refusal: { code: "STALE", message: STALE_MESSAGE } }, tally, name);
  await checkStepOutcome(tally, name, { id, eventId, since, winner: winner === null ? null : winner === 0 ? "correct" : "withdraw" });
  return tally;
};

/** Two withdrawals of the same step. */
export const withdrawalVersusWithdrawal: RaceScenario = async (actors, round) => {
  const name = "withdrawal vs withdrawal";
  const tally = emptyTally();
  const { id, eventId, version } = await caseWithConsultation(actors, `竞态乙${round}`);
  const since = new Date();
  const settled = await releaseTogether([
    () => correctCaseEvent({ actor: actors.clerk, eventId, replacement: null, reason: "登记错误", expectedVersion: version, today: TODAY }),
    () => correctCaseEvent({ actor: actors.otherClerk, eventId, replacement: null, reason: "重复登记", expectedVersion: version, today: TODAY }),
  ]);
  const winner = judge(settled, { refusal: { code: "STALE", message: STALE_MESSAGE } }, tally, name);
  await checkStepOutcome(tally, name, { id, eventId, since, winner: winner === null ? null : "withdraw" });
  return tally;
};

/**
 * A correction and a withdrawal without versions (callers that carry none): the step's state is read
 * after the lock, so the second sees the first and is refused for the step, not silently applied.
 */
export const correctionVersusWithdrawalUnversioned: RaceScenario = async (actors, round) => {
  const name = "correction vs withdrawal (no version)";
  const tally = emptyTally();
  const { id, eventId } = await caseWithConsultation(actors, `竞态丙${round}`);
  const since = new Date();
  const settled = await releaseTogether([
    () =>
      correctCaseEvent({
        actor: actors.clerk,
        eventId,
        replacement: { type: "CONSULTATION_SENT", occurredOn: "2026-06-04", details: { party: "THIRD_PARTY", partyName: "某科技公司" } },
        reason: "发函日期登记错误",
        expectedVersion: null,
        today: TODAY,
      }),
    () => correctCaseEvent({ actor: actors.otherClerk, eventId, replacement: null, reason: "征求意见登记错误", expectedVersion: null, today: TODAY }),
  ]);
  const winner = judge(settled, { refusal: { code: "INVALID_STATE", message: /^该步骤已被(更正过|撤销)/ } }, tally, name);
  await checkStepOutcome(tally, name, { id, eventId, since, winner: winner === null ? null : winner === 0 ? "correct" : "withdraw" });
  return tally;
};

async function checkStepOutcome(
  tally: RaceTally,
  name: string,
  { id, eventId, since, winner }: { id: string; eventId: string; since: Date; winner: "correct" | "withdraw" | null },
) {
  const rows = await db.caseEvent.findMany({ where: { applicationId: id } });
  const target = rows.find((row) => row.id === eventId);
  if (!target) {
    tally.rowsLost += 1;
    tally.problems.push(`${name}: the corrected step is gone`);
    return;
  }
  const active = rows.filter((row) => row.supersededAt === null);
  const audit = await auditSince(id, since);
  if (winner === "correct") {
    const replacement = rows.find((row) => row.id === target.supersededById);
    if (!replacement || replacement.supersededAt !== null || active.length !== 1 || isoDateFromDb(replacement.occurredOn) !== "2026-06-04") {
      tally.lostUpdates += 1;
      tally.problems.push(`${name}: the correction chain is not the winner's`);
    }
    expectAudit(tally, name, audit, ["case_event.correct"]);
  } else if (winner === "withdraw") {
    if (target.supersededAt === null || target.supersededById !== null || active.length !== 0) {
      tally.lostUpdates += 1;
      tally.problems.push(`${name}: the withdrawal did not take effect`);
    }
    expectAudit(tally, name, audit, ["case_event.withdraw"]);
  }
  const before = audit[0]?.before as { eventId?: string } | null | undefined;
  if (winner && before?.eventId !== eventId) {
    tally.auditGaps += 1;
    tally.problems.push(`${name}: the audit entry does not name the step`);
  }
  const stored = await db.application.findUniqueOrThrow({ where: { id } });
  const expectedPhase = winner === "correct" ? "CONSULTING" : "RUNNING";
  if (winner && stored.clockPhase !== expectedPhase) {
    tally.lostUpdates += 1;
    tally.problems.push(`${name}: derived columns ${stored.clockPhase}, expected ${expectedPhase}`);
  }
}

/** Two edits of one reconsideration from two open forms. */
export const proceedingEdits: RaceScenario = async (actors, round) => {
  const name = "two proceeding edits";
  const tally = emptyTally();
  const { id } = await registerApplication({ actor: actors.clerk, input: application(`竞态丁${round}`, "2026-01-05"), today: TODAY });
  const proceeding = await addProceeding({ actor: actors.clerk, applicationId: id, input: { kind: "RECONSIDERATION", filedOn: "2026-02-10" } });
  const since = new Date();
  const edit = (disposition: string, decidedOn: string, actor: Actor) => () =>
    updateProceeding({ actor, proceedingId: proceeding.id, input: { kind: "RECONSIDERATION", filedOn: "2026-02-10", disposition, decidedOn }, expectedVersion: proceeding.version });
  const settled = await releaseTogether([edit("UPHOLD", "2026-04-01", actors.clerk), edit("REVOKE", "2026-04-02", actors.otherClerk)]);
  const winner = judge(settled, { refusal: { code: "STALE", message: STALE_MESSAGE } }, tally, name);
  const stored = await db.proceeding.findUnique({ where: { id: proceeding.id } });
  if (!stored) {
    tally.rowsLost += 1;
    return tally;
  }
  if (winner !== null) {
    const expected = winner === 0 ? { disposition: "UPHOLD", result: "UPHELD" } : { disposition: "REVOKE", result: "CORRECTED" };
    if (stored.disposition !== expected.disposition || stored.result !== expected.result) {
      tally.lostUpdates += 1;
      tally.problems.push(`${name}: stored ${stored.disposition}/${stored.result}, winner wrote ${expected.disposition}`);
    }
    const audit = await auditSince(proceeding.id, since);
    expectAudit(tally, name, audit, ["proceeding.update"]);
    const entry = audit[0];
    if (entry && ((entry.before as { result?: unknown }).result !== null || (entry.after as { disposition?: unknown }).disposition !== expected.disposition)) {
      tally.auditGaps += 1;
      tally.problems.push(`${name}: the audit entry's before/after are not what happened`);
    }
  }
  return tally;
};

/** Two managers reassign the same case. */
export const reassignments: RaceScenario = async (actors, round) => {
  const name = "two reassignments";
  const tally = emptyTally();
  const { id } = await registerApplication({ actor: actors.clerk, input: application(`竞态戊${round}`), today: TODAY });
  const { version } = await db.application.findUniqueOrThrow({ where: { id }, select: { version: true } });
  const since = new Date();
  const handlers = [actors.otherClerk.userId, actors.manager.userId];
  const settled = await releaseTogether([
    () => assignHandler({ actor: actors.manager, input: { applicationId: id, handlerId: handlers[0] }, expectedVersion: version }),
    () => assignHandler({ actor: actors.otherManager, input: { applicationId: id, handlerId: handlers[1] }, expectedVersion: version }),
  ]);
  const winner = judge(settled, { refusal: { code: "STALE", message: STALE_MESSAGE } }, tally, name);
  if (winner !== null) {
    const stored = await db.application.findUniqueOrThrow({ where: { id } });
    if (stored.handlerId !== handlers[winner]) {
      tally.lostUpdates += 1;
      tally.problems.push(`${name}: the handler is not the winner's`);
    }
    const audit = await auditSince(id, since);
    expectAudit(tally, name, audit, ["application.assign"]);
    if (audit[0] && (audit[0].after as { handlerId?: unknown }).handlerId !== handlers[winner]) {
      tally.auditGaps += 1;
      tally.problems.push(`${name}: the audit entry names another handler`);
    }
  }
  return tally;
};

/** Two corrections of the registration from two open forms (different fields). */
export const registrationEdits: RaceScenario = async (actors, round) => {
  const name = "two registration edits";
  const tally = emptyTally();
  const applicantName = `竞态己${round}`;
  const { id } = await registerApplication({ actor: actors.clerk, input: application(applicantName), today: TODAY });
  const { version } = await db.application.findUniqueOrThrow({ where: { id }, select: { version: true } });
  const since = new Date();
  const edits = [
    { ...application(applicantName), applicantType: "LEGAL_SERVICE_ORG" },
    { ...application(applicantName), applicantName: `${applicantName}（更正）` },
  ];
  const settled = await releaseTogether(
    edits.map((input, index) => () =>
      updateRegistration({
        actor: index === 0 ? actors.clerk : actors.otherClerk,
        applicationId: id,
        input,
        reason: index === 0 ? "申请人为律师事务所" : "姓名登记错误",
        expectedVersion: version,
        today: TODAY,
      }),
    ),
  );
  const winner = judge(settled, { refusal: { code: "STALE", message: STALE_MESSAGE } }, tally, name);
  if (winner !== null) {
    const stored = await db.application.findUniqueOrThrow({ where: { id } });
    const wanted = edits[winner]!;
    if (stored.applicantType !== wanted.applicantType || stored.applicantName !== wanted.applicantName) {
      tally.lostUpdates += 1;
      tally.problems.push(`${name}: stored ${stored.applicantType} ${stored.applicantName}, not the winner's`);
    }
    const audit = await auditSince(id, since);
    expectAudit(tally, name, audit, ["application.update_registration"]);
    const entry = audit[0];
    if (entry && ((entry.before as { applicantType?: unknown }).applicantType !== "NATURAL_PERSON" || (entry.after as { applicantName?: unknown }).applicantName !== wanted.applicantName)) {
      tally.auditGaps += 1;
      tally.problems.push(`${name}: the audit entry's before/after are not what happened`);
    }
  }
  return tally;
};

/** A step (an extension, recorded directly by a manager) while a manager voids the case. */
export const stepVersusVoid: RaceScenario = async (actors, round) => {
  const name = "step vs void";
  const tally = emptyTally();
  const { id } = await registerApplication({ actor: actors.clerk, input: application(`竞态庚${round}`), today: TODAY });
  const { version } = await db.application.findUniqueOrThrow({ where: { id }, select: { version: true } });
  const since = new Date();
  const settled = await releaseTogether([
    () =>
      recordCaseEvent({
        // Only a manager records an extension directly (a clerk requests it: docs/decisions/0075).
        actor: actors.manager,
        applicationId: id,
        input: { type: "EXTENSION", occurredOn: "2026-06-10", details: { workdays: 15, approvedBy: "李主任", approvedOn: "2026-06-09", reason: "需调取档案" } },
        expectedVersion: version,
        today: TODAY,
      }),
    () => voidApplication({ actor: actors.manager, applicationId: id, reason: "重复登记", expectedVersion: version }),
  ]);
  const winner = judge(settled, { refusal: { code: "STALE", message: STALE_MESSAGE } }, tally, name);
  if (winner !== null) {
    const stored = await db.application.findUniqueOrThrow({ where: { id } });
    const events = await db.caseEvent.count({ where: { applicationId: id } });
    const audit = await auditSince(id, since);
    if (winner === 0) {
      if (stored.voidedAt !== null || events !== 1 || stored.extensionWorkdays !== 15) {
        tally.lostUpdates += 1;
        tally.problems.push(`${name}: the step won but the case is ${stored.voidedAt ? "voided" : "without it"}`);
      }
      expectAudit(tally, name, audit, ["case_event.record.extension"]);
    } else {
      if (stored.voidedAt === null || events !== 0) {
        tally.lostUpdates += 1;
        tally.problems.push(`${name}: the void won but the case has ${events} steps`);
      }
      expectAudit(tally, name, audit, ["application.void"]);
    }
  }
  return tally;
};

/** Two administrators save the organization settings from two open forms. */
export const settingsSaves: RaceScenario = async (actors, round) => {
  const name = "two settings saves";
  const tally = emptyTally();
  const organization = await db.organization.findUniqueOrThrow({ where: { id: actors.admin.organizationId } });
  const since = new Date();
  const settings = (suffix: string) => ({
    name: `竞态司法局${round}${suffix}`,
    appealsBasis: organization.appealsBasis,
    feeStopsClock: organization.feeStopsClock,
    caseNumberPrefix: organization.caseNumberPrefix,
    caseNumberPattern: organization.caseNumberPattern,
  });
  const inputs = [settings("甲"), settings("乙")];
  const settled = await releaseTogether(
    inputs.map((input, index) => () =>
      updateOrganizationSettings({ actor: index === 0 ? actors.admin : actors.otherAdmin, input, expectedVersion: organization.version, today: TODAY }),
    ),
  );
  const winner = judge(settled, { refusal: { code: "STALE", message: STALE_MESSAGE } }, tally, name);
  if (winner !== null) {
    const stored = await db.organization.findUniqueOrThrow({ where: { id: organization.id } });
    if (stored.name !== inputs[winner]!.name) {
      tally.lostUpdates += 1;
      tally.problems.push(`${name}: stored ${stored.name}, not the winner's`);
    }
    expectAudit(tally, name, await auditSince(organization.id, since), ["organization.update_settings"]);
  }
  return tally;
};

/** Two managers decide the same extension request at once: one approves, the other rejects (docs/decisions/0075). */
export const extensionDecisions: RaceScenario = async (actors, round) => {
  const name = "approval vs rejection of an extension";
  const tally = emptyTally();
  const { id } = await registerApplication({ actor: actors.clerk, input: application(`竞态辛${round}`, "2026-11-18"), today: TODAY });
  const { requestId } = await requestExtension({ actor: actors.clerk, applicationId: id, input: { workdays: 10, reason: "需调取档案" }, expectedVersion: null, today: TODAY });
  const since = new Date();
  const settled = await releaseTogether([
    () => approveExtensionRequest({ actor: actors.manager, requestId, expectedVersion: 0, today: TODAY }),
    () => rejectExtensionRequest({ actor: actors.otherManager, requestId, input: { note: "可按期答复" }, expectedVersion: 0 }),
  ]);
  const winner = judge(settled, { refusal: { code: "STALE", message: /^该延期申请已由 .+ 于 .+ (批准|驳回)，请刷新后查看$/ } }, tally, name);
  if (winner !== null) {
    const request = await db.extensionRequest.findUniqueOrThrow({ where: { id: requestId } });
    const events = await db.caseEvent.count({ where: { applicationId: id, type: "EXTENSION" } });
    const expected = winner === 0 ? { status: "APPROVED", events: 1 } : { status: "REJECTED", events: 0 };
    if (request.status !== expected.status || events !== expected.events) {
      tally.lostUpdates += 1;
      tally.problems.push(`${name}: the ${expected.status} decision won but the request is ${request.status} with ${events} extension steps`);
    }
    expectAudit(tally, name, await auditSince(requestId, since), [winner === 0 ? "extension_request.approve" : "extension_request.reject"]);
  }
  return tally;
};

export const CASE_RACE_SCENARIOS: { name: string; run: RaceScenario }[] = [
  { name: "correction vs withdrawal", run: correctionVersusWithdrawal },
  { name: "withdrawal vs withdrawal", run: withdrawalVersusWithdrawal },
  { name: "correction vs withdrawal (no version)", run: correctionVersusWithdrawalUnversioned },
  { name: "two proceeding edits", run: proceedingEdits },
  { name: "two reassignments", run: reassignments },
  { name: "two registration edits", run: registrationEdits },
  { name: "step vs void", run: stepVersusVoid },
  { name: "two settings saves", run: settingsSaves },
  { name: "approval vs rejection of an extension", run: extensionDecisions },
];
