// Backup and restore (issue 9, item 7) against the real database: a populated database (an imported
// ledger, a published report, attachments on disk) backed up with `createBackup` and restored into an
// empty database gives the same rows in every table, the same published reports and the same files,
// checked here independently of the backup's own digests. A non-empty target is refused; a damaged
// file is refused and leaves the target empty; a backup that cannot be verified leaves no file.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { importLedger } from "../lib/cases/ledger-import-store";
import { publishReport } from "../lib/reports/publication";
import { createBackup, restoreBackup } from "../lib/runtime/backup";
import { applyMigrations } from "../lib/runtime/migrate";
import { db } from "../lib/db";
import { actorFor, createTestOrganization, createTestUser } from "./factories";
import { snapshotDatabase, type DatabaseSnapshot } from "./support/database-snapshot";
import { createScratchDatabase, type ScratchDatabase } from "./support/scratch-database";

const work = mkdtempSync(path.join(os.tmpdir(), "gongkai-backup-test-"));
const sourceDataDir = path.join(work, "source");
const archive = path.join(work, "nightly.gkbackup");
const scratchUrls = () => ({ adminUrl: inject("adminDatabaseUrl"), ownerUrl: inject("ownerDatabaseUrl"), appUrl: inject("databaseUrl") });


let source: DatabaseSnapshot;

beforeAll(async () => {
  const organization = await createTestOrganization("备份测试局");
  const manager = actorFor(await createTestUser({ organizationId: organization.id, role: "MANAGER" }));
  const ledger = new Uint8Array(readFileSync(path.resolve(import.meta.dirname, "fixtures", "ledger-sample.csv")));
  const imported = await importLedger({ organizationCode: organization.code, file: { name: "ledger-sample.csv", bytes: ledger }, today: "2026-06-30" });
  expect(imported).toMatchObject({ ok: true });
  await publishReport({ actor: manager, input: { year: 2024, format: "2021" } });

  mkdirSync(path.join(sourceDataDir, "attachments", organization.id), { recursive: true });
  writeFileSync(path.join(sourceDataDir, "attachments", organization.id, "申请书.pdf"), Buffer.from("%PDF-1.7 申请书内容\n"));
  writeFileSync(path.join(sourceDataDir, "attachments", organization.id, "答复书.docx"), Buffer.alloc(70_000, 7));
  // One attachment kept in object storage: its row is backed up, its content is the bucket's to keep.
  const someCase = await db.application.findFirstOrThrow({ where: { organizationId: organization.id } });
  await db.attachment.create({
    data: {
      organizationId: organization.id,
      applicationId: someCase.id,
      category: "APPLICATION",
      fileName: "扫描件.pdf",
      contentType: "application/pdf",
      size: 1234,
      sha256: "0".repeat(64),
      storage: "s3",
      storageKey: `${organization.id}/00/${"0".repeat(64)}`,
    },
  });

  // Other test files keep attachments in object storage too: the backup counts all of them.
  const inObjectStorage = await db.attachment.count({ where: { storage: { not: "local" } } });
  const summary = await createBackup({ ownerUrl: inject("ownerDatabaseUrl"), adminUrl: inject("adminDatabaseUrl"), dataDir: sourceDataDir, file: archive });
  expect(summary.publishedReports).toBeGreaterThanOrEqual(1);
  expect(summary.attachments).toBe(2);
  expect(inObjectStorage).toBeGreaterThanOrEqual(1);
  expect(summary.objectStorageAttachments).toBe(inObjectStorage);
  source = await snapshotDatabase(inject("ownerDatabaseUrl"));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe("backup then restore into an empty database", () => {
  let target: ScratchDatabase;
  const targetDataDir = path.join(work, "restored");

  beforeAll(async () => {
    target = await createScratchDatabase(scratchUrls(), "restore");
  });

  afterAll(async () => {
    await target.drop();
  });

  it("leaves only the finished file next to it", () => {
    expect(readdirSync(work).filter((name) => name.includes("nightly"))).toEqual(["nightly.gkbackup"]);
    expect(readdirSync(path.join(sourceDataDir, "tmp"))).toEqual([]);
  });

  it("reproduces every table, every published report and every attachment", async () => {
    const summary = await restoreBackup({ ownerUrl: target.ownerUrl, dataDir: targetDataDir, file: archive });
    await applyMigrations({ ownerUrl: target.ownerUrl, url: target.appUrl });
    const restored = await snapshotDatabase(target.ownerUrl);
    expect(restored.tables).toEqual(source.tables);
    expect(restored.reports).toEqual(source.reports);
    expect(restored.reports.length).toBe(summary.publishedReports);
    expect(source.tables.Application?.rows).toBeGreaterThan(0);
    for (const file of ["申请书.pdf", "答复书.docx"]) {
      const [folder = ""] = readdirSync(path.join(sourceDataDir, "attachments"));
      expect(readFileSync(path.join(targetDataDir, "attachments", folder, file))).toEqual(readFileSync(path.join(sourceDataDir, "attachments", folder, file)));
    }
  });

  it("gives the app role its rights on the restored tables", async () => {
    const app = new pg.Client({ connectionString: target.appUrl });
    await app.connect();
    try {
      expect(Number((await app.query(`select count(*) from "Organization"`)).rows[0]?.count)).toBe(source.tables.Organization?.rows);
      await expect(app.query(`delete from "AuditEvent"`)).rejects.toMatchObject({ code: "42501" });
    } finally {
      await app.end();
    }
  });

  it("refuses a database that is not empty and changes nothing", async () => {
    const before = await snapshotDatabase(target.ownerUrl);
    await expect(restoreBackup({ ownerUrl: target.ownerUrl, dataDir: path.join(work, "again"), file: archive })).rejects.toThrow(/目标数据库不是空的/);
    expect(await snapshotDatabase(target.ownerUrl)).toEqual(before);
  });
});

describe("a damaged backup file", () => {
  it("is refused with a Chinese message and the target stays empty", async () => {
    const damaged = path.join(work, "damaged.gkbackup");
    writeFileSync(damaged, readFileSync(archive));
    truncateSync(damaged, Math.floor(readFileSync(archive).length / 2));
    const target = await createScratchDatabase(scratchUrls(), "damaged");
    try {
      await expect(restoreBackup({ ownerUrl: target.ownerUrl, dataDir: path.join(work, "damaged-data"), file: damaged })).rejects.toThrow(/备份文件/);
      expect(await snapshotDatabase(target.ownerUrl)).toEqual({ tables: {}, reports: [] });
    } finally {
      await target.drop();
    }
  });
});

describe("a backup that cannot be verified", () => {
  it("fails with a Chinese message and leaves no file", async () => {
    // The app role may not create the scratch database the verification needs.
    const file = path.join(work, "unverified.gkbackup");
    await expect(
      createBackup({ ownerUrl: inject("ownerDatabaseUrl"), adminUrl: inject("databaseUrl"), dataDir: path.join(work, "unverified"), file }),
    ).rejects.toThrow(/无法创建用于核对备份的临时数据库/);
    expect(readdirSync(work).filter((name) => name.startsWith("unverified"))).toEqual(["unverified"]);
    expect(existsSync(file)).toBe(false);
  });

  it("into a folder that does not exist fails before reading anything", async () => {
    await expect(
      createBackup({ ownerUrl: inject("ownerDatabaseUrl"), adminUrl: inject("adminDatabaseUrl"), dataDir: sourceDataDir, file: path.join(work, "missing", "x.gkbackup") }),
    ).rejects.toThrow(/目录不存在/);
  });
});
