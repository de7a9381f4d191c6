// CSV formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with =, +, -, @,
// tab or carriage return (=HYPERLINK(…), =cmd|…). The CSV export puts a ' in front of such a cell,
// which spreadsheets show as text, and the ledger import takes it off again, so that the round trip
// loses nothing. A value that already starts with ' and then one of those characters gets one more
// ', so that it, too, comes back as it was.
const NEEDS_GUARD = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

export function guardCsvFormula(text: string): string {
  return NEEDS_GUARD.test(text) ? `'${text}` : text;
}

export function unguardCsvFormula(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}
