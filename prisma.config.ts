// Prisma CLI configuration. The JavaScript schema engine (engine: "js") runs migrations through the
// pg driver adapter, so nothing is downloaded at install or run time (docs/decisions/0002).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    // Migrations run through lib/runtime/migrate.ts (npm start, npm run db:migrate, the CLI), which sets DATABASE_URL (the embedded PostgreSQL when unset).
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL 未设置：请使用 npm run db:migrate（未设置时自动启动内置数据库）");
    return new PrismaPg({ connectionString });
  },
});
