// `npm run cli -- org set` (interfaces.md §2): name, parent (no cycle), appealsBasis, feeStopsClock
// (open cases replayed) and the report deadline, audited without an actor; bad values refused in
// Chinese. The command line is run as an operator would; the replay is checked in-process.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { recordCaseEvent, registerApplication } from "@/lib/cases/mutations";
import { updateOrganizationAsOperator } from "@/lib/organizations/operator";
import { actorFor, createTestOrganization, createTestUser } from "./factories";

const run = promisify(execFile);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "-s", "cli", "--", ...args], { env: { ...process.env, DATABASE_URL: inject("databaseUrl") } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

const TODAY = "2026-06-30";

const organizationByCode = (code: string) => db.organization.findUniqueOrThrow({ where: { code }, include: { parent: { select: { code: true } } } });

describe("npm run cli -- org set", () => {
  it("sets name, parent and settings, refuses a cycle, and audits each change", async () => {
    const [province, city, bureau] = await Promise.all(
      ["某省人民政府办公厅", "某市人民政府办公室", "某市司法局"].map(async (name) => (await createTestOrganization(name)).code),
    );
    const set = await cli("org", "set", bureau!, "--parent", city!, "--name", "某市司法局（改）", "--appeals-basis", "active_in_year", "--fee-stops-clock", "off");
    expect(set.code).toBe(0);
    expect(set.stdout).toContain(`已更新机构 ${bureau} 某市司法局（改）`);
    expect(set.stdout).toContain("appealsBasis: FILED_IN_YEAR → ACTIVE_IN_YEAR");
    expect(await organizationByCode(bureau!)).toMatchObject({
      name: "某市司法局（改）",
      parent: { code: city },
      appealsBasis: "ACTIVE_IN_YEAR",
      feeStopsClock: false,
      reportDeadline: null,
    });
    expect((await cli("org", "set", city!, "--parent", province!, "--report-deadline", "03-31")).code).toBe(0);
    expect(await organizationByCode(city!)).toMatchObject({ parent: { code: province }, reportDeadline: "03-31" });

    const cycle = await cli("org", "set", province!, "--parent", bureau!);
    expect(cycle.code).toBe(1);
    expect(cycle.stderr).toContain(`${bureau} 是 ${province} 的下级机构，不能设为其上级（会形成循环）`);
    expect((await organizationByCode(province!)).parentId).toBeNull();
    await expect(updateOrganizationAsOperator({ organizationCode: province!, input: { parentCode: province }, today: TODAY })).rejects.toMatchObject({
      message: "机构不能是自己的上级",
    });

    expect((await cli("org", "set", bureau!, "--no-parent")).code).toBe(0);
    expect((await organizationByCode(bureau!)).parentId).toBeNull();
    expect(await updateOrganizationAsOperator({ organizationCode: bureau!, input: { parentCode: null }, today: TODAY })).toMatchObject({ changes: [] });

    const audits = await db.auditEvent.findMany({ where: { entityId: (await organizationByCode(bureau!)).id, action: "organization.operator_update" }, orderBy: { createdAt: "asc" } });
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ actorId: null, before: { name: "某市司法局", parentCode: null, feeStopsClock: true }, after: { name: "某市司法局（改）", parentCode: city, feeStopsClock: false } });
  }, 240_000);

  it("refuses bad values in Chinese before touching anything", async () => {
    const usage = await cli("org", "set", "some-org", "--fee-stops-clock", "maybe");
    expect(usage).toMatchObject({ code: 2 });
    expect(usage.stderr).toContain("--fee-stops-clock 须为 on 或 off");
    expect((await cli("org", "set", "some-org", "--parent", "a", "--no-parent")).stderr).toContain("不能同时使用");
    expect((await cli("org", "set", "some-org", "--report-deadline", "02-30")).stderr).toContain("发布期限不是有效日期");
    const code = (await createTestOrganization("某区司法局")).code;
    const reject = (input: unknown) => updateOrganizationAsOperator({ organizationCode: code, input, today: TODAY });
    await expect(reject({ appealsBasis: "SOMETIMES" })).rejects.toMatchObject({ message: "输入有误：复议诉讼统计口径应为 FILED_IN_YEAR 或 ACTIVE_IN_YEAR" });
    await expect(reject({})).rejects.toMatchObject({ message: "输入有误：请至少指定一项要修改的设置" });
    await expect(reject({ parentCode: "no-such-parent" })).rejects.toMatchObject({ message: "上级机构 no-such-parent 不存在" });
    await expect(updateOrganizationAsOperator({ organizationCode: "no-such-org", input: { name: "某某局" }, today: TODAY })).rejects.toMatchObject({
      message: "机构 no-such-org 不存在",
    });
  }, 120_000);

  it("replays the open cases when feeStopsClock changes", async () => {
    const organization = await createTestOrganization("某县司法局");
    const clerk = actorFor(await createTestUser({ organizationId: organization.id, role: "CLERK" }));
    const today = TODAY;
    const created = await registerApplication({
      actor: clerk,
      input: { applicantType: "NATURAL_PERSON", applicantName: "缴费人", channel: "ONLINE", receivedOn: "2026-06-01", requestContent: "申请公开统计" },
      today,
    });
    await recordCaseEvent({ expectedVersion: null,
      actor: clerk,
      applicationId: created.id,
      today,
      input: { type: "FEE_NOTICE", occurredOn: "2026-06-03", details: { method: "PER_VOLUME", amount: "100.00", calculatedAmount: "100.00", applicantReceivedOn: "2026-06-04" } },
    });
    // Waiting for the fee stops the clock: no due date until payment.
    expect((await db.application.findUniqueOrThrow({ where: { id: created.id } })).dueOn).toBeNull();
    const change = await updateOrganizationAsOperator({ organizationCode: organization.code, input: { feeStopsClock: false }, today });
    expect(change).toMatchObject({ changes: ["feeStopsClock: on → off"], recomputedCases: 1 });
    expect((await db.application.findUniqueOrThrow({ where: { id: created.id } })).dueOn).not.toBeNull();
  });
});
