"use client";

import { assignHandlerAction } from "@/lib/cases/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

export function ReassignForm({
  applicationId,
  version,
  handlerId,
  handlers,
}: {
  applicationId: string;
  /** The case's version as the page was loaded. */
  version: number;
  handlerId: string | null;
  handlers: { id: string; displayName: string }[];
}) {
  const { result, onSubmit, pending } = useFormAction(assignHandlerAction);
  return (
    <form className="form" onSubmit={onSubmit} data-testid="reassign-form">
      <ActionNotice result={result} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <div className="field">
        <label htmlFor="handlerId">经办人</label>
        <select id="handlerId" name="handlerId" defaultValue={handlerId ?? ""}>
          <option value="">未分配</option>
          {handlers.map((handler) => (
            <option key={handler.id} value={handler.id}>
              {handler.displayName}
            </option>
          ))}
        </select>
      </div>
      <div>
        <SubmitButton pending={pending} size="small">
          更改经办人
        </SubmitButton>
      </div>
    </form>
  );
}
