import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { createApiToken, revokeApiToken } from "@/lib/tokens/tokens";
import { findRpoBandCounts, findServiceFreshness } from "./freshness";
import { rpoBand } from "./rules";

let t: TestDatabase;
let POST: (request: Request) => Promise<Response>;
const tokens: Record<string, string> = {};
let policyId = "";
const actor = { system: "test" };

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

beforeAll(async () => {
  t = await createTestDatabase();
  // The route handler reads its database from the environment, like in production.
  vi.stubEnv("DATABASE_URL", t.url);
  ({ POST } = await import("@/app/api/v1/backup-runs/route"));
  await t.db.tierDefault.createMany({
    data: [1, 2, 3, 4].map((tier) => ({ tier, rtoMinutes: 60, rpoMinutes: 60 * tier })),
  });
  const system = await t.db.system.create({ data: { name: "Shop" } });
  const db = await t.db.service.create({ data: { systemId: system.id, name: "orders-db", tier: 1, rpoMinutes: 60 } });
  policyId = (await t.db.backupPolicy.create({ data: { serviceId: db.id, name: "nightly", cron: "0 2 * * *" } })).id;
  tokens.write = (await createApiToken(t.db, actor, { name: "job", scopes: ["backups:write"] })).token;
  tokens.read = (await createApiToken(t.db, actor, { name: "reader", scopes: ["read"] })).token;
  const revoked = await createApiToken(t.db, actor, { name: "old", scopes: ["backups:write"] });
  await revokeApiToken(t.db, actor, { id: revoked.id });
  tokens.revoked = revoked.token;
});

function post(body: unknown, token: string | null = tokens.write!, raw?: string) {
  return POST(
    new Request("http://lifeboat.test/api/v1/backup-runs", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(token && { Authorization: `Bearer ${token}` }) },
      body: raw ?? JSON.stringify(body),
    }),
  );
}

const run = (extra: Record<string, unknown> = {}) => ({
  policyId,
  externalId: "job-1",
  status: "running",
  startedAt: minutesAgo(10).toISOString(),
  ...extra,
});

describe("POST /api/v1/backup-runs", () => {
  it("refuses missing, wrong and revoked tokens with 401, and a token without the scope with 403", async () => {
    expect((await post(run(), null)).status).toBe(401);
    expect((await post(run(), "lb_aaaaaaaaaaaa_" + "x".repeat(43))).status).toBe(401);
    expect((await post(run(), tokens.revoked!)).status).toBe(401);
    const forbidden = await post(run(), tokens.read!);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ error: 'The API token lacks the "backups:write" scope.' });
    expect(await t.db.backupRun.count()).toBe(0);
  });

  it("creates a run (201), updates it by externalId (200), never duplicates, and ignores a late 'running'", async () => {
    const started = await post(run());
    expect(started.status).toBe(201);
    const first = await started.json();
    expect(first).toMatchObject({ id: expect.any(String), policyId, externalId: "job-1", status: "running" });

    const finished = await post(
      run({
        status: "succeeded",
        finishedAt: minutesAgo(2).toISOString(),
        sizeBytes: 1234,
        checksum: "sha256:abc",
        verified: true,
      }),
    );
    expect(finished.status).toBe(200);
    expect(await finished.json()).toMatchObject({ id: first.id, status: "succeeded", sizeBytes: 1234, verified: true });

    const partial = await post(run({ status: "succeeded", finishedAt: minutesAgo(2).toISOString() }));
    expect(await partial.json()).toMatchObject({ verified: true, sizeBytes: 1234 });

    const retriedStart = await post(run());
    expect(retriedStart.status).toBe(200);
    expect(await retriedStart.json()).toMatchObject({ id: first.id, status: "succeeded" });
    expect(await t.db.backupRun.count()).toBe(1);
    expect((await t.db.apiToken.findFirstOrThrow({ where: { name: "job" } })).lastUsedAt).toBeInstanceOf(Date);
  });

  it("finds the policy by service and policy name", async () => {
    const response = await post({
      service: "orders-db",
      system: "Shop",
      policy: "nightly",
      externalId: "job-2",
      status: "failed",
      startedAt: minutesAgo(5).toISOString(),
      finishedAt: minutesAgo(4).toISOString(),
      message: "disk full",
    });
    expect(response.status).toBe(201);
  });

  it.each([
    ["malformed JSON", () => undefined, "{not json", 400, undefined],
    ["unknown policy", () => run({ policyId: "nope", externalId: "x1" }), undefined, 422, "policyId"],
    [
      "no policy at all",
      () => ({ externalId: "x2", status: "running", startedAt: minutesAgo(1).toISOString() }),
      undefined,
      422,
      "policyId",
    ],
    [
      "finishedAt before startedAt",
      () => run({ externalId: "x3", status: "succeeded", finishedAt: minutesAgo(20).toISOString() }),
      undefined,
      422,
      "finishedAt",
    ],
    [
      "startedAt in the future",
      () => run({ externalId: "x4", startedAt: new Date(Date.now() + 3_600_000).toISOString() }),
      undefined,
      422,
      "startedAt",
    ],
    ["negative size", () => run({ externalId: "x5", sizeBytes: -1 }), undefined, 422, "sizeBytes"],
    ["size as a string", () => run({ externalId: "x6", sizeBytes: "12" }), undefined, 422, "sizeBytes"],
    ["unknown status", () => run({ externalId: "x7", status: "done" }), undefined, 422, "status"],
    ["not a timestamp", () => run({ externalId: "x8", startedAt: "yesterday" }), undefined, 422, "startedAt"],
    ["an unknown field", () => run({ externalId: "x9", sizze: 1 }), undefined, 422, "sizze"],
    ["an array body", () => [run()], undefined, 422, "(body)"],
    ["a body over 64 KB", () => run({ externalId: "x10", message: "m".repeat(70_000) }), undefined, 413, undefined],
    ["a NUL character in text", () => run({ externalId: "x11", message: "bad\u0000byte" }), undefined, 422, "message"],
    // JSON can carry a lone surrogate; UTF-8 cannot, so it would be stored as U+FFFD: refused instead.
    [
      "a lone surrogate in text",
      () => undefined,
      `{"policyId":"p","externalId":"x13","status":"running","startedAt":"${new Date().toISOString()}","checksum":"a\\ud800b"}`,
      422,
      "checksum",
    ],
    [
      "a year-0 timestamp",
      () => run({ externalId: "x12", startedAt: "0000-01-01T00:00:00Z" }),
      undefined,
      422,
      "startedAt",
    ],
  ])("refuses %s with %i naming the field, storing nothing", async (_label, body, raw, status, field) => {
    const before = await t.db.backupRun.count();
    const response = await post(body(), tokens.write!, raw);
    expect(response.status).toBe(status);
    const json = await response.json();
    expect(json.error).toEqual(expect.any(String));
    if (field) expect(json.field).toBe(field);
    expect(await t.db.backupRun.count()).toBe(before);
  });
});

describe("fleet freshness in SQL", () => {
  it("bands every service exactly like the rule, honours 'only verified runs count', and counts by band", async () => {
    const system = await t.db.system.create({ data: { name: "Bands" } });
    const ages = [30, 90, 200, 300];
    for (const age of ages) {
      const service = await t.db.service.create({
        data: { systemId: system.id, name: `age-${age}`, tier: 2, rpoMinutes: 60 },
      });
      const policy = await t.db.backupPolicy.create({
        data: { serviceId: service.id, name: "p", intervalMinutes: 60 },
      });
      await t.db.backupRun.create({
        data: {
          policyId: policy.id,
          serviceId: service.id,
          externalId: "r",
          status: "succeeded",
          startedAt: minutesAgo(age + 5),
          finishedAt: minutesAgo(age),
        },
      });
    }
    const strict = await t.db.service.create({
      data: { systemId: system.id, name: "verified-only", tier: 2, rpoMinutes: 60 },
    });
    const strictPolicy = await t.db.backupPolicy.create({
      data: {
        serviceId: strict.id,
        name: "p",
        intervalMinutes: 60,
        verification: "restore_test",
        requireVerified: true,
      },
    });
    await t.db.backupRun.createMany({
      data: [
        {
          policyId: strictPolicy.id,
          serviceId: strict.id,
          externalId: "new-unverified",
          status: "succeeded",
          startedAt: minutesAgo(15),
          finishedAt: minutesAgo(10),
          verified: false,
        },
        {
          policyId: strictPolicy.id,
          serviceId: strict.id,
          externalId: "old-verified",
          status: "succeeded",
          startedAt: minutesAgo(185),
          finishedAt: minutesAgo(180),
          verified: true,
        },
      ],
    });
    await t.db.service.create({ data: { systemId: system.id, name: "stateless", tier: 2 } });
    await t.db.service.create({ data: { systemId: system.id, name: "never", tier: 2, rpoMinutes: 60 } });

    const rows = await findServiceFreshness(t.db, { systemId: system.id });
    const byName = new Map(rows.map((r) => [r.name, r]));
    for (const age of ages) {
      const row = byName.get(`age-${age}`)!;
      expect(row.band).toBe(rpoBand(row.ageMinutes, row.rpoMinutes));
    }
    expect(ages.map((a) => byName.get(`age-${a}`)!.band)).toEqual(["within", "exceeded", "severe", "critical"]);
    expect(byName.get("verified-only")).toMatchObject({ band: "severe", ageMinutes: 180 });
    expect(byName.get("stateless")?.band).toBe("no_target");
    expect(byName.get("never")?.band).toBe("never");
    expect(rows[0]!.band).toBe("critical");
    const counts = await findRpoBandCounts(t.db);
    expect(counts.critical).toBeGreaterThanOrEqual(1);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(await t.db.service.count());
  });
});
