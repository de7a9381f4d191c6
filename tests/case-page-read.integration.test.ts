// The case page's read (lib/cases/case-detail.ts) goes straight to the pool instead of through Prisma
// (ADR 0095). Against the real database: it gives exactly what Prisma's include gives for a case with
// every kind of related row (events with who recorded them, a corrected event, proceedings with their
// instances, fee amounts, the voiding user), and never another organization's case.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { addProceeding } from "@/lib/appeals/mutations";
import { getApplication } from "@/lib/cases/case-detail";
import { recordCaseEvent, registerApplication, voidApplication } from "@/lib/cases/mutations";
import { ACTIVE_EVENTS_ORDER } from "@/lib/cases/persistence";
import { actorFor, createTestOrganization, createTestUser } from "./factories";

const TODAY = "2026-11-21";

async function team(name: string) {
  const organization = await createTestOrganization(name);
  const user = async (role: "CLERK" | "MANAGER", displayName: string) => actorFor(await createTestUser({ organizationId: organization.id, role, displayName }));
  return { clerk: await user("CLERK", "读取登记员"), manager: await user("MANAGER", "读取负责人") };
}

/** The case as Prisma's include read it before ADR 0095. */
function prismaRead(id: string) {
  return db.application.findFirstOrThrow({
    where: { id },
    include: {
      organization: { select: { feeStopsClock: true } },
      events: { orderBy: ACTIVE_EVENTS_ORDER, include: { recordedBy: { select: { displayName: true } } } },
      proceedings: { orderBy: [{ filedOn: "asc" }, { createdAt: "asc" }], include: { instances: { orderBy: { position: "asc" } } } },
      handler: { select: { id: true, displayName: true } },
      registeredBy: { select: { displayName: true } },
      voidedBy: { select: { displayName: true } },
    },
  });
}

describe("the case page's read", () => {
  let clerk: Actor;
  let manager: Actor;
  let other: Actor;
  beforeAll(async () => {
    ({ clerk, manager } = await team("案件读取司法局"));
    ({ clerk: other } = await team("案件读取另一司法局"));
  });

  it("gives the case with its events, proceedings, instances, fees and people as Prisma's include does", async () => {
    const { id } = await registerApplication({
      actor: clerk,
      input: { applicantType: "NATURAL_PERSON", applicantName: "读取甲", channel: "ONLINE", receivedOn: "2025-01-06", requestContent: "申请公开读取测试文件", applicantContact: "13800000000" },
      today: TODAY,
    });
    await recordCaseEvent({
      actor: clerk,
      applicationId: id,
      input: { type: "DECISION_SERVED", occurredOn: "2025-01-20", details: { serviceMethod: "邮寄", items: [{ description: "全部", disposition: "WITHHELD_THIRD_PARTY_RIGHTS" }] } },
      expectedVersion: null,
      today: TODAY,
    });
    await addProceeding({
      actor: clerk,
      applicationId: id,
      input: {
        kind: "LITIGATION",
        route: "DIRECT",
        filedOn: "2025-03-03",
        instances: [
          { level: "FIRST", filedOn: "2025-03-03", disposition: "REVOKE", decidedOn: "2025-09-01" },
          { level: "SECOND", filedOn: "2025-09-10" },
        ],
      },
    });
    await addProceeding({ actor: clerk, applicationId: id, input: { kind: "RECONSIDERATION", filedOn: "2025-02-10", disposition: "UPHOLD", decidedOn: "2025-03-01" } });
    await db.application.update({ where: { id }, data: { feeAmount: "12.50", feePaidAmount: "7.05" } });

    const detail = await getApplication({ actor: clerk, applicationId: id, today: TODAY });
    const expected = await prismaRead(id);
    expect(detail.application).toEqual(expected);
    expect(detail.application.feeAmount?.toString()).toBe("12.5");
    expect(detail.application.events.map((event) => event.recordedBy?.displayName)).toEqual(expected.events.map(() => "读取登记员"));
    expect(detail.application.proceedings.map((proceeding) => proceeding.instances.length)).toEqual([0, 2]);
    expect(detail.application.receivedOn).toEqual(new Date("2025-01-06T00:00:00Z"));

    await voidApplication({ actor: manager, applicationId: id, reason: "重复登记", expectedVersion: null });
    const voided = await getApplication({ actor: manager, applicationId: id, today: TODAY });
    expect(voided.application).toEqual(await prismaRead(id));
    expect(voided.application.voidedBy).toEqual({ displayName: "读取负责人" });
    expect(voided.application.voidedAt).toBeInstanceOf(Date);
  });

  it("never reads another organization's case", async () => {
    const { id } = await registerApplication({
      actor: clerk,
      input: { applicantType: "NATURAL_PERSON", applicantName: "读取乙", channel: "ONLINE", receivedOn: "2026-11-02", requestContent: "申请公开另一读取测试文件", applicantContact: "13800000000" },
      today: TODAY,
    });
    await expect(getApplication({ actor: other, applicationId: id, today: TODAY })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
