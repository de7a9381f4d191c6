// Every table's row count and full content, and the published reports, read directly from a database
// in one snapshot: how the backup test and the faults suite compare a restored database with its
// source, independently of the digests the backup itself uses.
import pg from "pg";

export interface DatabaseSnapshot {
  tables: Record<string, { rows: number; content: string }>;
  reports: string[];
}

export async function snapshotDatabase(url: string): Promise<DatabaseSnapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("set timezone = 'UTC'");
    await client.query("begin isolation level repeatable read read only");
    const { rows: tables } = await client.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public' order by 1`);
    const result: DatabaseSnapshot = { tables: {}, reports: [] };
    for (const { name } of tables) {
      const { rows } = await client.query<{ rows: string; content: string | null }>(
        `select count(*)::text as rows, md5(string_agg(t::text, E'\\n' order by t::text)) as content from "${name}" t`,
      );
      result.tables[name] = { rows: Number(rows[0]?.rows), content: rows[0]?.content ?? "" };
    }
    if (result.tables.ReportSnapshot) {
      const { rows } = await client.query<{ text: string }>(`select s.id || ' ' || s.report::text || s.sections::text as text from "ReportSnapshot" s order by s.id`);
      result.reports = rows.map((row) => row.text);
    }
    await client.query("commit");
    return result;
  } finally {
    await client.end();
  }
}
