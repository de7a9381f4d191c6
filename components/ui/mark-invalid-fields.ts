// After a refused submission: the fields the server objected to get aria-invalid and point to their
// message (`${id}-error`, rendered beside them), and the first one gets the focus. A key "details.reason"
// names the field "reason". Fields marked by an earlier submission are cleared first.
export function markInvalidFields(form: HTMLFormElement, fieldErrors: Record<string, string[]> | undefined): void {
  for (const element of form.querySelectorAll<HTMLElement>("[data-server-invalid]")) {
    element.removeAttribute("aria-invalid");
    element.removeAttribute("data-server-invalid");
  }
  if (!fieldErrors) return;
  let first: HTMLElement | null = null;
  for (const key of Object.keys(fieldErrors)) {
    const name = key.split(".").at(-1) ?? key;
    const element = form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]:not([type="hidden"])`);
    if (!element) continue;
    element.setAttribute("aria-invalid", "true");
    element.setAttribute("data-server-invalid", "");
    if (element.id) {
      const describedBy = new Set((element.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean));
      describedBy.add(`${element.id}-error`);
      element.setAttribute("aria-describedby", [...describedBy].join(" "));
    }
    first ??= element;
  }
  first?.focus();
}
