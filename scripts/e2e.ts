// `npm run test:e2e`: builds the app if needed, starts it against a throwaway database (embedded
// Postgres unless DATABASE_URL names a server, where a database of its own is created and dropped),
// seeds the demo data, then runs Playwright in real Chromium.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/lib/db/client";
import { dropDatabase, ensureDatabase } from "@/lib/db/databases";
import { databaseUrl, startEmbeddedCluster } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { launcherEnv } from "@/lib/env";
import { seedDemo } from "@/lib/seed/seed-demo";
import { ensureAlertmanager } from "./lib/alertmanager";
import { ensureChromium } from "./lib/chromium";
import { ensureBuild } from "./lib/ensure-build";
import { bin, run } from "./lib/run";
import { startAppServer, type AppServer } from "./lib/throwaway";

const log = (line: string) => console.log(`[e2e] ${line}`);

async function main(): Promise<number> {
  const chromium = ensureChromium(log);
  const alertmanager = ensureAlertmanager(log);
  await ensureBuild(log);

  const configured = launcherEnv().DATABASE_URL;
  const dataDir = configured ? undefined : mkdtempSync(path.join(os.tmpdir(), "lifeboat-e2e-"));
  const cluster = dataDir ? await startEmbeddedCluster({ dataDir, persistent: false }) : undefined;
  const adminUrl = cluster?.adminUrl ?? databaseUrl(configured!, "postgres");
  const name = `lifeboat_e2e_${randomBytes(4).toString("hex")}`;
  const url = await ensureDatabase(adminUrl, name);
  const servers: AppServer[] = [];
  try {
    await migrate(url);
    const db = createPrismaClient(url);
    await seedDemo(db);
    await db.$disconnect();

    // Two app processes on one database, as in a scaled deployment: specs prove that what is written
    // through one reaches viewers of the other. They share the session secret, like replicas do.
    // Specs sign in many times from one address; the per-account-and-address wait is what they exercise, long
    // enough (60 s) to outlast a slow machine between a spec's failures and its next attempt. The secret is
    // handed to the specs too, so secrets.spec can prove it never appears in an answer.
    const env = {
      LOGIN_MAX_FAILURES_PER_IP: "1000",
      LOGIN_FIRST_DELAY_SECONDS: "60",
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    };
    for (let i = 0; i < 2; i++)
      servers.push(await startAppServer(url, { env, logs: Boolean(process.env.E2E_SERVER_LOG) }));
    const [first, second] = servers.map((s) => s.baseUrl);
    log(`app on ${first} and ${second}, database ${name}`);
    return await run(bin("playwright"), ["test", ...process.argv.slice(2)], {
      env: {
        ...process.env,
        E2E_BASE_URL: first,
        E2E_SECOND_BASE_URL: second,
        E2E_DATABASE_URL: url,
        E2E_NEXTAUTH_SECRET: env.NEXTAUTH_SECRET,
        CHROMIUM_PATH: chromium,
        ALERTMANAGER_PATH: alertmanager,
      },
    });
  } finally {
    servers.forEach((s) => s.stop());
    if (cluster) {
      await cluster.stop();
      rmSync(dataDir!, { recursive: true, force: true });
    } else {
      await dropDatabase(adminUrl, name).catch(() => {});
    }
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[e2e] ${(error as Error).message}`);
    process.exit(1);
  },
);
