// Least privilege in PostgreSQL (ADR 0033). Two roles:
// - the owner (gongkai_owner in the embedded database; MIGRATION_DATABASE_URL's user outside) owns the
//   schema and every object in it, runs migrations and restores;
// - the app (gongkai_app; DATABASE_URL's user) reads and writes rows and nothing more: no DDL, no
//   TRUNCATE, and on the append-only tables (the audit trail) only SELECT and INSERT.
// grantAppPrivileges runs as the owner after every migration run, so that tables added by later
// migrations get the same rights. ensureEmbeddedRoles runs as the embedded cluster's superuser at
// every start: it creates the roles and the database on a new cluster and moves an existing one
// (made before the roles existed, everything owned by the superuser) to the owner role.
import pg from "pg";

/** Tables whose rows the app may add but never change or remove. (ReportSnapshot is frozen by its trigger only: publishing takes LOCK TABLE on it, which needs UPDATE rights.) */
export const APPEND_ONLY_TABLES = ["AuditEvent"] as const;
/** Read by the health check; written by migrations only. */
const MIGRATIONS_TABLE = "_prisma_migrations";

export const EMBEDDED_OWNER_ROLE = "gongkai_owner";
export const EMBEDDED_APP_ROLE = "gongkai_app";

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function roleOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** Run as the owner, after migrations: the app role's rights on every table, sequence and function. */
export async function grantAppPrivileges(owner: pg.ClientBase, appRole: string): Promise<void> {
  const app = quoteIdentifier(appRole);
  const existing = await owner.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname = any($1)`,
    [[...APPEND_ONLY_TABLES, MIGRATIONS_TABLE]],
  );
  const present = new Set(existing.rows.map((row) => row.name));
  const statements = [
    `grant usage on schema public to ${app}`,
    `revoke create on schema public from ${app}`,
    `grant select, insert, update, delete on all tables in schema public to ${app}`,
    `revoke truncate, references, trigger on all tables in schema public from ${app}`,
    `grant usage, select on all sequences in schema public to ${app}`,
    `grant execute on all functions in schema public to ${app}`,
  ];
  if (present.has(MIGRATIONS_TABLE)) statements.push(`revoke insert, update, delete on ${quoteIdentifier(MIGRATIONS_TABLE)} from ${app}`);
  for (const table of APPEND_ONLY_TABLES) {
    if (present.has(table)) statements.push(`revoke update, delete on ${quoteIdentifier(table)} from ${app}`);
  }
  // One transaction: no other session ever sees UPDATE granted on an append-only table.
  await owner.query("begin");
  try {
    for (const statement of statements) await owner.query(statement);
    await owner.query("commit");
  } catch (error) {
    await owner.query("rollback").catch(() => undefined);
    throw error;
  }
}

export interface EmbeddedRoleSecrets {
  database: string;
  ownerPassword: string;
  appPassword: string;
}

/** Run as the embedded cluster's superuser at every start; idempotent. */
export async function ensureEmbeddedRoles(superuserUrl: string, secrets: EmbeddedRoleSecrets): Promise<void> {
  const admin = new pg.Client({ connectionString: superuserUrl });
  await admin.connect();
  try {
    for (const [role, password] of [
      [EMBEDDED_OWNER_ROLE, secrets.ownerPassword],
      [EMBEDDED_APP_ROLE, secrets.appPassword],
    ] as const) {
      const exists = await admin.query("select 1 from pg_roles where rolname = $1", [role]);
      const verb = exists.rowCount === 0 ? "create" : "alter";
      await admin.query(
        `${verb} role ${quoteIdentifier(role)} with login nosuperuser nocreaterole noreplication nobypassrls nocreatedb password ${admin.escapeLiteral(password)}`,
      );
    }
    const database = await admin.query<{ owner: string }>(
      "select pg_get_userbyid(datdba) as owner from pg_database where datname = $1",
      [secrets.database],
    );
    const name = quoteIdentifier(secrets.database);
    if (database.rowCount === 0) await admin.query(`create database ${name} owner ${quoteIdentifier(EMBEDDED_OWNER_ROLE)}`);
    else if (database.rows[0]?.owner !== EMBEDDED_OWNER_ROLE) await admin.query(`alter database ${name} owner to ${quoteIdentifier(EMBEDDED_OWNER_ROLE)}`);
    await admin.query(`revoke all on database ${name} from public`);
    await admin.query(`grant connect on database ${name} to ${quoteIdentifier(EMBEDDED_APP_ROLE)}`);
  } finally {
    await admin.end();
  }

  const url = new URL(superuserUrl);
  url.pathname = `/${secrets.database}`;
  const inDatabase = new pg.Client({ connectionString: url.toString() });
  await inDatabase.connect();
  try {
    await inDatabase.query(`alter schema public owner to ${quoteIdentifier(EMBEDDED_OWNER_ROLE)}`);
    await inDatabase.query("revoke create on schema public from public");
    // A cluster from before the roles existed: its objects belong to the superuser. Give them to the
    // owner (REASSIGN OWNED cannot move the bootstrap superuser's objects).
    await inDatabase.query(`
      do $$
      declare
        item record;
      begin
        for item in
          select format('alter %s %s owner to ${EMBEDDED_OWNER_ROLE}',
                   case c.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view' else 'table' end,
                   c.oid::regclass) as statement
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
             and pg_get_userbyid(c.relowner) <> '${EMBEDDED_OWNER_ROLE}'
             and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')))
          union all
          select format('alter type %s owner to ${EMBEDDED_OWNER_ROLE}', t.oid::regtype)
            from pg_type t join pg_namespace n on n.oid = t.typnamespace
           where n.nspname = 'public' and t.typtype in ('e', 'd') and pg_get_userbyid(t.typowner) <> '${EMBEDDED_OWNER_ROLE}'
          union all
          select format('alter routine %s owner to ${EMBEDDED_OWNER_ROLE}', p.oid::regprocedure)
            from pg_proc p join pg_namespace n on n.oid = p.pronamespace
           where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '${EMBEDDED_OWNER_ROLE}'
        loop
          execute item.statement;
        end loop;
      end
      $$`);
  } finally {
    await inDatabase.end();
  }
}
