// The single Prisma client. Only lib/ (the data layer of each domain) and scripts import it; app/ and
// components/ never do.
import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { getEnv, requireDatabaseUrl } from "./env";

const globalForPrisma = globalThis as unknown as { gongkaiPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: requireDatabaseUrl() });
  return new PrismaClient({ adapter, log: getEnv().NODE_ENV === "development" ? ["warn", "error"] : ["error"] });
}

export const db: PrismaClient = globalForPrisma.gongkaiPrisma ?? createClient();
if (getEnv().NODE_ENV !== "production") globalForPrisma.gongkaiPrisma = db;

export type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
