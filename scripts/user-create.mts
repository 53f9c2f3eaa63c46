// `npm run user:create -- --email E --name N [--role admin]`: creates a user from the command line
// (the first admin of a fresh server) and prints the one-time password alone on the last line.
import { parseArgs } from "node:util";
import { createUserSchema } from "@/lib/users/schemas";
import { createUser } from "@/lib/users/users";
import { reportFailure, withAppDatabase } from "./lib/database";
import { exitWhenFlushed } from "./lib/exit";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "admin" } },
});
const input = createUserSchema.safeParse(values);
if (!input.success) {
  for (const issue of input.error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
  process.exit(2);
}
await withAppDatabase(async (db) => {
  const { user, temporaryPassword } = await createUser(db, { system: "cli" }, input.data);
  console.error(`Created ${user.role} ${user.email}. One-time password:`);
  console.log(temporaryPassword);
}).catch(reportFailure);
exitWhenFlushed();
