import { describe, expect, it } from "vitest";
import { cases } from "../redos-cases";
import { parsePlanYaml } from "./read";

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
        '        dependsOn: [Shop / db, "Shop/api"]',
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
    expect(reading.problems).toEqual([
      { line: 3, path: "systems[0].rtoMins", message: 'Unknown field "rtoMins" in systems[0]' },
    ]);
    expect(parsePlanYaml("systems:\r\n  - name: '  Shop  '\r\n").plan).toEqual({ systems: [{ name: "Shop" }] });
  });

  it("an empty mapping is an empty plan", () => {
    expect(parsePlanYaml("{}")).toMatchObject({ plan: { systems: [] }, problems: [] });
  });
});

describe("parsePlanYaml: bad input", () => {
  it("reports an unclosed quote on the line it opens", () => {
    const problems = problemsOf(
      lines("systems:", "  - name: Shop", '    description: "never closed', "    drStrategy: x"),
    );
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
    for (let i = 1; i < 12; i++)
      rows.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(", ")}]`,
      );
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
        {
          line: 8,
          path: "systems[0].services[1].rtoMins",
          message: 'Unknown field "rtoMins" in systems[0].services[1]',
        },
        {
          line: 14,
          path: "systems[0].runbooks[0].steps[0].owner",
          message: 'Unknown field "owner" in systems[0].runbooks[0].steps[0]',
        },
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
      {
        line: 7,
        path: "systems[0].services[0].tier",
        message: "systems[0].services[0].tier: is 1 (Critical) to 4 (Low)",
      },
      {
        line: 9,
        path: "systems[0].services[1].rtoMinutes",
        message: "systems[0].services[1].rtoMinutes: must be whole minutes",
      },
      {
        line: 10,
        path: "systems[0].services[1].dependsOn",
        message: 'systems[0].services[1].dependsOn: must be a list (got text "api")',
      },
      // A missing field: the line of its parent.
      { line: 11, path: "systems[0].services[2].name", message: "systems[0].services[2].name: is required" },
      { line: 12, path: "systems[0].services[3].name", message: "systems[0].services[3].name: is required" },
      {
        line: 13,
        path: "systems[0].services[3].tier",
        message: 'systems[0].services[3].tier: must be a number (got text "2")',
      },
      {
        line: 18,
        path: "systems[0].runbooks[0].steps[0].kind",
        message:
          "systems[0].runbooks[0].steps[0].kind: must be one of: manual, approval, http, healthcheck, wait, command",
      },
      // YAML 1.2: `yes` is text, not a boolean.
      {
        line: 19,
        path: "systems[0].runbooks[0].steps[0].enabled",
        message: 'systems[0].runbooks[0].steps[0].enabled: must be true or false (got text "yes")',
      },
      { line: 20, path: "tiers", message: "tiers: must be a list (got 3)" },
    ]);
  });

  it("finds the line of a field that came in through a merge key", () => {
    const problems = problemsOf(
      lines("systems:", "  - &base", "    name: Shop", "    rtoMinutes: -1", "  - <<: *base", "    name: Shop 2"),
    );
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
      {
        line: 5,
        path: "systems[0].services[1].name",
        message:
          'systems[0].services[1].name: duplicate service "api" in system "Shop" (first at systems[0].services[0])',
      },
      {
        line: 8,
        path: "systems[0].runbooks[1].name",
        message:
          'systems[0].runbooks[1].name: duplicate runbook "Restore" in system "Shop" (first at systems[0].runbooks[0])',
      },
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
      {
        line: 6,
        path: "systems[0].services[0].dependsOn[0]",
        message: 'systems[0].services[0].dependsOn[0]: no service "db" in system "Shop"',
      },
      {
        line: 8,
        path: "systems[0].services[0].dependsOn[2]",
        message: 'systems[0].services[0].dependsOn[2]: no service "nothing" in system "Billing"',
      },
      {
        line: 9,
        path: "systems[0].services[0].dependsOn[3]",
        message:
          'systems[0].services[0].dependsOn[3]: no service "Nowhere / db" in system "Shop", and no system "Nowhere"',
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
    const source = lines(
      "systems:",
      "  - name: Shop",
      "    services:",
      "      - name: api",
      "        dependsOn: [db, Legacy / mainframe, ghost]",
    );
    const known = (system: string, service: string) =>
      (system === "Shop" && service === "db") || (system === "Legacy" && service === "mainframe");
    expect(parsePlanYaml(source, { known }).problems).toEqual([
      {
        line: 5,
        path: "systems[0].services[0].dependsOn[2]",
        message: 'systems[0].services[0].dependsOn[2]: no service "ghost" in system "Shop"',
      },
    ]);
    expect(parsePlanYaml(source).problems).toHaveLength(3);
  });

  it("names services across systems in a cross-system cycle", () => {
    const problems = problemsOf(
      lines(
        "systems:",
        "  - name: Shop",
        "    services:",
        "      - {name: api, dependsOn: [Billing / ledger]}",
        "  - name: Billing",
        "    services:",
        "      - {name: ledger, dependsOn: [Shop/api]}",
      ),
    );
    expect(problems).toEqual([
      {
        line: 4,
        path: "systems[0].services[0].dependsOn[0]",
        message: "Dependency cycle: Shop / api → Billing / ledger → Shop / api",
      },
    ]);
  });
});

describe("a YAML plan nested thousands deep", () => {
  it("is refused with a problem, not a stack overflow", () => {
    // The redos suite's contact template with ": " × 10,000 after the name (it overflowed the yaml parser).
    const nested = cases.find(
      (c) => c.name === "plan.yaml" && c.label.includes("contacts") && c.label.endsWith("slot 1"),
    )!;
    const text = nested.fill(": ".repeat(10_000));
    const r = parsePlanYaml(text);
    expect(r.problems).toEqual([expect.objectContaining({ message: expect.stringContaining("nests too deeply") })]);
  });
});
