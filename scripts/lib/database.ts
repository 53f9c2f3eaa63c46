// Where the app's data lives: DATABASE_URL when set, else an embedded Postgres in the data folder.
import path from "node:path";
import { ensureDatabase } from "@/lib/db/databases";
import { startEmbeddedCluster } from "@/lib/db/embedded";

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
  options.log(`Embedded Postgres ready on 127.0.0.1:${cluster.port} in ${Date.now() - started} ms (data: ${path.join(options.dataDir, "pg")})`);
  return { url, embedded: true, stop: cluster.stop };
}
