// next-auth configuration: username, password and second factor through the credentials provider; a
// JWT cookie that carries only the user id and the id of a server-side session (sessions.ts). The
// cookie's own lifetime is the absolute one; idle timeout and revocation live in the database.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db";
import { getEnv } from "../env";
import { recordAudit } from "../audit/record";
import { safeCallbackPath } from "./callback-url";
import { getRequestContext } from "./request-context";
import { signInWithPassword } from "./sign-in";
import { resolveSession, revokeSession } from "./sessions";

export const authOptions: NextAuthOptions = {
  secret: getEnv().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: getEnv().SESSION_ABSOLUTE_HOURS * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  logger: {
    error(code, metadata) {
      // A session that is over (jwt callback below) is an expected answer, not an error.
      if (code === "JWT_SESSION_ERROR" && (metadata as { message?: unknown }).message === "SESSION_ENDED") return;
      console.error(`[next-auth] ${code}`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth] ${code}`);
    },
    debug() {},
  },
  providers: [
    CredentialsProvider({
      name: "用户名和密码",
      credentials: {
        username: { label: "用户名", type: "text" },
        password: { label: "密码", type: "password" },
        otp: { label: "验证码", type: "text" },
      },
      async authorize(credentials) {
        const result = await signInWithPassword(
          { username: credentials?.username, password: credentials?.password, otp: credentials?.otp || undefined },
          await getRequestContext(),
        );
        // next-auth passes the thrown message to the client as `error`: only our failure codes.
        if (!result.ok) throw new Error(result.reason);
        return { id: result.userId, sessionId: result.sessionId };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = (user as { sessionId?: string }).sessionId;
        return token;
      }
      // GET /api/auth/session re-issues the cookie: not for a session that is over. Throwing makes
      // next-auth clear the cookie and answer an empty session.
      const live = typeof token.sid === "string" ? await resolveSession(token.sid) : null;
      if (!live) throw new Error("SESSION_ENDED");
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub };
    },
    async redirect({ url, baseUrl }) {
      const target = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
      return `${baseUrl}${safeCallbackPath(target)}`;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid !== "string") return;
      const sessionId = token.sid;
      const context = await getRequestContext();
      await db.$transaction(async (tx) => {
        const ended = await revokeSession(tx, { sessionId, reason: "SIGNED_OUT", now: new Date() });
        if (!ended) return;
        await recordAudit(tx, ended, {
          action: "auth.signed_out",
          entityType: "User",
          entityId: ended.userId,
          after: { sessionId },
          ip: context.ip,
          userAgent: context.userAgent,
        });
      });
    },
  },
};
