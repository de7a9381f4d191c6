// The parts of the list's state that a form does not show, as hidden fields, so that submitting the
// filters keeps the sort and the columns, and choosing columns keeps the filters.
import { caseListSearchParams, type CaseListQuery } from "@/lib/cases/list-schemas";

export function HiddenQueryFields({ query, keep }: { query: CaseListQuery; keep: (name: string) => boolean }) {
  const fields = [...caseListSearchParams(query)].filter(([name]) => name !== "page" && keep(name));
  return (
    <>
      {fields.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}
