// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { migrate } from "@/lib/db/migrate";
import { launcherEnv } from "@/lib/env";
import { prepareDatabase } from "./lib/database";

const config = launcherEnv();
const database = await prepareDatabase({
  databaseUrl: config.DATABASE_URL,
  dataDir: config.LIFEBOAT_DATA_DIR,
  port: config.EMBEDDED_PG_PORT,
  log: console.log,
});
try {
  const result = await migrate(database.url);
  console.log(`Applied: ${result.applied.join(", ") || "none"}; already applied: ${result.alreadyApplied.length}`);
} finally {
  await database.stop();
}
