// The ledger import benchmark: a realistic 15,000-row ledger (CSV, generated in memory) imported into a
// fresh organization; the figure is the wall time of importLedger (reading, checking every row,
// replaying every case's clock, and the one transaction that writes it all). Target: < 30 s on 2 cores.
//
//   npx tsx --import ./scripts/server-only-hook.mjs scripts/bench-import.ts     # alone, on its own embedded database (.data/bench-import)
//
// scripts/bench.ts may call measureImport15000() with its database already open. Modules that import
// lib/db.ts are loaded with import() inside the function, after the caller has called useDatabaseUrl().
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { useDatabaseUrl } from "../lib/env";
import { addCalendarDays, addWorkdays, type IsoDate, type WorkCalendar } from "../lib/calendar/workdays";
import { LEDGER_COLUMNS, type LedgerColumn } from "../lib/cases/ledger";
import { OUTCOME_LABELS } from "../lib/cases/labels";
import { openDatabase } from "../lib/runtime/database";
import { applyMigrations } from "../lib/runtime/migrate";
import { todayInShanghai } from "../lib/today";

const BENCH_DATA_DIR = path.resolve(".data", "bench-import");
const BENCH_PORT = 54_510;
const ROW_COUNT = 15_000;
const FIRST_RECEIPT: IsoDate = "2019-01-02";
/** Receipts span seven years; the last OPEN_SHARE of the rows are the recent, still open cases. */
const RECEIPT_SPAN_DAYS = 7 * 365 - 60;
const OPEN_SHARE = 0.08;

const log = (message: string) => console.error(`[bench-import] ${message}`);

/** mulberry32: a small seeded generator, so that every run imports the same ledger. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SURNAMES = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
const GIVEN_NAMES = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "建国", "海燕"];
const ORGANIZATION_NAMES = ["华信", "中联", "恒达", "新锐", "博远", "嘉禾", "瑞丰", "东方"];
const TOPICS = [
  "法律援助案件统计",
  "行政处罚决定书",
  "拆迁安置补偿方案",
  "国有土地上房屋征收决定",
  "财政预算执行情况",
  "政府采购合同",
  "律师执业许可材料",
  "公证机构年检结果",
  "人民调解经费使用情况",
  "司法鉴定机构名录",
  "社区矫正工作制度",
  "行政复议决定书",
];
const CHANNELS = ["网络", "网络", "网络", "当面", "邮寄", "电子邮件", "传真", "口头", "其他"];
const APPLICANT_TYPES: [label: string, weight: number][] = [
  ["自然人", 80],
  ["商业企业", 10],
  ["科研机构", 2],
  ["社会公益组织", 2],
  ["法律服务机构", 4],
  ["其他", 2],
];
/** Closing outcomes of a case that ran its course (the lapse outcomes come from their own paths). */
const DECISIONS: [outcome: keyof typeof OUTCOME_LABELS, weight: number][] = [
  ["GRANTED", 30],
  ["PARTIALLY_GRANTED", 12],
  ["UNAVAILABLE_NOT_HELD", 15],
  ["WITHHELD_STATE_SECRET", 2],
  ["WITHHELD_PROHIBITED_BY_LAW", 2],
  ["WITHHELD_SECURITY_STABILITY", 2],
  ["WITHHELD_THIRD_PARTY_RIGHTS", 4],
  ["WITHHELD_INTERNAL_AFFAIRS", 4],
  ["WITHHELD_PROCESS_INFORMATION", 4],
  ["WITHHELD_ENFORCEMENT_FILE", 3],
  ["WITHHELD_ADMINISTRATIVE_QUERY", 2],
  ["UNAVAILABLE_NEEDS_CREATION", 4],
  ["NOT_PROCESSED_COMPLAINT", 5],
  ["NOT_PROCESSED_REPEAT", 4],
  ["NOT_PROCESSED_PUBLICATION", 2],
  ["NOT_PROCESSED_EXCESSIVE", 2],
  ["NOT_PROCESSED_CONFIRM_OR_REISSUE", 2],
  ["OTHER_OTHER", 1],
];
const PROCEEDING_RESULTS = ["结果维持", "结果维持", "结果纠正", "其他结果"];

type LedgerCells = Partial<Record<LedgerColumn, string>>;

/**
 * A ledger of `count` cases that the statutory clock admits: 补正 (some lapsing), consultations (some
 * past the 15-day window), extensions, fees (some unpaid), closings with the usual spread of outcomes,
 * and reconsiderations and lawsuits, all dated on or before `today`. Numbered per year in order of receipt.
 */
export function generateLedgerCsv(count: number, calendar: WorkCalendar, today: IsoDate): string {
  const random = seededRandom(20_261_121);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const pick = <Item>(items: readonly Item[]): Item => items[Math.floor(random() * items.length)]!;
  const weighted = <Item>(items: readonly [Item, number][]): Item => {
    let remaining = random() * items.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [item, weight] of items) {
      remaining -= weight;
      if (remaining < 0) return item;
    }
    return items[0]![0];
  };

  const openFrom = Math.floor(count * (1 - OPEN_SHARE));
  const rows: LedgerCells[] = [];
  for (let index = 0; index < count; index += 1) {
    const open = index >= openFrom;
    const receivedOn = open
      ? addCalendarDays(FIRST_RECEIPT, RECEIPT_SPAN_DAYS + between(0, 40))
      : addCalendarDays(FIRST_RECEIPT, Math.floor((index / openFrom) * RECEIPT_SPAN_DAYS));
    const applicantType = weighted(APPLICANT_TYPES);
    const cells: LedgerCells = {
      收到申请日期: receivedOn,
      申请方式: pick(CHANNELS),
      申请人类型: applicantType,
      申请人: applicantType === "自然人" ? pick(SURNAMES) + pick(GIVEN_NAMES) : `${pick(ORGANIZATION_NAMES)}${applicantType === "商业企业" ? "有限公司" : "中心"}`,
      申请内容: `申请公开${receivedOn.slice(0, 4)}年度${pick(TOPICS)}${random() < 0.3 ? "，包括相关会议纪要、请示和批复" : ""}`,
    };
    if (random() < 0.3) cells.证件号码 = `11010${between(1_000_000, 9_999_999)}${between(100_000, 999_999)}`;
    if (random() < 0.5) cells.联系方式 = `13${between(100_000_000, 999_999_999)}`;

    let periodStart = receivedOn;
    let lastStep = receivedOn;
    let lapse: { closedOn: IsoDate; outcome: string } | null = null;
    if (random() < 0.15) {
      const noticeOn = addWorkdays(calendar, receivedOn, between(1, 5));
      cells.补正告知日期 = noticeOn;
      if (random() < 0.85) {
        periodStart = lastStep = addWorkdays(calendar, noticeOn, between(2, 10));
        cells.补正收到日期 = periodStart;
      } else {
        lapse = { closedOn: addWorkdays(calendar, noticeOn, between(16, 25)), outcome: OUTCOME_LABELS.OTHER_NO_CORRECTION };
      }
    }
    if (!lapse) {
      const step = random();
      if (step < 0.08) {
        const sentOn = addWorkdays(calendar, periodStart, between(2, 8));
        cells.征求意见日期 = sentOn;
        lastStep = addWorkdays(calendar, sentOn, between(3, 18));
        cells.征求意见答复日期 = lastStep;
      } else if (step < 0.13) {
        lastStep = addWorkdays(calendar, periodStart, between(10, 18));
        cells.延期告知日期 = lastStep;
        if (random() < 0.7) cells.延期工作日数 = String(between(5, 20));
      } else if (step < 0.17) {
        const noticeOn = addWorkdays(calendar, periodStart, between(3, 10));
        const perPage = random() < 0.5;
        cells.收费方式 = perPage ? "按量" : "按件";
        cells.收费通知日期 = noticeOn;
        cells.收费金额 = perPage ? `${between(7, 170) * 10}.00` : `${between(1, 3)}00.${random() < 0.2 ? "50" : "00"}`;
        if (random() < 0.8) {
          lastStep = addWorkdays(calendar, noticeOn, between(2, 15));
          cells.缴费日期 = lastStep;
        } else {
          lapse = { closedOn: addWorkdays(calendar, noticeOn, between(22, 30)), outcome: OUTCOME_LABELS.OTHER_FEE_UNPAID };
        }
      }
    }
    if (!open) {
      const closedOn = lapse?.closedOn ?? addWorkdays(calendar, lastStep, between(1, 15));
      cells.办结日期 = closedOn;
      const decision = weighted(DECISIONS);
      cells.办理结果 = lapse?.outcome ?? OUTCOME_LABELS[decision === "UNAVAILABLE_UNCLEAR_AFTER_CORRECTION" ? "UNAVAILABLE_NOT_HELD" : decision];
      addProceedings(cells, closedOn, today, { random, between });
    }
    rows.push(cells);
  }

  rows.sort((a, b) => (a.收到申请日期! < b.收到申请日期! ? -1 : a.收到申请日期! > b.收到申请日期! ? 1 : 0));
  const sequenceOfYear = new Map<string, number>();
  for (const cells of rows) {
    const year = cells.收到申请日期!.slice(0, 4);
    const sequence = (sequenceOfYear.get(year) ?? 0) + 1;
    sequenceOfYear.set(year, sequence);
    cells.申请编号 = `GK-${year}-${String(sequence).padStart(6, "0")}`;
  }
  const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const lines = [LEDGER_COLUMNS.join(","), ...rows.map((cells) => LEDGER_COLUMNS.map((column) => field(cells[column] ?? "")).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

function addProceedings(
  cells: LedgerCells,
  closedOn: IsoDate,
  today: IsoDate,
  { random, between }: { random: () => number; between: (low: number, high: number) => number },
): void {
  const roll = random();
  if (roll < 0.03) {
    const filedOn = addCalendarDays(closedOn, between(10, 60));
    if (filedOn > today) return;
    cells.复议申请日期 = filedOn;
    const decidedOn = addCalendarDays(filedOn, between(30, 90));
    if (random() < 0.8 && decidedOn <= today) {
      cells.复议结果 = PROCEEDING_RESULTS[between(0, PROCEEDING_RESULTS.length - 1)]!;
      cells.复议结果日期 = decidedOn;
    }
    const suedOn = addCalendarDays(cells.复议结果日期 ?? filedOn, between(5, 15));
    if (random() < 0.3 && suedOn <= today) {
      cells.起诉日期 = suedOn;
      cells.诉讼类型 = "复议后起诉";
    }
  } else if (roll < 0.04) {
    const suedOn = addCalendarDays(closedOn, between(15, 90));
    if (suedOn > today) return;
    cells.起诉日期 = suedOn;
    cells.诉讼类型 = "未经复议直接起诉";
    const judgedOn = addCalendarDays(suedOn, between(60, 180));
    if (random() < 0.6 && judgedOn <= today) {
      cells.诉讼结果 = PROCEEDING_RESULTS[between(0, PROCEEDING_RESULTS.length - 1)]!;
      cells.诉讼结果日期 = judgedOn;
    }
  }
}

/** Imports a generated 15,000-row ledger into a fresh organization (its cases removed again afterwards). */
export async function measureImport15000(): Promise<{ import_15000_rows_s: number }> {
  const { db } = await import("../lib/db");
  const { loadWorkCalendar } = await import("../lib/calendar/queries");
  const { createOrganization } = await import("../lib/organizations/mutations");
  const { importLedger } = await import("../lib/cases/ledger-import-store");
  const { formatLedgerIssue } = await import("../lib/cases/ledger-import");

  const today = todayInShanghai();
  const csv = generateLedgerCsv(ROW_COUNT, await loadWorkCalendar(), today);
  const bytes = new TextEncoder().encode(csv);
  log(`台账：${ROW_COUNT} 行，${(bytes.byteLength / 1_048_576).toFixed(1)} MB`);

  const organization = await createOrganization({ input: { code: `bench-import-${Date.now().toString(36)}`, name: "导入基准测试局" } });
  try {
    const started = performance.now();
    const result = await importLedger({ organizationCode: organization.code, file: { name: "bench-15000.csv", bytes }, today });
    const seconds = (performance.now() - started) / 1000;
    if (!result.ok) throw new Error(`基准台账未通过检查：\n${result.errors.slice(0, 10).map(formatLedgerIssue).join("\n")}`);
    log(`已导入 ${result.importedCount} 件，用时 ${seconds.toFixed(2)} 秒（${result.warnings.length} 条提示）`);
    return { import_15000_rows_s: Math.round(seconds * 100) / 100 };
  } finally {
    // Keep the caller's case tables as they were: the cases cascade to their events and proceedings.
    // The audit is append-only (PostgreSQL refuses DELETE), so the organization stays with its entries.
    await db.application.deleteMany({ where: { organizationId: organization.id } });
    await db.caseNumberCounter.deleteMany({ where: { organizationId: organization.id } });
  }
}

async function main(): Promise<void> {
  const database = await openDatabase({ dataDir: BENCH_DATA_DIR, port: BENCH_PORT, log });
  try {
    await applyMigrations(database);
    // The owner role: the benchmarks clear their own rows (audit included) and run VACUUM and ANALYZE.
    useDatabaseUrl(database.ownerUrl);
    const figures = await measureImport15000();
    console.log(JSON.stringify(figures));
    const { db } = await import("../lib/db");
    await db.$disconnect();
  } finally {
    await database.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
