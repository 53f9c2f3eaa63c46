// Direct access to the e2e database, so each spec seeds its own data and checks what was stored.
import bcrypt from "bcryptjs";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import pg from "pg";

let pool: pg.Pool | undefined;

export function db(): pg.Pool {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the end-to-end tests with `npm run test:e2e`.");
  pool ??= new pg.Pool({ connectionString: url, max: 2 });
  return pool;
}

export type Role = "admin" | "commander" | "responder" | "viewer";

/**
 * A user of the given role that belongs to one spec alone. Not for admins: the demo admin must stay the
 * only active admin (admin.spec checks the last-admin guard); sign in as admin@lifeboat.local instead.
 */
export async function createTestUser(role: Exclude<Role, "admin">, label: string = role) {
  const email = `${label}-${randomBytes(4).toString("hex")}@e2e.test`;
  const password = `pw-${randomBytes(8).toString("hex")}`;
  await db().query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`,
    [randomUUID(), email, `E2E ${label}`, await bcrypt.hash(password, 4), role],
  );
  return { email, password, name: `E2E ${label}` };
}

/** An API token with the given scopes, made the way lib/tokens stores them (prefix + SHA-256). */
export async function createTestToken(scopes: string[]) {
  const prefix = randomBytes(6).toString("hex");
  const token = `lb_${prefix}_${randomBytes(32).toString("base64url")}`;
  await db().query(`INSERT INTO "ApiToken" (id, name, prefix, "tokenHash", scopes) VALUES ($1, $2, $3, $4, $5)`, [
    randomUUID(),
    `e2e ${scopes.join(",")}`,
    prefix,
    createHash("sha256").update(token).digest("hex"),
    scopes,
  ]);
  return token;
}
