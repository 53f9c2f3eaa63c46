// `npm run worker`: the job worker on its own, for separate scaling. Set WORKER=off on the app processes
// when you run it. Uses DATABASE_URL, or the embedded database of a running `npm start`.
import { createPrismaClient } from "@/lib/db/client";
import { launcherEnv } from "@/lib/env";
import { getBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/worker/worker";
import { prepareDatabase } from "./lib/database";
import { persistentSecret } from "./lib/secret";

const config = launcherEnv();
const database = await prepareDatabase({
  databaseUrl: config.DATABASE_URL,
  dataDir: config.LIFEBOAT_DATA_DIR,
  port: config.EMBEDDED_PG_PORT,
  log: console.error,
});
process.env.DATABASE_URL = database.url;
process.env.NEXTAUTH_SECRET ??= config.NEXTAUTH_SECRET ?? persistentSecret(config.LIFEBOAT_DATA_DIR);
const db = createPrismaClient(database.url);
const boss = await getBoss(database.url);
const stop = await startWorker(db, boss);
console.log("[lifeboat] worker running; Ctrl-C stops it");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    await stop();
    await boss.stop({ graceful: true, timeout: 10_000 });
    await db.$disconnect();
    await database.stop?.();
    process.exit(0);
  });
}
