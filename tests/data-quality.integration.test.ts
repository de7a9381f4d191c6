// The data-quality list paged on the server (issue 14): each kind counts all its cases and reads one page
// of them, the kind asked for on the page it asks for; the year's scoping and the organization hold.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { isoDateFromDb } from "@/lib/calendar/dates";
import { db } from "@/lib/db";
import { registerApplication } from "@/lib/cases/mutations";
import { getDataQuality, type DataQualityIssue } from "@/lib/reports/data-quality";
import { actorFor, createTestOrganization, createTestUser } from "./factories";

const TODAY = "2026-11-21";

async function team(name: string) {
  const organization = await createTestOrganization(name);
  const user = async (role: "CLERK" | "MANAGER") => actorFor(await createTestUser({ organizationId: organization.id, role, displayName: role === "CLERK" ? "王登记" : "李负责" }));
  return { clerk: await user("CLERK"), manager: await user("MANAGER") };
}

const register = (actor: Actor, applicantName: string, receivedOn: string) =>
  registerApplication({
    actor,
    input: { applicantType: "NATURAL_PERSON", applicantName, channel: "ONLINE", receivedOn, requestContent: `${applicantName}申请公开执法统计`, applicantContact: "13800000000" },
    today: TODAY,
  });

const overdueOf = (issues: DataQualityIssue[]) => issues.find((issue) => issue.key === "overdue")!;

describe("the data-quality list, paged", () => {
  const overdueCases = 2 * 20 + 3;
  let manager: Actor;
  let otherManager: Actor;
  let ids: string[];

  beforeAll(async () => {
    const own = await team("数据质量分页司法局");
    manager = own.manager;
    // Received in the spring of 2026, none answered: all overdue by November.
    ids = [];
    for (let index = 0; index < overdueCases; index += 1) {
      const day = String(1 + (index % 28)).padStart(2, "0");
      const month = String(3 + Math.floor(index / 28)).padStart(2, "0");
      ids.push((await register(own.clerk, `逾期${index}`, `2026-${month}-${day}`)).id);
    }
    const other = await team("数据质量分页另一司法局");
    otherManager = other.manager;
    await register(other.clerk, "别家逾期", "2026-03-02");
  });

  it("counts every flagged case and pages them in due-date order, the asked page of the asked kind only", async () => {
    const first = await getDataQuality({ actor: manager, year: 2026, today: TODAY });
    const overdue = overdueOf(first);
    expect(overdue.count).toBe(overdueCases);
    expect(overdue).toMatchObject({ page: 1 });
    expect(overdue.cases).toHaveLength(overdue.pageSize);

    const pages = [overdue];
    for (let page = 2; page <= Math.ceil(overdueCases / overdue.pageSize); page += 1) {
      pages.push(overdueOf(await getDataQuality({ actor: manager, year: 2026, today: TODAY, requested: { key: "overdue", page } })));
    }
    const listed = pages.flatMap((issue) => issue.cases);
    expect(pages.at(-1)!.cases).toHaveLength(overdueCases % overdue.pageSize);
    expect(new Set(listed.map((item) => item.id))).toEqual(new Set(ids));
    expect(listed).toHaveLength(overdueCases);
    // Pages in the order of the due dates (the notes say them), each case once.
    const dueDates = await db.application.findMany({ where: { id: { in: ids } }, select: { id: true, dueOn: true } });
    const dueOf = new Map(dueDates.map((row) => [row.id, isoDateFromDb(row.dueOn!)]));
    const listedDues = listed.map((item) => dueOf.get(item.id)!);
    expect(listedDues).toEqual([...listedDues].sort());
    expect(listed.map((item) => item.note)).toEqual(listedDues.map((due) => `截止 ${due}`));

    // Another kind's page number does not move this kind; a page past the end shows the last page.
    const otherKind = await getDataQuality({ actor: manager, year: 2026, today: TODAY, requested: { key: "fee-lapsed", page: 3 } });
    expect(overdueOf(otherKind).cases).toEqual(overdue.cases);
    const pastTheEnd = overdueOf(await getDataQuality({ actor: manager, year: 2026, today: TODAY, requested: { key: "overdue", page: 99 } }));
    expect(pastTheEnd).toMatchObject({ page: pages.length, cases: pages.at(-1)!.cases });
  });

  it("keeps to the year's report and to the actor's organization", async () => {
    const before = await getDataQuality({ actor: manager, year: 2025, today: TODAY });
    expect(overdueOf(before)).toMatchObject({ count: 0, cases: [] });
    const other = overdueOf(await getDataQuality({ actor: otherManager, year: 2026, today: TODAY, requested: { key: "overdue", page: 2 } }));
    expect(other).toMatchObject({ count: 1, page: 1 });
    expect(other.cases.map((item) => item.id).some((id) => ids.includes(id))).toBe(false);
  });
});
