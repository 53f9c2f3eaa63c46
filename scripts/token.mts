// `npm run token -- create --name NAME --scopes backups:write,alerts:write`
// `npm run token -- list` · `npm run token -- revoke --id ID`
// Works against the database the app uses (DATABASE_URL, or the embedded one, shared if it is running).
// `create` prints the new secret alone on its last line, for scripts: TOKEN=$(npm run -s token -- create … | tail -1)
import { parseArgs } from "node:util";
import { createTokenSchema, revokeTokenSchema } from "@/lib/tokens/schemas";
import { createApiToken, findApiTokens, revokeApiToken } from "@/lib/tokens/tokens";
import { reportFailure, withAppDatabase } from "./lib/database";
import { exitWhenFlushed } from "./lib/exit";

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { name: { type: "string" }, scopes: { type: "string" }, id: { type: "string" } },
});
const actor = { system: "cli" };

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

if (!command || !["create", "list", "revoke"].includes(command))
  fail("usage: npm run token -- create --name NAME --scopes a,b | list | revoke --id ID");
const createInput =
  command === "create"
    ? createTokenSchema.safeParse({
        name: values.name,
        scopes:
          values.scopes
            ?.split(",")
            .map((s) => s.trim())
            .filter(Boolean) ?? [],
      })
    : null;
if (createInput && !createInput.success)
  fail(createInput.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("\n"));
const revokeInput = command === "revoke" ? revokeTokenSchema.safeParse({ id: values.id }) : null;
if (revokeInput && !revokeInput.success) fail("--id: the token id is required (see: npm run token -- list)");

await withAppDatabase(async (db) => {
  if (createInput?.success) {
    const created = await createApiToken(db, actor, createInput.data);
    console.error(
      `Created token "${created.name}" (${created.scopes.join(", ")}), id ${created.id}. The secret is on the next line; it is not stored.`,
    );
    console.log(created.token);
  } else if (revokeInput?.success) {
    const revoked = await revokeApiToken(db, actor, revokeInput.data);
    console.log(`Revoked ${revoked.name} (lb_${revoked.prefix}_…)`);
  } else {
    for (const t of await findApiTokens(db)) {
      console.log(
        [
          t.id,
          t.name,
          `lb_${t.prefix}_…`,
          t.scopes.join(","),
          t.revokedAt ? "revoked" : "active",
          `last used ${t.lastUsedAt?.toISOString() ?? "never"}`,
        ].join("\t"),
      );
    }
  }
}).catch(reportFailure);
exitWhenFlushed();
