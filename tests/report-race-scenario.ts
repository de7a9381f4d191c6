// The publication races shared by tests/report-publication.integration.test.ts and the fault suite
// scripts/faults/report-races.ts: an office with four clerks and two managers, cases decided around
// the ends of 2024 and 2025, and the changes colleagues make to them (withdraw, correct, decide again)
// through the app's own mutations. Imports lib/db: load it after the database URL is set.
import type { Outcome } from "@prisma/client";
import { db } from "../lib/db";
import type { Actor } from "../lib/auth/actor";
import { correctCaseEvent, recordCaseEvent, registerApplication } from "../lib/cases/mutations";
import { balanceContradictions, readPublishedVersion, readingContradictions } from "../lib/reports/publication";
import { actorFor, createTestOrganization, createTestUser } from "./factories";

export const RACE_TODAY = "2026-06-30";
export const RACE_YEAR = 2025;
export const RACE_PASSWORD = "Race-password-1";

const OUTCOMES: Outcome[] = ["GRANTED", "PARTIALLY_GRANTED", "UNAVAILABLE_NOT_HELD", "WITHHELD_STATE_SECRET", "NOT_PROCESSED_REPEAT"];
/** Decision dates by receipt year: across the ends of 2024 and 2025, so that a change moves a case between 四 of one year and 二 or （七） of the next. */
const DECISION_DATES: Record<string, string[]> = {
  "2024": ["2024-12-27", "2024-12-31", "2025-01-02", "2025-01-06", "2025-12-31", "2026-01-05"],
  "2025": ["2025-12-18", "2025-12-30", "2025-12-31", "2026-01-02", "2026-01-12"],
};
const APPLICANT_TYPES = ["NATURAL_PERSON", "COMMERCIAL_ENTERPRISE", "LEGAL_SERVICE_ORG"] as const;

export interface RaceOffice {
  organizationId: string;
  manager: Actor;
  otherManager: Actor;
  clerks: Actor[];
}

export async function createRaceOffice(name: string): Promise<RaceOffice> {
  const organization = await createTestOrganization(name);
  const user = (role: "CLERK" | "MANAGER", displayName: string) =>
    createTestUser({ organizationId: organization.id, role, displayName, password: RACE_PASSWORD }).then(actorFor);
  return {
    organizationId: organization.id,
    manager: await user("MANAGER", "李负责"),
    otherManager: await user("MANAGER", "周副职"),
    clerks: await Promise.all(["王登记", "赵登记", "钱登记", "孙登记"].map((displayName) => user("CLERK", displayName))),
  };
}

export function decision(occurredOn: string, disposition: Outcome) {
  return { type: "DECISION_SERVED", occurredOn, details: { serviceMethod: "邮寄", items: [{ description: "申请的信息", disposition }] } };
}

function decisionDatesOf(receiptYear: string): string[] {
  return DECISION_DATES[receiptYear] ?? [];
}

/** Cases received in December 2024 (every third) or November 2025, four in five of them decided. */
export async function registerDecidedCases(office: RaceOffice, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const clerk = office.clerks[index % office.clerks.length]!;
    const { id } = await registerApplication({
      actor: clerk,
      input: {
        applicantType: APPLICANT_TYPES[index % APPLICANT_TYPES.length],
        applicantName: `申请人${index}`,
        channel: "ONLINE",
        receivedOn: index % 3 === 2 ? `2024-12-${String(2 + (index % 18)).padStart(2, "0")}` : `2025-11-${String(3 + (index % 20)).padStart(2, "0")}`,
        requestContent: "申请公开本机关2025年度行政处罚决定书目录",
      },
      today: RACE_TODAY,
    });
    if (index % 5 !== 4) {
      const dates = decisionDatesOf(index % 3 === 2 ? "2024" : "2025");
      await recordCaseEvent({ expectedVersion: null, actor: clerk, applicationId: id, input: decision(dates[index % dates.length]!, OUTCOMES[index % OUTCOMES.length]!), today: RACE_TODAY });
    }
    ids.push(id);
  }
  return ids;
}

/** One colleague's change of one case: withdraw or correct its decision, or decide it again. */
export async function changeCase(clerk: Actor, applicationId: string, random: () => number): Promise<void> {
  const application = await db.application.findUniqueOrThrow({ where: { id: applicationId }, select: { caseYear: true } });
  const current = await db.caseEvent.findFirst({ where: { applicationId, type: "DECISION_SERVED", supersededAt: null } });
  const disposition = OUTCOMES[Math.floor(random() * OUTCOMES.length)]!;
  const dates = decisionDatesOf(String(application.caseYear));
  const occurredOn = dates[Math.floor(random() * dates.length)]!;
  if (!current) {
    await recordCaseEvent({ expectedVersion: null, actor: clerk, applicationId, input: decision(occurredOn, disposition), today: RACE_TODAY });
  } else if (random() < 0.4) {
    await correctCaseEvent({ expectedVersion: null, actor: clerk, eventId: current.id, replacement: null, reason: "答复登记错误，撤销", today: RACE_TODAY });
  } else {
    await correctCaseEvent({ expectedVersion: null, actor: clerk, eventId: current.id, replacement: decision(occurredOn, disposition), reason: "更正答复结果和日期", today: RACE_TODAY });
  }
}

export interface VersionVerdict {
  version: number;
  contradictions: string[];
  checksPass: boolean;
}

/** Every stored version of the year, read back: what contradicts one snapshot of the database. */
export async function verifyPublishedVersions(organizationId: string, year = RACE_YEAR): Promise<VersionVerdict[]> {
  const versions = await db.reportSnapshot.findMany({ where: { organizationId, year }, select: { version: true }, orderBy: { version: "asc" } });
  const verdicts: VersionVerdict[] = [];
  for (const { version } of versions) {
    const reading = await readPublishedVersion({ organizationId, year, version });
    verdicts.push({ version, contradictions: [...readingContradictions(reading), ...balanceContradictions(reading)], checksPass: reading.report.checks.every((check) => check.ok) });
  }
  return verdicts;
}
