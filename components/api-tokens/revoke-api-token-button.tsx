"use client";

import { revokeApiTokenAction } from "@/lib/api-tokens/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

export function RevokeApiTokenButton({ tokenId }: { tokenId: string }) {
  const { result, onSubmit, pending } = useFormAction(revokeApiTokenAction);
  return (
    <form onSubmit={onSubmit} data-testid={`revoke-${tokenId}`}>
      {result && !result.ok ? <ActionNotice result={result} /> : null}
      <input type="hidden" name="tokenId" value={tokenId} />
      <SubmitButton pending={pending} variant="danger" size="small" pendingText="正在吊销…">
        吊销
      </SubmitButton>
    </form>
  );
}
