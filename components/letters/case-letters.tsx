import { Link } from "@/components/link";
import type { CaseLetter } from "@/lib/letters/queries";
import { LETTER_KINDS, LETTER_KIND_LABELS, LETTER_STEPS } from "@/lib/letters/definitions";
import { formatDateTime } from "@/lib/format";

/** The case page's 文书 section: the letters issued on the case, and a link to issue each kind. */
export function CaseLetters({ applicationId, letters, letterheadReady }: { applicationId: string; letters: CaseLetter[]; letterheadReady: boolean }) {
  return (
    <div className="stack" data-testid="case-letters">
      {letterheadReady ? (
        <div className="row" role="group" aria-label="出具文书">
          {LETTER_KINDS.map((kind) => (
            <Link
              key={kind}
              className="button small"
              href={`/cases/${applicationId}/letters/new?kind=${kind}`}
              title={LETTER_STEPS[kind] ? `出具后同时登记：${LETTER_STEPS[kind]}` : undefined}
            >
              {LETTER_KIND_LABELS[kind]}
            </Link>
          ))}
        </div>
      ) : (
        <p className="notice warning">尚未填写文书设置（机关全称、地址、电话、复议机关、法院），请管理员在“设置 → 文书设置”中填写后再出具文书。</p>
      )}
      {letters.length === 0 ? (
        <p className="muted">本案尚未出具文书。</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>文号</th>
              <th>文书</th>
              <th>致</th>
              <th>日期</th>
              <th>出具</th>
              <th>SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {letters.map((letter) => (
              <tr key={letter.id} data-testid={`letter-${letter.number}`}>
                <td className="nowrap">
                  <a href={`/cases/${applicationId}/letters/${letter.id}`} data-testid="letter-download">
                    {letter.number}
                  </a>
                </td>
                <td>
                  {letter.title}
                  {letter.caseEventId ? <span className="badge info">已登记步骤</span> : null}
                </td>
                <td>{letter.recipient}</td>
                <td className="nowrap">{letter.issuedOn}</td>
                <td className="nowrap muted">
                  {letter.issuedBy ?? ""} {formatDateTime(letter.createdAt)}
                </td>
                <td>
                  <code title={letter.sha256}>{letter.sha256.slice(0, 12)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
