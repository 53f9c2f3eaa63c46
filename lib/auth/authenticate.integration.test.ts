import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { hashPassword } from "./password";
import { authenticate } from "./authenticate";

let t: TestDatabase;
const limits = { maxPerAccount: 3, maxPerIp: 10, windowMinutes: 15 };

beforeAll(async () => {
  t = await createTestDatabase();
  const passwordHash = await hashPassword("correct horse battery");
  await t.db.user.createMany({
    data: [
      { email: "ok@example.com", name: "Ok", role: "responder", passwordHash },
      { email: "lock@example.com", name: "Lock", role: "viewer", passwordHash },
      { email: "gone@example.com", name: "Gone", role: "admin", passwordHash, active: false },
    ],
  });
});

describe("authenticate", () => {
  it("accepts the right password (email case-insensitive) and records the sign-in", async () => {
    const result = await authenticate(t.db, { email: " OK@Example.com ", password: "correct horse battery", ip: "10.0.0.1" }, limits);
    expect(result).toMatchObject({ ok: true, user: { email: "ok@example.com", role: "responder" } });
    expect((await t.db.user.findUniqueOrThrow({ where: { email: "ok@example.com" } })).lastLoginAt).toBeInstanceOf(Date);
  });

  it("refuses a wrong password, an unknown email and a deactivated user alike", async () => {
    for (const email of ["ok@example.com", "nobody@example.com"]) {
      expect(await authenticate(t.db, { email, password: "wrong", ip: "10.0.0.2" }, limits)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await authenticate(t.db, { email: "gone@example.com", password: "correct horse battery", ip: "10.0.0.2" }, limits)).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an account after repeated failures, even against the right password, until the window passes", async () => {
    for (let i = 0; i < limits.maxPerAccount; i++) {
      await authenticate(t.db, { email: "lock@example.com", password: `guess-${i}`, ip: `10.1.0.${i}` }, limits);
    }
    const locked = await authenticate(t.db, { email: "lock@example.com", password: "correct horse battery", ip: "10.9.9.9" }, limits);
    expect(locked).toMatchObject({ ok: false, reason: "account_locked" });
    expect((locked as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);

    const later = new Date(Date.now() + (limits.windowMinutes + 1) * 60_000);
    expect(await authenticate(t.db, { email: "lock@example.com", password: "correct horse battery", ip: "10.9.9.9" }, limits, later)).toMatchObject({ ok: true });
  });

  it("limits one address that tries many accounts", async () => {
    for (let i = 0; i < limits.maxPerIp; i++) {
      await authenticate(t.db, { email: `spray-${i}@example.com`, password: "x", ip: "10.7.7.7" }, limits);
    }
    expect(await authenticate(t.db, { email: "ok@example.com", password: "correct horse battery", ip: "10.7.7.7" }, limits)).toMatchObject({ ok: false, reason: "ip_limited" });
    expect(await authenticate(t.db, { email: "ok@example.com", password: "correct horse battery", ip: "10.7.7.8" }, limits)).toMatchObject({ ok: true });
  });

  it("counts parallel guesses one by one: no burst gets past the limit", async () => {
    const passwordHash = await hashPassword("right one");
    await t.db.user.create({ data: { email: "burst@example.com", name: "Burst", role: "viewer", passwordHash } });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => authenticate(t.db, { email: "burst@example.com", password: `guess-${i}`, ip: `10.5.0.${i}` }, limits)),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(limits.maxPerAccount);
    expect(results.filter((r) => !r.ok && r.reason === "account_locked")).toHaveLength(8 - limits.maxPerAccount);
    expect(await t.db.loginAttempt.count({ where: { email: "burst@example.com" } })).toBe(limits.maxPerAccount);
  });
});
