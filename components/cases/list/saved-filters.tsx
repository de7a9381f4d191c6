"use client";

// 我的筛选: the signed-in user's saved filters of the case list, as links that restore the list's
// address, each with a delete button, and the form that saves the current filters under a name.
import { Link } from "@/components/link";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type FormEvent } from "react";
import type { SavedCaseFilterRecord } from "@/lib/saved-filters/queries";
import type { ActionResult } from "@/lib/errors";
import { SAVED_FILTER_NAME_MAX } from "@/lib/saved-filters/schemas";
import { deleteCaseFilterAction, saveCaseFilterAction } from "@/lib/saved-filters/actions";
import { ActionNotice, fieldError } from "@/components/ui/action-notice";
import { callAction } from "@/components/ui/call-action";
import styles from "./case-list.module.css";

export function SavedCaseFilters({ filters, currentQuery }: { filters: SavedCaseFilterRecord[]; currentQuery: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  // The latest answer, of saving or of deleting; a refused name is shown beside the field.
  const [shown, setShown] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const nameError = fieldError(shown, "name");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const outcome = await callAction(saveCaseFilterAction(null, data));
      setShown(outcome);
      if (outcome.ok) {
        formRef.current?.reset();
        router.refresh();
      }
    });
  }

  function remove(filter: SavedCaseFilterRecord) {
    startTransition(async () => {
      const outcome = await callAction(deleteCaseFilterAction(filter.id));
      setShown(outcome.ok ? { ok: true, message: `已删除筛选“${filter.name}”` } : outcome);
      if (outcome.ok) router.refresh();
    });
  }

  return (
    <div className={`${styles.savedFilters} no-print`} data-testid="saved-filters">
      <span className="muted" id="saved-filters-label">
        我的筛选
      </span>
      {filters.length === 0 ? (
        <span className="muted">（还没有保存的筛选）</span>
      ) : (
        <ul className={styles.savedFilterList} aria-labelledby="saved-filters-label">
          {filters.map((filter) => (
            <li key={filter.id} className={styles.savedFilterItem}>
              <Link href={filter.href} data-testid={`saved-filter-${filter.name}`}>
                {filter.name}
              </Link>
              <button
                type="button"
                className={styles.savedFilterDelete}
                aria-label={`删除筛选 ${filter.name}`}
                title="删除该筛选"
                disabled={pending}
                onClick={() => remove(filter)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form ref={formRef} className={styles.savedFilterForm} onSubmit={onSubmit} noValidate aria-label="保存当前筛选">
        <input type="hidden" name="query" value={currentQuery} />
        <label htmlFor="saved-filter-name" className="muted">
          保存当前筛选为
        </label>
        <input
          id="saved-filter-name"
          name="name"
          type="text"
          maxLength={SAVED_FILTER_NAME_MAX}
          placeholder="名称，如：本月待办"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? "saved-filter-name-error" : undefined}
        />
        <button type="submit" className="button small" disabled={pending} aria-busy={pending} data-testid="saved-filter-save">
          {pending ? "保存中…" : "保存当前筛选"}
        </button>
        {nameError ? (
          <span id="saved-filter-name-error" className="error" data-testid="saved-filter-name-error">
            {nameError}
          </span>
        ) : null}
      </form>
      <div aria-live="polite" style={{ flexBasis: "100%" }}>
        <ActionNotice result={nameError ? null : shown} />
      </div>
    </div>
  );
}
