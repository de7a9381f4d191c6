// The annual report benchmark: one year's report (tables 三 and 四, fees, the checks with Y−1) for an
// organization with 1,000,000 cases over ten years (2016–2025) and about 1 % proceedings; and the
// publication of that year (figures, the ids behind every cell and the snapshot in one REPEATABLE READ
// transaction) for it and for an organization of 100,000 cases, with the report page that compares
// today's cell lists with the published ones.
//
// measureReportYear() and measurePublishYear() work against the database this process already uses
// (scripts/bench.ts lists them among its measurements); they fill the dedicated organizations once.
// Run alone,
//
//   npx tsx --import ./scripts/server-only-hook.mjs scripts/bench-report.ts
//
// it opens its own embedded database (.data/bench-report, port 54520), kept between runs, and prints
// one JSON line on standard output; progress goes to standard error. Delete .data/bench-report to
// generate the cases afresh (e.g. after changing insertReportCases).
//
// Modules that import lib/db.ts are loaded with import() only after useDatabaseUrl(): the Prisma
// client reads DATABASE_URL once, when lib/db.ts is first evaluated.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { median, round, runBenchAlone, vacuumAnalyzeCaseTables } from "./bench-support";

const REPORT_BENCH_DATA_DIR = path.resolve(".data", "bench-report");
const REPORT_BENCH_PORT = 54_520;
interface BenchOrganization {
  code: string;
  name: string;
  cases: number;
  /** Ids of the generated cases and proceedings start with it (unique across the organizations). */
  idPrefix: string;
}

const REPORT_BENCH_ORGANIZATION: BenchOrganization = { code: "bench-report", name: "年报基准测试司法局", cases: 1_000_000, idPrefix: "benchreport" };
const PUBLISH_BENCH_ORGANIZATION_100K: BenchOrganization = { code: "bench-report-100k", name: "年报发布基准测试司法局", cases: 100_000, idPrefix: "benchreport100k-" };
const REPORT_BENCH_CASES = REPORT_BENCH_ORGANIZATION.cases;
/** The year timed: a full year with carry-over on both sides and a published-or-not Y−1. */
const REPORT_BENCH_YEAR = 2024;
/** The data end: cases not closed by this date are open; later proceedings are undecided. */
const DATA_AS_OF = "2025-12-31";
const INSERT_BATCH_SIZE = 50_000;
const WARM_UP_RUNS = 3;
const TIMED_RUNS = 10;
/** Each publication freezes a new version (tens of MB at 1,000,000 cases): fewer runs. */
const PUBLISH_TIMED_RUNS = 3;

const log = (message: string) => console.error(`[bench-report] ${message}`);

async function ensureReportBenchOrganization(organization: BenchOrganization = REPORT_BENCH_ORGANIZATION): Promise<string> {
  const { db } = await import("../lib/db");
  const row = await db.organization.upsert({
    where: { code: organization.code },
    update: {},
    create: { code: organization.code, name: organization.name },
  });
  return row.id;
}

/**
 * Cases first..(first + count − 1), generated in SQL from a deterministic hash of the number. Receipt
 * dates spread evenly over 2016–2025; ~80 % natural persons; most cases close 1–45 days after receipt,
 * ~4 % take 2–13 months and 0.2 % are never closed; cases not closed by DATA_AS_OF are open. About 3 %
 * get a fee notice, 70 % of which are paid (the rest close as 逾期未缴费). Outcomes are weighted towards
 * 予以公开 / 部分公开 / 不掌握.
 */
export async function insertReportCases(organizationId: string, idPrefix: string, first: number, count: number): Promise<void> {
  const { db } = await import("../lib/db");
  const { Prisma } = await import("@prisma/client");
  const last = first + count - 1;
  await db.$executeRaw(Prisma.sql`
    WITH numbers AS (
      SELECT n,
        (hashint4(n * 11 + 1) & 2147483647) AS h1,
        (hashint4(n * 11 + 2) & 2147483647) AS h2,
        (hashint4(n * 11 + 3) & 2147483647) AS h3,
        (hashint4(n * 11 + 4) & 2147483647) AS h4,
        (hashint4(n * 11 + 5) & 2147483647) AS h5,
        (hashint4(n * 11 + 6) & 2147483647) AS h6
      FROM generate_series(${first}::int, ${last}::int) AS n
    ),
    received AS (
      SELECT *,
        DATE '2016-01-01' + (h1 % (DATE '2026-01-01' - DATE '2016-01-01')) AS received_on,
        CASE WHEN (h2 % 100) < 80 THEN 'NATURAL_PERSON'
             WHEN (h2 % 100) < 90 THEN 'COMMERCIAL_ENTERPRISE'
             WHEN (h2 % 100) < 93 THEN 'RESEARCH_INSTITUTION'
             WHEN (h2 % 100) < 95 THEN 'SOCIAL_WELFARE_ORG'
             WHEN (h2 % 100) < 98 THEN 'LEGAL_SERVICE_ORG'
             ELSE 'OTHER_ORG' END AS applicant_type,
        CASE WHEN (h3 % 1000) < 2 THEN NULL
             WHEN (h3 % 100) < 4 THEN 60 + (h4 % 340)
             ELSE 1 + (h4 % 45) END AS days_to_close,
        (h5 % 100) < 3 AS has_fee,
        ((h5 / 100) % 10) < 7 AS fee_paid
      FROM numbers
    ),
    closed AS (
      SELECT *,
        CASE WHEN days_to_close IS NULL OR received_on + days_to_close > ${DATA_AS_OF}::date THEN NULL
             ELSE received_on + days_to_close END AS closed_on,
        received_on + 1 + (h6 % 5) AS fee_notice_candidate
      FROM received
    ),
    fees AS (
      SELECT *,
        CASE WHEN has_fee AND fee_notice_candidate <= ${DATA_AS_OF}::date
              AND (closed_on IS NULL OR fee_notice_candidate < closed_on) THEN fee_notice_candidate END AS fee_notice_on
      FROM closed
    ),
    paid AS (
      SELECT *,
        CASE WHEN fee_notice_on IS NOT NULL AND fee_paid
              AND fee_notice_on + 1 + (h6 % 7) <= coalesce(closed_on, ${DATA_AS_OF}::date) THEN fee_notice_on + 1 + (h6 % 7) END AS fee_paid_on,
        (ARRAY[100.00, 200.00, 300.00, 450.50, 1230.50, 60.00])[1 + (h6 / 7) % 6]::numeric(12, 2) AS fee_amount
      FROM fees
    )
    INSERT INTO "Application" (
      "id", "organizationId", "caseNumber", "caseYear", "caseSequence", "receivedOn", "channel", "applicantType",
      "applicantName", "requestContent", "status", "clockPhase", "dueOn", "closedOn", "outcome",
      "feeMethod", "feeNoticeOn", "feeAmount", "feePaidOn", "feePaidAmount", "updatedAt"
    )
    SELECT
      ${idPrefix} || lpad(n::text, 9, '0'),
      ${organizationId},
      'GK-' || extract(year FROM received_on)::int || '-' || lpad(n::text, 7, '0'),
      extract(year FROM received_on)::int,
      n,
      received_on,
      (ARRAY['IN_PERSON','POST','ORDINARY_MAIL','ONLINE','ONLINE','ONLINE','FAX','EMAIL','EMAIL','ORAL','OTHER'])[1 + h4 % 11]::"Channel",
      applicant_type::"ApplicantType",
      CASE WHEN applicant_type = 'NATURAL_PERSON'
        THEN (ARRAY['张','王','李','赵','刘','陈','杨','黄','周','吴','徐','孙'])[1 + h5 % 12] || (ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋'])[1 + (h5 / 12) % 10]
        ELSE (ARRAY['华信','中联','恒达','新锐','博远','嘉禾'])[1 + h5 % 6] || '有限公司' END,
      '申请公开' || extract(year FROM received_on)::int || '年度'
        || (ARRAY['法律援助案件统计','行政处罚决定书','拆迁安置补偿方案','财政预算执行情况','政府采购合同','律师执业许可材料',
                  '人民调解经费使用情况','普法宣传经费','社区矫正工作制度','行政复议决定书'])[1 + h6 % 10],
      CASE WHEN closed_on IS NULL THEN 'OPEN' ELSE 'CLOSED' END::"ApplicationStatus",
      CASE WHEN closed_on IS NOT NULL THEN 'CLOSED'
           WHEN fee_notice_on IS NOT NULL AND fee_paid_on IS NULL THEN 'AWAITING_FEE'
           ELSE 'RUNNING' END::"ClockPhase",
      CASE WHEN closed_on IS NULL THEN received_on + 28 END,
      closed_on,
      CASE WHEN closed_on IS NULL THEN NULL
           WHEN fee_notice_on IS NOT NULL AND fee_paid_on IS NULL THEN 'OTHER_FEE_UNPAID'
           ELSE (ARRAY[
             'GRANTED','GRANTED','GRANTED','GRANTED','GRANTED','GRANTED','GRANTED','GRANTED',
             'PARTIALLY_GRANTED','PARTIALLY_GRANTED','PARTIALLY_GRANTED',
             'UNAVAILABLE_NOT_HELD','UNAVAILABLE_NOT_HELD','UNAVAILABLE_NOT_HELD',
             'WITHHELD_STATE_SECRET','WITHHELD_PROHIBITED_BY_LAW','WITHHELD_SECURITY_STABILITY','WITHHELD_THIRD_PARTY_RIGHTS',
             'WITHHELD_INTERNAL_AFFAIRS','WITHHELD_PROCESS_INFORMATION','WITHHELD_ENFORCEMENT_FILE','WITHHELD_ADMINISTRATIVE_QUERY',
             'UNAVAILABLE_NEEDS_CREATION','UNAVAILABLE_UNCLEAR_AFTER_CORRECTION','NOT_PROCESSED_COMPLAINT','NOT_PROCESSED_REPEAT',
             'NOT_PROCESSED_PUBLICATION','NOT_PROCESSED_EXCESSIVE','NOT_PROCESSED_CONFIRM_OR_REISSUE','OTHER_NO_CORRECTION',
             'OTHER_OTHER','OTHER_OTHER'])[1 + h3 % 32] END::"Outcome",
      CASE WHEN fee_notice_on IS NOT NULL THEN (CASE WHEN h6 % 2 = 0 THEN 'PER_APPLICATION' ELSE 'PER_VOLUME' END)::"FeeMethod" END,
      fee_notice_on,
      CASE WHEN fee_notice_on IS NOT NULL THEN fee_amount END,
      fee_paid_on,
      CASE WHEN fee_paid_on IS NOT NULL THEN fee_amount END,
      now()
    FROM paid
    ON CONFLICT ("id") DO NOTHING
  `);
}

/**
 * About 1 % of the cases go on to 行政复议 or 行政诉讼: reconsiderations (0.6 %), a quarter of which are
 * followed by a lawsuit after reconsideration (5 % of those only as co-defendant 复议机关), and direct
 * lawsuits (0.3 %). Filed after the case closed; decided 1–7 months later unless past DATA_AS_OF.
 */
async function insertReportProceedings(organizationId: string, idPrefix: string): Promise<void> {
  const { db } = await import("../lib/db");
  const { Prisma } = await import("@prisma/client");
  const asOf = Prisma.sql`${DATA_AS_OF}::date`;
  await db.$executeRaw(Prisma.sql`
    WITH picked AS (
      SELECT a."id" AS application_id, a."caseSequence" AS n, a."closedOn" AS closed_on,
        (hashint4(a."caseSequence" * 13 + 1) & 2147483647) AS g1,
        (hashint4(a."caseSequence" * 13 + 2) & 2147483647) AS g2
      FROM "Application" a
      WHERE a."organizationId" = ${organizationId} AND a."closedOn" IS NOT NULL
        AND (hashint4(a."caseSequence" * 13) & 2147483647) % 1000 < 9
    ),
    shaped AS (
      SELECT *, CASE WHEN g1 % 9 < 6 THEN 'RECONSIDERATION' ELSE 'DIRECT' END AS kind,
        closed_on + 5 + (g1 % 55) AS filed_on
      FROM picked
    ),
    decided AS (
      SELECT *,
        CASE WHEN filed_on + 30 + (g2 % 180) <= ${asOf} AND g2 % 10 < 9 THEN filed_on + 30 + (g2 % 180) END AS decided_on,
        (ARRAY['UPHELD','UPHELD','UPHELD','UPHELD','UPHELD','UPHELD','CORRECTED','CORRECTED','OTHER','OTHER'])[1 + (g2 / 10) % 10] AS result
      FROM shaped WHERE filed_on <= ${asOf}
    )
    INSERT INTO "Proceeding" ("id", "organizationId", "applicationId", "kind", "route", "filedOn", "result", "decidedOn", "updatedAt")
    SELECT
      ${idPrefix} || CASE WHEN kind = 'RECONSIDERATION' THEN '-rv-' ELSE '-lit-' END || n,
      ${organizationId}, application_id,
      (CASE WHEN kind = 'RECONSIDERATION' THEN 'RECONSIDERATION' ELSE 'LITIGATION' END)::"ProceedingKind",
      (CASE WHEN kind = 'DIRECT' THEN 'DIRECT' END)::"LitigationRoute",
      filed_on,
      (CASE WHEN decided_on IS NOT NULL THEN result END)::"ProceedingResult",
      decided_on,
      now()
    FROM decided
    ON CONFLICT ("id") DO NOTHING
  `);
  // A quarter of the decided reconsiderations are followed by a lawsuit.
  await db.$executeRaw(Prisma.sql`
    WITH followed AS (
      SELECT r."id" AS reconsideration_id, r."applicationId" AS application_id, r."decidedOn" + 5 + (h % 25) AS filed_on, h
      FROM (
        SELECT p.*, (hashint4(hashtext(p."id")) & 2147483647) AS h FROM "Proceeding" p
        WHERE p."organizationId" = ${organizationId} AND p."kind" = 'RECONSIDERATION' AND p."decidedOn" IS NOT NULL
      ) r
      WHERE r.h % 4 = 0
    )
    INSERT INTO "Proceeding" (
      "id", "organizationId", "applicationId", "kind", "route", "reconsiderationId", "onlyCoDefendantAsReviewOrgan",
      "filedOn", "result", "decidedOn", "updatedAt"
    )
    SELECT ${idPrefix} || '-after-' || reconsideration_id, ${organizationId}, application_id, 'LITIGATION', 'AFTER_RECONSIDERATION',
      reconsideration_id, (h / 4) % 20 = 0, filed_on,
      (CASE WHEN filed_on + 60 + (h % 150) <= ${asOf} THEN (ARRAY['UPHELD','UPHELD','UPHELD','CORRECTED','OTHER'])[1 + (h / 80) % 5] END)::"ProceedingResult",
      CASE WHEN filed_on + 60 + (h % 150) <= ${asOf} THEN filed_on + 60 + (h % 150) END,
      now()
    FROM followed WHERE filed_on <= ${asOf}
    ON CONFLICT ("id") DO NOTHING
  `);
}

async function ensureReportCases(organizationId: string, organization: BenchOrganization = REPORT_BENCH_ORGANIZATION): Promise<{ cases: number; proceedings: number }> {
  const { db } = await import("../lib/db");
  let existing = await db.application.count({ where: { organizationId } });
  let proceedings = await db.proceeding.count({ where: { organizationId } });
  if (existing >= organization.cases && proceedings > 0) {
    log(`已有 ${existing} 件案件、${proceedings} 件复议诉讼，跳过生成；ANALYZE …`);
    // Statistics for indexes that a newer migration may have added since the cases were generated.
    await db.$executeRawUnsafe(`ANALYZE "Application", "Proceeding"`);
    return { cases: existing, proceedings };
  }
  log(`生成案件：${existing} → ${organization.cases} …`);
  const started = performance.now();
  while (existing < organization.cases) {
    const count = Math.min(INSERT_BATCH_SIZE, organization.cases - existing);
    await insertReportCases(organizationId, organization.idPrefix, existing + 1, count);
    existing += count;
    log(`  ${existing} / ${organization.cases}（${((performance.now() - started) / 1000).toFixed(1)} 秒）`);
  }
  log("生成复议、诉讼 …");
  await insertReportProceedings(organizationId, organization.idPrefix);
  proceedings = await db.proceeding.count({ where: { organizationId } });
  log(`  ${proceedings} 件复议诉讼`);
  log("VACUUM ANALYZE …");
  await vacuumAnalyzeCaseTables();
  return { cases: existing, proceedings };
}

/**
 * The floor: hand-written SQL for the same tables on the same data, with nothing but the counts: table
 * 三's four groups by applicant type (三 by outcome too), table 四 by group and column, and the fees. The
 * plain predicates (plus the range condition that reaches the GiST index for the cases open at a date),
 * planned with whatever indexes exist (the report's covering ones included).
 */
async function reportFloorSql(organizationId: string, year: number): Promise<number> {
  const { db } = await import("../lib/db");
  const { Prisma } = await import("@prisma/client");
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  // The cases open at the end of a day, through the GiST index on their [receivedOn, closedOn) range.
  const openRange = Prisma.sql`daterange(a."receivedOn", CASE WHEN a."closedOn" < a."receivedOn" THEN a."receivedOn" ELSE a."closedOn" END, '[)')`;
  const [applications, appeals, fees] = await Promise.all([
    db.$queryRaw<unknown[]>(Prisma.sql`
      SELECT 'new' AS kind, a."applicantType", NULL::text AS outcome, count(*)::int FROM "Application" a
        WHERE a."organizationId" = ${organizationId} AND a."voidedAt" IS NULL AND a."receivedOn" BETWEEN ${start}::date AND ${end}::date
        GROUP BY a."applicantType"
      UNION ALL
      SELECT 'in', a."applicantType", NULL, count(*)::int FROM "Application" a
        WHERE a."organizationId" = ${organizationId} AND a."voidedAt" IS NULL AND a."receivedOn" < ${start}::date
          AND (a."closedOn" IS NULL OR a."closedOn" >= ${start}::date) AND ${openRange} @> (${start}::date - 1)
        GROUP BY a."applicantType"
      UNION ALL
      SELECT 'closed', a."applicantType", a."outcome"::text, count(*)::int FROM "Application" a
        WHERE a."organizationId" = ${organizationId} AND a."voidedAt" IS NULL AND a."closedOn" BETWEEN ${start}::date AND ${end}::date
          AND a."outcome" IS NOT NULL
        GROUP BY a."applicantType", a."outcome"
      UNION ALL
      SELECT 'out', a."applicantType", NULL, count(*)::int FROM "Application" a
        WHERE a."organizationId" = ${organizationId} AND a."voidedAt" IS NULL AND a."receivedOn" <= ${end}::date
          AND (a."closedOn" IS NULL OR a."closedOn" > ${end}::date) AND ${openRange} @> ${end}::date
        GROUP BY a."applicantType"`),
    db.$queryRaw<unknown[]>(Prisma.sql`
      SELECT p."kind", p."route", CASE WHEN p."decidedOn" <= ${end}::date THEN p."result"::text END AS result, count(*)::int
      FROM "Proceeding" p
      WHERE p."organizationId" = ${organizationId} AND NOT p."onlyCoDefendantAsReviewOrgan"
        AND (p."decidedOn" BETWEEN ${start}::date AND ${end}::date OR (p."filedOn" <= ${end}::date AND (p."decidedOn" IS NULL OR p."decidedOn" > ${end}::date)))
      GROUP BY 1, 2, 3`),
    db.$queryRaw<unknown[]>(Prisma.sql`
      SELECT (SELECT count(*)::int FROM "Application" a WHERE a."organizationId" = ${organizationId} AND a."voidedAt" IS NULL
                AND a."feeNoticeOn" BETWEEN ${start}::date AND ${end}::date) AS noticed,
             (SELECT coalesce(sum(a."feePaidAmount"), 0)::float8 FROM "Application" a WHERE a."organizationId" = ${organizationId}
                AND a."voidedAt" IS NULL AND a."feePaidOn" BETWEEN ${start}::date AND ${end}::date) AS paid`),
  ]);
  return applications.length + appeals.length + fees.length;
}

/**
 * One year's report for the 1,000,000-case organization, side by side with the floor (the hand-written
 * SQL above): runs interleaved, so that both see the same load; the median of TIMED_RUNS runs each.
 */
export async function measureReportYear(): Promise<{ report_year_ms: number; report_year_floor_ms: number; report_year_vs_floor: number }> {
  const { computeReportForOrganization } = await import("../lib/reports/queries");
  const organizationId = await ensureReportBenchOrganization();
  const { cases, proceedings } = await ensureReportCases(organizationId);
  const run = () => computeReportForOrganization({ organizationId, year: REPORT_BENCH_YEAR });
  const floor = () => reportFloorSql(organizationId, REPORT_BENCH_YEAR);
  for (let index = 0; index < WARM_UP_RUNS; index += 1) {
    await run();
    await floor();
  }
  const samples: number[] = [];
  const floorSamples: number[] = [];
  let report = await run();
  for (let index = 0; index < TIMED_RUNS; index += 1) {
    let started = performance.now();
    report = await run();
    samples.push(performance.now() - started);
    started = performance.now();
    await floor();
    floorSamples.push(performance.now() - started);
  }
  const total = (key: "new_received" | "carried_in" | "closed_total" | "carried_out") => report.applications.rows[key]?.at(-1) ?? 0;
  log(
    `${REPORT_BENCH_YEAR} 年度报告（${cases} 件案件、${proceedings} 件复议诉讼）：中位数 ${round(median(samples))} ms，` +
      `最慢 ${round(Math.max(...samples))} ms（手写 SQL 下限 ${round(median(floorSamples))} ms）；新收 ${total("new_received")}，上年结转 ${total("carried_in")}，` +
      `办结 ${total("closed_total")}，结转下年 ${total("carried_out")}；核对${report.checks.every((check) => check.ok) ? "全部通过" : "未通过"}`,
  );
  const reportMs = median(samples);
  const floorMs = median(floorSamples);
  return { report_year_ms: round(reportMs), report_year_floor_ms: round(floorMs), report_year_vs_floor: round(reportMs / floorMs) };
}

/** A manager of the organization (publishing is theirs), created once. */
async function ensureBenchManager(organizationId: string, code: string) {
  const { db } = await import("../lib/db");
  const { toActor } = await import("../lib/auth/actor");
  const user = await db.user.upsert({
    where: { username: `${code}-manager` },
    update: {},
    create: { organizationId, username: `${code}-manager`, displayName: "基准测试负责人", role: "MANAGER", passwordHash: "not-a-password-hash" },
    include: { organization: true },
  });
  return toActor(user);
}

/** Publishing the year for one organization: the median of PUBLISH_TIMED_RUNS publications after one. */
async function timePublications(organization: BenchOrganization): Promise<{ publishMs: number; pageMs: number }> {
  const { db } = await import("../lib/db");
  const { getReportWorkspace, publishReport } = await import("../lib/reports/publication");
  const organizationId = await ensureReportBenchOrganization(organization);
  const { cases } = await ensureReportCases(organizationId, organization);
  const actor = await ensureBenchManager(organizationId, organization.code);
  const publish = () => publishReport({ actor, input: { year: REPORT_BENCH_YEAR, format: "2021", reason: "基准测试再次发布" } });
  await publish();
  const publishSamples: number[] = [];
  for (let index = 0; index < PUBLISH_TIMED_RUNS; index += 1) {
    const started = performance.now();
    await publish();
    publishSamples.push(performance.now() - started);
  }
  // The report page: today's figures and cell lists against the latest version's (its differences).
  const pageSamples: number[] = [];
  for (let index = 0; index < PUBLISH_TIMED_RUNS; index += 1) {
    const started = performance.now();
    const workspace = await getReportWorkspace({ actor, year: REPORT_BENCH_YEAR });
    pageSamples.push(performance.now() - started);
    if (workspace.differences?.length !== 0) throw new Error("基准数据未变，报告页面却显示差异");
  }
  const [latest] = await db.$queryRaw<{ version: number; bytes: number }[]>`
    SELECT "version", pg_column_size("report")::int AS "bytes" FROM "ReportSnapshot"
    WHERE "organizationId" = ${organizationId} AND "year" = ${REPORT_BENCH_YEAR} ORDER BY "version" DESC LIMIT 1`;
  log(
    `${REPORT_BENCH_YEAR} 年度报告发布（${cases} 件案件）：中位数 ${round(median(publishSamples))} ms，最慢 ${round(Math.max(...publishSamples))} ms；` +
      `第 ${latest?.version} 版快照 ${((latest?.bytes ?? 0) / 1_048_576).toFixed(1)} MB（压缩后）；报告页面（含与已发布版本的差异）中位数 ${round(median(pageSamples))} ms`,
  );
  return { publishMs: round(median(publishSamples)), pageMs: round(median(pageSamples)) };
}

/** Publishing one year at 1,000,000 and at 100,000 cases, and the report page of the larger one. */
export async function measurePublishYear(): Promise<{ publish_year_ms: number; publish_year_100k_ms: number; report_page_year_ms: number }> {
  const large = await timePublications(REPORT_BENCH_ORGANIZATION);
  const small = await timePublications(PUBLISH_BENCH_ORGANIZATION_100K);
  return { publish_year_ms: large.publishMs, publish_year_100k_ms: small.publishMs, report_page_year_ms: large.pageMs };
}

runBenchAlone(import.meta.url, {
  dataDir: REPORT_BENCH_DATA_DIR,
  port: REPORT_BENCH_PORT,
  log,
  measure: async () => ({ report_year: REPORT_BENCH_YEAR, report_cases: REPORT_BENCH_CASES, ...(await measureReportYear()), ...(await measurePublishYear()) }),
});
