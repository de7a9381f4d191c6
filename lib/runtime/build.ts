// The production build in .next for npm start: built only when the sources changed (first start, or
// after the code or dependencies changed), and never under a running server (ADR 0030).
//
// Builds take an exclusive lock (.next.lock, proper-lockfile), so two starts in one folder never build
// at once: the second waits and then serves the first one's build. Every server from this folder
// registers its PID in .next.serving/ for its life; a start whose sources changed while another server
// still serves the old build refuses with one sentence instead of rebuilding under it.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import lockfile from "proper-lockfile";
import { RuntimeFailure } from "./failure";
import { processAlive } from "./embedded/server";

const SOURCES = ["app", "components", "lib", "prisma/schema.prisma", "package-lock.json", "next.config.ts", "tsconfig.json", "proxy.ts"];
const BUILD_DIR = ".next";
const FINGERPRINT_FILE = path.join(BUILD_DIR, "gongkai-build-fingerprint");
const SERVING_DIR = `${BUILD_DIR}.serving`;

function collect(entry: string, files: string[]): void {
  if (!existsSync(entry)) return;
  if (statSync(entry).isDirectory()) {
    for (const name of readdirSync(entry).sort()) {
      if (name === "node_modules" || name.startsWith(".")) continue;
      collect(path.join(entry, name), files);
    }
  } else {
    files.push(entry);
  }
}

export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const files: string[] = [];
  for (const source of SOURCES) collect(source, files);
  for (const file of files) hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export function buildIsCurrent(): boolean {
  if (!existsSync(path.join(BUILD_DIR, "BUILD_ID")) || !existsSync(FINGERPRINT_FILE)) return false;
  return readFileSync(FINGERPRINT_FILE, "utf8").trim() === sourceFingerprint();
}

function otherServers(): number[] {
  if (!existsSync(SERVING_DIR)) return [];
  const live: number[] = [];
  for (const name of readdirSync(SERVING_DIR)) {
    const pid = Number(name);
    if (pid === process.pid) continue;
    if (Number.isInteger(pid) && processAlive(pid)) live.push(pid);
    else rmSync(path.join(SERVING_DIR, name), { force: true });
  }
  return live;
}

export interface ServedBuild {
  /** Ends this process's claim on the build (at shutdown). */
  release(): void;
}

/**
 * Makes sure .next holds the current build (running `build` when it does not) and registers this
 * process as serving it. Never rebuilds while another server from this folder serves the old build.
 */
export async function prepareBuild(options: { skipBuild: boolean; build: () => Promise<void>; log: (message: string) => void }): Promise<ServedBuild> {
  // SKIP_BUILD (the Docker image): the build is part of the image and never changes under a server.
  if (options.skipBuild) return { release: () => undefined };
  mkdirSync(SERVING_DIR, { recursive: true });
  const lockTarget = path.resolve(BUILD_DIR);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(lockTarget, { realpath: false, stale: 60_000, update: 10_000, retries: 0 });
  } catch {
    options.log("另一个进程正在构建生产版本，等待其完成 …");
    release = await lockfile.lock(lockTarget, { realpath: false, stale: 60_000, update: 10_000, retries: { retries: 1_000, minTimeout: 1_000, maxTimeout: 2_000 } });
  }
  const claim = path.join(SERVING_DIR, String(process.pid));
  try {
    if (!buildIsCurrent()) {
      const serving = otherServers();
      if (serving.length > 0) {
        throw new RuntimeFailure(
          `源代码已变化，但本目录中另一个服务（进程 ${serving.join("、")}）仍在使用当前的生产版本：请先停止它，再运行 npm start 以重新构建`,
        );
      }
      options.log("源代码有变化，正在构建生产版本（首次约需 1–2 分钟）…");
      rmSync(FINGERPRINT_FILE, { force: true });
      // The sources as they were when the build began: a file saved during the build makes the next
      // start build again (computed after the build, the fingerprint would claim the newer sources).
      const fingerprint = sourceFingerprint();
      await options.build();
      writeFileSync(FINGERPRINT_FILE, fingerprint);
    }
    writeFileSync(claim, `${new Date().toISOString()}\n`);
  } finally {
    await release().catch(() => undefined);
  }
  return { release: () => rmSync(claim, { force: true }) };
}
