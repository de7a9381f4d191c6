// npm run loadtest: 50 signed-in clerks against the production build (issue 14). Not a test: it
// prints figures. On a dedicated embedded database (.data/loadtest, port 54585; filled once with
// 100,000 cases and 50 clerks, kept between runs, the cases a run registers removed when the next one
// starts) it starts `npm start` on port 3285, signs every clerk
// in through next-auth's credentials endpoint, and then drives a mix of pages with a bounded loop over
// Node's fetch (undici, keep-alive):
//
//   1. think-time phase (LOADTEST_THINK_SECONDS, default 75 s): each clerk waits 0.5–1.5 s between
//      requests, as a person reading the page would;
//   2. saturation phase (LOADTEST_SATURATION_SECONDS, default 40 s): the same clerks without think
//      time, to find the requests per second the server sustains.
//
// A clerk's pages are requested as the browser requests them (docs/decisions/0088): the first one,
// and LOADTEST_DOCUMENT_SHARE (default 0.1) of the others (a reload, a new tab, a link from an e-mail),
// as a whole document; the others as the client-side navigation a <Link> or the list's search form
// makes (scripts/browser-navigation.ts, held to what Chromium sends by e2e/navigation.spec.ts).
//
// The mix (weights): the case list with filters and a search word (4), one case (3), the 工作台 (2),
// the dashboard (1; a clerk opens the 工作台 instead, one user in ten is a manager), the notifications
// (1), and two writes through the pages' Server Actions: registering a case (0.5: the form opened and
// its hints asked for once, both untimed, then the registration) and recording a step (0.5: 征求意见
// on a case the clerk registered in this run, with the version its page shows). The
// actions' ids change with every build: they are read from the build's server-reference manifest.
//
// Besides the latencies, the JSON gives `cpu_ms_per_request`: the CPU the server's processes (not
// PostgreSQL) used in a phase, divided by its requests. On a shared machine the latencies mostly
// measure the other load; the CPU per request is the figure to compare before and after a change.
//
// `cpu_ms_by_operation` is the same figure for each page alone: after the phases, one clerk opens it
// LOADTEST_SOLO_REQUESTS times in a row (nothing else running), so that the costliest page is known;
// as a navigation there, and as a whole document in `document_cpu_ms_by_operation`.
// `generator_cpu_ms_per_request` is this script's own CPU (it shares the machine's cores with the server),
// `database_cpu_ms_per_request` the embedded PostgreSQL's (its server and backends) per request.
// It also gives the floor: `help` (the shell and the session, no data) and `login` (no session, no shell).
// LOADTEST_SOLO_ONLY=1 skips both phases and measures only that (a quick before/after of one page's
// rendering cost); the JSON then holds `cpu_ms_by_operation`, `bytes_by_operation` and the load average.
//
// Progress goes to standard error; the LAST line on standard output is one JSON object.
import { spawn, type ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { availableParallelism } from "node:os";
import { useDatabaseUrl } from "../lib/env";
import { openDatabase } from "../lib/runtime/database";
import { applyMigrations } from "../lib/runtime/migrate";
import { Agent, FormData, request as undiciRequest } from "undici";
import { actionHeaders, navigationRequest } from "./browser-navigation";

const DATA_DIR = path.resolve(".data", "loadtest");
const APP_PORT = Number(process.env.LOADTEST_PORT ?? 3285);
const DATABASE_PORT = Number(process.env.LOADTEST_DATABASE_PORT ?? 54_585);
const BASE_URL = `http://127.0.0.1:${APP_PORT}`;
const CASES = 100_000;
const CLERKS = 50;
const PASSWORD = "Loadtest-clerk-2026!";
const THINK_SECONDS = Number(process.env.LOADTEST_THINK_SECONDS ?? 75);
const SATURATION_SECONDS = Number(process.env.LOADTEST_SATURATION_SECONDS ?? 40);
const SOLO_REQUESTS = Number(process.env.LOADTEST_SOLO_REQUESTS ?? 30);
const SOLO_ONLY = process.env.LOADTEST_SOLO_ONLY === "1";
/** The share of a clerk's page views (after the first) that load a whole document instead of navigating. */
const DOCUMENT_SHARE = Number(process.env.LOADTEST_DOCUMENT_SHARE ?? 0.1);
const REQUEST_TIMEOUT_MS = 30_000;
/** npm start's APP_WORKERS, passed on when set (default there: one `next start` per core). */
const APP_WORKERS = process.env.APP_WORKERS ? Number(process.env.APP_WORKERS) : undefined;

const log = (message: string) => console.error(`[loadtest] ${message}`);

/** One user in ten is a manager (科室负责人): only they open the dashboard, which is theirs. */
const isManager = (index: number) => index % 10 === 1;

// ---------------------------------------------------------------------------------------------
// Data: the organization, its clerks and its cases (generated in SQL by the report benchmark's generator)

async function ensureData(): Promise<{ caseIds: string[] }> {
  const database = await openDatabase({ dataDir: DATA_DIR, port: DATABASE_PORT, log });
  try {
    await applyMigrations(database);
    useDatabaseUrl(database.ownerUrl);
    const { db } = await import("../lib/db");
    const { hashPassword } = await import("../lib/auth/password");
    const { insertReportCases } = await import("./bench-report");
    const organization = await db.organization.upsert({
      where: { code: "loadtest" },
      update: {},
      create: { code: "loadtest", name: "压力测试司法局", requireTotp: false },
    });
    {
      const passwordHash = await hashPassword(PASSWORD);
      for (let index = 1; index <= CLERKS; index += 1) {
        const username = `loadtest-${index}`;
        await db.user.upsert({
          where: { username },
          update: { role: isManager(index) ? "MANAGER" : "CLERK" },
          create: {
            organizationId: organization.id,
            username,
            displayName: `压测登记员${index}`,
            role: isManager(index) ? "MANAGER" : "CLERK",
            passwordHash,
            mustChangePassword: false,
          },
        });
      }
    }
    let cases = await db.application.count({ where: { organizationId: organization.id } });
    if (cases < CASES) {
      log(`生成案件：${cases} → ${CASES} …`);
      while (cases < CASES) {
        const count = Math.min(20_000, CASES - cases);
        await insertReportCases(organization.id, "loadtest", cases + 1, count);
        cases += count;
        log(`  ${cases} / ${CASES}`);
      }
    }
    // The cases earlier runs registered through the app (the generator's have no registering user): each
    // run would otherwise start with more cases than the one before (8,106 after a day of runs, all
    // received on the day they ran, a day the list's default order has to sort whole). Every run starts
    // from the generated 100,000; the steps' events and alerts go with their cases (ON DELETE CASCADE),
    // the stored monthly counts follow (their trigger), and VACUUM leaves the table as a first run finds it.
    const registered = await db.application.count({ where: { organizationId: organization.id, registeredById: { not: null } } });
    if (registered > 0) {
      log(`删除以往运行登记的案件：${registered} 件 …`);
      await db.$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = 0`);
          await tx.$executeRawUnsafe(`DELETE FROM "Application" WHERE "organizationId" = $1 AND "registeredById" IS NOT NULL`, organization.id);
        },
        { timeout: 600_000 },
      );
    }
    // Hand the cases to the clerks (the generator leaves them unassigned), so that 工作台 has work; again
    // after an interrupted first run. One bulk statement: without the app's statement timeout.
    const unassigned = await db.application.count({ where: { organizationId: organization.id, handlerId: null } });
    if (unassigned > 0) {
      log(`分配经办人：${unassigned} 件 …`);
      await db.$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = 0`);
          await tx.$executeRawUnsafe(
            `UPDATE "Application" a SET "handlerId" = u."id"
             FROM (SELECT "id", row_number() OVER (ORDER BY "username") - 1 AS n FROM "User" WHERE "organizationId" = $1) u
             WHERE a."organizationId" = $1 AND a."handlerId" IS NULL AND (hashtext(a."id") & 2147483647) % ${CLERKS} = u.n`,
            organization.id,
          );
        },
        { timeout: 600_000 },
      );
    }
    if (registered > 0 || unassigned > 0) await db.$executeRawUnsafe(`VACUUM (ANALYZE) "Application"`);
    const rows = await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT "id" FROM "Application" WHERE "organizationId" = $1 ORDER BY "receivedOn" DESC LIMIT 5000`,
      organization.id,
    );
    await db.$disconnect();
    return { caseIds: rows.map((row) => row.id) };
  } finally {
    await database.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// The server

function startServer(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs", "scripts/start.ts"], {
    env: {
      ...process.env,
      DATA_DIR,
      PORT: String(APP_PORT),
      EMBEDDED_DATABASE_PORT: String(DATABASE_PORT),
      DATABASE_URL: "",
      MIGRATION_DATABASE_URL: "",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => process.stderr.write(`[server] ${chunk.toString()}`));
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[server] ${chunk.toString()}`));
  return child;
}

async function waitForHealth(): Promise<void> {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${BASE_URL}/api/health`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await sleep(1000);
  }
  throw new Error("服务未在 10 分钟内启动");
}

/** The Next server's processes (the app and its children) and their resident memory, in MB. */
function rssMb(root: number): number {
  try {
    const output = execFileSync("ps", ["-eo", "pid=,ppid=,rss="], { encoding: "utf8" });
    const rows = output
      .trim()
      .split("\n")
      .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
    const children = new Map<number, number[]>();
    for (const [pid, ppid] of rows) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    const rss = new Map(rows.map(([pid, , kb]) => [pid, kb]));
    // The app tree, but not the embedded PostgreSQL (its own detached process group).
    let total = 0;
    const stack = [root];
    while (stack.length > 0) {
      const pid = stack.pop()!;
      const command = safeCommand(pid);
      if (command.includes("postgres")) continue;
      total += rss.get(pid) ?? 0;
      stack.push(...(children.get(pid) ?? []));
    }
    return Math.round(total / 1024);
  } catch {
    return Number.NaN;
  }
}

/**
 * The CPU time (user + system, ms) used so far by the Next server's processes ("app", not PostgreSQL's)
 * or by the embedded PostgreSQL's ("database": the server and its backends, with those that exited).
 */
function cpuMs(root: number, which: "app" | "database" = "app"): number {
  const ticksPerSecond = 100; // USER_HZ on Linux
  try {
    const output = execFileSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" });
    const children = new Map<number, number[]>();
    for (const line of output.trim().split("\n")) {
      const [pid, ppid] = line.trim().split(/\s+/).map(Number) as [number, number];
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    }
    let ticks = 0;
    const stack = [root];
    while (stack.length > 0) {
      const pid = stack.pop()!;
      const isDatabase = safeCommand(pid).includes("postgres");
      if (which === "app" && isDatabase) continue;
      if (which === "app" || isDatabase) {
        try {
          // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th,
          // cutime and cstime (children waited for: PostgreSQL's exited backends) the 14th and 15th.
          const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ").pop()!.split(" ");
          ticks += Number(fields[11]) + Number(fields[12]) + (isDatabase ? Number(fields[13]) + Number(fields[14]) : 0);
        } catch {
          // gone
        }
      }
      stack.push(...(children.get(pid) ?? []));
    }
    return (ticks * 1000) / ticksPerSecond;
  } catch {
    return Number.NaN;
  }
}

function safeCommand(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

// ---------------------------------------------------------------------------------------------
// Clerks

interface Clerk {
  cookie: string;
  manager: boolean;
  /** Cases this clerk registered during the run, waiting for their first step. */
  registered: string[];
  /** The page the clerk's browser shows (path and query), once it has loaded one. */
  at?: string;
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((header) => header.split(";")[0] ?? "");
}

async function signIn(index: number): Promise<Clerk> {
  const username = `loadtest-${index}`;
  const csrfResponse = await fetch(`${BASE_URL}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookies = cookiesOf(csrfResponse);
  const response = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookies.join("; ") },
    body: new URLSearchParams({ csrfToken, username, password: PASSWORD, json: "true" }),
    redirect: "manual",
  });
  const session = cookiesOf(response).find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error(`${username} 登录失败（HTTP ${response.status}）`);
  return { cookie: [...csrfCookies, session].join("; "), manager: isManager(index), registered: [] };
}

const SEARCH_WORDS = ["拆迁", "征收", "预算", "张伟", "王芳", "处罚", "规划", "补偿", "2024", "李"];
const FILTERS = ["status=OPEN", "status=CLOSED", "due=soon&sort=dueOn.asc", "handler=me", "receivedFrom=2025-01-01&receivedTo=2025-12-31", ""];

type Operation = "list" | "case" | "workbench" | "dashboard" | "notifications" | "register" | "step";
const MIX: Array<[Operation, number]> = [
  ["list", 4],
  ["case", 3],
  ["workbench", 2],
  ["dashboard", 1],
  ["notifications", 1],
  ["register", 0.5],
  ["step", 0.5],
];
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

function chooseOperation(clerk: Clerk): Operation {
  const total = MIX.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = Math.random() * total;
  for (const [operation, weight] of MIX) {
    roll -= weight;
    if (roll >= 0) continue;
    // A clerk's dashboard is the 工作台; a step is recorded on a case the clerk registered.
    if (operation === "dashboard" && !clerk.manager) return "workbench";
    if (operation === "step" && clerk.registered.length === 0) return "register";
    return operation;
  }
  return "list";
}

function urlOf(operation: Exclude<Operation, "register" | "step">, caseIds: readonly string[]): string {
  switch (operation) {
    case "list": {
      const filter = pick(FILTERS);
      const word = Math.random() < 0.6 ? `q=${encodeURIComponent(pick(SEARCH_WORDS))}` : "";
      return `/cases?${[filter, word].filter(Boolean).join("&")}`;
    }
    case "case":
      return `/cases/${pick(caseIds)}`;
    case "workbench":
      return "/";
    case "dashboard":
      return "/dashboard";
    case "notifications":
      return "/notifications";
  }
}

// ---------------------------------------------------------------------------------------------
// Writes: the Server Actions the pages call, over Next's own protocol (a POST to the page with the
// action's id in the Next-Action header). The ids change with every build: they are read from the
// build's .next/server/server-reference-manifest.json (file and exported name → id).

interface ActionIds {
  register: string;
  registrationHints: string;
  recordStep: string;
}

function readActionIds(): ActionIds {
  const manifest = JSON.parse(readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const find = (filename: string, exportedName: string): string => {
    const entry = Object.entries(manifest.node).find(([, action]) => action.filename === filename && action.exportedName === exportedName);
    if (!entry) throw new Error(`构建中找不到 Server Action ${filename}#${exportedName}`);
    return entry[0];
  };
  return {
    register: find("lib/cases/registration-actions.ts", "registerApplicationAction"),
    registrationHints: find("lib/cases/registration-actions.ts", "getRegistrationHintsAction"),
    recordStep: find("lib/cases/actions.ts", "recordCaseEventAction"),
  };
}

let actionIds: ActionIds | undefined;

/** Today in Beijing time, as the app's dates are. */
function todayInShanghai(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

let registrations = 0;

/** What a clerk types into 登记申请 (a new applicant each time). */
function registrationFields(): Record<string, string> {
  registrations += 1;
  return {
    applicantType: "NATURAL_PERSON",
    applicantName: `压测申请人${registrations}`,
    applicantIdNumber: "",
    applicantContact: "0571-88880000",
    applicantAddress: "",
    agentName: "",
    agentContact: "",
    channel: pick(["IN_PERSON", "ONLINE", "POST"]),
    receivedOn: todayInShanghai(),
    requestContent: `申请公开${pick(SEARCH_WORDS)}相关文件（压力测试 ${registrations}）`,
    deliveryForm: "",
    deliveryMethod: "",
    handlerId: "",
  };
}

/** The form of 登记申请 as the page sends it: React's reply encoding of (null, FormData) (react-server-dom, Next 16). */
function registrationBody(fields: Record<string, string>): FormData {
  // The form's fields under the reference's prefix ("_1_"), then the arguments ("0"), last: the server
  // builds the FormData argument from the fields received before it.
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(`_1_${name}`, value);
  body.append("0", JSON.stringify([null, "$K1"]));
  return body;
}

/**
 * The clerks' requests go through one pool of keep-alive connections with undici's own request API,
 * not `fetch` (which Node builds on the same undici): the generator shares the two cores with the
 * server, and fetch's WHATWG layers (Request, Headers, Response, their WebIDL checks) made it about
 * twice as costly per request (ADR 0074). Redirects are not followed: the pages' answers are measured
 * as the server gives them.
 */
const agent = new Agent({ keepAliveTimeout: 60_000, headersTimeout: REQUEST_TIMEOUT_MS, bodyTimeout: REQUEST_TIMEOUT_MS });

interface Answer {
  status: number;
  header(name: string): string | undefined;
  body: Buffer;
  text(): string;
}

async function send(path: string, init: { method?: "GET" | "POST"; headers: Record<string, string>; body?: string | FormData }): Promise<Answer> {
  const response = await undiciRequest(`${BASE_URL}${path}`, { method: init.method ?? "GET", headers: init.headers, body: init.body, dispatcher: agent });
  const body = Buffer.from(await response.body.arrayBuffer());
  return {
    status: response.statusCode,
    header(name) {
      const value = response.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : value;
    },
    body,
    text: () => body.toString("utf8"),
  };
}

/**
 * A Server Action's POST to `path` from the page the clerk is on, as the browser sends it: a form's
 * FormData as it is, other arguments as React's JSON reply.
 */
function postAction(clerk: Clerk, path: string, actionId: string, body: FormData | unknown[]): Promise<Answer> {
  const headers = { ...actionHeaders(clerk.at ?? "/"), Cookie: clerk.cookie, "Next-Action": actionId, Accept: "text/x-component", Origin: BASE_URL };
  return send(path, {
    method: "POST",
    headers: body instanceof FormData ? headers : { ...headers, "Content-Type": "text/plain;charset=UTF-8" },
    body: body instanceof FormData ? body : JSON.stringify(body),
  });
}

let refusalsLogged = 0;

/** The first few refused writes, with the action's answer (e.g. 系统繁忙 under overload). */
function logRefusal(what: string, answer: string): void {
  if (refusalsLogged >= 5) return;
  refusalsLogged += 1;
  const result = /"ok":false,"message":"([^"]*)"/.exec(answer);
  log(`${what}未成功：${result?.[1] ?? answer.slice(0, 200)}`);
}

/** Requests outside the samples (the case page read before a step), for the CPU per request. */
let untimedRequests = 0;

/** The case's version as its page shows it (the step form sends it back). */
async function caseVersion(clerk: Clerk, caseId: string): Promise<number | null> {
  untimedRequests += 1;
  const page = (await openPage(clerk, `/cases/${caseId}`, "navigation")).text();
  const match = /\\?"version\\?":(\d+)/.exec(page);
  return match ? Number(match[1]) : null;
}

async function write(clerk: Clerk, operation: "register" | "step"): Promise<Sample> {
  const ids = (actionIds ??= readActionIds());
  if (operation === "register") {
    // The clerk opens the form and types; once they pause, the form asks for its hints (earlier
    // applications of the applicant, similar requests). Neither is timed: the registration is.
    const fields = registrationFields();
    untimedRequests += 2;
    await openPage(clerk, "/cases/new", "navigation").catch(() => null);
    const hints = [{ applicantName: fields.applicantName, applicantIdNumber: fields.applicantIdNumber, requestContent: fields.requestContent, receivedOn: fields.receivedOn }];
    await postAction(clerk, "/cases/new", ids.registrationHints, hints).catch(() => null);
    const started = performance.now();
    try {
      const response = await postAction(clerk, "/cases/new", ids.register, registrationBody(fields));
      const text = response.text();
      // Registered: the action redirects to the new case.
      const target = /\/cases\/([^/?;]+)\?registered=1/.exec(response.header("x-action-redirect") ?? "");
      if (target?.[1]) {
        clerk.registered.push(target[1]);
        clerk.at = `/cases/${target[1]}`;
      } else logRefusal("登记", text);
      return { operation, ms: performance.now() - started, ok: Boolean(target), status: response.status };
    } catch {
      return { operation, ms: performance.now() - started, ok: false, status: 0 };
    }
  }
  const caseId = clerk.registered.shift()!;
  // The clerk has the case open (not timed: the 案件 operation measures the page); the step is timed.
  const version = await caseVersion(clerk, caseId).catch(() => null);
  const started = performance.now();
  try {
    const payload = { type: "CONSULTATION_SENT", occurredOn: todayInShanghai(), details: { party: "THIRD_PARTY", partyName: "压测第三方", key: "", partyReceivedOn: "" } };
    const response = await postAction(clerk, `/cases/${caseId}`, ids.recordStep, [caseId, version, payload]);
    const text = response.text();
    const ok = response.status === 200 && text.includes('"ok":true');
    if (!ok) logRefusal("登记步骤", text);
    return { operation, ms: performance.now() - started, ok, status: response.status };
  } catch {
    return { operation, ms: performance.now() - started, ok: false, status: 0 };
  }
}

interface Sample {
  operation: Operation;
  ms: number;
  ok: boolean;
  /** The HTTP status, or 0 when the request failed or timed out. */
  status: number;
  /** The page's size as the browser reads it (uncompressed), for the reads. */
  bytes?: number;
}

/**
 * One page as the clerk's browser asks for it: a whole document, or the client-side navigation from
 * the page the clerk is on (without one, a document). The clerk is then on that page.
 */
async function openPage(clerk: Clerk, path: string, as: "document" | "navigation"): Promise<Answer> {
  const { url, headers } = as === "navigation" && clerk.at ? await navigationRequest(clerk.at, path) : { url: path, headers: {} };
  const response = await send(url, { headers: { ...headers, Cookie: clerk.cookie } });
  if (response.status === 200) clerk.at = path;
  return response;
}

async function request(clerk: Clerk, operation: Operation, caseIds: readonly string[], as?: "document" | "navigation"): Promise<Sample> {
  if (operation === "register" || operation === "step") return write(clerk, operation);
  const started = performance.now();
  try {
    const response = await openPage(clerk, urlOf(operation, caseIds), as ?? (Math.random() < DOCUMENT_SHARE ? "document" : "navigation"));
    return { operation, ms: performance.now() - started, ok: response.status === 200, status: response.status, bytes: response.body.byteLength };
  } catch {
    return { operation, ms: performance.now() - started, ok: false, status: 0 };
  }
}

async function runPhase(clerks: readonly Clerk[], caseIds: readonly string[], seconds: number, think: boolean): Promise<{ samples: Sample[]; seconds: number }> {
  const samples: Sample[] = [];
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    clerks.map(async (clerk, index) => {
      // Staggered start, so that the clerks do not arrive in step.
      if (think) await sleep((index / clerks.length) * 1000);
      while (performance.now() < end) {
        samples.push(await request(clerk, chooseOperation(clerk), caseIds));
        if (think) await sleep(500 + Math.random() * 1000);
      }
    }),
  );
  return { samples, seconds: (performance.now() - started) / 1000 };
}

/** The server's CPU per request for each page alone: one clerk, one request at a time, nothing else running. */
async function soloCpuByOperation(
  serverPid: number,
  clerks: readonly Clerk[],
  caseIds: readonly string[],
): Promise<{ cpu: Record<string, number>; bytes: Record<string, number>; documentCpu: Record<string, number>; documentBytes: Record<string, number> }> {
  const clerk = clerks.find((candidate) => !candidate.manager)!;
  const manager = clerks.find((candidate) => candidate.manager)!;
  const cpu: Record<string, number> = {};
  const bytes: Record<string, number> = {};
  const documentCpu: Record<string, number> = {};
  const documentBytes: Record<string, number> = {};
  // Each navigation comes from the page a clerk would come from (the 工作台 to the list, the list to a case …).
  const from = { list: "/", case: "/cases", workbench: "/cases", dashboard: "/", notifications: "/" } as const;
  for (const operation of ["list", "case", "workbench", "dashboard", "notifications"] as const) {
    const who = operation === "dashboard" ? manager : clerk;
    for (const as of ["navigation", "document"] as const) {
      const once = async () => {
        who.at = from[operation];
        return (await request(who, operation, caseIds, as)).bytes ?? 0;
      };
      await once();
      let totalBytes = 0;
      const before = cpuMs(serverPid);
      for (let index = 0; index < SOLO_REQUESTS; index += 1) totalBytes += await once();
      (as === "navigation" ? cpu : documentCpu)[operation] = Math.round(((cpuMs(serverPid) - before) / SOLO_REQUESTS) * 10) / 10;
      (as === "navigation" ? bytes : documentBytes)[operation] = Math.round(totalBytes / SOLO_REQUESTS);
    }
  }
  // The floor, for comparison: the help page (the shell and the session, no data of its own) and the
  // sign-in page without a session (neither shell nor session: what Next's rendering of a page costs).
  for (const [name, url, cookie] of [
    ["help", "/help", clerk.cookie],
    ["login", "/login", ""],
  ] as const) {
    const once = async () => (await send(url, { headers: { Cookie: cookie } })).body.byteLength;
    await once();
    let totalBytes = 0;
    const before = cpuMs(serverPid);
    for (let index = 0; index < SOLO_REQUESTS; index += 1) totalBytes += await once();
    documentCpu[name] = Math.round(((cpuMs(serverPid) - before) / SOLO_REQUESTS) * 10) / 10;
    documentBytes[name] = Math.round(totalBytes / SOLO_REQUESTS);
  }
  return { cpu, bytes, documentCpu, documentBytes };
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]! * 10) / 10;
}

function summarize(samples: readonly Sample[]) {
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  return { requests: samples.length, p50_ms: percentile(sorted, 0.5), p95_ms: percentile(sorted, 0.95), p99_ms: percentile(sorted, 0.99) };
}

function loadAverage(): string {
  return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const { caseIds } = await ensureData();
  log(`数据就绪：${CASES} 件案件、${CLERKS} 名登记员；启动生产构建（端口 ${APP_PORT}）…`);
  const server = startServer();
  let rssMax = 0;
  const rssTimer = setInterval(() => {
    if (server.pid) rssMax = Math.max(rssMax, rssMb(server.pid) || 0);
  }, 1000);
  try {
    await waitForHealth();
    const rssStart = server.pid ? rssMb(server.pid) : Number.NaN;
    const clerks: Clerk[] = [];
    for (let index = 1; index <= CLERKS; index += 1) clerks.push(await signIn(index));
    log(`${clerks.length} 名登记员已登录；预热 …`);
    await runPhase(clerks.slice(0, 5), caseIds, 10, false);
    if (SOLO_ONLY) {
      const loadBefore = loadAverage();
      log(`只逐页测量 CPU（每页 ${SOLO_REQUESTS} 次，依次）…（负载 ${loadBefore}）`);
      const solo = server.pid ? await soloCpuByOperation(server.pid, clerks, caseIds) : { cpu: {}, bytes: {}, documentCpu: {}, documentBytes: {} };
      console.log(
        JSON.stringify({
          clerks: clerks.length,
          app_workers: APP_WORKERS ?? availableParallelism(),
          cases: CASES,
          solo_requests: SOLO_REQUESTS,
          cpu_ms_by_operation: solo.cpu,
          bytes_by_operation: solo.bytes,
          document_cpu_ms_by_operation: solo.documentCpu,
          document_bytes_by_operation: solo.documentBytes,
          load_average_before: loadBefore,
          load_average_after: loadAverage(),
        }),
      );
      return;
    }

    const loadBefore = loadAverage();
    log(`有思考时间（0.5–1.5 秒）：${THINK_SECONDS} 秒 …（负载 ${loadBefore}）`);
    const cpuBefore = server.pid ? cpuMs(server.pid) : Number.NaN;
    const databaseCpuBefore = server.pid ? cpuMs(server.pid, "database") : Number.NaN;
    const generatorBefore = process.cpuUsage();
    const untimedBefore = untimedRequests;
    const thinking = await runPhase(clerks, caseIds, THINK_SECONDS, true);
    const cpuThinking = server.pid ? cpuMs(server.pid) : Number.NaN;
    const databaseCpuThinking = server.pid ? cpuMs(server.pid, "database") : Number.NaN;
    const untimedThinking = untimedRequests;
    const loadThinking = loadAverage();
    log(`无思考时间：${SATURATION_SECONDS} 秒 …（负载 ${loadThinking}）`);
    const saturation = await runPhase(clerks, caseIds, SATURATION_SECONDS, false);
    const cpuSaturation = server.pid ? cpuMs(server.pid) : Number.NaN;
    const databaseCpuSaturation = server.pid ? cpuMs(server.pid, "database") : Number.NaN;
    const generatorCpu = process.cpuUsage(generatorBefore);
    const loadSaturation = loadAverage();
    log(`逐页测量 CPU（每页 ${SOLO_REQUESTS} 次，依次）…`);
    const solo = server.pid ? await soloCpuByOperation(server.pid, clerks, caseIds) : { cpu: {}, bytes: {}, documentCpu: {}, documentBytes: {} };
    // The server's CPU per request: what the other engineers' load on the machine hardly changes.
    const cpuPerRequest = (ms: number, requests: number) => Math.round((ms / requests) * 10) / 10;

    const overall = summarize(thinking.samples);
    const perOperation: Record<string, ReturnType<typeof summarize>> = {};
    for (const [operation] of MIX) perOperation[operation] = summarize(thinking.samples.filter((sample) => sample.operation === operation));
    const saturationSummary = summarize(saturation.samples);
    const failed = [...thinking.samples, ...saturation.samples].filter((sample) => !sample.ok);
    const errors = failed.length;
    const errorsByStatus: Record<string, number> = {};
    for (const sample of failed) errorsByStatus[`${sample.operation}:${sample.status}`] = (errorsByStatus[`${sample.operation}:${sample.status}`] ?? 0) + 1;
    console.log(
      JSON.stringify({
        clerks: clerks.length,
        app_workers: APP_WORKERS ?? availableParallelism(),
        cases: CASES,
        think_seconds: THINK_SECONDS,
        document_share: DOCUMENT_SHARE,
        ...overall,
        rps: Math.round((thinking.samples.length / thinking.seconds) * 10) / 10,
        operations: perOperation,
        errors,
        errors_by_status: errorsByStatus,
        cpu_ms_per_request: cpuPerRequest(cpuThinking - cpuBefore, thinking.samples.length + untimedThinking - untimedBefore),
        saturation_rps: Math.round((saturation.samples.length / saturation.seconds) * 10) / 10,
        // Also the untimed requests the writes make (the form, its hints, the case read before a step).
        saturation_server_rps: Math.round(((saturation.samples.length + untimedRequests - untimedThinking) / saturation.seconds) * 10) / 10,
        saturation_cpu_ms_per_request: cpuPerRequest(cpuSaturation - cpuThinking, saturation.samples.length + untimedRequests - untimedThinking),
        database_cpu_ms_per_request: cpuPerRequest(databaseCpuThinking - databaseCpuBefore, thinking.samples.length + untimedThinking - untimedBefore),
        saturation_database_cpu_ms_per_request: cpuPerRequest(
          databaseCpuSaturation - databaseCpuThinking,
          saturation.samples.length + untimedRequests - untimedThinking,
        ),
        cpu_ms_by_operation: solo.cpu,
        bytes_by_operation: solo.bytes,
        document_cpu_ms_by_operation: solo.documentCpu,
        document_bytes_by_operation: solo.documentBytes,
        generator_cpu_ms_per_request: cpuPerRequest(
          (generatorCpu.user + generatorCpu.system) / 1000,
          thinking.samples.length + saturation.samples.length + untimedRequests - untimedBefore,
        ),
        saturation_p50_ms: saturationSummary.p50_ms,
        saturation_p95_ms: saturationSummary.p95_ms,
        saturation_p99_ms: saturationSummary.p99_ms,
        rss_mb_start: rssStart,
        rss_mb_max: rssMax,
        load_average_before: loadBefore,
        load_average_after_think: loadThinking,
        load_average_after_saturation: loadSaturation,
      }),
    );
  } finally {
    clearInterval(rssTimer);
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
