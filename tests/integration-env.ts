// Runs before each integration test file is imported: points lib/db at the test database.
import { inject } from "vitest";
import { useDatabaseUrl } from "../lib/env";

// Session cookies and sealed TOTP secrets need a secret; the app gets its own from npm start.
process.env.NEXTAUTH_SECRET ??= "integration-tests-only-secret-0123456789";
useDatabaseUrl(inject("databaseUrl"));
