"use client";

// The case list with its batch actions: a checkbox per row (and one for the page), an action bar that
// says how many cases are selected (announced: aria-live), and two forms, 批量分配经办人 and 批量答复办结,
// each confirmed before it is sent. The server applies a batch all or nothing (lib/batch/mutations.ts):
// a refusal names every case it could not apply to, and nothing changes.
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition, type FormEvent } from "react";
import type { Outcome } from "@/lib/domain-types";
import type { CaseListRow } from "@/lib/cases/queries";
import type { CaseListQuery } from "@/lib/cases/list-schemas";
import type { ActionResult } from "@/lib/errors";
import { OUTCOME_GROUPS, OUTCOME_LABELS } from "@/lib/cases/labels";
import { BATCH_CLOSE_OUTCOMES, BATCH_MAX_CASES } from "@/lib/batch/schemas";
import { batchCloseAction, batchReassignAction } from "@/lib/batch/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { callAction } from "@/components/ui/call-action";
import { FieldErrorsProvider, FieldMessage } from "@/components/ui/field-message";
import { CaseTable } from "./case-table";
import type { CaseRowSelection } from "./case-columns";
import styles from "./case-list.module.css";

type Mode = "reassign" | "close" | null;

interface Props {
  rows: CaseListRow[];
  query: CaseListQuery;
  emptyMessage: string;
  handlers: { id: string; displayName: string }[];
  /** Managers and administrators (case:assign). */
  canReassign: boolean;
  /** Roles that record steps (case:work). */
  canClose: boolean;
  today: string;
}

/** Outcome choices of a batch close, grouped as table 三 groups them. */
function outcomeGroups(): { group: string; outcomes: Outcome[] }[] {
  const groups: { group: string; outcomes: Outcome[] }[] = [];
  for (const outcome of BATCH_CLOSE_OUTCOMES) {
    const group = OUTCOME_GROUPS[outcome];
    const last = groups.at(-1);
    if (last && last.group === group) last.outcomes.push(outcome);
    else groups.push({ group, outcomes: [outcome] });
  }
  return groups;
}

const OUTCOME_CHOICE_GROUPS = outcomeGroups();

export function CaseListWithBatchActions({ rows, query, emptyMessage, handlers, canReassign, canClose, today }: Props) {
  const router = useRouter();
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [mode, setMode] = useState<Mode>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const pageIds = useMemo(() => rows.map((row) => row.id), [rows]);
  // What is sent is read from the rows as loaded now (after a refresh, their new versions).
  const selectedRows = useMemo(() => rows.filter((row) => selectedIds.has(row.id)), [rows, selectedIds]);
  const batchOffered = (canReassign || canClose) && !query.voided;

  const selection = useMemo<CaseRowSelection>(
    () => ({
      selectedIds,
      pageIds,
      toggle: (row, checked) =>
        setSelectedIds((current) => {
          const next = new Set(current);
          if (checked) next.add(row.id);
          else next.delete(row.id);
          return next;
        }),
      toggleAll: (checked) => setSelectedIds(checked ? new Set(pageIds) : new Set()),
    }),
    [selectedIds, pageIds],
  );

  function clear() {
    setSelectedIds(new Set());
    setMode(null);
  }

  function send(action: (cases: { id: string; version: number }[]) => Promise<ActionResult>) {
    const cases = selectedRows.map((row) => ({ id: row.id, version: row.version }));
    startTransition(async () => {
      const outcome = await callAction(action(cases));
      setResult(outcome);
      if (outcome.ok) {
        clear();
        router.refresh();
      }
    });
  }

  if (!batchOffered) return <CaseTable rows={rows} query={query} emptyMessage={emptyMessage} />;

  const count = selectedRows.length;
  const tooMany = count > BATCH_MAX_CASES;
  return (
    <>
      <div className={`${styles.batchBar} no-print`} role="region" aria-label="批量操作" data-testid="batch-bar">
        <div className={styles.batchSummary}>
          <span aria-live="polite" aria-atomic="true" data-testid="batch-count">
            {count > 0 ? `已选择 ${count} 件案件` : `勾选案件后可批量处理（本页，一次最多 ${BATCH_MAX_CASES} 件）`}
          </span>
          {count > 0 ? (
            <div className={styles.batchButtons} role="group" aria-label="批量操作">
              {canReassign ? (
                <button
                  type="button"
                  className={`button small ${mode === "reassign" ? "primary" : ""}`}
                  aria-pressed={mode === "reassign"}
                  onClick={() => {
                    setMode("reassign");
                    setResult(null);
                  }}
                  data-testid="batch-reassign-open"
                >
                  批量分配经办人
                </button>
              ) : null}
              {canClose ? (
                <button
                  type="button"
                  className={`button small ${mode === "close" ? "primary" : ""}`}
                  aria-pressed={mode === "close"}
                  onClick={() => {
                    setMode("close");
                    setResult(null);
                  }}
                  data-testid="batch-close-open"
                >
                  批量答复办结
                </button>
              ) : null}
              <button type="button" className="button small" onClick={clear}>
                取消选择
              </button>
            </div>
          ) : null}
        </div>
        {tooMany ? (
          <p className="notice error" role="alert">
            一次最多批量处理 {BATCH_MAX_CASES} 件案件，请减少勾选后分批操作
          </p>
        ) : null}
        <div className={styles.batchResult} aria-live="polite" data-testid="batch-result">
          <ActionNotice result={result} />
        </div>
        {mode === "reassign" && count > 0 && !tooMany ? (
          <BatchReassignForm
            key="reassign"
            rows={selectedRows}
            handlers={handlers}
            pending={pending}
            onCancel={() => setMode(null)}
            onConfirm={(handlerId) => send((cases) => batchReassignAction({ cases, handlerId }))}
          />
        ) : null}
        {mode === "close" && count > 0 && !tooMany ? (
          <BatchCloseForm
            key="close"
            rows={selectedRows}
            today={today}
            pending={pending}
            fieldErrors={result && !result.ok ? result.fieldErrors : undefined}
            onCancel={() => setMode(null)}
            onConfirm={(values) => send((cases) => batchCloseAction({ cases, ...values }))}
          />
        ) : null}
      </div>
      <CaseTable rows={rows} query={query} emptyMessage={emptyMessage} selection={selection} />
    </>
  );
}

function caseNumbersText(rows: readonly CaseListRow[]): string {
  return rows.map((row) => row.caseNumber).join("、");
}

function BatchReassignForm({
  rows,
  handlers,
  pending,
  onCancel,
  onConfirm,
}: {
  rows: CaseListRow[];
  handlers: { id: string; displayName: string }[];
  pending: boolean;
  onCancel: () => void;
  onConfirm: (handlerId: string) => void;
}) {
  const [handlerId, setHandlerId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const handlerName = handlerId ? (handlers.find((handler) => handler.id === handlerId)?.displayName ?? "") : "未分配";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!confirming) return setConfirming(true);
    onConfirm(handlerId);
    setConfirming(false);
  }

  return (
    <form className={`form ${styles.batchForm}`} onSubmit={onSubmit} noValidate data-testid="batch-reassign-form" aria-label="批量分配经办人">
      <div className="field">
        <label htmlFor="batch-handler">新经办人</label>
        <select
          id="batch-handler"
          value={handlerId}
          disabled={confirming}
          onChange={(event) => setHandlerId(event.currentTarget.value)}
        >
          <option value="">未分配</option>
          {handlers.map((handler) => (
            <option key={handler.id} value={handler.id}>
              {handler.displayName}
            </option>
          ))}
        </select>
      </div>
      {confirming ? (
        <p className="notice info" role="status" data-testid="batch-confirm">
          确认将以下 {rows.length} 件案件的经办人改为“{handlerName}”？{caseNumbersText(rows)}。任何一件已被他人修改或不能分配时，全部不更改。
        </p>
      ) : null}
      <BatchFormButtons
        pending={pending}
        confirming={confirming}
        start="分配…"
        confirm={`确认分配 ${rows.length} 件`}
        testId="batch-reassign-submit"
        onBack={() => setConfirming(false)}
        onCancel={onCancel}
      />
    </form>
  );
}

function BatchCloseForm({
  rows,
  today,
  pending,
  fieldErrors,
  onCancel,
  onConfirm,
}: {
  rows: CaseListRow[];
  today: string;
  pending: boolean;
  fieldErrors: Record<string, string[]> | undefined;
  onCancel: () => void;
  onConfirm: (values: { outcome: string; occurredOn: string; serviceMethod: string }) => void;
}) {
  const [values, setValues] = useState({ outcome: "UNAVAILABLE_NOT_HELD", occurredOn: today, serviceMethod: "邮寄" });
  const [confirming, setConfirming] = useState(false);
  const set = (name: keyof typeof values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [name]: value }));
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!confirming) return setConfirming(true);
    onConfirm(values);
    setConfirming(false);
  }

  const described = (name: string) => (fieldErrors?.[name] ? `batch-${name}-error` : undefined);
  return (
    <form className={`form ${styles.batchForm}`} onSubmit={onSubmit} noValidate data-testid="batch-close-form" aria-label="批量答复办结">
      <p className="muted">
        同一处理结果、同一送达日期答复所选案件（例如多件“本机关不掌握相关政府信息”）。每件案件按办理时限规则逐件检查，与在案件页登记“答复办结”相同；“部分公开”需逐件写明，不能批量办结。
      </p>
      <FieldErrorsProvider errors={fieldErrors}>
        <div className={styles.batchFields}>
          <div className="field">
            <label htmlFor="batch-outcome">处理结果</label>
            <select id="batch-outcome" value={values.outcome} disabled={confirming} onChange={set("outcome")} aria-describedby={described("outcome")}>
              {OUTCOME_CHOICE_GROUPS.map(({ group, outcomes }) => (
                <optgroup key={group} label={group}>
                  {outcomes.map((outcome) => (
                    <option key={outcome} value={outcome}>
                      {OUTCOME_LABELS[outcome]}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            <FieldMessage id="batch-outcome" name="outcome" />
          </div>
          <div className="field">
            <label htmlFor="batch-occurredOn">送达日期（邮寄以交邮之日为准）</label>
            <input
              id="batch-occurredOn"
              type="date"
              value={values.occurredOn}
              max={today}
              disabled={confirming}
              onChange={set("occurredOn")}
              aria-describedby={described("occurredOn")}
            />
            <FieldMessage id="batch-occurredOn" name="occurredOn" />
          </div>
          <div className="field">
            <label htmlFor="batch-serviceMethod">送达方式</label>
            <input
              id="batch-serviceMethod"
              type="text"
              value={values.serviceMethod}
              maxLength={50}
              disabled={confirming}
              onChange={set("serviceMethod")}
              aria-describedby={described("serviceMethod")}
            />
            <FieldMessage id="batch-serviceMethod" name="serviceMethod" />
          </div>
        </div>
      </FieldErrorsProvider>
      {confirming ? (
        <p className="notice info" role="status" data-testid="batch-confirm">
          确认以“{OUTCOME_LABELS[values.outcome as Outcome] ?? values.outcome}”于 {values.occurredOn} 答复办结以下 {rows.length} 件案件？
          {caseNumbersText(rows)}。任何一件不符合办理规则时，全部不办理。
        </p>
      ) : null}
      <BatchFormButtons
        pending={pending}
        confirming={confirming}
        start="办结…"
        confirm={`确认办结 ${rows.length} 件`}
        testId="batch-close-submit"
        onBack={() => setConfirming(false)}
        onCancel={onCancel}
      />
    </form>
  );
}

/** A batch form's buttons: the first press asks for confirmation, the second applies; back or cancel beside. */
function BatchFormButtons({
  pending,
  confirming,
  start,
  confirm,
  testId,
  onBack,
  onCancel,
}: {
  pending: boolean;
  confirming: boolean;
  start: string;
  confirm: string;
  testId: string;
  onBack: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="row">
      <button type="submit" className="button primary small" disabled={pending} aria-busy={pending} data-testid={testId}>
        {pending ? "处理中…" : confirming ? confirm : start}
      </button>
      <button type="button" className="button small" onClick={confirming ? onBack : onCancel}>
        {confirming ? "返回修改" : "取消"}
      </button>
    </div>
  );
}
