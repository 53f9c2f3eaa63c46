// A database of its own for one integration test file, cloned from the migrated template.
import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { dropDatabase, ensureDatabase } from "@/lib/db/databases";

export type TestDatabase = { db: Db; url: string; adminUrl: string; name: string };

export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject("pgAdminUrl");
  const name = `lifeboat_it_${randomBytes(6).toString("hex")}`;
  const url = await ensureDatabase(adminUrl, name, options.migrated === false ? undefined : inject("templateDatabase"));
  const db = createPrismaClient(url);
  afterAll(async () => {
    await db.$disconnect();
    await dropDatabase(adminUrl, name);
  });
  return { db, url, adminUrl, name };
}
