// `npm run cli -- check` exactly as interfaces.md §2 fixes it, on the published reports typed from the
// seeds (tests/fixtures/reports): one line per check with 通过 or 不通过 and the figures that disagree,
// exit status 0 when all pass, 1 when any fails, 2 when the file cannot be read; --json prints
// {"checks": [...]}. The command reads files only (no database).
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { reportToXlsx } from "@/lib/reports/export-xlsx";
import type { ReportFigures } from "@/lib/reports/definitions";

const run = promisify(execFile);
const REPORTS = path.resolve(import.meta.dirname, "fixtures", "reports");

async function check(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "-s", "cli", "--", "check", ...args], { maxBuffer: 4 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe("npm run cli -- check", () => {
  it("exits 1 on 鹤岗 2020 as report JSON, naming the failing 一+二=（七）+四 check for 自然人 and 总计", async () => {
    const result = await check(path.join(REPORTS, "hegang-2020.report.json"));
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines.filter((line) => line.startsWith("不通过"))).toEqual(["不通过  一+二=（七）+四不成立：自然人 0+0≠3+1；总计 0+0≠3+1"]);
    expect(lines.slice(1).every((line) => line.startsWith("通过"))).toBe(true);
    expect(result.stderr).toContain("1 项核对不通过");
  }, 60_000);

  it("exits 0 on 江汉区 2019, and on the same tables pasted as published text", async () => {
    for (const file of ["jianghan-2019.report.json", "jianghan-2019.tables.txt"]) {
      const result = await check(path.join(REPORTS, file));
      expect(result.code, file).toBe(0);
      expect(result.stdout.trim().split("\n").every((line) => line.startsWith("通过")), file).toBe(true);
    }
  }, 60_000);

  it("--json prints the checks in the shape of interfaces.md §3; --previous checks 二 against last year's 四", async () => {
    const result = await check(path.join(REPORTS, "hegang-2020.report.json"), "--previous", path.join(REPORTS, "jianghan-2019.report.json"), "--json");
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout) as { checks: { rule: string; ok: boolean; detail: string }[] };
    expect(Object.keys(parsed)).toEqual(["checks"]);
    expect(parsed.checks.map((item) => [item.rule, item.ok])).toEqual([
      ["balance", false],
      ["closed_total", true],
      ["total_column", true],
      ["carry_over_previous", true],
      ["appeals_total", true],
    ]);
  }, 60_000);

  it("reads a workbook in the official layout", async () => {
    const report = JSON.parse(await readFile(path.join(REPORTS, "hegang-2020.report.json"), "utf8")) as ReportFigures;
    const directory = mkdtempSync(path.join(tmpdir(), "gongkai-check-"));
    const file = path.join(directory, "鹤岗市司法局2020年报.xlsx");
    const figures = { ...report, fees: { notices: 0, amount_noticed: "0.00", amount_collected: "0.00" } };
    writeFileSync(file, await reportToXlsx({ organizationName: "鹤岗市司法局", year: 2020, figures, sections: { overview: "", problems: "", other: "" }, activeDisclosure: {} }));
    const result = await check(file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("不通过  一+二=（七）+四不成立：自然人 0+0≠3+1；总计 0+0≠3+1");
  }, 60_000);

  it("exits 2 with a Chinese message when a file cannot be read", async () => {
    const missing = await check(path.join(REPORTS, "no-such-report.json"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("无法读取文件");
    const directory = mkdtempSync(path.join(tmpdir(), "gongkai-check-"));
    const notes = path.join(directory, "notes.txt");
    writeFileSync(notes, "会议纪要：研究政务公开工作\n");
    const unreadable = await check(notes);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain("没有找到年度报告的表格");
    const badPrevious = await check(path.join(REPORTS, "hegang-2020.report.json"), "--previous", notes);
    expect(badPrevious.code).toBe(2);
    expect(badPrevious.stdout).toBe("");
  }, 60_000);
});
