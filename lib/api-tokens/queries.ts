import "server-only";
import { db } from "../db";
import { type Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import type { RequestContext } from "../auth/request-context";
import { hashApiToken } from "./token";

/** The organization's tokens, newest first (administrators only). Never the token itself. */
export async function findApiTokens({ actor }: { actor: Actor }) {
  assertCan(actor, "api-tokens:manage");
  return db.apiToken.findMany({
    where: { organizationId: actor.organizationId },
    select: {
      id: true,
      name: true,
      tokenPrefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { displayName: true } },
      revokedBy: { select: { displayName: true } },
    },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

/** Who an accepted token reads for. */
export interface ApiTokenReader {
  tokenId: string;
  organizationId: string;
  organizationCode: string;
}

/**
 * Checks a token and records its use (audit event api_token.use with the address and what was read,
 * and lastUsedAt) in one transaction. A revoked or unknown token is null.
 */
export async function acceptApiToken({ token, context, resource }: { token: string; context: RequestContext; resource: string }): Promise<ApiTokenReader | null> {
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, revokedAt: true, organizationId: true, organization: { select: { code: true } } },
  });
  if (!found || found.revokedAt) return null;
  await db.$transaction(async (tx) => {
    await tx.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
    await recordAudit(tx, null, {
      organizationId: found.organizationId,
      action: "api_token.use",
      entityType: "ApiToken",
      entityId: found.id,
      after: { resource },
      ip: context.ip,
      userAgent: context.userAgent,
    });
  });
  return { tokenId: found.id, organizationId: found.organizationId, organizationCode: found.organization.code };
}
