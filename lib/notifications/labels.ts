// Chinese labels of the notification kinds, for the notification list and the email digest. Pure.
import type { NotificationKind } from "@prisma/client";

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  DUE_SOON: "即将到期",
  OVERDUE: "已逾期",
  CORRECTION_NOTICE_DUE: "补正告知期限将到",
  FEE_PAYMENT_LAPSED: "缴费期限已过",
  CONSULTATION_REPLY_DUE: "征求意见期限已到",
  CALENDAR_UNCONFIRMED: "节假日安排未确认",
  UNASSIGNED: "未分配",
  EXTENSION_REQUESTED: "待批延期",
  EXTENSION_DECIDED: "延期申请已处理",
};

/** The badge colour of each kind (classes of app/globals.css). */
export const NOTIFICATION_KIND_TONES: Record<NotificationKind, "danger" | "warning" | "info"> = {
  DUE_SOON: "warning",
  OVERDUE: "danger",
  CORRECTION_NOTICE_DUE: "warning",
  FEE_PAYMENT_LAPSED: "danger",
  CONSULTATION_REPLY_DUE: "warning",
  CALENDAR_UNCONFIRMED: "info",
  UNASSIGNED: "warning",
  EXTENSION_REQUESTED: "warning",
  EXTENSION_DECIDED: "info",
};

export const NOTIFICATIONS_PATH = "/notifications";
