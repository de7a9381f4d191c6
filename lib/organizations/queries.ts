import "server-only";
import { db } from "../db";
import { assertOperator, type Actor, type OperatorActor } from "../auth/actor";

/** The actor's own organization with its settings and parent. */
export async function getOwnOrganization({ actor }: { actor: Actor }) {
  return db.organization.findUniqueOrThrow({
    where: { id: actor.organizationId },
    include: { parent: { select: { code: true, name: true } } },
  });
}

/** Every organization of the installation, for its operators. */
export async function findOrganizations({ operator }: { operator: OperatorActor }) {
  assertOperator(operator);
  return db.organization.findMany({
    select: {
      id: true,
      code: true,
      name: true,
      requireTotp: true,
      createdAt: true,
      parent: { select: { code: true, name: true } },
      _count: { select: { users: { where: { active: true } } } },
    },
    orderBy: { code: "asc" },
  });
}
