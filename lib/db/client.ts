import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// Timestamps are stored without a zone, as UTC wall-clock times (Prisma's convention). SQL that compares
// them with now() must therefore run in UTC, whatever the server's or the host's zone is.
export const UTC_SESSION = "-c TimeZone=UTC";

export function createPrismaClient(connectionString: string) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10, options: UTC_SESSION }) });
}

export type Db = ReturnType<typeof createPrismaClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
/** For read functions that work both on their own and inside a transaction. */
export type Reader = Db | Tx;

// One client per process (dev hot reload would otherwise open a pool per edit).
const globalForDb = globalThis as unknown as { lifeboatDb?: Db };

export function getDb(): Db {
  globalForDb.lifeboatDb ??= createPrismaClient(env().DATABASE_URL);
  return globalForDb.lifeboatDb;
}
