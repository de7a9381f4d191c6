// The server the end-to-end tests run against: `npm start` on a fresh embedded database in
// .data/e2e (the demo organization is seeded), on port 3100 (E2E_PORT).
import { removeEmbeddedData } from "../lib/runtime/database";
import { E2E_DATA_DIR, E2E_DATABASE_PORT, E2E_PORT } from "./environment";

// Also the cluster, when as root it lives outside the folder (lib/runtime/embedded/placement.ts).
removeEmbeddedData(E2E_DATA_DIR);
Object.assign(process.env, {
  DATA_DIR: E2E_DATA_DIR,
  PORT: String(E2E_PORT),
  EMBEDDED_DATABASE_PORT: String(E2E_DATABASE_PORT),
  SEED_DEMO: "true",
});
delete process.env.DATABASE_URL;
delete process.env.MIGRATION_DATABASE_URL;
await import("../scripts/start");
