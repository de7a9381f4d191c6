// Resolves the current request's principal from the session cookie and the database: the cookie is
// decrypted here (no getServerSession round trip; once per token and process, session-token.ts) and the
// server-side session checked with one statement (sessions.ts), once per request (React cache).
import type { Role } from "@prisma/client";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { isOperator, toPrincipal, type Actor, type OperatorActor, type Principal } from "./actor";
import { recordAccessRefused } from "./security-events";
import { resolveSession, type LiveSession } from "./sessions";
import { decodeSessionToken } from "./session-token";
import { requestCalendarFingerprint } from "../calendar/fingerprint";

/** What a signed-in account must do before anything else. */
export type PendingStep = "CHANGE_PASSWORD" | "ENROL_SECOND_FACTOR";

export interface SignedIn {
  principal: Principal;
  sessionId: string;
  pending: PendingStep | null;
  totpEnrolled: boolean;
  /** A second factor is required of this account (operator, or ADMIN/MANAGER where the organization asks). */
  totpRequired: boolean;
}

const SESSION_COOKIE = "next-auth.session-token";
const SECURE_SESSION_COOKIE = "__Secure-next-auth.session-token";

async function sessionIdFromCookie(): Promise<string | null> {
  const secret = getEnv().NEXTAUTH_SECRET;
  if (!secret) return null;
  const store = await cookies();
  const name = getEnv().NEXTAUTH_URL?.startsWith("https://") ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  // next-auth splits a large cookie into name.0, name.1 …; ours is small, but read it the same way.
  const chunks = store
    .getAll()
    .filter((cookie) => cookie.name === name || cookie.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.split(".").pop()) - Number(b.name.split(".").pop()));
  const token = chunks.map((cookie) => cookie.value).join("");
  if (!token) return null;
  try {
    const payload = await decodeSessionToken({ token, secret });
    return typeof payload?.sid === "string" ? payload.sid : null;
  } catch {
    return null;
  }
}

export function totpRequiredFor(session: Pick<LiveSession, "role" | "organizationRequiresTotp">): boolean {
  return session.role === "OPERATOR" || (session.organizationRequiresTotp && (session.role === "ADMIN" || session.role === "MANAGER"));
}

function signedInFrom(session: LiveSession): SignedIn {
  const principal = toPrincipal({
    id: session.userId,
    username: session.username,
    displayName: session.displayName,
    role: session.role,
    organizationId: session.organizationId,
    organization: session.organizationCode && session.organizationName ? { code: session.organizationCode, name: session.organizationName } : null,
  });
  const totpRequired = totpRequiredFor(session);
  const pending: PendingStep | null = session.mustChangePassword
    ? "CHANGE_PASSWORD"
    : totpRequired && !session.totpEnrolled
      ? "ENROL_SECOND_FACTOR"
      : null;
  return { principal, sessionId: session.sessionId, pending, totpEnrolled: session.totpEnrolled, totpRequired };
}

/** The signed-in account of this request, or null. One query, shared by the layout and the page. */
export const getSignedIn = cache(async (): Promise<SignedIn | null> => {
  const sessionId = await sessionIdFromCookie();
  if (!sessionId) return null;
  const session = await resolveSession(sessionId);
  if (!session) return null;
  // The page's calendar is checked against the fingerprint read with the session (ADR 0100).
  requestCalendarFingerprint().value = session.calendarFingerprint;
  return signedInFrom(session);
});

/** The signed-in organization member with nothing pending, or null (route handlers, the JSON API). */
export async function getActor(): Promise<Actor | null> {
  const signedIn = await getSignedIn();
  if (!signedIn || signedIn.pending || isOperator(signedIn.principal)) return null;
  return signedIn.principal;
}

// ---------------------------------------------------------------------------------------------
// For pages and layouts: redirects

/** Where an account with a pending step is sent. */
export const ACCOUNT_SETUP_PATH = "/account";

/**
 * The signed-in principal (member or operator). Without `allowPending`, an account that must change
 * its password or enrol a second factor is sent to its account page first.
 */
export async function requirePrincipal(options: { allowPending?: boolean } = {}): Promise<SignedIn> {
  const signedIn = await getSignedIn();
  if (!signedIn) redirect("/login");
  if (signedIn.pending && !options.allowPending) redirect(ACCOUNT_SETUP_PATH);
  return signedIn;
}

/**
 * For organization pages: the member, or a redirect (sign-in; an operator to the operator's pages).
 * With `roles`, a member of another role is sent to the "no access" page, and the refusal audited.
 */
export async function requireActor(options: { roles?: Role[] } = {}): Promise<Actor> {
  const { principal } = await requirePrincipal();
  if (isOperator(principal)) redirect("/operator");
  if (options.roles && !options.roles.includes(principal.role)) {
    await recordAccessRefused(principal, "page");
    redirect("/forbidden");
  }
  return principal;
}

/** For the operator's pages. */
export async function requireOperator(): Promise<OperatorActor> {
  const { principal } = await requirePrincipal();
  if (!isOperator(principal)) {
    await recordAccessRefused(principal, "operator-page");
    redirect("/forbidden");
  }
  return principal;
}

// ---------------------------------------------------------------------------------------------
// For server actions and route handlers: errors

/** The signed-in principal, or UNAUTHENTICATED; a pending step is FORBIDDEN unless allowed. */
export async function requireSignedInForAction(options: { allowPending?: boolean } = {}): Promise<SignedIn> {
  const signedIn = await getSignedIn();
  if (!signedIn) throw new AppError("UNAUTHENTICATED", "登录已失效，请重新登录");
  if (signedIn.pending && !options.allowPending) {
    throw new AppError("FORBIDDEN", signedIn.pending === "CHANGE_PASSWORD" ? "请先修改密码" : "请先设置双因素认证");
  }
  return signedIn;
}

/** The organization member, or UNAUTHENTICATED / FORBIDDEN. */
export async function requireActorForAction(): Promise<Actor> {
  const { principal } = await requireSignedInForAction();
  if (isOperator(principal)) throw new AppError("FORBIDDEN", "系统管理员不属于任何机构，不能执行此操作");
  return principal;
}

/** Any signed-in principal with nothing pending (shared pages such as the calendar). */
export async function requirePrincipalForAction(): Promise<Principal> {
  return (await requireSignedInForAction()).principal;
}
