// How the report checker compares the labels of tables typed, pasted or uploaded from outside the
// system with the official ones (lib/reports/report-reader.ts, lib/reports/pre2019.ts). Pure.

/** One table as read: rows of cell texts (a merged cell's text once, in its first cell). */
export type TextGrid = string[][];

/**
 * A label as compared: NFKC (full-width brackets, digits and colons to ASCII), without spaces, quotes,
 * footnote marks and the punctuation that varies between reports (、，,.．:：;；), so that
 * "（三）1. 属于国家秘密" and "(三)1.属于国家秘密" read the same.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s"'“”‘’「」『』*]/g, "")
    .replace(/[、,.:;。]/g, "");
}
