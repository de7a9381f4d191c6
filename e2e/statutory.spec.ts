// Statutory completeness in the browser: the report checker on published reports pasted, uploaded and
// typed; a government's roll-up of its departments (statuses, combined figures, click-through, Excel)
// whose managers are refused the departments' case pages; a first year's opening balance.
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { connectToE2eDatabase, DEMO, signIn } from "./fixtures";

const REPORTS = path.resolve(import.meta.dirname, "../tests/fixtures/reports");
const PASSWORD = "Rollup-pass-2026";

test("the report checker: a pasted report that breaks its cross-check, an uploaded one that passes, a typed grid", async ({ page }) => {
  await signIn(page, DEMO.clerk);
  await page.goto("/reports/check");

  await page.getByRole("radio", { name: "粘贴表格" }).check();
  await page.getByLabel("表格内容").fill(await readFile(path.join(REPORTS, "hegang-2020.tables.md"), "utf8"));
  await page.getByRole("button", { name: "核对" }).click();
  await expect(page.getByTestId("checker-read-as")).toContainText("2020 年度 · 2019 年格式");
  await expect(page.getByTestId("checker-results").locator('li[data-ok="false"]')).toHaveText(["不通过一+二=（七）+四不成立：自然人 0+0≠3+1；总计 0+0≠3+1"]);
  await expect(page.getByTestId("checker-read-tables")).toContainText("1.信访举报投诉类申请");

  await page.getByRole("radio", { name: "上传文件" }).check();
  await page.getByLabel("报告文件", { exact: true }).setInputFiles(path.join(REPORTS, "jianghan-2019.report.json"));
  await page.getByRole("button", { name: "核对" }).click();
  await expect(page.getByTestId("checker-result")).toContainText("核对结果（全部通过）");

  // Typed cell by cell: 一 3 = （七） 2 + 四 0 fails by one.
  await page.getByRole("radio", { name: "逐格录入" }).check();
  await page.getByTestId("grid-new_received-natural_person").fill("3");
  await page.getByTestId("grid-new_received-total").fill("3");
  await page.getByTestId("grid-granted-natural_person").fill("2");
  await page.getByTestId("grid-granted-total").fill("2");
  await page.getByTestId("grid-closed_total-natural_person").fill("2");
  await page.getByTestId("grid-closed_total-total").fill("2");
  await page.getByRole("button", { name: "核对" }).click();
  await expect(page.getByTestId("checker-results").locator('li[data-ok="false"]')).toHaveText(["不通过一+二=（七）+四不成立：自然人 3+0≠2+0；总计 3+0≠2+0"]);

  // Something that is not a report: said so, in Chinese.
  await page.getByRole("radio", { name: "粘贴表格" }).check();
  await page.getByLabel("表格内容").fill("会议纪要");
  await page.getByRole("button", { name: "核对" }).click();
  await expect(page.getByTestId("checker-error")).toContainText("没有找到年度报告的表格");
});

test("a government's roll-up: statuses, combined figures, click-through, Excel; its managers never open a department's case", async ({ page }) => {
  const { db, createTestOrganization, createTestUser } = await connectToE2eDatabase();
  const { createOrganization } = await import("../lib/organizations/mutations");
  const { registerApplication, recordCaseEvent } = await import("../lib/cases/mutations");
  const { publishReport } = await import("../lib/reports/publication");
  const { actorFor } = await import("../tests/factories");

  const government = await createTestOrganization("某县人民政府办公室");
  const department = await createOrganization({ input: { code: `dept-${Date.now()}`, name: "某县司法局", parentCode: government.code } });
  const quiet = await createOrganization({ input: { code: `quiet-${Date.now()}`, name: "某县体育局", parentCode: government.code } });
  const governmentManager = await createTestUser({ organizationId: government.id, role: "MANAGER", password: PASSWORD, displayName: "县政府负责人" });
  const departmentClerk = actorFor(await createTestUser({ organizationId: department.id, role: "CLERK" }));
  const departmentManager = actorFor(await createTestUser({ organizationId: department.id, role: "MANAGER" }));
  const today = new Date().toISOString().slice(0, 10);
  const created = await registerApplication({
    actor: departmentClerk,
    input: { applicantType: "NATURAL_PERSON", applicantName: "司法局的申请人", channel: "ONLINE", receivedOn: "2024-04-01", requestContent: "申请公开法律援助统计" },
    today,
  });
  await recordCaseEvent({ expectedVersion: null,
    actor: departmentClerk,
    applicationId: created.id,
    today,
    input: { type: "DECISION_SERVED", occurredOn: "2024-04-15", details: { serviceMethod: "邮寄", items: [{ description: "全部", disposition: "GRANTED" }] } },
  });
  await publishReport({ actor: departmentManager, input: { year: 2024, format: "2021" } });

  await signIn(page, { username: governmentManager.username, password: PASSWORD });
  await page.getByRole("link", { name: "下级汇总" }).click();
  await page.goto("/rollup/2024");
  await expect(page.getByTestId(`rollup-status-${department.code}`)).toContainText("已发布第 1 版");
  await expect(page.getByTestId(`rollup-status-${quiet.code}`)).toHaveText("未开始");
  await expect(page.getByTestId(`rollup-timeliness-${quiet.code}`)).toContainText("逾期未发布");
  await expect(page.getByTestId("rollup-sources")).toContainText("汇总采用已发布版本的单位 1 个");
  await expect(page.getByTestId("rollup-checks")).not.toContainText("未通过");

  // The combined figure opens each member's figure, not a case.
  await page.getByTestId("cell-applications.granted.natural_person").click();
  await expect(page.getByTestId("rollup-cell-total")).toHaveText("合计 1");
  await expect(page.getByTestId(`rollup-cell-${department.code}`)).toContainText("已发布版本");
  await expect(page.getByTestId("rollup-cell-rows")).not.toContainText("司法局的申请人");

  // Excel of the combined tables, with the members' sheet.
  await page.goto("/rollup/2024");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("rollup-download-xlsx").click()]);
  expect(download.suggestedFilename()).toBe("某县人民政府办公室及下级单位2024年政府信息公开工作年度报告（汇总）.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await readFile((await download.path())!)).buffer);
  expect(workbook.getWorksheet("表三 依申请公开")!.getCell(7, 4).value).toBe(1);
  expect(workbook.getWorksheet("汇总说明")!.getColumn(1).values).toContain("某县司法局");

  // The department's case: not found for the government's manager, by page, export or API.
  expect((await page.request.get(`/cases/${created.id}`)).status()).toBe(404);
  const list = await page.request.get("/cases");
  expect(await list.text()).not.toContain("司法局的申请人");
  expect((await page.request.get(`/api/v1/orgs/${department.code}/reports/2024`)).status()).toBeGreaterThanOrEqual(400);
  expect(await db.application.count({ where: { id: created.id } })).toBe(1);
});

test("a first year's opening balance: entered with its source, and check 3 says what it compares", async ({ page }) => {
  const { createTestOrganization, createTestUser } = await connectToE2eDatabase();
  const organization = await createTestOrganization("某镇人民政府");
  const manager = await createTestUser({ organizationId: organization.id, role: "MANAGER", password: PASSWORD });
  await signIn(page, { username: manager.username, password: PASSWORD });

  await page.goto("/reports/2025");
  await expect(page.getByTestId("carry-over-basis")).toHaveAttribute("data-basis", "none");
  await page.getByTestId("carry-over-basis").getByRole("link", { name: "录入期初余额" }).click();

  const form = page.getByTestId("opening-balance-form");
  await form.getByLabel(/年度/).fill("2024");
  await form.getByLabel("自然人").fill("2");
  await form.getByLabel("法律服务机构").fill("1");
  await expect(page.getByTestId("opening-balance-total")).toHaveText("3");
  await form.getByLabel("来源文件").fill("《某镇人民政府2024年政府信息公开工作年度报告》");
  await form.getByRole("button", { name: "保存期初余额" }).click();
  await expect(form.getByRole("status").filter({ hasText: "已保存" })).toHaveText(
    "已保存 2024 年度的期初余额（结转下年度 3 件）；2025 年度报告的“二、上年结转”将与其核对",
  );
  await expect(page.getByTestId("opening-balance")).toContainText("《某镇人民政府2024年政府信息公开工作年度报告》");

  await page.goto("/reports/2025");
  await expect(page.getByTestId("carry-over-basis")).toHaveAttribute("data-basis", "opening");
  await expect(page.getByTestId("report-checks")).toContainText("二=期初余额（2024 年度报告的四，来源：《某镇人民政府2024年政府信息公开工作年度报告》）不成立：自然人 二 0，上年四 2");

  // A correction needs a reason.
  await page.goto("/reports/opening-balance");
  await page.getByTestId("opening-balance-form").getByLabel("自然人").fill("0");
  await page.getByTestId("opening-balance-form").getByRole("button", { name: "保存更正" }).click();
  await expect(page.getByTestId("opening-balance-form").getByRole("alert")).toContainText("更正期初余额须说明理由");
});
