// The specs import the data layer (e2e/fixtures.ts): resolve `import "server-only"` outside Next.js
// in the runner and its workers, which load this file (docs/decisions/0093).
import "./scripts/server-only-hook.mjs";
import { defineConfig } from "@playwright/test";
import { E2E_BASE_URL } from "./e2e/environment";

// Debian's Chromium (apt-get install chromium); Playwright's own browser download is not available offline.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  // One server and one database for all specs: run them in order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1366, height: 768 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // node --import tsx, not the tsx CLI: its signal relay kills a child that is slow to acknowledge
    // SIGTERM, which would leave the detached embedded PostgreSQL running.
    command: "node --import tsx --import ./scripts/server-only-hook.mjs e2e/server.ts",
    url: `${E2E_BASE_URL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
