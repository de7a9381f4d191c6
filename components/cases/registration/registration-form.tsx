"use client";

import { Link } from "@/components/link";
import { useLocalDraft } from "@/components/ui/use-local-draft";
import { CountedText } from "@/components/ui/char-count";
import { REQUEST_CONTENT_MAX } from "@/lib/cases/limits";
import { useEffect, useState, type FormEvent } from "react";
import type { Channel } from "@/lib/domain-types";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { CHANNEL_LABELS, CHANNEL_RECEIPT_RULES } from "@/lib/cases/labels";
import { registerApplicationAction } from "@/lib/cases/registration-actions";
import type { CaseHandlerOption } from "@/lib/cases/queries";
import type { RegistrationHintsInput } from "@/lib/cases/registration-queries";
import { ActionNotice, fieldError } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { ApplicantSection } from "./applicant-section";
import { describedBy, FIRST_INVALID_FIELD } from "./text-field";
import { ChoiceWithOtherField } from "./choice-with-other-field";
import { RegistrationHintsPanel } from "./registration-hints-panel";
import { SameDayReplyFields } from "./same-day-reply-fields";
import { useRegistrationHints } from "./use-registration-hints";
import styles from "./registration.module.css";

const CHANNELS = Object.keys(CHANNEL_LABELS) as Channel[];
const DELIVERY_FORMS = ["纸质", "电子"] as const;
const DELIVERY_METHODS = ["邮寄", "电子邮件", "自行领取", "当场阅读"] as const;
/** The fields the hints depend on; a change to any other field does not ask the server again. */
const HINT_FIELDS = new Set(["applicantName", "applicantIdNumber", "requestContent", "receivedOn"]);

function isChannel(value: string): value is Channel {
  return (CHANNELS as string[]).includes(value);
}

function hintsQueryOf(form: HTMLFormElement): RegistrationHintsInput {
  const data = new FormData(form);
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    applicantName: text("applicantName"),
    applicantIdNumber: text("applicantIdNumber"),
    requestContent: text("requestContent"),
    receivedOn: text("receivedOn"),
  };
}

export function RegistrationForm({
  today,
  handlers,
  currentUserId,
}: {
  /** Today in Asia/Shanghai: the default receipt date and the latest one allowed. */
  today: string;
  handlers: CaseHandlerOption[];
  currentUserId: string;
}) {
  // On success the action redirects to the new case; a refused submission keeps everything typed.
  const { result, onSubmit, pending, formRef } = useFormAction(registerApplicationAction);
  const hintsState = useRegistrationHints();
  const { requestHints } = hintsState;
  const [channel, setChannel] = useState<Channel | "">("");
  const [receivedOn, setReceivedOn] = useState(today);
  const error = (field: string) => fieldError(result, field);
  // Kept in this browser while typed; removed on submission, saved again when refused.
  const draftKey = `registration:${currentUserId}`;
  const draft = useLocalDraft(formRef, draftKey);
  // 当场答复: the closing step is entered with the registration (one transaction on the server).
  const [sameDayReply, setSameDayReply] = useState(false);
  const [requestAtReply, setRequestAtReply] = useState("");
  const { save: saveDraft } = draft;
  useEffect(() => {
    if (result && !result.ok) saveDraft();
  }, [result, saveDraft]);
  const receivedOnInFuture = receivedOn !== "" && receivedOn > today;
  const receivedOnError = error("receivedOn") ?? (receivedOnInFuture ? "收到申请日期不能晚于今天" : undefined);

  // After a refused submission, take the clerk to the first field the server objected to.
  useEffect(() => {
    if (result && !result.ok && result.fieldErrors) {
      formRef.current?.querySelector<HTMLElement>(FIRST_INVALID_FIELD)?.focus();
    }
  }, [result, formRef]);

  function onFieldChange(event: FormEvent<HTMLFormElement>) {
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
    if (HINT_FIELDS.has(target.name)) requestHints(hintsQueryOf(event.currentTarget));
  }

  return (
    <div className={styles.layout}>
      <form
        ref={formRef}
        onSubmit={(event) => {
          draft.clear();
          onSubmit(event);
        }}
        onChange={onFieldChange}
        className={styles.form}
        data-testid="registration-form"
        // The server checks every field and answers in Chinese, next to the field.
        noValidate
      >
        {draft.restored ? (
          <div className="notice" role="status" data-testid="draft-restored">
            已恢复上次未提交的内容。
            <button
              type="button"
              className="button small link"
              onClick={() => {
                draft.clear();
                formRef.current?.reset();
                window.location.reload();
              }}
            >
              清空重填
            </button>
          </div>
        ) : null}
        <ApplicantSection error={error} />

        <section className={`card ${styles.section}`} aria-labelledby="request-heading">
          <h2 id="request-heading">申请</h2>
          <div className={styles.fieldGrid}>
            <div className="field">
              <label htmlFor="channel">申请方式</label>
              <select
                id="channel"
                name="channel"
                value={channel}
                onChange={(event) => setChannel(isChannel(event.target.value) ? event.target.value : "")}
                aria-invalid={error("channel") ? true : undefined}
                aria-describedby={describedBy(error("channel") && "channel-error")}
              >
                <option value="">请选择</option>
                {CHANNELS.map((option) => (
                  <option key={option} value={option}>
                    {CHANNEL_LABELS[option]}
                  </option>
                ))}
              </select>
              {error("channel") ? (
                <span id="channel-error" className="error">
                  {error("channel")}
                </span>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor="receivedOn">收到申请日期</label>
              <input
                id="receivedOn"
                name="receivedOn"
                type="date"
                value={receivedOn}
                onChange={(event) => setReceivedOn(event.target.value)}
                aria-invalid={receivedOnError ? true : undefined}
                aria-describedby={describedBy("receivedOn-rule", receivedOnError && "receivedOn-error")}
              />
              <span id="receivedOn-rule" className={styles.receiptRule} aria-live="polite">
                {channel ? (
                  <>
                    <strong>{CHANNEL_LABELS[channel]}：</strong>
                    {CHANNEL_RECEIPT_RULES[channel]}（条例第三十一条）
                  </>
                ) : (
                  "选择申请方式后，这里显示该方式下哪一天是法定的收到申请之日（条例第三十一条）。"
                )}
              </span>
              {receivedOnError ? (
                <span id="receivedOn-error" className="error">
                  {receivedOnError}
                </span>
              ) : null}
            </div>
            <div className={`field ${styles.wide}`}>
              <label htmlFor="requestContent">申请内容</label>
              <CountedText
                as="textarea"
                id="requestContent"
                name="requestContent"
                rows={6}
                max={REQUEST_CONTENT_MAX}
                invalid={Boolean(error("requestContent"))}
                describedBy={describedBy("requestContent-hint", error("requestContent") && "requestContent-error")}
              />
              <span id="requestContent-hint" className="hint">
                申请公开的政府信息的名称、文号或者便于查询的其他特征性描述
              </span>
              {error("requestContent") ? (
                <span id="requestContent-error" className="error">
                  {error("requestContent")}
                </span>
              ) : null}
            </div>
            <ChoiceWithOtherField
              id="deliveryForm"
              name="deliveryForm"
              label="获取方式"
              otherLabel="其他方式说明"
              options={DELIVERY_FORMS}
              hint="申请人要求的提供形式"
              error={error("deliveryForm")}
            />
            <ChoiceWithOtherField
              id="deliveryMethod"
              name="deliveryMethod"
              label="获取途径"
              otherLabel="其他途径说明"
              options={DELIVERY_METHODS}
              hint="邮寄须通过邮政企业，不得到付"
              error={error("deliveryMethod")}
            />
          </div>
        </section>

        <section className={`card ${styles.section}`} aria-labelledby="handler-heading">
          <h2 id="handler-heading">经办人</h2>
          <div className={styles.fieldGrid}>
            <div className="field">
              <label htmlFor="handlerId">经办人</label>
              <select
                id="handlerId"
                name="handlerId"
                defaultValue={currentUserId}
                aria-invalid={error("handlerId") ? true : undefined}
                aria-describedby={describedBy("handlerId-hint", error("handlerId") && "handlerId-error")}
              >
                {handlers.map((handler) => (
                  <option key={handler.id} value={handler.id}>
                    {handler.displayName}（{ROLE_LABELS[handler.role]}）{handler.id === currentUserId ? " · 本人" : ""}
                  </option>
                ))}
              </select>
              <span id="handlerId-hint" className="hint">
                默认由登记人本人办理；登记后负责人可以改派
              </span>
              {error("handlerId") ? (
                <span id="handlerId-error" className="error">
                  {error("handlerId")}
                </span>
              ) : null}
            </div>
          </div>
        </section>

        <section className={`card ${styles.section}`} aria-labelledby="same-day-heading">
          <h2 id="same-day-heading">当场答复</h2>
          <label className="checkbox">
            <input
              type="checkbox"
              name="sameDayReply"
              checked={sameDayReply}
              onChange={(event) => {
                const content = formRef.current?.querySelector<HTMLTextAreaElement>('[name="requestContent"]')?.value ?? "";
                setRequestAtReply(content);
                setSameDayReply(event.target.checked);
              }}
              data-testid="same-day-reply"
            />
            当场答复：登记的同时答复办结（如当场提供已公开的信息、当场告知）
          </label>
          {sameDayReply ? (
            <SameDayReplyFields
              today={today}
              receivedOn={receivedOn}
              requestContent={requestAtReply}
              draftKey={draftKey}
              fieldErrors={result && !result.ok ? result.fieldErrors : undefined}
            />
          ) : (
            <span className="hint">
              选择后填写处理结果和送达方式；案件登记即办结，处理结果计入年度报告（<Link href="/help#same-day-reply">说明</Link>）
            </span>
          )}
        </section>

        <div className={styles.actions}>
          <ActionNotice result={result} />
          <SubmitButton pending={pending} pendingText="正在登记…">
            {sameDayReply ? "登记并办结" : "登记"}
          </SubmitButton>
        </div>
      </form>
      <RegistrationHintsPanel state={hintsState} />
    </div>
  );
}
