import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { verifyPassword } from "@/lib/auth/password";
import { changeOwnPassword, createUser, resetUserPassword, updateUser } from "./users";

let t: TestDatabase;
const actor = { system: "test" };

beforeAll(async () => {
  t = await createTestDatabase();
});

async function auditFor(entityId: string) {
  return t.db.auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" } });
}

describe("users", () => {
  it("creating a user stores a hash of a one-time password and writes an audit event without secrets", async () => {
    const { user, temporaryPassword } = await createUser(t.db, actor, {
      email: "new@example.com",
      name: "New",
      role: "responder",
    });
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).not.toContain(temporaryPassword);
    expect(await verifyPassword(temporaryPassword, stored.passwordHash)).toBe(true);

    const [event, ...rest] = await auditFor(user.id);
    expect(rest).toHaveLength(0);
    expect(event).toMatchObject({ action: "user.create", entityType: "User", actorEmail: "system:test", before: null });
    expect(event?.after).toMatchObject({ email: "new@example.com", role: "responder" });
    expect(JSON.stringify(event?.after)).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  it("refuses a duplicate email with a conflict naming the field, and writes nothing", async () => {
    await createUser(t.db, actor, { email: "dup@example.com", name: "Dup", role: "viewer" });
    const before = await t.db.auditEvent.count();
    await expect(
      createUser(t.db, actor, { email: "dup@example.com", name: "Dup 2", role: "viewer" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      field: "email",
    });
    expect(await t.db.user.count({ where: { email: "dup@example.com" } })).toBe(1);
    expect(await t.db.auditEvent.count()).toBe(before);
  });

  it("records before and after on a role change, and refuses an edit made on a stale version", async () => {
    const { user } = await createUser(t.db, actor, { email: "role@example.com", name: "Role", role: "viewer" });
    const updated = await updateUser(t.db, actor, { id: user.id, version: user.version, role: "commander" });
    expect(updated.version).toBe(user.version + 1);
    const events = await auditFor(user.id);
    expect(events.at(-1)).toMatchObject({
      action: "user.update",
      before: expect.objectContaining({ role: "viewer" }),
      after: expect.objectContaining({ role: "commander" }),
    });

    await expect(updateUser(t.db, actor, { id: user.id, version: user.version, role: "viewer" })).rejects.toMatchObject(
      { code: "CONFLICT" },
    );
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("commander");
  });

  it("never removes the last active admin, even when two admins demote each other at the same moment", async () => {
    const fresh = await createTestDatabase();
    const a = (await createUser(fresh.db, actor, { email: "a@example.com", name: "A", role: "admin" })).user;
    const b = (await createUser(fresh.db, actor, { email: "b@example.com", name: "B", role: "admin" })).user;

    const results = await Promise.allSettled([
      updateUser(fresh.db, actor, { id: a.id, version: a.version, role: "viewer" }),
      updateUser(fresh.db, actor, { id: b.id, version: b.version, active: false }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringMatching(/at least one active admin/),
    });
    expect(await fresh.db.user.count({ where: { role: "admin", active: true } })).toBe(1);
  });

  it("resetting a password replaces the hash, bumps the version and is audited", async () => {
    const { user, temporaryPassword: first } = await createUser(t.db, actor, {
      email: "reset@example.com",
      name: "R",
      role: "viewer",
    });
    const { temporaryPassword: second } = await resetUserPassword(t.db, actor, { id: user.id, version: user.version });
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(first, stored.passwordHash)).toBe(false);
    expect(await verifyPassword(second, stored.passwordHash)).toBe(true);
    expect((await auditFor(user.id)).map((e) => e.action)).toEqual(["user.create", "user.password_reset"]);
  });

  it("a user changes their own password only with the current one, and it is audited", async () => {
    const { user, temporaryPassword } = await createUser(t.db, actor, {
      email: "self@example.com",
      name: "Self",
      role: "viewer",
    });
    const me = { id: user.id, email: user.email };
    await expect(
      changeOwnPassword(t.db, me, { currentPassword: "wrong", newPassword: "another long passphrase" }),
    ).rejects.toMatchObject({ field: "currentPassword" });
    await changeOwnPassword(t.db, me, { currentPassword: temporaryPassword, newPassword: "another long passphrase" });
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("another long passphrase", stored.passwordHash)).toBe(true);
    expect((await auditFor(user.id)).map((e) => e.action)).toEqual(["user.create", "user.password_change"]);
  });
});
