// `npm run user:unlock -- --email E [--reset-password]`: the way back in when every admin is slowed down or
// has forgotten their password. Forgets the user's failed sign-ins (audited as system:cli); with
// --reset-password also sets a one-time password, printed alone on the last line.
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { launcherEnv } from "@/lib/env";
import { emailSchema } from "@/lib/users/schemas";
import { resetUserPassword, unlockUser } from "@/lib/users/users";
import { prepareDatabase } from "./lib/database";
import { exitWhenFlushed } from "./lib/exit";

const { values } = parseArgs({ options: { email: { type: "string" }, "reset-password": { type: "boolean", default: false } } });
const email = emailSchema.safeParse(values.email ?? "");
if (!email.success) {
  console.error(`--email: ${email.error.issues[0]?.message ?? "required"}`);
  process.exit(2);
}
const config = launcherEnv();
const database = await prepareDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.LIFEBOAT_DATA_DIR, port: config.EMBEDDED_PG_PORT, log: console.error });
try {
  await migrate(database.url);
  const db = createPrismaClient(database.url);
  const user = await db.user.findUnique({ where: { email: email.data }, select: { id: true, version: true, active: true } });
  if (!user) throw new Error(`No user ${email.data}.`);
  const { cleared } = await unlockUser(db, { system: "cli" }, { id: user.id });
  console.error(`Forgot ${cleared} failed sign-in${cleared === 1 ? "" : "s"} of ${email.data}.${user.active ? "" : " The user is deactivated: an admin must reactivate them."}`);
  if (values["reset-password"]) {
    const { temporaryPassword } = await resetUserPassword(db, { system: "cli" }, { id: user.id, version: user.version });
    console.error(`One-time password for ${email.data}:`);
    console.log(temporaryPassword);
  }
  await db.$disconnect();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await database.stop();
}
exitWhenFlushed();
