// Publication against the real database: one consistent snapshot while colleagues close and reopen
// cases (4 clients released together with the publisher, many rounds: every frozen figure equals the
// number of ids stored behind it), drafts that refuse a stale save, publications that refuse a stale
// page, the organization's name and text frozen with each version, and the differences from today.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { correctCaseEvent } from "@/lib/cases/mutations";
import { updateOrganizationSettings } from "@/lib/organizations/mutations";
import { exportReportFile } from "@/lib/reports/export";
import { getPublishedReport, getReportDraft, getReportWorkspace, publishReport, saveReportDraft } from "@/lib/reports/publication";
import { actorFor, createTestUser } from "./factories";
import { releasedTogether, seededRandom } from "./concurrency";
import { RACE_TODAY, RACE_YEAR, changeCase, createRaceOffice as createOffice, registerDecidedCases, verifyPublishedVersions, type RaceOffice as Office } from "./report-race-scenario";

const TODAY = RACE_TODAY;
const YEAR = RACE_YEAR;

async function verifyEveryVersion(organizationId: string) {
  const verdicts = await verifyPublishedVersions(organizationId);
  expect(verdicts.filter((verdict) => verdict.contradictions.length > 0 || !verdict.checksPass)).toEqual([]);
  return verdicts.length;
}

describe("publishing while colleagues close and reopen cases", () => {
  it("freezes, in every round, figures equal to the ids stored behind them", async () => {
    const office = await createOffice("并发发布司法局");
    const cases = await registerDecidedCases(office, 36);
    const random = seededRandom(20261202);
    let published = 0;
    let changes = 0;
    for (let round = 0; round < 8; round += 1) {
      let clientsDone = 0;
      const clients = office.clerks.map((clerk, client) => async () => {
        try {
          for (let step = 0; step < 5; step += 1) {
            // Each client its own cases: the races here are between the writers and the publisher.
            const mine = cases.filter((_, index) => index % office.clerks.length === client);
            const applicationId = mine[Math.floor(random() * mine.length)]!;
            try {
              await changeCase(clerk, applicationId, random);
              changes += 1;
            } catch (error) {
              // A refusal of the case's rules (e.g. a decision dated before a later step) is an answer, not a fault.
              if (!isAppError(error)) throw error;
            }
          }
        } finally {
          clientsDone += 1;
        }
      });
      const publisher = async () => {
        let attempts = 0;
        while (clientsDone < office.clerks.length || attempts < 2) {
          attempts += 1;
          await publishReport({ actor: office.manager, input: { year: YEAR, format: "2021", reason: `第 ${round + 1} 轮第 ${attempts} 次发布` } });
          published += 1;
        }
      };
      const outcomes = await releasedTogether([...clients, publisher]);
      for (const outcome of outcomes) if (outcome.status === "rejected") throw outcome.reason;
    }
    expect(changes).toBeGreaterThan(100);
    expect(await verifyEveryVersion(office.organizationId)).toBe(published);
    // One audit entry per published version.
    expect(await db.auditEvent.count({ where: { organizationId: office.organizationId, action: "report.publish" } })).toBe(published);
  }, 240_000);

  it("refuses a second publication started from the same page, naming who published", async () => {
    const office = await createOffice("同时发布司法局");
    await registerDecidedCases(office, 6);
    await publishReport({ actor: office.manager, input: { year: YEAR, format: "2021" } });
    for (let round = 0; round < 5; round += 1) {
      const expectedVersion = round + 1;
      const outcomes = await releasedTogether(
        [office.manager, office.otherManager].map((actor) => () => publishReport({ actor, input: { year: YEAR, format: "2021", reason: "更正后再次发布", expectedVersion } })),
      );
      const winners = outcomes.filter((outcome) => outcome.status === "fulfilled");
      const losers = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason as unknown] : []));
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(losers[0]).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^(李负责|周副职) 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 已发布第 \d+ 版/) });
    }
    expect(await verifyEveryVersion(office.organizationId)).toBe(6);
  });
});

describe("report drafts carry their version", () => {
  let office: Office;
  beforeAll(async () => {
    office = await createOffice("草稿并发司法局");
  });

  const draftInput = (version: number, overview: string) => ({
    year: YEAR,
    format: "2021",
    version,
    sections: { overview, problems: "", other: "" },
    activeDisclosure: {},
  });

  it("lets one of two saves released together win and refuses the other in Chinese, losing nothing", async () => {
    for (let round = 0; round < 6; round += 1) {
      const { version } = await getReportDraft({ actor: office.manager, year: YEAR });
      const texts = [`李负责第 ${round} 轮的总体情况`, `周副职第 ${round} 轮的总体情况`];
      const actors = [office.manager, office.otherManager];
      const outcomes = await releasedTogether(actors.map((actor, index) => () => saveReportDraft({ actor, input: draftInput(version, texts[index]!) })));
      const winner = outcomes.findIndex((outcome) => outcome.status === "fulfilled");
      const loser = 1 - winner;
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      const refusal = outcomes[loser] as PromiseRejectedResult;
      expect(refusal.reason).toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(new RegExp(`^报告草稿已由 ${actors[winner]!.displayName} 于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 保存过.*您填写的内容仍在表单中`)),
      });
      const stored = await getReportDraft({ actor: office.manager, year: YEAR });
      expect(stored).toMatchObject({ version: version + 1, updatedBy: actors[winner]!.displayName, sections: { overview: texts[winner] } });

      // The loser merges on the new version: both texts end up saved.
      const merged = `${texts[winner]}\n${texts[loser]}`;
      await saveReportDraft({ actor: actors[loser]!, input: draftInput(version + 1, merged) });
      expect((await getReportDraft({ actor: office.manager, year: YEAR })).sections.overview).toBe(merged);
    }
    // Every accepted save audited with its before and after; no entry for a refused one.
    const entries = await db.auditEvent.findMany({ where: { organizationId: office.organizationId, action: "report.save_draft" }, orderBy: { createdAt: "asc" } });
    expect(entries).toHaveLength(12);
    expect(entries[0]).toMatchObject({ before: null, after: { version: 1 } });
    expect(entries[11]).toMatchObject({ before: { version: 11 }, after: { version: 12 } });
  });

  it("refuses a publication from a page whose draft has since changed", async () => {
    const draft = await getReportDraft({ actor: office.manager, year: YEAR });
    await saveReportDraft({ actor: office.otherManager, input: draftInput(draft.version, "周副职后来改的文字") });
    await expect(publishReport({ actor: office.manager, input: { year: YEAR, format: "2021", draftVersion: draft.version } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("报告草稿已由 周副职 于"),
    });
    expect(await db.reportSnapshot.count({ where: { organizationId: office.organizationId } })).toBe(0);
  });
});

describe("a published version's files come from its snapshot", () => {
  it("keeps the organization's name, text and table 二 of the day it was published", async () => {
    const office = await createOffice("甲区司法局");
    const admin = actorFor(await createTestUser({ organizationId: office.organizationId, role: "ADMIN" }));
    await registerDecidedCases(office, 5);
    await saveReportDraft({
      actor: office.manager,
      input: { year: YEAR, format: "2021", version: 0, sections: { overview: "发布时的总体情况", problems: "", other: "" }, activeDisclosure: {} },
    });
    await publishReport({ actor: office.manager, input: { year: YEAR, format: "2021" } });

    const settings = { appealsBasis: "FILED_IN_YEAR", feeStopsClock: true, caseNumberPrefix: "GK", caseNumberPattern: "{前缀}-{年}-{序号:6}" };
    await updateOrganizationSettings({ expectedVersion: null, actor: admin, input: { name: "甲区司法行政局", ...settings }, today: TODAY });
    await saveReportDraft({
      actor: office.manager,
      input: { year: YEAR, format: "2021", version: 1, sections: { overview: "发布后改的文字", problems: "", other: "" }, activeDisclosure: {} },
    });

    const published = await getPublishedReport({ actor: office.manager, year: YEAR, version: 1 });
    expect(published).toMatchObject({ organizationName: "甲区司法局", sections: { overview: "发布时的总体情况" } });
    const file = await exportReportFile({ actor: office.manager, year: YEAR, type: "docx", version: 1 });
    expect(file.fileName).toBe("甲区司法局2025年政府信息公开工作年度报告（第1版）.docx");

    // A version stored before the name was kept with it: the name in force then, from the audit.
    await db.reportSnapshot.create({
      data: { organizationId: office.organizationId, year: 2024, version: 1, format: "2021", report: {}, sections: {}, activeDisclosure: {}, publishedAt: new Date("2026-01-01T00:00:00Z") },
    });
    await updateOrganizationSettings({ expectedVersion: null, actor: admin, input: { name: "甲区司法局（新）", ...settings }, today: TODAY });
    expect((await getPublishedReport({ actor: office.manager, year: 2024, version: 1 })).organizationName).toBe("甲区司法局");
  });

  it("shows today's differences from the latest version from the SQL cell lists", async () => {
    const office = await createOffice("差异司法局");
    const [first] = await registerDecidedCases(office, 5);
    await publishReport({ actor: office.manager, input: { year: YEAR, format: "2021" } });
    const unchanged = await getReportWorkspace({ actor: office.manager, year: YEAR });
    expect(unchanged.differences).toEqual([]);

    // The first case (自然人, received 2025-11-03, decided 2025-12-18 予以公开) is withdrawn: it moves from （一） to 四.
    const event = await db.caseEvent.findFirstOrThrow({ where: { applicationId: first, type: "DECISION_SERVED", supersededAt: null } });
    await correctCaseEvent({ expectedVersion: null, actor: office.clerks[0]!, eventId: event.id, replacement: null, reason: "误登记答复", today: TODAY });
    const workspace = await getReportWorkspace({ actor: office.manager, year: YEAR });
    const byCell = new Map(workspace.differences?.map((difference) => [difference.cell, difference]));
    expect(byCell.get("applications.granted.natural_person")).toMatchObject({ published: 1, current: 0, addedCaseIds: [], removedCaseIds: [first] });
    expect(byCell.get("applications.carried_out.natural_person")).toMatchObject({ addedCaseIds: [first], removedCaseIds: [] });
  });
});
