import type { Prisma } from "@prisma/client";
import type { Transaction } from "../db";
import type { Actor } from "../auth/actor";

/** Writes one audit event inside the caller's transaction. */
export async function recordAudit(
  tx: Transaction,
  actor: Actor | null,
  event: {
    action: string;
    entityType: string;
    entityId: string;
    organizationId?: string | null;
    before?: Prisma.InputJsonValue;
    after?: Prisma.InputJsonValue;
    reason?: string;
  },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId: event.organizationId === undefined ? (actor?.organizationId ?? null) : event.organizationId,
      actorId: actor?.userId ?? null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: event.before,
      after: event.after,
      reason: event.reason,
    },
  });
}
