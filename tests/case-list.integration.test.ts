// The case list and its export against the real database: organization scoping, every filter, the
// search (two-character Chinese words, case-number fragments, LIKE wildcards), sorting, pagination, the
// due filters against a fixed `today` and the official calendar, and the ledger rows of the export.
import type { Prisma } from "@prisma/client";
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { loadWorkCalendar } from "@/lib/calendar/queries";
import { countWorkdays, type WorkCalendar } from "@/lib/calendar/workdays";
import { findApplications, findApplicationsForExport, findCaseHandlerOptions, readsSearchFirst } from "@/lib/cases/queries";
import { parseCaseListQuery, type CaseListQuery } from "@/lib/cases/list-schemas";
import { actorFor, createTestOrganization, createTestUser } from "./factories";

/** A Friday; the calendar has no holiday in the following two weeks. */
const TODAY = "2026-11-20";

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

type CaseOverrides = Partial<Omit<Prisma.ApplicationUncheckedCreateInput, "receivedOn" | "dueOn" | "closedOn">> & {
  caseNumber: string;
  receivedOn?: string;
  dueOn?: string | null;
  closedOn?: string | null;
};

/** A case written directly with its derived columns (open and running unless told otherwise). */
async function createCase(organizationId: string, overrides: CaseOverrides) {
  const { caseNumber, receivedOn = "2026-11-02", dueOn, closedOn = null, ...rest } = overrides;
  const closed = closedOn !== null;
  return db.application.create({
    data: {
      organizationId,
      caseNumber,
      caseYear: Number(receivedOn.slice(0, 4)),
      caseSequence: Number(caseNumber.replace(/\D/g, "").slice(-6)) || 1,
      receivedOn: date(receivedOn),
      channel: "ONLINE",
      applicantType: "NATURAL_PERSON",
      applicantName: "李明",
      requestContent: "申请公开本机关2026年度部门预算",
      status: closed ? "CLOSED" : "OPEN",
      clockPhase: closed ? "CLOSED" : "RUNNING",
      dueOn: dueOn === undefined ? (closed ? null : date("2026-12-01")) : dueOn === null ? null : date(dueOn),
      closedOn: closedOn === null ? null : date(closedOn),
      outcome: closed ? "GRANTED" : null,
      ...rest,
    },
  });
}

let calendar: WorkCalendar;
let clerkA: Actor;
let managerA: Actor;
let adminB: Actor;
let actorC: Actor;
const idsA: Record<string, string> = {};

function list(actor: Actor, search: string) {
  return findApplications({ actor, query: parseCaseListQuery(new URLSearchParams(search)), today: TODAY, calendar });
}

async function caseNumbers(actor: Actor, search: string): Promise<string[]> {
  const result = await list(actor, `pageSize=100&sort=caseNumber.asc&${search}`);
  return result.rows.map((row) => row.caseNumber);
}

beforeAll(async () => {
  calendar = await loadWorkCalendar();
  const organizationA = await createTestOrganization("甲区司法局");
  const organizationB = await createTestOrganization("乙区司法局");
  const organizationC = await createTestOrganization("丙区司法局");
  clerkA = actorFor(await createTestUser({ organizationId: organizationA.id, role: "CLERK", displayName: "王芳" }));
  managerA = actorFor(await createTestUser({ organizationId: organizationA.id, role: "MANAGER", displayName: "赵敏" }));
  const retiredA = await createTestUser({ organizationId: organizationA.id, role: "CLERK", displayName: "已离职" });
  await db.user.update({ where: { id: retiredA.id }, data: { active: false } });
  adminB = actorFor(await createTestUser({ organizationId: organizationB.id, role: "ADMIN" }));
  actorC = actorFor(await createTestUser({ organizationId: organizationC.id, role: "CLERK" }));

  const a = organizationA.id;
  const created = [
    // Due soon: 5 working days left (Mon 23 – Fri 27), due today, and a Saturday due date (4 left).
    await createCase(a, { caseNumber: "GK-2026-000101", dueOn: "2026-11-27", handlerId: clerkA.userId, applicantName: "张伟" }),
    await createCase(a, { caseNumber: "GK-2026-000102", dueOn: TODAY, handlerId: clerkA.userId }),
    await createCase(a, { caseNumber: "GK-2026-000103", dueOn: "2026-11-28", handlerId: managerA.userId }),
    // Six working days left: on track.
    await createCase(a, { caseNumber: "GK-2026-000104", dueOn: "2026-11-30", channel: "EMAIL", applicantName: "张伟强" }),
    // Overdue by one working day.
    await createCase(a, {
      caseNumber: "GK-2026-000105",
      receivedOn: "2026-10-20",
      dueOn: "2026-11-19",
      handlerId: clerkA.userId,
      requestContent: "申请公开朝阳路拆迁安置补偿方案",
    }),
    // Clock stopped (waiting for 补正): neither due soon nor overdue.
    await createCase(a, {
      caseNumber: "GK-2026-000106",
      dueOn: null,
      clockPhase: "AWAITING_CORRECTION",
      applicantType: "COMMERCIAL_ENTERPRISE",
      applicantName: "华信科技有限公司",
    }),
    // Closed after its due date: not overdue.
    await createCase(a, {
      caseNumber: "GK-2026-000107",
      receivedOn: "2026-09-01",
      dueOn: "2026-09-29",
      closedOn: "2026-10-09",
      outcome: "UNAVAILABLE_NOT_HELD",
      handlerId: managerA.userId,
      requestContent: "申请公开旧城拆迁档案",
    }),
    // Closed in 2024, with proceedings (export shape).
    await createCase(a, {
      caseNumber: "GK-2024-000012",
      receivedOn: "2024-03-18",
      dueOn: "2024-04-16",
      closedOn: "2024-04-10",
      outcome: "WITHHELD_SECURITY_STABILITY",
      channel: "ORDINARY_MAIL",
      applicantType: "LEGAL_SERVICE_ORG",
      applicantName: "明理律师事务所",
      applicantIdNumber: "31110000MD0123456X",
      applicantContact: "021-55550000",
      requestContent: '申请公开"城市更新"项目批复,含附件\n及会议纪要',
      extensionNotifiedOn: date("2024-04-08"),
      extensionWorkdays: 10,
      feeMethod: "PER_VOLUME",
      feeNoticeOn: date("2024-03-25"),
      feeAmount: "450.5",
      feePaidOn: date("2024-03-28"),
    }),
  ];
  for (const application of created) idsA[application.caseNumber] = application.id;

  const exported = idsA["GK-2024-000012"]!;
  const reconsideration = await db.proceeding.create({
    data: {
      organizationId: a,
      applicationId: exported,
      kind: "RECONSIDERATION",
      filedOn: date("2024-05-06"),
      result: "UPHELD",
      decidedOn: date("2024-06-20"),
    },
  });
  await db.proceeding.create({
    data: { organizationId: a, applicationId: exported, kind: "LITIGATION", route: "DIRECT", onlyCoDefendantAsReviewOrgan: true, filedOn: date("2024-06-01") },
  });
  await db.proceeding.create({
    data: {
      organizationId: a,
      applicationId: exported,
      kind: "LITIGATION",
      route: "AFTER_RECONSIDERATION",
      reconsiderationId: reconsideration.id,
      filedOn: date("2024-07-01"),
      result: "CORRECTED",
      decidedOn: date("2024-10-10"),
    },
  });

  const b = organizationB.id;
  await createCase(b, { caseNumber: "GK-2026-000101", applicantName: "欧阳娜娜", requestContent: "申请公开拆迁安置补偿方案", dueOn: "2026-11-23" });
  await createCase(b, { caseNumber: "GK-2026-000900", dueOn: "2026-11-01" });

  // Organization C: 45 cases received on three days, for sorting and pagination (many ties).
  for (let sequence = 1; sequence <= 45; sequence += 1) {
    await createCase(organizationC.id, {
      caseNumber: `GK-2025-${String(sequence).padStart(6, "0")}`,
      receivedOn: `2025-06-0${1 + (sequence % 3)}`,
      dueOn: sequence % 4 === 0 ? null : `2025-07-${String(1 + (sequence % 20)).padStart(2, "0")}`,
      clockPhase: sequence % 4 === 0 ? "CONSULTING" : "RUNNING",
      applicantName: `申请人${String(sequence).padStart(2, "0")}`,
    });
  }
});

describe("findApplications: scoping", () => {
  it("lists only the actor's organization's cases", async () => {
    const result = await list(clerkA, "pageSize=100");
    expect(result.total).toBe(8);
    expect(result.rows.map((row) => row.id).sort()).toEqual(Object.values(idsA).sort());
    expect((await list(adminB, "")).total).toBe(2);
  });

  it("never finds another organization's case, even by its applicant's name or its case number", async () => {
    expect((await list(clerkA, "q=欧阳娜娜")).total).toBe(0);
    expect((await list(adminB, "q=欧阳娜娜")).total).toBe(1);
    expect(await caseNumbers(clerkA, "q=GK-2026-000900")).toEqual([]);
    expect(await caseNumbers(clerkA, "q=拆迁")).toEqual(["GK-2026-000105", "GK-2026-000107"]);
  });

  it("does not reveal another organization's cases through the handler filter", async () => {
    expect((await list(adminB, `handler=${clerkA.userId}`)).total).toBe(0);
  });

  it("offers the organization's active users as handlers, to any role", async () => {
    const handlers = await findCaseHandlerOptions({ actor: clerkA });
    expect(handlers.map((handler) => handler.displayName).sort()).toEqual(["王芳", "赵敏"].sort());
    expect(handlers.map((handler) => handler.id)).not.toContain(adminB.userId);
  });
});

describe("findApplications: filters", () => {
  it("filters by status and clock phase", async () => {
    expect(await caseNumbers(clerkA, "status=CLOSED")).toEqual(["GK-2024-000012", "GK-2026-000107"]);
    expect((await list(clerkA, "status=OPEN")).total).toBe(6);
    expect(await caseNumbers(clerkA, "phase=AWAITING_CORRECTION")).toEqual(["GK-2026-000106"]);
  });

  it("filters by applicant type, channel and outcome", async () => {
    expect(await caseNumbers(clerkA, "applicantType=COMMERCIAL_ENTERPRISE")).toEqual(["GK-2026-000106"]);
    expect(await caseNumbers(clerkA, "channel=EMAIL")).toEqual(["GK-2026-000104"]);
    expect(await caseNumbers(clerkA, "outcome=UNAVAILABLE_NOT_HELD")).toEqual(["GK-2026-000107"]);
  });

  it("filters by receipt and closing dates, both ends included", async () => {
    expect(await caseNumbers(clerkA, "receivedFrom=2026-09-01&receivedTo=2026-10-20")).toEqual(["GK-2026-000105", "GK-2026-000107"]);
    expect(await caseNumbers(clerkA, "receivedTo=2024-12-31")).toEqual(["GK-2024-000012"]);
    expect(await caseNumbers(clerkA, "closedFrom=2026-10-09&closedTo=2026-10-09")).toEqual(["GK-2026-000107"]);
    expect(await caseNumbers(clerkA, "closedFrom=2024-01-01")).toEqual(["GK-2024-000012", "GK-2026-000107"]);
  });

  it("filters by handler: mine, unassigned, or a given user", async () => {
    expect(await caseNumbers(clerkA, "handler=me")).toEqual(["GK-2026-000101", "GK-2026-000102", "GK-2026-000105"]);
    expect(await caseNumbers(managerA, "handler=me")).toEqual(["GK-2026-000103", "GK-2026-000107"]);
    expect(await caseNumbers(clerkA, `handler=${managerA.userId}`)).toEqual(["GK-2026-000103", "GK-2026-000107"]);
    expect(await caseNumbers(clerkA, "handler=none")).toEqual(["GK-2024-000012", "GK-2026-000104", "GK-2026-000106"]);
  });

  it("combines filters", async () => {
    expect(await caseNumbers(clerkA, "status=OPEN&handler=me&q=拆迁")).toEqual(["GK-2026-000105"]);
  });

  it("ignores invalid parameters instead of failing", async () => {
    const result = await list(clerkA, "status=LOST&receivedFrom=2026-02-30&sort=id.asc&page=abc&handler=x%20y");
    expect(result.total).toBe(8);
    expect(result.page).toBe(1);
  });
});

describe("findApplications: search", () => {
  it("finds a two-character Chinese word in the applicant's name or the request", async () => {
    expect(await caseNumbers(clerkA, "q=张伟")).toEqual(["GK-2026-000101", "GK-2026-000104"]);
    expect(await caseNumbers(clerkA, "q=朝阳")).toEqual(["GK-2026-000105"]);
    expect(await caseNumbers(clerkA, "q=华信科技")).toEqual(["GK-2026-000106"]);
  });

  it("finds a case-number fragment, whatever the case of its letters", async () => {
    expect(await caseNumbers(clerkA, "q=2026-00010")).toEqual([
      "GK-2026-000101",
      "GK-2026-000102",
      "GK-2026-000103",
      "GK-2026-000104",
      "GK-2026-000105",
      "GK-2026-000106",
      "GK-2026-000107",
    ]);
    expect(await caseNumbers(clerkA, "q=gk-2024")).toEqual(["GK-2024-000012"]);
    expect(await caseNumbers(clerkA, "q=000107")).toEqual(["GK-2026-000107"]);
    // Two characters with letters: the bigram index and the LIKE beside it both ignore case.
    expect((await list(clerkA, "q=gK")).total).toBe((await list(clerkA, "")).total);
  });

  it("treats LIKE wildcards and quotes in the search text as plain characters", async () => {
    expect((await list(clerkA, "q=%25")).total).toBe(0);
    expect((await list(clerkA, "q=_")).total).toBe(0);
    // Two characters (the bigram search): the wildcards still match only themselves.
    expect((await list(clerkA, "q=%25_")).total).toBe(0);
    expect((await list(clerkA, "q=K_")).total).toBe(0);
    expect((await list(clerkA, "q=%5C")).total).toBe(0);
    expect(await caseNumbers(clerkA, "q=%22城市更新%22")).toEqual(["GK-2024-000012"]);
    expect((await list(clerkA, "q=' OR 1=1 --")).total).toBe(0);
    expect((await list(clerkA, "q=%00")).total).toBe(8);
  });
});

describe("findApplications: search by what staff search by", () => {
  let clerkD: Actor;
  beforeAll(async () => {
    const organizationD = await createTestOrganization("丁区司法局");
    clerkD = actorFor(await createTestUser({ organizationId: organizationD.id, role: "CLERK" }));
    const d = organizationD.id;
    await createCase(d, {
      caseNumber: "GK-2026-000201",
      applicantType: "COMMERCIAL_ENTERPRISE",
      applicantName: "杭州华信科技有限公司",
      applicantIdNumber: "91330106MA2B0XYZ1K",
      requestContent: "申请公开西湖区停车收费标准核定文件",
    });
    await createCase(d, { caseNumber: "GK-2026-000202", applicantName: "周敏", applicantContact: "0571-87650000 zhoumin@example.cn" });
    await createCase(d, { caseNumber: "GK-2026-000203", applicantName: "吴强", agentName: "李律师", agentContact: "13900001111" });
    await createCase(d, { caseNumber: "GK-2026-000204", applicantName: "郑洁", requestContent: "申请公开河道治理工程验收报告" });
  });

  it("finds a case by a fragment of its 证件号码, a phone fragment and the agent's name", async () => {
    expect(await caseNumbers(clerkD, "q=91330106")).toEqual(["GK-2026-000201"]);
    expect(await caseNumbers(clerkD, "q=0571")).toEqual(["GK-2026-000202"]);
    expect(await caseNumbers(clerkD, "q=李律师")).toEqual(["GK-2026-000203"]);
    expect(await caseNumbers(clerkD, "q=13900001111")).toEqual(["GK-2026-000203"]);
    expect(await caseNumbers(clerkD, "q=ZHOUMIN@EXAMPLE")).toEqual(["GK-2026-000202"]);
  });

  it("finds two-character words in every searched field, and nothing that is not there", async () => {
    expect(await caseNumbers(clerkD, "q=律师")).toEqual(["GK-2026-000203"]);
    expect(await caseNumbers(clerkD, "q=ma")).toEqual(["GK-2026-000201"]);
    expect(await caseNumbers(clerkD, "q=MA")).toEqual(["GK-2026-000201"]);
    expect(await caseNumbers(clerkD, "q=57")).toEqual(["GK-2026-000202"]);
    expect(await caseNumbers(clerkD, "q=河道")).toEqual(["GK-2026-000204"]);
    expect(await caseNumbers(clerkD, "q=申请")).toEqual(["GK-2026-000201", "GK-2026-000202", "GK-2026-000203", "GK-2026-000204"]);
    expect(await caseNumbers(clerkD, "q=道河")).toEqual([]);
    // Not across the boundary of two fields.
    expect(await caseNumbers(clerkD, "q=敏0")).toEqual([]);
    // Two-character wildcards are plain characters too.
    expect(await caseNumbers(clerkD, "q=%25%25")).toEqual([]);
    expect(await caseNumbers(clerkD, "q=_1")).toEqual([]);
  });

  it("finds the cases that have every word of a search with spaces, each in any searched field", async () => {
    expect(await caseNumbers(clerkD, `q=${encodeURIComponent("吴强 李律师")}`)).toEqual(["GK-2026-000203"]);
    expect(await caseNumbers(clerkD, `q=${encodeURIComponent("周 敏")}`)).toEqual(["GK-2026-000202"]);
    expect(await caseNumbers(clerkD, `q=${encodeURIComponent("0571   zhoumin")}`)).toEqual(["GK-2026-000202"]);
    expect(await caseNumbers(clerkD, `q=${encodeURIComponent("申请 河道 验收报告")}`)).toEqual(["GK-2026-000204"]);
    expect(await caseNumbers(clerkD, `q=${encodeURIComponent("申请 停车")}`)).toEqual(["GK-2026-000201"]);
    // Every word, not any: 郑洁 asked about the river, not about parking.
    expect(await caseNumbers(clerkD, `q=${encodeURIComponent("郑洁 停车")}`)).toEqual([]);
  });

  it("reads the organization's search keys for a word instead of scanning the cases", async () => {
    const keys = `gongkai_case_search_keys(a."organizationId", a."status" = 'OPEN',
      a."caseNumber" || ' ' || a."applicantName" || ' ' || coalesce(a."agentName", '') || ' ' || coalesce(a."applicantIdNumber", '') || ' ' ||
        coalesce(a."applicantContact", '') || ' ' || coalesce(a."agentContact", '') || ' ' || a."requestContent",
      a."caseNumber" || ' ' || a."applicantName" || ' ' || a."requestContent",
      coalesce(a."agentName", '') || ' ' || coalesce(a."applicantIdNumber", '') || ' ' || coalesce(a."applicantContact", '') || ' ' || coalesce(a."agentContact", ''))`;
    const [plan] = await db.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(
      `EXPLAIN (FORMAT JSON) SELECT count(*) FROM "Application" a WHERE ${keys} @> gongkai_case_search_keys($1, false, '律师', '', '')`,
      clerkD.organizationId,
    );
    expect(JSON.stringify(plan)).toContain("Application_search_keys_idx");
    // A single character has its key too (migration 20261222000000).
    const [single] = await db.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(
      `EXPLAIN (FORMAT JSON) SELECT count(*) FROM "Application" a WHERE ${keys} @> gongkai_case_search_word_key($1, false, '律')`,
      clerkD.organizationId,
    );
    expect(JSON.stringify(single)).toContain("Application_search_keys_idx");
  });

  it("finds a single character in every searched field, whatever its case, and not a space", async () => {
    expect(await caseNumbers(clerkD, "q=洁")).toEqual(["GK-2026-000204"]);
    expect(await caseNumbers(clerkD, "q=李")).toEqual(["GK-2026-000203"]);
    expect(await caseNumbers(clerkD, "q=y")).toEqual(["GK-2026-000201"]);
    expect(await caseNumbers(clerkD, "q=Z")).toEqual(["GK-2026-000201", "GK-2026-000202"]);
    expect(await caseNumbers(clerkD, "q=@")).toEqual(["GK-2026-000202"]);
    expect(await caseNumbers(clerkD, "q=申")).toEqual(["GK-2026-000201", "GK-2026-000202", "GK-2026-000203", "GK-2026-000204"]);
    expect(await caseNumbers(clerkD, "q=鑫")).toEqual([]);
    expect(await caseNumbers(clerkD, "q=%25")).toEqual([]);
  });
});

describe("findApplications: the search keys of each organization, open and closed", () => {
  let clerkE: Actor;
  let clerkF: Actor;
  beforeAll(async () => {
    const organizationE = await createTestOrganization("戊区司法局");
    const organizationF = await createTestOrganization("己区司法局");
    clerkE = actorFor(await createTestUser({ organizationId: organizationE.id, role: "CLERK" }));
    clerkF = actorFor(await createTestUser({ organizationId: organizationF.id, role: "CLERK" }));
    // The same case numbers, names and words in both organizations, open and closed.
    for (const organizationId of [organizationE.id, organizationF.id]) {
      await createCase(organizationId, { caseNumber: "ZX-2026-000301", applicantName: "欧阳修", requestContent: "申请公开旧城拆迁补偿标准" });
      await createCase(organizationId, {
        caseNumber: "ZX-2026-000302",
        applicantName: "欧阳修",
        requestContent: "申请公开旧城拆迁补偿标准",
        closedOn: "2026-11-10",
      });
    }
  });

  it("finds a word or a case-number fragment only in the actor's organization, open, closed or both", async () => {
    for (const actor of [clerkE, clerkF]) {
      for (const word of ["拆迁", "欧阳", "欧阳修", "旧城拆迁", "2026-0003", "zx-2026-000301"]) {
        const all = await list(actor, `pageSize=100&q=${word}`);
        expect(all.rows.map((row) => row.caseNumber).sort(), word).toEqual(
          word === "zx-2026-000301" ? ["ZX-2026-000301"] : ["ZX-2026-000301", "ZX-2026-000302"],
        );
        expect(all.total).toBe(all.rows.length);
        const ids = (await list(actor, "pageSize=100")).rows.map((row) => row.id);
        expect(all.rows.every((row) => ids.includes(row.id))).toBe(true);
      }
      expect(await caseNumbers(actor, "status=OPEN&q=拆迁")).toEqual(["ZX-2026-000301"]);
      expect(await caseNumbers(actor, "status=CLOSED&q=拆迁")).toEqual(["ZX-2026-000302"]);
      expect(await caseNumbers(actor, "status=OPEN&q=2026-0003")).toEqual(["ZX-2026-000301"]);
      expect(await caseNumbers(actor, "status=CLOSED&q=2026-0003")).toEqual(["ZX-2026-000302"]);
    }
  });

  it("finds a case under its new status once it is closed or reopened (the keys follow the row)", async () => {
    const open = await db.application.findFirstOrThrow({ where: { organizationId: clerkE.organizationId, caseNumber: "ZX-2026-000301" } });
    await db.application.update({ where: { id: open.id }, data: { status: "CLOSED", clockPhase: "CLOSED", closedOn: date("2026-11-18"), outcome: "GRANTED" } });
    try {
      expect(await caseNumbers(clerkE, "status=OPEN&q=拆迁")).toEqual([]);
      expect(await caseNumbers(clerkE, "status=CLOSED&q=拆迁")).toEqual(["ZX-2026-000301", "ZX-2026-000302"]);
      expect(await caseNumbers(clerkE, "status=CLOSED&q=000301")).toEqual(["ZX-2026-000301"]);
      expect(await caseNumbers(clerkF, "status=OPEN&q=拆迁")).toEqual(["ZX-2026-000301"]);
    } finally {
      await db.application.update({ where: { id: open.id }, data: { status: "OPEN", clockPhase: "RUNNING", closedOn: null, outcome: null } });
    }
    expect(await caseNumbers(clerkE, "status=OPEN&q=拆迁")).toEqual(["ZX-2026-000301"]);
  });
});

/**
 * The index's answer against the plain text test over generated cases: for every word (two, three and
 * more characters, letters of both cases, digits, spaces, across field boundaries) and every status
 * filter, the list finds exactly the cases a LIKE / ILIKE over the searched texts finds, in the order
 * of the list, in the actor's organization only.
 */
describe("findApplications: the search index finds what the text test finds (generated cases)", () => {
  const ALPHABET = ["拆", "迁", "补", "偿", "张", "伟", "A", "a", "b", "B", "0", "1", "2", "-", " "];
  let clerkG: Actor;
  let clerkH: Actor;
  const words = new Set<string>();

  /** A small deterministic generator (the test must not depend on chance). */
  function generator(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
  }

  beforeAll(async () => {
    const organizationG = await createTestOrganization("庚区司法局");
    const organizationH = await createTestOrganization("辛区司法局");
    clerkG = actorFor(await createTestUser({ organizationId: organizationG.id, role: "CLERK" }));
    clerkH = actorFor(await createTestUser({ organizationId: organizationH.id, role: "CLERK" }));
    const random = generator(14);
    const text = (length: number) => Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join("");
    for (let index = 1; index <= 120; index += 1) {
      const organizationId = index % 3 === 0 ? organizationH.id : organizationG.id;
      const requestContent = text(4 + Math.floor(random() * 12));
      const agentContact = random() < 0.5 ? text(5) : null;
      const closed = random() < 0.5;
      await createCase(organizationId, {
        caseNumber: `SJ-2026-${String(index).padStart(6, "0")}`,
        applicantName: text(3),
        requestContent,
        agentContact,
        closedOn: closed ? "2026-11-12" : null,
      });
      // Words taken from the cases (so that most have matches), some across a field boundary. The list
      // trims the search text: no word starts or ends with a space.
      const start = Math.floor(random() * requestContent.length);
      for (const length of [1, 2, 3, 4]) {
        const word = requestContent.slice(start, start + length);
        if (word.trim().length === length) words.add(word);
      }
      if (agentContact && agentContact.slice(0, 3).trim().length === 3) words.add(agentContact.slice(0, 3));
    }
    for (const word of ["拆", "a", "B", "0", "-", "拆迁", "aB", "Ab", "b0", "-0", "000", "SJ-2026-00001", "sj-2026-000012", "6-0", "伟 拆", "1 拆", "拆 a 0", "拆迁 张伟"]) words.add(word);
  });

  /** The cases that contain every word of the search (separated by spaces), by the text test of each. */
  async function expected(actor: Actor, search: string, status: "OPEN" | "CLOSED" | undefined): Promise<string[]> {
    const found = await Promise.all(search.split(/\s+/).map((word) => expectedForWord(actor, word, status)));
    return found.reduce((kept, next) => kept.filter((caseNumber) => next.includes(caseNumber)));
  }

  async function expectedForWord(actor: Actor, word: string, status: "OPEN" | "CLOSED" | undefined): Promise<string[]> {
    const operator = word.toLowerCase() !== word.toUpperCase() ? "ILIKE" : "LIKE";
    const pattern = `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    const searched =
      [...word].length <= 2
        ? `(a."caseNumber" || ' ' || a."applicantName" || ' ' || coalesce(a."agentName", '') || ' ' || coalesce(a."applicantIdNumber", '') || ' ' ||
            coalesce(a."applicantContact", '') || ' ' || coalesce(a."agentContact", '') || ' ' || a."requestContent") ${operator} $2`
        : `((a."caseNumber" || ' ' || a."applicantName" || ' ' || a."requestContent") ${operator} $2 OR
            (coalesce(a."agentName", '') || ' ' || coalesce(a."applicantIdNumber", '') || ' ' || coalesce(a."applicantContact", '') || ' ' ||
             coalesce(a."agentContact", '')) ${operator} $2)`;
    const rows = await db.$queryRawUnsafe<{ caseNumber: string }[]>(
      `SELECT a."caseNumber" FROM "Application" a WHERE a."organizationId" = $1 AND a."voidedAt" IS NULL AND ${searched}
         ${status ? `AND a."status" = '${status}'` : ""} ORDER BY a."caseNumber"`,
      actor.organizationId,
      pattern,
    );
    return rows.map((row) => row.caseNumber);
  }

  it("matches the text test for every word and status filter", async () => {
    expect(words.size).toBeGreaterThan(60);
    let found = 0;
    for (const actor of [clerkG, clerkH]) {
      for (const [index, word] of [...words].entries()) {
        // Every word without a status filter, and with one of the two (the open and the closed keys).
        for (const status of [undefined, index % 2 === 0 ? "OPEN" : "CLOSED"] as const) {
          const search = `q=${encodeURIComponent(word)}${status ? `&status=${status}` : ""}`;
          const want = await expected(actor, word, status);
          expect(await caseNumbers(actor, search), `${word} ${status ?? ""}`).toEqual(want);
          found += want.length;
        }
      }
    }
    // Most words have matches: the comparison is not between empty lists.
    expect(found).toBeGreaterThan(words.size * 2);
  });
});

describe("findApplications: due soon and overdue", () => {
  it("finds the open cases with 5 working days or fewer left, as dueStatus counts them", async () => {
    const result = await list(clerkA, "due=soon&sort=dueOn.asc");
    expect(result.rows.map((row) => row.caseNumber)).toEqual(["GK-2026-000102", "GK-2026-000101", "GK-2026-000103"]);
    for (const row of result.rows) {
      expect(row.due.status).toBe("DUE_SOON");
      expect(countWorkdays(calendar, TODAY, row.dueOn!)).toBeLessThanOrEqual(5);
    }
    expect(result.rows.map((row) => row.due.workdaysLeft)).toEqual([0, 5, 5]);
  });

  it("finds the open cases past their due date, and only those", async () => {
    const result = await list(clerkA, "due=overdue");
    expect(result.rows.map((row) => row.caseNumber)).toEqual(["GK-2026-000105"]);
    expect(result.rows[0]!.due).toEqual({ status: "OVERDUE", workdaysLeft: -1 });
  });

  it("gives every row its due status", async () => {
    const rows = (await list(clerkA, "pageSize=100&sort=caseNumber.asc")).rows;
    const statusOf = Object.fromEntries(rows.map((row) => [row.caseNumber, row.due.status]));
    expect(statusOf).toEqual({
      "GK-2024-000012": "CLOSED",
      "GK-2026-000101": "DUE_SOON",
      "GK-2026-000102": "DUE_SOON",
      "GK-2026-000103": "DUE_SOON",
      "GK-2026-000104": "ON_TRACK",
      "GK-2026-000105": "OVERDUE",
      "GK-2026-000106": "STOPPED",
      "GK-2026-000107": "CLOSED",
    });
  });

  it("includes the handler's name and the dates as YYYY-MM-DD", async () => {
    const [row] = (await list(clerkA, "q=GK-2026-000101")).rows;
    expect(row).toMatchObject({ caseNumber: "GK-2026-000101", receivedOn: "2026-11-02", dueOn: "2026-11-27", closedOn: null, handlerName: "王芳" });
  });
});

describe("findApplications: sorting and pagination", () => {
  async function allPages(search: string): Promise<string[]> {
    const numbers: string[] = [];
    for (let page = 1; page <= 3; page += 1) {
      const result = await list(actorC, `${search}&page=${page}`);
      expect(result.total).toBe(45);
      expect(result.page).toBe(page);
      numbers.push(...result.rows.map((row) => row.caseNumber));
    }
    return numbers;
  }

  it("pages through every case once, in a stable order even where the sort key ties", async () => {
    const byReceipt = await allPages("sort=receivedOn.desc");
    expect(byReceipt).toHaveLength(45);
    expect(new Set(byReceipt).size).toBe(45);
    const reversed = await allPages("sort=receivedOn.asc");
    expect(reversed).toEqual([...byReceipt].reverse());
  });

  it("sorts by case number and applicant name both ways", async () => {
    const ascending = await allPages("sort=caseNumber.asc");
    expect(ascending).toEqual([...ascending].sort());
    expect(await allPages("sort=caseNumber.desc")).toEqual([...ascending].reverse());
    const byName = (await list(actorC, "sort=applicantName.desc&pageSize=50")).rows.map((row) => row.applicantName);
    expect(byName[0]).toBe("申请人45");
    expect(byName.at(-1)).toBe("申请人01");
  });

  it("puts cases without a due date last, in both directions", async () => {
    for (const search of ["sort=dueOn.asc&pageSize=50", "sort=dueOn.desc&pageSize=50"]) {
      const dueDates = (await list(actorC, search)).rows.map((row) => row.dueOn);
      const firstEmpty = dueDates.indexOf(null);
      expect(firstEmpty).toBe(34);
      expect(dueDates.slice(firstEmpty).every((dueOn) => dueOn === null)).toBe(true);
      const dated = dueDates.slice(0, firstEmpty) as string[];
      const expected = [...dated].sort();
      expect(dated).toEqual(search.includes("desc") ? expected.reverse() : expected);
    }
  });

  it("counts all pages and shows the last page for a page past the end", async () => {
    const lastPage = await list(actorC, "page=3");
    expect(lastPage.rows).toHaveLength(5);
    const pastTheEnd = await list(actorC, "page=9");
    expect(pastTheEnd).toMatchObject({ page: 3, total: 45, pageSize: 20 });
    expect(pastTheEnd.rows.map((row) => row.id)).toEqual(lastPage.rows.map((row) => row.id));
    const bigPages = await list(actorC, "pageSize=50");
    expect(bigPages.rows).toHaveLength(45);
  });
});

describe("findApplications: the count stops at its limit", () => {
  const listWithLimit = (search: string, countLimit: number) =>
    findApplications({ actor: actorC, query: parseCaseListQuery(new URLSearchParams(search)), today: TODAY, calendar, countLimit });

  it("says 'at least' past the limit, and counts exactly below it", async () => {
    expect(await listWithLimit("pageSize=20", 30)).toMatchObject({ total: 30, totalIsLowerBound: true, page: 1 });
    // The first page alone already shows more than the limit: one more page is offered.
    expect(await listWithLimit("pageSize=20", 10)).toMatchObject({ total: 21, totalIsLowerBound: true, page: 1 });
    expect(await listWithLimit("pageSize=20", 45)).toMatchObject({ total: 45, totalIsLowerBound: false });
    expect(await listWithLimit("pageSize=20", 100)).toMatchObject({ total: 45, totalIsLowerBound: false });
  });

  it("gives the same pages and totals for a search in more cases than the limit as for one in fewer", async () => {
    // All 45 cases contain "申请" and "GK-2025": below a limit of 100 the search's matches are read
    // first; past a limit of 10 the search is read the other way (findApplications).
    for (const word of ["申请", "GK-2025"]) {
      const unlimited = await listWithLimit(`pageSize=20&page=2&sort=caseNumber.asc&q=${word}`, 100);
      const plain = await listWithLimit("pageSize=20&page=2&sort=caseNumber.asc", 100);
      expect(unlimited).toEqual(plain);
      const limited = await listWithLimit(`pageSize=20&page=2&sort=caseNumber.asc&q=${word}`, 10);
      expect(limited).toEqual(await listWithLimit("pageSize=20&page=2&sort=caseNumber.asc", 10));
      expect(limited.rows).toEqual(unlimited.rows);
      expect(limited).toMatchObject({ totalIsLowerBound: true, total: 41 });
      const pastTheEnd = await listWithLimit(`pageSize=20&page=9&sort=caseNumber.asc&q=${word}`, 10);
      expect(pastTheEnd).toMatchObject({ page: 3, total: 45, totalIsLowerBound: false });
    }
  });

  it("looks for a frequent word's page among the first cases of the order, and reads it whole when they hold too few", async () => {
    // Past a limit of 3, "GK-2025-00004" (cases 40–45) and "申请" (all 45) are frequent: their page is
    // looked for with the LIKE among the first page × pageSize × perRow cases of the order.
    const narrow = { perRow: 1, max: 5_000 };
    const withWindow = (search: string, frequentWordWindow = narrow) =>
      findApplications({ actor: actorC, query: parseCaseListQuery(new URLSearchParams(search)), today: TODAY, calendar, countLimit: 3, frequentWordWindow });
    const exact = (search: string) => listWithLimit(search, 100);
    // The window's 40 cases hold every row of page 2: the page from the window, as read whole.
    const fromWindow = await withWindow("pageSize=20&page=2&sort=caseNumber.asc&q=申请");
    expect(fromWindow.rows).toEqual((await exact("pageSize=20&page=2&sort=caseNumber.asc&q=申请")).rows);
    expect(fromWindow.rows.map((row) => row.caseNumber)).toEqual(Array.from({ length: 20 }, (_, index) => `GK-2025-0000${21 + index}`));
    // The first 20 cases by number hold none of cases 40–45, the first 20 backwards not a full page, a
    // window past `max` is not tried: each page is read whole, the same rows as without a limit.
    for (const [search, window] of [
      ["pageSize=20&sort=caseNumber.asc&q=GK-2025-00004", narrow],
      ["pageSize=20&sort=caseNumber.desc&q=GK-2025-00004", narrow],
      ["pageSize=20&sort=receivedOn.desc&q=申请", { perRow: 20, max: 100 }],
    ] as const) {
      const read = await withWindow(search, window);
      const expected = await exact(search);
      expect(read.rows).toEqual(expected.rows);
      expect(read.rows.length).toBeGreaterThan(0);
      expect(read).toMatchObject({ totalIsLowerBound: true });
    }
  });

  it("reads a frequent single character by walking the sort, with the same pages and totals", async () => {
    // "申" is in all 45 cases. With the table's statistics PostgreSQL estimates its key in more cases
    // than a limit of 10 allows: the character is then tested on the walk of the sort (the LIKE alone),
    // not read first from the index; under a limit of 100 it is read first.
    // ANALYZE needs the table's owner (the app role's would be skipped with a warning). The keys'
    // statistics list their most frequent elements only: with a larger target this organization's keys
    // stay in that list whatever the other test files have added to the table.
    const owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
    await owner.connect();
    try {
      await owner.query(`ALTER INDEX "Application_search_keys_idx" ALTER COLUMN 1 SET STATISTICS 10000`);
      await owner.query(`ANALYZE "Application"`);
    } finally {
      await owner.end();
    }
    const query = parseCaseListQuery(new URLSearchParams("q=申"));
    expect(await readsSearchFirst(actorC, query, 11)).toBe(false);
    expect(await readsSearchFirst(actorC, query, 101)).toBe(true);
    const search = "pageSize=20&page=2&sort=caseNumber.asc";
    const walked = await listWithLimit(`${search}&q=申`, 10);
    expect(walked).toEqual(await listWithLimit(search, 10));
    expect(walked).toMatchObject({ totalIsLowerBound: true, total: 41 });
    expect(walked.rows).toEqual((await listWithLimit(`${search}&q=申`, 100)).rows);
    // A character in none of the organization's cases, under the same limit: nothing, counted exactly.
    expect(await listWithLimit("q=鑫", 10)).toMatchObject({ rows: [], total: 0, totalIsLowerBound: false });
  });

  it("counts exactly a word in more cases than the limit when the other filters keep fewer", async () => {
    // 11 of the 45 cases are 征求意见中 (CONSULTING). With a limit of 11 the search stops after 12 of
    // its 45 matches, of which at most 11 are kept: the count is read again, the other way.
    const narrowed = await listWithLimit("pageSize=20&sort=caseNumber.asc&phase=CONSULTING&q=申请", 11);
    expect(narrowed).toEqual(await listWithLimit("pageSize=20&sort=caseNumber.asc&phase=CONSULTING", 11));
    expect(narrowed).toMatchObject({ total: 11, totalIsLowerBound: false });
    expect(narrowed.rows).toHaveLength(11);
  });

  it("keeps a page beyond the limit reachable, and finds the exact last page for a page past the end", async () => {
    const second = await listWithLimit("pageSize=20&page=2&sort=caseNumber.asc", 10);
    expect(second.rows).toHaveLength(20);
    expect(second).toMatchObject({ page: 2, totalIsLowerBound: true, total: 41 });
    const third = await listWithLimit("pageSize=20&page=3&sort=caseNumber.asc", 10);
    expect(third.rows.map((row) => row.caseNumber)).toEqual(["GK-2025-000041", "GK-2025-000042", "GK-2025-000043", "GK-2025-000044", "GK-2025-000045"]);
    expect(third).toMatchObject({ total: 45, totalIsLowerBound: true });
    const pastTheEnd = await listWithLimit("pageSize=20&page=9&sort=caseNumber.asc", 10);
    expect(pastTheEnd).toMatchObject({ page: 3, total: 45, totalIsLowerBound: false });
    expect(pastTheEnd.rows).toHaveLength(5);
  });
});

describe("findApplicationsForExport", () => {
  function exportQuery(search: string): CaseListQuery {
    return parseCaseListQuery(new URLSearchParams(search));
  }

  it("writes a case with proceedings in the ledger shape", async () => {
    const rows = await findApplicationsForExport({ actor: clerkA, query: exportQuery("q=GK-2024-000012") });
    expect(rows).toEqual([
      {
        申请编号: "GK-2024-000012",
        收到申请日期: "2024-03-18",
        申请方式: "邮寄",
        申请人类型: "法律服务机构",
        申请人: "明理律师事务所",
        证件号码: "31110000MD0123456X",
        联系方式: "021-55550000",
        申请内容: '申请公开"城市更新"项目批复,含附件\n及会议纪要',
        补正告知日期: null,
        补正收到日期: null,
        征求意见日期: null,
        征求意见答复日期: null,
        延期告知日期: "2024-04-08",
        延期工作日数: 10,
        收费方式: "按量",
        收费通知日期: "2024-03-25",
        收费金额: "450.50",
        缴费日期: "2024-03-28",
        办结日期: "2024-04-10",
        办理结果: "危及“三安全一稳定”",
        复议申请日期: "2024-05-06",
        复议结果: "结果维持",
        复议结果日期: "2024-06-20",
        起诉日期: "2024-07-01",
        诉讼类型: "复议后起诉",
        诉讼结果: "结果纠正",
        诉讼结果日期: "2024-10-10",
      },
    ]);
  });

  it("exports every matching case of the organization in the list's order, without paging", async () => {
    const rows = await findApplicationsForExport({ actor: actorC, query: exportQuery("sort=caseNumber.desc&page=2&pageSize=20") });
    expect(rows).toHaveLength(45);
    expect(rows[0]!.申请编号).toBe("GK-2025-000045");
    const open = await findApplicationsForExport({ actor: clerkA, query: exportQuery("status=OPEN") });
    expect(open.every((row) => row.办结日期 === null && row.办理结果 === null)).toBe(true);
    expect(open).toHaveLength(6);
  });

  it("applies the due filters when given today and the calendar", async () => {
    const rows = await findApplicationsForExport({ actor: clerkA, query: exportQuery("due=overdue"), today: TODAY, calendar });
    expect(rows.map((row) => row.申请编号)).toEqual(["GK-2026-000105"]);
  });
});
