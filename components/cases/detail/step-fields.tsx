"use client";

// The fields of each kind of step, shared by recording a new step and correcting a recorded one,
// and the function that turns the submitted form into the event payload the server validates.
import { CountedText } from "@/components/ui/char-count";
import { FieldMessage } from "@/components/ui/field-message";
import { EXTENSION_REASON_MAX } from "@/lib/cases/limits";
import type { CaseEventType, Outcome } from "@/lib/domain-types";
import { useState } from "react";
import { CASE_EVENT_DATE_LABELS, OUTCOME_GROUPS, OUTCOME_LABELS, OUTCOMES } from "@/lib/cases/labels";
import { perVolumeFee } from "@/lib/fees/calculator";
import type { ConsultationView } from "@/lib/cases/projection";
import styles from "./case-page.module.css";

export type StepDetails = Record<string, unknown>;

export interface StepFieldsProps {
  type: CaseEventType;
  today: string;
  occurredOn?: string;
  details?: StepDetails;
  /** 按件 amount for this application (from the applicant's monthly count). */
  perApplicationAmount: number;
  monthlyOrdinal: number;
  requestContent: string;
  /** Dispositions that fit the case's state (e.g. only 逾期不补正 while awaiting a supplement). */
  allowedOutcomes?: Outcome[];
  /** The last day for a timely 补正 notice (7 working days after receipt), while it is still to be sent. */
  correctionNoticeDueOn?: string | null;
  /** The consultations under way, for choosing which one an answer belongs to. */
  openConsultations?: ConsultationView[];
}

function text(details: StepDetails | undefined, key: string): string {
  const value = details?.[key];
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

export function StepFields(props: StepFieldsProps) {
  const { type, details, today } = props;
  return (
    <div className="stack">
      <div className={styles.fieldRow}>
        <div className="field">
          <label htmlFor={`${type}-occurredOn`}>{CASE_EVENT_DATE_LABELS[type]}</label>
          <input id={`${type}-occurredOn`} name="occurredOn" type="date" max={today} defaultValue={props.occurredOn ?? today} required />
          <FieldMessage id={`${type}-occurredOn`} name="occurredOn" />
        </div>
        {type === "CORRECTION_REQUESTED" ? (
          <div className="field">
            <label htmlFor="deadlineOn">补正期限</label>
            <input id="deadlineOn" name="deadlineOn" type="date" defaultValue={text(details, "deadlineOn")} required />
            <FieldMessage id="deadlineOn" name="deadlineOn" />
            <span className="hint">告知申请人的合理补正期限；逾期不补正的，视为放弃申请</span>
          </div>
        ) : null}
        {type === "EXTENSION" ? (
          <>
            <div className="field">
              <label htmlFor="workdays">延长工作日数</label>
              <input id="workdays" name="workdays" type="number" min={1} max={20} defaultValue={text(details, "workdays") || "20"} required />
              <FieldMessage id="workdays" name="workdays" />
            </div>
            <div className="field">
              <label htmlFor="approvedBy">批准人</label>
              <input id="approvedBy" name="approvedBy" type="text" defaultValue={text(details, "approvedBy")} placeholder="政府信息公开工作机构负责人" required />
              <FieldMessage id="approvedBy" name="approvedBy" />
            </div>
            <div className="field">
              <label htmlFor="approvedOn">批准日期</label>
              <input id="approvedOn" name="approvedOn" type="date" max={today} defaultValue={text(details, "approvedOn") || today} required />
              <FieldMessage id="approvedOn" name="approvedOn" />
            </div>
          </>
        ) : null}
        {type === "CONSULTATION_SENT" ? (
          <>
            <div className="field">
              <label htmlFor="party">征求对象</label>
              <select id="party" name="party" defaultValue={text(details, "party") || "THIRD_PARTY"}>
                <option value="THIRD_PARTY">第三方</option>
                <option value="AGENCY">其他机关</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="partyName">对象名称</label>
              <input id="partyName" name="partyName" type="text" defaultValue={text(details, "partyName")} required />
              <FieldMessage id="partyName" name="partyName" />
            </div>
            <div className="field">
              <label htmlFor="partyReceivedOn">对方收到日期</label>
              <input id="partyReceivedOn" name="partyReceivedOn" type="date" max={today} defaultValue={text(details, "partyReceivedOn")} />
              <FieldMessage id="partyReceivedOn" name="partyReceivedOn" />
              <span className="hint">有回执的填写（也可以日后更正补录）：15 个工作日的答复期自对方收到之日起算</span>
            </div>
          </>
        ) : null}
        {type === "FEE_PAID" ? (
          <div className="field">
            <label htmlFor="paidAmount">缴费金额（元）</label>
            <input id="paidAmount" name="amount" type="text" inputMode="decimal" defaultValue={text(details, "amount")} required />
            <FieldMessage id="paidAmount" name="amount" />
          </div>
        ) : null}
      </div>
      {type === "CORRECTION_REQUESTED" ? (
        <>
          <div className="field">
            <label htmlFor="matters">需要补正的事项</label>
            <textarea id="matters" name="matters" rows={2} defaultValue={text(details, "matters")} required />
            <FieldMessage id="matters" name="matters" />
          </div>
          <div className="field">
            <label htmlFor="lateReason">逾期告知的理由</label>
            <input id="lateReason" name="lateReason" type="text" defaultValue={text(details, "lateReason")} />
            <FieldMessage id="lateReason" name="lateReason" />
            <span className="hint">
              {props.correctionNoticeDueOn
                ? `补正告知应在收到申请后 7 个工作日内（${props.correctionNoticeDueOn} 前）发出；此后发出的须填写理由，且只停止计时、不重新计算答复期限；答复期限届满后不能再发出。`
                : "超过收到申请后 7 个工作日才发出的须填写理由：只停止计时、不重新计算答复期限。"}
            </span>
          </div>
        </>
      ) : null}
      {type === "CONSULTATION_ANSWERED" ? (
        <>
          <ConsultationChoice details={details} openConsultations={props.openConsultations ?? []} />
          <label className="checkbox">
            <input type="checkbox" name="windowExpired" defaultChecked={details?.windowExpired === true} />
            征求意见期满（15 个工作日）未收到答复
          </label>
          <div className="field">
            <label htmlFor="summary">答复摘要</label>
            <input id="summary" name="summary" type="text" defaultValue={text(details, "summary")} />
            <FieldMessage id="summary" name="summary" />
          </div>
        </>
      ) : null}
      {type === "EXTENSION" ? (
        <div className="field">
          <label htmlFor="reason">延期理由</label>
          <CountedText id="reason" name="reason" max={EXTENSION_REASON_MAX} defaultValue={text(details, "reason")} describedBy="reason-error" />
          <FieldMessage id="reason" name="reason" />
        </div>
      ) : null}
      {type === "FEE_NOTICE" ? <FeeNoticeFields {...props} /> : null}
      {type === "DECISION_SERVED" ? <DecisionFields {...props} /> : null}
      {type === "WITHDRAWN" ? (
        <div className="field">
          <label htmlFor="withdrawReason">撤回说明</label>
          <input id="withdrawReason" name="reason" type="text" defaultValue={text(details, "reason")} />
          <FieldMessage id="withdrawReason" name="reason" />
        </div>
      ) : null}
    </div>
  );
}

const PARTY_LABELS = { THIRD_PARTY: "第三方", AGENCY: "其他机关" } as const;

/** Which consultation an answer belongs to: chosen among those under way; a correction keeps its own. */
function ConsultationChoice({ details, openConsultations }: { details?: StepDetails; openConsultations: ConsultationView[] }) {
  const recorded = text(details, "consultationKey");
  if (details) return <input type="hidden" name="consultationKey" value={recorded} />;
  if (openConsultations.length === 0) return null;
  return (
    <div className="field">
      <label htmlFor="consultationKey">答复的征求意见</label>
      <select id="consultationKey" name="consultationKey" defaultValue={openConsultations[0]?.key}>
        {openConsultations.map((consultation) => (
          <option key={consultation.key} value={consultation.key}>
            {PARTY_LABELS[consultation.party]}：{consultation.partyName}（{consultation.sentOn} 发出，{consultation.replyDueOn} 前答复）
          </option>
        ))}
      </select>
      {openConsultations.length > 1 ? <span className="hint">同时进行 {openConsultations.length} 项征求意见：每项分别登记答复，停止计时的日期重叠的只计一次</span> : null}
    </div>
  );
}

function FeeNoticeFields({ details, today, perApplicationAmount, monthlyOrdinal }: StepFieldsProps) {
  const [method, setMethod] = useState(text(details, "method") || "PER_APPLICATION");
  const [pages, setPages] = useState("0");
  const calculated = method === "PER_APPLICATION" ? perApplicationAmount : perVolumeFee(Math.max(0, Math.floor(Number(pages) || 0)));
  const calculatedText = calculated.toFixed(2);
  return (
    <div className="stack">
      <div className={styles.fieldRow}>
        <div className="field">
          <label htmlFor="method">计收方式</label>
          <select id="method" name="method" value={method} onChange={(event) => setMethod(event.target.value)}>
            <option value="PER_APPLICATION">按件</option>
            <option value="PER_VOLUME">按量</option>
          </select>
        </div>
        {method === "PER_VOLUME" ? (
          <div className="field">
            <label htmlFor="pages">页数</label>
            <input id="pages" type="number" min={0} value={pages} onChange={(event) => setPages(event.target.value)} />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="applicantReceivedOn">申请人收到通知日期</label>
          <input id="applicantReceivedOn" name="applicantReceivedOn" type="date" max={today} defaultValue={text(details, "applicantReceivedOn") || today} required />
          <FieldMessage id="applicantReceivedOn" name="applicantReceivedOn" />
        </div>
        <div className="field">
          <label htmlFor="amount">收费金额（元）</label>
          <input id="amount" name="amount" type="text" inputMode="decimal" defaultValue={text(details, "amount") || calculatedText} key={calculatedText} required />
          <FieldMessage id="amount" name="amount" />
        </div>
      </div>
      <input type="hidden" name="calculatedAmount" value={calculatedText} />
      <p className="hint" data-testid="fee-calculation">
        {method === "PER_APPLICATION"
          ? `按件计收：该申请人本月第 ${monthlyOrdinal} 件，应收 ${calculatedText} 元（前 10 件免费，第 11–30 件每件 100 元，此后每 10 件一档、每档每件加收 100 元）。`
          : `按量计收：${pages} 页应收 ${calculatedText} 元（30 页以下免费，31–100 页每页 10 元，101–200 页每页 20 元，201 页以上每页 40 元）。`}
      </p>
      {calculated === 0 ? (
        <div className="notice warning" data-testid="fee-nothing-to-notify">
          按规定应收 0 元：无需发出收费通知，答复期限也不因此停止计算。收费金额须大于 0 元才能登记收费通知。
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="adjustmentReason">调整理由（金额与计算结果不同时必填）</label>
        <input id="adjustmentReason" name="adjustmentReason" type="text" defaultValue={text(details, "adjustmentReason")} />
        <FieldMessage id="adjustmentReason" name="adjustmentReason" />
      </div>
    </div>
  );
}

interface ItemDraft {
  description: string;
  disposition: Outcome;
  leading: boolean;
}

function DecisionFields({ details, requestContent, allowedOutcomes }: StepFieldsProps) {
  const outcomes = allowedOutcomes ?? OUTCOMES;
  const initial = Array.isArray(details?.items)
    ? (details.items as ItemDraft[]).map((item) => ({ ...item, leading: item.leading ?? false }))
    : [{ description: requestContent.slice(0, 200), disposition: outcomes[0]!, leading: false }];
  const [items, setItems] = useState<ItemDraft[]>(initial);
  const update = (index: number, change: Partial<ItemDraft>) =>
    setItems((current) => current.map((item, position) => (position === index ? { ...item, ...change } : change.leading ? { ...item, leading: false } : item)));
  return (
    <div className="stack">
      <div className="field">
        <label htmlFor="serviceMethod">送达方式</label>
        <input id="serviceMethod" name="serviceMethod" type="text" list="service-methods" defaultValue={text(details, "serviceMethod") || "邮寄"} required />
        <FieldMessage id="serviceMethod" name="serviceMethod" />
        <datalist id="service-methods">
          <option value="直接送达" />
          <option value="邮寄" />
          <option value="电子邮件" />
          <option value="网上送达" />
          <option value="委托送达" />
        </datalist>
      </div>
      <div className={styles.items}>
        <span className="label">各项申请内容的处理结果（多项结果不同时，有公开有不公开的按“部分公开”统计）</span>
        {items.map((item, index) => (
          <div key={index} className={styles.itemRow} data-testid={`decision-item-${index}`}>
            <input
              type="text"
              aria-label={`第 ${index + 1} 项申请内容`}
              value={item.description}
              onChange={(event) => update(index, { description: event.target.value })}
              required
            />
            <select
              aria-label={`第 ${index + 1} 项处理结果`}
              value={item.disposition}
              onChange={(event) => update(index, { disposition: event.target.value as Outcome })}
            >
              {outcomes.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {OUTCOME_GROUPS[outcome]} {OUTCOME_LABELS[outcome]}
                </option>
              ))}
            </select>
            {items.length > 1 ? (
              <label className="checkbox">
                <input type="radio" name="leading" checked={item.leading} onChange={() => update(index, { leading: true })} />
                主要
              </label>
            ) : (
              <span />
            )}
            {items.length > 1 ? (
              <button type="button" className="button small" onClick={() => setItems((current) => current.filter((_, position) => position !== index))}>
                删除
              </button>
            ) : (
              <span />
            )}
          </div>
        ))}
        <div>
          <button
            type="button"
            className="button small"
            onClick={() => setItems((current) => [...current, { description: "", disposition: outcomes[0]!, leading: false }])}
          >
            增加一项
          </button>
        </div>
      </div>
      <input type="hidden" name="items" value={JSON.stringify(items)} />
    </div>
  );
}

/** The event payload for a submitted step form. */
export function stepPayload(type: CaseEventType, form: FormData) {
  const value = (key: string) => {
    const entry = form.get(key);
    return typeof entry === "string" ? entry : "";
  };
  const occurredOn = value("occurredOn");
  switch (type) {
    case "CORRECTION_REQUESTED":
      return { type, occurredOn, details: { deadlineOn: value("deadlineOn"), matters: value("matters"), lateReason: value("lateReason") || undefined } };
    case "CORRECTION_RECEIVED":
      return { type, occurredOn, details: {} };
    case "CONSULTATION_SENT":
      return { type, occurredOn, details: { party: value("party"), partyName: value("partyName"), partyReceivedOn: value("partyReceivedOn") || undefined } };
    case "CONSULTATION_ANSWERED":
      return {
        type,
        occurredOn,
        details: { windowExpired: form.get("windowExpired") === "on", summary: value("summary") || undefined, consultationKey: value("consultationKey") || undefined },
      };
    case "EXTENSION":
      return { type, occurredOn, details: { workdays: value("workdays"), approvedBy: value("approvedBy"), approvedOn: value("approvedOn"), reason: value("reason") } };
    case "FEE_NOTICE":
      return {
        type,
        occurredOn,
        details: {
          method: value("method"),
          amount: value("amount"),
          calculatedAmount: value("calculatedAmount"),
          adjustmentReason: value("adjustmentReason") || undefined,
          applicantReceivedOn: value("applicantReceivedOn"),
        },
      };
    case "FEE_PAID":
      return { type, occurredOn, details: { amount: value("amount") } };
    case "DECISION_SERVED":
      return { type, occurredOn, details: { items: JSON.parse(value("items") || "[]") as unknown, serviceMethod: value("serviceMethod") } };
    case "WITHDRAWN":
      return { type, occurredOn, details: { reason: value("reason") || undefined } };
  }
}
