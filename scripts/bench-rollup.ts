// The roll-up benchmark (rules.md §8): a government with 40 departments of 2,500 cases each (100,000
// cases over 2016–2025, generated as the annual report benchmark generates its own), one year's roll-up
// as its manager opens it — each member's report, the published versions, the sum and its checks.
//
// measureRollup() works against the database this process already uses (scripts/bench.ts lists it among
// its measurements); it fills the dedicated organizations once. Run alone,
//
//   npx tsx --import ./scripts/server-only-hook.mjs scripts/bench-rollup.ts
//
// it opens its own embedded database (.data/bench-rollup, port 54530), kept between runs, and prints one
// JSON line on standard output; progress goes to standard error.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { toActor, type Actor } from "../lib/auth/actor";
import { median, round, runBenchAlone, vacuumAnalyzeCaseTables } from "./bench-support";
import { insertReportCases } from "./bench-report";

const ROLLUP_BENCH_DATA_DIR = path.resolve(".data", "bench-rollup");
const ROLLUP_BENCH_PORT = 54_530;
const GOVERNMENT_CODE = "bench-gov";
const DEPARTMENTS = 40;
const CASES_PER_DEPARTMENT = 2_500;
const ROLLUP_YEAR = 2024;
/** After the deadline of every member: the statuses include overdue ones. */
const TODAY = "2025-04-15";
const WARM_UP_RUNS = 2;
const TIMED_RUNS = 5;

const log = (message: string) => console.error(`[bench-rollup] ${message}`);

async function ensureGovernment(): Promise<Actor> {
  const { db } = await import("../lib/db");
  const government = await db.organization.upsert({
    where: { code: GOVERNMENT_CODE },
    update: {},
    create: { code: GOVERNMENT_CODE, name: "基准测试市人民政府办公室", reportDeadline: "03-31" },
  });
  let generated = 0;
  for (let index = 1; index <= DEPARTMENTS; index += 1) {
    const code = `${GOVERNMENT_CODE}-${String(index).padStart(2, "0")}`;
    const department = await db.organization.upsert({
      where: { code },
      update: {},
      create: { code, name: `基准测试市第${index}局`, parentId: government.id },
    });
    const existing = await db.application.count({ where: { organizationId: department.id } });
    if (existing < CASES_PER_DEPARTMENT) {
      // Case ids carry the department's code: no clash with the annual report benchmark's cases.
      await insertReportCases(department.id, code, existing + 1, CASES_PER_DEPARTMENT - existing);
      generated += CASES_PER_DEPARTMENT - existing;
    }
  }
  if (generated > 0) {
    log(`已生成 ${generated} 件案件；VACUUM ANALYZE …`);
    await vacuumAnalyzeCaseTables();
  }
  const manager = await db.user.upsert({
    where: { username: "bench-gov-manager" },
    update: {},
    create: { username: "bench-gov-manager", displayName: "汇总基准", role: "MANAGER", passwordHash: "-", organizationId: government.id },
    include: { organization: true },
  });
  return toActor(manager);
}

/** One year's roll-up of 40 departments (100,000 cases): the median of TIMED_RUNS runs after warm-up. */
export async function measureRollup(): Promise<{ rollup_40_departments_ms: number; rollup_40_departments_ms_max: number }> {
  const { getRollup } = await import("../lib/rollup/queries");
  const actor = await ensureGovernment();
  const run = () => getRollup({ actor, year: ROLLUP_YEAR, today: TODAY });
  for (let index = 0; index < WARM_UP_RUNS; index += 1) await run();
  const samples: number[] = [];
  let rollup = await run();
  for (let index = 0; index < TIMED_RUNS; index += 1) {
    const started = performance.now();
    rollup = await run();
    samples.push(performance.now() - started);
  }
  const received = rollup.combined.applications.rows.new_received?.at(-1) ?? 0;
  log(
    `${ROLLUP_YEAR} 年度汇总（${rollup.rows.length - 1} 个下级单位，共 ${DEPARTMENTS * CASES_PER_DEPARTMENT} 件案件）：` +
      `中位数 ${round(median(samples))} ms，最慢 ${round(Math.max(...samples))} ms；合计新收 ${received}；` +
      `汇总核对${rollup.checks.every((check) => check.ok) ? "全部通过" : "未通过"}`,
  );
  return { rollup_40_departments_ms: round(median(samples)), rollup_40_departments_ms_max: round(Math.max(...samples)) };
}

runBenchAlone(import.meta.url, {
  dataDir: ROLLUP_BENCH_DATA_DIR,
  port: ROLLUP_BENCH_PORT,
  log,
  measure: async () => ({ rollup_year: ROLLUP_YEAR, rollup_departments: DEPARTMENTS, rollup_cases: DEPARTMENTS * CASES_PER_DEPARTMENT, ...(await measureRollup()) }),
});
