// Security events outside a data change (refused access, downloads of personal data …): one audit
// event each, in its own transaction, with the request's source address and user agent.
import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db";
import { currentOperator, recordAudit } from "../audit/record";
import type { Principal } from "./actor";
import { getRequestContext } from "./request-context";

export async function recordSecurityEvent(
  principal: Principal | null,
  event: { action: string; entityType: string; entityId: string; organizationId?: string | null; after?: Prisma.InputJsonValue },
): Promise<void> {
  const context = await getRequestContext();
  const organizationId = event.organizationId !== undefined ? event.organizationId : principal && "organizationId" in principal ? principal.organizationId : null;
  await db.$transaction((tx) =>
    recordAudit(tx, principal ? { userId: principal.userId, organizationId } : null, { ...event, organizationId, ip: context.ip, userAgent: context.userAgent }),
  );
}

/** A signed-in account was refused a page, an action or a download its role does not allow. */
export async function recordAccessRefused(principal: Principal | null, what: string, detail?: Prisma.InputJsonObject): Promise<void> {
  try {
    await recordSecurityEvent(principal, {
      action: "access.refused",
      entityType: principal ? "User" : "Request",
      entityId: principal?.userId ?? what,
      after: { what, role: principal?.role ?? null, ...detail },
    });
  } catch (error) {
    // Refusing must not fail because the audit could not be written; the log keeps it.
    console.error("[audit] 无法记录拒绝访问事件", error);
  }
}

/** A file with applicants' personal data or a report left the system. */
export async function recordDataExport(
  principal: Principal,
  export_: { kind: "cases.csv" | "cases.xlsx" | "report.docx" | "report.xlsx"; rows?: number; detail?: Prisma.InputJsonObject },
): Promise<void> {
  await recordSecurityEvent(principal, {
    action: "data.export",
    entityType: export_.kind.startsWith("cases") ? "Application" : "ReportDraft",
    entityId: export_.kind,
    after: { format: export_.kind, rows: export_.rows ?? null, ...export_.detail },
  });
}

/** A ledger file written by the command line (`npm run cli -- export`): audited with the operator's system account. */
export async function recordCommandLineExport(organizationId: string, export_: { kind: "cases.csv" | "cases.xlsx"; rows: number; file: string }): Promise<void> {
  await db.$transaction((tx) =>
    recordAudit(tx, null, {
      action: "data.export",
      entityType: "Application",
      entityId: export_.kind,
      organizationId,
      operator: currentOperator(),
      after: { format: export_.kind, rows: export_.rows, file: export_.file, via: "cli" },
    }),
  );
}
