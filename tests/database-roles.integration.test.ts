// Least privilege in PostgreSQL (issue 10, item 9): the app's role (what lib/db connects as) cannot
// create, alter or drop a table and cannot change, delete or truncate an audit row, while the app's
// own work (rows in every table, new audit rows) goes on; the owner role keeps its rights. A cluster
// made before the roles existed (everything owned by the superuser) is moved to the owner role.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "../lib/db";
import { EMBEDDED_OWNER_ROLE, ensureEmbeddedRoles } from "../lib/runtime/roles";
import { createTestOrganization } from "./factories";

let app: pg.Client;
let auditId: string;

async function refused(statement: string): Promise<string | undefined> {
  try {
    await app.query(statement);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

beforeAll(async () => {
  app = new pg.Client({ connectionString: inject("databaseUrl") });
  await app.connect();
  const organization = await createTestOrganization("权限测试局");
  const audit = await db.auditEvent.create({
    data: { organizationId: organization.id, action: "test.created", entityType: "Organization", entityId: organization.id, reason: "原始记录" },
  });
  auditId = audit.id;
});

afterAll(async () => {
  await app.end();
});

describe("the app role", () => {
  it("is not the owner and not a superuser", async () => {
    const { rows } = await app.query<{ superuser: boolean; user: string }>(`select rolsuper as superuser, current_user as user from pg_roles where rolname = current_user`);
    expect(rows[0]).toEqual({ superuser: false, user: "gongkai_app" });
  });

  it("cannot create, alter or drop a table", async () => {
    expect(await refused(`create table "Intruder" ("id" integer)`)).toBe("42501");
    expect(await refused(`alter table "Organization" add column "intruder" text`)).toBe("42501");
    expect(await refused(`drop table "CalendarYear"`)).toBe("42501");
    expect(await refused(`create index "Intruder_idx" on "Organization" ("name")`)).toBe("42501");
  });

  it("cannot update, delete or truncate an audit row", async () => {
    expect(await refused(`update "AuditEvent" set "reason" = '改过' where "id" = '${auditId}'`)).toBe("42501");
    expect(await refused(`delete from "AuditEvent" where "id" = '${auditId}'`)).toBe("42501");
    expect(await refused(`truncate "AuditEvent"`)).toBe("42501");
    const stored = await db.auditEvent.findUniqueOrThrow({ where: { id: auditId } });
    expect(stored.reason).toBe("原始记录");
  });

  it("cannot truncate any table or rewrite the migrations' record", async () => {
    expect(await refused(`truncate "Organization" cascade`)).toBe("42501");
    expect(await refused(`delete from "_prisma_migrations"`)).toBe("42501");
  });

  it("still reads and writes rows, and adds audit rows", async () => {
    const organization = await createTestOrganization("权限测试局二");
    await db.organization.update({ where: { id: organization.id }, data: { name: "已改名" } });
    const audit = await db.auditEvent.create({ data: { organizationId: organization.id, action: "test.renamed", entityType: "Organization", entityId: organization.id } });
    expect(await db.auditEvent.count({ where: { id: audit.id } })).toBe(1);
  });
});

describe("the owner role", () => {
  it("owns every table", async () => {
    const owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
    await owner.connect();
    try {
      const { rows } = await owner.query<{ owner: string }>(`select distinct tableowner as owner from pg_tables where schemaname = 'public'`);
      expect(rows).toEqual([{ owner: EMBEDDED_OWNER_ROLE }]);
    } finally {
      await owner.end();
    }
  });
});

describe("an embedded cluster made before the roles existed", () => {
  it("is moved to the owner role on the next start", async () => {
    const credentials = JSON.parse(readFileSync(path.join(inject("integrationDataDir"), "embedded-postgres.json"), "utf8")) as {
      ownerPassword: string;
      appPassword: string;
    };
    const database = `legacy_${Date.now()}`;
    const admin = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
    await admin.connect();
    await admin.query(`create database "${database}"`);
    const legacyUrl = new URL(inject("adminDatabaseUrl"));
    legacyUrl.pathname = `/${database}`;
    const legacy = new pg.Client({ connectionString: legacyUrl.toString() });
    await legacy.connect();
    try {
      await legacy.query(`create type "Kind" as enum ('A', 'B')`);
      await legacy.query(`create table "Thing" ("id" serial primary key, "kind" "Kind")`);
      await legacy.query(`create function "thing_count"() returns bigint language sql as 'select count(*) from "Thing"'`);

      await ensureEmbeddedRoles(new URL("/postgres", inject("adminDatabaseUrl")).toString(), { ownerPassword: credentials.ownerPassword, appPassword: credentials.appPassword, database });

      const owners = await legacy.query<{ kind: string; owner: string }>(`
        select 'table' as kind, tableowner as owner from pg_tables where schemaname = 'public'
        union all select 'sequence', sequenceowner from pg_sequences where schemaname = 'public'
        union all select 'type', pg_get_userbyid(typowner) from pg_type where typname = 'Kind'
        union all select 'function', pg_get_userbyid(proowner) from pg_proc where proname = 'thing_count'
        union all select 'schema', pg_get_userbyid(nspowner) from pg_namespace where nspname = 'public'
        union all select 'database', pg_get_userbyid(datdba) from pg_database where datname = current_database()
        order by 1`);
      expect(owners.rows).toEqual(["database", "function", "schema", "sequence", "table", "type"].map((kind) => ({ kind, owner: EMBEDDED_OWNER_ROLE })));
    } finally {
      await legacy.end();
      await admin.query(`drop database "${database}" with (force)`);
      await admin.end();
    }
  });
});
