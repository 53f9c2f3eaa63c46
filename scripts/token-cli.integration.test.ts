import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/database";
import { checkBearerToken } from "@/lib/tokens/tokens";

const run = promisify(execFile);

describe("npm run token -- create", () => {
  it("creates a working token in the database it is pointed at and prints the secret alone on the last line", async () => {
    const { db, url } = await createTestDatabase();
    const { stdout, stderr } = await run(
      "node_modules/.bin/tsx",
      ["scripts/token.mts", "create", "--name", "alertmanager", "--scopes", "alerts:write,read"],
      {
        env: { ...process.env, DATABASE_URL: url },
      },
    );
    const lines = stdout.trim().split("\n");
    const secret = lines.at(-1)!;
    expect(secret).toMatch(/^lb_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(stderr).toContain('Created token "alertmanager"');
    const row = await db.apiToken.findFirstOrThrow({ where: { name: "alertmanager" } });
    expect(row.tokenHash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(row.scopes).toEqual(["alerts:write", "read"]);
    expect(await checkBearerToken(db, `Bearer ${secret}`, "alerts:write")).toMatchObject({ ok: true });
    expect(await checkBearerToken(db, `Bearer ${secret}`, "backups:write")).toMatchObject({ ok: false, status: 403 });
  });

  it("refuses an unknown scope with a message and a non-zero exit", async () => {
    const { url } = await createTestDatabase();
    await expect(
      run("node_modules/.bin/tsx", ["scripts/token.mts", "create", "--name", "x", "--scopes", "everything"], {
        env: { ...process.env, DATABASE_URL: url },
      }),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        "--scopes: Scopes are backups:write, alerts:write, plans:write, plans:read, read, pages:reply",
      ),
    });
  });
});
