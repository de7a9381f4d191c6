-- Issue 13: an open case without a handler is the managers' (an alert to each of them).
ALTER TYPE "NotificationKind" ADD VALUE IF NOT EXISTS 'UNASSIGNED';
