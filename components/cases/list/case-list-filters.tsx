// The filters of the case list: a GET form, so that the whole state lives in the URL.
import { Link } from "@/components/link";
import type { CaseHandlerOption } from "@/lib/cases/queries";
import {
  APPLICATION_STATUS_LABELS,
  CASE_LIST_SEARCH_MAX_LENGTH,
  caseListHref,
  type CaseListHandlerFilter,
  type CaseListQuery,
} from "@/lib/cases/list-schemas";
import { APPLICANT_TYPE_LABELS, CHANNEL_LABELS, CLOCK_PHASE_LABELS, OUTCOME_GROUPS, OUTCOME_LABELS, OUTCOMES } from "@/lib/cases/labels";
import { CaseListForm } from "./case-list-form";
import { HiddenQueryFields } from "./hidden-query-fields";
import styles from "./case-list.module.css";

const FILTER_FIELDS = new Set(["q", "status", "phase", "applicantType", "channel", "outcome", "receivedFrom", "receivedTo", "closedFrom", "closedTo", "due", "handler"]);

function handlerValue(handler: CaseListHandlerFilter | undefined): string {
  if (!handler) return "";
  return typeof handler === "string" ? handler : handler.userId;
}

function Options({ labels }: { labels: Record<string, string> }) {
  return (
    <>
      {Object.entries(labels).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}

/** 办理结果 grouped as table 三 prints them. */
function OutcomeOptions() {
  const groups = new Map<string, typeof OUTCOMES>();
  for (const outcome of OUTCOMES) groups.set(OUTCOME_GROUPS[outcome], [...(groups.get(OUTCOME_GROUPS[outcome]) ?? []), outcome]);
  return (
    <>
      {[...groups].map(([group, outcomes]) => (
        <optgroup key={group} label={group}>
          {outcomes.map((outcome) => (
            <option key={outcome} value={outcome}>
              {OUTCOME_LABELS[outcome]}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

export function CaseListFilters({ query, handlers }: { query: CaseListQuery; handlers: CaseHandlerOption[] }) {
  const selectedHandler = handlerValue(query.handler);
  const handlerIsListed = !selectedHandler || ["me", "none"].includes(selectedHandler) || handlers.some((handler) => handler.id === selectedHandler);
  const clearHref = caseListHref({ sort: query.sort, pageSize: query.pageSize, columns: query.columns });
  return (
    <CaseListForm className={styles.filters} label="筛选案件">
      <HiddenQueryFields query={query} keep={(name) => !FILTER_FIELDS.has(name)} />
      <div className={`field ${styles.searchField}`}>
        <label htmlFor="case-filter-q">搜索</label>
        <input
          id="case-filter-q"
          type="search"
          name="q"
          defaultValue={query.q ?? ""}
          maxLength={CASE_LIST_SEARCH_MAX_LENGTH}
          placeholder="申请编号、申请人、代理人、证件号码、联系方式或申请内容；多个词用空格隔开"
          data-testid="case-filter-q"
        />
      </div>
      <div className="field">
        <label htmlFor="case-filter-status">办理状态</label>
        <select id="case-filter-status" name="status" defaultValue={query.status ?? ""}>
          <option value="">全部</option>
          <Options labels={APPLICATION_STATUS_LABELS} />
        </select>
      </div>
      <div className="field">
        <label htmlFor="case-filter-phase">办理阶段</label>
        <select id="case-filter-phase" name="phase" defaultValue={query.phase ?? ""}>
          <option value="">全部</option>
          <Options labels={CLOCK_PHASE_LABELS} />
        </select>
      </div>
      <div className="field">
        <label htmlFor="case-filter-due">期限</label>
        <select id="case-filter-due" name="due" defaultValue={query.due ?? ""}>
          <option value="">全部</option>
          <option value="soon">即将到期（5 个工作日内）</option>
          <option value="overdue">已逾期</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="case-filter-handler">经办人</label>
        <select id="case-filter-handler" name="handler" defaultValue={selectedHandler}>
          <option value="">全部</option>
          <option value="me">我的</option>
          <option value="none">未分配</option>
          {handlers.map((handler) => (
            <option key={handler.id} value={handler.id}>
              {handler.displayName}
            </option>
          ))}
          {handlerIsListed ? null : <option value={selectedHandler}>（已停用的用户）</option>}
        </select>
      </div>
      <div className="field">
        <label htmlFor="case-filter-applicant-type">申请人类型</label>
        <select id="case-filter-applicant-type" name="applicantType" defaultValue={query.applicantType ?? ""}>
          <option value="">全部</option>
          <Options labels={APPLICANT_TYPE_LABELS} />
        </select>
      </div>
      <div className="field">
        <label htmlFor="case-filter-channel">申请方式</label>
        <select id="case-filter-channel" name="channel" defaultValue={query.channel ?? ""}>
          <option value="">全部</option>
          <Options labels={CHANNEL_LABELS} />
        </select>
      </div>
      <div className={`field ${styles.outcomeField}`}>
        <label htmlFor="case-filter-outcome">办理结果</label>
        <select id="case-filter-outcome" name="outcome" defaultValue={query.outcome ?? ""}>
          <option value="">全部</option>
          <OutcomeOptions />
        </select>
      </div>
      <fieldset className={`field ${styles.dateRange}`}>
        <legend className="label">收到日期</legend>
        <div className={styles.dateInputs}>
          <input type="date" name="receivedFrom" defaultValue={query.receivedFrom ?? ""} aria-label="收到日期起" />
          <span aria-hidden="true">至</span>
          <input type="date" name="receivedTo" defaultValue={query.receivedTo ?? ""} aria-label="收到日期止" />
        </div>
      </fieldset>
      <fieldset className={`field ${styles.dateRange}`}>
        <legend className="label">办结日期</legend>
        <div className={styles.dateInputs}>
          <input type="date" name="closedFrom" defaultValue={query.closedFrom ?? ""} aria-label="办结日期起" />
          <span aria-hidden="true">至</span>
          <input type="date" name="closedTo" defaultValue={query.closedTo ?? ""} aria-label="办结日期止" />
        </div>
      </fieldset>
      <div className={styles.filterActions}>
        <button type="submit" className="button primary" data-testid="case-filter-submit">
          筛选
        </button>
        <Link href={clearHref} className="button">
          清除条件
        </Link>
      </div>
    </CaseListForm>
  );
}
