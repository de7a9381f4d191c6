import { Link } from "@/components/link";
import type { ApplicationStatus } from "@/lib/domain-types";
import type { ApplicantMonthCount, EarlierApplication, RegistrationHints } from "@/lib/cases/registration-queries";
import type { RegistrationHintsState } from "./use-registration-hints";
import styles from "./registration.module.css";

const STATUS_LABELS: Record<ApplicationStatus, string> = { OPEN: "办理中", CLOSED: "已办结" };

function formatMonth(month: string): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}

function CaseStatus({ application }: { application: EarlierApplication }) {
  if (application.status === "CLOSED") return <span className="badge">{application.outcomeLabel ?? STATUS_LABELS.CLOSED}</span>;
  return <span className="badge info">{STATUS_LABELS.OPEN}</span>;
}

function MonthCount({ monthCount, applicantKnown }: { monthCount: ApplicantMonthCount | null; applicantKnown: boolean }) {
  const paid = monthCount?.reachesPaidTier ?? false;
  return (
    <div className={paid ? `${styles.monthCount} ${styles.monthCountPaid}` : styles.monthCount} data-testid="applicant-month-count" aria-live="polite">
      {monthCount ? (
        <>
          <p>
            {formatMonth(monthCount.month)}，该申请人已登记 {monthCount.registeredCount} 件
          </p>
          <p className={styles.tier}>{monthCount.nextTierLabel}</p>
          {paid ? (
            <p>已超过每月前 10 件的免费数量。如申请数量、频次明显超过合理范围，可以按件计收信息处理费（国办函〔2020〕109号）。</p>
          ) : null}
        </>
      ) : (
        <p className={styles.empty}>
          {applicantKnown ? "填写收到申请日期后，显示该申请人本月的申请件数和按件收费档次。" : "填写申请人姓名或证件号码后，显示本月的申请件数和按件收费档次。"}
        </p>
      )}
    </div>
  );
}

function EarlierApplications({ hints }: { hints: RegistrationHints }) {
  const applications = hints.earlierApplications;
  return (
    <section className={styles.hintBlock} aria-labelledby="earlier-applications-heading">
      <h3 id="earlier-applications-heading">
        该申请人此前的申请
        {applications.length > 0 ? <span className={styles.count}>{applications.length === 10 ? "最近 10 件" : `${applications.length} 件`}</span> : null}
      </h3>
      {hints.matchedBy ? (
        <p className={styles.basis}>{hints.matchedBy === "ID_NUMBER" ? "按证件号码查找" : "按姓名或名称查找（未填证件号码）"}</p>
      ) : null}
      {!hints.matchedBy ? (
        <p className={styles.empty}>填写申请人姓名或证件号码后显示。</p>
      ) : applications.length === 0 ? (
        <p className={styles.empty}>未找到该申请人此前的申请。</p>
      ) : (
        <ul className={styles.caseList}>
          {applications.map((application) => (
            <li key={application.id} className={styles.caseItem}>
              <div className={styles.caseMeta}>
                <Link href={`/cases/${application.id}`} className={styles.caseNumber}>
                  {application.caseNumber}
                </Link>
                <span className="muted">{application.receivedOn} 收到</span>
                <CaseStatus application={application} />
              </div>
              <p className={styles.excerpt}>{application.requestExcerpt}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SimilarRequests({ hints }: { hints: RegistrationHints }) {
  const requests = hints.similarRequests;
  return (
    <section className={styles.hintBlock} aria-labelledby="similar-requests-heading">
      <h3 id="similar-requests-heading">
        相似申请
        {requests.length > 0 ? <span className={styles.count}>{requests.length} 件，可能为重复申请，请核对</span> : null}
      </h3>
      {!hints.similarSearched ? (
        <p className={styles.empty}>申请内容填写至少 4 个字后，查找本单位内容相似的申请。</p>
      ) : requests.length === 0 ? (
        <p className={styles.empty}>未发现内容相似的申请。</p>
      ) : (
        <ul className={styles.caseList}>
          {requests.map((request) => (
            <li key={request.id} className={styles.caseItem}>
              <div className={styles.caseMeta}>
                <Link href={`/cases/${request.id}`} className={styles.caseNumber}>
                  {request.caseNumber}
                </Link>
                <span>{request.applicantName}</span>
                <span className="muted">{request.receivedOn} 收到</span>
                <span className="badge warning">相似度 {Math.round(request.similarity * 100)}%</span>
                <CaseStatus application={request} />
              </div>
              <p className={styles.excerpt}>{request.requestExcerpt}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The side panel of the registration form. */
export function RegistrationHintsPanel({ state }: { state: RegistrationHintsState }) {
  return (
    <aside className={`card ${styles.panel}`} data-testid="registration-hints" aria-labelledby="registration-hints-heading" aria-busy={state.loading}>
      <div className={styles.panelHeader}>
        <h2 id="registration-hints-heading">登记提示</h2>
        {state.loading ? <span className={styles.loading}>正在查询…</span> : null}
      </div>
      {state.errorMessage ? (
        <div className="notice error" role="alert">
          {state.errorMessage}
        </div>
      ) : null}
      <MonthCount monthCount={state.hints.monthCount} applicantKnown={state.hints.matchedBy !== null} />
      <EarlierApplications hints={state.hints} />
      <SimilarRequests hints={state.hints} />
    </aside>
  );
}
