// Issue 13 against the real database: an imported case without a handler is on every manager's 工作台
// and in their notifications right after the import (not at the scheduler's next hourly run), and the
// time an imported step was recorded reads as the Beijing clock, with this process in UTC.
process.env.TZ = "UTC";

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findCaseAuditLog } from "@/lib/audit/queries";
import { loadWorkCalendar } from "@/lib/calendar/queries";
import { importLedger } from "@/lib/cases/ledger-import-store";
import { getApplication } from "@/lib/cases/case-detail";
import { getWorkbench } from "@/lib/dashboard/queries";
import { formatDateTime } from "@/lib/format";
import { listNotifications } from "@/lib/notifications/queries";
import { todayInShanghai } from "@/lib/today";
import { actorFor, createTestOrganization, createTestUser } from "./factories";

const HEADER =
  "申请编号,收到申请日期,申请方式,申请人类型,申请人,证件号码,联系方式,申请内容,补正告知日期,补正收到日期,征求意见日期,征求意见答复日期,延期告知日期,延期工作日数,收费方式,收费通知日期,收费金额,缴费日期,办结日期,办理结果,复议申请日期,复议结果,复议结果日期,起诉日期,诉讼类型,诉讼结果,诉讼结果日期";

function ledger(rows: string[]): Uint8Array {
  return new TextEncoder().encode(`${HEADER}\n${rows.join("\n")}\n`);
}

/** "2026-12-02 04:27" for an instant, computed by hand (UTC + 8 hours), not through lib/format. */
function beijingClock(instant: number): string {
  return new Date(instant + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
}

describe("imported cases without a handler", () => {
  it("are on every manager's 工作台 and in their notifications at once; steps read in Beijing time", async () => {
    expect(new Date(Date.UTC(2026, 0, 1)).getHours()).toBe(0); // this process runs in UTC
    const today = todayInShanghai();
    const year = Number(today.slice(0, 4));
    const organization = await createTestOrganization("未分配测试局");
    const manager = actorFor(await createTestUser({ organizationId: organization.id, role: "MANAGER" }));
    const otherManager = actorFor(await createTestUser({ organizationId: organization.id, role: "MANAGER" }));
    const clerk = actorFor(await createTestUser({ organizationId: organization.id, role: "CLERK" }));

    // Received 100 days ago, a consultation answered, never closed: overdue. Received today: not due yet, still unassigned.
    const old = new Date(Date.UTC(year, Number(today.slice(5, 7)) - 1, 1) - 100 * 86_400_000).toISOString().slice(0, 10);
    const plus = (days: number) => new Date(Date.parse(old) + days * 86_400_000).toISOString().slice(0, 10);
    const oldNumber = `GK-${old.slice(0, 4)}-900001`;
    const freshNumber = `GK-${year}-900002`;
    const before = Date.now();
    const result = await importLedger({
      organizationCode: organization.code,
      file: {
        name: "unassigned.csv",
        bytes: ledger([
          `${oldNumber},${old},邮寄,自然人,陈未分,,,申请公开某项目批复文件,,,${plus(3)},${plus(10)},,,,,,,,,,,,,,,`,
          `${freshNumber},${today},网络,自然人,林新到,,,申请公开某年度预算,,,,,,,,,,,,,,,,,,,`,
        ]),
      },
      today,
    });
    const after = Date.now();
    expect(result.ok ? result.importedCount : result.errors).toBe(2);

    const calendar = await loadWorkCalendar();
    for (const actor of [manager, otherManager]) {
      const workbench = await getWorkbench({ actor, today, calendar });
      expect(workbench.unassigned?.lines.map((line) => line.caseNumber)).toEqual([oldNumber, freshNumber]);
      expect(workbench.unassigned?.lines[0]?.workdaysLeft).toBeLessThan(0);
      const notifications = await listNotifications({ actor, filter: "unread", page: 1 });
      const kinds = notifications.rows.map((row) => `${row.kind} ${row.caseNumber}`).sort();
      expect(kinds).toEqual([`OVERDUE ${oldNumber}`, `UNASSIGNED ${oldNumber}`, `UNASSIGNED ${freshNumber}`]);
    }
    // A clerk's 工作台 has no 未分配 list, and the clerk hears nothing of cases that are not theirs.
    expect((await getWorkbench({ actor: clerk, today, calendar })).unassigned).toBeNull();
    expect((await listNotifications({ actor: clerk, filter: "all", page: 1 })).total).toBe(0);

    // The imported step ("收到申请") and its audit entry read as the Beijing clock of the import.
    const application = await db.application.findFirstOrThrow({ where: { organizationId: organization.id, caseNumber: oldNumber }, select: { id: true } });
    const detail = await getApplication({ actor: manager, applicationId: application.id, today });
    const recorded = formatDateTime(detail.events[0]!.createdAt);
    expect([beijingClock(before), beijingClock(after)]).toContain(recorded);
    const audit = await findCaseAuditLog({ actor: manager, applicationId: application.id });
    expect([beijingClock(before), beijingClock(after)]).toContain(formatDateTime(audit[0]!.createdAt));
  });
});
