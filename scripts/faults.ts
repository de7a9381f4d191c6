// npm run faults (docs/decisions/0035, /work/helpers/FAULTS.md): starts a real `npm start` on a fresh
// embedded database in .data/faults (port FAULTS_PORT, default 3411; its database on
// FAULTS_DATABASE_PORT, default 54411), runs the fault suites one after another against it, and prints
// as its last line one JSON object merging every suite's result: numbers with the same key are
// summed, booleans AND-ed. `suites_failed` counts suites that threw (their error is logged). Progress
// goes to standard error; the server's output to .data/faults-logs/.
//
// The ports, like e2e/environment.ts's, belong to the test tooling, not to the app's configuration.
import path from "node:path";
import { removeEmbeddedData } from "../lib/runtime/database";
import { caseRacesSuite } from "./faults/case-races";
import { operationsSuite } from "./faults/operations";
import { reportRacesSuite } from "./faults/report-races";
import { startServer, waitUntilHealthy } from "./faults/server";
import type { FaultContext, FaultSuite } from "./faults/types";

/** Every suite, in the order they run. Each branch's suite is added here at merge. */
const SUITES: readonly FaultSuite[] = [caseRacesSuite, reportRacesSuite, operationsSuite];

const port = Number(process.env.FAULTS_PORT ?? 3411);
const databasePort = Number(process.env.FAULTS_DATABASE_PORT ?? 54_411);
const DATA_DIR = path.resolve(".data", "faults");
const LOG_DIR = path.resolve(".data", "faults-logs");
const started = Date.now();
const log = (message: string) => process.stderr.write(`[faults ${Math.round((Date.now() - started) / 1000)}s] ${message}\n`);

type Result = Record<string, number | boolean>;

function merge(into: Result, from: Result): void {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    if (existing === undefined) into[key] = value;
    else if (typeof existing === "number" && typeof value === "number") into[key] = existing + value;
    else if (typeof existing === "boolean" && typeof value === "boolean") into[key] = existing && value;
    else throw new Error(`套件结果的键 ${key} 类型不一致`);
  }
}

async function superuserUrl(): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  const credentials = JSON.parse(await readFile(path.join(DATA_DIR, "embedded-postgres.json"), "utf8")) as { user: string; password: string; database: string };
  return `postgresql://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${databasePort}/${credentials.database}`;
}

async function main(): Promise<Result> {
  removeEmbeddedData(DATA_DIR);
  log(`启动被测服务（npm start，端口 ${port}，内置数据库端口 ${databasePort}）…`);
  const server = startServer({ port, databasePort, dataDir: DATA_DIR, logFile: path.join(LOG_DIR, "server.log"), env: { SEED_DEMO: "true" } });
  const result: Result = { suites_failed: 0 };
  try {
    if (!(await waitUntilHealthy(server, 600_000))) throw new Error(`被测服务未能启动，见 ${path.join(LOG_DIR, "server.log")}`);
    const context: FaultContext = { baseUrl: server.baseUrl, databaseUrl: await superuserUrl(), log };
    for (const suite of SUITES) {
      log(`套件 ${suite.name} 开始`);
      try {
        merge(result, await suite.run(context));
        log(`套件 ${suite.name} 完成`);
      } catch (error) {
        result.suites_failed = Number(result.suites_failed) + 1;
        log(`套件 ${suite.name} 出错：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  } finally {
    log("停止被测服务 …");
    await server.stop();
  }
  result.duration_s = Math.round((Date.now() - started) / 1000);
  return result;
}

try {
  const result = await main();
  console.log(JSON.stringify(result));
  process.exit(0);
} catch (error) {
  log(`中止：${error instanceof Error ? error.message : String(error)}`);
  console.log(JSON.stringify({ suites_failed: SUITES.length, aborted: true }));
  process.exit(1);
}
