// npm run bench: performance figures on a large organization, in a dedicated embedded database
// (.data/bench, port 54500 unless --port says otherwise) that is filled once and kept between runs.
//
// Progress goes to standard error; the LAST line on standard output is one JSON object with every
// figure. Each measurement is a function returning its own keys; they are merged into that line, so a
// new measurement is one more entry in MEASUREMENTS.
//
//   npm run bench                # 100,000 cases
//   npm run bench -- --cases 20000 --iterations 20
//   npm run bench -- --only report,dashboard   # some measurements only (names in MEASUREMENTS)
//   npm run bench -- --port 54700              # another port, for a second checkout's bench at once
//
// The generated cases are kept; delete .data/bench to generate them afresh (e.g. after changing
// insertCases).
//
// Modules that import lib/db.ts are loaded with import() only after useDatabaseUrl(): the Prisma
// client reads DATABASE_URL once, when lib/db.ts is first evaluated.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { useDatabaseUrl } from "../lib/env";
import type { Actor } from "../lib/auth/actor";
import type { IsoDate, WorkCalendar } from "../lib/calendar/workdays";
import { openDatabase } from "../lib/runtime/database";
import { toActor } from "../lib/auth/actor";
import { round } from "./bench-support";
import { applyMigrations } from "../lib/runtime/migrate";
import { parseCaseListQuery } from "../lib/cases/list-schemas";

const BENCH_DATA_DIR = path.resolve(".data", "bench");
const BENCH_ORGANIZATION_CODE = "bench";
/** A fixed "today" so that due-soon / overdue figures do not drift from run to run. */
const BENCH_TODAY: IsoDate = "2026-11-20";
const INSERT_BATCH_SIZE = 10_000;
const WARM_UP_ITERATIONS = 5;

const log = (message: string) => console.error(`[bench] ${message}`);

function numberOption(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} 需要一个正整数`);
  return value;
}

const targetCases = numberOption("cases", 100_000);
const benchPort = numberOption("port", 54_500);
const iterations = numberOption("iterations", 50);

type Figures = Record<string, number | string | boolean>;

interface BenchContext {
  actor: Actor;
  calendar: WorkCalendar;
  today: IsoDate;
  caseCount: number;
}

// ---------------------------------------------------------------------------------------------
// Statistics

function percentile(sortedSamples: readonly number[], fraction: number): number {
  if (sortedSamples.length === 0) return Number.NaN;
  const rank = Math.min(sortedSamples.length - 1, Math.max(0, Math.ceil(fraction * sortedSamples.length) - 1));
  return sortedSamples[rank] ?? Number.NaN;
}


function summarize(samples: readonly number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 0.5)), p95: round(percentile(sorted, 0.95)), max: round(sorted.at(-1) ?? Number.NaN) };
}

async function time<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

// ---------------------------------------------------------------------------------------------
// Data

async function ensureBenchOrganization(): Promise<Actor> {
  const { db } = await import("../lib/db");
  const organization = await db.organization.upsert({
    where: { code: BENCH_ORGANIZATION_CODE },
    update: {},
    create: { code: BENCH_ORGANIZATION_CODE, name: "基准测试司法局" },
  });
  const handlerNames = ["王芳", "李明", "张伟", "刘洋", "陈静", "杨磊", "赵敏", "黄涛"];
  for (const [index, displayName] of handlerNames.entries()) {
    const username = `bench-${index + 1}`;
    await db.user.upsert({
      where: { username },
      update: {},
      create: {
        // Fixed ids, so that the generated cases can refer to their handlers.
        id: `bench-user-${index + 1}`,
        organizationId: organization.id,
        username,
        displayName,
        role: index === 0 ? "ADMIN" : "CLERK",
        // Never used to sign in: not a valid password hash.
        passwordHash: "bench-no-login",
      },
    });
  }
  const admin = await db.user.findUniqueOrThrow({ where: { username: "bench-1" }, include: { organization: true } });
  return toActor(admin);
}

/**
 * Cases number..(number + count − 1), generated in SQL from a deterministic hash of the number:
 * received 2019-01-01 .. BENCH_TODAY; ~15 % open (received in the last 180 days, most with a running
 * clock, the rest waiting for 补正, a third party or a fee); the rest closed 3–60 days after receipt
 * with an outcome weighted towards 予以公开 / 部分公开 / 不掌握; ~80 % natural persons with two- or
 * three-character names; request texts built from a district, a year and one of 24 topics.
 */
async function insertCases(organizationId: string, first: number, count: number): Promise<void> {
  const { db } = await import("../lib/db");
  const { Prisma } = await import("@prisma/client");
  const last = first + count - 1;
  await db.$executeRaw(Prisma.sql`
    WITH numbers AS (
      SELECT n,
        (hashint4(n * 7 + 1) & 2147483647) AS h1,
        (hashint4(n * 7 + 2) & 2147483647) AS h2,
        (hashint4(n * 7 + 3) & 2147483647) AS h3,
        (hashint4(n * 7 + 4) & 2147483647) AS h4,
        (hashint4(n * 7 + 5) & 2147483647) AS h5,
        (hashint4(n * 7 + 6) & 2147483647) AS h6
      FROM generate_series(${first}::int, ${last}::int) AS n
    ),
    shaped AS (
      SELECT n, h1, h2, h3, h4, h5, h6,
        (h1 % 100) < 15 AS is_open,
        CASE WHEN (h2 % 100) < 80 THEN 'NATURAL_PERSON'
             WHEN (h2 % 100) < 90 THEN 'COMMERCIAL_ENTERPRISE'
             WHEN (h2 % 100) < 93 THEN 'RESEARCH_INSTITUTION'
             WHEN (h2 % 100) < 95 THEN 'SOCIAL_WELFARE_ORG'
             WHEN (h2 % 100) < 98 THEN 'LEGAL_SERVICE_ORG'
             ELSE 'OTHER_ORG' END AS applicant_type
      FROM numbers
    ),
    dated AS (
      SELECT *,
        CASE WHEN is_open THEN ${BENCH_TODAY}::date - (h3 % 180)
             ELSE DATE '2019-01-01' + (h3 % (${BENCH_TODAY}::date - DATE '2019-01-01' - 3)) END AS received_on
      FROM shaped
    )
    INSERT INTO "Application" (
      "id", "organizationId", "caseNumber", "caseYear", "caseSequence", "receivedOn", "channel", "applicantType",
      "applicantName", "applicantIdNumber", "applicantContact", "requestContent", "handlerId",
      "status", "clockPhase", "dueOn", "dueIsProvisional", "closedOn", "outcome", "updatedAt"
    )
    SELECT
      'bench' || lpad(n::text, 9, '0'),
      ${organizationId},
      'GK-' || extract(year FROM received_on)::int || '-' || lpad(n::text, 6, '0'),
      extract(year FROM received_on)::int,
      n,
      received_on,
      (ARRAY['IN_PERSON','POST','ORDINARY_MAIL','ONLINE','ONLINE','ONLINE','FAX','EMAIL','EMAIL','ORAL','OTHER'])[1 + h4 % 11]::"Channel",
      applicant_type::"ApplicantType",
      CASE WHEN applicant_type = 'NATURAL_PERSON' THEN
        (ARRAY['张','王','李','赵','刘','陈','杨','黄','周','吴','徐','孙','胡','朱','高','林','何','郭','马','罗','梁','宋','郑','谢','韩','唐','冯','于','董','萧','欧阳','司马'])[1 + h5 % 32]
        || (ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀英','华','平','建国','玉兰','志强','海燕','子涵','浩然','雨桐','思远'])[1 + (h5 / 32) % 28]
      ELSE
        (ARRAY['华信','中联','恒达','新锐','博远','嘉禾','瑞丰','东方','长城','星海','同创','安泰'])[1 + h5 % 12]
        || CASE applicant_type
             WHEN 'COMMERCIAL_ENTERPRISE' THEN (ARRAY['科技有限公司','建设集团有限公司','房地产开发有限公司','商贸有限公司'])[1 + (h5 / 12) % 4]
             WHEN 'RESEARCH_INSTITUTION' THEN '研究院'
             WHEN 'SOCIAL_WELFARE_ORG' THEN '公益基金会'
             WHEN 'LEGAL_SERVICE_ORG' THEN '律师事务所'
             ELSE '村民委员会' END
      END,
      CASE WHEN h6 % 3 = 0 THEN lpad((h6 % 1000000000)::text, 18, '1') END,
      CASE WHEN h6 % 2 = 0 THEN '13' || lpad((h6 % 1000000000)::text, 9, '0') END,
      '申请公开' || (ARRAY['东城区','西城区','朝阳区','海淀区','丰台区','石景山区','通州区','顺义区','昌平区','大兴区','房山区','门头沟区'])[1 + h4 % 12]
        || extract(year FROM received_on)::int || '年度'
        || (ARRAY['法律援助案件统计','行政处罚决定书','拆迁安置补偿方案','国有土地上房屋征收决定','财政预算执行情况','三公经费支出明细',
                  '政府采购合同','建设工程规划许可证','环境影响评价报告','食品安全抽检结果','学校招生划片方案','征地补偿标准',
                  '律师执业许可材料','公证机构年检结果','人民调解经费使用情况','普法宣传经费','司法鉴定机构名录','社区矫正工作制度',
                  '行政复议决定书','重大行政决策合法性审查意见','城市更新项目立项批复','老旧小区改造资金拨付明细','河道治理工程验收报告','停车收费标准核定文件'])[1 + h6 % 24]
        || CASE WHEN h3 % 4 = 0 THEN '及相关会议纪要' WHEN h3 % 4 = 1 THEN '的全部文件' ELSE '' END,
      CASE WHEN h2 % 10 = 0 THEN NULL ELSE 'bench-user-' || (1 + h2 % 8) END,
      CASE WHEN is_open THEN 'OPEN' ELSE 'CLOSED' END::"ApplicationStatus",
      CASE WHEN NOT is_open THEN 'CLOSED'
           WHEN h4 % 10 < 7 THEN 'RUNNING'
           WHEN h4 % 10 = 7 THEN 'AWAITING_CORRECTION'
           WHEN h4 % 10 = 8 THEN 'CONSULTING'
           ELSE 'AWAITING_FEE' END::"ClockPhase",
      CASE WHEN is_open AND h4 % 10 >= 7 THEN NULL ELSE received_on + 28 + (h5 % 3) * 14 END,
      is_open AND received_on + 28 >= DATE '2027-01-01',
      CASE WHEN is_open THEN NULL ELSE least(received_on + 3 + (h5 % 58), ${BENCH_TODAY}::date) END,
      CASE WHEN is_open THEN NULL ELSE (ARRAY[
        'GRANTED','GRANTED','GRANTED','GRANTED','GRANTED','GRANTED','GRANTED','GRANTED',
        'PARTIALLY_GRANTED','PARTIALLY_GRANTED','PARTIALLY_GRANTED',
        'UNAVAILABLE_NOT_HELD','UNAVAILABLE_NOT_HELD','UNAVAILABLE_NOT_HELD',
        'WITHHELD_STATE_SECRET','WITHHELD_PROHIBITED_BY_LAW','WITHHELD_SECURITY_STABILITY','WITHHELD_THIRD_PARTY_RIGHTS',
        'WITHHELD_INTERNAL_AFFAIRS','WITHHELD_PROCESS_INFORMATION','WITHHELD_ENFORCEMENT_FILE','WITHHELD_ADMINISTRATIVE_QUERY',
        'UNAVAILABLE_NEEDS_CREATION','UNAVAILABLE_UNCLEAR_AFTER_CORRECTION','NOT_PROCESSED_COMPLAINT','NOT_PROCESSED_REPEAT',
        'NOT_PROCESSED_PUBLICATION','NOT_PROCESSED_EXCESSIVE','NOT_PROCESSED_CONFIRM_OR_REISSUE','OTHER_NO_CORRECTION',
        'OTHER_FEE_UNPAID','OTHER_OTHER'])[1 + h6 % 32]::"Outcome" END,
      now()
    FROM dated
    ON CONFLICT ("id") DO NOTHING
  `);
}

async function ensureCases(actor: Actor): Promise<number> {
  const { db } = await import("../lib/db");
  let existing = await db.application.count({ where: { organizationId: actor.organizationId } });
  if (existing >= targetCases) {
    log(`已有 ${existing} 件案件，跳过生成`);
    return existing;
  }
  log(`生成案件：${existing} → ${targetCases} …`);
  const started = performance.now();
  while (existing < targetCases) {
    const count = Math.min(INSERT_BATCH_SIZE, targetCases - existing);
    await insertCases(actor.organizationId, existing + 1, count);
    existing += count;
    log(`  ${existing} / ${targetCases}（${((performance.now() - started) / 1000).toFixed(1)} 秒）`);
  }
  log("ANALYZE …");
  await db.$executeRaw`ANALYZE "Application"`;
  return existing;
}

// ---------------------------------------------------------------------------------------------
// Measurements

interface ListScenario {
  name: string;
  search: string;
}

/**
 * The headline figure: one page of a filtered, searched and sorted list, as the 案件台账 page asks
 * for it (filters + a two-character word + sort by due date, first page and a later page).
 */
const HEADLINE_SCENARIOS: ListScenario[] = [
  { name: "open_search_due_p1", search: "status=OPEN&q=拆迁&sort=dueOn.asc" },
  { name: "open_search_due_p5", search: "status=OPEN&q=拆迁&sort=dueOn.asc&page=5" },
  { name: "year_search_due_p1", search: "receivedFrom=2024-01-01&receivedTo=2024-12-31&q=张伟&sort=dueOn.asc" },
  { name: "year_search_due_p5", search: "receivedFrom=2024-01-01&receivedTo=2024-12-31&q=征收&sort=dueOn.asc&page=5" },
];

/** Other common lists, reported separately. */
const OTHER_SCENARIOS: ListScenario[] = [
  { name: "default", search: "" },
  { name: "search_only_1char", search: "q=萧" },
  { name: "search_only_1char_frequent", search: "q=区" },
  { name: "search_only_2char", search: "q=张伟" },
  { name: "search_only_2char_frequent", search: "q=朝阳" },
  { name: "search_only_3char", search: "q=王秀英" },
  { name: "case_number_fragment", search: "q=2024-0001" },
  { name: "case_number_lower_case", search: "q=gk-2024-0001" },
  { name: "due_soon", search: "due=soon&sort=dueOn.asc" },
  { name: "overdue_mine", search: "due=overdue&handler=me" },
  { name: "closed_year_outcome_desc", search: "closedFrom=2023-01-01&closedTo=2023-12-31&outcome=GRANTED&sort=closedOn.desc&page=10" },
  { name: "sort_due_desc", search: "sort=dueOn.desc" },
  { name: "sort_closed_desc_p50", search: "sort=closedOn.desc&page=50" },
];

async function runListScenario(context: BenchContext, scenario: ListScenario) {
  const { findApplications } = await import("../lib/cases/queries");
  const query = parseCaseListQuery(new URLSearchParams(scenario.search));
  const run = () => findApplications({ actor: context.actor, query, today: context.today, calendar: context.calendar });
  for (let index = 0; index < WARM_UP_ITERATIONS; index += 1) await run();
  const samples: number[] = [];
  let total = 0;
  let rows = 0;
  for (let index = 0; index < iterations; index += 1) {
    const { ms, result } = await time(run);
    samples.push(ms);
    total = result.total;
    rows = result.rows.length;
  }
  const summary = summarize(samples);
  log(`  ${scenario.name}: p50 ${summary.p50} ms, p95 ${summary.p95} ms, 共 ${total} 件, 本页 ${rows} 行`);
  return { samples, summary, total, rows };
}

async function measureListPage(context: BenchContext): Promise<Figures> {
  log(`案件台账分页查询（每个场景预热 ${WARM_UP_ITERATIONS} 次，计时 ${iterations} 次）：`);
  const figures: Figures = {};
  const headlineSamples: number[] = [];
  for (const scenario of HEADLINE_SCENARIOS) {
    const { samples, summary, total } = await runListScenario(context, scenario);
    headlineSamples.push(...samples);
    figures[`list_${scenario.name}_ms_p95`] = summary.p95;
    figures[`list_${scenario.name}_total`] = total;
  }
  const headline = summarize(headlineSamples);
  figures.list_page_ms_p50 = headline.p50;
  figures.list_page_ms_p95 = headline.p95;
  figures.list_page_ms_max = headline.max;
  for (const scenario of OTHER_SCENARIOS) {
    const { summary, total } = await runListScenario(context, scenario);
    figures[`list_${scenario.name}_ms_p50`] = summary.p50;
    figures[`list_${scenario.name}_ms_p95`] = summary.p95;
    figures[`list_${scenario.name}_total`] = total;
  }
  // A two-character word and nothing else: the rare one and the frequent one, the slower counts.
  figures.search_2char_ms_p95 = Math.max(Number(figures.list_search_only_2char_ms_p95), Number(figures.list_search_only_2char_frequent_ms_p95));
  return figures;
}

/**
 * The list at 1,000,000 cases (the dashboard benchmark's organization, filled by measureDashboard):
 * the headline scenarios, the default list, a three-character search, a case-number fragment, the
 * due-soon list and sorting everything by due date, as one p95. (A two-character word alone is
 * measured at 100,000 cases: at 1,000,000, a frequent one is still slow, see ADR 0080.)
 */
async function measureListPageAt1m(context: BenchContext): Promise<Figures> {
  const { db } = await import("../lib/db");
  const organization = await db.organization.findUnique({ where: { code: "bench-dashboard" } });
  if (!organization) throw new Error("缺少 1,000,000 件案件的基准机关（bench-dashboard）");
  const user = await db.user.upsert({
    where: { username: "bench-dashboard-list" },
    update: {},
    create: { organizationId: organization.id, username: "bench-dashboard-list", displayName: "台账基准", role: "CLERK", passwordHash: "bench-no-login" },
    include: { organization: true },
  });
  const cases = await db.application.count({ where: { organizationId: organization.id } });
  const large: BenchContext = { ...context, actor: toActor(user), caseCount: cases };
  log(`案件台账分页查询（${cases} 件案件）：`);
  const samples: number[] = [];
  const figures: Figures = {};
  for (const scenario of [...HEADLINE_SCENARIOS, ...OTHER_SCENARIOS.filter((item) => ["default", "search_only_3char", "case_number_fragment", "due_soon", "sort_due_desc"].includes(item.name))]) {
    const result = await runListScenario(large, scenario);
    samples.push(...result.samples);
    figures[`list_1m_${scenario.name}_ms_p95`] = result.summary.p95;
  }
  const summary = summarize(samples);
  return { list_1m_rows: cases, list_page_1m_ms_p50: summary.p50, list_page_1m_ms_p95: summary.p95, ...figures };
}

/**
 * The ledger export of one year's cases (about an eighth of the data), to CSV and to XLSX (the rows in
 * memory), and the whole streamed XLSX download as the route writes it (rows and their reading columns
 * read batch by batch, ExcelJS's streaming writer, into a sink that drops the bytes).
 */
async function measureExport(context: BenchContext): Promise<Figures> {
  const { findApplicationsForExport, openApplicationsExport } = await import("../lib/cases/queries");
  const { ledgerToCsv, ledgerToXlsx, writeLedgerXlsx } = await import("../lib/cases/export");
  const { findLedgerExportExtras } = await import("../lib/cases/ledger-extras");
  const { Writable } = await import("node:stream");
  const query = parseCaseListQuery(new URLSearchParams("receivedFrom=2024-01-01&receivedTo=2024-12-31"));
  log("导出一年的台账：");
  const rows = await time(() => findApplicationsForExport({ actor: context.actor, query }));
  const csv = await time(async () => ledgerToCsv(rows.result));
  const xlsx = await time(() => ledgerToXlsx(rows.result));
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback();
    },
  });
  const streamed = await time(async () => {
    const exported = await openApplicationsExport({ actor: context.actor, query });
    const finished = new Promise((resolve) => sink.on("finish", resolve));
    // As the route writes the download: with the reading columns, read batch by batch.
    await writeLedgerXlsx(sink, (async function* () {
      for await (const batch of exported.batches()) yield { rows: batch, extras: await findLedgerExportExtras({ actor: context.actor, caseNumbers: batch.map((row) => row.申请编号) }) };
    })(), true);
    await finished;
  });
  log(
    `  ${rows.result.length} 行：查询 ${rows.ms.toFixed(0)} ms，CSV ${csv.ms.toFixed(0)} ms，XLSX ${xlsx.ms.toFixed(0)} ms；` +
      `流式导出 XLSX（查询与写出）${streamed.ms.toFixed(0)} ms，${(bytes / 1_048_576).toFixed(1)} MB`,
  );
  return {
    export_year_rows: rows.result.length,
    export_year_query_ms: round(rows.ms),
    export_year_csv_ms: round(csv.ms),
    export_year_xlsx_ms: round(xlsx.ms),
    export_year_xlsx_streamed_total_ms: round(streamed.ms),
  };
}

/** The annual report, side by side with its floor (its own 1,000,000-case organization). */
async function measureReport(): Promise<Figures> {
  const { measureReportYear } = await import("./bench-report");
  return measureReportYear();
}

/** Publishing the year at 1,000,000 and 100,000 cases. */
async function measurePublish(): Promise<Figures> {
  const { measurePublishYear } = await import("./bench-report");
  return measurePublishYear();
}

/** The dashboard over its own 1,000,000-case organization (also the list's at 1,000,000). */
async function measureDashboardOf1m(): Promise<Figures> {
  const { measureDashboard } = await import("./bench-dashboard");
  return measureDashboard();
}

/** The ledger import of 15,000 rows. */
async function measureImport(): Promise<Figures> {
  const { measureImport15000 } = await import("./bench-import");
  return measureImport15000();
}

/** A government's roll-up of 40 departments (rules.md §8). */
async function measureRollupOfDepartments(): Promise<Figures> {
  const { measureRollup } = await import("./bench-rollup");
  return measureRollup();
}

/** In this order; `--only` picks some by name. The 1,000,000-case list needs the dashboard's organization (filled once). */
const MEASUREMENTS: Record<string, (context: BenchContext) => Promise<Figures>> = {
  list: measureListPage,
  export: measureExport,
  report: measureReport,
  publish: measurePublish,
  dashboard: measureDashboardOf1m,
  import: measureImport,
  list1m: measureListPageAt1m,
  rollup: measureRollupOfDepartments,
};

function chosenMeasurements(): Array<(context: BenchContext) => Promise<Figures>> {
  const index = process.argv.indexOf("--only");
  if (index === -1) return Object.values(MEASUREMENTS);
  const names = (process.argv[index + 1] ?? "").split(",").filter(Boolean);
  const unknown = names.filter((name) => !(name in MEASUREMENTS));
  if (names.length === 0 || unknown.length > 0) throw new Error(`--only 需要以逗号分隔的测量名称：${Object.keys(MEASUREMENTS).join(", ")}`);
  return Object.entries(MEASUREMENTS).filter(([name]) => names.includes(name)).map(([, measure]) => measure);
}

/**
 * Generating 1,000,000 cases in 50,000-row statements and VACUUM take longer than the app's 30 s
 * statement_timeout on a busy machine: the bench's own connections get 30 minutes (set before lib/db.ts
 * is first loaded).
 */
process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= String(30 * 60_000);

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const measurements = chosenMeasurements();
  const database = await openDatabase({ dataDir: BENCH_DATA_DIR, port: benchPort, log });
  let clientLoaded = false;
  try {
    log("应用数据库迁移 …");
    await applyMigrations(database);
    // The owner role: the benchmarks clear their own rows (audit included) and run VACUUM and ANALYZE.
    useDatabaseUrl(database.ownerUrl);
    clientLoaded = true;
    const actor = await ensureBenchOrganization();
    const caseCount = await ensureCases(actor);
    const { loadWorkCalendar } = await import("../lib/calendar/queries");
    const context: BenchContext = { actor, calendar: await loadWorkCalendar(), today: BENCH_TODAY, caseCount };

    const figures: Figures = { rows: caseCount, today: BENCH_TODAY, iterations };
    for (const measure of measurements) Object.assign(figures, await measure(context));
    console.log(JSON.stringify(figures));
  } finally {
    if (clientLoaded) {
      const { db } = await import("../lib/db");
      await db.$disconnect().catch(() => undefined);
    }
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
