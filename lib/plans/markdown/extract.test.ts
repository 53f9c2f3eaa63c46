import { describe, expect, it } from "vitest";
import { MAX_PLAN_BYTES, planSchema } from "../format";
import { extractMarkdownPlan } from "./extract";

const md = (lines: string[]) => lines.join("\n");

describe("input that cannot be a plan", () => {
  it.each([
    ["", "The document is empty"],
    ["  \n\n\t\n", "The document is empty"],
    ["\u0000\u0001PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR", "This is binary data, not a Markdown document"],
    [
      "Just some notes about backups.\nNothing else.",
      "No heading and no table: this does not read as a Markdown DR plan",
    ],
  ])("%j", (source, message) => {
    const r = extractMarkdownPlan(source);
    expect(r).toEqual({
      format: "markdown",
      plan: { systems: [] },
      problems: [{ message }],
      unparsed: [],
      notFound: [],
      notes: [],
      facts: [],
    });
  });

  it("refuses a document over the size limit", () => {
    const r = extractMarkdownPlan(`# Big\n${"x".repeat(MAX_PLAN_BYTES)}`);
    expect(r.problems).toEqual([{ message: "The document is over 2 MB" }]);
  });

  it("asks for a name when neither the title nor the introduction gives one", () => {
    const r = extractMarkdownPlan(
      md(["# Disaster Recovery Plan", "", "## Overview", "", "How we recover our services.", "", "- **RTO**: 1 hour"]),
    );
    expect(r.problems).toEqual([{ message: "No system name found: give one" }]);
    expect(r.plan.systems[0]).toEqual({ name: "", description: "How we recover our services.", rtoMinutes: 60 });
  });
});

describe("variants", () => {
  it("reads loose table headers, P-priorities, a table without outer pipes and CRLF line endings", () => {
    const source = [
      "# Disaster Recovery Plan for the Kestrel Shop",
      "",
      "System | Recovery Time Objective | Recovery Point Objective | Criticality | Depends on",
      "--- | --- | --- | --- | ---",
      "Database (PostgreSQL) | 1 hour | 15 min | P1 | -",
      "Storefront | < 30 min | 1 day | P2 | Database and Payment Provider",
      "Storefront | 45 min | 1 day | P2 | Database",
    ].join("\r\n");
    const r = extractMarkdownPlan(source);
    expect(r.problems).toEqual([]);
    expect(r.plan.systems[0]?.name).toBe("Kestrel Shop");
    expect(r.plan.systems[0]?.services).toEqual([
      { name: "Database (PostgreSQL)", rtoMinutes: 60, rpoMinutes: 15, priority: "P1", tier: 1, dependsOn: [] },
      {
        name: "Storefront",
        rtoMinutes: 30,
        rpoMinutes: 1440,
        priority: "P2",
        tier: 2,
        dependsOn: ["Database (PostgreSQL)"],
      },
    ]);
    expect(r.notes).toContainEqual({
      line: 6,
      message: 'RTO of "Storefront": "< 30 min" is an upper bound: target 30 min',
    });
    expect(r.notes).toContainEqual({ line: 7, message: 'Service "Storefront": RTO stated twice; kept 30' });
    expect(r.notes).toContainEqual({
      line: 6,
      message: 'Dependency "Database" of "Storefront" read as service "Database (PostgreSQL)"',
    });
    expect(r.notFound).toContain('Dependency "Payment Provider" of "Storefront" is not a service in this plan');
    expect(r.unparsed).toEqual([]);
  });

  it("reads a figure stated once in prose, and none when two sentences disagree", () => {
    const one = extractMarkdownPlan(
      md(["# Wren Mail", "", "## Targets", "", "Our RTO is 2 hours for every service.", "The RPO is 10 minutes."]),
    );
    expect(one.plan.systems[0]).toMatchObject({ rtoMinutes: 120, rpoMinutes: 10 });
    expect(one.unparsed).toEqual([]);
    const two = extractMarkdownPlan(md(["# Wren Mail", "", "The RTO is 2 hours.", "", "The RTO is 4 hours at night."]));
    expect(two.plan.systems[0]?.rtoMinutes).toBeUndefined();
    expect(two.notes).toContainEqual({
      message: "RTO stated 2 times with different figures (lines 3, 5): none read as the system's RTO",
    });
    // Both are listed as what the plan states, each with its line; neither became the system's RTO.
    expect(two.facts.filter((f) => f.kind === "rto").map((f) => f.line)).toEqual([3, 5]);
  });

  it("reads a scenario with subheadings and a label with the colon inside the bold", () => {
    const r = extractMarkdownPlan(
      md([
        "# Finch CRM - DR Runbook",
        "",
        "## Disaster Scenarios",
        "",
        "### Queue Backlog",
        "",
        "#### Symptoms",
        "Messages pile up in the queue.",
        "",
        "#### Recovery Steps",
        "- Scale the workers: `kubectl scale deploy/worker --replicas=6`",
        "- Watch the queue depth",
        "",
        "**Estimated Time:** about 20 minutes",
      ]),
    );
    expect(r.plan.systems[0]?.runbooks).toEqual([
      {
        name: "Queue Backlog",
        scenario: "Queue Backlog",
        symptoms: "Messages pile up in the queue.",
        estimatedMinutes: 20,
        steps: [
          {
            title: "Scale the workers",
            kind: "command",
            command: "kubectl scale deploy/worker --replicas=6",
            enabled: false,
          },
          { title: "Watch the queue depth", kind: "manual" },
        ],
      },
    ]);
    expect(r.unparsed).toEqual([]);
  });

  it("reads an escalation table and keeps links out of the placeholders", () => {
    const r = extractMarkdownPlan(
      md([
        "# Heron Billing",
        "",
        "## Escalation",
        "",
        "| Level | After | Contact |",
        "|---|---|---|",
        "| 1 | Immediately | Billing on-call |",
        "| 2 | 20 min | Finance lead + CFO |",
        "| 3 | - | Board |",
        "",
        "## Contacts",
        "",
        "- **Vendor**: see [the vendor portal](https://vendor.example) for Stripe Support",
      ]),
    );
    expect(r.plan.systems[0]?.escalation).toEqual([
      { level: 1, afterMinutes: 0, targets: ["Billing on-call"] },
      { level: 2, afterMinutes: 20, targets: ["Finance lead", "CFO"] },
    ]);
    expect(r.notFound).toContain("Escalation level 3 states no time");
    expect(r.unparsed.map((u) => u.line)).toEqual([9]);
    expect(r.plan.systems[0]?.contacts).toEqual([
      { role: "Vendor", notes: "see [the vendor portal](https://vendor.example) for Stripe Support" },
    ]);
    expect(r.notFound.some((m) => m.includes("placeholder"))).toBe(false);
  });

  it("takes tier and priority only from headings that state them", () => {
    const r = extractMarkdownPlan(
      md([
        "# Pelican Maps",
        "",
        "## RTO and RPO for High Availability",
        "",
        "| Service | RTO |",
        "|---|---|",
        "| Tiles | 1 hour |",
        "",
        "## Tier 1 Support",
        "",
        "| Name | Email |",
        "|---|---|",
        "| Lee Park | lee@pelican.example |",
      ]),
    );
    expect(r.plan.systems[0]?.services).toEqual([{ name: "Tiles", rtoMinutes: 60 }]);
    expect(r.plan.systems[0]?.contacts).toEqual([{ name: "Lee Park", email: "lee@pelican.example" }]);
  });

  it("survives an unclosed code fence and keeps its lines unparsed", () => {
    const r = extractMarkdownPlan(
      md(["# Robin Wiki", "", "```", "| Service | RTO |", "|---|---|", "| Wiki | 1 hour |"]),
    );
    expect(r.problems).toEqual([]);
    expect(r.plan.systems[0]?.services).toBeUndefined();
    expect(r.unparsed.map((u) => u.line)).toEqual([4, 5, 6]);
  });

  it("always produces a plan the schema accepts", () => {
    const r = extractMarkdownPlan(
      md([
        `# ${"Very long system name ".repeat(10)}`,
        "",
        "| Service | RTO | Priority |",
        "|---|---|---|",
        `| ${"x".repeat(300)} | 3 years | Urgent |`,
      ]),
    );
    expect(r.problems).toEqual([]);
    expect(planSchema.safeParse(r.plan).success).toBe(true);
    expect(r.plan.systems[0]?.name.length).toBeLessThanOrEqual(120);
    expect(r.notes).toContainEqual({
      line: 5,
      message: `RTO "3 years" of service "${"x".repeat(119)}…" is not a duration`,
    });
  });
});
