// Issue 10 in the browser and over HTTP against the real server: callbackUrl stays on site, a session
// cookie is worthless after sign-out and after the idle timeout, and every response carries the
// security headers (pages, downloads, the API).
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { connectToE2eDatabase, DEMO, signIn } from "./fixtures";
import { E2E_BASE_URL } from "./environment";

const OFF_SITE = [
  "/.//evil.example/x",
  "//evil.example/x",
  "/\\evil.example/x",
  "/%2F%2Fevil.example/x",
  "/%5Cevil.example",
  "/%252F%252Fevil.example",
  "https://evil.example/x",
  "/./%2F/evil.example",
];

test("callbackUrl keeps the browser on this site, before and after sign-in", async ({ page }) => {
  for (const target of OFF_SITE) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
    await page.getByLabel("用户名").fill(DEMO.clerk.username);
    await page.getByLabel("密码").fill(DEMO.clerk.password);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("current-user")).toBeVisible();
    expect(new URL(page.url()).origin, target).toBe(E2E_BASE_URL);
    expect(new URL(page.url()).pathname, target).toBe("/");

    // Signed in, the sign-in page redirects at once: to the home page, never off site.
    const response = await page.request.get(`/login?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 });
    expect(response.status(), target).toBe(307);
    expect(response.headers().location, target).toBe("/");
  }
  // A real path is kept.
  await page.context().clearCookies();
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/cases?status=OPEN")}`);
  await page.getByLabel("用户名").fill(DEMO.clerk.username);
  await page.getByLabel("密码").fill(DEMO.clerk.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/cases\?status=OPEN$/);
});

test("a session cookie replayed after sign-out is refused, and the session endpoint does not renew it", async ({ page, browser }) => {
  await signIn(page, DEMO.clerk);
  const saved = await page.context().cookies();
  expect(saved.some((cookie) => cookie.name === "next-auth.session-token")).toBe(true);
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);

  const replay = await browser.newContext();
  await replay.addCookies(saved);
  const replayPage = await replay.newPage();
  await replayPage.goto("/cases");
  await expect(replayPage).toHaveURL(/\/login/);
  await expect(replayPage.getByRole("button", { name: "登录" })).toBeVisible();
  expect((await replay.request.get("/cases/export?format=csv")).status()).toBe(401);
  const session = await replay.request.get("/api/auth/session");
  expect(await session.json()).toEqual({});
  await replay.close();
});

test("a session cookie replayed after the idle timeout is refused", async ({ page, browser }) => {
  const { db } = await connectToE2eDatabase();
  await signIn(page, DEMO.manager);
  const saved = await page.context().cookies();
  const manager = await db.user.findUniqueOrThrow({ where: { username: DEMO.manager.username } });
  const session = await db.userSession.findFirstOrThrow({ where: { userId: manager.id, revokedAt: null }, orderBy: { createdAt: "desc" } });
  // Nothing happened in this session for 31 minutes (SESSION_IDLE_MINUTES is 30).
  await db.userSession.update({ where: { id: session.id }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });

  const replay = await browser.newContext();
  await replay.addCookies(saved);
  const replayPage = await replay.newPage();
  await replayPage.goto("/reports");
  await expect(replayPage).toHaveURL(/\/login/);
  await replay.close();
  await page.goto("/reports");
  await expect(page).toHaveURL(/\/login/);
});

function expectSecurityHeaders(response: APIResponse | NonNullable<Awaited<ReturnType<Page["goto"]>>>, what: string) {
  const headers = response.headers();
  expect(headers["content-security-policy"], what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["x-frame-options"], what).toBe("DENY");
  // Served over plain HTTP here: no HSTS (a browser ignores it there anyway).
  expect(headers["strict-transport-security"], what).toBeUndefined();
}

test("pages, downloads and the API carry the security headers, and pages run under the CSP without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });

  const login = await page.goto("/login");
  expectSecurityHeaders(login!, "/login");
  await expect(page.getByTestId("demo-notice")).toBeVisible();
  expectSecurityHeaders(await page.request.get("/api/health"), "/api/health");
  expectSecurityHeaders(await page.request.get("/api/v1/orgs/demo/reports/2025"), "API without a session");

  await signIn(page, DEMO.manager);
  for (const path of ["/", "/cases", "/reports/2025", "/dashboard", "/settings/calendar", "/account"]) {
    const response = await page.goto(path);
    expectSecurityHeaders(response!, path);
    // Next.js put the request's nonce on its scripts (the browser hides nonce attributes from the DOM: read the HTML).
    const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"] ?? "")?.[1];
    expect((await response!.text()).split(`nonce="${nonce}"`).length - 1, path).toBeGreaterThan(2);
  }
  // The pages work: a client component reacts (the column chooser of the case list opens).
  await page.goto("/cases");
  await expect(page.getByTestId("case-count")).toBeVisible();
  // A client-side navigation (RSC: 1) does not pass proxy.ts: the page it brings runs under the
  // document's CSP (no violation below), and its payload carries the headers that do not depend on the request.
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "工作台" }).click();
  await expect(page.getByRole("heading", { name: "工作台", level: 1 })).toBeVisible();
  const navigation = await page.request.get("/cases", { headers: { RSC: "1" } });
  expect(navigation.headers()["content-type"]).toContain("text/x-component");
  expect(navigation.headers()["x-content-type-options"]).toBe("nosniff");
  expect(navigation.headers()["x-frame-options"]).toBe("DENY");
  expect(navigation.headers()["referrer-policy"]).toBe("same-origin");

  expectSecurityHeaders(await page.request.get("/cases/export?format=csv"), "CSV download");
  expectSecurityHeaders(await page.request.get("/reports/2025/export?type=xlsx&format=2021"), "XLSX download");
  expectSecurityHeaders(await page.request.get("/api/v1/orgs/demo/reports/2025"), "API with a session");
  expect(violations).toEqual([]);

  // Downloads of personal data are audited with the address and user agent.
  const { db } = await connectToE2eDatabase();
  const exported = await db.auditEvent.findFirstOrThrow({ where: { action: "data.export", entityId: "cases.csv" }, orderBy: { createdAt: "desc" } });
  expect(exported.ip).toBe("127.0.0.1");
  expect(exported.userAgent).toContain("Chrome");
});
