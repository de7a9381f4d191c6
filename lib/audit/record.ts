import type { Prisma } from "@prisma/client";
import type { Transaction } from "../db";

/** Who an audit event is about: any signed-in principal (an operator has no organization). */
export interface AuditActor {
  userId: string;
  organizationId?: string | null;
}

/** Writes one audit event inside the caller's transaction. */
export async function recordAudit(
  tx: Transaction,
  actor: AuditActor | null,
  event: {
    action: string;
    entityType: string;
    entityId: string;
    organizationId?: string | null;
    before?: Prisma.InputJsonValue;
    after?: Prisma.InputJsonValue;
    reason?: string;
    /** Source address and user agent, for security events (lib/auth/request-context.ts). */
    ip?: string | null;
    userAgent?: string | null;
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
      ip: event.ip ?? null,
      userAgent: event.userAgent ?? null,
    },
  });
}
