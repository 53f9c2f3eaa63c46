import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { planSchema } from "./format";
import { PLAN_SCHEMA_FILE, PLAN_SCHEMA_ID, planJsonSchema, planJsonSchemaText } from "./schema-file";

const committed = () => readFileSync(new URL(`../../${PLAN_SCHEMA_FILE}`, import.meta.url), "utf8");

const validator = () => new Ajv2020({ allErrors: true, strict: true }).compile(planJsonSchema());

const FULL_PLAN = `
version: 1
tiers:
  - { tier: 1, rtoMinutes: 60, rpoMinutes: 15 }
channels:
  - { name: Ops Slack, type: webhook }
systems:
  - name: Shop
    drStrategy: Warm standby
    rtoMinutes: 240
    services:
      - name: api
        tier: 1
        priority: Critical
        rtoMinutes: 60
        rtoMinMinutes: 30
        dependsOn: [db, Billing / ledger]
      - name: db
        dependsOn: []
    backupPolicies:
      - { service: db, name: Nightly dump, cron: "0 2 * * *", retentionLocalDays: 7, verification: restore_test }
    runbooks:
      - name: Restore the database
        estimatedMinutes: 45
        steps:
          - { title: Approve failover, kind: approval, instructions: "Ask the CTO." }
          - title: Restore
            kind: command
            enabled: false
            command: |
              pg_restore --clean /backups/latest.dump
          - { title: Check, kind: healthcheck, config: { url: "https://shop.example.com/health" }, services: [api] }
    contacts:
      - { name: Ann Ops, role: DR lead, email: ann@example.com, phone: "+14155550123" }
    escalation:
      - { level: 1, afterMinutes: 0, targets: [Ann Ops], channels: [Ops Slack] }
    notifications:
      - { event: detected, audience: internal, recipients: "Slack #incidents", channel: Ops Slack, timing: immediate }
  - name: Billing
    services:
      - name: ledger
`;
const MINIMAL_PLAN = "systems:\n  - name: Shop\n";

describe("docs/plan.schema.json", () => {
  it("is what planJsonSchema() gives (else: run `npx tsx lib/plans/schema-file.ts` to refresh it)", () => {
    expect(
      committed(),
      `${PLAN_SCHEMA_FILE} is out of date: run \`npx tsx lib/plans/schema-file.ts\` to refresh it`,
    ).toBe(planJsonSchemaText());
  });

  it("is draft 2020-12 with Lifeboat's $id, describing the input side", () => {
    const schema = planJsonSchema();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toBe(PLAN_SCHEMA_ID);
    expect(Object.keys(schema).slice(0, 2)).toEqual(["$schema", "$id"]);
    // systems has a default, so a plan file may leave it out.
    expect(schema.required ?? []).not.toContain("systems");
    expect(schema.additionalProperties).toBe(false);
  });

  it.each([
    ["a full plan", FULL_PLAN],
    ["a minimal plan", MINIMAL_PLAN],
  ])("accepts %s (which zod accepts too)", (_label, text) => {
    const data: unknown = parse(text);
    expect(planSchema.safeParse(data).success).toBe(true);
    const validate = validator();
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ["an unknown field", "systems:\n  - name: Shop\n    rtoMins: 5\n"],
    ["fractional minutes", "systems:\n  - name: Shop\n    rtoMinutes: 1.5\n"],
    [
      "an unknown step kind",
      "systems:\n  - name: Shop\n    runbooks:\n      - name: R\n        steps: [{ title: T, kind: teleport }]\n",
    ],
    ["another version", "version: 2\nsystems: []\n"],
  ])("rejects %s, as zod does", (_label, text) => {
    const data: unknown = parse(text);
    expect(planSchema.safeParse(data).success).toBe(false);
    expect(validator()(data)).toBe(false);
  });
});
