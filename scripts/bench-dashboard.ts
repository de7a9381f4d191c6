// The manager dashboard benchmark: getManagerDashboard for one year of an organization with 1,000,000
// cases over ten years (2016–2025). Target: under 150 ms (issue 14; ADR 0097).
//
// Its own embedded database (.data/bench-dashboard, port 54530), filled once and kept between runs:
//
//   npx tsx --import ./scripts/server-only-hook.mjs scripts/bench-dashboard.ts
//
// prints one JSON line on standard output ({"dashboard_ms": …}); progress goes to standard error.
// Delete .data/bench-dashboard to generate the cases afresh (e.g. after changing insertDashboardCases).
//
// Why its own filler rather than scripts/bench-report.ts's: the report benchmark does not export its
// filler, and its cases carry no handler and no due date once closed, so the dashboard's per-handler
// workload, on-time rate and working-days-to-close queries would run over no rows. The approach is the
// same: bulk INSERT … SELECT over generate_series, every column from a deterministic hash of the number.
//
// Modules that import lib/db.ts are loaded with import() only after useDatabaseUrl(): the Prisma
// client reads DATABASE_URL once, when lib/db.ts is first evaluated.
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Actor } from "../lib/auth/actor";
import { toActor } from "../lib/auth/actor";
import { median, round, runBenchAlone, vacuumAnalyzeCaseTables } from "./bench-support";

const DASHBOARD_BENCH_DATA_DIR = path.resolve(".data", "bench-dashboard");
const DASHBOARD_BENCH_PORT = 54_530;
const DASHBOARD_BENCH_ORGANIZATION_CODE = "bench-dashboard";
const DASHBOARD_BENCH_CASES = 1_000_000;
/** "Today" of the benchmark: the data ends here; the dashboard shows this year (2025). */
const DASHBOARD_BENCH_TODAY = "2025-12-31";
const HANDLER_COUNT = 12;
const INSERT_BATCH_SIZE = 50_000;
const WARM_UP_RUNS = 3;
const TIMED_RUNS = 10;

const log = (message: string) => console.error(`[bench-dashboard] ${message}`);

async function ensureDashboardBenchOrganization(): Promise<Actor> {
  const { db } = await import("../lib/db");
  const organization = await db.organization.upsert({
    where: { code: DASHBOARD_BENCH_ORGANIZATION_CODE },
    update: {},
    create: { code: DASHBOARD_BENCH_ORGANIZATION_CODE, name: "统计分析基准测试司法局" },
  });
  const names = ["王芳", "李明", "张伟", "刘洋", "陈静", "杨磊", "赵敏", "黄涛", "周杰", "吴娟", "徐强", "孙丽"];
  for (let index = 0; index <= HANDLER_COUNT; index += 1) {
    const username = `bench-dashboard-${index}`;
    await db.user.upsert({
      where: { username },
      update: {},
      create: {
        // Fixed ids, so that the generated cases can refer to their handlers; user 0 is the manager.
        id: `benchdash-user-${index}`,
        organizationId: organization.id,
        username,
        displayName: index === 0 ? "统计负责人" : (names[index - 1] ?? `经办人${index}`),
        role: index === 0 ? "MANAGER" : "CLERK",
        // Never used to sign in: not a valid password hash.
        passwordHash: "bench-no-login",
      },
    });
  }
  const manager = await db.user.findUniqueOrThrow({ where: { username: "bench-dashboard-0" }, include: { organization: true } });
  return toActor(manager);
}

/**
 * Cases first..(first + count − 1), numbered in receipt order: receipt dates rise with the number (± 2
 * days) over 2016–2025, as a case log grows — the rows of a year then sit together on disk, as they do in
 * production (a random date per number would scatter every year over the whole table; see the figures
 * in the note at the top). 5 % without a handler;
 * 4 % restart after a 补正 (and 0.5 % close as 逾期不补正, without a due date), 3 % consult (a week
 * stopped), 5 % are extended by 10 working days; most close 1–40 days after the start of their period,
 * 5 % take 30–70 days; cases not closed by DASHBOARD_BENCH_TODAY are open. Due dates are approximated
 * in calendar days (28 per 20 working days): the benchmark times the queries, not the clock.
 */
async function insertDashboardCases(organizationId: string, first: number, count: number): Promise<void> {
  const { db } = await import("../lib/db");
  const { Prisma } = await import("@prisma/client");
  const last = first + count - 1;
  const today = Prisma.sql`CAST(${DASHBOARD_BENCH_TODAY} AS date)`;
  await db.$executeRaw(Prisma.sql`
    WITH numbers AS (
      SELECT n,
        (hashint4(n * 17 + 1) & 2147483647) AS h1,
        (hashint4(n * 17 + 2) & 2147483647) AS h2,
        (hashint4(n * 17 + 3) & 2147483647) AS h3,
        (hashint4(n * 17 + 4) & 2147483647) AS h4,
        (hashint4(n * 17 + 5) & 2147483647) AS h5,
        (hashint4(n * 17 + 6) & 2147483647) AS h6
      FROM generate_series(${first}::int, ${last}::int) AS n
    ),
    shaped AS (
      SELECT *,
        least(DATE '2016-01-01' + CAST((n - 1)::bigint * (DATE '2026-01-01' - DATE '2016-01-01') / ${DASHBOARD_BENCH_CASES} AS int) + h1 % 3,
              DATE '2025-12-31') AS received_on,
        CASE WHEN h2 % 1000 < 5 THEN 'LAPSED' WHEN h2 % 100 < 4 THEN 'RESTART' ELSE 'NONE' END AS correction,
        h3 % 100 < 3 AS consulted,
        h3 % 100 BETWEEN 50 AND 54 AS extended,
        CASE WHEN h4 % 100 < 5 THEN 30 + h4 % 41 ELSE 1 + h4 % 40 END AS days_used
      FROM numbers
    ),
    timed AS (
      SELECT *,
        CASE WHEN correction = 'RESTART' THEN received_on + 10 ELSE received_on END AS period_start,
        CASE WHEN correction <> 'NONE' THEN received_on + 3 END AS correction_requested_on
      FROM shaped
    ),
    closing AS (
      SELECT *,
        CASE WHEN correction = 'LAPSED' THEN NULL
             ELSE period_start + 28 + CASE WHEN consulted THEN 7 ELSE 0 END + CASE WHEN extended THEN 14 ELSE 0 END END AS due_on,
        CASE WHEN correction = 'LAPSED' THEN received_on + 25 ELSE period_start + days_used END AS closing_on
      FROM timed
    ),
    dated AS (
      SELECT *, CASE WHEN closing_on <= ${today} THEN closing_on END AS closed_on FROM closing
    )
    INSERT INTO "Application" (
      "id", "organizationId", "caseNumber", "caseYear", "caseSequence", "receivedOn", "channel", "applicantType",
      "applicantName", "requestContent", "handlerId", "status", "clockPhase", "dueOn", "dueIsProvisional",
      "correctionNoticeDueOn", "correctionRequestedOn", "correctionDeadlineOn", "correctionReceivedOn",
      "consultationSentOn", "consultationAnsweredOn", "consultationReplyDueOn",
      "extensionNotifiedOn", "extensionWorkdays", "closedOn", "outcome", "updatedAt"
    )
    SELECT
      'benchdash' || lpad(n::text, 9, '0'),
      ${organizationId},
      'GK-' || extract(year FROM received_on)::int || '-' || lpad(n::text, 7, '0'),
      extract(year FROM received_on)::int,
      n,
      received_on,
      (ARRAY['IN_PERSON','POST','ORDINARY_MAIL','ONLINE','ONLINE','ONLINE','FAX','EMAIL','EMAIL','ORAL','OTHER'])[1 + h5 % 11]::"Channel",
      (CASE WHEN h5 % 100 < 80 THEN 'NATURAL_PERSON' WHEN h5 % 100 < 90 THEN 'COMMERCIAL_ENTERPRISE'
            WHEN h5 % 100 < 93 THEN 'RESEARCH_INSTITUTION' WHEN h5 % 100 < 95 THEN 'SOCIAL_WELFARE_ORG'
            WHEN h5 % 100 < 98 THEN 'LEGAL_SERVICE_ORG' ELSE 'OTHER_ORG' END)::"ApplicantType",
      (ARRAY['张','王','李','赵','刘','陈','杨','黄','周','吴','徐','孙'])[1 + h6 % 12] || (ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋'])[1 + (h6 / 12) % 10],
      '申请公开' || extract(year FROM received_on)::int || '年度'
        || (ARRAY['法律援助案件统计','行政处罚决定书','拆迁安置补偿方案','财政预算执行情况','政府采购合同','律师执业许可材料',
                  '人民调解经费使用情况','普法宣传经费','社区矫正工作制度','行政复议决定书'])[1 + h6 % 10],
      CASE WHEN h2 % 20 = 7 THEN NULL ELSE 'benchdash-user-' || (1 + h6 % ${HANDLER_COUNT}) END,
      (CASE WHEN closed_on IS NULL THEN 'OPEN' ELSE 'CLOSED' END)::"ApplicationStatus",
      (CASE WHEN closed_on IS NOT NULL THEN 'CLOSED'
            WHEN correction = 'LAPSED' THEN 'AWAITING_CORRECTION'
            ELSE 'RUNNING' END)::"ClockPhase",
      CASE WHEN closed_on IS NULL AND correction = 'LAPSED' THEN NULL ELSE due_on END,
      COALESCE(closed_on IS NULL AND due_on >= DATE '2027-01-01', false),
      CASE WHEN closed_on IS NULL AND correction_requested_on IS NULL THEN received_on + 9 END,
      correction_requested_on,
      correction_requested_on + 15,
      CASE WHEN correction = 'RESTART' THEN period_start END,
      CASE WHEN consulted THEN period_start + 5 END,
      CASE WHEN consulted AND closed_on IS NOT NULL THEN period_start + 12 END,
      CASE WHEN consulted THEN period_start + 26 END,
      CASE WHEN extended THEN period_start + 20 END,
      CASE WHEN extended THEN 10 END,
      closed_on,
      (CASE WHEN closed_on IS NULL THEN NULL
            WHEN correction = 'LAPSED' THEN 'OTHER_NO_CORRECTION'
            ELSE (ARRAY[
              'GRANTED','GRANTED','GRANTED','GRANTED','GRANTED','GRANTED','GRANTED','GRANTED',
              'PARTIALLY_GRANTED','PARTIALLY_GRANTED','PARTIALLY_GRANTED',
              'UNAVAILABLE_NOT_HELD','UNAVAILABLE_NOT_HELD','UNAVAILABLE_NOT_HELD',
              'WITHHELD_STATE_SECRET','WITHHELD_PROHIBITED_BY_LAW','WITHHELD_SECURITY_STABILITY','WITHHELD_THIRD_PARTY_RIGHTS',
              'WITHHELD_INTERNAL_AFFAIRS','WITHHELD_PROCESS_INFORMATION','WITHHELD_ENFORCEMENT_FILE','WITHHELD_ADMINISTRATIVE_QUERY',
              'UNAVAILABLE_NEEDS_CREATION','UNAVAILABLE_UNCLEAR_AFTER_CORRECTION','NOT_PROCESSED_COMPLAINT','NOT_PROCESSED_REPEAT',
              'NOT_PROCESSED_PUBLICATION','NOT_PROCESSED_EXCESSIVE','NOT_PROCESSED_CONFIRM_OR_REISSUE','OTHER_FEE_UNPAID',
              'OTHER_OTHER','OTHER_OTHER'])[1 + h3 % 32] END)::"Outcome",
      now()
    FROM dated
    ON CONFLICT ("id") DO NOTHING
  `);
}

/** About 1 % of the closed cases go to 行政复议 (two thirds) or 行政诉讼, filed after closing. */
async function insertDashboardProceedings(organizationId: string): Promise<void> {
  const { db } = await import("../lib/db");
  const { Prisma } = await import("@prisma/client");
  await db.$executeRaw(Prisma.sql`
    WITH picked AS (
      SELECT a."id" AS application_id, a."caseSequence" AS n, a."closedOn" + 5 + (hashint4(a."caseSequence" * 19 + 1) & 2147483647) % 50 AS filed_on,
        (hashint4(a."caseSequence" * 19 + 2) & 2147483647) AS g
      FROM "Application" a
      WHERE a."organizationId" = ${organizationId} AND a."closedOn" IS NOT NULL
        AND (hashint4(a."caseSequence" * 19) & 2147483647) % 100 = 0
    )
    INSERT INTO "Proceeding" ("id", "organizationId", "applicationId", "kind", "route", "onlyCoDefendantAsReviewOrgan", "filedOn", "result", "decidedOn", "updatedAt")
    SELECT 'benchdash-p-' || n, ${organizationId}, application_id,
      (CASE WHEN g % 3 < 2 THEN 'RECONSIDERATION' ELSE 'LITIGATION' END)::"ProceedingKind",
      (CASE WHEN g % 3 = 2 THEN 'DIRECT' END)::"LitigationRoute",
      g % 3 = 2 AND g % 40 = 2,
      filed_on,
      (CASE WHEN filed_on + 60 <= CAST(${DASHBOARD_BENCH_TODAY} AS date)
            THEN (ARRAY['UPHELD','UPHELD','UPHELD','UPHELD','CORRECTED','OTHER'])[1 + (g / 3) % 6] END)::"ProceedingResult",
      CASE WHEN filed_on + 60 <= CAST(${DASHBOARD_BENCH_TODAY} AS date) THEN filed_on + 60 END,
      now()
    FROM picked WHERE filed_on <= CAST(${DASHBOARD_BENCH_TODAY} AS date)
    ON CONFLICT ("id") DO NOTHING
  `);
}

async function ensureDashboardCases(organizationId: string): Promise<{ cases: number; proceedings: number }> {
  const { db } = await import("../lib/db");
  let existing = await db.application.count({ where: { organizationId } });
  let proceedings = await db.proceeding.count({ where: { organizationId } });
  if (existing >= DASHBOARD_BENCH_CASES && proceedings > 0) {
    log(`已有 ${existing} 件案件、${proceedings} 件复议诉讼，跳过生成`);
    return { cases: existing, proceedings };
  }
  log(`生成案件：${existing} → ${DASHBOARD_BENCH_CASES} …`);
  const started = performance.now();
  while (existing < DASHBOARD_BENCH_CASES) {
    const count = Math.min(INSERT_BATCH_SIZE, DASHBOARD_BENCH_CASES - existing);
    await insertDashboardCases(organizationId, existing + 1, count);
    existing += count;
    log(`  ${existing} / ${DASHBOARD_BENCH_CASES}（${((performance.now() - started) / 1000).toFixed(1)} 秒）`);
  }
  log("生成复议、诉讼 …");
  await insertDashboardProceedings(organizationId);
  proceedings = await db.proceeding.count({ where: { organizationId } });
  log("VACUUM ANALYZE …");
  await vacuumAnalyzeCaseTables();
  return { cases: existing, proceedings };
}

/**
 * getManagerDashboard for this year (2025) of the 1,000,000-case organization: the median of TIMED_RUNS
 * runs after warm-up. Works against the database this process already uses (fills it once).
 */
export async function measureDashboard(): Promise<{ dashboard_ms: number }> {
  const { getManagerDashboard } = await import("../lib/dashboard/queries");
  const { parseDashboardPeriod } = await import("../lib/dashboard/period");
  const { loadWorkCalendar } = await import("../lib/calendar/queries");
  const actor = await ensureDashboardBenchOrganization();
  const { cases, proceedings } = await ensureDashboardCases(actor.organizationId);
  const calendar = await loadWorkCalendar();
  const period = parseDashboardPeriod("year", DASHBOARD_BENCH_TODAY);
  const run = () => getManagerDashboard({ actor, period, today: DASHBOARD_BENCH_TODAY, calendar });
  for (let index = 0; index < WARM_UP_RUNS; index += 1) await run();
  const samples: number[] = [];
  let dashboard = await run();
  for (let index = 0; index < TIMED_RUNS; index += 1) {
    const started = performance.now();
    dashboard = await run();
    samples.push(performance.now() - started);
  }
  log(
    `${period.label}统计分析（${cases} 件案件、${proceedings} 件复议诉讼）：中位数 ${round(median(samples))} ms，最慢 ${round(Math.max(...samples))} ms；` +
      `在办 ${dashboard.openNow.count}，即将到期 ${dashboard.dueSoon.count}，逾期 ${dashboard.overdue.count}，` +
      `收到 ${dashboard.received.count}，办结 ${dashboard.closed.count}，按期率 ${dashboard.onTimeRate}%，` +
      `办理工作日中位数 ${dashboard.workdaysToClose.median}、P90 ${dashboard.workdaysToClose.p90}（${dashboard.workdaysToClose.cases} 件）`,
  );
  return { dashboard_ms: round(median(samples)) };
}

runBenchAlone(import.meta.url, {
  dataDir: DASHBOARD_BENCH_DATA_DIR,
  port: DASHBOARD_BENCH_PORT,
  log,
  measure: async () => ({ dashboard_year: DASHBOARD_BENCH_TODAY.slice(0, 4), dashboard_cases: DASHBOARD_BENCH_CASES, ...(await measureDashboard()) }),
});
