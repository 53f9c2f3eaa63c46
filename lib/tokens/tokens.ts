// API tokens for machines (backup jobs, Alertmanager). The secret is shown once; the database keeps a
// prefix (to find the token and to show which one is which) and the SHA-256 of the whole token.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db, Reader } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record";

import type { CreateTokenInput } from "./schemas";
import { TOKEN_SCOPES, type TokenScope } from "./scopes";

export { TOKEN_SCOPES, type TokenScope };

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const TOKEN_PATTERN = /^lb_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export async function createApiToken(db: Db, actor: AuditActor, input: CreateTokenInput) {
  const prefix = randomBytes(9)
    .toString("base64url")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "0")
    .slice(0, 12);
  const token = `lb_${prefix}_${randomBytes(32).toString("base64url")}`;
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        name: input.name,
        scopes: input.scopes,
        prefix,
        tokenHash: sha256(token),
        createdById: "id" in actor ? actor.id : null,
      },
      select: { id: true, name: true, prefix: true, scopes: true, createdAt: true },
    });
    await recordAudit(tx, { actor, action: "token.create", entityType: "ApiToken", entityId: row.id, after: row });
    return row;
  });
  return { ...created, token };
}

export async function revokeApiToken(db: Db, actor: AuditActor, input: { id: string }) {
  return db.$transaction(async (tx) => {
    const before = await tx.apiToken.findUnique({
      where: { id: input.id },
      select: { id: true, name: true, prefix: true, scopes: true, revokedAt: true },
    });
    if (!before) throw new AppError("NOT_FOUND", { userMessage: "That token no longer exists." });
    if (before.revokedAt) return before;
    const after = await tx.apiToken.update({
      where: { id: input.id },
      data: { revokedAt: new Date() },
      select: { id: true, name: true, prefix: true, scopes: true, revokedAt: true },
    });
    await recordAudit(tx, { actor, action: "token.revoke", entityType: "ApiToken", entityId: input.id, before, after });
    return after;
  });
}

export function findApiTokens(db: Reader) {
  return db.apiToken.findMany({
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

// Last-used time, written at most once a minute per token and process, so a busy job does not turn every
// request into a write; not awaited: the request does not wait on bookkeeping, nor fail with it.
const lastTouched = new Map<string, number>();
function touchLastUsed(db: Db, tokenId: string) {
  const now = Date.now();
  if (now - (lastTouched.get(tokenId) ?? 0) < 60_000) return;
  lastTouched.set(tokenId, now);
  db.$executeRaw`UPDATE "ApiToken" SET "lastUsedAt" = now() WHERE id = ${tokenId} AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '1 minute')`.catch(
    () => {
      lastTouched.delete(tokenId);
    },
  );
}

export type TokenCheck = { ok: true; tokenId: string } | { ok: false; status: 401 | 403; error: string };

/** Checks `Authorization: Bearer …` for a live token with the scope; fails closed. */
export async function checkBearerToken(db: Db, authorization: string | null, scope: TokenScope): Promise<TokenCheck> {
  const match = TOKEN_PATTERN.exec(authorization?.replace(/^Bearer\s+/i, "").trim() ?? "");
  if (!authorization || !match)
    return { ok: false, status: 401, error: "A bearer API token is required (Authorization: Bearer lb_…)." };
  const row = await db.apiToken.findUnique({
    where: { prefix: match[1]! },
    select: { id: true, tokenHash: true, scopes: true, revokedAt: true },
  });
  // Compare hashes in constant time, and do the work even for an unknown prefix.
  const expected = Buffer.from(row?.tokenHash ?? sha256("no-such-token"), "hex");
  const given = Buffer.from(sha256(match[0]), "hex");
  if (!row || !timingSafeEqual(expected, given) || row.revokedAt)
    return { ok: false, status: 401, error: "The API token is invalid or revoked." };
  if (!row.scopes.includes(scope))
    return { ok: false, status: 403, error: `The API token lacks the "${scope}" scope.` };
  touchLastUsed(db, row.id);
  return { ok: true, tokenId: row.id };
}
