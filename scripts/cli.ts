// The operator command line (interfaces.md §2): `npm run cli -- <command>`. A command that touches
// data opens the database (DATABASE_URL, or the embedded PostgreSQL in DATA_DIR: a running `npm start`'s,
// which it leaves running, or its own, started and stopped for the command), applies pending
// migrations, runs, and stops the database again if it started it. Results go to standard output;
// progress, prompts and errors to standard error: one Chinese line per error, never a raw library
// error (the technical detail goes to DATA_DIR/logs/errors.log).
//
// Modules that import lib/db.ts are loaded with dynamic import() only after useDatabaseUrl(): the
// Prisma client reads DATABASE_URL once, when lib/db.ts is first evaluated.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Actor } from "../lib/auth/actor";
import { ROLE_LABELS, ROLES } from "../lib/auth/roles";
import { DEFAULT_CASE_LIST_QUERY, type CaseListQuery } from "../lib/cases/list-schemas";
import { dataDirForLogs, getEnv, useDatabaseUrl } from "../lib/env";
import { AppError } from "../lib/errors";
import { todayInShanghai } from "../lib/today";
import { openConfiguredDatabase, type OpenDatabase } from "../lib/runtime/database";
import { removeUnfinishedFiles } from "../lib/runtime/backup";
import { reportFailure } from "../lib/runtime/failure";
import { createOrganizationSchema, organizationCodeSchema } from "../lib/organizations/schemas";
import { applyMigrations } from "../lib/runtime/migrate";
import { createOperatorSchema, createUserSchema } from "../lib/users/schemas";
import { parseInput } from "../lib/validation";

const PASSWORD_VARIABLE = "GONGKAI_NEW_PASSWORD";
const HELP_HINT = "运行 npm run cli -- help 查看用法";

/** Wrong command line: exit status 2, with a pointer to the help. */
class UsageError extends Error {}
/** The operator pressed Ctrl-C at a prompt. */
class CancelledError extends Error {}

const log = (message: string) => console.error(`[gongkai] ${message}`);

// ---------------------------------------------------------------------------------------------
// Arguments

type OptionKind = "string" | "boolean";
type OptionSpec = Readonly<Record<string, OptionKind>>;

interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | true>;
}

function parseArguments(tokens: readonly string[], spec: OptionSpec): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] ?? "";
    if (token === "--") {
      positionals.push(...tokens.slice(index + 1));
      break;
    }
    if (!token.startsWith("-") || token === "-") {
      positionals.push(token);
      continue;
    }
    if (!token.startsWith("--")) throw new UsageError(`未知选项：${token}`);
    const equals = token.indexOf("=");
    const name = equals === -1 ? token.slice(2) : token.slice(2, equals);
    const inline = equals === -1 ? undefined : token.slice(equals + 1);
    const kind = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!kind) throw new UsageError(`未知选项：--${name}`);
    if (options.has(name)) throw new UsageError(`选项 --${name} 只能出现一次`);
    if (kind === "boolean") {
      if (inline !== undefined) throw new UsageError(`选项 --${name} 不带值`);
      options.set(name, true);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = tokens[index + 1];
      if (next !== undefined && !next.startsWith("--")) {
        value = next;
        index += 1;
      }
    }
    if (value === undefined || value.trim() === "") throw new UsageError(`选项 --${name} 需要一个值`);
    options.set(name, value);
  }
  return { positionals, options };
}

function requireOption(args: ParsedArgs, name: string): string {
  const value = args.options.get(name);
  if (typeof value !== "string") throw new UsageError(`缺少选项 --${name}`);
  return value;
}

function optionalOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  return typeof value === "string" ? value : undefined;
}

function expectPositionals(args: ParsedArgs, names: readonly string[]): string[] {
  if (args.positionals.length < names.length) {
    throw new UsageError(`缺少参数：${names.slice(args.positionals.length).map((name) => `<${name}>`).join(" ")}`);
  }
  if (args.positionals.length > names.length) {
    throw new UsageError(`多余的参数：${args.positionals.slice(names.length).join(" ")}`);
  }
  return args.positionals;
}

// ---------------------------------------------------------------------------------------------
// Database

let activeDatabase: OpenDatabase | undefined;

async function withDatabase<T>(work: (database: OpenDatabase) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const database = await openConfiguredDatabase("command", log);
  activeDatabase = database;
  let clientMayBeLoaded = false;
  try {
    useDatabaseUrl(database.url);
    if (options.migrate ?? true) await applyMigrations(database, { log });
    clientMayBeLoaded = true;
    return await work(database);
  } finally {
    // Close the Prisma pool before an embedded server we own shuts down under it.
    if (clientMayBeLoaded) {
      const { disconnectDatabase } = await import("../lib/db");
      await disconnectDatabase().catch(() => undefined);
    }
    activeDatabase = undefined;
    await database.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Password prompt

function promptHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = (error?: Error) => {
      input.removeListener("data", onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n" || char === "\u0004") return finish();
        if (char === "\u0003") return finish(new CancelledError("已取消"));
        if (char === "\u007f" || char === "\b") value = Array.from(value).slice(0, -1).join("");
        else if (char >= " ") value += char;
      }
    };
    process.stderr.write(prompt);
    input.setEncoding("utf8");
    input.setRawMode(true);
    input.resume();
    input.on("data", onData);
  });
}

async function readNewPassword(): Promise<string> {
  // A secret passed to one command, not configuration: it stays out of lib/env.ts and .env files.
  const fromEnvironment = getEnv().GONGKAI_NEW_PASSWORD;
  if (fromEnvironment) return fromEnvironment;
  if (!process.stdin.isTTY) {
    throw new UsageError(`请通过环境变量 ${PASSWORD_VARIABLE} 提供新账户的密码，或在终端中运行本命令以便按提示输入`);
  }
  const first = await promptHidden("新账户的密码（输入时不显示）：");
  const second = await promptHidden("再次输入密码：");
  if (first !== second) throw new UsageError("两次输入的密码不一致");
  return first;
}

// ---------------------------------------------------------------------------------------------
// Commands

interface CommandBase {
  path: readonly string[];
  /** Everything after `npm run cli --`. */
  usage: string;
  summary: string;
}

interface ReadyCommand extends CommandBase {
  status: "ready";
  options: OptionSpec;
  /** Resolves to the exit status when it is not 0 without an error (`check`: 1 when a check fails). */
  run(args: ParsedArgs): Promise<number | void>;
}

interface PlannedCommand extends CommandBase {
  status: "planned";
}

type Command = ReadyCommand | PlannedCommand;

async function createOrganizationCommand(args: ParsedArgs): Promise<void> {
  const [code, name] = expectPositionals(args, ["code", "name"]);
  const input = { code, name, parentCode: optionalOption(args, "parent"), requireTotp: args.options.get("without-2fa") !== true };
  // Checked here too so that a bad value fails before the embedded database is started.
  parseInput(createOrganizationSchema, input);
  const organization = await withDatabase(async () => {
    const { createOrganization } = await import("../lib/organizations/mutations");
    return createOrganization({ input });
  });
  console.log(`已创建机构：${organization.code} ${organization.name}`);
}

// org set: an organization's name, parent and settings (interfaces.md §2).

function parseOnOff(value: string, option: string): boolean {
  const normalized = value.trim().toLowerCase();
  if (normalized === "on") return true;
  if (normalized === "off") return false;
  throw new UsageError(`--${option} 须为 on 或 off`);
}

async function setOrganizationCommand(args: ParsedArgs): Promise<void> {
  const [code = ""] = expectPositionals(args, ["code"]);
  const parent = optionalOption(args, "parent");
  const noParent = args.options.get("no-parent") === true;
  if (parent !== undefined && noParent) throw new UsageError("--parent 与 --no-parent 不能同时使用");
  const feeStopsClock = optionalOption(args, "fee-stops-clock");
  const reportDeadline = optionalOption(args, "report-deadline");
  const input = {
    name: optionalOption(args, "name"),
    parentCode: noParent ? null : parent,
    appealsBasis: optionalOption(args, "appeals-basis")?.trim().toUpperCase(),
    feeStopsClock: feeStopsClock === undefined ? undefined : parseOnOff(feeStopsClock, "fee-stops-clock"),
    reportDeadline: reportDeadline === undefined ? undefined : reportDeadline.trim().toLowerCase() === "department" ? null : reportDeadline,
  };
  const { operatorOrganizationUpdateSchema } = await import("../lib/organizations/operator");
  // Checked here too so that a bad value fails before the embedded database is started.
  parseInput(organizationCodeSchema, code);
  parseInput(operatorOrganizationUpdateSchema, input);
  const result = await withDatabase(async () => {
    const { updateOrganizationAsOperator } = await import("../lib/organizations/operator");
    return updateOrganizationAsOperator({ organizationCode: code, input, today: todayInShanghai() });
  });
  if (result.changes.length === 0) {
    console.log(`机构 ${result.code} ${result.name} 的设置没有变化`);
    return;
  }
  console.log(`已更新机构 ${result.code} ${result.name}：${result.changes.join("；")}`);
  if (result.recomputedCases > 0) console.log(`已重新计算 ${result.recomputedCases} 件在办案件的截止日期`);
}

function parseRole(value: string): (typeof ROLES)[number] {
  const role = ROLES.find((candidate) => candidate === value.trim().toUpperCase());
  if (!role) {
    throw new UsageError(`角色须为 ${ROLES.map((candidate) => `${candidate}（${ROLE_LABELS[candidate]}）`).join("、")}`);
  }
  return role;
}

async function createUserCommand(args: ParsedArgs): Promise<void> {
  expectPositionals(args, []);
  const organizationCode = requireOption(args, "org");
  const username = requireOption(args, "username");
  const displayName = requireOption(args, "name");
  const role = parseRole(requireOption(args, "role"));
  const password = await readNewPassword();
  const input = { username, displayName, role, password };
  // Checked here too so that a bad value fails before the embedded database is started.
  parseInput(createUserSchema, input);

  const user = await withDatabase(async () => {
    const { createUserAsOperator } = await import("../lib/users/operator");
    return createUserAsOperator({ organizationCode, input });
  });
  console.log(
    `已创建用户：${user.username}（${user.displayName}，${ROLE_LABELS[user.role]}），所属机构 ${user.organization.code} ${user.organization.name}`,
  );
}

async function createOperatorCommand(args: ParsedArgs): Promise<void> {
  expectPositionals(args, []);
  const input = { username: requireOption(args, "username"), displayName: requireOption(args, "name"), password: await readNewPassword() };
  parseInput(createOperatorSchema, input);
  const operator = await withDatabase(async () => {
    const { createOperator } = await import("../lib/users/operator");
    return createOperator({ input });
  });
  console.log(`已创建系统管理员：${operator.username}（${operator.displayName}）；首次登录时须设置双因素认证`);
}

async function resetSecondFactorCommand(args: ParsedArgs): Promise<void> {
  expectPositionals(args, []);
  const username = requireOption(args, "username");
  const result = await withDatabase(async () => {
    const { resetSecondFactorAsOperator } = await import("../lib/users/operator");
    return resetSecondFactorAsOperator({ username });
  });
  console.log(result.hadSecondFactor ? `已重置 ${result.username} 的双因素认证，其登录已全部退出` : `${result.username} 原本未设置双因素认证；其登录已全部退出`);
}

async function importLedgerCommand(args: ParsedArgs): Promise<void> {
  const [filePath = ""] = expectPositionals(args, ["ledger.csv|ledger.xlsx"]);
  const organizationCode = requireOption(args, "org");
  parseInput(organizationCodeSchema, organizationCode);
  const bytes = await readFile(filePath).catch(() => {
    throw new AppError("NOT_FOUND", `无法读取文件：${filePath}`);
  });
  const result = await withDatabase(async () => {
    const { importLedger } = await import("../lib/cases/ledger-import-store");
    return importLedger({ organizationCode, file: { name: path.basename(filePath), bytes }, today: todayInShanghai() });
  });
  const { formatLedgerIssue } = await import("../lib/cases/ledger-import");
  for (const warning of result.warnings) console.error(`提示：${formatLedgerIssue(warning)}`);
  if (!result.ok) {
    for (const error of result.errors) console.error(formatLedgerIssue(error));
    throw new AppError("VALIDATION", `台账中有 ${result.errors.length} 处问题，未导入任何申请`);
  }
  console.log(`已导入 ${result.importedCount} 件`);
}

const LEDGER_FILE_FORMATS = ["csv", "xlsx"] as const;

function ledgerFileFormat(filePath: string): (typeof LEDGER_FILE_FORMATS)[number] {
  const extension = path.extname(filePath).slice(1).toLowerCase();
  const format = LEDGER_FILE_FORMATS.find((candidate) => candidate === extension);
  if (!format) throw new UsageError("输出文件的扩展名须为 .csv 或 .xlsx");
  return format;
}

function parseYear(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 2000 || year > 2100) throw new UsageError("--year 须为四位年份，如 2024");
  return year;
}

/**
 * findApplicationsForExport reads as an actor and scopes every read by the actor's organization; the
 * operator reads as the organization itself, with no user behind it (nothing is written).
 */
function organizationReader(organization: { id: string; code: string; name: string }): Actor {
  return {
    userId: "",
    username: "",
    displayName: "运维命令行",
    role: "ADMIN",
    organizationId: organization.id,
    organizationCode: organization.code,
    organizationName: organization.name,
  };
}

async function exportLedgerCommand(args: ParsedArgs): Promise<void> {
  const [outPath = ""] = expectPositionals(args, ["out.csv|out.xlsx"]);
  const code = parseInput(organizationCodeSchema, requireOption(args, "org"));
  const format = ledgerFileFormat(outPath);
  const yearOption = optionalOption(args, "year");
  const year = yearOption === undefined ? undefined : parseYear(yearOption);
  const query: CaseListQuery = {
    ...DEFAULT_CASE_LIST_QUERY,
    // By case number: the same cases always give the same file.
    sort: { id: "caseNumber", desc: false },
    ...(year === undefined ? {} : { receivedFrom: `${year}-01-01`, receivedTo: `${year}-12-31` }),
  };
  const count = await withDatabase(async () => {
    const { db } = await import("../lib/db");
    const { findApplicationsForExport } = await import("../lib/cases/queries");
    const { ledgerToCsv, ledgerToXlsx } = await import("../lib/cases/export");
    const { findLedgerExportExtras } = await import("../lib/cases/ledger-extras");
    const organization = await db.organization.findUnique({ where: { code }, select: { id: true, code: true, name: true } });
    if (!organization) throw new AppError("NOT_FOUND", `机构 ${code} 不存在`);
    const actor = organizationReader(organization);
    const rows = await findApplicationsForExport({ actor, query });
    const extras = format === "csv" ? undefined : await findLedgerExportExtras({ actor, caseNumbers: rows.map((row) => row.申请编号) });
    const { recordCommandLineExport } = await import("../lib/auth/security-events");
    await writeFile(outPath, format === "csv" ? ledgerToCsv(rows) : await ledgerToXlsx(rows, extras));
    await recordCommandLineExport(organization.id, { kind: `cases.${format}`, rows: rows.length, file: path.resolve(outPath) });
    return rows.length;
  });
  console.log(`已导出 ${count} 件到 ${outPath}`);
}

// report: the annual report's tables 三 and 四, the fees and the checks (interfaces.md §2, §3).

type ReportDefinitions = typeof import("../lib/reports/definitions");
type ReportAsData = import("../lib/reports/definitions").ReportJson;

/** Terminal columns of a text: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += (character.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width;
}

const padDisplayStart = (text: string, width: number) => " ".repeat(Math.max(0, width - displayWidth(text))) + text;

/** Readable Chinese tables: the counts first, in fixed-width columns, then the row's label. */
function formatReportText(report: ReportAsData, definitions: ReportDefinitions): string {
  const lines: string[] = [];
  const numbers = (labels: readonly string[], values: readonly (number | string)[]) => {
    const widths = labels.map((label) => Math.max(displayWidth(label), 6));
    return values.map((value, index) => padDisplayStart(String(value), widths[index] ?? 6)).join("  ");
  };
  const header = (labels: readonly string[]) => numbers(labels, labels);

  lines.push(`${report.org}　${report.year} 年度政府信息公开工作年度报告　${definitions.REPORT_FORMAT_LABELS[report.format]}`, "");
  lines.push(definitions.APPLICATIONS_TABLE_TITLE, definitions.BALANCE_NOTE);
  const columnLabels = definitions.COLUMN_KEYS.map((column) => definitions.COLUMN_LABELS[column]);
  lines.push(header(columnLabels));
  const printedGroups = new Set<string>();
  const blank = " ".repeat(displayWidth(header(columnLabels)));
  for (const row of definitions.APPLICATIONS_ROWS[report.format]) {
    row.groups.forEach((group, depth) => {
      if (printedGroups.has(group)) return;
      printedGroups.add(group);
      lines.push(`${blank}  ${"  ".repeat(depth)}${group}`);
    });
    const counts = report.applications.rows[row.key] ?? [];
    lines.push(`${numbers(columnLabels, counts)}  ${"  ".repeat(row.groups.length)}${row.label}`);
  }

  lines.push("", definitions.APPEALS_TABLE_TITLE);
  const appealLabels = definitions.APPEAL_COLUMN_KEYS.map((column) => definitions.APPEAL_COLUMN_LABELS[column]);
  lines.push(header(appealLabels));
  for (const group of definitions.APPEAL_GROUP_KEYS) {
    const counts = report.appeals[group];
    const parent = definitions.APPEAL_GROUP_PARENT_LABELS[group];
    const label = parent ? `${parent}：${definitions.APPEAL_GROUP_LABELS[group]}` : definitions.APPEAL_GROUP_LABELS[group];
    lines.push(`${numbers(appealLabels, definitions.APPEAL_COLUMN_KEYS.map((column) => counts[column]))}  ${label}`);
  }

  lines.push("", "信息处理费");
  for (const fee of definitions.FEE_KEYS) lines.push(`${definitions.FEE_LABELS[fee]}：${report.fees[fee]}`);

  lines.push("", "核对");
  for (const check of report.checks) lines.push(`${check.ok ? "✓" : "✗"} ${check.detail}`);
  return lines.join("\n");
}

async function reportCommand(args: ParsedArgs): Promise<void> {
  expectPositionals(args, []);
  const organizationCode = requireOption(args, "org");
  const definitions = await import("../lib/reports/definitions");
  // Checked before the database is opened.
  const request = definitions.reportRequestSchema.safeParse({ year: requireOption(args, "year"), format: optionalOption(args, "format") });
  if (!request.success) throw new UsageError(request.error.issues[0]?.message ?? "参数有误");
  const report = await withDatabase(async () => {
    const { computeReportForOrganizationCode } = await import("../lib/reports/queries");
    return computeReportForOrganizationCode({ organizationCode, year: request.data.year, format: request.data.format });
  });
  for (const check of report.checks) if (!check.ok) log(`核对未通过：${check.detail}`);
  // With --json, standard output carries the report as data and nothing else.
  if (args.options.get("json") === true) console.log(JSON.stringify(report, null, 2));
  else console.log(formatReportText(report, definitions));
}

// backup and restore (interfaces.md §2; lib/runtime/backup.ts).

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

async function backupCommand(args: ParsedArgs): Promise<void> {
  const [file = ""] = expectPositionals(args, ["file"]);
  const summary = await withDatabase(async (database) => {
    const { createBackup } = await import("../lib/runtime/backup");
    return createBackup({ ownerUrl: database.ownerUrl, adminUrl: database.adminUrl ?? database.ownerUrl, dataDir: getEnv().DATA_DIR, file, log });
  });
  console.log(
    `已备份到 ${summary.file}（${formatBytes(summary.bytes)}）：${summary.tables} 个表共 ${summary.rows} 行、${summary.publishedReports} 份已发布年报、` +
      `${summary.attachments} 个附件；已恢复到临时数据库核对一致`,
  );
  if (summary.objectStorageAttachments > 0) {
    console.log(
      `注意：另有 ${summary.objectStorageAttachments} 个附件保存在对象存储（S3_BUCKET）中，本备份只含其登记记录、不含文件内容；` +
        `请用对象存储自身的版本控制或复制备份该存储桶（见 docs/operations.md 第 4 节）`,
    );
  }
}

async function restoreCommand(args: ParsedArgs): Promise<void> {
  const [file = ""] = expectPositionals(args, ["file"]);
  // No migrations first: the database must be empty, and the backup brings its own schema version.
  const summary = await withDatabase(
    async (database) => {
      const { restoreBackup } = await import("../lib/runtime/backup");
      const restored = await restoreBackup({ ownerUrl: database.ownerUrl, dataDir: getEnv().DATA_DIR, file, log });
      await applyMigrations(database, { log });
      return restored;
    },
    { migrate: false },
  );
  console.log(
    `已从备份（${summary.createdAt}）恢复：${summary.tables} 个表共 ${summary.rows} 行、${summary.publishedReports} 份已发布年报、${summary.attachments} 个附件，核对一致`,
  );
}

// check: a published report's tables, from this system or not (rules.md §7, interfaces.md §2). Reads
// files only: no database.

const CHECK_UNREADABLE = 2;

async function readReportForCheck(filePath: string) {
  const { readReportFile } = await import("../lib/reports/report-reader");
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(filePath));
  } catch {
    return { ok: false as const, message: `无法读取文件：${filePath}` };
  }
  const result = await readReportFile(path.basename(filePath), bytes);
  return result.ok ? result : { ok: false as const, message: `${filePath}：${result.message}` };
}

async function checkCommand(args: ParsedArgs): Promise<number> {
  const [filePath = ""] = expectPositionals(args, ["report.json|report.xlsx"]);
  const previousPath = optionalOption(args, "previous");
  const { checkLine, checkReport, describeReadReport } = await import("../lib/reports/checker");
  const current = await readReportForCheck(filePath);
  const previous = previousPath === undefined ? null : await readReportForCheck(previousPath);
  for (const result of [current, previous]) {
    if (result && !result.ok) {
      console.error(result.message);
      return CHECK_UNREADABLE;
    }
  }
  if (!current.ok || (previous && !previous.ok)) return CHECK_UNREADABLE;
  const checked = checkReport(current.report, previous?.report ?? null);
  log(`核对 ${filePath}：${describeReadReport(checked.report)}${previous?.ok ? `；上年度：${previousPath}` : ""}`);
  if (args.options.get("json") === true) console.log(JSON.stringify({ checks: checked.checks }, null, 2));
  else for (const check of checked.checks) console.log(checkLine(check));
  if (checked.checks.length === 0) log("表中没有可核对的合计（各项均未填报）");
  const failing = checked.checks.filter((check) => !check.ok).length;
  if (failing > 0) log(`${failing} 项核对不通过`);
  return failing > 0 ? 1 : 0;
}

async function helpCommand(): Promise<void> {
  console.log(helpText());
}

const COMMANDS: readonly Command[] = [
  {
    status: "ready",
    path: ["org", "create"],
    usage: "org create <code> <name> [--parent <code>] [--without-2fa]",
    summary:
      "创建机构；<code> 为 2–32 位小写字母、数字或连字符，--parent 指定上级机构代码。新机构的管理员和负责人登录须使用双因素认证，--without-2fa 不要求（机构管理员可随时开启）",
    options: { parent: "string", "without-2fa": "boolean" },
    run: createOrganizationCommand,
  },
  {
    status: "ready",
    path: ["org", "set"],
    usage:
      "org set <code> [--name <name>] [--parent <code>|--no-parent] [--appeals-basis FILED_IN_YEAR|ACTIVE_IN_YEAR] [--fee-stops-clock on|off] [--report-deadline MM-DD|department]",
    summary:
      "修改机构的名称、上级机构（--no-parent 取消上级；不能形成循环）、复议诉讼统计口径、收费期间是否停止计时（改变后重新计算在办案件的期限）和年度报告发布期限（人民政府如 03-31，department 为政府部门的 1 月 31 日）",
    options: { name: "string", parent: "string", "no-parent": "boolean", "appeals-basis": "string", "fee-stops-clock": "string", "report-deadline": "string" },
    run: setOrganizationCommand,
  },
  {
    status: "ready",
    path: ["user", "create"],
    usage: "user create --org <code> --username <u> --name <姓名> --role CLERK|MANAGER|ADMIN",
    summary: `在机构中创建账户；初始密码取自环境变量 ${PASSWORD_VARIABLE}，在终端中运行时也可按提示输入（不回显），本人首次登录时须修改`,
    options: { org: "string", username: "string", name: "string", role: "string" },
    run: createUserCommand,
  },
  {
    status: "ready",
    path: ["operator", "create"],
    usage: "operator create --username <u> --name <姓名>",
    summary: `创建系统管理员（不属于任何机构，维护工作日历、创建机构）；密码取自环境变量 ${PASSWORD_VARIABLE} 或按提示输入，首次登录时须设置双因素认证`,
    options: { username: "string", name: "string" },
    run: createOperatorCommand,
  },
  {
    status: "ready",
    path: ["user", "reset-2fa"],
    usage: "user reset-2fa --username <u>",
    summary: "重置任一账户（含系统管理员）的双因素认证（手机遗失时）；该账户的登录全部退出，须要求时下次登录重新设置",
    options: { username: "string" },
    run: resetSecondFactorCommand,
  },
  {
    status: "ready",
    path: ["import"],
    usage: "import --org <code> <ledger.csv|ledger.xlsx>",
    summary:
      "从台账文件（CSV UTF-8 或 XLSX 第一个工作表，首行为列名）导入申请。全部行通过检查才写入；有问题时逐行列出（第 N 行［列名］原因），不导入任何申请",
    options: { org: "string" },
    run: importLedgerCommand,
  },
  {
    status: "ready",
    path: ["export"],
    usage: "export --org <code> [--year <Y>] <out.csv|out.xlsx>",
    summary: "把机构的申请按编号顺序导出为台账文件（按扩展名选择 CSV 或 XLSX）；--year 只导出该年收到的申请",
    options: { org: "string", year: "string" },
    run: exportLedgerCommand,
  },
  {
    status: "ready",
    path: ["report"],
    usage: "report --org <code> --year <Y> [--format 2019|2021] [--json]",
    summary:
      "生成机构某年度的年度报告表三、表四、信息处理费及核对结果；--format 默认按年度（2019–2020 年用 2019 年格式），--json 只在标准输出打印报告数据（interfaces.md §3）",
    options: { org: "string", year: "string", format: "string", json: "boolean" },
    run: reportCommand,
  },
  {
    status: "ready",
    path: ["backup"],
    usage: "backup <file>",
    summary: "把整个数据库（一致性快照）和附件备份到一个文件；写完后恢复到临时数据库核对，核对通过才保留文件",
    options: {},
    run: backupCommand,
  },
  {
    status: "ready",
    path: ["restore"],
    usage: "restore <file>",
    summary: "把备份恢复到空数据库（非空时拒绝），恢复后核对行数与已发布年报，并应用较新的迁移",
    options: {},
    run: restoreCommand,
  },
  {
    status: "ready",
    path: ["check"],
    usage: "check <report.json|report.xlsx> [--previous <report.json|report.xlsx>] [--json]",
    summary:
      "核对一份已发布的年度报告（不必由本系统生成）：报告数据 JSON、官方版式的 Excel 或 Word、或表格文本（2019/2021 年格式；2019 年以前的统计表核对其自身的合计）。逐项打印“通过”或“不通过”及不相符的数字；--previous 与上年度报告核对“二、上年结转”；--json 打印 {\"checks\": […]}。全部通过退出码 0，有不通过为 1，文件无法读取为 2",
    options: { previous: "string", json: "boolean" },
    run: checkCommand,
  },
  {
    status: "ready",
    path: ["help"],
    usage: "help",
    summary: "显示本帮助",
    options: {},
    run: helpCommand,
  },
];

function helpText(): string {
  const describe = (command: Command) => `  npm run cli -- ${command.usage}\n      ${command.summary}`;
  return [
    "Gongkai 运维命令行",
    "",
    "可用命令：",
    ...COMMANDS.filter((command) => command.status === "ready").map(describe),
    "",
    "即将提供：",
    ...COMMANDS.filter((command) => command.status === "planned").map(describe),
    "",
    "每个命令先应用待执行的数据库迁移（restore 除外）。设置了 DATABASE_URL 时使用该数据库（迁移用 MIGRATION_DATABASE_URL），",
    "否则使用 .data/ 中的内置数据库：npm start 正在运行时与之共用且不停止它，否则临时启动、用完即停。",
    "成功时退出码为 0；出错时在标准错误输出一行中文说明，退出码非 0（用法错误为 2）。",
  ].join("\n");
}

function findCommand(tokens: readonly string[]): { command: Command; rest: string[] } | undefined {
  let best: Command | undefined;
  for (const command of COMMANDS) {
    const matches = command.path.every((word, index) => tokens[index] === word);
    if (matches && (!best || command.path.length > best.path.length)) best = command;
  }
  return best && { command: best, rest: tokens.slice(best.path.length) };
}

async function main(argv: readonly string[]): Promise<number> {
  const tokens = argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" ? ["help"] : argv;
  const found = findCommand(tokens);
  if (!found) {
    const group = COMMANDS.filter((command) => command.path[0] === tokens[0]);
    if (group.length > 0) {
      throw new UsageError(`用法：\n${group.map((command) => `  npm run cli -- ${command.usage}`).join("\n")}`);
    }
    throw new UsageError(`未知命令：${tokens.join(" ")}`);
  }
  const { command, rest } = found;
  if (command.status === "planned") {
    console.error(`该命令尚未实现：${command.path.join(" ")}`);
    return 2;
  }
  return (await command.run(parseArguments(rest, command.options))) ?? 0;
}

function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${HELP_HINT}`);
    return 2;
  }
  if (error instanceof CancelledError) {
    console.error(error.message);
    return 130;
  }
  reportFailure(error, { prefix: "", dataDir: dataDirForLogs(), fallback: "命令执行失败" });
  return 1;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    const database = activeDatabase;
    activeDatabase = undefined;
    console.error("已中断");
    removeUnfinishedFiles();
    void (database ? database.stop() : Promise.resolve()).finally(() => process.exit(130));
  });
}

let exitCode: number;
try {
  exitCode = await main(process.argv.slice(2));
} catch (error) {
  exitCode = exitCodeFor(error);
}
process.exit(exitCode);
