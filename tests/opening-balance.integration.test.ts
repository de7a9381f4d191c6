// A bureau's first year (rules.md §7): with 四 of the year before entered as an opening balance, check 3
// of the first year compares 二 with it — failing while the carried-over cases are not in the system,
// passing once they are — and the report page is told which basis it used. Corrections need a reason
// and never overwrite a change made meanwhile; every change is audited.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { registerApplication } from "@/lib/cases/mutations";
import { computeReport } from "@/lib/reports/queries";
import { getCarryOverBasis, getOpeningBalance, removeOpeningBalance, setOpeningBalance } from "@/lib/reports/opening-balance";
import { actorFor, createTestOrganization, createTestUser } from "./factories";

const TODAY = "2026-06-30";
const SOURCE = "《某区司法局2023年政府信息公开工作年度报告》（2024年1月18日发布）";
const ZERO_COUNTS = { natural_person: 0, commercial_enterprise: 0, research_institution: 0, social_welfare_org: 0, legal_service_org: 0, other_org: 0 };

let manager: Actor;
let clerk: Actor;

async function register(applicantType: string, receivedOn: string) {
  return registerApplication({
    actor: clerk,
    input: { applicantType, applicantName: `申请人${receivedOn}`, channel: "ONLINE", receivedOn, requestContent: "申请公开行政执法统计" },
    today: TODAY,
  });
}

const checkOf = async (year: number, rule: string) => (await computeReport({ actor: manager, year })).checks.find((check) => check.rule === rule);

beforeAll(async () => {
  const organization = await createTestOrganization("某区司法局");
  manager = actorFor(await createTestUser({ organizationId: organization.id, role: "MANAGER" }));
  clerk = actorFor(await createTestUser({ organizationId: organization.id, role: "CLERK" }));
  // The first year in the system: 2024. Two applications received in 2024.
  await register("NATURAL_PERSON", "2024-02-05");
  await register("COMMERCIAL_ENTERPRISE", "2024-03-11");
});

describe("opening balance", () => {
  it("without one, check 3 only meets the report's own query, and the page says so", async () => {
    const report = await computeReport({ actor: manager, year: 2024 });
    expect(report.checks.map((check) => check.rule)).toEqual(["balance", "closed_total", "total_column", "carry_over", "appeals_total"]);
    expect(await getCarryOverBasis({ actor: manager, year: 2024 })).toEqual({ kind: "none", previousYear: 2023 });
  });

  it("refuses clerks, and a correction without the version it was loaded with or without a reason", async () => {
    const input = { year: 2023, counts: { ...ZERO_COUNTS, natural_person: 2, other_org: 1 }, source: SOURCE, expectedUpdatedAt: "" };
    await expect(setOpeningBalance({ actor: clerk, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const saved = await setOpeningBalance({ actor: manager, input });
    expect(saved).toMatchObject({ year: 2023, carriedOut: [2, 0, 0, 0, 0, 1, 3], source: SOURCE });

    // A second form opened before the first save: refused, nothing overwritten.
    await expect(setOpeningBalance({ actor: manager, input: { ...input, counts: ZERO_COUNTS } })).rejects.toMatchObject({ code: "CONFLICT" });
    const loaded = saved.updatedAt.toISOString();
    await expect(
      setOpeningBalance({ actor: manager, input: { ...input, counts: { ...ZERO_COUNTS, natural_person: 2 }, expectedUpdatedAt: loaded } }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { reason: ["请填写更正的理由"] } });
    expect((await getOpeningBalance({ actor: manager })).balance?.carriedOut).toEqual([2, 0, 0, 0, 0, 1, 3]);

    const corrected = await setOpeningBalance({
      actor: manager,
      input: { ...input, counts: { ...ZERO_COUNTS, natural_person: 2 }, expectedUpdatedAt: loaded, reason: "其他一栏误录，按原报告更正" },
    });
    expect(corrected.carriedOut).toEqual([2, 0, 0, 0, 0, 0, 2]);
    const audits = await db.auditEvent.findMany({ where: { organizationId: manager.organizationId, entityType: "OpeningBalance" }, orderBy: { createdAt: "asc" } });
    expect(audits.map((audit) => [audit.action, audit.reason])).toEqual([
      ["opening_balance.enter", null],
      ["opening_balance.correct", "其他一栏误录，按原报告更正"],
    ]);
    expect(audits[1]?.before).toMatchObject({ carriedOut: [2, 0, 0, 0, 0, 1, 3] });
    expect(audits[1]?.after).toMatchObject({ carriedOut: [2, 0, 0, 0, 0, 0, 2] });
  });

  it("first year: check 3 fails while 二 differs from the entered 四, and passes when it agrees", async () => {
    expect(await getCarryOverBasis({ actor: manager, year: 2024 })).toEqual({ kind: "opening", previousYear: 2023, source: SOURCE });
    // Against its own query check 3 passes whatever the bureau carried over: that is why the balance is entered.
    expect(await checkOf(2024, "carry_over")).toEqual({ rule: "carry_over", ok: true, detail: "二=2023 年度四（按现有数据生成）：各列均相符" });
    const first = await checkOf(2024, "carry_over_opening");
    expect(first).toEqual({
      rule: "carry_over_opening",
      ok: false,
      detail: `二=期初余额（2023 年度报告的四，来源：${SOURCE}）不成立：自然人 二 0，上年四 2；总计 二 0，上年四 2`,
    });

    // The two applications carried over from 2023 are registered with their receipt dates: 二 agrees.
    await register("NATURAL_PERSON", "2023-11-20");
    await register("NATURAL_PERSON", "2023-12-27");
    const agreed = await checkOf(2024, "carry_over_opening");
    expect(agreed).toEqual({ rule: "carry_over_opening", ok: true, detail: `二=期初余额（2023 年度报告的四，来源：${SOURCE}）：各列均相符` });
    // Only the first year is held against it.
    expect((await computeReport({ actor: manager, year: 2025 })).checks.some((check) => check.rule === "carry_over_opening")).toBe(false);
  });

  it("gives way to a report published in the system, and cannot be entered for a published year", async () => {
    const report = await computeReport({ actor: manager, year: 2023 });
    await db.reportSnapshot.create({
      data: { organizationId: manager.organizationId, year: 2023, version: 1, format: "2021", report: JSON.parse(JSON.stringify(report)), sections: {}, activeDisclosure: {} },
    });
    const checks = (await computeReport({ actor: manager, year: 2024 })).checks.map((check) => check.rule);
    expect(checks).toContain("carry_over_published");
    expect(checks).not.toContain("carry_over_opening");
    expect(await getCarryOverBasis({ actor: manager, year: 2024 })).toEqual({ kind: "published", previousYear: 2023, version: 1 });
    const { balance } = await getOpeningBalance({ actor: manager });
    await expect(
      setOpeningBalance({
        actor: manager,
        input: { year: 2023, counts: ZERO_COUNTS, source: SOURCE, expectedUpdatedAt: balance!.updatedAt.toISOString(), reason: "再次录入" },
      }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("is removed with a reason, and audited", async () => {
    const { balance } = await getOpeningBalance({ actor: manager });
    await expect(removeOpeningBalance({ actor: manager, input: { reason: "", expectedUpdatedAt: balance!.updatedAt.toISOString() } })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await removeOpeningBalance({ actor: manager, input: { reason: "已在系统中发布 2023 年度报告", expectedUpdatedAt: balance!.updatedAt.toISOString() } });
    expect((await getOpeningBalance({ actor: manager })).balance).toBeNull();
    const removal = await db.auditEvent.findFirstOrThrow({ where: { organizationId: manager.organizationId, action: "opening_balance.remove" } });
    expect(removal).toMatchObject({ actorId: manager.userId, reason: "已在系统中发布 2023 年度报告" });
  });
});
