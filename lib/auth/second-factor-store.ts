import type { Transaction } from "../db";

/**
 * Removes an account's second factor: the authenticator secret (enrolled or pending) and the recovery
 * codes. With `endAllSessions`, every session of the account ends too (an administrator's reset).
 */
export async function clearSecondFactor(tx: Transaction, userId: string, { endAllSessions }: { endAllSessions: boolean }): Promise<void> {
  await tx.user.update({
    where: { id: userId },
    data: {
      totpSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      totpPendingSecret: null,
      ...(endAllSessions ? { sessionVersion: { increment: 1 } } : {}),
    },
  });
  await tx.recoveryCode.deleteMany({ where: { userId } });
}
