// `npm run cli -- backup <file>` and `restore <file>` (interfaces.md §2; ADR 0032).
//
// No pg_dump of the server's major version (18) installs here: Debian 12 ships 15, which refuses the
// server, and the embedded package has only initdb, pg_ctl and postgres. So the backup is our own
// logical one, made with the server's COPY through the driver:
// - one REPEATABLE READ, READ ONLY transaction sees one snapshot of every table of schema public
//   (Prisma's _prisma_migrations included), each table written in COPY text format, which PostgreSQL
//   reads back exactly; sequences with their values; the case-file attachments in DATA_DIR/attachments;
// - a manifest: format version, the migrations the schema was built by, per table its columns, row
//   count, a content digest and the file's sha256, a digest of every published report, and per
//   attachment its size and sha256;
// - all in one tar.gz, written under a temporary name and renamed into place only after it was read
//   back and restored into a scratch database whose row counts, table digests and published reports
//   equal the manifest. Any failure removes what was written and exits non-zero with one Chinese line.
//
// Restore builds the backup's schema by applying the same migrations, loads every table (user triggers
// off, in foreign-key order), sets the sequences and checks the manifest, all in one transaction, so a
// failed restore leaves the database empty; later migrations of this version then run as at start-up.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, existsSync, fsyncSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync, cpSync } from "node:fs";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import * as tar from "tar";
import { RuntimeFailure, technicalText } from "./failure";
import { applyMigrationInTransaction, readMigrations, type Migration } from "./migrate";

export const BACKUP_FORMAT = "gongkai-backup";
export const BACKUP_FORMAT_VERSION = 1;
/** Case-file attachments on local disk (the docs branch writes them there). */
export const ATTACHMENTS_FOLDER = "attachments";
const MANIFEST_FILE = "manifest.json";
const PUBLISHED_REPORTS_TABLE = "ReportSnapshot";

export interface TableEntry {
  name: string;
  file: string;
  columns: string[];
  rows: number;
  /** md5 over the sorted md5 of every row's text: equal contents, equal digest. */
  digest: string;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  serverVersion: string;
  migrations: { name: string; checksum: string }[];
  tables: TableEntry[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  publishedReports: { id: string; digest: string }[];
  attachments: { path: string; size: number; sha256: string }[];
  /**
   * Attachments whose content is in object storage (S3/MinIO): their rows are in this backup, their
   * content is not; the bucket's own versioning or replication keeps it (operations.md §4). Absent in
   * backups written before it was counted.
   */
  objectStorageAttachments?: number;
}

export interface BackupSummary {
  file: string;
  bytes: number;
  tables: number;
  rows: number;
  publishedReports: number;
  attachments: number;
  /** Attachments kept in object storage, whose content this backup does not hold. */
  objectStorageAttachments: number;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Session settings that make COPY text and row digests independent of the server's defaults. */
const STABLE_OUTPUT = [
  "set client_encoding = 'UTF8'",
  "set timezone = 'UTC'",
  "set datestyle = 'ISO, YMD'",
  "set intervalstyle = 'postgres'",
  "set extra_float_digits = 3",
  "set bytea_output = 'hex'",
  "set statement_timeout = 0",
  "set idle_in_transaction_session_timeout = 0",
];

/** Paths to remove if the process is interrupted (the CLI's Ctrl-C handler calls removeUnfinishedFiles). */
const unfinished = new Set<string>();

export function removeUnfinishedFiles(): void {
  for (const target of unfinished) rmSync(target, { recursive: true, force: true });
  unfinished.clear();
}

async function connect(url: string, applicationName: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: applicationName });
  client.on("error", () => undefined);
  await client.connect();
  for (const statement of STABLE_OUTPUT) await client.query(statement);
  return client;
}

async function publicTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`,
  );
  return rows.map((row) => row.name);
}

async function tableColumns(client: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select a.attname as name from pg_attribute a
      where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      order by a.attnum`,
    [quote(table)],
  );
  return rows.map((row) => row.name);
}

async function tableDigest(client: pg.ClientBase, table: string): Promise<{ rows: number; digest: string }> {
  const { rows } = await client.query<{ rows: string; digest: string }>(
    `select count(*)::text as rows, md5(coalesce(string_agg(h, '' order by h), '')) as digest
       from (select md5(t::text) as h from ${quote(table)} t) hashed`,
  );
  return { rows: Number(rows[0]?.rows ?? 0), digest: rows[0]?.digest ?? "" };
}

async function publishedReportDigests(client: pg.ClientBase, tables: readonly string[]): Promise<BackupManifest["publishedReports"]> {
  if (!tables.includes(PUBLISHED_REPORTS_TABLE)) return [];
  const { rows } = await client.query<{ id: string; digest: string }>(`select s.id, md5(s::text) as digest from ${quote(PUBLISHED_REPORTS_TABLE)} s order by s.id`);
  return rows;
}

/** Tables ordered so that every table comes after the tables its foreign keys point to. */
async function loadOrder(client: pg.ClientBase, tables: readonly string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public' and c.conrelid <> c.confrelid`,
  );
  const unquote = (name: string) => name.replace(/^"(.*)"$/, "$1").replaceAll('""', '"');
  const parents = new Map<string, Set<string>>(tables.map((table) => [table, new Set<string>()]));
  for (const row of rows) parents.get(unquote(row.child))?.add(unquote(row.parent));
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((table) => !placed.has(table) && [...(parents.get(table) ?? [])].every((parent) => placed.has(parent) || !parents.has(parent)));
    // A cycle (none in this schema) is loaded in name order; its foreign keys then say what is wrong.
    const next = ready.length > 0 ? ready : tables.filter((table) => !placed.has(table)).slice(0, 1);
    for (const table of next) {
      placed.add(table);
      ordered.push(table);
    }
  }
  return ordered;
}

/** Counts rows (lines of COPY text) and hashes the bytes passing through. */
function measuring(): Transform & { rows: () => number; sha256: () => string } {
  const hash = createHash("sha256");
  let lines = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      for (const byte of chunk) if (byte === 10) lines += 1;
      callback(null, chunk);
    },
  });
  return Object.assign(stream, { rows: () => lines, sha256: () => hash.digest("hex") });
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

function listFiles(root: string, relative = ""): string[] {
  const folder = path.join(root, relative);
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...listFiles(root, child));
    else if (entry.isFile()) files.push(child);
  }
  return files;
}

function fsyncFile(file: string): void {
  const descriptor = openSync(file, "r");
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

// ---------------------------------------------------------------------------------------------
// Backup

async function dumpDatabase(ownerUrl: string, staging: string): Promise<BackupManifest> {
  const client = await connect(ownerUrl, "gongkai-backup");
  try {
    await client.query("begin isolation level repeatable read read only");
    const tables = await publicTables(client);
    if (tables.length === 0) throw new RuntimeFailure("数据库中没有任何表，无可备份的数据：请确认连接的是本系统的数据库");
    // As pg_dump does: no migration may change a table while the snapshot is read.
    await client.query("set local lock_timeout = '30s'");
    await client.query(`lock table ${tables.map(quote).join(", ")} in access share mode`);
    const serverVersion = (await client.query<{ version: string }>("show server_version")).rows[0]?.version ?? "";
    const migrations = tables.includes("_prisma_migrations")
      ? (
          await client.query<{ name: string; checksum: string }>(
            `select migration_name as name, checksum from "_prisma_migrations" where finished_at is not null and rolled_back_at is null order by migration_name`,
          )
        ).rows
      : [];
    if (migrations.length === 0) throw new RuntimeFailure("数据库中没有迁移记录，无法确定其结构版本：请先用 npm start 或 npm run db:migrate 初始化");

    const entries: TableEntry[] = [];
    mkdirSync(path.join(staging, "tables"), { recursive: true });
    for (const [index, table] of tables.entries()) {
      const columns = await tableColumns(client, table);
      const file = `tables/${String(index + 1).padStart(3, "0")}-${table.replace(/[^A-Za-z0-9_]/g, "_")}.copy`;
      const meter = measuring();
      const copy = client.query(copyTo(`copy ${quote(table)} (${columns.map(quote).join(", ")}) to stdout`));
      await pipeline(copy, meter, createWriteStream(path.join(staging, file)));
      const { rows, digest } = await tableDigest(client, table);
      if (rows !== meter.rows()) throw new RuntimeFailure(`备份表 ${table} 时行数不一致（读出 ${meter.rows()} 行，应为 ${rows} 行）`);
      entries.push({ name: table, file, columns, rows, digest, sha256: meter.sha256() });
    }
    const sequences: BackupManifest["sequences"] = [];
    const { rows: sequenceNames } = await client.query<{ name: string }>(`select sequencename as name from pg_sequences where schemaname = 'public' order by 1`);
    for (const { name } of sequenceNames) {
      const { rows } = await client.query<{ last_value: string; is_called: boolean }>(`select last_value::text, is_called from ${quote(name)}`);
      if (rows[0]) sequences.push({ name, lastValue: rows[0].last_value, isCalled: rows[0].is_called });
    }
    const publishedReports = await publishedReportDigests(client, tables);
    const objectStorageAttachments = tables.includes("Attachment")
      ? ((await client.query<{ count: number }>(`select count(*)::int as count from "Attachment" where storage <> 'local'`)).rows[0]?.count ?? 0)
      : 0;
    await client.query("commit");
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      serverVersion,
      migrations,
      tables: entries,
      sequences,
      publishedReports,
      attachments: [],
      objectStorageAttachments,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface BackupOptions {
  /** Owner (or any role that reads every table) of the database to back up. */
  ownerUrl: string;
  /** A role that may create a scratch database for the verification. */
  adminUrl: string;
  /** DATA_DIR: its attachments are part of the backup; its tmp/ holds the work files. */
  dataDir: string;
  file: string;
  log?: (message: string) => void;
}

export async function createBackup(options: BackupOptions): Promise<BackupSummary> {
  const log = options.log ?? (() => undefined);
  const target = path.resolve(options.file);
  if (!existsSync(path.dirname(target))) throw new RuntimeFailure(`备份文件所在的目录不存在：${path.dirname(target)}`);
  const work = path.join(path.resolve(options.dataDir), "tmp", `backup-${process.pid}-${randomBytes(3).toString("hex")}`);
  const partial = `${target}.partial-${process.pid}`;
  unfinished.add(work);
  unfinished.add(partial);
  try {
    const staging = path.join(work, "staging");
    mkdirSync(staging, { recursive: true });
    log("读取数据库（一致性快照）…");
    const manifest = await dumpDatabase(options.ownerUrl, staging);

    // Attachments are read after the snapshot: every file a row of the snapshot refers to exists by then.
    const attachmentsRoot = path.join(path.resolve(options.dataDir), ATTACHMENTS_FOLDER);
    const attachmentFiles = existsSync(attachmentsRoot) ? listFiles(attachmentsRoot) : [];
    for (const file of attachmentFiles) {
      const full = path.join(attachmentsRoot, file);
      manifest.attachments.push({ path: file, size: statSync(full).size, sha256: await sha256OfFile(full) });
    }
    if (attachmentFiles.length > 0) symlinkSync(attachmentsRoot, path.join(staging, ATTACHMENTS_FOLDER));
    writeFileSync(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);

    log("写入备份文件 …");
    await tar.c({ gzip: true, file: partial, cwd: staging, follow: true, portable: true }, [
      MANIFEST_FILE,
      ...manifest.tables.map((table) => table.file),
      ...attachmentFiles.map((file) => `${ATTACHMENTS_FOLDER}/${file}`),
    ]);
    fsyncFile(partial);

    log("核对备份：读回并恢复到临时数据库 …");
    await verifyBackupFile({ file: partial, adminUrl: options.adminUrl, work: path.join(work, "verify"), expected: manifest });

    renameSync(partial, target);
    unfinished.delete(partial);
    fsyncFile(path.dirname(target));
    return {
      file: target,
      bytes: statSync(target).size,
      tables: manifest.tables.length,
      rows: manifest.tables.reduce((sum, table) => sum + table.rows, 0),
      publishedReports: manifest.publishedReports.length,
      attachments: manifest.attachments.length,
      objectStorageAttachments: manifest.objectStorageAttachments ?? 0,
    };
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof RuntimeFailure) throw error;
    throw new RuntimeFailure(`备份失败，未留下备份文件：${describeIoFailure(error)}`, error);
  } finally {
    rmSync(work, { recursive: true, force: true });
    unfinished.delete(work);
    unfinished.delete(partial);
  }
}

function describeIoFailure(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === "ENOSPC") return "磁盘空间不足";
  if (code === "EACCES" || code === "EPERM") return "没有写入权限";
  if (code === "ENOENT") return "文件或目录不存在";
  if (code === "42501") return "数据库账户权限不足（备份须能读取所有表，恢复须使用所有者账户）";
  return technicalText(error).slice(0, 160);
}

// ---------------------------------------------------------------------------------------------
// Reading an archive

/** Extracts an archive and checks it against its own manifest; returns the manifest. */
async function extractArchive(file: string, folder: string): Promise<BackupManifest> {
  mkdirSync(folder, { recursive: true });
  try {
    await tar.x({ file, cwd: folder, strict: true });
  } catch (error) {
    throw new RuntimeFailure(`无法读取备份文件 ${file}：文件不完整或不是本系统的备份`, error);
  }
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(folder, MANIFEST_FILE), "utf8")) as BackupManifest;
  } catch (error) {
    throw new RuntimeFailure(`备份文件 ${file} 中缺少清单（manifest.json）：不是本系统的备份`, error);
  }
  if (manifest.format !== BACKUP_FORMAT) throw new RuntimeFailure(`${file} 不是本系统的备份文件`);
  if (manifest.version > BACKUP_FORMAT_VERSION) throw new RuntimeFailure(`备份文件格式版本 ${manifest.version} 高于本程序支持的版本：请先升级程序`);
  for (const table of manifest.tables) {
    const data = path.join(folder, table.file);
    if (!existsSync(data) || (await sha256OfFile(data)) !== table.sha256) throw new RuntimeFailure(`备份文件已损坏：表 ${table.name} 的数据与清单不符`);
  }
  for (const attachment of manifest.attachments) {
    const data = path.join(folder, ATTACHMENTS_FOLDER, attachment.path);
    if (!existsSync(data) || (await sha256OfFile(data)) !== attachment.sha256) throw new RuntimeFailure(`备份文件已损坏：附件 ${attachment.path} 与清单不符`);
  }
  return manifest;
}

/** The code's migrations that rebuild the backup's schema, in order; refuses a backup from a newer version. */
function migrationsFor(manifest: BackupManifest, available: readonly Migration[]): Migration[] {
  const byName = new Map(available.map((migration) => [migration.name, migration]));
  return manifest.migrations.map(({ name }) => {
    const migration = byName.get(name);
    if (!migration) throw new RuntimeFailure(`备份由较新的版本生成（迁移 ${name} 不在本程序中）：请先升级程序再恢复`);
    return migration;
  });
}

async function assertEmpty(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ objects: string }>(
    `select count(*)::text as objects from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')`,
  );
  const objects = Number(rows[0]?.objects ?? 0);
  if (objects > 0) {
    throw new RuntimeFailure(
      `目标数据库不是空的（已有 ${objects} 个表或序列）：restore 只恢复到空数据库，请按 docs/operations.md 第 4 节先准备一个空数据库（内置数据库：停止 npm start 并把数据目录改名留存）`,
    );
  }
}

/**
 * Builds the backup's schema and loads its rows into an empty database, in one transaction, checking
 * row counts, table digests and published reports before committing.
 */
async function loadIntoEmptyDatabase(ownerUrl: string, folder: string, manifest: BackupManifest): Promise<void> {
  const migrations = migrationsFor(manifest, readMigrations());
  const client = await connect(ownerUrl, "gongkai-restore");
  try {
    await client.query("set lock_timeout = 0");
    await client.query("begin");
    await assertEmpty(client);
    for (const migration of migrations) await applyMigrationInTransaction(client, migration);

    const tables = await publicTables(client);
    const inBackup = new Map(manifest.tables.map((table) => [table.name, table]));
    const missing = manifest.tables.filter((table) => !tables.includes(table.name)).map((table) => table.name);
    const extra = tables.filter((table) => !inBackup.has(table));
    if (missing.length > 0 || extra.length > 0) {
      throw new RuntimeFailure(`备份与其迁移建立的表不一致（缺少 ${missing.join("、") || "无"}，多出 ${extra.join("、") || "无"}）：备份可能被改动过`);
    }
    // Our triggers (append-only tables, version counters) stay off while the rows go back as they were;
    // reference rows the migrations inserted (the calendar, their own records) give way to the backup's.
    for (const table of tables) await client.query(`alter table ${quote(table)} disable trigger user`);
    await client.query(`truncate ${tables.map(quote).join(", ")}`);
    for (const table of await loadOrder(client, tables)) {
      const entry = inBackup.get(table);
      if (!entry) continue;
      const copy = client.query(copyFrom(`copy ${quote(table)} (${entry.columns.map(quote).join(", ")}) from stdin`));
      await pipeline(createReadStream(path.join(folder, entry.file)), copy);
    }
    for (const table of tables) await client.query(`alter table ${quote(table)} enable trigger user`);
    for (const sequence of manifest.sequences) {
      await client.query("select setval($1::regclass, $2::bigint, $3)", [quote(sequence.name), sequence.lastValue, sequence.isCalled]);
    }

    for (const entry of manifest.tables) {
      const actual = await tableDigest(client, entry.name);
      if (actual.rows !== entry.rows || actual.digest !== entry.digest) {
        throw new RuntimeFailure(`恢复后表 ${entry.name} 与备份不一致（${actual.rows} 行，备份中 ${entry.rows} 行）`);
      }
    }
    const reports = await publishedReportDigests(client, tables);
    if (JSON.stringify(reports) !== JSON.stringify(manifest.publishedReports)) {
      throw new RuntimeFailure(`恢复后已发布的年报与备份不一致（${reports.length} 份，备份中 ${manifest.publishedReports.length} 份）`);
    }
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    if (error instanceof RuntimeFailure) throw error;
    throw new RuntimeFailure(`恢复失败，数据库保持为空：${describeIoFailure(error)}`, error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function verifyBackupFile(options: { file: string; adminUrl: string; work: string; expected: BackupManifest }): Promise<void> {
  const manifest = await extractArchive(options.file, options.work);
  if (JSON.stringify(manifest) !== JSON.stringify(options.expected)) throw new RuntimeFailure("读回的备份清单与写入的不同：请检查磁盘后重试");
  const name = `gongkai_verify_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: options.adminUrl });
  admin.on("error", () => undefined);
  await admin.connect();
  try {
    try {
      await admin.query(`create database ${quote(name)}`);
    } catch (error) {
      throw new RuntimeFailure("无法创建用于核对备份的临时数据库：迁移账户须有 CREATEDB 权限（ALTER ROLE … CREATEDB，见 docs/operations.md 第 4 节）", error);
    }
    const scratch = new URL(options.adminUrl);
    scratch.pathname = `/${name}`;
    await loadIntoEmptyDatabase(scratch.toString(), options.work, manifest);
  } finally {
    await admin.query(`drop database if exists ${quote(name)} with (force)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Restore

export interface RestoreSummary {
  createdAt: string;
  tables: number;
  rows: number;
  publishedReports: number;
  attachments: number;
}

export async function restoreBackup(options: { ownerUrl: string; dataDir: string; file: string; log?: (message: string) => void }): Promise<RestoreSummary> {
  const log = options.log ?? (() => undefined);
  const source = path.resolve(options.file);
  if (!existsSync(source)) throw new RuntimeFailure(`备份文件不存在：${source}`);
  const dataDir = path.resolve(options.dataDir);
  const attachmentsRoot = path.join(dataDir, ATTACHMENTS_FOLDER);
  if (existsSync(attachmentsRoot) && listFiles(attachmentsRoot).length > 0) {
    throw new RuntimeFailure(`附件目录 ${attachmentsRoot} 不是空的：restore 只恢复到空的数据目录，请先把它改名留存`);
  }
  const work = path.join(dataDir, "tmp", `restore-${process.pid}-${randomBytes(3).toString("hex")}`);
  unfinished.add(work);
  try {
    log("读取并核对备份文件 …");
    const manifest = await extractArchive(source, work);
    log(`恢复数据库（备份时间 ${manifest.createdAt}）…`);
    await loadIntoEmptyDatabase(options.ownerUrl, work, manifest);
    if (manifest.attachments.length > 0) {
      log(`恢复 ${manifest.attachments.length} 个附件 …`);
      const staging = `${attachmentsRoot}.restoring-${process.pid}`;
      unfinished.add(staging);
      cpSync(path.join(work, ATTACHMENTS_FOLDER), staging, { recursive: true });
      rmSync(attachmentsRoot, { recursive: true, force: true });
      renameSync(staging, attachmentsRoot);
      unfinished.delete(staging);
    }
    return {
      createdAt: manifest.createdAt,
      tables: manifest.tables.length,
      rows: manifest.tables.reduce((sum, table) => sum + table.rows, 0),
      publishedReports: manifest.publishedReports.length,
      attachments: manifest.attachments.length,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
    unfinished.delete(work);
  }
}
