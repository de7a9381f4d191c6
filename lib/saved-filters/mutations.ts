// Saving and deleting a user's filters of the case list. A filter belongs to its user only: every
// write is scoped to actor.userId. Personal settings, not the record: not audited (docs/decisions/0073).
import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "../db";
import { AppError } from "../errors";
import type { Actor } from "../auth/actor";
import { parseInput } from "../validation";
import { SAVED_FILTERS_PER_USER_MAX, saveCaseFilterSchema, savedFilterIdSchema } from "./schemas";

export async function saveCaseFilter({ actor, input }: { actor: Actor; input: unknown }): Promise<{ id: string; query: string }> {
  const { name, query } = parseInput(saveCaseFilterSchema, input);
  return db.$transaction(async (tx) => {
    const count = await tx.savedCaseFilter.count({ where: { userId: actor.userId } });
    if (count >= SAVED_FILTERS_PER_USER_MAX) {
      throw new AppError("VALIDATION", `最多保存 ${SAVED_FILTERS_PER_USER_MAX} 个筛选，请先删除不用的`, { name: [`最多保存 ${SAVED_FILTERS_PER_USER_MAX} 个筛选`] });
    }
    const duplicate = () => new AppError("CONFLICT", `已有名为“${name}”的筛选，请换一个名称`, { name: ["已有同名的筛选"] });
    if (await tx.savedCaseFilter.findUnique({ where: { userId_name: { userId: actor.userId, name } }, select: { id: true } })) throw duplicate();
    try {
      const created = await tx.savedCaseFilter.create({ data: { userId: actor.userId, name, query }, select: { id: true, query: true } });
      return created;
    } catch (error) {
      // Saved twice at once: the unique index decides.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw duplicate();
      throw error;
    }
  });
}

export async function deleteCaseFilter({ actor, id }: { actor: Actor; id: unknown }): Promise<void> {
  const filterId = parseInput(savedFilterIdSchema, id);
  const deleted = await db.savedCaseFilter.deleteMany({ where: { id: filterId, userId: actor.userId } });
  if (deleted.count === 0) throw new AppError("NOT_FOUND", "未找到该筛选，可能已被删除");
}
