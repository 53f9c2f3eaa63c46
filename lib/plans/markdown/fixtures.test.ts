import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planSchema } from "../format";
import { extractMarkdownPlan } from "./extract";

const read = (name: string) => extractMarkdownPlan(readFileSync(path.join(__dirname, "fixtures", name), "utf8"));
const unparsedLines = (r: ReturnType<typeof read>) => r.unparsed.map((u) => u.line);

describe("component table, backup lines, code-fence runbooks, placeholder contacts, escalation list", () => {
  const r = read("harbor-payments.md");

  it("extracts the plan", () => {
    expect(r.problems).toEqual([]);
    expect(planSchema.safeParse(r.plan).success).toBe(true);
    const locations = ["Hetzner Storage Box (fsn1)", "Backblaze B2 bucket harbor-backups"];
    expect(r.plan).toEqual({
      systems: [
        {
          name: "Harbor Payments Gateway",
          description:
            "Harbor Payments Gateway settles card payments for the harbour shops. It runs on one Kubernetes cluster in Frankfurt.",
          services: [
            { name: "Payments API", rtoMinutes: 10, rpoMinutes: 1, priority: "Critical", tier: 1 },
            { name: "Ledger Database", rtoMinutes: 30, rpoMinutes: 5, priority: "Critical", tier: 1 },
            {
              name: "Settlement Worker",
              rtoMinutes: 120,
              rtoMinMinutes: 60,
              rpoMinutes: 15,
              priority: "High",
              tier: 2,
            },
            { name: "Reporting", rtoMinutes: 480, rpoMinutes: 1440, priority: "Low", tier: 4 },
            { name: "Admin Console", priority: "Medium", tier: 3 },
          ],
          backupPolicies: [
            {
              name: "Ledger database dump",
              service: "Ledger Database",
              intervalMinutes: 1440,
              method: "pg_dump",
              locations,
            },
            {
              name: "WAL archive of the Ledger Database",
              service: "Ledger Database",
              intervalMinutes: 60,
              method: "wal-g",
              locations,
            },
            { name: "Object storage replication", frequency: "Continuous", locations },
          ],
          runbooks: [
            { name: "Monthly: Restore drill on staging", drillEveryDays: 30 },
            {
              name: "Payments API Crash Loop",
              scenario: "Payments API Crash Loop",
              symptoms: "HTTP 502 from the load balancer",
              detection: "Uptime check fails\nError budget alert",
              estimatedMinutes: 20,
              estimatedMinMinutes: 10,
              steps: [
                { title: "Inspect the pods", kind: "command", command: "kubectl -n payments get pods", enabled: false },
                {
                  title: "Roll back the last release",
                  kind: "command",
                  command:
                    "helm rollback payments-api 0 -n payments\n# wait for the rollout\nkubectl -n payments rollout status deploy/payments-api",
                  enabled: false,
                },
                { title: "Tell the shops", kind: "manual", instructions: "(Post on the merchant status page)" },
              ],
            },
            {
              name: "Ledger Database Loss",
              scenario: "Ledger Database Loss",
              symptoms: "Ledger queries time out",
              estimatedMinutes: 45,
              steps: [
                {
                  title: "Promote the replica",
                  kind: "command",
                  command: "patronictl failover harbor-ledger --force",
                  enabled: false,
                },
                {
                  title: "Check replication",
                  kind: "manual",
                  instructions: "Compare row counts\nCheck the last settlement batch",
                },
              ],
            },
          ],
          contacts: [
            { role: "Platform Lead" },
            { name: "Mira Okafor", role: "Payments Owner", email: "mira@harbor.example", phone: "+49 30 1234567" },
          ],
          escalation: [
            { level: 1, afterMinutes: 0, targets: ["Payments on-call"] },
            { level: 2, afterMinutes: 10, targets: ["Platform Lead", "Payments Owner"] },
            { level: 3, afterMinutes: 30, targets: ["CTO", "bank liaison"] },
          ],
        },
      ],
    });
  });

  it("lists what is missing, and the placeholders", () => {
    expect(r.notFound).toEqual([
      "No DR strategy stated",
      "No primary region stated",
      "No DR region stated",
      "No notification matrix",
      'Contact "Platform Lead": name and phone are placeholders',
      'No RTO stated for service "Admin Console"',
      'No RPO stated for service "Admin Console"',
      'Backup policy "Object storage replication" names no service',
    ]);
  });

  it("notes its interpretations", () => {
    expect(r.notes).toContainEqual({ line: 12, message: 'Priority "Critical" read as tier 1' });
    expect(r.notes).toContainEqual({
      line: 14,
      message: 'RTO of "Settlement Worker": "1-2 hours" is a range: 60–120 min, target 120',
    });
    expect(r.notes).toContainEqual({
      line: 16,
      message: 'RTO "Variable" of service "Admin Console" is not a duration',
    });
    expect(r.notes).toContainEqual({
      line: 21,
      message: 'Backup "Ledger database dump" read as protecting "Ledger Database" (named in its text)',
    });
    expect(r.notes).toContainEqual({ line: 83, message: 'Escalation level 3 "30+ min" read as after 30 min' });
    expect(r.notes).toContainEqual({ message: "3 command steps imported disabled: review each before enabling it" });
  });

  it("leaves what it cannot use unparsed, and nothing else", () => {
    expect(r.unparsed).toEqual([
      { line: 70, text: "**Impact**: No payments settle until the ledger is back" },
      { line: 88, text: "[shops] -> [api] -> [ledger]" },
      { line: 91, text: "Reviewed every quarter by the platform team." },
    ]);
  });
});

describe("separate RTO and RPO tables, backup frequency column, numbered-list runbooks, contact table", () => {
  const r = read("tidewater-telemetry.md");

  it("extracts the plan", () => {
    expect(r.problems).toEqual([]);
    expect(planSchema.safeParse(r.plan).success).toBe(true);
    expect(r.plan).toEqual({
      systems: [
        {
          name: "Tidewater Telemetry Hub",
          description: "The Telemetry Hub collects buoy sensor readings for the Tidewater research fleet.",
          services: [
            { name: "Ingest Gateway (MQTT)", rtoMinutes: 20, priority: "Critical", tier: 1 },
            { name: "Time-series Store (InfluxDB)", rtoMinutes: 120, rpoMinutes: 360, priority: "High", tier: 2 },
            { name: "Dashboard", rtoMinutes: 240, rpoMinutes: 1440, priority: "Low", tier: 4 },
            { name: "Config Repository", rpoMinutes: 0 },
          ],
          backupPolicies: [
            { service: "Time-series Store (InfluxDB)", name: "Every 6 hours", intervalMinutes: 360 },
            { service: "Dashboard", name: "Weekly on Sunday at 4:15 AM", cron: "15 4 * * 0" },
            { service: "Config Repository", name: "On every commit", frequency: "On every commit" },
          ],
          runbooks: [
            {
              name: "Broker Outage",
              scenario: "Broker Outage",
              symptoms: "Buoys report publish timeouts",
              estimatedMinutes: 20,
              estimatedMinMinutes: 10,
              steps: [
                { title: "Check the broker", kind: "command", command: "systemctl status mosquitto", enabled: false },
                { title: "Restart it", kind: "command", command: "sudo systemctl restart mosquitto", enabled: false },
                { title: "Confirm readings arrive on the dashboard", kind: "manual" },
              ],
            },
            {
              name: "Store Disk Full",
              scenario: "Store Disk Full",
              symptoms: "Writes rejected, disk at 100%",
              estimatedMinutes: 60,
              estimatedMinMinutes: 30,
              steps: [
                { title: "Stop ingestion", kind: "command", command: "docker compose stop ingest", enabled: false },
                {
                  title: "Free space",
                  kind: "manual",
                  instructions: "Delete shards older than 90 days\nExpand the volume if needed",
                },
                {
                  title: "Restart ingestion (after the InfluxDB check)",
                  kind: "command",
                  command: "influx ping\ndocker compose start ingest",
                  enabled: false,
                },
              ],
            },
          ],
          contacts: [
            { role: "Data Engineer", email: "data-oncall@tidewater.example", notes: "When to Notify: All incidents" },
            {
              role: "Fleet Coordinator",
              phone: "+1 (206) 555-0147",
              notes: "When to Notify: Buoy data gaps over 1 hour",
            },
            { name: "Dr. Ana Lima", role: "Research Director", notes: "When to Notify: Outages over 1 day" },
          ],
        },
      ],
    });
  });

  it("lists what is missing", () => {
    expect(r.notFound).toEqual([
      "No DR strategy stated",
      "No primary region stated",
      "No DR region stated",
      "No escalation path",
      "No notification matrix",
      "No DR test schedule",
      'No RPO stated for service "Ingest Gateway (MQTT)"',
      'No RTO stated for service "Config Repository"',
    ]);
  });

  it("notes the cron reading and the frequency it could not schedule", () => {
    expect(r.notes).toContainEqual({
      line: 22,
      message: '"Weekly on Sunday at 4:15 AM" read as cron 15 4 * * 0 (UTC: the plan states no time zone)',
    });
    expect(r.notes).toContainEqual({
      line: 23,
      message: 'Backup frequency "On every commit" of "Config Repository" is no interval or time of day: kept as words',
    });
    expect(r.notes).toContainEqual({
      line: 59,
      message: 'Recovery time of "Store Disk Full": "30 minutes to 1 hour" is a range: 30–60 min, target 60',
    });
  });

  it("leaves only the prose unparsed", () => {
    expect(unparsedLines(r)).toEqual([73]);
  });
});

describe("tier tables with dependencies and order, notification matrix, scenario matrix, YAML backup block", () => {
  const r = read("orbit-scheduler.md");

  it("extracts the plan", () => {
    expect(r.problems).toEqual([]);
    expect(planSchema.safeParse(r.plan).success).toBe(true);
    expect(r.plan).toEqual({
      systems: [
        {
          name: "Orbit Scheduler",
          description: "This overview describes how disaster recovery works for the Orbit Scheduler platform.",
          drStrategy: "warm standby",
          primaryRegion: "eu-west-1 (Ireland)",
          drRegion: "eu-central-1 (Frankfurt)",
          services: [
            { name: "Job Queue", tier: 1, priority: "Critical", rtoMinutes: 30, dependsOn: [], recoveryOrder: 1 },
            {
              name: "Scheduler API",
              tier: 1,
              priority: "Critical",
              rtoMinutes: 30,
              dependsOn: ["Job Queue", "Job Database"],
              recoveryOrder: 2,
            },
            {
              name: "Job Database",
              tier: 2,
              priority: "High",
              rtoMinutes: 120,
              rpoMinutes: 15,
              dependsOn: [],
              recoveryOrder: 3,
            },
            {
              name: "Web UI",
              tier: 2,
              priority: "High",
              rtoMinutes: 120,
              rpoMinutes: 15,
              dependsOn: ["Scheduler API"],
              recoveryOrder: 4,
            },
          ],
          backupPolicies: [
            { name: "Daily", intervalMinutes: 1440, retentionLocalDays: 14, method: "Restic" },
            { name: "Weekly", intervalMinutes: 10_080, retentionLocalDays: 56, method: "Restic" },
          ],
          runbooks: [
            { name: "Worker node loss", scenario: "Worker node loss", estimatedMinutes: 10 },
            { name: "Queue corruption", scenario: "Queue corruption", estimatedMinutes: 90, estimatedMinMinutes: 30 },
            { name: "Full region loss", scenario: "Full region loss", estimatedMinutes: 360, estimatedMinMinutes: 120 },
            { name: "Insider threat", scenario: "Insider threat" },
          ],
          notifications: [
            { event: "detected", audience: "internal", recipients: "Opsgenie page", timing: "immediate" },
            {
              event: "dr_activated",
              audience: "internal",
              recipients: "#orbit-war-room",
              timing: "within",
              minutes: 10,
            },
            { event: "dr_activated", audience: "external", recipients: "Status page", timing: "within", minutes: 10 },
            {
              event: "progress_update",
              audience: "internal",
              recipients: "#orbit-war-room",
              timing: "every",
              minutes: 60,
            },
            { event: "progress_update", audience: "external", recipients: "Status page", timing: "every", minutes: 60 },
            {
              event: "recovery_complete",
              audience: "internal",
              recipients: "Email to engineering",
              timing: "on_completion",
            },
            { event: "recovery_complete", audience: "external", recipients: "Customer email", timing: "on_completion" },
          ],
        },
      ],
    });
  });

  it("lists what is missing, including dependencies outside the plan", () => {
    expect(r.notFound).toEqual([
      "No recovery runbook with steps",
      "No contacts",
      "No escalation path",
      "No DR test schedule",
      'No recovery steps for scenario "Worker node loss"',
      'No recovery steps for scenario "Queue corruption"',
      'No recovery steps for scenario "Full region loss"',
      'No recovery steps for scenario "Insider threat"',
      'Dependency "Block Storage" of "Job Database" is not a service in this plan',
      'Dependency "Auth Proxy" of "Web UI" is not a service in this plan',
      'No RPO stated for service "Job Queue"',
      'No RPO stated for service "Scheduler API"',
      'Backup policy "Daily" names no service',
      'Backup policy "Weekly" names no service',
    ]);
  });

  it("notes where the name, tiers and retention come from", () => {
    expect(r.notes).toContainEqual({
      line: 5,
      message:
        'System name "Orbit Scheduler" read from "for the Orbit Scheduler platform" (the title "Disaster Recovery Overview" names no system)',
    });
    expect(r.notes).toContainEqual({
      line: 46,
      message:
        'Heading "Tier 2 - High (RTO: 2 hours, RPO: 15 min)" gives tier 2, priority High, RTO 2 hours, RPO 15 min to "Job Database", "Web UI"',
    });
    expect(r.notes).toContainEqual({ line: 18, message: 'Column "Impact" of the table at line 18 is not read' });
    expect(r.notes).toContainEqual({
      line: 23,
      message: 'Recovery time "Unknown" of "Insider threat" is not a duration',
    });
    expect(r.notes).toContainEqual({ line: 32, message: '"8 weeks" of backup "Weekly" read as 56 days retention' });
    expect(r.notes).toContainEqual({ line: 58, message: 'Timing "Within 10 min" read as within 10 min' });
  });

  it("leaves the unused part of the code block unparsed", () => {
    expect(r.unparsed).toEqual([
      { line: 33, text: "Targets:" },
      { line: 34, text: "  - job database" },
    ]);
  });
});

describe("system-wide objectives, checklists, procedure phases, DR test schedule", () => {
  const r = read("lantern-clinic.md");

  it("extracts the plan", () => {
    expect(r.problems).toEqual([]);
    expect(planSchema.safeParse(r.plan).success).toBe(true);
    expect(r.plan).toEqual({
      systems: [
        {
          name: "Lantern Clinic Booking",
          description: "Lantern Clinic Booking lets patients book appointments at three clinics. One VM, one database.",
          rtoMinutes: 240,
          rpoMinutes: 120,
          rpoMinMinutes: 30,
          runbooks: [
            {
              name: "Failover Checklist",
              steps: [
                { title: "Confirm the outage with a second person", kind: "manual" },
                { title: "Open an incident channel", kind: "manual" },
                { title: "Freeze deployments", kind: "manual" },
              ],
            },
            {
              name: "Recovery Process",
              steps: [
                {
                  title: "Stabilise (first 15 minutes)",
                  kind: "manual",
                  instructions: "Put the booking page in maintenance mode\nCall the clinic managers",
                },
                {
                  title: "Restore",
                  kind: "manual",
                  instructions: "Rebuild the VM from the image\nRestore the latest database dump",
                },
                { title: "Reopen", kind: "manual" },
              ],
            },
            { name: "Quarterly: Failover test with the clinic staff", drillEveryDays: 91 },
            {
              name: "Weekly Drills",
              drillEveryDays: 7,
              steps: [{ title: "Restore last night's dump to a scratch database", kind: "manual" }],
            },
            {
              name: "Yearly DR Exercise",
              drillEveryDays: 365,
              steps: [
                { title: "Full rebuild from nothing", kind: "manual" },
                { title: "Phone tree test", kind: "manual" },
              ],
            },
          ],
        },
      ],
    });
  });

  it("lists what is missing", () => {
    expect(r.notFound).toEqual([
      "No DR strategy stated",
      "No primary region stated",
      "No DR region stated",
      "No services listed",
      "No backup policies",
      "No contacts",
      "No escalation path",
      "No notification matrix",
    ]);
  });

  it("notes the system-wide figures and the drill periods", () => {
    expect(r.notes).toContainEqual({ line: 10, message: '"4 hours" read as the system\'s RTO' });
    expect(r.notes).toContainEqual({ line: 11, message: '"30 minutes - 2 hours" read as the system\'s RPO' });
    expect(r.notes).toContainEqual({
      line: 11,
      message: 'RPO: "30 minutes - 2 hours" is a range: 30–120 min, target 120',
    });
    expect(r.notes).toContainEqual({ line: 37, message: '"Yearly DR Exercise" read as a drill every 365 days' });
  });

  it("leaves only the closing note unparsed", () => {
    expect(unparsedLines(r)).toEqual([43]);
  });
});
