import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHANNEL_TYPES, INCIDENT_EVENTS, TIMINGS } from "@/lib/people/schemas";
import { STEP_KINDS } from "@/lib/recovery/steps";
import { MAX_OBJECTIVE_MINUTES } from "@/lib/inventory/schemas";
import { VERIFICATIONS } from "@/lib/backups/rules";
import { planSchema, type Plan } from "../format";
import { dependencyProblems, duplicateNameProblems, formatPath, parsePlanYaml, planToYaml } from "./read";

const lines = (...rows: string[]) => `${rows.join("\n")}\n`;
const problemsOf = (source: string) => parsePlanYaml(source).problems;

describe("parsePlanYaml: a valid plan", () => {
  it("reads a plan, with anchors, aliases and merge keys", () => {
    const reading = parsePlanYaml(
      lines(
        "version: 1",
        "systems:",
        "  - name: Shop",
        "    services:",
        "      - &api",
        "        name: api",
        "        tier: 1",
        "        rtoMinutes: 30",
        "        dependsOn: [db]",
        "      - <<: *api",
        "        name: api-2",
        "      - name: db",
        "        dependsOn: []",
        "  - name: Billing",
        "    services:",
        "      - name: worker",
        "        dependsOn: [Shop / db, \"Shop/api\"]",
      ),
    );
    expect(reading.problems).toEqual([]);
    expect(reading.format).toBe("yaml");
    expect(reading.plan.version).toBe(1);
    expect(reading.plan.systems[0]!.services).toEqual([
      { name: "api", tier: 1, rtoMinutes: 30, dependsOn: ["db"] },
      { name: "api-2", tier: 1, rtoMinutes: 30, dependsOn: ["db"] },
      { name: "db", dependsOn: [] },
    ]);
  });

  it("reads JSON (JSON is YAML), also tab-indented", () => {
    const plan = { version: 1, systems: [{ name: "Shop", services: [{ name: "api", dependsOn: [] }] }] };
    expect(parsePlanYaml(JSON.stringify(plan, null, "\t"))).toMatchObject({ plan, problems: [] });
    expect(parsePlanYaml(JSON.stringify(plan))).toMatchObject({ plan, problems: [] });
  });

  it("trims names and text, and accepts CRLF and a BOM with lines still right", () => {
    const reading = parsePlanYaml("\uFEFFsystems:\r\n  - name: '  Shop  '\r\n    rtoMins: 3\r\n");
    expect(reading.problems).toEqual([{ line: 3, path: "systems[0].rtoMins", message: 'Unknown field "rtoMins" in systems[0]' }]);
    expect(parsePlanYaml("systems:\r\n  - name: '  Shop  '\r\n").plan).toEqual({ systems: [{ name: "Shop" }] });
  });

  it("an empty mapping is an empty plan", () => {
    expect(parsePlanYaml("{}")).toMatchObject({ plan: { systems: [] }, problems: [] });
  });
});

describe("parsePlanYaml: bad input", () => {
  it("reports an unclosed quote on the line it opens", () => {
    const problems = problemsOf(lines("systems:", "  - name: Shop", '    description: "never closed', "    drStrategy: x"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3 });
    expect(problems[0]!.message).toMatch(/^YAML syntax error: Missing closing " quote/);
  });

  it("reports tab indentation on its line", () => {
    const problems = problemsOf(lines("systems:", "  - name: Shop", "\t  drStrategy: x"));
    expect(problems).toEqual([{ line: 3, message: "YAML syntax error: Tabs are not allowed as indentation" }]);
  });

  it("reports a duplicate key as a syntax error", () => {
    const problems = problemsOf(lines("systems:", "  - name: Shop", "    name: Shop 2"));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(3);
    expect(problems[0]!.message).toMatch(/unique/);
  });

  it("refuses several documents", () => {
    expect(problemsOf(lines("systems: []", "---", "systems: []"))).toEqual([
      { line: 2, message: 'Several YAML documents (a "---" at line 2): a plan is one document' },
    ]);
  });

  it.each([
    ["a plain string (what prose parses to)", "Just some text about disaster recovery", 1],
    ["a list", "- name: Shop\n", 1],
    ["a number", "42", 1],
    ["comments only", "# nothing here\n", 1],
  ])("refuses a root that is not a mapping: %s", (_label, source, line) => {
    expect(problemsOf(source)).toEqual([{ line, message: "Not a plan: expected a mapping with systems:" }]);
  });

  it("refuses custom tags, on their line", () => {
    const problems = problemsOf(lines("systems:", "  - name: !secret shop", "    description: !!binary aGVsbG8="));
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [2, "Custom YAML tag !secret is not supported: a plan holds plain values"],
      [3, "Custom YAML tag !!binary is not supported: a plan holds plain values"],
    ]);
    // Core tags are fine.
    expect(parsePlanYaml(lines("systems:", "  - name: !!str 123")).plan).toEqual({ systems: [{ name: "123" }] });
  });

  it("refuses an alias bomb instead of expanding it", () => {
    const rows = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++) rows.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]`);
    const problems = problemsOf(lines(...rows, "systems: []"));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^The YAML could not be read/);
  });

  it("names unknown fields at every depth, on their own line", () => {
    const problems = problemsOf(
      lines(
        "versoin: 1", // 1
        "systems:", // 2
        "  - name: Shop", // 3
        "    rto: 5", // 4
        "    services:", // 5
        "      - name: api", // 6
        "      - name: db", // 7
        "        rtoMins: 3", // 8
        "    runbooks:", // 9
        "      - name: Restore", // 10
        "        steps:", // 11
        "          - title: Check", // 12
        "            kind: manual", // 13
        "            owner: Ann", // 14
        "tiers:", // 15
        "  - {tier: 1, rtoMinutes: 5, rpoMinutes: 5, color: red}", // 16
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { line: 1, path: "versoin", message: 'Unknown field "versoin" at the top level' },
        { line: 4, path: "systems[0].rto", message: 'Unknown field "rto" in systems[0]' },
        { line: 8, path: "systems[0].services[1].rtoMins", message: 'Unknown field "rtoMins" in systems[0].services[1]' },
        { line: 14, path: "systems[0].runbooks[0].steps[0].owner", message: 'Unknown field "owner" in systems[0].runbooks[0].steps[0]' },
        { line: 16, path: "tiers[0].color", message: 'Unknown field "color" in tiers[0]' },
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it("maps every zod issue to a problem with its path and line", () => {
    const problems = problemsOf(
      lines(
        "version: 2", // 1
        "systems:", // 2
        "  - name: Shop", // 3
        "    rtoMinutes: 600000", // 4
        "    services:", // 5
        "      - name: api", // 6
        "        tier: 7", // 7
        "      - name: db", // 8
        "        rtoMinutes: 1.5", // 9
        "        dependsOn: api", // 10
        "      - kind: cache", // 11 (no name)
        "      - name: '   '", // 12
        "        tier: '2'", // 13
        "    runbooks:", // 14
        "      - name: Restore", // 15
        "        steps:", // 16
        "          - title: Do it", // 17
        "            kind: teleport", // 18
        "            enabled: yes", // 19
        "tiers: 3", // 20
      ),
    );
    expect(problems).toEqual([
      { line: 1, path: "version", message: "version: must be 1" },
      { line: 4, path: "systems[0].rtoMinutes", message: "systems[0].rtoMinutes: is over a year" },
      { line: 7, path: "systems[0].services[0].tier", message: "systems[0].services[0].tier: is 1 (Critical) to 4 (Low)" },
      { line: 9, path: "systems[0].services[1].rtoMinutes", message: "systems[0].services[1].rtoMinutes: must be whole minutes" },
      { line: 10, path: "systems[0].services[1].dependsOn", message: 'systems[0].services[1].dependsOn: must be a list (got text "api")' },
      // A missing field: the line of its parent.
      { line: 11, path: "systems[0].services[2].name", message: "systems[0].services[2].name: is required" },
      { line: 12, path: "systems[0].services[3].name", message: "systems[0].services[3].name: is required" },
      { line: 13, path: "systems[0].services[3].tier", message: 'systems[0].services[3].tier: must be a number (got text "2")' },
      {
        line: 18,
        path: "systems[0].runbooks[0].steps[0].kind",
        message: "systems[0].runbooks[0].steps[0].kind: must be one of: manual, approval, http, healthcheck, wait, command",
      },
      // YAML 1.2: `yes` is text, not a boolean.
      { line: 19, path: "systems[0].runbooks[0].steps[0].enabled", message: 'systems[0].runbooks[0].steps[0].enabled: must be true or false (got text "yes")' },
      { line: 20, path: "tiers", message: "tiers: must be a list (got 3)" },
    ]);
  });

  it("finds the line of a field that came in through a merge key", () => {
    const problems = problemsOf(lines("systems:", "  - &base", "    name: Shop", "    rtoMinutes: -1", "  - <<: *base", "    name: Shop 2"));
    expect(problems.map((p) => [p.line, p.path])).toEqual([
      [4, "systems[0].rtoMinutes"],
      [4, "systems[1].rtoMinutes"],
    ]);
  });

  it("reports duplicate system, service and runbook names", () => {
    const problems = problemsOf(
      lines(
        "systems:", // 1
        "  - name: Shop", // 2
        "    services:", // 3
        "      - name: api", // 4
        "      - name: api", // 5
        "    runbooks:", // 6
        "      - name: Restore", // 7
        "      - name: Restore", // 8
        "  - name: Shop", // 9
        "    services:", // 10
        "      - name: api", // 11 (another system: fine)
      ),
    );
    expect(problems).toEqual([
      { line: 9, path: "systems[1].name", message: 'systems[1].name: duplicate system "Shop" (first at systems[0])' },
      { line: 5, path: "systems[0].services[1].name", message: 'systems[0].services[1].name: duplicate service "api" in system "Shop" (first at systems[0].services[0])' },
      { line: 8, path: "systems[0].runbooks[1].name", message: 'systems[0].runbooks[1].name: duplicate runbook "Restore" in system "Shop" (first at systems[0].runbooks[0])' },
    ]);
  });

  it("reports dependencies on services the plan does not have", () => {
    const problems = problemsOf(
      lines(
        "systems:", // 1
        "  - name: Shop", // 2
        "    services:", // 3
        "      - name: api", // 4
        "        dependsOn:", // 5
        "          - db", // 6
        "          - Billing / ledger", // 7
        "          - Billing / nothing", // 8
        "          - Nowhere / db", // 9
        "  - name: Billing", // 10
        "    services:", // 11
        "      - name: ledger", // 12
      ),
    );
    expect(problems).toEqual([
      { line: 6, path: "systems[0].services[0].dependsOn[0]", message: 'systems[0].services[0].dependsOn[0]: no service "db" in system "Shop"' },
      { line: 8, path: "systems[0].services[0].dependsOn[2]", message: 'systems[0].services[0].dependsOn[2]: no service "nothing" in system "Billing"' },
      {
        line: 9,
        path: "systems[0].services[0].dependsOn[3]",
        message: 'systems[0].services[0].dependsOn[3]: no service "Nowhere / db" in system "Shop", and no system "Nowhere"',
      },
    ]);
  });

  it("reports a dependency cycle once, from the first service, on its first edge", () => {
    const problems = problemsOf(
      lines(
        "systems:", // 1
        "  - name: Shop", // 2
        "    services:", // 3
        "      - name: c", // 4
        "        dependsOn: [a]", // 5
        "      - name: a", // 6
        "        dependsOn: [b]", // 7
        "      - name: b", // 8
        "        dependsOn:", // 9
        "          - c", // 10
        "          - b", // 11
      ),
    );
    expect(problems).toEqual([
      { line: 5, path: "systems[0].services[0].dependsOn[0]", message: "Dependency cycle: c → a → b → c" },
      { line: 11, path: "systems[0].services[2].dependsOn[1]", message: "Dependency cycle: b → b" },
    ]);
  });

  it("accepts dependsOn names the caller knows (options.known)", () => {
    const source = lines("systems:", "  - name: Shop", "    services:", "      - name: api", "        dependsOn: [db, Legacy / mainframe, ghost]");
    const known = (system: string, service: string) => (system === "Shop" && service === "db") || (system === "Legacy" && service === "mainframe");
    expect(parsePlanYaml(source, { known }).problems).toEqual([
      { line: 5, path: "systems[0].services[0].dependsOn[2]", message: 'systems[0].services[0].dependsOn[2]: no service "ghost" in system "Shop"' },
    ]);
    expect(parsePlanYaml(source).problems).toHaveLength(3);
  });

  it("names services across systems in a cross-system cycle", () => {
    const problems = problemsOf(
      lines("systems:", "  - name: Shop", "    services:", "      - {name: api, dependsOn: [Billing / ledger]}", "  - name: Billing", "    services:", "      - {name: ledger, dependsOn: [Shop/api]}"),
    );
    expect(problems).toEqual([{ line: 4, path: "systems[0].services[0].dependsOn[0]", message: "Dependency cycle: Shop / api → Billing / ledger → Shop / api" }]);
  });
});

describe("dependencyProblems and duplicateNameProblems", () => {
  const plan: Plan = {
    systems: [
      { name: "Shop", services: [{ name: "api", dependsOn: ["db", "Billing / ledger", "Legacy / mainframe"] }] },
      { name: "Billing", services: [{ name: "ledger" }, { name: "ledger" }] },
    ],
  };

  it("accepts names the caller knows (the database), in both forms", () => {
    expect(dependencyProblems(plan).map((p) => p.path)).toEqual(["systems[0].services[0].dependsOn[0]", "systems[0].services[0].dependsOn[2]"]);
    const known = (system: string, service: string) => (system === "Shop" && service === "db") || (system === "Legacy" && service === "mainframe");
    expect(dependencyProblems(plan, known)).toEqual([]);
  });

  it("gives paths, without lines", () => {
    expect(dependencyProblems(plan)[0]).toEqual({ path: "systems[0].services[0].dependsOn[0]", message: 'systems[0].services[0].dependsOn[0]: no service "db" in system "Shop"' });
    expect(duplicateNameProblems(plan)).toEqual([
      { path: "systems[1].services[1].name", message: 'systems[1].services[1].name: duplicate service "ledger" in system "Billing" (first at systems[1].services[0])' },
    ]);
  });

  it("prefers a service of the same system whose name contains a slash", () => {
    const slashed: Plan = { systems: [{ name: "A", services: [{ name: "B / c" }, { name: "x", dependsOn: ["B / c"] }] }] };
    expect(dependencyProblems(slashed)).toEqual([]);
  });

  it("formats paths", () => {
    expect(formatPath(["systems", 0, "runbooks", 1, "steps", 2, "config", "a b"])).toBe('systems[0].runbooks[1].steps[2].config["a b"]');
    expect(formatPath([])).toBe("");
  });
});

describe("planToYaml", () => {
  it("writes fields in format.ts order, keeps empty dependsOn, omits other empty lists, header first", () => {
    // Keys deliberately out of order.
    const plan = {
      systems: [
        {
          services: [{ dependsOn: [], notes: "Line one\nline two", tier: 1, name: "api" }],
          runbooks: [],
          description: "Storefront",
          name: "Shop",
        },
      ],
      version: 1,
    } as unknown as Plan;
    expect(planToYaml(plan)).toBe(
      lines(
        "# Lifeboat DR plan (format version 1). Schema: docs/plan.schema.json",
        "",
        "version: 1",
        "systems:",
        "  - name: Shop",
        "    description: Storefront",
        "    services:",
        "      - name: api",
        "        tier: 1",
        "        notes: |-",
        "          Line one",
        "          line two",
        "        dependsOn: []",
      ),
    );
  });

  it("quotes only when needed, including what YAML 1.1 readers would misread", () => {
    const text = planToYaml({
      systems: [{ name: "a: b" }, { name: "#1" }, { name: "yes" }, { name: "02:00" }, { name: "Ünïcødé 🚀" }, { name: "plain name" }, { name: "123" }],
    });
    expect(text).toContain('- name: "a: b"');
    expect(text).toContain('- name: "#1"');
    expect(text).toContain('- name: "yes"');
    expect(text).toContain('- name: "02:00"');
    expect(text).toContain("- name: Ünïcødé 🚀");
    expect(text).toContain("- name: plain name");
    expect(text).toContain('- name: "123"');
  });

  it("does not fold long lines", () => {
    const long = Array(60).fill("word").join(" ");
    expect(planToYaml({ systems: [{ name: "S", description: long }] })).toContain(`description: ${long}\n`);
  });

  it("keeps text that needs double quotes on one line (found by the round-trip property)", () => {
    const notes = "crlf\r\ntrailing  \n \ncarriage\rreturn and more than forty characters";
    const text = planToYaml({ systems: [{ name: "x", contacts: [{ notes }] }] });
    expect(text).toContain(String.raw`      - notes: "crlf\r\ntrailing \ \n\ \ncarriage\rreturn and more than forty characters"` + "\n");
    expect(parsePlanYaml(text).plan.systems[0]!.contacts![0]!.notes).toBe(notes);
  });

  it("writes an empty plan as an empty mapping", () => {
    expect(parsePlanYaml(planToYaml({ systems: [] }))).toMatchObject({ plan: { systems: [] }, problems: [] });
  });
});

// ---------------------------------------------------------------------------------------------------------
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
const lineArb = fc.oneof(word, asciiWord, tricky, fc.constantFrom("", "  indented", "\ttabbed", "trailing  ", "--- not a document", "...", "carriage\rreturn", "crlf\r"));
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
    command: fc.oneof(multiLine, fc.constantFrom("  leading spaces\n  kept", "echo 'hi' | grep \"h\" # comment\n\nexit 0\n", "trailing newline\n")),
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
          value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
        ) as Plan;
        // Free-form values (a step's config) keep their own order; everything else follows format.ts.
        const withoutConfig = (p: Plan): Plan => {
          const copy = structuredClone(p);
          for (const step of copy.systems.flatMap((s) => s.runbooks ?? []).flatMap((r) => r.steps ?? [])) delete step.config;
          return copy;
        };
        expect(planToYaml(withoutConfig(reversed))).toBe(planToYaml(withoutConfig(plan)));
      }),
      { numRuns: 50 },
    );
  }, 30_000);
});
