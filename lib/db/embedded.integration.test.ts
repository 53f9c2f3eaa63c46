// The embedded Postgres superuser: a password of its own per data folder (never the old constant), kept in a
// file only its owner reads, and the same folder started again (or shared) finds it; an old folder is moved over.
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedCluster } from "./embedded";

const LEGACY = "lifeboat-embedded";
const folders: string[] = [];
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

function folder() {
  const root = mkdtempSync(path.join(os.tmpdir(), "lifeboat-pgpass-"));
  folders.push(root);
  // Postgres runs as its own user when the tests run as root: it must reach its folder through this one.
  chmodSync(root, 0o755);
  return { dataDir: path.join(root, "pg"), passwordFile: path.join(root, "pg-password") };
}

/** Connects as the superuser with `password`; the Postgres error code when refused. */
async function connectAs(port: number, password: string): Promise<string> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return "connected";
  } catch (error) {
    return (error as { code?: string }).code ?? (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

describe("embedded Postgres superuser password", () => {
  it("is made per data folder, kept 0600 beside it, refused as the old constant, and found again on restart", async () => {
    const a = folder();
    const b = folder();
    const first = await startEmbeddedCluster({ ...a, persistent: true });
    const second = await startEmbeddedCluster({ ...b, persistent: true });
    try {
      const passwordA = readFileSync(a.passwordFile, "utf8").trim();
      const passwordB = readFileSync(b.passwordFile, "utf8").trim();
      expect(passwordA).toMatch(/^[\w-]{32}$/);
      expect(passwordA).not.toBe(passwordB);
      expect(statSync(a.passwordFile).mode & 0o777).toBe(0o600);
      expect(await connectAs(first.port, LEGACY)).toBe("28P01"); // invalid_password
      expect(await connectAs(first.port, passwordA)).toBe("connected");
      expect(await connectAs(second.port, passwordA)).toBe("28P01");
    } finally {
      await second.stop();
      await first.stop();
    }
    const again = await startEmbeddedCluster({ ...a, persistent: true });
    try {
      expect(await connectAs(again.port, readFileSync(a.passwordFile, "utf8").trim())).toBe("connected");
      expect(new URL(again.adminUrl).password).toBe(encodeURIComponent(readFileSync(a.passwordFile, "utf8").trim()));
    } finally {
      await again.stop();
    }
  });

  it("gives a folder made with the old constant a password of its own on its next start", async () => {
    const a = folder();
    const cluster = await startEmbeddedCluster({ ...a, persistent: true });
    // Make it what an older Lifeboat left behind: the constant, and no password file.
    const client = new pg.Client({ connectionString: cluster.adminUrl });
    await client.connect();
    await client.query(`ALTER ROLE postgres PASSWORD '${LEGACY}'`);
    await client.end();
    await cluster.stop();
    rmSync(a.passwordFile);

    const upgraded = await startEmbeddedCluster({ ...a, persistent: true });
    try {
      const password = readFileSync(a.passwordFile, "utf8").trim();
      expect(password).not.toBe(LEGACY);
      expect(await connectAs(upgraded.port, LEGACY)).toBe("28P01");
      expect(await connectAs(upgraded.port, password)).toBe("connected");
    } finally {
      await upgraded.stop();
    }
  });

  it("refuses to start a persistent folder without a place to keep its password", async () => {
    await expect(startEmbeddedCluster({ dataDir: folder().dataDir, persistent: true })).rejects.toThrow(/passwordFile/);
  });
});
