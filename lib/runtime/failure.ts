// One Chinese sentence for an operator: what went wrong and what to do. Start-up, the CLI and the
// runtime throw RuntimeFailure for every expected failure; the entry scripts print its message (one
// line, never a stack trace) and exit non-zero. describeFailure turns anything else, including raw
// errors of pg, Prisma or Node, into such a line and keeps the technical detail for the log.
import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { isAppError } from "../errors";

export class RuntimeFailure extends Error {
  /** The underlying error's text, for the log only. */
  readonly detail?: string;

  constructor(message: string, cause?: unknown) {
    super(message);
    this.name = "RuntimeFailure";
    this.detail = cause === undefined ? undefined : technicalText(cause);
  }
}

export function technicalText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${typeof code === "string" ? `${code} ` : ""}${error.message}`.trim();
  }
  return String(error);
}

/** PostgreSQL and Node error codes an operator can act on, in Chinese. */
function knownCause(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "ECONNREFUSED":
      return "无法连接数据库（连接被拒绝）：请确认数据库已启动，以及 DATABASE_URL 中的主机和端口";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "无法解析数据库主机名：请检查 DATABASE_URL";
    case "ETIMEDOUT":
      return "连接数据库超时：请检查网络和 DATABASE_URL";
    case "28P01":
    case "28000":
      return "数据库拒绝登录（用户名或密码不正确）：请检查连接串中的账户";
    case "3D000":
      return "数据库不存在：请先创建数据库，或检查连接串中的库名";
    case "42501":
      return "数据库账户权限不足：迁移和恢复须使用所有者账户（MIGRATION_DATABASE_URL，见 docs/operations.md 第 2 节）";
    case "57P01":
    case "57P03":
      return "数据库正在关闭或启动中：请稍后重试";
    case "53300":
      return "数据库连接数已满：请稍后重试，或调低 DATABASE_POOL_SIZE";
    case "ENOSPC":
      return "磁盘空间不足：请清理磁盘后重试";
    case "EACCES":
    case "EPERM":
      return "没有文件或目录的访问权限";
    default:
      return undefined;
  }
}

/**
 * The one Chinese line to show for an error; `fallback` says what was being done and stands alone for
 * an unknown error (its technical text belongs in the log: technicalText).
 */
export function describeFailure(error: unknown, fallback = "操作失败，请查看日志"): string {
  if (error instanceof RuntimeFailure || isAppError(error)) return error.message;
  const known = knownCause(error);
  if (known) return known;
  const message = error instanceof Error ? error.message : String(error);
  if (/timeout exceeded when trying to connect/i.test(message)) return "系统繁忙，请稍后重试（等待数据库连接超时）";
  if (/Connection terminated|connection.*closed|Client has encountered a connection error/i.test(message)) {
    return "与数据库的连接中断：请确认数据库正在运行后重试";
  }
  return fallback;
}

/**
 * Prints one Chinese line on standard error. The technical detail (stack, driver message) goes to
 * DATA_DIR/logs/errors.log instead, which the line points to.
 */
export function reportFailure(error: unknown, options: { /** Printed right before the message. */ prefix: string; dataDir: string; fallback?: string }): void {
  const message = describeFailure(error, options.fallback);
  const detail = error instanceof RuntimeFailure ? error.detail : isAppError(error) ? undefined : error instanceof Error ? (error.stack ?? error.message) : String(error);
  let where = "";
  if (detail) {
    try {
      const file = path.join(options.dataDir, "logs", "errors.log");
      mkdirSync(path.dirname(file), { recursive: true });
      appendFileSync(file, `${new Date().toISOString()} ${options.prefix}${message}\n${detail}\n\n`, { mode: 0o600 });
      where = `（详细信息见 ${path.relative(process.cwd(), file) || file}）`;
    } catch {
      // The line alone still says what to do.
    }
  }
  process.stderr.write(`${options.prefix}${message}${where}\n`);
}
