// `npm run user:create -- --email E --name N [--role admin]`: creates a user from the command line
// (the first admin of a fresh server) and prints the one-time password alone on the last line.
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { launcherEnv } from "@/lib/env";
import { createUserSchema } from "@/lib/users/schemas";
import { createUser } from "@/lib/users/users";
import { prepareDatabase } from "./lib/database";
import { exitWhenFlushed } from "./lib/exit";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "admin" } } });
const input = createUserSchema.safeParse(values);
if (!input.success) {
  for (const issue of input.error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
  process.exit(2);
}
const config = launcherEnv();
const database = await prepareDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.LIFEBOAT_DATA_DIR, port: config.EMBEDDED_PG_PORT, log: console.error });
try {
  await migrate(database.url);
  const db = createPrismaClient(database.url);
  const { user, temporaryPassword } = await createUser(db, { system: "cli" }, input.data);
  console.error(`Created ${user.role} ${user.email}. One-time password:`);
  console.log(temporaryPassword);
  await db.$disconnect();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await database.stop();
}
exitWhenFlushed();
