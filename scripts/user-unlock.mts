// `npm run user:unlock -- --email E [--reset-password]`: the way back in when every admin is slowed down or
// has forgotten their password. Forgets the user's failed sign-ins (audited as system:cli); with
// --reset-password also sets a one-time password, printed alone on the last line.
import { parseArgs } from "node:util";
import { emailSchema } from "@/lib/users/schemas";
import { resetUserPassword, unlockUser } from "@/lib/users/users";
import { reportFailure, withAppDatabase } from "./lib/database";
import { exitWhenFlushed } from "./lib/exit";

const { values } = parseArgs({
  options: { email: { type: "string" }, "reset-password": { type: "boolean", default: false } },
});
const email = emailSchema.safeParse(values.email ?? "");
if (!email.success) {
  console.error(`--email: ${email.error.issues[0]?.message ?? "required"}`);
  process.exit(2);
}
await withAppDatabase(async (db) => {
  const user = await db.user.findUnique({
    where: { email: email.data },
    select: { id: true, version: true, active: true },
  });
  if (!user) throw new Error(`No user ${email.data}.`);
  const { cleared } = await unlockUser(db, { system: "cli" }, { id: user.id });
  console.error(
    `Forgot ${cleared} failed sign-in${cleared === 1 ? "" : "s"} of ${email.data}.${user.active ? "" : " The user is deactivated: an admin must reactivate them."}`,
  );
  if (values["reset-password"]) {
    const { temporaryPassword } = await resetUserPassword(
      db,
      { system: "cli" },
      { id: user.id, version: user.version },
    );
    console.error(`One-time password for ${email.data}:`);
    console.log(temporaryPassword);
  }
}).catch(reportFailure);
exitWhenFlushed();
