// Registration against the real database: case numbering, the statutory clock, refusals, and the hints
// the registration form shows (earlier applications, the month's 按件 count, similar requests), always
// within the actor's own organization.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { isoDateFromDb } from "@/lib/calendar/dates";
import { registerApplication } from "@/lib/cases/mutations";
import { getRegistrationHints } from "@/lib/cases/registration-queries";
import { findCaseHandlerOptions } from "@/lib/cases/queries";
import { actorFor, createTestOrganization, createTestUser } from "./factories";

const TODAY = "2026-06-30";

function applicationInput(overrides: Record<string, string> = {}) {
  return {
    applicantType: "NATURAL_PERSON",
    applicantName: "张三",
    channel: "IN_PERSON",
    receivedOn: "2026-03-02",
    requestContent: "请公开本局2025年度行政处罚案件的数量统计",
    ...overrides,
  };
}

async function register(actor: Actor, overrides: Record<string, string> = {}, today = TODAY) {
  return registerApplication({ actor, input: applicationInput(overrides), today });
}

async function newOrganizationClerk(name: string): Promise<Actor> {
  const organization = await createTestOrganization(name);
  return actorFor(await createTestUser({ organizationId: organization.id, role: "CLERK" }));
}

describe("registerApplication", () => {
  it("numbers cases per organization and year of receipt", async () => {
    const clerkA = await newOrganizationClerk("甲区教育局");
    const clerkB = await newOrganizationClerk("乙区教育局");

    expect((await register(clerkA)).caseNumber).toBe("GK-2026-000001");
    expect((await register(clerkA, { receivedOn: "2026-03-03" })).caseNumber).toBe("GK-2026-000002");
    // A receipt date in another year starts that year's sequence at 1.
    expect((await register(clerkA, { receivedOn: "2025-12-30" })).caseNumber).toBe("GK-2025-000001");
    expect((await register(clerkA, { receivedOn: "2026-03-04" })).caseNumber).toBe("GK-2026-000003");
    // Another organization has its own sequence.
    const firstOfB = await register(clerkB);
    expect(firstOfB.caseNumber).toBe("GK-2026-000001");

    const stored = await db.application.findUniqueOrThrow({ where: { id: firstOfB.id } });
    expect(stored).toMatchObject({ organizationId: clerkB.organizationId, caseYear: 2026, caseSequence: 1 });
  });

  it("computes the due date from the receipt date and assigns the registering user by default", async () => {
    const clerk = await newOrganizationClerk("丙区民政局");
    // 2026-02-13 (Friday before the Spring Festival holiday) + 20 working days = 2026-03-19.
    const { id } = await register(clerk, { receivedOn: "2026-02-13" }, "2026-02-13");

    const stored = await db.application.findUniqueOrThrow({ where: { id } });
    expect(isoDateFromDb(stored.receivedOn)).toBe("2026-02-13");
    expect(stored.dueOn && isoDateFromDb(stored.dueOn)).toBe("2026-03-19");
    expect(stored).toMatchObject({ status: "OPEN", clockPhase: "RUNNING", handlerId: clerk.userId, registeredById: clerk.userId });

    const audit = await db.auditEvent.findFirst({ where: { entityType: "Application", entityId: id, action: "application.register" } });
    expect(audit?.organizationId).toBe(clerk.organizationId);
  });

  it("lets a manager assign the chosen handler of the same organization, and a clerk only themselves", async () => {
    const clerk = await newOrganizationClerk("丁区卫健委");
    const manager = actorFor(await createTestUser({ organizationId: clerk.organizationId, role: "MANAGER" }));
    const { id } = await register(manager, { handlerId: clerk.userId });
    expect((await db.application.findUniqueOrThrow({ where: { id } })).handlerId).toBe(clerk.userId);
    await expect(register(clerk, { handlerId: manager.userId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.application.count({ where: { organizationId: clerk.organizationId } })).toBe(1);
  });

  it("refuses a receipt date after today, in Chinese, and writes nothing", async () => {
    const clerk = await newOrganizationClerk("戊区住建局");
    await expect(register(clerk, { receivedOn: "2026-02-14" }, "2026-02-13")).rejects.toMatchObject({
      code: "VALIDATION",
      message: "收到申请日期不能晚于今天",
      fieldErrors: { receivedOn: ["收到申请日期不能晚于今天"] },
    });
    expect(await db.application.count({ where: { organizationId: clerk.organizationId } })).toBe(0);
  });

  it("refuses a handler from another organization or a disabled one, and does not use up a case number", async () => {
    const clerk = await newOrganizationClerk("己区财政局");
    const manager = actorFor(await createTestUser({ organizationId: clerk.organizationId, role: "MANAGER" }));
    const outsider = await newOrganizationClerk("庚区财政局");
    const disabledColleague = await createTestUser({ organizationId: clerk.organizationId, role: "CLERK" });
    await db.user.update({ where: { id: disabledColleague.id }, data: { active: false } });

    for (const handlerId of [outsider.userId, disabledColleague.id]) {
      await expect(register(manager, { handlerId })).rejects.toMatchObject({
        code: "VALIDATION",
        message: "经办人不存在或已停用",
        fieldErrors: { handlerId: ["请选择本单位启用中的用户"] },
      });
    }
    expect(await db.application.count({ where: { organizationId: clerk.organizationId } })).toBe(0);
    expect((await register(clerk)).caseNumber).toBe("GK-2026-000001");
  });

  it("refuses an incomplete application with Chinese field messages", async () => {
    const clerk = await newOrganizationClerk("辛区交通局");
    await expect(
      registerApplication({ actor: clerk, input: { applicantName: "", requestContent: "", receivedOn: "2026-03-02" }, today: TODAY }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        applicantType: ["请选择申请人类型"],
        applicantName: ["请填写申请人姓名或名称"],
        channel: ["请选择申请方式"],
        requestContent: ["请填写申请公开的政府信息内容"],
      },
    });
  });
});

describe("getRegistrationHints", () => {
  let clerkA: Actor;
  let clerkB: Actor;

  beforeAll(async () => {
    clerkA = await newOrganizationClerk("甲市自然资源局");
    clerkB = await newOrganizationClerk("乙市自然资源局");
  });

  it("finds the applicant's earlier applications by ID number, newest first, whatever the name", async () => {
    const idNumber = "11010519491231002X";
    const older = await register(clerkA, { applicantName: "赵六", applicantIdNumber: idNumber, receivedOn: "2026-01-05" });
    const newer = await register(clerkA, {
      applicantName: "赵 六",
      applicantIdNumber: idNumber,
      receivedOn: "2026-02-02",
      requestContent: "请公开某某路段拓宽工程的规划许可证及附图，以及该工程涉及的征收补偿方案全文",
    });
    // Same name, no ID number: not the same applicant when an ID number is given.
    await register(clerkA, { applicantName: "赵六", receivedOn: "2026-02-03" });

    const hints = await getRegistrationHints({ actor: clerkA, applicantName: "赵六", applicantIdNumber: idNumber.toLowerCase() });
    expect(hints.matchedBy).toBe("ID_NUMBER");
    expect(hints.earlierApplications.map((application) => application.id)).toEqual([newer.id, older.id]);
    const [newest] = hints.earlierApplications;
    expect(newest).toMatchObject({ caseNumber: newer.caseNumber, receivedOn: "2026-02-02", status: "OPEN", outcomeLabel: null });
    expect(newest?.requestExcerpt).toBe("请公开某某路段拓宽工程的规划许可证及附图，以及该工程涉及的征收补偿方案全文");
    // Without a receipt date there is no month to count.
    expect(hints.monthCount).toBeNull();
  });

  it("finds the applicant's earlier applications by exact name when no ID number is given", async () => {
    const first = await register(clerkA, { applicantName: "钱七律师事务所", applicantType: "LEGAL_SERVICE_ORG", receivedOn: "2026-04-01" });
    await register(clerkA, { applicantName: "钱七", receivedOn: "2026-04-02" });

    const hints = await getRegistrationHints({ actor: clerkA, applicantName: " 钱七律师事务所 " });
    expect(hints.matchedBy).toBe("NAME");
    expect(hints.earlierApplications.map((application) => application.id)).toEqual([first.id]);
  });

  it("cuts long requests to 60 characters with an ellipsis", async () => {
    const longRequest = "关于".concat("城市更新项目资金安排".repeat(10));
    await register(clerkA, { applicantName: "孙八", receivedOn: "2026-04-03", requestContent: longRequest });
    const hints = await getRegistrationHints({ actor: clerkA, applicantName: "孙八" });
    expect(hints.earlierApplications[0]?.requestExcerpt).toBe(`${longRequest.slice(0, 60)}…`);
  });

  it("counts the applicant's applications in the month of receipt and gives the tier of the next one", async () => {
    const applicant = { applicantName: "周九", applicantIdNumber: "91110000100000000K" };
    // Outside the month: not counted.
    await register(clerkA, { ...applicant, receivedOn: "2026-04-30" });
    await register(clerkA, { ...applicant, receivedOn: "2026-06-01" });
    for (let day = 1; day <= 9; day += 1) {
      await register(clerkA, { ...applicant, receivedOn: `2026-05-${String(day).padStart(2, "0")}`, requestContent: `第 ${day} 件申请的内容` });
    }

    const tenth = await getRegistrationHints({ actor: clerkA, ...applicant, receivedOn: "2026-05-20" });
    expect(tenth.monthCount).toEqual({
      month: "2026-05",
      registeredCount: 9,
      nextOrdinal: 10,
      nextFee: 0,
      nextTierLabel: "本月第 10 件，免费（前 10 件）",
      reachesPaidTier: false,
    });

    await register(clerkA, { ...applicant, receivedOn: "2026-05-28" });
    await register(clerkA, { ...applicant, receivedOn: "2026-05-31" });
    const twelfth = await getRegistrationHints({ actor: clerkA, ...applicant, receivedOn: "2026-05-20" });
    expect(twelfth.monthCount).toMatchObject({
      registeredCount: 11,
      nextOrdinal: 12,
      nextFee: 100,
      nextTierLabel: "本月第 12 件，按件计收 100 元",
      reachesPaidTier: true,
    });

    // Another organization's applications of the same applicant do not count.
    await register(clerkB, { ...applicant, receivedOn: "2026-05-10" });
    const seenByB = await getRegistrationHints({ actor: clerkB, ...applicant, receivedOn: "2026-05-20" });
    expect(seenByB.monthCount).toMatchObject({ registeredCount: 1, nextOrdinal: 2, reachesPaidTier: false });
  });

  it("finds similar requests from any applicant, most similar first", async () => {
    const request = "请公开2025年本区老旧小区改造项目的资金使用情况和招标文件";
    const similar = await register(clerkA, { applicantName: "吴十", receivedOn: "2026-03-10", requestContent: request });
    await register(clerkA, { applicantName: "郑十一", receivedOn: "2026-03-11", requestContent: "请提供本区2024年度财政预算执行情况的审计报告" });

    const hints = await getRegistrationHints({
      actor: clerkA,
      applicantName: "王十二",
      requestContent: "请公开2025年本区老旧小区改造项目的资金使用情况",
    });
    expect(hints.similarSearched).toBe(true);
    expect(hints.similarRequests[0]).toMatchObject({ id: similar.id, applicantName: "吴十", receivedOn: "2026-03-10" });
    expect(hints.similarRequests[0]?.similarity).toBeGreaterThan(0.3);
    expect(hints.similarRequests.length).toBeLessThanOrEqual(5);
    expect(hints.earlierApplications).toEqual([]);
  });

  it("lists the same similar requests, in the same order, as comparing every request of the organization would", async () => {
    // The statement walks the GiST index nearest first and stops after five (ADR 0077); the oracle
    // compares every request. Word-for-word duplicates on different dates tie on similarity: the newest first.
    const clerk = await newOrganizationClerk("相似申请核对局");
    const other = await newOrganizationClerk("相似申请他局");
    const query = "申请公开2025年度政府采购合同及验收报告";
    const texts = [
      [query, "2026-01-05"],
      [query, "2026-03-05"],
      [query, "2026-02-05"],
      ["申请公开2025年度政府采购合同", "2026-01-06"],
      ["申请公开2024年度政府采购合同及验收报告", "2026-01-07"],
      ["申请公开2025年度行政处罚决定书", "2026-01-08"],
      ["申请公开2025年度政府采购意向公告", "2026-01-09"],
      ["请提供本区老旧小区改造项目的资金使用情况", "2026-01-10"],
      ["申请公开2023年度政府采购合同及验收报告的附件", "2026-01-11"],
    ] as const;
    for (const [requestContent, receivedOn] of texts) await register(clerk, { applicantName: "核对人", requestContent, receivedOn });
    await register(other, { applicantName: "他局人", requestContent: query, receivedOn: "2026-04-01" });

    const hints = await getRegistrationHints({ actor: clerk, applicantName: "新申请人", requestContent: query });
    const oracle = await db.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "Application"
      WHERE "organizationId" = ${clerk.organizationId} AND "voidedAt" IS NULL AND similarity("requestContent", ${query}) > 0.3
      ORDER BY similarity("requestContent", ${query}) DESC, "receivedOn" DESC, "id" LIMIT 5`;
    expect(oracle).toHaveLength(5);
    expect(hints.similarRequests.map((request) => request.id)).toEqual(oracle.map((row) => row.id));
    expect(hints.similarRequests.slice(0, 3).map((request) => request.receivedOn)).toEqual(["2026-03-05", "2026-02-05", "2026-01-05"]);
  });

  it("does not look for similar requests in a text shorter than 4 characters, nor for anything in an empty form", async () => {
    const short = await getRegistrationHints({ actor: clerkA, requestContent: "请公开" });
    expect(short).toEqual({ matchedBy: null, earlierApplications: [], similarSearched: false, similarRequests: [], monthCount: null });
    const empty = await getRegistrationHints({ actor: clerkA, applicantName: "  ", applicantIdNumber: "", requestContent: "", receivedOn: "" });
    expect(empty).toEqual(short);
  });

  it("never returns another organization's cases", async () => {
    const request = "请公开本市2026年度土地征收成片开发方案及批准文件";
    const idNumber = "110101199001011234";
    const ofB = await register(clerkB, { applicantName: "冯十三", applicantIdNumber: idNumber, receivedOn: "2026-03-12", requestContent: request });
    const idsOfB = new Set((await db.application.findMany({ where: { organizationId: clerkB.organizationId }, select: { id: true } })).map((row) => row.id));
    expect(idsOfB.has(ofB.id)).toBe(true);

    const byId = await getRegistrationHints({ actor: clerkA, applicantName: "冯十三", applicantIdNumber: idNumber, requestContent: request, receivedOn: "2026-03-20" });
    const byName = await getRegistrationHints({ actor: clerkA, applicantName: "冯十三", requestContent: request, receivedOn: "2026-03-20" });
    for (const hints of [byId, byName]) {
      const returnedIds = [...hints.earlierApplications, ...hints.similarRequests].map((application) => application.id);
      expect(returnedIds.filter((id) => idsOfB.has(id))).toEqual([]);
      expect(hints.monthCount?.registeredCount).toBe(0);
    }

    // Organization B itself sees its case.
    const seenByB = await getRegistrationHints({ actor: clerkB, applicantIdNumber: idNumber, requestContent: request });
    expect(seenByB.earlierApplications.map((application) => application.id)).toEqual([ofB.id]);
    expect(seenByB.similarRequests.map((application) => application.id)).toContain(ofB.id);
  });
});

describe("findCaseHandlerOptions", () => {
  it("lists the active users of the actor's organization only", async () => {
    const clerk = await newOrganizationClerk("壬区审计局");
    const manager = await createTestUser({ organizationId: clerk.organizationId, role: "MANAGER", displayName: "李科长" });
    const disabled = await createTestUser({ organizationId: clerk.organizationId, role: "CLERK" });
    await db.user.update({ where: { id: disabled.id }, data: { active: false } });
    const outsider = await newOrganizationClerk("癸区审计局");

    const handlers = await findCaseHandlerOptions({ actor: clerk });
    expect(handlers.map((handler) => handler.id).sort()).toEqual([clerk.userId, manager.id].sort());
    expect(handlers.find((handler) => handler.id === manager.id)).toEqual({ id: manager.id, displayName: "李科长", role: "MANAGER" });
    expect(handlers.some((handler) => handler.id === outsider.userId)).toBe(false);
  });
});
