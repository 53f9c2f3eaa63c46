import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHANNEL_TYPES, INCIDENT_EVENTS, TIMINGS } from "@/lib/people/schemas";
import { STEP_KINDS } from "@/lib/recovery/steps";
import { MAX_OBJECTIVE_MINUTES } from "@/lib/inventory/schemas";
import { VERIFICATIONS } from "@/lib/backups/rules";
import { planSchema, type Plan } from "../format";
import { parsePlanYaml } from "./read";
import { planToYaml } from "./write";

// Round trips over generated plans

const tricky = fc.constantFrom(
  "a: b",
  "#hash",
  "a #b",
  "'single'",
  '"double"',
  "- dash",
  "? q",
  "[x]",
  "{y}",
  "*star",
  "&amp",
  "!bang",
  "%pct",
  "@at",
  "`tick",
  "|pipe",
  ">gt",
  "yes",
  "No",
  "on",
  "null",
  "~",
  "true",
  "123",
  "0x1F",
  "1e3",
  "02:00",
  "2024-01-01",
  ".inf",
  "<<",
  "Ünïcødé",
  "日本語のサービス",
  "🚀 rocket",
  "👩‍👩‍👧 family",
  "trailing colon:",
  "back\\slash",
);
const word = fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 });
const asciiWord = fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 12 });
/** Names as people write them: the tricky cases, unicode, padding that zod trims. */
const nameArb = (max = 120) =>
  fc
    .tuple(fc.oneof(tricky, word, asciiWord), fc.constantFrom("", " ", "  "), fc.constantFrom("", " "))
    .map(([core, before, after]) => `${before}${core}${after}`.slice(0, max))
    .filter((n) => n.trim().length > 0);
/** Multi-line text: lines with indentation, blank lines, trailing spaces, tabs. */
const lineArb = fc.oneof(
  word,
  asciiWord,
  tricky,
  fc.constantFrom(
    "",
    "  indented",
    "\ttabbed",
    "trailing  ",
    "--- not a document",
    "...",
    "carriage\rreturn",
    "crlf\r",
  ),
);
const multiLine = fc.array(lineArb, { minLength: 1, maxLength: 5 }).map((rows) => rows.join("\n"));
const textArb = fc.oneof(nameArb(), multiLine);
const minutesArb = fc.integer({ min: 0, max: MAX_OBJECTIVE_MINUTES });
const some = <T>(arb: fc.Arbitrary<T>, maxLength = 3) => fc.array(arb, { minLength: 1, maxLength });

const configValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.string({ unit: "grapheme", maxLength: 8 }),
    fc.string({ unit: "binary-ascii", maxLength: 8 }),
    multiLine,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.oneof(asciiWord, tricky, fc.constant("")), tie("value"), { maxKeys: 3, noNullPrototype: true }),
  ),
})).value;

const serviceArb = fc.record(
  {
    name: nameArb(),
    kind: nameArb(40),
    tier: fc.integer({ min: 1, max: 4 }),
    priority: fc.constantFrom("Critical", "High", "Medium", "Low"),
    rtoMinutes: minutesArb,
    rtoMinMinutes: minutesArb,
    rpoMinutes: minutesArb,
    rpoMinMinutes: minutesArb,
    owner: nameArb(),
    healthCheckUrl: fc.constantFrom("https://shop.example.com/health?x=1&y=2", "http://10.0.0.1:8080/"),
    notes: textArb,
    dependsOn: fc.array(nameArb(), { maxLength: 3 }),
    recoveryOrder: fc.integer({ min: 1, max: 1000 }),
  },
  { requiredKeys: ["name"] },
);
const backupArb = fc.record(
  {
    service: nameArb(),
    name: nameArb(),
    intervalMinutes: fc.integer({ min: 1, max: 525_600 }),
    cron: fc.constantFrom("0 2 * * *", "*/15 * * * *"),
    frequency: nameArb(),
    retentionLocalDays: fc.integer({ min: 0, max: 36_500 }),
    retentionRemoteDays: fc.integer({ min: 0, max: 36_500 }),
    locations: some(nameArb(300)),
    method: textArb,
    verification: fc.constantFrom(...VERIFICATIONS),
    requireVerified: fc.boolean(),
    graceMinutes: fc.integer({ min: 0, max: 10_080 }),
  },
  { requiredKeys: ["name"] },
);
const stepArb = fc.record(
  {
    title: nameArb(300),
    kind: fc.constantFrom(...STEP_KINDS),
    command: fc.oneof(
      multiLine,
      fc.constantFrom("  leading spaces\n  kept", "echo 'hi' | grep \"h\" # comment\n\nexit 0\n", "trailing newline\n"),
    ),
    enabled: fc.boolean(),
    instructions: fc.oneof(multiLine, fc.constantFrom(" one leading space", "ends with blank lines\n\n")),
    config: fc.dictionary(fc.oneof(asciiWord, tricky), configValue, { maxKeys: 3, noNullPrototype: true }),
    group: fc.integer({ min: 1, max: 1000 }),
    timeoutSeconds: fc.integer({ min: 1, max: 86_400 }),
    retries: fc.integer({ min: 0, max: 10 }),
    safeToRepeat: fc.boolean(),
    services: some(nameArb()),
  },
  { requiredKeys: ["title", "kind"] },
);
const runbookArb = fc.record(
  {
    name: nameArb(200),
    scenario: textArb,
    symptoms: textArb,
    detection: textArb,
    estimatedMinutes: minutesArb,
    estimatedMinMinutes: minutesArb,
    drillEveryDays: fc.integer({ min: 1, max: 3660 }),
    steps: some(stepArb),
  },
  { requiredKeys: ["name"] },
);
const contactArb = fc.record(
  {
    name: nameArb(),
    role: nameArb(),
    team: nameArb(),
    email: fc.constantFrom("ann@example.com", "ops+dr@example.org"),
    phone: fc.constantFrom("+14155550123", "+44 20 7946 0958"),
    external: fc.boolean(),
    organization: nameArb(200),
    notes: textArb,
  },
  { requiredKeys: [] },
);
const notificationArb = fc.record(
  {
    event: fc.constantFrom(...INCIDENT_EVENTS),
    audience: fc.constantFrom("internal", "external"),
    recipients: fc.constantFrom("Slack #incidents", "Status Page", "", "CTO: phone"),
    channel: nameArb(),
    timing: fc.constantFrom(...TIMINGS),
    minutes: fc.integer({ min: 1, max: 10_080 }),
  },
  { requiredKeys: ["event", "audience", "recipients", "timing"] },
);
const escalationArb = fc.record(
  {
    level: fc.integer({ min: 1, max: 20 }),
    afterMinutes: fc.integer({ min: 0, max: 10_080 }),
    targets: fc.array(nameArb(200), { maxLength: 3 }),
    channels: some(nameArb()),
  },
  { requiredKeys: ["level", "afterMinutes", "targets"] },
);
const systemArb = fc.record(
  {
    name: nameArb(),
    description: textArb,
    drStrategy: nameArb(200),
    primaryRegion: nameArb(),
    drRegion: nameArb(),
    rtoMinutes: minutesArb,
    rtoMinMinutes: minutesArb,
    rpoMinutes: minutesArb,
    rpoMinMinutes: minutesArb,
    services: some(serviceArb, 4),
    backupPolicies: some(backupArb, 2),
    runbooks: some(runbookArb, 2),
    contacts: some(contactArb, 2),
    escalation: some(escalationArb, 2),
    notifications: some(notificationArb, 2),
  },
  { requiredKeys: ["name"] },
);
const rawPlanArb = fc.record(
  {
    version: fc.constant(1),
    systems: fc.array(systemArb, { maxLength: 3 }),
    tiers: some(fc.record({ tier: fc.integer({ min: 1, max: 4 }), rtoMinutes: minutesArb, rpoMinutes: minutesArb }), 4),
    contacts: some(contactArb, 2),
    channels: some(fc.record({ name: nameArb(), type: fc.constantFrom(...CHANNEL_TYPES) }), 2),
    notifications: some(notificationArb, 2),
  },
  { requiredKeys: [] },
);
/** A valid plan as zod gives it (trimmed). Plans with empty lists other than dependsOn are not generated: planToYaml leaves those out. */
const planArb = rawPlanArb.map((raw) => {
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`The generator made an invalid plan: ${JSON.stringify(parsed.error.issues)}`);
  return { raw, plan: parsed.data };
});

describe("round trips", () => {
  it("parsePlanYaml(planToYaml(plan)).plan equals the plan", () => {
    fc.assert(
      fc.property(planArb, ({ plan }) => {
        const reading = parsePlanYaml(planToYaml(plan));
        expect(reading.problems.filter((p) => !/duplicate|no service|Dependency cycle/.test(p.message))).toEqual([]);
        expect(reading.plan).toStrictEqual(plan);
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it("planToYaml(parsePlanYaml(text).plan) is a fixed point (text: the plan as JSON, untrimmed)", () => {
    fc.assert(
      fc.property(planArb, ({ raw }) => {
        const first = planToYaml(parsePlanYaml(JSON.stringify(raw)).plan);
        expect(planToYaml(parsePlanYaml(first).plan)).toBe(first);
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it("writes the same plan the same way whatever the key order", () => {
    fc.assert(
      fc.property(planArb, ({ plan }) => {
        const reversed = JSON.parse(JSON.stringify(plan), (_key, value) =>
          value && typeof value === "object" && !Array.isArray(value)
            ? Object.fromEntries(Object.entries(value).reverse())
            : value,
        ) as Plan;
        // Free-form values (a step's config) keep their own order; everything else follows format.ts.
        const withoutConfig = (p: Plan): Plan => {
          const copy = structuredClone(p);
          for (const step of copy.systems.flatMap((s) => s.runbooks ?? []).flatMap((r) => r.steps ?? []))
            delete step.config;
          return copy;
        };
        expect(planToYaml(withoutConfig(reversed))).toBe(planToYaml(withoutConfig(plan)));
      }),
      { numRuns: 50 },
    );
  }, 30_000);
});
