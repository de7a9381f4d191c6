// The daily email digest: one email per user who asked for it (User.emailDigest) and has an address,
// listing their unread alerts not yet emailed; those alerts are then marked emailedAt. Does nothing
// while SMTP is not configured.
import type { IsoDate } from "../calendar/workdays";
import { composeDigestEmail, type SmtpSettings } from "./digest-email";
import { claimDigestNotifications, releaseDigestClaim } from "./mutations";
import { findDigestRecipients } from "./queries";

export interface DigestMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** What sends the emails: nodemailer's transporter, or a stand-in in tests. */
export interface DigestTransport {
  sendMail(message: DigestMessage): Promise<unknown>;
}

export interface DigestResult {
  /** True when SMTP is not configured: nothing was sent. */
  skipped: boolean;
  /** Emails sent (one per user). */
  sent: number;
  /** Emails that failed (their alerts stay unsent, for the next digest). */
  failed: number;
  /** Alerts included in the emails sent. */
  notifications: number;
}

async function createSmtpTransport(smtp: SmtpSettings): Promise<DigestTransport> {
  const nodemailer = await import("nodemailer");
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? "" } : undefined,
  });
}

export async function sendDailyDigest({
  smtp,
  today,
  appUrl,
  transport,
  now = new Date(),
}: {
  smtp: SmtpSettings | null;
  today: IsoDate;
  appUrl?: string;
  /** Defaults to an SMTP transport for `smtp`. */
  transport?: DigestTransport;
  now?: Date;
}): Promise<DigestResult> {
  if (!smtp) return { skipped: true, sent: 0, failed: 0, notifications: 0 };
  const recipients = await findDigestRecipients();
  const result: DigestResult = { skipped: false, sent: 0, failed: 0, notifications: 0 };
  if (recipients.length === 0) return result;
  const mailer = transport ?? (await createSmtpTransport(smtp));

  for (const recipient of recipients) {
    const claimed = await claimDigestNotifications({ userId: recipient.userId, claimedAt: now });
    if (claimed.length === 0) continue;
    const email = composeDigestEmail({
      displayName: recipient.displayName,
      organizationName: recipient.organizationName,
      items: claimed,
      today,
      appUrl,
    });
    try {
      await mailer.sendMail({ from: smtp.from, to: recipient.email, ...email });
      result.sent += 1;
      result.notifications += claimed.length;
    } catch (error) {
      result.failed += 1;
      console.error(`[notifications] 每日提醒邮件发送失败（用户 ${recipient.userId}）`, error);
      await releaseDigestClaim({ ids: claimed.map((notification) => notification.id), claimedAt: now });
    }
  }
  return result;
}
