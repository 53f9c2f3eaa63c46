// The real plans the importer was written against (kept outside the repository). Asserts what they state.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planSchema, type PlanReading, type PlanSystem } from "../format";
import { extractMarkdownPlan } from "./extract";

const dir = path.resolve(process.cwd(), "../shared/seeds");
const present = existsSync(dir);

function read(name: string): { reading: PlanReading; system: PlanSystem } {
  const reading = extractMarkdownPlan(readFileSync(path.join(dir, name), "utf8"));
  expect(reading.problems).toEqual([]);
  expect(planSchema.safeParse(reading.plan).success).toBe(true);
  return { reading, system: reading.plan.systems[0]! };
}

const service = (s: PlanSystem, name: string) => s.services?.find((x) => x.name === name);
const runbook = (s: PlanSystem, name: string) => s.runbooks?.find((x) => x.name === name);

describe("seed plans", () => {
  it.skipIf(!present)(
    "vocare-restaurant: objectives, scenario runbooks, escalation, placeholder contacts, drills",
    () => {
      const { reading, system } = read("vocare-restaurant-dr-plan.md");
      expect(system.name).toBe("Vocare Restaurant Assistant");
      expect(system.services).toEqual([
        { name: "Backend Service", rtoMinutes: 15, rpoMinutes: 5, priority: "Critical", tier: 1 },
        { name: "LiveKit Server", rtoMinutes: 10, rpoMinutes: 1, priority: "Critical", tier: 1 },
        { name: "FreeSWITCH", rtoMinutes: 20, rpoMinutes: 5, priority: "High", tier: 2 },
        { name: "Configuration Data", rtoMinutes: 30, rpoMinutes: 60, priority: "Medium", tier: 3 },
        { name: "Historical Logs", rtoMinutes: 120, rpoMinutes: 1440, priority: "Low", tier: 4 },
      ]);

      const scenarios = system.runbooks!.filter((r) => r.scenario);
      expect(scenarios.map((r) => [r.name, r.estimatedMinutes, r.estimatedMinMinutes])).toEqual([
        ["Single Pod Failure", 5, 2],
        ["Node Failure", 10, 5],
        ["Cluster Failure", 60, 30],
        ["Azure Region Failure", 240, 120],
        ["Data Corruption", 180, 60],
      ]);
      const pod = runbook(system, "Single Pod Failure")!;
      expect(pod.symptoms).toBe("One or more pods in CrashLoopBackOff or Error state");
      expect(pod.detection).toBe("Kubernetes health checks\nAzure Monitor alerts\nApplication unavailability");
      expect(pod.steps?.[1]).toEqual({
        title: "Check pod logs",
        kind: "command",
        command: "kubectl logs <pod-name> -n vocare-restaurant",
        enabled: false,
      });
      const commands = scenarios.flatMap((r) => r.steps ?? []).filter((s) => s.kind === "command");
      expect(commands.length).toBeGreaterThan(15);
      expect(commands.every((s) => s.enabled === false)).toBe(true);
      const region = runbook(system, "Azure Region Failure")!;
      expect(region.steps?.map((s) => [s.title, s.kind])).toEqual([
        ["Create new cluster in different region", "command"],
        ["Update DNS records to point to new region", "manual"],
        ["Restore from geo-redundant backup", "manual"],
        ["Full application restore", "command"],
        ["Update external integrations", "manual"],
      ]);
      expect(region.steps?.[4]?.instructions).toBe("SIP provider configuration\nWebhook URLs\nAPI endpoints");

      expect(system.escalation).toEqual([
        { level: 1, afterMinutes: 0, targets: ["On-call engineer"] },
        { level: 2, afterMinutes: 15, targets: ["Team lead", "Azure support"] },
        { level: 3, afterMinutes: 30, targets: ["Management", "vendor escalation"] },
      ]);
      expect(system.contacts).toEqual([
        { role: "DevOps Lead" },
        { role: "Application Owner" },
        { role: "Azure Administrator" },
        { role: "Azure Support", external: true },
        { role: "SIP Provider", external: true },
        { role: "DNS Provider", external: true },
      ]);
      expect(reading.notFound).toContain('Contact "DevOps Lead": name, phone and email are placeholders');
      expect(reading.notFound).toContain('Contact "Azure Support": "[Support Plan Details]" is a placeholder');

      expect(system.backupPolicies?.map((p) => [p.name, p.intervalMinutes, p.frequency, p.method])).toEqual([
        ["Full cluster backup", 1440, undefined, "scripts/backup/backup-cluster.sh"],
        ["Configuration snapshots", 60, undefined, undefined],
        ["Azure Key Vault automatic backup", undefined, "Real-time", undefined],
      ]);
      expect(system.backupPolicies?.[0]?.locations).toEqual([
        "Azure Storage Account (geo-redundant)",
        "Azure Backup vault",
        "Off-site storage (optional)",
      ]);
      expect(reading.notFound).toContain('Backup policy "Full cluster backup" names no service');

      const drills = system.runbooks!.filter((r) => r.drillEveryDays);
      expect(drills.map((r) => [r.name, r.drillEveryDays, r.steps?.length])).toEqual([
        ["Weekly: Complete disaster recovery test", 7, undefined],
        ["Monthly DR Tests", 30, 4],
        ["Quarterly DR Tests", 91, 4],
        ["Annual DR Tests", 365, 4],
      ]);
      expect(runbook(system, "Pre-Recovery Checklist")?.steps?.map((s) => s.title)).toEqual([
        "Assess scope of failure",
        "Notify stakeholders",
        "Activate incident response team",
        "Document incident start time",
        "Preserve logs and evidence",
      ]);
      expect(runbook(system, "Post-Recovery Checklist")?.steps).toHaveLength(5);
      expect(runbook(system, "Recovery Execution")?.steps?.[0]).toEqual({
        title: "Immediate Response (0-5 minutes)",
        kind: "manual",
        instructions: "Confirm incident\nActivate response team\nBegin initial assessment",
      });
      // Monitoring, documentation and appendix lists carry nothing the plan format holds.
      expect(reading.unparsed.map((u) => u.line)).toContain(270);
      expect(reading.unparsed.map((u) => u.line)).toContain(309);
      expect(reading.unparsed.every((u) => u.line >= 270)).toBe(true);
    },
  );

  it.skipIf(!present)(
    "voice-ai-testing: merged RTO/RPO tables, cron policies, list runbooks, contact emails, quarterly drill",
    () => {
      const { reading, system } = read("voice-ai-testing-dr-plan.md");
      expect(system.name).toBe("Voice AI Testing Framework");
      expect(system.services?.map((s) => [s.name, s.rtoMinutes, s.rpoMinutes, s.tier])).toEqual([
        ["Database (PostgreSQL)", 30, 1440, 1],
        ["Cache (Redis)", 15, 1440, 2],
        ["Object Storage (MinIO)", 60, 1440, 3],
        ["Backend API", 15, undefined, 1],
        ["Frontend", 15, undefined, 2],
        ["Message Queue (RabbitMQ)", 30, undefined, 2],
      ]);
      expect(reading.notFound).toContain('No RPO stated for service "Frontend"');
      expect(system.backupPolicies).toEqual([
        { service: "Database (PostgreSQL)", name: "Daily at 2:00 AM", cron: "0 2 * * *" },
        { service: "Cache (Redis)", name: "Daily at 2:30 AM", cron: "30 2 * * *" },
        { service: "Object Storage (MinIO)", name: "Daily at 3:00 AM", cron: "0 3 * * *" },
      ]);

      const scenarios = system.runbooks!.filter((r) => r.scenario);
      expect(scenarios.map((r) => [r.name, r.estimatedMinutes, r.estimatedMinMinutes, r.steps?.length])).toEqual([
        ["Single Service Failure", 15, 5, 4],
        ["Database Corruption/Loss", 45, 30, 6],
        ["Complete Infrastructure Loss", 120, 60, 9],
        ["Redis Cache Loss", 30, 15, 5],
      ]);
      expect(runbook(system, "Single Service Failure")?.steps).toEqual([
        { title: "Check service logs", kind: "command", command: "docker logs voiceai-<service>", enabled: false },
        { title: "Restart service", kind: "command", command: "docker-compose restart <service>", enabled: false },
        { title: "Verify healthcheck", kind: "command", command: "docker-compose ps", enabled: false },
        { title: "If persistent, check resource limits and disk space", kind: "manual" },
      ]);
      expect(runbook(system, "Database Corruption/Loss")?.steps?.[3]).toEqual({
        title: "Run migrations (if schema changed)",
        kind: "command",
        command: "docker-compose exec backend alembic upgrade head",
        enabled: false,
      });
      expect(runbook(system, "Complete Infrastructure Loss")?.steps?.[0]).toEqual({
        title: "Provision new infrastructure",
        kind: "manual",
        instructions: "Deploy new VM/instances\nInstall Docker and Docker Compose\nClone repository",
      });

      expect(system.contacts?.map((c) => [c.role, c.email, c.name])).toEqual([
        ["On-call Engineer", "oncall@voiceai-testing.local", undefined],
        ["Engineering Lead", "eng-lead@voiceai-testing.local", undefined],
        ["Product Owner", "po@voiceai-testing.local", undefined],
        ["Infrastructure Issues", "infra@voiceai-testing.local", undefined],
        ["Database Issues", "dba@voiceai-testing.local", undefined],
        ["Application Issues", "backend@voiceai-testing.local", undefined],
      ]);
      expect(system.contacts?.[0]?.notes).toBe("When to Notify: All incidents");

      expect(runbook(system, "Quarterly DR Tests")).toEqual({
        name: "Quarterly DR Tests",
        drillEveryDays: 91,
        steps: [
          { title: "Q1: Database restore test", kind: "manual" },
          { title: "Q2: Full infrastructure rebuild test", kind: "manual" },
          { title: "Q3: Service failover test", kind: "manual" },
          { title: "Q4: Complete DR simulation", kind: "manual" },
        ],
      });
      expect(reading.notFound).not.toContain("No DR test schedule");
      expect(reading.notFound).toContain("No escalation path");
      // The "Useful Commands" appendix is not a runbook.
      expect(reading.unparsed.map((u) => u.line)).toEqual(expect.arrayContaining([242, 243, 261]));
    },
  );

  it.skipIf(!present)(
    "neurectomy: name from prose, tiers, dependencies, notification matrix, scenario matrix, velero backups",
    () => {
      const { reading, system } = read("neurectomy-dr-overview.md");
      expect(system.name).toBe("NEURECTOMY");
      expect(system.drStrategy).toBe("active-passive");
      expect(system.primaryRegion).toBe("us-east-1 (N. Virginia)");
      expect(system.drRegion).toBe("us-west-2 (Oregon)");

      expect(system.services?.map((s) => [s.name, s.tier, s.rtoMinutes, s.recoveryOrder])).toEqual([
        ["API Gateway", 1, 15, 1],
        ["ML Service", 1, 15, 2],
        ["Authentication", 1, 15, 3],
        ["PostgreSQL", 2, 60, 4],
        ["MLflow", 2, 60, 5],
        ["Redis", 2, 60, 6],
        ["Prometheus", 3, 240, 7],
        ["Grafana", 3, 240, 8],
        ["Jaeger", 3, 240, 9],
        ["Development Environments", 4, 1440, 10],
        ["CI/CD Runners", 4, 1440, 11],
      ]);
      expect(system.services?.every((s) => s.rpoMinutes === undefined)).toBe(true);
      expect(service(system, "ML Service")?.dependsOn).toEqual(["PostgreSQL"]);
      expect(service(system, "MLflow")?.dependsOn).toEqual(["PostgreSQL"]);
      expect(service(system, "Grafana")?.dependsOn).toEqual(["PostgreSQL"]);
      expect(service(system, "API Gateway")?.dependsOn).toEqual([]);
      expect(reading.notFound).toEqual(
        expect.arrayContaining([
          'Dependency "EBS Volumes" of "PostgreSQL" is not a service in this plan',
          'Dependency "S3" of "MLflow" is not a service in this plan',
          'Dependency "PVC" of "Prometheus" is not a service in this plan',
          'Dependency "Storage" of "Jaeger" is not a service in this plan',
          'No RPO stated for service "API Gateway"',
        ]),
      );

      expect(new Set(system.notifications?.map((n) => n.event))).toEqual(
        new Set(["detected", "dr_activated", "recovery_started", "progress_update", "recovery_complete"]),
      );
      expect(system.notifications).toContainEqual({
        event: "dr_activated",
        audience: "external",
        recipients: "Status Page",
        timing: "within",
        minutes: 5,
      });
      expect(system.notifications).toContainEqual({
        event: "progress_update",
        audience: "internal",
        recipients: "Slack Updates",
        timing: "every",
        minutes: 30,
      });
      expect(system.notifications?.filter((n) => n.event === "detected")).toEqual([
        { event: "detected", audience: "internal", recipients: "PagerDuty Alert", timing: "immediate" },
      ]);

      expect(system.runbooks?.map((r) => [r.name, r.estimatedMinutes, r.estimatedMinMinutes, r.steps])).toEqual([
        ["Pod failure", 1, undefined, undefined],
        ["Node failure", 5, undefined, undefined],
        ["AZ failure", 5, undefined, undefined],
        ["Region failure", 30, 15, undefined],
        ["Cloud provider outage", 240, 60, undefined],
        ["Data corruption", 240, 60, undefined],
        ["Security breach", undefined, undefined, undefined],
      ]);
      expect(reading.notes).toContainEqual({
        line: 45,
        message: 'Recovery time "Variable" of "Security breach" is not a duration',
      });

      expect(system.backupPolicies).toEqual([
        { name: "Hourly", intervalMinutes: 60, retentionLocalDays: 1, method: "Velero" },
        { name: "Daily", intervalMinutes: 1440, retentionLocalDays: 30, method: "Velero" },
        { name: "Weekly", intervalMinutes: 10_080, retentionLocalDays: 84, method: "Velero" },
        { name: "Monthly", intervalMinutes: 43_200, retentionLocalDays: 360, method: "Velero" },
      ]);
      expect(reading.notFound).toContain("No DR test schedule");
      expect(reading.notFound).toContain("No contacts");
      // The architecture diagram and the related documents are not plan data.
      expect(reading.unparsed.map((u) => u.line)).toEqual(expect.arrayContaining([15, 18, 30, 111, 208, 210]));
    },
  );
});
