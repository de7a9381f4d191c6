// A scratch database on the integration cluster, owned by the owner role, for tests that need an
// empty schema (migrations, restore). Created and dropped by the cluster's superuser.
import { randomUUID } from "node:crypto";
import pg from "pg";

export interface ScratchDatabase {
  name: string;
  ownerUrl: string;
  appUrl: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function createScratchDatabase(urls: { adminUrl: string; ownerUrl: string; appUrl: string }, prefix = "scratch"): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomUUID().replaceAll("-", "").slice(0, 10)}`;
  const admin = new pg.Client({ connectionString: urls.adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" owner gongkai_owner`);
    await admin.query(`grant connect on database "${name}" to gongkai_app`);
  } finally {
    await admin.end();
  }
  return {
    name,
    ownerUrl: withDatabase(urls.ownerUrl, name),
    appUrl: withDatabase(urls.appUrl, name),
    async drop() {
      const client = new pg.Client({ connectionString: urls.adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
