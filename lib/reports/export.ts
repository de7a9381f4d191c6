// The report file a user downloads: today's figures with the draft text, or a published version exactly
// as frozen (figures, table 二, text and the organization's name from its snapshot).
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { parseInput } from "../validation";
import { reportRequestSchema } from "./definitions";
import { getPublishedReport, getReportDraft } from "./publication";
import { computeReport } from "./queries";
import { reportToDocx } from "./export-docx";
import { reportToXlsx } from "./export-xlsx";
import { reportTitle, type ReportDocument } from "./document";

const exportRequestSchema = z.object({
  type: z.enum(["xlsx", "docx"], { message: "文件类型应为 xlsx 或 docx" }),
  version: z.number().int().positive().optional(),
});

const CONTENT_TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

export async function exportReportFile({
  actor,
  year,
  format,
  type,
  version,
}: {
  actor: Actor;
  year: number;
  format?: string;
  type: string;
  version?: number;
}): Promise<{ bytes: Buffer; fileName: string; contentType: string }> {
  const request = parseInput(reportRequestSchema, { year, format });
  const options = parseInput(exportRequestSchema, { type, version });
  let document: ReportDocument;
  if (options.version) {
    const published = await getPublishedReport({ actor, year: request.year, version: options.version });
    // Everything from the snapshot, the organization's name then included.
    document = { organizationName: published.organizationName, year: request.year, figures: published.report, sections: published.sections, activeDisclosure: published.activeDisclosure };
  } else {
    const [figures, draft] = await Promise.all([
      computeReport({ actor, year: request.year, format: request.format }),
      getReportDraft({ actor, year: request.year }),
    ]);
    document = { organizationName: actor.organizationName, year: request.year, figures, sections: draft.sections, activeDisclosure: draft.activeDisclosure };
  }
  const bytes = options.type === "xlsx" ? await reportToXlsx(document) : await reportToDocx(document);
  const suffix = options.version ? `（第${options.version}版）` : "";
  return { bytes, fileName: `${reportTitle(document)}${suffix}.${options.type}`, contentType: CONTENT_TYPES[options.type] };
}
