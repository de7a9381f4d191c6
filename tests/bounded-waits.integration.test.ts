// Bounded waits (issue 9, item 6) against the real database: with every pool connection taken, a
// request is answered within DATABASE_CONNECTION_WAIT_MS with 系统繁忙，请稍后重试, the log says why, and
// the health check says degraded without waiting itself; a row lock held elsewhere ends at lock_timeout.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { useDatabaseUrl } from "../lib/env";

const POOL_SIZE = 2;
const WAIT_MS = 800;
const LOCK_TIMEOUT_MS = 600;

// Read by lib/env.ts when lib/db.ts is first loaded below.
Object.assign(process.env, {
  DATABASE_POOL_SIZE: String(POOL_SIZE),
  DATABASE_CONNECTION_WAIT_MS: String(WAIT_MS),
  DATABASE_LOCK_TIMEOUT_MS: String(LOCK_TIMEOUT_MS),
});
useDatabaseUrl(inject("databaseUrl"));
const { db, disconnectDatabase, poolStatistics } = await import("../lib/db");
const { runAction } = await import("../lib/actions");
const { checkHealth } = await import("../lib/health");
const { createTestOrganization } = await import("./factories");

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not reached");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

afterAll(async () => {
  await disconnectDatabase();
});

describe("with the pool exhausted", () => {
  let release: () => void = () => undefined;
  let holders: Promise<unknown>[] = [];

  beforeAll(async () => {
    const held = new Promise<void>((resolve) => (release = resolve));
    // Each interactive transaction keeps one connection until `held` resolves.
    holders = Array.from({ length: POOL_SIZE }, () =>
      db.$transaction(
        async (tx) => {
          await tx.$queryRaw`select 1`;
          await held;
        },
        { maxWait: 5_000, timeout: 30_000 },
      ),
    );
    await until(() => poolStatistics().inUse === POOL_SIZE);
  });

  it("answers a request within the configured wait with the Chinese busy message and logs why", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const started = performance.now();
    const result = await runAction(async () => {
      await db.organization.count();
    });
    const elapsed = performance.now() - started;
    expect(result).toEqual({ ok: false, message: "系统繁忙，请稍后重试" });
    expect(elapsed).toBeGreaterThanOrEqual(WAIT_MS - 50);
    expect(elapsed).toBeLessThan(WAIT_MS + 1_500);
    expect(logged.mock.calls.flat().join("\n")).toContain("等待数据库连接超时");
    logged.mockRestore();
  });

  it("reports degraded health at once, without waiting for a connection", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const started = performance.now();
    const health = await checkHealth("test");
    expect(performance.now() - started).toBeLessThan(WAIT_MS);
    expect(health.status).toBe("degraded");
    expect(health.database.status).toBe("busy");
    expect(health.database.pool).toMatchObject({ size: POOL_SIZE, inUse: POOL_SIZE });
    vi.restoreAllMocks();
  });

  it("is healthy again once the connections are back", async () => {
    release();
    await Promise.all(holders);
    const health = await checkHealth("test");
    expect(health.status).toBe("ok");
    expect(health.database.migrations).toBeGreaterThan(0);
  });
});

describe("a row locked by another session", () => {
  it("ends the wait at lock_timeout with the busy message, and changes nothing", async () => {
    const organization = await createTestOrganization("加锁前的名称");
    const other = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
    await other.connect();
    try {
      await other.query("begin");
      await other.query(`select * from "Organization" where id = $1 for update`, [organization.id]);
      const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const started = performance.now();
      const result = await runAction(async () => {
        await db.organization.update({ where: { id: organization.id }, data: { name: "不应写入" } });
      });
      const elapsed = performance.now() - started;
      expect(result).toEqual({ ok: false, message: "系统繁忙，请稍后重试" });
      expect(elapsed).toBeLessThan(LOCK_TIMEOUT_MS + 1_500);
      expect(logged.mock.calls.flat().join("\n")).toContain("lock_timeout");
      logged.mockRestore();
    } finally {
      await other.query("rollback");
      await other.end();
    }
    const stored = await db.organization.findUniqueOrThrow({ where: { id: organization.id } });
    expect(stored.name).toBe("加锁前的名称");
  });
});
