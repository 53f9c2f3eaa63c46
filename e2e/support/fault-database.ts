// A Postgres of a fault spec's own, which it stops and starts again under a running app: a real embedded
// cluster on a fixed port and data folder (so the restarted server is the same server at the same
// address), migrated and loaded with the demo data by `npm run db:seed`'s script. Stopping it breaks
// nothing but the spec that owns it.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureDatabase } from "../../lib/db/databases";
import { findFreePort, startEmbeddedCluster, type EmbeddedCluster } from "../../lib/db/embedded";

export type FaultDatabase = {
  url: string;
  /** Stops the Postgres server process (a fast shutdown: every connection is cut). */
  stop: () => Promise<void>;
  /** Starts it again on the same data folder and port. */
  start: () => Promise<void>;
  /** One query on a connection of its own (a pool would hold connections the restart kills). */
  query: <R extends pg.QueryResultRow>(sql: string, values?: unknown[]) => Promise<R[]>;
  /** Stops it for good and removes its data. */
  dispose: () => Promise<void>;
};

export async function startFaultDatabase(name: string): Promise<FaultDatabase> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "lifeboat-faults-"));
  // Postgres runs as its own user when the suite runs as root: it must reach its folder through this one.
  chmodSync(folder, 0o755);
  const port = await findFreePort();
  // persistent: the data must outlive a stop, or the restart would find an empty folder.
  const boot = () =>
    startEmbeddedCluster({
      dataDir: path.join(folder, "pg"),
      passwordFile: path.join(folder, "pg-password"),
      port,
      persistent: true,
    });
  let cluster: EmbeddedCluster | null = await boot();
  const url = await ensureDatabase(cluster.adminUrl, name);
  // The real seeding script (migrations, then the demo data) in its own process, as an operator runs it.
  const seeded = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/seed.mts"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (seeded.status !== 0) throw new Error(`seeding the fault database failed:\n${seeded.stdout}\n${seeded.stderr}`);

  const query = async <R extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: url });
    client.on("error", () => {});
    await client.connect();
    try {
      return (await client.query<R>(sql, values)).rows;
    } finally {
      await client.end().catch(() => {});
    }
  };
  return {
    url,
    query,
    stop: async () => {
      await cluster?.stop();
      cluster = null;
    },
    start: async () => {
      cluster ??= await boot();
    },
    dispose: async () => {
      await cluster?.stop().catch(() => {});
      cluster = null;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
