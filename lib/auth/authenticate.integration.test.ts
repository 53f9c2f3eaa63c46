import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { hashPassword } from "./password";
import { authenticate } from "./authenticate";

let t: TestDatabase;
const limits = { failuresBeforeDelay: 3, firstDelaySeconds: 5, maxPerIp: 10, windowMinutes: 15 };
const seconds = (from: Date, s: number) => new Date(from.getTime() + s * 1000);

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
    const result = await authenticate(
      t.db,
      { email: " OK@Example.com ", password: "correct horse battery", ip: "10.0.0.1" },
      limits,
    );
    expect(result).toMatchObject({ ok: true, user: { email: "ok@example.com", role: "responder" } });
    expect((await t.db.user.findUniqueOrThrow({ where: { email: "ok@example.com" } })).lastLoginAt).toBeInstanceOf(
      Date,
    );
  });

  it("refuses a wrong password, an unknown email and a deactivated user alike", async () => {
    for (const email of ["ok@example.com", "nobody@example.com"]) {
      expect(await authenticate(t.db, { email, password: "wrong", ip: "10.0.0.2" }, limits)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect(
      await authenticate(
        t.db,
        { email: "gone@example.com", password: "correct horse battery", ip: "10.0.0.2" },
        limits,
      ),
    ).toEqual({ ok: false, reason: "invalid" });
  });

  it("slows only the address that failed: the same account from elsewhere signs in at once", async () => {
    const start = new Date();
    for (let i = 0; i < limits.failuresBeforeDelay; i++) {
      await authenticate(t.db, { email: "lock@example.com", password: `guess-${i}`, ip: "10.1.0.1" }, limits, start);
    }
    // The attacking address waits, even with the right password…
    const waiting = await authenticate(
      t.db,
      { email: "lock@example.com", password: "correct horse battery", ip: "10.1.0.1" },
      limits,
      seconds(start, 1),
    );
    expect(waiting).toMatchObject({ ok: false, reason: "delayed" });
    expect((waiting as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    // …while the owner at another address is not slowed at all.
    expect(
      await authenticate(
        t.db,
        { email: "lock@example.com", password: "correct horse battery", ip: "10.9.9.9" },
        limits,
        seconds(start, 1),
      ),
    ).toMatchObject({ ok: true });

    // The wait doubles with each further failure: 5 s, then 10 s.
    expect(
      await authenticate(
        t.db,
        { email: "lock@example.com", password: "guess-again", ip: "10.1.0.1" },
        limits,
        seconds(start, 6),
      ),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(
      await authenticate(
        t.db,
        { email: "lock@example.com", password: "guess-again", ip: "10.1.0.1" },
        limits,
        seconds(start, 15),
      ),
    ).toMatchObject({ ok: false, reason: "delayed" });
    // A success from that address clears its count: the next typo does not make it wait.
    expect(
      await authenticate(
        t.db,
        { email: "lock@example.com", password: "correct horse battery", ip: "10.1.0.1" },
        limits,
        seconds(start, 17),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await authenticate(
        t.db,
        { email: "lock@example.com", password: "typo", ip: "10.1.0.1" },
        limits,
        seconds(start, 18),
      ),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(
      await authenticate(
        t.db,
        { email: "lock@example.com", password: "correct horse battery", ip: "10.1.0.1" },
        limits,
        seconds(start, 18),
      ),
    ).toMatchObject({ ok: true });
  });

  it("limits one address that tries many accounts", async () => {
    for (let i = 0; i < limits.maxPerIp; i++) {
      await authenticate(t.db, { email: `spray-${i}@example.com`, password: "x", ip: "10.7.7.7" }, limits);
    }
    expect(
      await authenticate(t.db, { email: "ok@example.com", password: "correct horse battery", ip: "10.7.7.7" }, limits),
    ).toMatchObject({ ok: false, reason: "ip_limited" });
    expect(
      await authenticate(t.db, { email: "ok@example.com", password: "correct horse battery", ip: "10.7.7.8" }, limits),
    ).toMatchObject({ ok: true });
  });

  it("counts parallel guesses one by one: no burst from one address gets past the threshold", async () => {
    const passwordHash = await hashPassword("right one");
    await t.db.user.create({ data: { email: "burst@example.com", name: "Burst", role: "viewer", passwordHash } });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        authenticate(t.db, { email: "burst@example.com", password: `guess-${i}`, ip: "10.5.0.1" }, limits),
      ),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(limits.failuresBeforeDelay);
    expect(results.filter((r) => !r.ok && r.reason === "delayed")).toHaveLength(8 - limits.failuresBeforeDelay);
    expect(await t.db.loginAttempt.count({ where: { email: "burst@example.com" } })).toBe(limits.failuresBeforeDelay);
  });
});
