// Writing the letters domain. Issuing a letter is one transaction: the step it stands for is recorded
// on the case (through the case log's own recordCaseEvent, which locks the case, checks the version the
// form was loaded with, replays the clock and refuses what does not fit), the number is drawn from the
// organization's counter for the kind and year (bumped atomically, so letters issued at once get
// different numbers), the Word file is made from the layout and the final text, and the letter is
// stored with its SHA-256 and the audit event. Either all of it is written or none.
import "server-only";
import { createHash } from "node:crypto";
import { Prisma, type LetterKind } from "@prisma/client";
import { db, type Transaction } from "../db";
import { AppError } from "../errors";
import { type Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import { parseInput } from "../validation";
import { dbDateFromIso } from "../calendar/dates";
import type { IsoDate } from "../calendar/workdays";
import { formatCaseNumber } from "../cases/case-number";
import { getApplication, type ApplicationDetail } from "../cases/case-detail";
import { recordCaseEvent } from "../cases/mutations";
import { perVolumeFee } from "../fees/calculator";
import { checkTextTemplate } from "../templating/text";
import { LETTER_PLACEHOLDER_NAMES, isLetterVariant } from "./definitions";
import { checkLetterLayout, renderLetterDocx, standardLetterLayout } from "./layout";
import { currentLetterTemplate, getLetterSettings, letterCaseOf, recordedExtensionOf, requireLetterhead } from "./queries";
import { issueLetterSchema, letterSettingsSchema, letterTemplateSchema, type LetterInputs } from "./schemas";
import { chineseDate } from "../calendar/dates";
import { NUMBER_PLACEHOLDER, letterFileName, letterParagraphs, letterRecipient, letterVariant, withRecordedExtension } from "./values";

/** Administrators keep the letterhead; a save made from an older version is refused, not merged. */
export async function saveLetterSettings({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "letters:configure");
  const { version, ...data } = parseInput(letterSettingsSchema, input);
  const values = { ...data, postalCode: data.postalCode ?? null, updatedById: actor.userId };
  return db.$transaction(async (tx) => {
    const before = await tx.letterSettings.findUnique({ where: { organizationId: actor.organizationId } });
    const stale = () =>
      new AppError("CONFLICT", `文书设置已被他人修改（现为第 ${before?.version ?? "?"} 版），您的修改未保存。请刷新页面，在最新内容上重新修改`);
    if (!before) {
      if (version !== 0) throw stale();
      try {
        await tx.letterSettings.create({ data: { organizationId: actor.organizationId, ...values, version: 1 } });
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", "文书设置已被他人保存，请刷新页面后重新修改");
        throw error;
      }
    } else {
      const updated = await tx.letterSettings.updateMany({
        where: { organizationId: actor.organizationId, version },
        data: { ...values, version: { increment: 1 } },
      });
      if (updated.count === 0) throw stale();
    }
    await recordAudit(tx, actor, {
      action: "letter_settings.update",
      entityType: "LetterSettings",
      entityId: actor.organizationId,
      before: before ? { ...before, updatedAt: before.updatedAt.toISOString() } : undefined,
      after: values,
    });
    return { version: version + 1 };
  });
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Administrators save a template as its next version (the older ones stay). The text's placeholders and
 * an uploaded layout are checked first; a save made from an older version is refused.
 */
export async function saveLetterTemplate({ actor, input, layoutFile }: { actor: Actor; input: unknown; layoutFile?: UploadedFile | null }) {
  assertCan(actor, "letters:configure");
  const data = parseInput(letterTemplateSchema, input);
  if (!isLetterVariant(data.kind, data.variant)) throw new AppError("NOT_FOUND", "没有这种文书模板");
  const problems = checkTextTemplate(data.body, LETTER_PLACEHOLDER_NAMES).map((problem) => problem.message);
  if (problems.length > 0) throw new AppError("VALIDATION", `正文中的占位符有误：${problems.join("；")}`, { body: problems });
  if (data.layout === "upload") {
    if (!layoutFile || layoutFile.bytes.length === 0) throw new AppError("VALIDATION", "请选择版式文件（.docx）", { layout: ["请选择版式文件（.docx）"] });
    if (layoutFile.bytes.length > 1024 * 1024) throw new AppError("VALIDATION", "版式文件不能超过 1 MB", { layout: ["版式文件不能超过 1 MB"] });
    const layoutProblems = checkLetterLayout(layoutFile.bytes);
    if (layoutProblems.length > 0) throw new AppError("VALIDATION", layoutProblems.join("；"), { layout: layoutProblems });
  }
  return db.$transaction(async (tx) => {
    const current = await currentLetterTemplate(tx, actor.organizationId, data.kind, data.variant);
    if (current.version !== data.expectedVersion) {
      throw new AppError("CONFLICT", `该模板已被他人修改（现为第 ${current.version} 版），您的修改未保存。请刷新页面，在最新版本上重新修改`);
    }
    const layout =
      data.layout === "upload"
        ? { layoutDocx: Buffer.from(layoutFile!.bytes), layoutFileName: layoutFile!.name.slice(0, 200) }
        : data.layout === "standard"
          ? { layoutDocx: null, layoutFileName: null }
          : { layoutDocx: current.layoutDocx ? Buffer.from(current.layoutDocx) : null, layoutFileName: current.layoutFileName };
    const version = current.version + 1;
    try {
      await tx.letterTemplate.create({
        data: {
          organizationId: actor.organizationId,
          kind: data.kind,
          variant: data.variant,
          version,
          title: data.title,
          body: data.body,
          ...layout,
          reason: data.reason ?? null,
          createdById: actor.userId,
        },
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new AppError("CONFLICT", "该模板刚刚被他人保存了新版本，您的修改未保存。请刷新页面后重新修改");
      }
      throw error;
    }
    await recordAudit(tx, actor, {
      action: "letter_template.save",
      entityType: "LetterTemplate",
      entityId: `${data.kind}/${data.variant}`,
      after: { version, title: data.title, layoutFileName: layout.layoutFileName },
      reason: data.reason,
    });
    return { version };
  });
}

/** The case step a letter records, where there is one. */
function stepOf(inputs: LetterInputs, issuedOn: IsoDate, detail: ApplicationDetail): Record<string, unknown> | null {
  switch (inputs.kind) {
    case "CORRECTION_NOTICE":
      return { type: "CORRECTION_REQUESTED", occurredOn: issuedOn, details: { deadlineOn: inputs.deadlineOn, matters: inputs.matters, lateReason: inputs.lateReason } };
    case "EXTENSION_NOTICE":
      return {
        type: "EXTENSION",
        occurredOn: issuedOn,
        details: { workdays: inputs.workdays, approvedBy: inputs.approvedBy, approvedOn: inputs.approvedOn, reason: inputs.reason },
      };
    case "THIRD_PARTY_CONSULTATION":
    case "AGENCY_CONSULTATION":
      return {
        type: "CONSULTATION_SENT",
        occurredOn: issuedOn,
        details: { party: inputs.kind === "THIRD_PARTY_CONSULTATION" ? "THIRD_PARTY" : "AGENCY", partyName: inputs.partyName },
      };
    case "FEE_NOTICE":
      if (!inputs.applicantReceivedOn) return null;
      return {
        type: "FEE_NOTICE",
        occurredOn: issuedOn,
        details: {
          method: inputs.method,
          amount: inputs.amount,
          calculatedAmount: calculatedFee(inputs, detail),
          adjustmentReason: inputs.adjustmentReason,
          applicantReceivedOn: inputs.applicantReceivedOn,
        },
      };
    case "RECEIPT":
    case "DECISION":
      return null;
  }
}

function calculatedFee(inputs: Extract<LetterInputs, { kind: "FEE_NOTICE" }>, detail: ApplicationDetail): string {
  const amount = inputs.method === "PER_APPLICATION" ? detail.fee.perApplicationAmount : perVolumeFee(inputs.pages ?? 0);
  return amount.toFixed(2);
}

/** The next number of the kind in the year: one counter row per organization, kind and year, bumped atomically. */
async function allocateLetterNumber(tx: Transaction, organizationId: string, kind: LetterKind, year: number): Promise<number> {
  const [row] = await tx.$queryRaw<{ lastSequence: number }[]>`
    INSERT INTO "LetterNumberCounter" ("organizationId", "kind", "year", "lastSequence")
    VALUES (${organizationId}, CAST(${kind} AS "LetterKind"), ${year}, 1)
    ON CONFLICT ("organizationId", "kind", "year") DO UPDATE SET "lastSequence" = "LetterNumberCounter"."lastSequence" + 1
    RETURNING "lastSequence"`;
  return row!.lastSequence;
}

/** Issues a letter on a case: any role that works cases. Returns the new letter's id and number. */
export async function issueLetter({ actor, input, today }: { actor: Actor; input: unknown; today: IsoDate }) {
  assertCan(actor, "case:work");
  const data = parseInput(issueLetterSchema, input);
  if (data.issuedOn > today) throw new AppError("VALIDATION", "文书日期不能晚于今天", { issuedOn: ["文书日期不能晚于今天"] });
  const [settings, detail] = await Promise.all([
    getLetterSettings({ actor }).then(requireLetterhead),
    getApplication({ actor, applicationId: data.applicationId, today }),
  ]);
  const letterCase = letterCaseOf(detail);
  const inputs: LetterInputs = withRecordedExtension(data.inputs, recordedExtensionOf(detail));
  if (data.issuedOn < letterCase.receivedOn) throw new AppError("VALIDATION", "文书日期不能早于收到申请日期", { issuedOn: ["文书日期不能早于收到申请日期"] });
  if (inputs.kind === "FEE_NOTICE" && inputs.amount !== calculatedFee(inputs, detail) && !inputs.adjustmentReason) {
    throw new AppError("VALIDATION", `收费金额与按标准计算的 ${calculatedFee(inputs, detail)} 元不同，请填写调整理由`, { adjustmentReason: ["请填写调整理由"] });
  }
  const organization = await db.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { caseNumberPrefix: true } });
  const variant = letterVariant(inputs);

  // The notice of an extension already approved in the system (docs/decisions/0075) records nothing new.
  const step = inputs.kind === "EXTENSION_NOTICE" && detail.projection.extensionNotifiedOn ? null : stepOf(inputs, data.issuedOn, detail);

  // The step the letter records, its number and the stored file are one change: all or nothing.
  return db.$transaction(async (tx) => {
    const recorded = step
      ? await recordCaseEvent({ actor, applicationId: data.applicationId, input: step, expectedVersion: data.caseVersion, today, transaction: tx })
      : null;
    const template = await currentLetterTemplate(tx, actor.organizationId, inputs.kind, variant);
    const year = Number(data.issuedOn.slice(0, 4));
    const sequence = await allocateLetterNumber(tx, actor.organizationId, inputs.kind, year);
    const number = formatCaseNumber(settings.numberPatterns[inputs.kind], { prefix: organization.caseNumberPrefix, year, sequence });
    const body = data.body.replaceAll(NUMBER_PLACEHOLDER, number);
    const recipient = letterRecipient(letterCase, inputs);
    const content = renderLetterDocx(template.layoutDocx ?? (await standardLetterLayout()), {
      机关全称: settings.fullName,
      标题: template.title,
      文号: number,
      收件人: recipient,
      段落: letterParagraphs(body).map((文字) => ({ 文字 })),
      文书日期: chineseDate(data.issuedOn),
      机关地址: settings.address,
      邮政编码: settings.postalCode ?? "",
      机关电话: settings.telephone,
      案件编号: letterCase.caseNumber,
    });
    const sha256 = createHash("sha256").update(content).digest("hex");
    const letter = await tx.letter.create({
      data: {
        organizationId: actor.organizationId,
        applicationId: data.applicationId,
        kind: inputs.kind,
        variant,
        templateVersion: template.version,
        year,
        sequence,
        number,
        issuedOn: dbDateFromIso(data.issuedOn),
        title: template.title,
        recipient,
        body,
        fileName: letterFileName(number, template.title),
        content: new Uint8Array(content),
        sha256,
        caseEventId: recorded?.eventId ?? null,
        issuedById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: `letter.issue.${inputs.kind.toLowerCase()}`,
      entityType: "Application",
      entityId: data.applicationId,
      after: { letterId: letter.id, number, issuedOn: data.issuedOn, templateVersion: template.version, sha256, caseEventId: recorded?.eventId ?? null },
    });
    return { letterId: letter.id, number, caseEventId: recorded?.eventId ?? null };
  });
}
