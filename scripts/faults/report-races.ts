// Fault suite "report-races" (FAULTS.md): the races of issue 8 around the annual report, each a real
// concurrent attempt (clients released together at one barrier), checked in the database afterwards.
//
// How it drives the system: it calls the domain functions of lib/ (the code the server runs) from this
// process, concurrently, against the server's own database (context.databaseUrl); after the races it
// signs in to the real server over HTTP (context.baseUrl) and opens the report page, which must render
// the published version and its differences (computed from the SQL cell lists) without an error.
//
// Races:
//   publish-while-changing  4 clerks withdraw, correct and re-decide cases while a manager publishes:
//                           every stored version must equal, cell by cell, the ids stored behind it
//                           (inconsistent_snapshots), and pass its checks
//   publish-duel            two managers publish from the same page: exactly one new version, the other
//                           refused in Chinese (stale_writes_accepted / lost_updates)
//   draft-duel              two managers save the draft from the same version: one wins, the other is
//                           refused naming who saved when, then merges and saves (lost_updates)
// Every accepted change must have its audit entry (audit_gaps); every refusal must be a Chinese
// message, never a raw error (raw_errors_shown); nothing written may go missing (rows_lost).
import { useDatabaseUrl } from "../../lib/env";
import { releasedTogether, seededRandom } from "../../tests/concurrency";
import type { FaultContext, FaultSuite } from "./types";

const PUBLISH_ROUNDS = 12;
const DUEL_ROUNDS = 6;
const DRAFT_ROUNDS = 12;
const CHANGES_PER_CLIENT = 4;

const CHINESE = /[\u4e00-\u9fff]/;
const RAW = /prisma|invocation|exception|stack|undefined|null|Error:|TypeError|\bat\s+\S+\s+\(/i;

interface Tally {
  races_attempted: number;
  lost_updates: number;
  stale_writes_accepted: number;
  inconsistent_snapshots: number;
  audit_gaps: number;
  raw_errors_shown: number;
  rows_lost: number;
}

async function run(context: FaultContext): Promise<Record<string, number | boolean>> {
  useDatabaseUrl(context.databaseUrl);
  const { db } = await import("../../lib/db");
  const { isAppError } = await import("../../lib/errors");
  const { getReportDraft, publishReport, saveReportDraft } = await import("../../lib/reports/publication");
  const scenario = await import("../../tests/report-race-scenario");
  const tally: Tally = { races_attempted: 0, lost_updates: 0, stale_writes_accepted: 0, inconsistent_snapshots: 0, audit_gaps: 0, raw_errors_shown: 0, rows_lost: 0 };

  /** A refusal the user may see: an AppError in Chinese. Anything else counts as a raw error. */
  function refusal(error: unknown, where: string): { code: string; message: string } | null {
    if (isAppError(error) && CHINESE.test(error.message) && !RAW.test(error.message)) return { code: error.code, message: error.message };
    tally.raw_errors_shown += 1;
    context.log(`[report-races] ${where}：未转为中文提示的错误：${error instanceof Error ? error.message : String(error)}`);
    return null;
  }

  const office = await scenario.createRaceOffice(`故障演练${Date.now().toString(36)}局`);
  const cases = await scenario.registerDecidedCases(office, 36);
  const random = seededRandom(Date.now() & 0xffff);
  const year = scenario.RACE_YEAR;

  // --- publish while colleagues change cases
  context.log(`[report-races] 发布与改案并发：${PUBLISH_ROUNDS} 轮`);
  const racesStarted = new Date();
  let publications = 0;
  let caseChanges = 0;
  for (let round = 0; round < PUBLISH_ROUNDS; round += 1) {
    let clientsDone = 0;
    const clients = office.clerks.map((clerk, client) => async () => {
      try {
        const mine = cases.filter((_, index) => index % office.clerks.length === client);
        for (let step = 0; step < CHANGES_PER_CLIENT; step += 1) {
          try {
            await scenario.changeCase(clerk, mine[Math.floor(random() * mine.length)]!, random);
            caseChanges += 1;
          } catch (error) {
            refusal(error, "改案");
          }
        }
      } finally {
        clientsDone += 1;
      }
    });
    const publisher = async () => {
      do {
        try {
          await publishReport({ actor: office.manager, input: { year, format: "2021", reason: `演练第 ${round + 1} 轮` } });
          publications += 1;
        } catch (error) {
          refusal(error, "发布");
        }
      } while (clientsDone < office.clerks.length);
    };
    await releasedTogether([...clients, publisher]);
    tally.races_attempted += 1;
  }
  const verdicts = await scenario.verifyPublishedVersions(office.organizationId);
  for (const verdict of verdicts.filter((candidate) => candidate.contradictions.length > 0 || !candidate.checksPass)) {
    tally.inconsistent_snapshots += 1;
    context.log(`[report-races] 第 ${verdict.version} 版不一致：${verdict.contradictions.join("；") || "核对未通过"}`);
  }
  tally.rows_lost += Math.max(0, publications - verdicts.length);
  const publishEntries = await db.auditEvent.count({ where: { organizationId: office.organizationId, action: "report.publish" } });
  const changeEntries = await db.auditEvent.count({
    where: { organizationId: office.organizationId, action: { startsWith: "case_event." }, createdAt: { gte: racesStarted } },
  });
  tally.audit_gaps += Math.abs(publishEntries - publications) + Math.abs(changeEntries - caseChanges);

  // --- two publications from the same page
  context.log(`[report-races] 同一页面两人同时发布：${DUEL_ROUNDS} 轮`);
  for (let round = 0; round < DUEL_ROUNDS; round += 1) {
    const before = await db.reportSnapshot.count({ where: { organizationId: office.organizationId, year } });
    const outcomes = await releasedTogether(
      [office.manager, office.otherManager].map((actor) => () => publishReport({ actor, input: { year, format: "2021", reason: "演练再次发布", expectedVersion: before } })),
    );
    tally.races_attempted += 1;
    const winners = outcomes.filter((outcome) => outcome.status === "fulfilled").length;
    if (winners > 1) tally.stale_writes_accepted += winners - 1;
    if (winners === 0) tally.lost_updates += 1;
    for (const outcome of outcomes) {
      if (outcome.status === "rejected" && refusal(outcome.reason, "同时发布")?.code !== "CONFLICT") tally.lost_updates += 1;
    }
    const after = await db.reportSnapshot.count({ where: { organizationId: office.organizationId, year } });
    if (after !== before + winners) tally.rows_lost += Math.abs(after - before - winners);
  }

  // --- two draft saves from the same version
  context.log(`[report-races] 两人同时保存报告草稿：${DRAFT_ROUNDS} 轮`);
  const savesBefore = await db.auditEvent.count({ where: { organizationId: office.organizationId, action: "report.save_draft" } });
  let saves = 0;
  const draftInput = (version: number, overview: string) => ({ year, format: "2021", version, sections: { overview, problems: "", other: "" }, activeDisclosure: {} });
  for (let round = 0; round < DRAFT_ROUNDS; round += 1) {
    const { version } = await getReportDraft({ actor: office.manager, year });
    const actors = [office.manager, office.otherManager];
    const texts = actors.map((actor) => `${actor.displayName}第 ${round + 1} 轮写的总体情况`);
    const outcomes = await releasedTogether(actors.map((actor, index) => () => saveReportDraft({ actor, input: draftInput(version, texts[index]!) })));
    tally.races_attempted += 1;
    const winners = outcomes.flatMap((outcome, index) => (outcome.status === "fulfilled" ? [index] : []));
    saves += winners.length;
    if (winners.length > 1) tally.stale_writes_accepted += winners.length - 1;
    if (winners.length !== 1) {
      if (winners.length === 0) tally.lost_updates += 1;
      continue;
    }
    const winner = winners[0]!;
    const loser = 1 - winner;
    const refused = outcomes[loser]!;
    const answer = refused.status === "rejected" ? refusal(refused.reason, "保存草稿") : null;
    if (answer && (answer.code !== "CONFLICT" || !answer.message.includes(actors[winner]!.displayName))) tally.lost_updates += 1;
    const stored = await getReportDraft({ actor: office.manager, year });
    if (stored.sections.overview !== texts[winner]) tally.lost_updates += 1;
    // The refused colleague merges what they typed (kept by the form) and saves on the new version.
    const merged = `${stored.sections.overview}\n${texts[loser]}`;
    try {
      await saveReportDraft({ actor: actors[loser]!, input: draftInput(stored.version, merged) });
      saves += 1;
    } catch (error) {
      refusal(error, "合并后保存草稿");
    }
    if ((await getReportDraft({ actor: office.manager, year })).sections.overview !== merged) tally.lost_updates += 1;
  }
  const saveEntries = (await db.auditEvent.count({ where: { organizationId: office.organizationId, action: "report.save_draft" } })) - savesBefore;
  tally.audit_gaps += Math.abs(saveEntries - saves);
  tally.rows_lost += Math.max(0, cases.length - (await db.application.count({ where: { organizationId: office.organizationId } })));

  // --- the real server shows the result
  const pageOk = await reportPageRenders(context, office.manager.username, scenario.RACE_PASSWORD, year);
  if (!pageOk) tally.raw_errors_shown += 1;

  context.log(`[report-races] 完成：${tally.races_attempted} 次并发，${verdicts.length} 个发布版本，${caseChanges} 次改案，${saves} 次保存草稿`);
  return { ...tally };
}

/** Signs in over HTTP (next-auth credentials) and opens the year's report page. */
async function reportPageRenders(context: FaultContext, username: string, password: string, year: number): Promise<boolean> {
  const cookies = new Map<string, string>();
  const keep = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const [name, ...value] = (pair ?? "").split("=");
      if (name) cookies.set(name.trim(), value.join("="));
    }
  };
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  try {
    const csrf = await fetch(`${context.baseUrl}/api/auth/csrf`);
    keep(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signIn = await fetch(`${context.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
      body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
      redirect: "manual",
    });
    keep(signIn);
    const page = await fetch(`${context.baseUrl}/reports/${year}`, { headers: { cookie: cookieHeader() }, redirect: "manual" });
    const html = await page.text();
    const ok = page.status === 200 && html.includes("已发布第") && html.includes("与已发布第") && !html.includes("系统错误");
    if (!ok) context.log(`[report-races] 报告页面未正常显示：HTTP ${page.status}`);
    return ok;
  } catch (error) {
    context.log(`[report-races] 无法打开报告页面：${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

export const reportRacesSuite: FaultSuite = { name: "report-races", run };
