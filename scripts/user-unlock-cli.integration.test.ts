import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/database";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";

const run = promisify(execFile);
const limits = { failuresBeforeDelay: 3, firstDelaySeconds: 600, maxPerIp: 100, windowMinutes: 15 };

describe("npm run user:unlock", () => {
  it("lifts the wait of a slowed-down admin, audits it, and with --reset-password prints a working one-time password", async () => {
    const { db, url } = await createTestDatabase();
    await db.user.create({
      data: {
        email: "root@example.com",
        name: "Root",
        role: "admin",
        passwordHash: await hashPassword("forgotten one"),
      },
    });
    for (let i = 0; i < 3; i++)
      await authenticate(db, { email: "root@example.com", password: `guess-${i}`, ip: "10.0.0.1" }, limits);
    expect(
      await authenticate(db, { email: "root@example.com", password: "forgotten one", ip: "10.0.0.1" }, limits),
    ).toMatchObject({ ok: false, reason: "delayed" });

    const { stdout, stderr } = await run(
      "node_modules/.bin/tsx",
      ["scripts/user-unlock.mts", "--email", "ROOT@example.com", "--reset-password"],
      { env: { ...process.env, DATABASE_URL: url } },
    );
    expect(stderr).toContain("Forgot 3 failed sign-ins of root@example.com");
    const password = stdout.trim().split("\n").at(-1)!;
    expect(await authenticate(db, { email: "root@example.com", password, ip: "10.0.0.1" }, limits)).toMatchObject({
      ok: true,
    });
    const audit = await db.auditEvent.findMany({
      where: { actorEmail: "system:cli" },
      orderBy: { id: "asc" },
      select: { action: true, before: true },
    });
    expect(audit).toEqual([
      { action: "user.sign_in_unlock", before: { failedSignIns: 3, addresses: ["10.0.0.1"] } },
      { action: "user.password_reset", before: expect.objectContaining({ email: "root@example.com" }) },
    ]);
  });

  it("names an unknown user and exits non-zero", async () => {
    const { url } = await createTestDatabase();
    await expect(
      run("node_modules/.bin/tsx", ["scripts/user-unlock.mts", "--email", "nobody@example.com"], {
        env: { ...process.env, DATABASE_URL: url },
      }),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("No user nobody@example.com"),
    });
  });
});
