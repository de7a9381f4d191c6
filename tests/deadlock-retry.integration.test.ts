// withDeadlockRetry (lib/db.ts) against a real deadlock: two transactions take two locks in opposite
// orders, PostgreSQL aborts one of them (40P01, after deadlock_timeout), and that one runs again from
// the start once the other has committed. Without the retry the aborted side's error reaches the caller
// (the batch actions' users read 系统繁忙).
import { describe, expect, it } from "vitest";
import { db, withDeadlockRetry } from "@/lib/db";
import { busyReasonOf } from "@/lib/db-busy";

/** Resolves for everyone once `parties` have arrived. */
function meeting(parties: number): () => Promise<void> {
  let arrived = 0;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return async () => {
    arrived += 1;
    if (arrived === parties) open();
    await opened;
  };
}

/** Two transactions that lock `first` then `second` and `second` then `first`: a deadlock on their first attempts. */
function crossing(wrap: <T>(run: () => Promise<T>) => Promise<T>) {
  const keys = [Math.floor(Math.random() * 1e9), Math.floor(Math.random() * 1e9) + 1e9] as const;
  const attempts = { a: 0, b: 0 };
  const bothHoldTheirFirstLock = meeting(2);
  const side = (name: "a" | "b", first: number, second: number) =>
    wrap(() =>
      db.$transaction(
        async (tx) => {
          attempts[name] += 1;
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${first}::bigint)`;
          if (attempts[name] === 1) await bothHoldTheirFirstLock();
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${second}::bigint)`;
          return name;
        },
        { timeout: 20_000 },
      ),
    );
  return { attempts, run: () => Promise.allSettled([side("a", keys[0], keys[1]), side("b", keys[1], keys[0])]) };
}

describe("withDeadlockRetry", () => {
  it("runs the transaction PostgreSQL aborted as a deadlock's victim again, and both complete", async () => {
    const { attempts, run } = crossing(withDeadlockRetry);
    const results = await run();
    expect(results).toEqual([
      { status: "fulfilled", value: "a" },
      { status: "fulfilled", value: "b" },
    ]);
    // One side ran once, the victim twice.
    expect([attempts.a, attempts.b].sort()).toEqual([1, 2]);
  });

  it("without it, the victim fails with the deadlock, which reads as busy", async () => {
    const { attempts, run } = crossing((run) => run());
    const results = await run();
    const failed = results.filter((result) => result.status === "rejected");
    expect(failed).toHaveLength(1);
    expect(busyReasonOf((failed[0] as PromiseRejectedResult).reason)).toBe("deadlock");
    expect(attempts).toEqual({ a: 1, b: 1 });
  });

  it("does not run again for any other error", async () => {
    let attempts = 0;
    await expect(
      withDeadlockRetry(async () => {
        attempts += 1;
        await db.$queryRaw`SELECT 1 / 0`;
      }),
    ).rejects.toThrow();
    expect(attempts).toBe(1);
  });
});
