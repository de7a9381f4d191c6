import "server-only";
import { db } from "../db";
import type { SignedIn } from "../auth/session";
import { openSecret } from "../auth/secret-box";
import { totpQrSvg } from "../auth/totp";

/** The account page's view of the signed-in account. */
export async function getOwnAccount({ signedIn }: { signedIn: SignedIn }) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: signedIn.principal.userId },
    select: {
      username: true,
      passwordChangedAt: true,
      lastLoginAt: true,
      totpEnabledAt: true,
      totpPendingSecret: true,
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
    },
  });
  const pendingSecret = user.totpPendingSecret ? openSecret(user.totpPendingSecret) : null;
  return {
    username: user.username,
    passwordChangedAt: user.passwordChangedAt,
    lastLoginAt: user.lastLoginAt,
    secondFactorEnabledAt: user.totpEnabledAt,
    recoveryCodesLeft: user._count.recoveryCodes,
    enrolment: pendingSecret ? { secret: pendingSecret, qrSvg: totpQrSvg(pendingSecret, user.username) } : null,
  };
}

