// Reading the letters domain: the letterhead settings, the templates in force with their versions, a
// case's issued letters, the draft of a letter (its text filled from the case, for the clerk to review),
// and an issued letter's file (every download is audited). Scoped to the actor's organization.
import "server-only";
import { Prisma, type LetterKind } from "@prisma/client";
import { columnsOf, db, readRows, type Transaction } from "../db";
import { AppError } from "../errors";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { parseInput } from "../validation";
import { loadWorkCalendar } from "../calendar/queries";
import { isoDateFromDb } from "../calendar/dates";
import type { IsoDate } from "../calendar/workdays";
import { getApplication, type ApplicationDetail } from "../cases/case-detail";
import { fillTextTemplate } from "../templating/text";
import {
  DEFAULT_NUMBER_PATTERNS,
  LETTER_KINDS,
  LETTER_PLACEHOLDER_NAMES,
  SAMPLE_LETTER_VALUES,
  isLetterVariant,
  isOutcome,
  letterTemplateLabel,
  letterVariants,
} from "./definitions";
import { letterDraftSchema, letterKindSchema, type LetterInputs } from "./schemas";
import { builtInLetterTemplate, remediesSentence } from "./templates";
import { letterRecipient, letterValues, letterVariant, withRecordedExtension, type LetterCase, type Letterhead, type RecordedExtension } from "./values";

export interface LetterSettingsView extends Letterhead {
  numberPatterns: Record<LetterKind, string>;
  version: number;
  updatedAt: Date | null;
}

function numberPatternsFrom(value: Prisma.JsonValue | undefined): Record<LetterKind, string> {
  const stored = value && typeof value === "object" && !Array.isArray(value) ? value : {};
  return Object.fromEntries(
    LETTER_KINDS.map((kind) => {
      const pattern = (stored as Record<string, unknown>)[kind];
      return [kind, typeof pattern === "string" && pattern ? pattern : DEFAULT_NUMBER_PATTERNS[kind]];
    }),
  ) as Record<LetterKind, string>;
}

/** The letterhead and number patterns, or null when an administrator has not filled them in yet. */
export async function getLetterSettings({ actor }: { actor: Actor }): Promise<LetterSettingsView | null> {
  // On every case page: straight to the pool (readRows, ADR 0099); every column of the model.
  const [row] = await readRows<Prisma.LetterSettingsGetPayload<object>>(Prisma.sql`
    SELECT ${columnsOf("s", Prisma.LetterSettingsScalarFieldEnum)}
    FROM "LetterSettings" s WHERE s."organizationId" = ${actor.organizationId}`);
  if (!row) return null;
  return { ...row, numberPatterns: numberPatternsFrom(row.numberPatterns) };
}

/** For the settings form: the saved settings, or empty fields with the default patterns at version 0. */
export async function getLetterSettingsForm({ actor }: { actor: Actor }): Promise<LetterSettingsView> {
  return (
    (await getLetterSettings({ actor })) ?? {
      fullName: actor.organizationName,
      address: "",
      postalCode: null,
      telephone: "",
      reviewOrgan: "",
      court: "",
      numberPatterns: numberPatternsFrom(undefined),
      version: 0,
      updatedAt: null,
    }
  );
}

export interface CurrentLetterTemplate {
  /** 0: the built-in text. */
  version: number;
  title: string;
  body: string;
  layoutDocx: Uint8Array | null;
  layoutFileName: string | null;
}

/** The template in force for a kind and variant: the latest saved version, or the built-in text. */
export async function currentLetterTemplate(
  client: Transaction,
  organizationId: string,
  kind: LetterKind,
  variant: string,
): Promise<CurrentLetterTemplate> {
  const latest = await client.letterTemplate.findFirst({ where: { organizationId, kind, variant }, orderBy: { version: "desc" } });
  if (latest) return { version: latest.version, title: latest.title, body: latest.body, layoutDocx: latest.layoutDocx, layoutFileName: latest.layoutFileName };
  return { version: 0, ...builtInLetterTemplate(kind, variant), layoutDocx: null, layoutFileName: null };
}

/** Every template (each kind; the 答复书 once per outcome) with the version in force. */
export async function listLetterTemplates({ actor }: { actor: Actor }) {
  const latest = await db.letterTemplate.groupBy({
    by: ["kind", "variant"],
    where: { organizationId: actor.organizationId },
    _max: { version: true, createdAt: true },
  });
  const byKey = new Map(latest.map((row) => [`${row.kind}/${row.variant}`, row._max]));
  return LETTER_KINDS.flatMap((kind) =>
    letterVariants(kind).map((variant) => {
      const saved = byKey.get(`${kind}/${variant}`);
      return { kind, variant, label: letterTemplateLabel(kind, variant), version: saved?.version ?? 0, savedAt: saved?.createdAt ?? null };
    }),
  );
}

/** One template for the editor: the version in force and every saved version, newest first. */
export async function getLetterTemplateForEditing({ actor, kind, variant }: { actor: Actor; kind: unknown; variant: string }) {
  const letterKind = parseInput(letterKindSchema, kind);
  if (!isLetterVariant(letterKind, variant)) throw new AppError("NOT_FOUND", "没有这种文书模板");
  const [current, versions] = await Promise.all([
    currentLetterTemplate(db, actor.organizationId, letterKind, variant),
    db.letterTemplate.findMany({
      where: { organizationId: actor.organizationId, kind: letterKind, variant },
      orderBy: { version: "desc" },
      select: { version: true, title: true, reason: true, layoutFileName: true, createdAt: true, createdBy: { select: { displayName: true } } },
    }),
  ]);
  return {
    kind: letterKind,
    variant,
    label: letterTemplateLabel(letterKind, variant),
    version: current.version,
    title: current.title,
    body: current.body,
    layoutFileName: current.layoutFileName,
    builtIn: builtInLetterTemplate(letterKind, variant),
    /** The preview's values: the sample case, with the remedies this outcome states. */
    sampleValues: {
      ...SAMPLE_LETTER_VALUES,
      救济途径: remediesSentence({
        outcome: letterKind === "DECISION" && isOutcome(variant) ? variant : null,
        reviewOrgan: SAMPLE_LETTER_VALUES.复议机关 ?? "",
        court: SAMPLE_LETTER_VALUES.人民法院 ?? "",
      }),
    },
    versions: versions.map((version) => ({ ...version, createdBy: version.createdBy?.displayName ?? null })),
  };
}

/** A case's issued letters, newest first, without their files (the case page: straight to the pool, readRows, ADR 0099). */
export async function findCaseLetters({ actor, applicationId }: { actor: Actor; applicationId: string }) {
  const letters = await readRows<{
    id: string;
    kind: LetterKind;
    number: string;
    title: string;
    recipient: string;
    issuedOn: Date;
    sha256: string;
    caseEventId: string | null;
    templateVersion: number;
    createdAt: Date;
    issuedBy: string | null;
  }>(Prisma.sql`
    SELECT l."id", l."kind"::text AS "kind", l."number", l."title", l."recipient", l."issuedOn", l."sha256", l."caseEventId",
           l."templateVersion", l."createdAt", u."displayName" AS "issuedBy"
    FROM "Letter" l LEFT JOIN "User" u ON u."id" = l."issuedById"
    WHERE l."organizationId" = ${actor.organizationId} AND l."applicationId" = ${applicationId}
    ORDER BY l."createdAt" DESC, l."id" DESC`);
  return letters.map((letter) => ({ ...letter, issuedOn: isoDateFromDb(letter.issuedOn) }));
}

export type CaseLetter = Awaited<ReturnType<typeof findCaseLetters>>[number];

/** The case as the letters' placeholders read it. */
export function letterCaseOf(detail: ApplicationDetail): LetterCase {
  const { application, projection } = detail;
  return {
    caseNumber: application.caseNumber,
    receivedOn: isoDateFromDb(application.receivedOn),
    channel: application.channel,
    applicantName: application.applicantName,
    applicantAddress: application.applicantAddress,
    applicantContact: application.applicantContact,
    agentName: application.agentName,
    requestContent: application.requestContent,
    dueOn: projection.dueOn,
    outcome: projection.outcome,
    correctionRequestedOn: projection.correctionRequestedOn,
    correctionDeadlineOn: projection.correctionDeadlineOn,
    feeNoticeOn: projection.feeNoticeOn,
    extensionNotifiedOn: projection.extensionNotifiedOn,
  };
}

/** The case's extension step in force (not corrected away), if it has one. */
export function recordedExtensionOf(detail: ApplicationDetail): RecordedExtension | null {
  const extension = detail.events.find((event) => event.type === "EXTENSION" && !event.superseded);
  return extension ? (extension.details as RecordedExtension) : null;
}

export function requireLetterhead(settings: LetterSettingsView | null): LetterSettingsView {
  if (!settings) {
    throw new AppError("INVALID_STATE", "尚未填写文书设置：请由管理员在“设置 → 文书设置”中填写机关全称、地址、电话、行政复议机关和人民法院");
  }
  return settings;
}

/** What the letter will say, from the case and the facts entered, for the clerk to review and edit. */
export async function draftLetter({ actor, input, today }: { actor: Actor; input: unknown; today: IsoDate }) {
  const data = parseInput(letterDraftSchema, input);
  const [settings, detail, calendar] = await Promise.all([
    getLetterSettings({ actor }).then(requireLetterhead),
    getApplication({ actor, applicationId: data.applicationId, today }),
    loadWorkCalendar(),
  ]);
  const inputs: LetterInputs = withRecordedExtension(data.inputs, recordedExtensionOf(detail));
  const template = await currentLetterTemplate(db, actor.organizationId, inputs.kind, letterVariant(inputs));
  const letterCase = letterCaseOf(detail);
  const values = letterValues({ letterCase, letterhead: settings, inputs, issuedOn: data.issuedOn, calendar });
  return {
    title: template.title,
    recipient: letterRecipient(letterCase, inputs),
    body: fillTextTemplate(template.body, values, LETTER_PLACEHOLDER_NAMES),
    templateVersion: template.version,
  };
}

/** An issued letter's Word file, for a user of its organization; every download is audited. */
export async function getLetterFile({ actor, letterId }: { actor: Actor; letterId: string }) {
  const letter = await db.letter.findFirst({
    where: { id: letterId, organizationId: actor.organizationId },
    select: { id: true, applicationId: true, number: true, fileName: true, content: true, sha256: true },
  });
  if (!letter) throw new AppError("NOT_FOUND", "未找到该文书");
  await recordAudit(db, actor, {
    action: "letter.download",
    entityType: "Letter",
    entityId: letter.id,
    after: { applicationId: letter.applicationId, number: letter.number, sha256: letter.sha256 },
  });
  return { fileName: letter.fileName, content: letter.content, sha256: letter.sha256 };
}
