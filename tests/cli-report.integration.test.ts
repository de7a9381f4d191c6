// The operator's command line against a real database, exactly as interfaces.md §2 fixes it: on an
// empty organization, `org create`, `import` of the sample ledger (the project's own copy), then
// `report --json` prints the figures of the expected report files (applications, appeals, fees), in
// both formats. Export followed by import into another organization reproduces the same report.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { uniqueSuffix } from "./factories";

const run = promisify(execFile);
const FIXTURES = path.resolve(import.meta.dirname, "fixtures");

/** Runs `npm run cli -- …` with the test database; returns stdout, or throws with stderr. */
async function cli(...args: string[]): Promise<string> {
  const { stdout } = await run("npm", ["run", "cli", "--", ...args], {
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), MIGRATION_DATABASE_URL: inject("ownerDatabaseUrl") },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

function expectedReport(file: string) {
  return JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")) as { applications: unknown; appeals: unknown; fees: unknown };
}

describe("npm run cli", () => {
  it("org create, import and report --json give the sample's expected 2024 report", async () => {
    const code = `demo2-${uniqueSuffix()}`;
    await cli("org", "create", code, "测试");
    const imported = await cli("import", "--org", code, path.join(FIXTURES, "ledger-sample.csv"));
    expect(imported).toContain("已导入 80 件");

    for (const [format, file] of [
      ["2021", "ledger-sample.report-2024.json"],
      ["2019", "ledger-sample.report-2024-format2019.json"],
    ] as const) {
      const stdout = await cli("report", "--org", code, "--year", "2024", "--format", format, "--json");
      // Standard output holds the report and nothing else.
      const report = JSON.parse(stdout) as { org: string; year: number; format: string; applications: unknown; appeals: unknown; fees: unknown; checks: { ok: boolean }[] };
      const expected = expectedReport(file);
      expect({ org: report.org, year: report.year, format: report.format }).toEqual({ org: code, year: 2024, format });
      expect(report.applications).toEqual(expected.applications);
      expect(report.appeals).toEqual(expected.appeals);
      expect(report.fees).toEqual(expected.fees);
      expect(report.checks.every((check) => check.ok)).toBe(true);
    }
  }, 240_000);

  it("export then import into another organization reproduces the same report", async () => {
    const source = `src-${uniqueSuffix()}`;
    const copy = `copy-${uniqueSuffix()}`;
    await cli("org", "create", source, "来源局");
    await cli("org", "create", copy, "副本局");
    await cli("import", "--org", source, path.join(FIXTURES, "ledger-sample.csv"));
    const exported = path.join(mkdtempSync(path.join(tmpdir(), "gongkai-")), "ledger.xlsx");
    await cli("export", "--org", source, exported);
    // The file holds applicants' personal data: its writing is audited with the operator's account.
    const organization = await db.organization.findUniqueOrThrow({ where: { code: source } });
    const audit = await db.auditEvent.findMany({ where: { organizationId: organization.id, action: "data.export" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: null, entityId: "cases.xlsx", after: { rows: 80, via: "cli", file: exported } });
    expect(audit[0]?.operator).toBeTruthy();
    await cli("import", "--org", copy, exported);
    for (const year of ["2023", "2024"]) {
      const original = JSON.parse(await cli("report", "--org", source, "--year", year, "--json")) as Record<string, unknown>;
      const roundTripped = JSON.parse(await cli("report", "--org", copy, "--year", year, "--json")) as Record<string, unknown>;
      expect({ ...roundTripped, org: source }).toEqual(original);
    }
  }, 360_000);

  it("refuses a malformed ledger with row errors in Chinese on standard error and exit status 1", async () => {
    const code = `bad-${uniqueSuffix()}`;
    await cli("org", "create", code, "错误局");
    const directory = mkdtempSync(path.join(tmpdir(), "gongkai-"));
    const file = path.join(directory, "bad.csv");
    const header = "申请编号,收到申请日期,申请方式,申请人类型,申请人,申请内容,办结日期,办理结果";
    const { writeFileSync } = await import("node:fs");
    writeFileSync(file, `${header}\nA-1,2024-02-30,当面,自然人,张三,内容,,\nA-1,2024-03-01,当面,自然人,李四,内容,2024-03-05,不存在的结果\n`);
    const failure = await cli("import", "--org", code, file).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("第 2 行［收到申请日期］");
    expect(failure?.stderr).toContain("第 3 行［办理结果］");
    expect(failure?.stderr).toContain("第 3 行［申请编号］");
    const report = JSON.parse(await cli("report", "--org", code, "--year", "2024", "--json")) as { applications: { rows: { new_received: number[] } } };
    expect(report.applications.rows.new_received[6]).toBe(0);
  }, 240_000);
});
