import { describe, expect, it } from "vitest";
import pg from "pg";
import { createTestDatabase } from "@/test/database";
import { migrate, pendingMigrations, readMigrations } from "./migrate";

async function rows(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migration runner", () => {
  it("applies every migration once, records it the way Prisma does, and is idempotent", async () => {
    const { url } = await createTestDatabase({ migrated: false });
    const all = readMigrations().map((m) => m.name);
    expect(await pendingMigrations(url)).toEqual(all);

    const first = await migrate(url);
    expect(first.applied).toEqual(all);
    const second = await migrate(url);
    expect(second).toEqual({ applied: [], alreadyApplied: all });
    expect(await pendingMigrations(url)).toEqual([]);

    const recorded = await rows(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(recorded.map((r) => r.migration_name)).toEqual(all);
    for (const row of recorded) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("two runners at once apply each migration exactly once", async () => {
    const { url } = await createTestDatabase({ migrated: false });
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(readMigrations().map((m) => m.name));
    const count = await rows(url, `SELECT count(*)::int AS n FROM "_prisma_migrations"`);
    expect(count[0].n).toBe(readMigrations().length);
  });

  it("refuses a migration edited after it was applied", async () => {
    const { url } = await createTestDatabase({ migrated: false });
    await migrate(url);
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(migrate(url, edited)).rejects.toThrow(/changed after it was applied/);
  });

  it("rolls back a failing migration completely and records nothing for it", async () => {
    const { url } = await createTestDatabase({ migrated: false });
    const broken = [
      ...readMigrations(),
      {
        name: "99990101000000_broken",
        sql: `CREATE TABLE "Half" (id int); SELECT * FROM no_such_table;`,
        checksum: "f".repeat(64),
      },
    ];
    await expect(migrate(url, broken)).rejects.toThrow(/99990101000000_broken failed/);
    expect(await rows(url, `SELECT to_regclass('"Half"') AS t`)).toEqual([{ t: null }]);
    expect(
      await rows(
        url,
        `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name = '99990101000000_broken'`,
      ),
    ).toEqual([{ n: 0 }]);
  });
});
