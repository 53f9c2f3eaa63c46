// `npm start` as an operator (or a supervisor) runs it: the launcher, its embedded Postgres in a data folder of
// its own, and the Next server. When the server dies — here kill -9, as the OOM killer does — the launcher must
// stop Postgres and exit non-zero at once, so systemd, Kubernetes or a shell loop restarts the whole thing.
// (Before, it waited for an exit that had already happened: launcher and Postgres stayed up, serving nothing.)
import { expect, test } from "@playwright/test";
import { spawn, execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { connect } from "node:net";
import os from "node:os";
import path from "node:path";
import { findFreePort } from "../lib/db/embedded";
import { waitForHttp } from "../scripts/lib/run";

/** The pid that listens on a loopback TCP port (the Next server itself, not the `next` CLI or the launcher). */
function listenerPid(port: number): number {
  const out = execFileSync("ss", ["-Hltnp", `sport = :${port}`], { encoding: "utf8" });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) throw new Error(`nothing listens on ${port}: ${out}`);
  return Number(pid);
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

test("the Next server killed with -9: the launcher stops Postgres and exits non-zero", async () => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "lifeboat-launcher-"));
  chmodSync(dataDir, 0o755); // Postgres runs as its own user when the suite runs as root.
  const [port, pgPort] = [await findFreePort(), await findFreePort()];
  const launcher = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      EMBEDDED_PG_PORT: String(pgPort),
      LIFEBOAT_DATA_DIR: dataDir,
      SEED_DEMO: "never",
      DATABASE_URL: "",
      NEXTAUTH_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  launcher.stdout.on("data", (chunk) => (output += chunk));
  launcher.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    launcher.once("exit", (code, signal) => resolve({ code, signal })),
  );
  try {
    await waitForHttp(`http://127.0.0.1:${port}/api/health`, 90_000, () => launcher.exitCode === null);
    expect(await accepts(pgPort)).toBe(true);
    // #17.8 as npm start lays it out: the superuser password kept beside the auth secret, for its owner only.
    expect(statSync(path.join(dataDir, "pg-password")).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(dataDir, "pg-password"), "utf8")).not.toContain("lifeboat-embedded");

    const server = listenerPid(port);
    expect(server).not.toBe(launcher.pid);
    process.kill(server, "SIGKILL");
    const killedAt = Date.now();
    const result = await Promise.race([
      exited,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 30_000)),
    ]);
    expect(result, `the launcher is still running 30 s after its server died:\n${output}`).not.toBeNull();
    console.log(
      `[launcher] exited ${((Date.now() - killedAt) / 1000).toFixed(1)} s after its server was killed, code ${result!.code}`,
    );
    expect(result!.code).not.toBe(0);
    expect(result!.code).not.toBeNull();
    expect(output).toContain("Embedded Postgres stopped.");
    expect(await accepts(pgPort)).toBe(false);
  } finally {
    // A failed run must not leave a launcher or a Postgres behind: SIGTERM is the launcher's clean stop.
    if (launcher.exitCode === null && launcher.signalCode === null) {
      launcher.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    }
    const postmaster = path.join(dataDir, "pg", "postmaster.pid");
    if (existsSync(postmaster)) {
      try {
        process.kill(Number(readFileSync(postmaster, "utf8").split("\n")[0]), "SIGINT");
      } catch {
        // Already gone.
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
});
