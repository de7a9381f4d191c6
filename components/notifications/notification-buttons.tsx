"use client";

// 标为已读 / 全部标为已读: server actions through useFormAction, with the result shown beside the button.
import { ActionNotice } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions";

export function MarkReadButton({ notificationId }: { notificationId: string }) {
  const { result, onSubmit, pending, formRef } = useFormAction(markNotificationReadAction);
  return (
    <form ref={formRef} onSubmit={onSubmit}>
      <input type="hidden" name="notificationId" value={notificationId} />
      <SubmitButton pending={pending} variant="default" size="small" pendingText="…">
        标为已读
      </SubmitButton>
      {result && !result.ok ? <ActionNotice result={result} /> : null}
    </form>
  );
}

export function MarkAllReadButton({ disabled }: { disabled: boolean }) {
  const { result, onSubmit, pending, formRef } = useFormAction(markAllNotificationsReadAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="row">
      {disabled ? (
        <button type="button" className="button small" disabled>
          全部标为已读
        </button>
      ) : (
        <SubmitButton pending={pending} variant="default" size="small">
          全部标为已读
        </SubmitButton>
      )}
      <ActionNotice result={result} />
    </form>
  );
}
