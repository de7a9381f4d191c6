import type { ApplicantType } from "@/lib/domain-types";
import { APPLICANT_TYPE_HINTS, APPLICANT_TYPE_LABELS } from "@/lib/cases/labels";
import styles from "./registration.module.css";

const APPLICANT_TYPES = Object.keys(APPLICANT_TYPE_LABELS) as ApplicantType[];

/** The report column of table 三, fixed at registration: one radio card per type with how to choose it. */
export function ApplicantTypeField({ error, defaultValue }: { error?: string; defaultValue?: ApplicantType }) {
  return (
    <fieldset className={styles.typeFieldset} aria-describedby={error ? "applicant-type-error" : undefined}>
      <legend>申请人类型</legend>
      <div className={styles.typeCards}>
        {APPLICANT_TYPES.map((type) => {
          const inputId = `applicant-type-${type}`;
          const hintId = `${inputId}-hint`;
          return (
            <div key={type} className={styles.typeCard}>
              <input
                id={inputId}
                type="radio"
                name="applicantType"
                value={type}
                defaultChecked={type === defaultValue}
                data-invalid={error ? true : undefined}
                aria-describedby={error ? `${hintId} applicant-type-error` : hintId}
              />
              <label htmlFor={inputId} className={styles.typeName}>
                {APPLICANT_TYPE_LABELS[type]}
              </label>
              <p id={hintId} className={styles.typeHint}>
                {APPLICANT_TYPE_HINTS[type]}
              </p>
            </div>
          );
        })}
      </div>
      {error ? (
        <span id="applicant-type-error" className="error">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
