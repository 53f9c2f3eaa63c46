// `npm run bench:cold-start`: how long Lifeboat takes to come up, on an already-migrated throwaway database
// with the demo data and a current production build. Each launch is `npm start`'s own launcher
// (`tsx scripts/start.ts`, DATABASE_URL set: check the build, migrate — nothing to do —, spawn `next start`),
// timed from the spawn to the first 200 of /api/health, then to the first signed-in page (a commander's
// sign-in through next-auth, then GET /command: where `/` sends a commander). Also `next start` alone, without
// the launcher. Raw baselines, from fresh processes too: a bare `node -e` HTTP server's first response, and a
// `node -e` process's first answer from Postgres through pg (connect + SELECT 1). Median of LAUNCHES each.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { findFreePort } from "@/lib/db/embedded";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { DEMO_PASSWORD } from "@/lib/seed/demo-plans";
import { seedDemo } from "@/lib/seed/seed-demo";
import { benchCli, cleanUpOnce, invokedAs, timeRatio, type BenchOptions, type BenchResult } from "./lib/bench-run";
import { isBuildCurrent } from "./lib/build-stamp";
import { ensureBuild } from "./lib/ensure-build";
import { sleep } from "./lib/fan-out";
import { bin, isRunning } from "./lib/run";
import { signIn } from "./lib/sign-in";
import { startThrowawayDatabase, type ThrowawayDatabase } from "./lib/throwaway";

const LAUNCHES = 3;
const POLL_MS = 10;
const LAUNCH_TIMEOUT_MS = 120_000;
const COMMANDER = "commander@lifeboat.local";
const FIRST_PAGE = "/command";

type Launched = { child: ChildProcess; output: () => string; exited: Promise<void> };

/** A process in its own group (tsx and `next start` spawn children: stopping the group stops them all). */
function launch(command: string, args: string[], env: Record<string, string>): Launched {
  const child = spawn(command, args, {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { child, output: () => output, exited };
}

const running = (p: Launched) => isRunning(p.child);

/** SIGTERM to the group, SIGKILL after 10 s; resolves once the process is gone. */
async function stop(p: Launched) {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-p.child.pid!, name);
    } catch {
      // Already gone.
    }
  };
  if (running(p)) signal("SIGTERM");
  await Promise.race([p.exited, sleep(10_000)]);
  if (running(p)) signal("SIGKILL");
  await p.exited;
  // Children of the group that outlived their parent (next start's workers).
  signal("SIGKILL");
}

/** Polls `url` every POLL_MS from now until it answers 200: ms since `since`. */
async function firstOk(url: string, since: number, alive: () => boolean, what: string): Promise<number> {
  const deadline = since + LAUNCH_TIMEOUT_MS;
  for (;;) {
    if (!alive()) throw new Error(`${what} exited before ${url} answered`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - since;
    } catch {
      // Not listening yet.
    }
    if (performance.now() > deadline) throw new Error(`${url} did not answer 200 within ${LAUNCH_TIMEOUT_MS} ms`);
    await sleep(POLL_MS);
  }
}

type Figures = { median: number; min: number; max: number; all: number[] };
const figures = (values: number[]): Figures => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)!, all: values };
};
const show = (f: Figures) => `${f.median.toFixed(0)} ms (${f.min.toFixed(0)}–${f.max.toFixed(0)})`;

export async function runColdStartBench(options: BenchOptions): Promise<BenchResult> {
  if (!options.built) await ensureBuild(options.log);
  let database: ThrowawayDatabase | undefined;
  let db: Db | undefined;
  const launched = new Set<Launched>();
  const cleanUp = cleanUpOnce(
    async () => {
      await Promise.all([...launched].map(stop));
      await db?.$disconnect().catch(() => {});
    },
    () => database,
  );
  const problems: string[] = [];
  try {
    database = await startThrowawayDatabase("lifeboat_bench_cold_start");
    const url = database.url;
    db = createPrismaClient(url);
    await seedDemo(db);
    await db.$disconnect();
    db = undefined;
    const secret = randomBytes(32).toString("base64url");

    /** One launch of the app: ms from spawn to /api/health 200, and to the first signed-in page. */
    const appLaunch = async (kind: "launcher" | "next") => {
      const port = await findFreePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const env = {
        DATABASE_URL: url,
        NEXTAUTH_SECRET: secret,
        NEXTAUTH_URL: baseUrl,
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "warn",
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        SEED_DEMO: "never",
      };
      const started = performance.now();
      const p =
        kind === "launcher"
          ? launch(bin("tsx"), ["scripts/start.ts"], env)
          : launch(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], env);
      launched.add(p);
      try {
        const health = await firstOk(
          `${baseUrl}/api/health`,
          started,
          () => running(p),
          kind === "launcher" ? "npm start" : "next start",
        );
        const cookie = await signIn(baseUrl, COMMANDER, DEMO_PASSWORD);
        const response = await fetch(`${baseUrl}${FIRST_PAGE}`, { headers: { Cookie: cookie }, redirect: "manual" });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${FIRST_PAGE}: HTTP ${response.status}`);
        const page = performance.now() - started;
        if (/Building Lifeboat/.test(p.output()))
          problems.push("the sources changed during the bench: a launch rebuilt the app (its cold start is not one)");
        return { health, page };
      } catch (error) {
        throw new Error(`${(error as Error).message}\n${p.output()}`);
      } finally {
        await stop(p);
        launched.delete(p);
      }
    };

    /** A fresh process's time to an answer: a bare HTTP server's first response, or its own exit. */
    const nodeHttp = async () => {
      const port = await findFreePort();
      const started = performance.now();
      const p = launch(
        process.execPath,
        ["-e", `require("node:http").createServer((q, s) => s.end("ok")).listen(${port}, "127.0.0.1")`],
        {},
      );
      launched.add(p);
      try {
        return await firstOk(`http://127.0.0.1:${port}/`, started, () => running(p), "the bare node server");
      } finally {
        await stop(p);
        launched.delete(p);
      }
    };
    const nodePg = async () => {
      const script = `const pg = require("pg"); const c = new pg.Client({ connectionString: process.env.DATABASE_URL }); c.connect().then(() => c.query("SELECT 1")).then(() => c.end()).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); });`;
      const started = performance.now();
      const p = launch(process.execPath, ["-e", script], { DATABASE_URL: url });
      await p.exited;
      if (p.child.exitCode !== 0) throw new Error(`the bare pg process failed: ${p.output()}`);
      return performance.now() - started;
    };

    if (!isBuildCurrent()) problems.push("the build is not current: the first launch builds");
    const launcher = { health: [] as number[], page: [] as number[] };
    const next = { health: [] as number[], page: [] as number[] };
    const http: number[] = [];
    const pgAnswer: number[] = [];
    // Interleaved, launch after launch, so a busy neighbour slows all alike; one untimed launch of each first
    // (the OS file cache warm, as on a machine that has run Lifeboat before).
    options.log(
      `Cold starts: ${LAUNCHES} launches each of npm start's launcher and of next start alone, with raw baselines…`,
    );
    await appLaunch("launcher");
    await nodeHttp();
    for (let i = 0; i < LAUNCHES; i++) {
      const a = await appLaunch("launcher");
      launcher.health.push(a.health);
      launcher.page.push(a.page);
      const b = await appLaunch("next");
      next.health.push(b.health);
      next.page.push(b.page);
      http.push(await nodeHttp());
      pgAnswer.push(await nodePg());
    }

    const rows = {
      launcherHealth: figures(launcher.health),
      launcherPage: figures(launcher.page),
      nextHealth: figures(next.health),
      nextPage: figures(next.page),
      http: figures(http),
      pg: figures(pgAnswer),
    };
    options.report(
      `\nCold start on an already-migrated database with the demo data; ms from the spawn, median (min–max) of ${LAUNCHES}.\n`,
    );
    const row = (label: string, value: string, baseline: string) =>
      options.report(`${label.padEnd(58)} ${value.padEnd(24)} ${baseline}`);
    row("measurement", "lifeboat", "raw baseline");
    row(
      "npm start (launcher) → first 200 of /api/health",
      show(rows.launcherHealth),
      `bare node -e HTTP server → first response: ${show(rows.http)}`,
    );
    row(
      `npm start (launcher) → first signed-in page (${FIRST_PAGE})`,
      show(rows.launcherPage),
      `node -e → pg connect + SELECT 1 answered: ${show(rows.pg)}`,
    );
    row("next start alone → first 200 of /api/health", show(rows.nextHealth), "");
    row(`next start alone → first signed-in page (${FIRST_PAGE})`, show(rows.nextPage), "");
    options.report(
      `\nThe launcher's own share (tsx, build check, migrations check): ${(rows.launcherHealth.median - rows.nextHealth.median).toFixed(0)} ms at the median.`,
    );

    return {
      rows: [
        {
          measurement: "cold start: npm start → first 200 of /api/health (migrated DB)",
          lifeboat: show(rows.launcherHealth),
          baseline: `bare node -e HTTP server ${show(rows.http)}`,
          ratio: timeRatio(rows.launcherHealth.median, rows.http.median),
          note: `next start alone ${rows.nextHealth.median.toFixed(0)} ms`,
        },
        {
          measurement: `cold start: npm start → first signed-in page (sign-in + ${FIRST_PAGE})`,
          lifeboat: show(rows.launcherPage),
          baseline: `node -e pg connect + SELECT 1 ${show(rows.pg)}`,
          ratio: timeRatio(rows.launcherPage.median, rows.pg.median),
        },
      ],
      problems,
    };
  } finally {
    await cleanUp();
  }
}

if (invokedAs("bench-cold-start")) benchCli(runColdStartBench);
