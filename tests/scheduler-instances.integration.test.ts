// Two app instances on one database (issue 9, item 9): their schedulers, released at the same moment,
// elect one runner through the PostgreSQL advisory lock, so every alert exists once and each user who
// asked for the daily digest receives one email; later checks of either instance send nothing more.
// Each instance has its own scheduler state and its own connection for the election, as two servers do.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { useDatabaseUrl } from "../lib/env";

Object.assign(process.env, { SMTP_HOST: "127.0.0.1", SMTP_FROM: "政务公开办 <gongkai@example.gov.cn>" });
useDatabaseUrl(inject("databaseUrl"));
const { db } = await import("../lib/db");
const { createSchedulerState, runSchedulerPass } = await import("../lib/notifications/scheduler");
const { createTestOrganization, createTestUser } = await import("./factories");
type DigestMessage = import("../lib/notifications/digest").DigestMessage;

/** 09:30 in Beijing, after the digest hour, on a day no other test file uses. */
const NOW = new Date("2030-06-03T01:30:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

let organizationId: string;
let recipients: string[];

beforeAll(async () => {
  const organization = await createTestOrganization("双实例测试局");
  organizationId = organization.id;
  const manager = await createTestUser({ organizationId, role: "MANAGER" });
  const clerk = await createTestUser({ organizationId, role: "CLERK" });
  recipients = [`manager-${organizationId}@example.gov.cn`, `clerk-${organizationId}@example.gov.cn`];
  await db.user.update({ where: { id: manager.id }, data: { email: recipients[0], emailDigest: true } });
  await db.user.update({ where: { id: clerk.id }, data: { email: recipients[1], emailDigest: true } });
  for (const [index, dueOn] of ["2030-05-20", "2030-06-04", "2030-05-28"].entries()) {
    await db.application.create({
      data: {
        organizationId,
        caseNumber: `SI-${index + 1}`,
        caseYear: 2030,
        caseSequence: index + 1,
        receivedOn: day("2030-05-06"),
        channel: "ONLINE",
        applicantType: "NATURAL_PERSON",
        applicantName: "李明",
        requestContent: "申请公开本机关年度部门预算",
        handlerId: clerk.id,
        dueOn: day(dueOn),
      },
    });
  }
});

function instance() {
  const sent: DigestMessage[] = [];
  return { state: createSchedulerState(), sent, transport: { sendMail: async (message: DigestMessage) => void sent.push(message) } };
}

describe("two instances' schedulers released together", () => {
  const first = instance();
  const second = instance();
  let results: string[];

  beforeAll(async () => {
    results = await Promise.all([first, second].map((one) => runSchedulerPass({ state: one.state, now: NOW, transport: one.transport })));
  });

  it("elect one runner", () => {
    expect(results.sort()).toEqual(["not_elected", "ran"]);
  });

  it("create each alert once", async () => {
    const alerts = await db.notification.findMany({ where: { organizationId }, select: { userId: true, dedupeKey: true } });
    expect(alerts.length).toBeGreaterThanOrEqual(4);
    expect(new Set(alerts.map((alert) => `${alert.userId} ${alert.dedupeKey}`)).size).toBe(alerts.length);
  });

  it("send one digest to each recipient", async () => {
    const ours = [...first.sent, ...second.sent].filter((message) => recipients.includes(message.to));
    expect(ours.map((message) => message.to).sort()).toEqual([...recipients].sort());
    expect(await db.notification.count({ where: { organizationId, emailedAt: null } })).toBe(0);
  });

  it("send nothing more when the other instance's next check comes", async () => {
    const before = await db.notification.count({ where: { organizationId } });
    const later = new Date(NOW.getTime() + 6 * 60 * 1000);
    for (const one of [first, second]) await runSchedulerPass({ state: one.state, now: later, transport: one.transport });
    const ours = [...first.sent, ...second.sent].filter((message) => recipients.includes(message.to));
    expect(ours).toHaveLength(recipients.length);
    expect(await db.notification.count({ where: { organizationId } })).toBe(before);
  });
});
