"use client";

// 修改登记信息: every field of the registration (条例 Art. 29), with a reason. The case number stays (it is
// the case's identity); a new receipt date recomputes the due date; a published report that counts the
// case keeps its frozen figures and shows the difference. A refused save keeps everything typed.
import { CountedText } from "@/components/ui/char-count";
import { REQUEST_CONTENT_MAX } from "@/lib/cases/limits";
import { useEffect, useState } from "react";
import type { Channel } from "@/lib/domain-types";
import { CHANNEL_LABELS, CHANNEL_RECEIPT_RULES } from "@/lib/cases/labels";
import { updateRegistrationAction } from "@/lib/cases/actions";
import { ActionNotice, fieldError } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { ApplicantSection, type ApplicantDefaults } from "./applicant-section";
import { ChoiceWithOtherField } from "./choice-with-other-field";
import { describedBy, FIRST_INVALID_FIELD } from "./text-field";
import styles from "./registration.module.css";

const CHANNELS = Object.keys(CHANNEL_LABELS) as Channel[];
const DELIVERY_FORMS = ["纸质", "电子"] as const;
const DELIVERY_METHODS = ["邮寄", "电子邮件", "自行领取", "当场阅读"] as const;

export interface StoredRegistration extends ApplicantDefaults {
  channel: Channel;
  receivedOn: string;
  requestContent: string;
  deliveryForm: string | null;
  deliveryMethod: string | null;
}

export function RegistrationEditForm({
  applicationId,
  caseNumber,
  version,
  registration,
  today,
  publishedReports,
}: {
  applicationId: string;
  caseNumber: string;
  /** The case's version as the page was loaded. */
  version: number;
  registration: StoredRegistration;
  today: string;
  /** "2025 年度报告（第 1 版）" when a published report counts the case. */
  publishedReports: string | null;
}) {
  // On success the action goes back to the case page; a refused save keeps everything typed.
  const { result, onSubmit, pending, formRef } = useFormAction(updateRegistrationAction);
  const [channel, setChannel] = useState<Channel>(registration.channel);
  const error = (field: string) => fieldError(result, field);

  useEffect(() => {
    if (result && !result.ok && result.fieldErrors) formRef.current?.querySelector<HTMLElement>(FIRST_INVALID_FIELD)?.focus();
  }, [result, formRef]);

  return (
    <form ref={formRef} onSubmit={onSubmit} className={styles.form} data-testid="registration-edit-form" noValidate>
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <div className="notice info" data-testid="case-number-stays">
        案件编号 {caseNumber} 不随登记信息的修改而改变：编号是案件的标识（即使收到申请日期改到了另一年，编号中的年份也不变）。
      </div>
      {publishedReports ? (
        <div className="notice warning" data-testid="published-report-warning">
          本案计入已发布的{publishedReports}。修改后已发布的版本不变；报告页将显示已发布数字与当前数据的差异，如需更正请重新发布。
        </div>
      ) : null}

      <ApplicantSection error={error} defaults={registration} />

      <section className={`card ${styles.section}`} aria-labelledby="request-heading">
        <h2 id="request-heading">申请</h2>
        <div className={styles.fieldGrid}>
          <div className="field">
            <label htmlFor="channel">申请方式</label>
            <select id="channel" name="channel" value={channel} onChange={(event) => setChannel(event.target.value as Channel)}>
              {CHANNELS.map((option) => (
                <option key={option} value={option}>
                  {CHANNEL_LABELS[option]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="receivedOn">收到申请日期</label>
            <input
              id="receivedOn"
              name="receivedOn"
              type="date"
              max={today}
              defaultValue={registration.receivedOn}
              aria-invalid={error("receivedOn") ? true : undefined}
              aria-describedby={describedBy("receivedOn-rule", error("receivedOn") && "receivedOn-error")}
            />
            <span id="receivedOn-rule" className={styles.receiptRule}>
              <strong>{CHANNEL_LABELS[channel]}：</strong>
              {CHANNEL_RECEIPT_RULES[channel]}（条例第三十一条）。改动收到日期会重新计算答复期限；已登记的步骤因此不成立的，不能保存。
            </span>
            {error("receivedOn") ? (
              <span id="receivedOn-error" className="error">
                {error("receivedOn")}
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
              defaultValue={registration.requestContent}
              invalid={Boolean(error("requestContent"))}
              describedBy={error("requestContent") ? "requestContent-error" : undefined}
            />
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
            error={error("deliveryForm")}
            defaultValue={registration.deliveryForm}
          />
          <ChoiceWithOtherField
            id="deliveryMethod"
            name="deliveryMethod"
            label="获取途径"
            otherLabel="其他途径说明"
            options={DELIVERY_METHODS}
            error={error("deliveryMethod")}
            defaultValue={registration.deliveryMethod}
          />
        </div>
      </section>

      <section className={`card ${styles.section}`} aria-labelledby="reason-heading">
        <h2 id="reason-heading">理由与确认</h2>
        <div className="field">
          <label htmlFor="reason">修改理由</label>
          <CountedText
            as="textarea"
            id="reason"
            name="reason"
            rows={2}
            max={500}
            invalid={Boolean(error("reason"))}
            describedBy={["reason-hint", error("reason") && "reason-error"].filter(Boolean).join(" ")}
            placeholder="如：申请人类型登记错误，申请人为律师事务所"
          />
          <span id="reason-hint" className="hint">修改前后的全部登记信息和理由记入操作记录</span>
          {error("reason") ? <span id="reason-error" className="error">{error("reason")}</span> : null}
        </div>
        {publishedReports ? (
          <div className="field">
            <label className="checkbox">
              <input type="checkbox" name="acknowledgePublished" aria-invalid={error("acknowledgePublished") ? true : undefined} data-testid="acknowledge-published" />
              我已知晓：已发布的{publishedReports}不变，差异将在报告页显示
            </label>
            {error("acknowledgePublished") ? <span className="error">{error("acknowledgePublished")}</span> : null}
          </div>
        ) : null}
      </section>

      <div className={styles.actions}>
        <ActionNotice result={result} />
        <SubmitButton pending={pending} pendingText="正在保存…">
          保存修改
        </SubmitButton>
      </div>
    </form>
  );
}
