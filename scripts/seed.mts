// `npm run db:seed`: loads the demo data into DATABASE_URL (or the embedded database) when it is empty.
// This is the explicit way to seed a server you run yourself; `npm start` only seeds its embedded one.
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { launcherEnv } from "@/lib/env";
import { seedDemo } from "@/lib/seed/seed-demo";
import { prepareDatabase } from "./lib/database";

const config = launcherEnv();
const database = await prepareDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.LIFEBOAT_DATA_DIR, port: config.EMBEDDED_PG_PORT, log: console.log });
try {
  await migrate(database.url);
  const db = createPrismaClient(database.url);
  const { seeded } = await seedDemo(db);
  console.log(seeded ? "Demo data loaded." : "The database already has data: nothing seeded.");
  await db.$disconnect();
} finally {
  await database.stop();
}
