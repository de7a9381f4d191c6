// Where the embedded PostgreSQL's binaries and cluster live, and as whom it runs (ADR 0030).
//
// PostgreSQL refuses to run as root, so as root the server runs as the system user `postgres`, which
// must be able to reach its binaries and its data folder. A clone under a folder only root may enter
// (mode 0700, like /root) is out of its reach; then, and only then:
// - the binaries are copied once to /var/lib/gongkai/postgresql-<version>/ (root-owned, 0755);
// - the cluster is created in /var/lib/gongkai/<project>-<id>/postgres/ (postgres-owned, 0700), a
//   location recorded in DATA_DIR/embedded-postgres.json and linked from DATA_DIR/postgres.
// Everything else (credentials, logs, attachments) stays in DATA_DIR. EMBEDDED_DATABASE_DIR sets the
// cluster folder explicitly. A non-root user runs the server as itself from node_modules and DATA_DIR.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { RuntimeFailure } from "../failure";

/** Root of what the embedded database keeps outside a clone that the postgres user cannot reach. */
export const SYSTEM_DATA_ROOT = "/var/lib/gongkai";
const POSTGRES_USER = "postgres";

export interface RunAs {
  uid: number;
  gid: number;
}

export interface EmbeddedPlacement {
  /** Folder with postgres and initdb. */
  binDir: string;
  /** The PostgreSQL data folder (PGDATA). */
  clusterDir: string;
  /** As root: the postgres user the server runs as. */
  runAs?: RunAs;
  /** Said once at start-up when the cluster or the binaries are outside the project. */
  notes: string[];
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

function packageNativeDir(): { nativeDir: string; version: string } {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(name);
  } catch {
    throw new RuntimeFailure(`找不到本机平台的内置 PostgreSQL 程序（${name}）：请在项目目录中重新执行 npm install`);
  }
  const packageDir = path.resolve(path.dirname(entry), "..");
  const { version } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string };
  return { nativeDir: path.join(packageDir, "native"), version };
}

function idOf(name: string, flag: "-u" | "-g"): number | undefined {
  const result = spawnSync("id", [flag, name], { encoding: "utf8" });
  const value = Number(result.stdout?.trim());
  return result.status === 0 && Number.isInteger(value) ? value : undefined;
}

/** The postgres system user, created when missing (as Debian's postgresql package would). */
function postgresUser(): RunAs {
  let uid = idOf(POSTGRES_USER, "-u");
  if (uid === undefined) {
    spawnSync("groupadd", ["--system", POSTGRES_USER], { stdio: "ignore" });
    const created = spawnSync(
      "useradd",
      ["--system", "--gid", POSTGRES_USER, "--no-create-home", "--home-dir", SYSTEM_DATA_ROOT, "--shell", "/usr/sbin/nologin", POSTGRES_USER],
      { stdio: "ignore" },
    );
    uid = idOf(POSTGRES_USER, "-u");
    if (created.status !== 0 || uid === undefined) {
      throw new RuntimeFailure(
        "以 root 运行时内置数据库须以系统用户 postgres 运行，但无法创建该用户：请先执行 useradd --system postgres，或改用普通用户运行 npm start",
      );
    }
  }
  const gid = idOf(POSTGRES_USER, "-g");
  if (gid === undefined) throw new RuntimeFailure("无法读取系统用户 postgres 的用户组：请检查 /etc/passwd 与 /etc/group");
  return { uid, gid };
}

/** True when `runAs` may search (x) the folder, that is reach everything below it. */
function canReach(folder: string, runAs: RunAs): boolean {
  return spawnSync("test", ["-x", folder], { uid: runAs.uid, gid: runAs.gid, stdio: "ignore" }).status === 0;
}

function canExecute(file: string, runAs: RunAs): boolean {
  return spawnSync(file, ["--version"], { uid: runAs.uid, gid: runAs.gid, stdio: "ignore" }).status === 0;
}

/** The package's binaries, or (as root, when postgres cannot run them there) a copy in SYSTEM_DATA_ROOT. */
function resolveBinaries(runAs: RunAs | undefined, notes: string[]): string {
  const { nativeDir, version } = packageNativeDir();
  const packaged = path.join(nativeDir, "bin");
  if (!runAs || canExecute(path.join(packaged, "postgres"), runAs)) return packaged;

  const target = path.join(SYSTEM_DATA_ROOT, `postgresql-${version}`);
  // The marker is written into the copy before the rename: a target folder without it is incomplete.
  const marker = ".gongkai-complete";
  if (!existsSync(path.join(target, marker))) {
    const staging = `${target}.partial-${process.pid}`;
    try {
      mkdirSync(SYSTEM_DATA_ROOT, { recursive: true, mode: 0o755 });
      chmodSync(SYSTEM_DATA_ROOT, 0o755);
      rmSync(staging, { recursive: true, force: true });
      cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
      for (const name of readdirSync(path.join(staging, "bin"))) chmodSync(path.join(staging, "bin", name), 0o755);
      chmodSync(staging, 0o755);
      writeFileSync(path.join(staging, marker), `${version}\n`);
      rmSync(target, { recursive: true, force: true });
      renameSync(staging, target);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      // Another start may have completed the same copy meanwhile.
      if (!existsSync(path.join(target, marker))) {
        throw new RuntimeFailure(`无法把内置 PostgreSQL 程序复制到 ${target}（postgres 用户无法进入项目目录）：请确认 ${SYSTEM_DATA_ROOT} 可写`, error);
      }
    }
  }
  notes.push(`postgres 用户无法进入项目目录，内置 PostgreSQL 程序已复制到 ${target}`);
  return path.join(target, "bin");
}

function projectLabel(dataDir: string): string {
  const label = path.basename(path.dirname(dataDir)).replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^[-.]+/, "");
  return label || "gongkai";
}

export function resolvePlacement(options: {
  dataDir: string;
  /** EMBEDDED_DATABASE_DIR, when set. */
  configuredClusterDir?: string;
  /** The cluster folder recorded at first start (DATA_DIR/embedded-postgres.json). */
  recordedClusterDir?: string;
}): EmbeddedPlacement {
  const notes: string[] = [];
  const runAs = isRoot() ? postgresUser() : undefined;
  const binDir = resolveBinaries(runAs, notes);
  const inDataDir = path.join(options.dataDir, "postgres");

  let clusterDir: string;
  if (options.configuredClusterDir) clusterDir = path.resolve(options.configuredClusterDir);
  else if (options.recordedClusterDir) clusterDir = options.recordedClusterDir;
  else if (existsSync(path.join(inDataDir, "PG_VERSION")) || !runAs || canReach(options.dataDir, runAs)) clusterDir = inDataDir;
  else {
    clusterDir = path.join(SYSTEM_DATA_ROOT, `${projectLabel(options.dataDir)}-${randomBytes(4).toString("hex")}`, "postgres");
    notes.push(`postgres 用户无法进入 ${options.dataDir}，内置数据库的数据目录位于 ${clusterDir}（${inDataDir} 是指向它的链接）`);
  }

  if (runAs) prepareClusterFolder(clusterDir, runAs);
  if (clusterDir !== inDataDir) linkFromDataDir(inDataDir, clusterDir);
  return { binDir, clusterDir, runAs, notes };
}

/** As root: parents that postgres may traverse, and the cluster folder itself owned by postgres. */
function prepareClusterFolder(clusterDir: string, runAs: RunAs): void {
  try {
    const parent = path.dirname(clusterDir);
    if (!existsSync(parent)) {
      mkdirSync(parent, { recursive: true, mode: 0o755 });
      chmodSync(parent, 0o755);
    }
    if (!existsSync(clusterDir)) mkdirSync(clusterDir, { mode: 0o700 });
    const stat = lstatSync(clusterDir);
    if (stat.uid !== runAs.uid) chownSync(clusterDir, runAs.uid, runAs.gid);
    chmodSync(clusterDir, 0o700);
  } catch (error) {
    throw new RuntimeFailure(`无法准备内置数据库的数据目录 ${clusterDir}：请确认该位置可写`, error);
  }
  if (!canReach(clusterDir, runAs)) {
    throw new RuntimeFailure(
      `postgres 用户无法进入内置数据库的数据目录 ${clusterDir}：请让其上级目录允许 postgres 进入（chmod o+x），或设置 EMBEDDED_DATABASE_DIR 为其他位置`,
    );
  }
}

/** DATA_DIR/postgres points at a cluster kept elsewhere, so that an operator finds it. */
function linkFromDataDir(link: string, target: string): void {
  try {
    const existing = lstatSync(link, { throwIfNoEntry: false });
    if (existing?.isSymbolicLink()) return;
    // A folder left empty by a start that could not initialise it.
    if (existing?.isDirectory() && readdirSync(link).length === 0) rmSync(link, { recursive: true });
    else if (existing) return;
    symlinkSync(target, link);
  } catch {
    // Only a convenience: the location is recorded and logged as well.
  }
}
