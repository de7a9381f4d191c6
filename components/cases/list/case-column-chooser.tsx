// 显示列: a GET form of checkboxes that writes `columns=` into the URL (the list's state stays in the
// URL, like its filters). 申请编号 is always shown.
import {
  ALWAYS_VISIBLE_CASE_LIST_COLUMNS,
  CASE_LIST_COLUMN_LABELS,
  CASE_LIST_COLUMNS,
  type CaseListQuery,
} from "@/lib/cases/list-schemas";
import { CaseListForm } from "./case-list-form";
import { HiddenQueryFields } from "./hidden-query-fields";
import styles from "./case-list.module.css";

export function CaseColumnChooser({ query }: { query: CaseListQuery }) {
  const hideable = CASE_LIST_COLUMNS.filter((column) => !ALWAYS_VISIBLE_CASE_LIST_COLUMNS.includes(column));
  return (
    <details className={styles.columnChooser}>
      <summary>显示列</summary>
      <div className={styles.columnChooserPanel}>
        <CaseListForm label="选择显示的列">
          <HiddenQueryFields query={query} keep={(name) => name !== "columns"} />
          {ALWAYS_VISIBLE_CASE_LIST_COLUMNS.map((column) => (
            <input key={column} type="hidden" name="columns" value={column} />
          ))}
          <div className={styles.columnOptions}>
            {hideable.map((column) => (
              <label key={column} className="checkbox">
                <input type="checkbox" name="columns" value={column} defaultChecked={query.columns.includes(column)} />
                {CASE_LIST_COLUMN_LABELS[column]}
              </label>
            ))}
          </div>
          <button type="submit" className="button small primary">
            应用
          </button>
        </CaseListForm>
      </div>
    </details>
  );
}
