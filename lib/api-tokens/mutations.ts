// API tokens for the JSON API (/api/v1), managed by an organization's administrators. A token reads
// its organization's data and nothing else, and nothing it can call writes (docs/decisions/0066).
import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { type Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import { parseInput } from "../validation";
import { createApiTokenSchema, revokeApiTokenSchema } from "./schemas";
import { generateApiToken } from "./token";

/** Creates a token and returns it: the only time it is ever shown. */
export async function createApiToken({ actor, input }: { actor: Actor; input: unknown }): Promise<{ id: string; token: string }> {
  assertCan(actor, "api-tokens:manage");
  const { name } = parseInput(createApiTokenSchema, input);
  const { token, tokenHash, tokenPrefix } = generateApiToken();
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { organizationId: actor.organizationId, name, tokenHash, tokenPrefix, createdById: actor.userId },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "api_token.create", entityType: "ApiToken", entityId: row.id, after: { name, tokenPrefix } });
    return row;
  });
  return { id: created.id, token };
}

export async function revokeApiToken({ actor, input }: { actor: Actor; input: unknown }): Promise<void> {
  assertCan(actor, "api-tokens:manage");
  const { tokenId } = parseInput(revokeApiTokenSchema, input);
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, organizationId: actor.organizationId }, select: { id: true, name: true, revokedAt: true } });
    if (!token) throw new AppError("NOT_FOUND", "未找到该令牌");
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date(), revokedById: actor.userId } });
    await recordAudit(tx, actor, { action: "api_token.revoke", entityType: "ApiToken", entityId: token.id, before: { name: token.name } });
  });
}
