// The app's database sessions must run in Beijing time (UTC+8). Prisma's pg adapter writes a Date as
// its UTC wall clock without an offset, which PostgreSQL reads in the session's time zone, and reads a
// timestamp back by dropping the offset it prints (lib/db.ts, ADR 0070): every stored instant therefore
// carries the session zone it was written in. The embedded server and docker-compose.yml start
// PostgreSQL with timezone=Asia/Shanghai, and docs/operations.md §2 sets it for an external database;
// a database restored or moved to a server left at UTC would show every time of the case files, the
// audit trail and the sign-ins 8 hours off, and mix both kinds in new rows. Checked at every start and
// command (applyMigrations), before the app writes anything.
import pg from "pg";
import { RuntimeFailure } from "./failure";

const BEIJING_OFFSET_SECONDS = 8 * 3600;

/** Refuses a database whose sessions, for the app's role, are not in UTC+8. */
export async function assertBeijingSessions(appUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: appUrl, application_name: "gongkai-time-zone-check" });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ zone: string; offset: number; database: string }>(
      `SELECT current_setting('TimeZone') AS "zone", extract(timezone FROM now())::int AS "offset", current_database() AS "database"`,
    );
    const { zone, offset, database } = rows[0]!;
    if (offset === BEIJING_OFFSET_SECONDS) return;
    const hours = (BEIJING_OFFSET_SECONDS - offset) / 3600;
    throw new RuntimeFailure(
      `数据库会话时区为 ${zone}，应为 Asia/Shanghai（北京时间）：本系统按北京时间会话存储时间，时区不同会使案卷、操作记录和登录的时间整体偏差 ${hours} 小时。` +
        `请以超级用户执行 ALTER DATABASE ${pg.escapeIdentifier(database)} SET timezone TO 'Asia/Shanghai'（docs/operations.md 第 2 节）后重新启动；` +
        `若此数据库一直在 ${zone} 下使用，修改前请先备份并核对已有记录的时间。`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
