// Runs before each integration test file is imported: points lib/db at the test database.
import { inject } from "vitest";
import { useDatabaseUrl } from "../lib/env";

useDatabaseUrl(inject("databaseUrl"));
