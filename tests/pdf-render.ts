// Renders office files as a reader would see them: LibreOffice converts DOCX and XLSX to PDF, poppler's
// pdftotext reads back every word with its box on the page. `.ci/run` installs both from Debian.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
  /** The page's words joined, for "does this page show X". */
  text: string;
}

/** Converts a file to PDF with LibreOffice in its own profile (so that parallel runs do not collide). */
export async function convertToPdf(bytes: Uint8Array, extension: "docx" | "xlsx"): Promise<{ pdfPath: string; cleanup: () => Promise<void> }> {
  const directory = await mkdtemp(path.join(tmpdir(), "gongkai-pdf-"));
  const input = path.join(directory, `report.${extension}`);
  await writeFile(input, bytes);
  const profile = pathToFileURL(path.join(directory, "profile")).href;
  await run("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", directory, input], {
    timeout: 180_000,
  });
  return { pdfPath: path.join(directory, "report.pdf"), cleanup: () => rm(directory, { recursive: true, force: true }) };
}

const decodeEntities = (text: string) =>
  text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&amp;", "&");

/** Every page with its words and their boxes (points, origin top left). */
export async function readPdfPages(pdfPath: string): Promise<PdfPage[]> {
  const htmlPath = `${pdfPath}.html`;
  await run("pdftotext", ["-bbox-layout", pdfPath, htmlPath], { timeout: 60_000 });
  const html = await readFile(htmlPath, "utf8");
  const pages: PdfPage[] = [];
  for (const page of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [...page[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
      (word) => ({ xMin: Number(word[1]), yMin: Number(word[2]), xMax: Number(word[3]), yMax: Number(word[4]), text: decodeEntities(word[5]!) }),
    );
    pages.push({ width: Number(page[1]), height: Number(page[2]), words, text: words.map((word) => word.text).join("") });
  }
  return pages;
}

/**
 * The lines a text takes where it is printed: a word that begins it, then the words that go on with it —
 * to its right on the same line, or on the next line below within the same column — until the text is
 * spelled exactly; counted by their distinct baselines. null when the page does not print it.
 */
export function linesOf(page: PdfPage, text: string): number | null {
  const { words } = page;
  const overlaps = (a: PdfWord, b: PdfWord) => a.xMin < b.xMax && b.xMin < a.xMax;
  for (const first of words) {
    if (first.text === "" || !text.startsWith(first.text)) continue;
    let spelled = first.text;
    let last = first;
    const baselines = new Set([Math.round(first.yMax)]);
    while (spelled.length < text.length) {
      const rest = text.slice(spelled.length);
      const height = last.yMax - last.yMin;
      const next = words
        .filter((word) => word.text !== "" && rest.startsWith(word.text) && word !== last)
        .filter((word) => {
          const sameLine = Math.abs(word.yMax - last.yMax) < height / 3 && word.xMin >= last.xMax - 1 && word.xMin - last.xMax < height;
          const nextLine = word.yMin > last.yMin + height / 2 && word.yMin - last.yMax < height && overlaps(word, first);
          return sameLine || nextLine;
        })
        .toSorted((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)[0];
      if (!next) break;
      spelled += next.text;
      baselines.add(Math.round(next.yMax));
      last = next;
    }
    if (spelled === text) return baselines.size;
  }
  return null;
}
