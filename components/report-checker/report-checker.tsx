"use client";

import { useState, useTransition, type ClipboardEvent, type FormEvent } from "react";
import type { ReportCheck } from "@/lib/reports/checks";
import type { CheckedReport } from "@/lib/reports/checker";
import {
  APPEAL_COLUMN_KEYS,
  APPEAL_COLUMN_LABELS,
  APPEAL_GROUP_KEYS,
  APPEAL_GROUP_LABELS,
  APPLICATIONS_ROWS,
  COLUMN_KEYS,
  COLUMN_LABELS,
  REPORT_FORMAT_LABELS,
  type ReportFormat,
} from "@/lib/reports/definitions";
import { appealsGrid, applicationsGrid } from "@/lib/reports/layout";
import { PRE2019_COLUMN_LABELS, PRE2019_INDICATORS, type Pre2019Indicator } from "@/lib/reports/pre2019";
import { ReportGrid } from "@/components/reports/report-grid";
import styles from "./report-checker.module.css";

type Mode = "file" | "text" | "grid";

const MODE_LABELS: Record<Mode, string> = { file: "上传文件", text: "粘贴表格", grid: "逐格录入" };

type Response = { ok: true; result: CheckedReport } | { ok: false; message: string };

const APPEAL_CELLS = APPEAL_GROUP_KEYS.flatMap((group) => APPEAL_COLUMN_KEYS.map((column) => ({ group, column })));

/** Table 三 (the format's rows × 7 columns) and table 四 (15 cells) as typed: text, "" for empty. */
interface GridValues {
  applications: Record<string, string[]>;
  appeals: string[];
}

function emptyGrid(format: ReportFormat): GridValues {
  return {
    applications: Object.fromEntries(APPLICATIONS_ROWS[format].map((row) => [row.key, COLUMN_KEYS.map(() => "")])),
    appeals: APPEAL_CELLS.map(() => ""),
  };
}

/** The grid as the report as data (interfaces.md §3); an empty cell is 0. */
function gridToJson(format: ReportFormat, year: string, values: GridValues): string {
  const count = (text: string) => (text.trim() === "" ? 0 : Number(text.trim()));
  const rows = Object.fromEntries(APPLICATIONS_ROWS[format].map((row) => [row.key, (values.applications[row.key] ?? []).map(count)]));
  const appeals = Object.fromEntries(
    APPEAL_GROUP_KEYS.map((group) => [
      group,
      Object.fromEntries(APPEAL_COLUMN_KEYS.map((column) => [column, count(values.appeals[APPEAL_CELLS.findIndex((cell) => cell.group === group && cell.column === column)] ?? "")])),
    ]),
  );
  return JSON.stringify({ ...(year ? { year: Number(year) } : {}), format, applications: { columns: COLUMN_KEYS, rows }, appeals });
}

/** A block copied from a spreadsheet (tab-separated rows) as cells. */
function clipboardCells(text: string): string[][] {
  return text
    .replace(/\r?\n$/, "")
    .split(/\r\n|\n|\r/)
    .map((line) => line.split("\t").map((cell) => cell.trim()));
}

function CheckList({ checks }: { checks: ReportCheck[] }) {
  if (checks.length === 0) return <p className="muted">表中没有可核对的合计（各项均未填报）。</p>;
  return (
    <ul className={styles.checks} data-testid="checker-results">
      {checks.map((check, index) => (
        <li key={`${check.rule}-${index}`} data-ok={check.ok}>
          <span className={`badge ${check.ok ? "success" : "danger"}`}>{check.ok ? "通过" : "不通过"}</span>
          <span>{check.detail}</span>
        </li>
      ))}
    </ul>
  );
}

function ReadTables({ result }: { result: CheckedReport }) {
  const { report } = result;
  if (report.kind === "pre2019") {
    const keys = Object.keys(PRE2019_INDICATORS) as Pre2019Indicator[];
    return (
      <table className="table" data-testid="checker-read-pre2019">
        <thead>
          <tr>
            <th>指标</th>
            <th className="number">{PRE2019_COLUMN_LABELS[0]}</th>
            <th className="number">{report.year ? `${report.year}年发生数` : PRE2019_COLUMN_LABELS[1]}</th>
          </tr>
        </thead>
        <tbody>
          {keys
            .filter((key) => report.tables[key])
            .map((key) => (
              <tr key={key}>
                <td>{PRE2019_INDICATORS[key]}</td>
                <td className="number">{report.tables[key]?.[0] ?? ""}</td>
                <td className="number">{report.tables[key]?.[1] ?? ""}</td>
              </tr>
            ))}
        </tbody>
      </table>
    );
  }
  return (
    <div className="stack" data-testid="checker-read-tables">
      <ReportGrid grid={applicationsGrid(report.tables.format, report.tables.applications)} />
      <ReportGrid grid={appealsGrid(report.tables.appeals)} />
    </div>
  );
}

function describe(result: CheckedReport): string {
  const { report } = result;
  const year = report.year ? `${report.year} 年度` : "年度未注明";
  return report.kind === "pre2019" ? `${year} · 2019 年以前的统计表（核对其自身的合计）` : `${year} · ${REPORT_FORMAT_LABELS[report.tables.format]}`;
}

export function ReportChecker() {
  const [mode, setMode] = useState<Mode>("file");
  const [format, setFormat] = useState<ReportFormat>("2021");
  const [gridYear, setGridYear] = useState("");
  const [grid, setGrid] = useState<GridValues>(() => emptyGrid("2021"));
  const [response, setResponse] = useState<Response | null>(null);
  const [pending, startTransition] = useTransition();

  function changeFormat(next: ReportFormat) {
    setFormat(next);
    setGrid(emptyGrid(next));
  }

  function setApplicationsCell(rowIndex: number, columnIndex: number, value: string) {
    const key = APPLICATIONS_ROWS[format][rowIndex]?.key;
    if (!key) return;
    setGrid((previous) => {
      const row = [...(previous.applications[key] ?? [])];
      row[columnIndex] = value;
      return { ...previous, applications: { ...previous.applications, [key]: row } };
    });
  }

  /** A block pasted into a cell of table 三 fills the cells from there, as a spreadsheet does. */
  function pasteIntoApplications(event: ClipboardEvent<HTMLInputElement>, rowIndex: number, columnIndex: number) {
    const cells = clipboardCells(event.clipboardData.getData("text/plain"));
    if (cells.length <= 1 && (cells[0]?.length ?? 0) <= 1) return;
    event.preventDefault();
    setGrid((previous) => {
      const applications = { ...previous.applications };
      cells.forEach((line, lineOffset) => {
        const key = APPLICATIONS_ROWS[format][rowIndex + lineOffset]?.key;
        if (!key) return;
        const row = [...(applications[key] ?? [])];
        line.forEach((cell, cellOffset) => {
          if (columnIndex + cellOffset < COLUMN_KEYS.length) row[columnIndex + cellOffset] = cell;
        });
        applications[key] = row;
      });
      return { ...previous, applications };
    });
  }

  function pasteIntoAppeals(event: ClipboardEvent<HTMLInputElement>, index: number) {
    const cells = clipboardCells(event.clipboardData.getData("text/plain")).flat();
    if (cells.length <= 1) return;
    event.preventDefault();
    setGrid((previous) => ({ ...previous, appeals: previous.appeals.map((value, position) => (position >= index && position - index < cells.length ? (cells[position - index] ?? value) : value)) }));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = new FormData();
    if (mode === "file") {
      const file = form.get("file");
      if (file instanceof File && file.size > 0) body.set("file", file);
    } else if (mode === "text") {
      body.set("text", String(form.get("text") ?? ""));
    } else {
      body.set("text", gridToJson(format, gridYear, grid));
    }
    const previousFile = form.get("previousFile");
    if (previousFile instanceof File && previousFile.size > 0) body.set("previousFile", previousFile);
    const previousText = String(form.get("previousText") ?? "");
    if (previousText.trim() !== "") body.set("previousText", previousText);
    startTransition(async () => {
      try {
        const reply = await fetch("/reports/check/read", { method: "POST", body });
        setResponse((await reply.json()) as Response);
      } catch {
        setResponse({ ok: false, message: "无法连接服务器或服务器出错，请稍后重试；已填写的内容仍保留在页面上" });
      }
    });
  }

  const failing = response?.ok ? response.result.checks.filter((check) => !check.ok).length : 0;

  return (
    <div className="stack">
      <form onSubmit={onSubmit} className="stack" data-testid="report-checker-form">
        <section className="card stack" aria-labelledby="checker-current">
          <h2 id="checker-current">本年度报告</h2>
          <div className={styles.modes} role="radiogroup" aria-label="录入方式">
            {(Object.keys(MODE_LABELS) as Mode[]).map((candidate) => (
              <label key={candidate} className="checkbox">
                <input type="radio" name="mode" value={candidate} checked={mode === candidate} onChange={() => setMode(candidate)} />
                {MODE_LABELS[candidate]}
              </label>
            ))}
          </div>
          {mode === "file" ? (
            <div className="field">
              <label htmlFor="checker-file">报告文件</label>
              <input id="checker-file" name="file" type="file" accept=".xlsx,.docx,.json,.txt,.csv,.md" />
              <span className="hint">官方版式的 Excel（.xlsx）或 Word（.docx）、本系统导出的报告数据（.json），或表格文本（.txt、.csv）</span>
            </div>
          ) : null}
          {mode === "text" ? (
            <div className="field">
              <label htmlFor="checker-text">表格内容</label>
              <textarea id="checker-text" name="text" rows={14} className={styles.paste} placeholder="从 Excel、WPS、网页或 PDF 复制表三和表四（含行标题）后粘贴到这里" />
              <span className="hint">按行标题（如“一、本年新收政府信息公开申请数量”“（六）其他处理”）识别 2019 或 2021 年格式；2019 年以前的统计表（表一）核对其自身的合计。</span>
            </div>
          ) : null}
          {mode === "grid" ? (
            <div className="stack">
              <div className="row">
                <label className="checkbox">
                  格式
                  <select value={format} onChange={(event) => changeFormat(event.target.value as ReportFormat)} aria-label="报告格式">
                    <option value="2021">{REPORT_FORMAT_LABELS["2021"]}</option>
                    <option value="2019">{REPORT_FORMAT_LABELS["2019"]}</option>
                  </select>
                </label>
                <label className="checkbox">
                  年度
                  <input type="number" min={2019} max={2100} value={gridYear} onChange={(event) => setGridYear(event.target.value)} aria-label="年度" className={styles.yearInput} />
                </label>
                <span className="hint">空格按 0 计；可从表格软件复制一块数字，粘贴到起始格。</span>
              </div>
              <div className="table-wrap">
                <table className={styles.entry} data-testid="checker-grid-applications">
                  <thead>
                    <tr>
                      <th>项目</th>
                      {COLUMN_KEYS.map((column) => (
                        <th key={column}>{COLUMN_LABELS[column]}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {APPLICATIONS_ROWS[format].map((row, rowIndex) => (
                      <tr key={row.key}>
                        <th scope="row" className={styles.rowLabel}>
                          {row.reference} {row.label.replace(/^[一二三四]、|^（[一二三四五六七]）|^\d\./, "")}
                        </th>
                        {COLUMN_KEYS.map((column, columnIndex) => (
                          <td key={column}>
                            <input
                              inputMode="numeric"
                              aria-label={`${row.reference} ${COLUMN_LABELS[column]}`}
                              data-testid={`grid-${row.key}-${column}`}
                              value={grid.applications[row.key]?.[columnIndex] ?? ""}
                              onChange={(event) => setApplicationsCell(rowIndex, columnIndex, event.target.value)}
                              onPaste={(event) => pasteIntoApplications(event, rowIndex, columnIndex)}
                            />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="table-wrap">
                <table className={styles.entry} data-testid="checker-grid-appeals">
                  <thead>
                    <tr>
                      {APPEAL_CELLS.map(({ group, column }) => (
                        <th key={`${group}-${column}`}>
                          {APPEAL_GROUP_LABELS[group]}
                          <br />
                          {APPEAL_COLUMN_LABELS[column]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      {APPEAL_CELLS.map(({ group, column }, index) => (
                        <td key={`${group}-${column}`}>
                          <input
                            inputMode="numeric"
                            aria-label={`${APPEAL_GROUP_LABELS[group]} ${APPEAL_COLUMN_LABELS[column]}`}
                            data-testid={`grid-appeals-${group}-${column}`}
                            value={grid.appeals[index] ?? ""}
                            onChange={(event) => setGrid((previous) => ({ ...previous, appeals: previous.appeals.map((value, position) => (position === index ? event.target.value : value)) }))}
                            onPaste={(event) => pasteIntoAppeals(event, index)}
                          />
                        </td>
                      ))}
                    </tr>
                  </tbody>
                </table>
              </div>
            </div>
          ) : null}
        </section>

        <section className="card stack" aria-labelledby="checker-previous">
          <h2 id="checker-previous">上年度报告（可选）</h2>
          <p className="muted">提供上年度已发布的报告，核对本年“二、上年结转”是否等于上年“四、结转下年度继续办理”。</p>
          <div className="grid-2">
            <div className="field">
              <label htmlFor="checker-previous-file">上年度报告文件</label>
              <input id="checker-previous-file" name="previousFile" type="file" accept=".xlsx,.docx,.json,.txt,.csv,.md" />
            </div>
            <div className="field">
              <label htmlFor="checker-previous-text">或粘贴上年度的表三</label>
              <textarea id="checker-previous-text" name="previousText" rows={3} className={styles.paste} />
            </div>
          </div>
        </section>

        <div>
          <button type="submit" className="button primary" disabled={pending} aria-busy={pending}>
            {pending ? "核对中…" : "核对"}
          </button>
        </div>
      </form>

      {response && !response.ok ? (
        <div className="notice error" role="alert" data-testid="checker-error">
          {response.message}
        </div>
      ) : null}
      {response?.ok ? (
        <section className="card stack" aria-labelledby="checker-result" data-testid="checker-result">
          <h2 id="checker-result">
            核对结果（{failing === 0 ? "全部通过" : `${failing} 项不通过`}）
          </h2>
          <p className="muted" data-testid="checker-read-as">
            读取为：{describe(response.result)}
            {response.result.previous ? `；上年度：${response.result.previous.year ?? "年度未注明"}` : ""}
          </p>
          <CheckList checks={response.result.checks} />
          <h3>读取到的表格</h3>
          <ReadTables result={response.result} />
        </section>
      ) : null}
    </div>
  );
}
