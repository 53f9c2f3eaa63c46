// `npm start`: build when needed, start the database (embedded unless DATABASE_URL), migrate,
// seed demo data on a fresh embedded database, then serve Lifeboat. Ctrl-C stops everything cleanly.
import { spawn, type ChildProcess } from "node:child_process";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { EnvError, launcherEnv } from "@/lib/env";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/seed/demo-plans";
import { isDatabaseEmpty, seedDemo } from "@/lib/seed/seed-demo";
import { prepareDatabase, type PreparedDatabase } from "./lib/database";
import { ensureBuild } from "./lib/ensure-build";
import { bin, exitCodeOf, isRunning, stopChild, waitForHttp } from "./lib/run";
import { persistentSecret } from "./lib/secret";

const log = (line: string) => console.log(`[lifeboat] ${line}`);
const dev = process.argv.includes("--dev");

async function main() {
  const startedAt = Date.now();
  const config = launcherEnv();
  if (!dev) await ensureBuild(log);

  const database: PreparedDatabase = await prepareDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.LIFEBOAT_DATA_DIR,
    port: config.EMBEDDED_PG_PORT,
    log,
  });
  let server: ChildProcess | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("Stopping…");
    if (server) await stopChild(server);
    await database.stop();
    if (database.embedded) log("Embedded Postgres stopped.");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    const migrations = await migrate(database.url);
    log(`Migrations: ${migrations.applied.length} applied, ${migrations.alreadyApplied.length} already in place.`);

    const db = createPrismaClient(database.url);
    const shouldSeed = config.SEED_DEMO === "always" || (config.SEED_DEMO === "auto" && database.embedded);
    let hasDemoUsers = false;
    if (shouldSeed && (await isDatabaseEmpty(db))) {
      await seedDemo(db);
      log("Demo data loaded (first start).");
    }
    hasDemoUsers = (await db.user.count({ where: { email: DEMO_USERS[0].email } })) > 0;
    if ((await db.user.count()) === 0) {
      log(
        "No users yet. Create the first admin with: npm run user:create -- --email you@example.com --name 'Your Name' --role admin",
      );
    }
    await db.$disconnect();

    const secret = config.NEXTAUTH_SECRET ?? persistentSecret(config.LIFEBOAT_DATA_DIR);
    const url = `http://localhost:${config.PORT}`;
    server = spawn(bin("next"), [dev ? "dev" : "start", "-p", String(config.PORT), "-H", config.HOSTNAME], {
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        NEXTAUTH_SECRET: secret,
        NEXTAUTH_URL: process.env.NEXTAUTH_URL || url,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    // The server ended on its own (crashed, OOM-killed, kill -9): stop Postgres too and exit non-zero, so a
    // supervisor (systemd, Kubernetes, a shell loop) sees the failure and restarts the whole thing.
    server.on("exit", (code, signal) => {
      if (!stopping) log(`The app server ended (${signal ?? `exit code ${code}`}).`);
      void shutdown(exitCodeOf(code, signal) || 1);
    });

    const running = server;
    await waitForHttp(`${url}/api/health`, 120_000, () => isRunning(running));
    log(`Lifeboat is running at ${url}  (ready ${((Date.now() - startedAt) / 1000).toFixed(1)} s after start)`);
    if (hasDemoUsers) {
      log(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
      for (const user of DEMO_USERS) log(`  ${user.role.padEnd(10)} ${user.email}`);
    }
    log("Press Ctrl-C to stop.");
  } catch (error) {
    if (!stopping) console.error(`[lifeboat] ${(error as Error).message}`);
    await shutdown(1);
  }
}

main().catch((error) => {
  if (error instanceof EnvError) {
    console.error(`[lifeboat] ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
