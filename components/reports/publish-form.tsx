"use client";

import { useState, useTransition, type FormEvent } from "react";
import { publishReportAction } from "@/lib/reports/actions";
import type { ActionResult } from "@/lib/errors";
import { callAction } from "@/components/ui/call-action";
import { ActionNotice } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";

export function PublishForm({
  year,
  format,
  publishedVersion,
  draftVersion,
  checksPass,
}: {
  year: number;
  format: string;
  publishedVersion: number | null;
  /** The draft's version on this page: publishing refuses a draft changed since (what is frozen must be what was read). */
  draftVersion: number;
  checksPass: boolean;
}) {
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    startTransition(async () => setResult(await callAction(publishReportAction({ year, format, reason: reason || undefined, expectedVersion: publishedVersion ?? 0, draftVersion }))));
  }

  return (
    <form className="form" onSubmit={onSubmit} data-testid="publish-form">
      <ActionNotice result={result} />
      <p className="muted">
        发布后，报告的数字、表二和文字即被冻结为一个版本；之后案件的变动不会改变已发布的版本，本页会列出差异。
        {checksPass ? "" : "核对未全部通过，暂不能发布。"}
      </p>
      {publishedVersion ? (
        <div className="field">
          <label htmlFor="publish-reason">再次发布的理由（将生成第 {publishedVersion + 1} 版）</label>
          <input id="publish-reason" name="reason" type="text" required />
        </div>
      ) : null}
      <div>
        <SubmitButton pending={pending}>{publishedVersion ? `发布第 ${publishedVersion + 1} 版` : "发布"}</SubmitButton>
      </div>
    </form>
  );
}
