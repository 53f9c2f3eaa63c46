// Throwaway infrastructure for end-to-end tests and benchmarks: a temporary embedded Postgres with one
// migrated database, and production `next start` processes pointed at it.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDatabase } from "@/lib/db/databases";
import { findFreePort, startEmbeddedCluster } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { bin, isRunning, stopChild, waitForHttp } from "./run";

export type ThrowawayDatabase = { url: string; adminUrl: string; stop: () => Promise<void> };

export async function startThrowawayDatabase(name: string): Promise<ThrowawayDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "lifeboat-throwaway-"));
  const cluster = await startEmbeddedCluster({ dataDir, persistent: false });
  const url = await ensureDatabase(cluster.adminUrl, name);
  await migrate(url);
  return {
    url,
    adminUrl: cluster.adminUrl,
    stop: async () => {
      await cluster.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * `stop()` resolves once the process has exited, so a caller can stop the database after it quietly.
 * `alive()`: the process has not exited (fault specs check that an outage does not take it down).
 */
export type AppServer = { baseUrl: string; stop: () => Promise<void>; alive: () => boolean };

/** A production Next server on a free loopback port; resolves once /api/health answers. */
export async function startAppServer(
  databaseUrl: string,
  options: { env?: Record<string, string>; logs?: boolean } = {},
): Promise<AppServer> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", options.logs ? "inherit" : "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: baseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
  });
  const stop = () => stopChild(server);
  try {
    await waitForHttp(`${baseUrl}/api/health`, 60_000);
  } catch (error) {
    void stop();
    throw error;
  }
  return { baseUrl, stop, alive: () => isRunning(server) };
}
