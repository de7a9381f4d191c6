// Who is calling the JSON API: an API token (`Authorization: Bearer gk_…`, scripts and a government's
// roll-up) or a signed-in member's session cookie (the browser). Used by every /api/v1 handler.
import { getActor } from "../auth/session";
import { recordAccessRefused } from "../auth/security-events";
import { requestContextFrom } from "../auth/request-context";
import { acceptApiToken } from "./queries";
import { bearerToken } from "./token";

export type ApiReader =
  | { kind: "token"; tokenId: string; organizationId: string; organizationCode: string }
  | { kind: "session"; organizationId: string; organizationCode: string; actor: NonNullable<Awaited<ReturnType<typeof getActor>>> };

export type ApiReaderResult = { ok: true; reader: ApiReader } | { ok: false; status: 401; message: string };

export async function readerOf(request: Request, resource: string): Promise<ApiReaderResult> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const token = bearerToken(authorization);
    const context = requestContextFrom(request.headers);
    const accepted = token ? await acceptApiToken({ token, context, resource }) : null;
    if (!accepted) {
      await recordAccessRefused(null, "api-token", { resource, reason: token ? "unknown or revoked token" : "malformed Authorization header" });
      return { ok: false, status: 401, message: "API 令牌无效或已吊销" };
    }
    return { ok: true, reader: { kind: "token", ...accepted } };
  }
  const actor = await getActor();
  if (!actor) return { ok: false, status: 401, message: "未登录或登录已失效，请先登录" };
  return { ok: true, reader: { kind: "session", organizationId: actor.organizationId, organizationCode: actor.organizationCode, actor } };
}
