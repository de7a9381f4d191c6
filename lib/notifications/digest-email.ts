// The daily digest email, as pure functions: the SMTP settings from the environment's values, when the
// digest is due, and the message itself. digest.ts sends it; scheduler.ts runs it once a day.
import type { NotificationKind } from "@prisma/client";
import { z } from "zod";
import type { IsoDate } from "../calendar/workdays";
import { formatDateTime } from "../format";
import { todayInShanghai } from "../today";
import { NOTIFICATION_KIND_LABELS, NOTIFICATIONS_PATH } from "./labels";

// ---------------------------------------------------------------------------------------------
// SMTP settings

export interface SmtpSettings {
  host: string;
  port: number;
  /** Implicit TLS (port 465); other ports upgrade with STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  /** The sender, e.g. "政务公开办 <gongkai@example.gov.cn>". */
  from: string;
}

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const smtpEnvSchema = z.object({
  SMTP_HOST: z.preprocess(blankToUndefined, z.string().trim().min(1).optional()),
  SMTP_PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(65535).optional()),
  SMTP_USER: z.preprocess(blankToUndefined, z.string().optional()),
  SMTP_PASSWORD: z.preprocess(blankToUndefined, z.string().optional()),
  SMTP_FROM: z.preprocess(blankToUndefined, z.string().trim().min(3).optional()),
});

export const DEFAULT_SMTP_PORT = 587;

/**
 * The SMTP settings from the environment's values (pass getEnv(): lib/env.ts stays the only reader of
 * the environment), or null when the digest is not configured (no SMTP_HOST or no SMTP_FROM). Throws on a
 * value that is set but wrong, so that a misconfiguration is reported instead of silently ignored.
 */
export function smtpSettingsFrom(values: { readonly [key: string]: unknown }): SmtpSettings | null {
  const result = smtpEnvSchema.safeParse(values);
  if (!result.success) {
    const details = result.error.issues.map((issue) => `${issue.path.join(".")}：${issue.message}`).join("；");
    throw new Error(`邮件（SMTP）配置有误：${details}`);
  }
  const { SMTP_HOST: host, SMTP_PORT: port = DEFAULT_SMTP_PORT, SMTP_USER: user, SMTP_PASSWORD: password, SMTP_FROM: from } = result.data;
  if (!host || !from) return null;
  return { host, port, secure: port === 465, user, password, from };
}

// ---------------------------------------------------------------------------------------------
// When

/** The digest goes out once a day, at the scheduler's first check from this hour on (Asia/Shanghai). */
export const DIGEST_HOUR_SHANGHAI = 8;

const shanghaiHourFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", hour: "2-digit", hourCycle: "h23" });

/** The hour of the day (0–23) in Beijing at the instant `now`. */
export function shanghaiHour(now: Date): number {
  const hour = shanghaiHourFormat.formatToParts(now).find((part) => part.type === "hour")?.value ?? "0";
  return Number(hour);
}

/** The instant of 08:00 in Beijing on the calendar day `day`. */
export function digestTimeOn(day: IsoDate): Date {
  return new Date(`${day}T${String(DIGEST_HOUR_SHANGHAI).padStart(2, "0")}:00:00+08:00`);
}

/**
 * Whether the digest should go out at `now`: from 08:00 Beijing time, and not yet today — neither by
 * this process (`lastDigestDay`) nor by an earlier run or another instance (`lastSentAt`, the latest
 * emailedAt in the database).
 */
export function isDigestDue({ now, lastDigestDay, lastSentAt }: { now: Date; lastDigestDay: IsoDate | null; lastSentAt: Date | null }): boolean {
  const today = todayInShanghai(now);
  if (shanghaiHour(now) < DIGEST_HOUR_SHANGHAI) return false;
  if (lastDigestDay === today) return false;
  return !(lastSentAt && lastSentAt >= digestTimeOn(today));
}

// ---------------------------------------------------------------------------------------------
// What

export interface DigestItem {
  kind: NotificationKind;
  message: string;
  createdAt: Date;
}

export interface DigestEmail {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The digest for one user: their unread alerts not yet emailed, oldest first, with a link to the list. */
export function composeDigestEmail({
  displayName,
  organizationName,
  items,
  today,
  appUrl,
}: {
  displayName: string;
  organizationName: string;
  items: readonly DigestItem[];
  today: IsoDate;
  /** The app's public address (NEXTAUTH_URL); without it the email names the page instead of linking it. */
  appUrl?: string;
}): DigestEmail {
  const sorted = [...items].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const subject = `【政府信息公开】${today} 您有 ${sorted.length} 条未读提醒`;
  const link = appUrl ? `${appUrl.replace(/\/+$/, "")}${NOTIFICATIONS_PATH}` : null;
  const lines = sorted.map((item) => `· 【${NOTIFICATION_KIND_LABELS[item.kind]}】${item.message}（${formatDateTime(item.createdAt)}）`);
  const text = [
    `${displayName}，您好：`,
    "",
    `${organizationName}政府信息公开申请办理系统有 ${sorted.length} 条提醒尚未阅读：`,
    "",
    ...lines,
    "",
    link ? `查看全部提醒：${link}` : "请登录系统，在“提醒”页面查看全部提醒。",
    "",
    "本邮件由系统每日自动发送，请勿回复。如不再需要每日邮件，请联系本单位系统管理员关闭。",
  ].join("\n");
  const html = [
    `<p>${escapeHtml(displayName)}，您好：</p>`,
    `<p>${escapeHtml(organizationName)}政府信息公开申请办理系统有 <strong>${sorted.length}</strong> 条提醒尚未阅读：</p>`,
    "<ul>",
    ...sorted.map(
      (item) =>
        `<li><strong>【${escapeHtml(NOTIFICATION_KIND_LABELS[item.kind])}】</strong>${escapeHtml(item.message)}` +
        `<span style="color:#5f6b7a">（${escapeHtml(formatDateTime(item.createdAt))}）</span></li>`,
    ),
    "</ul>",
    link ? `<p><a href="${escapeHtml(link)}">查看全部提醒</a></p>` : "<p>请登录系统，在“提醒”页面查看全部提醒。</p>",
    `<p style="color:#5f6b7a;font-size:12px">本邮件由系统每日自动发送，请勿回复。如不再需要每日邮件，请联系本单位系统管理员关闭。</p>`,
  ].join("\n");
  return { subject, text, html };
}
