// POST /api/v1/plans/import against a real Postgres: bad input of every kind answers 4xx with the problem and
// writes nothing; a dry run previews; applying needs plans:write and applies once.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { createApiToken } from "@/lib/tokens/tokens";

let t: TestDatabase;
let POST: (request: NextRequest) => Promise<Response>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  vi.stubEnv("DATABASE_URL", t.url);
  ({ POST } = await import("@/app/api/v1/plans/import/route"));
  tokens.write = (await createApiToken(t.db, { system: "test" }, { name: "ci", scopes: ["plans:write"] })).token;
  tokens.read = (await createApiToken(t.db, { system: "test" }, { name: "reader", scopes: ["read"] })).token;
});

function post(body: BodyInit, query = "", token: string | null = tokens.write!) {
  return POST(
    new NextRequest(`http://lifeboat.test/api/v1/plans/import${query}`, {
      method: "POST",
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      body,
    }),
  );
}

const yaml = (...lines: string[]) => [...lines, ""].join("\n");
const counts = async () => ({ systems: await t.db.system.count(), services: await t.db.service.count() });

describe("POST /api/v1/plans/import", () => {
  it("refuses callers without the plans:write scope", async () => {
    expect((await post("systems: []", "", null)).status).toBe(401);
    expect((await post("systems: []", "", tokens.read!)).status).toBe(403);
  });

  it("answers every kind of bad document with 4xx and the problem, and writes nothing", async () => {
    const cases: [BodyInit, string, number, RegExp][] = [
      ["", "", 422, /empty/],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]), "", 422, /Not a text file/],
      ["just some words\nwith no structure", "", 422, /Neither Markdown nor a YAML plan/],
      ["x".repeat(2 * 1024 * 1024 + 1), "?name=plan.yaml", 413, /over 2 MB/],
      [yaml("systems:", "  - name: 'unclosed"), "?name=plan.yaml", 422, /YAML syntax error/],
      [yaml("systems:", "  - name: Shop", "    colour: red"), "?name=plan.yaml", 422, /Unknown field .{0,2}colour/],
      [
        yaml(
          "systems:",
          "  - name: Shop",
          "    services:",
          "      - { name: a, tier: 1, dependsOn: [b] }",
          "      - { name: b, tier: 1, dependsOn: [a] }",
        ),
        "?name=plan.yaml",
        422,
        /cycle/i,
      ],
      ["<script>alert(1)</script>", "?name=plan.md", 422, /heading|table|plan/i],
    ];
    for (const [body, query, status, message] of cases) {
      const response = await post(body, query);
      expect(response.status, String(message)).toBe(status);
      expect(JSON.stringify(await response.json()), String(message)).toMatch(message);
    }
    expect(await counts()).toEqual({ systems: 0, services: 0 });
  });

  it("previews with dryRun, then applies once, with problems from the database on their YAML line", async () => {
    const plan = yaml(
      "systems:",
      "  - name: Shop",
      "    services:",
      "      - name: api",
      "        tier: 1",
      "        dependsOn: []",
    );
    const preview = await post(plan, "?name=shop.yaml&dryRun=true");
    expect(preview.status).toBe(200);
    const report = await preview.json();
    expect(report.outcome).toMatchObject({ applied: false, counts: { create: 2 } });
    expect(await counts()).toEqual({ systems: 0, services: 0 });
    const applied = await (await post(plan, `?name=shop.yaml&fingerprint=${report.outcome.fingerprint}`)).json();
    expect(applied.outcome).toMatchObject({ applied: true, counts: { create: 2 } });
    expect(await counts()).toEqual({ systems: 1, services: 1 });
    // A new service without a tier is a problem only the database can tell (the plan alone is valid).
    const response = await post(
      yaml("systems:", "  - name: Shop", "    services:", "      - name: worker"),
      "?name=shop.yaml",
    );
    expect(response.status).toBe(422);
    expect((await response.json()).outcome.problems).toEqual([
      expect.objectContaining({ line: 4, message: expect.stringContaining("worker is new and states no tier") }),
    ]);
    expect(await counts()).toEqual({ systems: 1, services: 1 });
  });
});
