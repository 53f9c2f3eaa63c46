// Where the app's data lives: DATABASE_URL when set, else an embedded Postgres in the data folder.
import path from "node:path";
import { createPrismaClient } from "@/lib/db/client";
import { ensureDatabase } from "@/lib/db/databases";
import { startEmbeddedCluster } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { launcherEnv } from "@/lib/env";

export type PreparedDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

export async function prepareDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  port?: number;
  persistent?: boolean;
  databaseName?: string;
  log: (line: string) => void;
}): Promise<PreparedDatabase> {
  if (options.databaseUrl) {
    return { url: options.databaseUrl, embedded: false, stop: async () => {} };
  }
  const started = Date.now();
  const cluster = await startEmbeddedCluster({
    dataDir: path.join(options.dataDir, "pg"),
    port: options.port,
    persistent: options.persistent,
    // Beside the auth secret, outside Postgres's own folder.
    passwordFile: path.join(options.dataDir, "pg-password"),
    log: options.log,
  });
  const url = await ensureDatabase(cluster.adminUrl, options.databaseName ?? "lifeboat");
  options.log(
    `Embedded Postgres ready on 127.0.0.1:${cluster.port} in ${Date.now() - started} ms (data: ${path.join(options.dataDir, "pg")})`,
  );
  return { url, embedded: true, stop: cluster.stop };
}

/**
 * What the command-line tools share: `work` runs against the app's database (DATABASE_URL, or the embedded one,
 * shared if the app is running), migrated first; the client and the database are closed afterwards, whatever happens.
 */
export async function withAppDatabase<T>(
  work: (db: ReturnType<typeof createPrismaClient>) => Promise<T>,
  log: (line: string) => void = console.error,
): Promise<T> {
  const config = launcherEnv();
  const database = await prepareDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.LIFEBOAT_DATA_DIR,
    port: config.EMBEDDED_PG_PORT,
    log,
  });
  const db = createPrismaClient(database.url);
  try {
    await migrate(database.url);
    return await work(db);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

/** A command-line tool's failure: its message on stderr and exit code 1 (the process still ends on its own). */
export function reportFailure(error: unknown) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
