import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { checkReport } from "@/lib/reports/checker";
import { readReportInput, type ReportInput } from "@/lib/reports/report-reader";

export const dynamic = "force-dynamic";

/** Uploads above this are refused before reading (a report's workbook or document is far smaller). */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

async function inputOf(form: FormData, prefix: "" | "previous"): Promise<ReportInput | null | string> {
  const file = form.get(prefix ? `${prefix}File` : "file");
  const text = form.get(prefix ? `${prefix}Text` : "text");
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_FILE_BYTES) return `文件“${file.name}”超过 10 MB`;
    return { kind: "file", name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  }
  if (typeof text === "string" && text.trim() !== "") return { kind: "text", text };
  return null;
}

/**
 * POST /reports/check/read (multipart: file or text, optionally previousFile or previousText): the
 * checks of rules.md §6 that need no case log on a report from anywhere. Reads nothing from the database.
 */
export async function POST(request: NextRequest) {
  const actor = await getActor();
  if (!actor) return NextResponse.json({ ok: false, message: "登录已失效，请重新登录" }, { status: 401 });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return NextResponse.json({ ok: false, message: "无法读取提交的内容" }, { status: 400 });
  }
  const [current, previous] = await Promise.all([inputOf(form, ""), inputOf(form, "previous")]);
  if (current === null) return NextResponse.json({ ok: false, message: "请上传报告文件、粘贴表格或逐格录入" }, { status: 400 });
  if (typeof current === "string") return NextResponse.json({ ok: false, message: current }, { status: 400 });
  if (typeof previous === "string") return NextResponse.json({ ok: false, message: previous }, { status: 400 });
  const read = await readReportInput(current);
  if (!read.ok) return NextResponse.json({ ok: false, message: `本年度报告：${read.message}` });
  let previousReport = null;
  if (previous) {
    const readPrevious = await readReportInput(previous);
    if (!readPrevious.ok) return NextResponse.json({ ok: false, message: `上年度报告：${readPrevious.message}` });
    previousReport = readPrevious.report;
  }
  return NextResponse.json({ ok: true, result: checkReport(read.report, previousReport) });
}
