import { db } from "../db";
import type { Actor } from "../auth/actor";

/** The actor's own organization with its settings and parent. */
export async function getOwnOrganization({ actor }: { actor: Actor }) {
  return db.organization.findUniqueOrThrow({
    where: { id: actor.organizationId },
    include: { parent: { select: { code: true, name: true } } },
  });
}
