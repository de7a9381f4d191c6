// The per-address limit on failed sign-ins (LOGIN_ADDRESS_MAX_FAILURES in LOGIN_ADDRESS_WINDOW_MINUTES,
// whatever the account), with rate-limiter-flexible's Prisma store on the SignInThrottle table: the
// count lives in PostgreSQL, so it holds across restarts and several app processes, and the table is
// ours (created by a migration, not by the library at run time). docs/decisions/0062.
import "server-only";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { db } from "../db";
import { getEnv } from "../env";

let limiter: RateLimiterPrisma | undefined;

function addressLimiter(): RateLimiterPrisma {
  if (!limiter) {
    const env = getEnv();
    limiter = new RateLimiterPrisma({
      storeClient: db,
      tableName: "signInThrottle",
      keyPrefix: "sign-in-address",
      points: env.LOGIN_ADDRESS_MAX_FAILURES,
      duration: env.LOGIN_ADDRESS_WINDOW_MINUTES * 60,
    });
  }
  return limiter;
}

/** Requests with no known address share one bucket. */
function keyOf(ip: string | null): string {
  return ip ?? "unknown";
}

export async function isAddressThrottled(ip: string | null): Promise<boolean> {
  const state = await addressLimiter().get(keyOf(ip));
  return state !== null && state.consumedPoints >= getEnv().LOGIN_ADDRESS_MAX_FAILURES;
}

/** Counts one failed sign-in from the address (an atomic increment in the database). */
export async function countAddressFailure(ip: string | null): Promise<void> {
  await addressLimiter().penalty(keyOf(ip), 1);
}
