// The operator command line (interfaces.md §2): `npm run cli -- <command>`. A command that touches
// data opens the database (DATABASE_URL, or the embedded PostgreSQL in DATA_DIR, shared with a
// running `npm start`), applies pending migrations, runs, and stops the database again if it started
// it. Results go to standard output; progress, prompts and errors to standard error.
//
// Modules that import lib/db.ts are loaded with dynamic import() only after useDatabaseUrl(): the
// Prisma client reads DATABASE_URL once, when lib/db.ts is first evaluated.
import { ROLE_LABELS, ROLES } from "../lib/auth/roles";
import { getEnv, useDatabaseUrl } from "../lib/env";
import { isAppError } from "../lib/errors";
import { openDatabase, type OpenDatabase } from "../lib/runtime/database";
import { createOrganizationSchema } from "../lib/organizations/schemas";
import { applyMigrations } from "../lib/runtime/migrate";
import { createUserSchema } from "../lib/users/schemas";
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

async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  const env = getEnv();
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    port: env.EMBEDDED_DATABASE_PORT,
    log,
  });
  activeDatabase = database;
  let clientMayBeLoaded = false;
  try {
    useDatabaseUrl(database.url);
    log("应用数据库迁移 …");
    await applyMigrations(database.url, { quiet: true });
    clientMayBeLoaded = true;
    return await work();
  } finally {
    // Close the Prisma pool before an embedded server we own shuts down under it.
    if (clientMayBeLoaded) {
      const { db } = await import("../lib/db");
      await db.$disconnect().catch(() => undefined);
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
  run(args: ParsedArgs): Promise<void>;
}

interface PlannedCommand extends CommandBase {
  status: "planned";
}

type Command = ReadyCommand | PlannedCommand;

async function createOrganizationCommand(args: ParsedArgs): Promise<void> {
  const [code, name] = expectPositionals(args, ["code", "name"]);
  const input = { code, name, parentCode: optionalOption(args, "parent") };
  // Checked here too so that a bad value fails before the embedded database is started.
  parseInput(createOrganizationSchema, input);
  const organization = await withDatabase(async () => {
    const { createOrganization } = await import("../lib/organizations/mutations");
    return createOrganization({ input });
  });
  console.log(`已创建机构：${organization.code} ${organization.name}`);
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

async function helpCommand(): Promise<void> {
  console.log(helpText());
}

const COMMANDS: readonly Command[] = [
  {
    status: "ready",
    path: ["org", "create"],
    usage: "org create <code> <name> [--parent <code>]",
    summary: "创建机构；<code> 为 2–32 位小写字母、数字或连字符，--parent 指定上级机构代码",
    options: { parent: "string" },
    run: createOrganizationCommand,
  },
  {
    status: "ready",
    path: ["user", "create"],
    usage: "user create --org <code> --username <u> --name <姓名> --role CLERK|MANAGER|ADMIN",
    summary: `在机构中创建账户；密码取自环境变量 ${PASSWORD_VARIABLE}，在终端中运行时也可按提示输入（不回显）`,
    options: { org: "string", username: "string", name: "string", role: "string" },
    run: createUserCommand,
  },
  {
    status: "planned",
    path: ["import"],
    usage: "import --org <code> <ledger.csv|ledger.xlsx>",
    summary: "从台账文件导入申请",
  },
  {
    status: "planned",
    path: ["export"],
    usage: "export --org <code> [--year <Y>] <out.csv|out.xlsx>",
    summary: "把申请导出为台账文件",
  },
  {
    status: "planned",
    path: ["report"],
    usage: "report --org <code> --year <Y> [--format 2019|2021] [--json]",
    summary: "生成年度报告；--json 只在标准输出打印报告数据",
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
    "每个命令先应用待执行的数据库迁移。设置了 DATABASE_URL 时使用该数据库，否则使用 .data/ 中的内置数据库",
    "（npm start 正在运行时与之共用）。成功时退出码为 0；出错时在标准错误输出说明，退出码非 0（用法错误为 2）。",
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
  await command.run(parseArguments(rest, command.options));
  return 0;
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
  if (isAppError(error)) {
    console.error(error.message);
    return 1;
  }
  console.error(`错误：${error instanceof Error ? error.message : String(error)}`);
  return 1;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    const database = activeDatabase;
    activeDatabase = undefined;
    console.error("已中断");
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
