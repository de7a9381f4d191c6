// Issue 10 against the real database: the national calendar is the operators' alone, API tokens read
// their own organization and stop when revoked, a CSV export neutralizes formulas and imports back
// unchanged, passwords an administrator set must be changed, and changing one's own password or
// second factor ends the other sessions.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changeOwnPassword, confirmSecondFactorEnrolment, startSecondFactorEnrolment } from "@/lib/account/mutations";
import { getOwnAccount } from "@/lib/account/queries";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/mutations";
import type { SignedIn } from "@/lib/auth/session";
import { createSession, resolveSession } from "@/lib/auth/sessions";
import { totpCode } from "@/lib/auth/totp";
import { setCalendarDay, setCalendarYearConfirmed } from "@/lib/calendar/mutations";
import { findCalendarChanges } from "@/lib/calendar/queries";
import { ledgerToCsv } from "@/lib/cases/export";
import { importLedger } from "@/lib/cases/ledger-import-store";
import { DEFAULT_CASE_LIST_QUERY } from "@/lib/cases/list-schemas";
import { registerApplication } from "@/lib/cases/mutations";
import { findApplicationsForExport } from "@/lib/cases/queries";
import { createOrganizationWithAdmin } from "@/lib/organizations/mutations";
import { createUser, resetUserPassword } from "@/lib/users/mutations";
import { GET as getReport } from "@/app/api/v1/orgs/[code]/reports/[year]/route";
import { actorFor, createTestOperator, createTestOrganization, createTestUser, operatorActorFor, uniqueSuffix } from "./factories";

const TODAY = "2026-11-21";
const context = { ip: "198.51.100.4", userAgent: "Vitest/1.0" };

function signedInAs(principal: SignedIn["principal"], sessionId: string): SignedIn {
  return { principal, sessionId, pending: null, totpEnrolled: false, totpRequired: false };
}

describe("the national calendar", () => {
  it("refuses an organization's administrator and lets an operator change it, with who and when on record", async () => {
    const organization = await createTestOrganization();
    const admin = actorFor(await createTestUser({ organizationId: organization.id, role: "ADMIN" }));
    const operatorUser = await createTestOperator({ displayName: "系统管理员甲" });
    const operator = operatorActorFor(operatorUser);

    await expect(setCalendarDay({ actor: admin, input: { date: "2031-01-02", kind: "HOLIDAY", note: "元旦" }, today: TODAY })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setCalendarYearConfirmed({ actor: admin, input: { year: 2031, confirmed: true }, today: TODAY })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.calendarDay.count({ where: { date: new Date("2031-01-02T00:00:00Z") } })).toBe(0);

    await setCalendarDay({ actor: operator, input: { date: "2031-01-02", kind: "HOLIDAY", note: "元旦" }, today: TODAY });
    await setCalendarYearConfirmed({ actor: operator, input: { year: 2031, confirmed: true, source: "国务院办公厅关于2031年部分节假日安排的通知" }, today: TODAY });

    const changes = await findCalendarChanges({ actor: admin, year: 2031 });
    expect(changes.map((change) => [change.action, change.entityId, change.actor?.displayName])).toEqual([
      ["calendar.confirm_year", "2031", "系统管理员甲"],
      ["calendar.set_day", "2031-01-02", "系统管理员甲"],
    ]);
    // Each change replays every open case of the installation: slow on a loaded machine.
  }, 120_000);

  it("lets only an operator create an organization, with its first administrator who must change the password", async () => {
    const organization = await createTestOrganization();
    const admin = actorFor(await createTestUser({ organizationId: organization.id, role: "ADMIN" }));
    const operator = operatorActorFor(await createTestOperator());
    const code = `new-${uniqueSuffix()}`;
    const input = { code, name: "新建测试局", requireTotp: true, adminUsername: `adm-${code}`, adminDisplayName: "首位管理员", adminPassword: "First-admin-pass-7" };

    // @ts-expect-error an organization's administrator is not an operator
    await expect(createOrganizationWithAdmin({ operator: admin, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { organization: created, admin: firstAdmin } = await createOrganizationWithAdmin({ operator, input });
    expect(created.requireTotp).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { id: firstAdmin.id } })).toMatchObject({ role: "ADMIN", organizationId: created.id, mustChangePassword: true });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: created.id, action: "organization.create" } });
    expect(audit.actorId).toBe(operator.userId);
  });

  it("keeps an operator out of every organization (the database refuses one with an organization)", async () => {
    const organization = await createTestOrganization();
    await expect(
      db.user.create({ data: { organizationId: organization.id, username: `op-${uniqueSuffix()}`, displayName: "x", role: "OPERATOR", passwordHash: "x" } }),
    ).rejects.toThrow(/User_operator_has_no_organization/);
    await expect(db.user.create({ data: { organizationId: null, username: `cl-${uniqueSuffix()}`, displayName: "x", role: "CLERK", passwordHash: "x" } })).rejects.toThrow(
      /User_operator_has_no_organization/,
    );
  });
});

describe("API tokens", () => {
  async function callReport(code: string, year: number, token: string | null) {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.50", "user-agent": "roll-up/1.0" });
    if (token) headers.set("authorization", `Bearer ${token}`);
    return getReport(new Request(`http://localhost/api/v1/orgs/${code}/reports/${year}?format=2021`, { headers }), {
      params: Promise.resolve({ code, year: String(year) }),
    });
  }

  it("read their own organization's report and nothing else, are audited on use, and stop when revoked", async () => {
    const own = await createTestOrganization("令牌测试局");
    const other = await createTestOrganization("另一机构");
    const admin = actorFor(await createTestUser({ organizationId: own.id, role: "ADMIN" }));
    const clerk = actorFor(await createTestUser({ organizationId: own.id, role: "CLERK" }));
    await registerApplication({ actor: clerk, input: { applicantType: "NATURAL_PERSON", applicantName: "令牌申请人", channel: "ONLINE", receivedOn: "2025-03-03", requestContent: "申请公开预算" }, today: TODAY });

    await expect(createApiToken({ actor: clerk, input: { name: "脚本" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { id, token } = await createApiToken({ actor: admin, input: { name: "市政府汇总" } });
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token.slice(3));

    const ownReport = await callReport(own.code, 2025, token);
    expect(ownReport.status).toBe(200);
    const body = (await ownReport.json()) as { org: string; year: number; applications: { rows: Record<string, number[]> } };
    expect(body).toMatchObject({ org: own.code, year: 2025 });
    expect(body.applications.rows.new_received?.at(-1)).toBe(1);
    const use = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "api_token.use" } });
    expect(use).toMatchObject({ organizationId: own.id, ip: "203.0.113.50", userAgent: "roll-up/1.0" });

    expect((await callReport(other.code, 2025, token)).status).toBe(404);
    expect((await callReport(own.code, 2025, "gk_" + "A".repeat(43))).status).toBe(401);
    expect((await callReport(own.code, 2025, "not-a-token")).status).toBe(401);

    await expect(revokeApiToken({ actor: actorFor(await createTestUser({ organizationId: other.id, role: "ADMIN" })), input: { tokenId: id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await revokeApiToken({ actor: admin, input: { tokenId: id } });
    const revoked = await callReport(own.code, 2025, token);
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toEqual({ message: "API 令牌无效或已吊销" });
  });
});

describe("CSV export", () => {
  it("writes formula-like cells with a leading ' and imports them back as they were", async () => {
    const source = await createTestOrganization("公式导出局");
    const clerk = actorFor(await createTestUser({ organizationId: source.id, role: "CLERK" }));
    await registerApplication({
      actor: clerk,
      input: { applicantType: "NATURAL_PERSON", applicantName: "=1+1", applicantContact: "+8613800000000", channel: "ONLINE", receivedOn: "2026-03-02", requestContent: '=HYPERLINK("http://evil.example","点击")' },
      today: TODAY,
    });
    const rows = await findApplicationsForExport({ actor: clerk, query: DEFAULT_CASE_LIST_QUERY });
    const csv = new TextDecoder().decode(ledgerToCsv(rows));
    expect(csv).toContain(",'=1+1,");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""点击"")"`);
    expect(csv).toContain(",'+8613800000000");
    expect(csv.split("\r\n").slice(1).join("\n")).not.toMatch(/(^|,)[=+@]/m);

    const target = await createTestOrganization("公式导入局");
    const imported = await importLedger({ organizationCode: target.code, file: { name: "ledger.csv", bytes: new TextEncoder().encode(csv) }, today: TODAY });
    expect(imported.ok).toBe(true);
    const application = await db.application.findFirstOrThrow({ where: { organizationId: target.id } });
    expect(application).toMatchObject({ applicantName: "=1+1", applicantContact: "+8613800000000", requestContent: '=HYPERLINK("http://evil.example","点击")' });
  });
});

describe("passwords and second factor of one's own account", () => {
  it("makes the user change a password an administrator set, and a change ends the other sessions", async () => {
    const organization = await createTestOrganization();
    const admin = actorFor(await createTestUser({ organizationId: organization.id, role: "ADMIN" }));
    const username = `new-${uniqueSuffix()}`;
    const { id } = await createUser({ actor: admin, input: { username, displayName: "新人", role: "CLERK", password: "Initial-pass-2026" } });
    expect((await db.user.findUniqueOrThrow({ where: { id } })).mustChangePassword).toBe(true);
    await expect(createUser({ actor: admin, input: { username: `x-${uniqueSuffix()}`, displayName: "x", role: "CLERK", password: "Password2026!" } })).rejects.toMatchObject({
      fieldErrors: { password: ["该密码过于常见，容易被猜中，请换一个"] },
    });

    const user = await db.user.findUniqueOrThrow({ where: { id }, include: { organization: true } });
    const now = new Date();
    const [current, other] = await db.$transaction(async (tx) => [
      await createSession(tx, { userId: id, sessionVersion: user.sessionVersion, now, context }),
      await createSession(tx, { userId: id, sessionVersion: user.sessionVersion, now, context }),
    ]);
    const signedIn = signedInAs(actorFor(user), current);
    await expect(changeOwnPassword({ signedIn, context, now, input: { currentPassword: "Wrong-pass-2026", password: "My-own-pass-2026" } })).rejects.toMatchObject({
      fieldErrors: { currentPassword: ["当前密码不正确"] },
    });
    expect(await changeOwnPassword({ signedIn, context, now, input: { currentPassword: "Initial-pass-2026", password: "My-own-pass-2026" } })).toEqual({ endedSessions: 1 });
    expect((await db.user.findUniqueOrThrow({ where: { id } })).mustChangePassword).toBe(false);
    expect(await resolveSession(current, now)).not.toBeNull();
    expect(await resolveSession(other, now)).toBeNull();

    await resetUserPassword({ actor: admin, input: { userId: id, password: "Reset-by-admin-2026" } });
    expect((await db.user.findUniqueOrThrow({ where: { id } })).mustChangePassword).toBe(true);
    expect(await resolveSession(current, now)).toBeNull();
  });

  it("enrols a second factor only with a code from the new secret, and gives ten recovery codes", async () => {
    const organization = await createTestOrganization();
    const user = await createTestUser({ organizationId: organization.id, role: "MANAGER" });
    const now = new Date();
    const sessionId = await db.$transaction((tx) => createSession(tx, { userId: user.id, sessionVersion: user.sessionVersion, now, context }));
    const signedIn = signedInAs(actorFor(user), sessionId);
    await startSecondFactorEnrolment({ signedIn });
    const { enrolment } = await getOwnAccount({ signedIn });
    expect(enrolment?.qrSvg).toContain("<svg");
    const secret = enrolment!.secret;
    await expect(confirmSecondFactorEnrolment({ signedIn, context, now, input: { code: "12345" } })).rejects.toMatchObject({ code: "VALIDATION" });
    const { recoveryCodes } = await confirmSecondFactorEnrolment({ signedIn, context, now, input: { code: totpCode(secret, now) } });
    expect(recoveryCodes).toHaveLength(10);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpEnabledAt).not.toBeNull();
    expect(stored.totpSecret).not.toContain(secret);
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
  });
});
