// Generates the Prisma client offline. `prisma generate` reads env("DATABASE_URL") from the schema and,
// when it is missing, tries to download a native query engine; the value is never connected to.
import { spawnSync } from "node:child_process";

const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL || "postgresql://localhost:5432/generate-only" };
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
