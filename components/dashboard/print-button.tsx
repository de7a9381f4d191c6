"use client";

/** Prints the page (the print style sheet drops the header and the controls). */
export function PrintButton() {
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      打印
    </button>
  );
}
