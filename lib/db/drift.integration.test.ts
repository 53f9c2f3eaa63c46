import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/database";
import { findDrift } from "./drift";

describe("schema drift", () => {
  it("schema.prisma and the migrated database agree", async () => {
    const { url } = await createTestDatabase();
    expect(await findDrift(url)).toEqual([]);
  });

  it("notices a column the migrations added but the schema does not know (and the reverse)", async () => {
    const { db, url } = await createTestDatabase();
    await db.$executeRawUnsafe(`ALTER TABLE "User" ADD COLUMN "nickname" TEXT`);
    await db.$executeRawUnsafe(`ALTER TABLE "System" DROP COLUMN "drRegion"`);
    await db.$executeRawUnsafe(`DROP INDEX "Service_kind_idx"`);
    const drift = await findDrift(url);
    expect(drift).toContain("column User.nickname: in the database, missing from schema.prisma");
    expect(drift).toContain("column System.drRegion: in schema.prisma, missing from the database");
    expect(drift).toContain("Service: index(kind) in schema.prisma, missing from the database");
  });
});
