// A stand-in for `npm run faults` (scripts/faults.ts of the operations branch) until that runner is
// merged: starts a real `npm start` server on its own embedded database (.data/faults-dev, the ports of
// PORT and EMBEDDED_DATABASE_PORT), runs the fault suites given (default: report-races) against it and
// prints their merged keys as one JSON line (numbers summed, booleans AND-ed); progress on standard error.
//
//   npx tsx scripts/faults-dev.ts [report-races]
import { spawn } from "node:child_process";
import path from "node:path";
import { childProcessEnv, getEnv } from "../lib/env";
import { openDatabase } from "../lib/runtime/database";
import type { FaultSuite } from "./faults/types";

const DATA_DIR = path.resolve(".data", "faults-dev");
const log = (message: string) => console.error(message);

const SUITES: Record<string, () => Promise<FaultSuite>> = {
  "report-races": async () => (await import("./faults/report-races")).reportRaces,
};

async function waitForHealth(baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`服务未在 ${timeoutMs / 1000} 秒内就绪：${baseUrl}`);
}

async function main(): Promise<void> {
  const env = getEnv();
  const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(SUITES);
  const baseUrl = `http://127.0.0.1:${env.PORT}`;
  const serverEnv = childProcessEnv({ DATA_DIR, PORT: String(env.PORT), EMBEDDED_DATABASE_PORT: String(env.EMBEDDED_DATABASE_PORT) });
  delete serverEnv.DATABASE_URL;
  // Its own process group, so that stopping it stops npx, tsx, next and the database it started.
  const server = spawn("npx", ["--no-install", "tsx", "scripts/start.ts"], { stdio: ["ignore", "ignore", "inherit"], env: serverEnv, detached: true });
  const stopped = new Promise<void>((resolve) => server.on("exit", () => resolve()));
  try {
    log(`[faults-dev] 启动 npm start：${baseUrl}`);
    await waitForHealth(baseUrl, 600_000);
    // The cluster npm start opened (its credentials live in the data folder): shared, not started again.
    const database = await openDatabase({ dataDir: DATA_DIR, port: env.EMBEDDED_DATABASE_PORT });
    const merged: Record<string, number | boolean> = {};
    for (const name of names) {
      const load = SUITES[name];
      if (!load) throw new Error(`没有名为 ${name} 的故障演练`);
      const suite = await load();
      log(`[faults-dev] ${suite.name} …`);
      const result = await suite.run({ baseUrl, databaseUrl: database.url, log });
      for (const [key, value] of Object.entries(result)) {
        const previous = merged[key];
        merged[key] = typeof value === "boolean" ? (typeof previous === "boolean" ? previous && value : value) : (typeof previous === "number" ? previous : 0) + value;
      }
    }
    console.log(JSON.stringify(merged));
  } finally {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
    await stopped;
  }
}

main()
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
