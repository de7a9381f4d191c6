// Where a request came from, for the audit trail and the per-address sign-in limit. Next.js sets
// X-Forwarded-For to the peer address when the request has none; a reverse proxy appends the address
// it saw. With TRUST_PROXY_HOPS proxies in front, the client is that many entries from the right, and
// whatever a client wrote further left is ignored. Reached directly (0 hops), a client can still put
// its own X-Forwarded-For: deploy behind a proxy (docs/operations.md).
import { headers } from "next/headers";
import { isIP } from "node:net";
import { getEnv } from "../env";

export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

export const NO_REQUEST_CONTEXT: RequestContext = { ip: null, userAgent: null };

const MAX_USER_AGENT_LENGTH = 400;

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function headerValue(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

/** The client address: TRUST_PROXY_HOPS entries from the right of X-Forwarded-For. */
export function clientAddress(forwardedFor: string | undefined, trustedHops: number): string | null {
  if (!forwardedFor) return null;
  const entries = forwardedFor.split(",").map((entry) => entry.trim()).filter(Boolean);
  const candidate = entries[Math.max(0, entries.length - 1 - trustedHops)];
  if (!candidate) return null;
  const address = candidate.startsWith("::ffff:") && isIP(candidate.slice(7)) === 4 ? candidate.slice(7) : candidate;
  return isIP(address) ? address : null;
}

export function requestContextFrom(source: HeaderSource): RequestContext {
  const userAgent = headerValue(source, "user-agent")?.slice(0, MAX_USER_AGENT_LENGTH) ?? null;
  return { ip: clientAddress(headerValue(source, "x-forwarded-for"), getEnv().TRUST_PROXY_HOPS), userAgent };
}

/** The current request's context; empty outside a request (the command line, tests). */
export async function getRequestContext(): Promise<RequestContext> {
  try {
    return requestContextFrom(await headers());
  } catch {
    return NO_REQUEST_CONTEXT;
  }
}
