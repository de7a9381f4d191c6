// The case list's search finds a case by what staff search by (issue 13 item 2): a fragment of the
// 证件号码, a phone fragment and the agent's name, typed into the list's search box.
import { expect, test } from "@playwright/test";
import { connectToE2eDatabase, DEMO, signIn } from "./fixtures";

test("a search by ID-number fragment, phone fragment and agent name each finds its case", async ({ page }) => {
  const { db, uniqueSuffix } = await connectToE2eDatabase();
  const clerk = await db.user.findUniqueOrThrow({ where: { username: DEMO.clerk.username } });
  const organizationId = clerk.organizationId;
  if (!organizationId) throw new Error("演示登记员没有所属机关");
    const digits = String(Date.now()).slice(-6);
  const suffix = uniqueSuffix().replace(/\W/g, "").slice(-6);
  const base = {
    organizationId,
    caseYear: 2026,
    receivedOn: new Date("2026-11-02T00:00:00Z"),
    channel: "ONLINE" as const,
    requestContent: "申请公开停车收费标准核定文件",
    dueOn: new Date("2026-12-01T00:00:00Z"),
  };
  const cases = [
    { caseNumber: `SEARCH-ID-${suffix}`, applicantType: "COMMERCIAL_ENTERPRISE" as const, applicantName: "杭州恒达商贸有限公司", applicantIdNumber: `91330106${digits}7X` },
    { caseNumber: `SEARCH-TEL-${suffix}`, applicantType: "NATURAL_PERSON" as const, applicantName: "周敏", applicantContact: `0571-87${digits}` },
    { caseNumber: `SEARCH-AGENT-${suffix}`, applicantType: "NATURAL_PERSON" as const, applicantName: "吴强", agentName: `李律师${suffix}` },
  ];
  for (const [index, data] of cases.entries()) {
    await db.application.create({ data: { ...base, ...data, caseSequence: 900_000 + index } });
  }

  await signIn(page, DEMO.clerk);
  await page.goto("/cases");
  const searches = [
    { text: `91330106${digits}`, found: cases[0]!.caseNumber },
    { text: `0571-87${digits}`, found: cases[1]!.caseNumber },
    { text: `李律师${suffix}`, found: cases[2]!.caseNumber },
  ];
  for (const { text, found } of searches) {
    const box = page.getByLabel("搜索", { exact: true });
    await box.fill(text);
    await box.press("Enter");
    await expect(page.getByTestId(`case-row-${found}`)).toBeVisible();
    for (const other of cases.filter((item) => item.caseNumber !== found)) {
      await expect(page.getByTestId(`case-row-${other.caseNumber}`)).toHaveCount(0);
    }
  }

  // The plain fragments of the issue, among the other cases of the organization.
  for (const { text, found } of [
    { text: "91330106", found: cases[0]!.caseNumber },
    { text: "0571", found: cases[1]!.caseNumber },
    { text: "李律师", found: cases[2]!.caseNumber },
  ]) {
    await page.goto(`/cases?q=${encodeURIComponent(text)}&pageSize=100&sort=receivedOn.desc`);
    await expect(page.getByTestId(`case-row-${found}`)).toBeVisible();
  }
});
