// Moving between the pages `npm run loadtest` drives (the 工作台, the dashboard, the case list and its
// search, a case, the notifications) is a client-side navigation: one request each, nothing prefetched
// for the links in view, and exactly the request scripts/browser-navigation.ts builds for the load
// test (docs/decisions/0088). If Next's protocol, a route's folders or a link change, this fails
// instead of the load test measuring requests no browser sends.
import { expect, test, type Page, type Request } from "@playwright/test";
import { actionHeaders, navigationRequest } from "../scripts/browser-navigation";
import { connectToE2eDatabase, DEMO, signIn } from "./fixtures";

/** What the server sees of a request: method, path with query, and the router's headers. */
function describe(method: string, url: string, headers: Record<string, string | undefined>): string {
  return [
    `${method} ${url}`,
    `rsc=${headers["rsc"] ?? "-"}`,
    `prefetch=${headers["next-router-prefetch"] ?? "-"}`,
    `segment=${headers["next-router-segment-prefetch"] ?? "-"}`,
    `tree=${headers["next-router-state-tree"] ?? "-"}`,
    `next-url=${headers["next-url"] ?? "-"}`,
  ].join(" ");
}

/** Calls `record` for each request the page sends to the app, the build's scripts and the icon left out. */
function onAppRequest(page: Page, baseURL: string | undefined, record: (request: Request, url: URL) => void): void {
  const origin = new URL(baseURL!).origin;
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin || url.pathname.startsWith("/_next/static") || url.pathname.startsWith("/icon")) return;
    record(request, url);
  });
}

test("each move between the load test's pages is one navigation request, as the load test sends it, and nothing is prefetched", async ({ page, baseURL }) => {
  const { db, uniqueSuffix } = await connectToE2eDatabase();
  const manager = await db.user.findUniqueOrThrow({ where: { username: DEMO.manager.username } });
  const applicantName = `导航测试${uniqueSuffix().replace(/\W/g, "").slice(-6)}`;
  const target = await db.application.create({
    data: {
      organizationId: manager.organizationId!,
      caseYear: 2026,
      caseSequence: 920_000,
      caseNumber: `NAV-${applicantName}`,
      receivedOn: new Date("2026-11-02T00:00:00Z"),
      dueOn: new Date("2026-12-01T00:00:00Z"),
      channel: "ONLINE",
      applicantType: "NATURAL_PERSON",
      applicantName,
      requestContent: "申请公开道路养护计划",
    },
  });

  await signIn(page, DEMO.manager);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  let seen: string[] = [];
  onAppRequest(page, baseURL, (request, url) => seen.push(describe(request.method(), `${url.pathname}${url.search}`, request.headers())));

  const moves: Array<{ to: string; act: () => Promise<void> }> = [
    { to: "/dashboard", act: () => page.getByRole("navigation").locator('a[href="/dashboard"]').click() },
    { to: "/cases", act: () => page.getByRole("navigation").locator('a[href="/cases"]').click() },
    {
      to: `/cases?q=${encodeURIComponent(applicantName)}`,
      act: async () => {
        const box = page.getByLabel("搜索", { exact: true });
        await box.fill(applicantName);
        await box.press("Enter");
      },
    },
    { to: `/cases/${target.id}`, act: () => page.getByTestId(`case-link-${target.caseNumber}`).click() },
    { to: "/notifications", act: () => page.locator('a[href="/notifications"]').first().click() },
  ];
  let from = "/";
  for (const move of moves) {
    seen = [];
    await move.act();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === move.to);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Next prefetches the links in view once the page has rendered: give it the time to.
    await page.waitForTimeout(1_500);
    const expected = await navigationRequest(from, move.to);
    const headers = Object.fromEntries(Object.entries(expected.headers).map(([name, value]) => [name.toLowerCase(), value]));
    expect(seen, `${from} → ${move.to}`).toEqual([describe("GET", expected.url, headers)]);
    from = move.to;
  }
});

test("registering a case sends the navigation to the form and the form's Server Actions with the form's tree, as the load test sends them", async ({ page, baseURL }) => {
  await signIn(page, DEMO.clerk);
  await page.goto("/cases");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const seen: string[] = [];
  onAppRequest(page, baseURL, (request, url) => {
    const headers = request.headers();
    seen.push(`${request.method()} ${url.pathname}${url.search} action=${headers["next-action"] ? "yes" : "-"} tree=${headers["next-router-state-tree"] ?? "-"}`);
  });

  await page.locator('main a[href="/cases/new"]').first().click();
  await page.waitForURL((url) => url.pathname === "/cases/new");
  const navigation = await navigationRequest("/cases", "/cases/new");
  const registration = page.getByTestId("registration-form");
  await registration.getByLabel("自然人", { exact: true }).check();
  await registration.getByLabel("申请人姓名或名称").fill("导航登记人");
  await registration.getByLabel("申请方式").selectOption("IN_PERSON");
  await registration.getByLabel("申请内容").fill("申请公开本局 2025 年度行政处罚决定书");
  // The hints are asked for once the clerk pauses (400 ms).
  await expect.poll(() => seen.filter((line) => line.startsWith("POST /cases/new ")).length).toBeGreaterThan(0);
  await registration.getByRole("button", { name: "登记", exact: true }).click();
  await page.waitForURL(/\/cases\/[^/?]+\?registered=1/);

  const formTree = actionHeaders("/cases/new")["Next-Router-State-Tree"];
  expect(seen[0]).toBe(`GET ${navigation.url} action=- tree=${navigation.headers["Next-Router-State-Tree"]}`);
  // The hints (once or more) and the registration, each a Server Action sent from the form with its tree.
  const fromForm = seen.filter((line) => line.startsWith("POST /cases/new "));
  expect(fromForm.length).toBeGreaterThanOrEqual(2);
  expect(new Set(fromForm)).toEqual(new Set([`POST /cases/new action=yes tree=${formTree}`]));
});

test("on a phone-wide window the header wraps: every control is on screen and none covers another", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO.manager);
  await page.goto("/");
  const controls = {
    organization: page.getByTestId("organization-name"),
    navigation: page.getByRole("navigation", { name: "主导航" }),
    help: page.getByTestId("help-link"),
    user: page.getByTestId("current-user"),
    bell: page.getByTestId("notification-bell"),
    signOut: page.getByRole("button", { name: "退出登录" }),
  };
  const boxes = await Promise.all(
    Object.entries(controls).map(async ([name, locator]) => {
      const box = await locator.boundingBox();
      expect(box, name).not.toBeNull();
      return { name, ...box! };
    }),
  );
  for (const box of boxes) {
    expect(box.x, `${box.name} starts on screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${box.name} ends on screen`).toBeLessThanOrEqual(390);
  }
  for (const [index, a] of boxes.entries()) {
    for (const b of boxes.slice(index + 1)) {
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap, `${a.name} and ${b.name} overlap`).toBe(false);
    }
  }
  // The navigation scrolls sideways within its own row: its last link is reachable.
  await controls.navigation.getByRole("link").last().scrollIntoViewIfNeeded();
  await expect(controls.navigation.getByRole("link").last()).toBeInViewport();
});
