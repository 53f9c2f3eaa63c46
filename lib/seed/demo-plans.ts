// Systems and services from the DR plans in shared/seeds, figures carried over as the plans state them.
// rtoMinutes/rpoMinutes null = the plan does not state one (the tier default applies).
type DemoService = {
  name: string;
  kind: string;
  tier: 1 | 2 | 3 | 4;
  rtoMinutes: number | null;
  rpoMinutes: number | null;
  dependsOn?: string[];
  notes?: string;
};

export type DemoSystem = {
  name: string;
  description: string;
  drStrategy: string;
  primaryRegion: string;
  drRegion: string;
  services: DemoService[];
};

export const DEMO_TIER_DEFAULTS = [
  { tier: 1, rtoMinutes: 15, rpoMinutes: 5 },
  { tier: 2, rtoMinutes: 60, rpoMinutes: 60 },
  { tier: 3, rtoMinutes: 240, rpoMinutes: 240 },
  { tier: 4, rtoMinutes: 1440, rpoMinutes: 1440 },
];

const INFERRED = "Named as a dependency in the plan without a tier of its own; tier set to match what relies on it.";

export const DEMO_SYSTEMS: DemoSystem[] = [
  {
    name: "Voice AI Testing Framework",
    description:
      "Docker Compose deployment that tests voice AI agents: API backend, web frontend, Postgres, Redis, RabbitMQ and MinIO, with nightly backups by shell script.",
    drStrategy: "Backup and restore (single site)",
    primaryRegion: "Single VM",
    drRegion: "Rebuild from backups",
    services: [
      { name: "Database (PostgreSQL)", kind: "database", tier: 1, rtoMinutes: 30, rpoMinutes: 1440 },
      { name: "Cache (Redis)", kind: "cache", tier: 2, rtoMinutes: 15, rpoMinutes: 1440 },
      { name: "Object Storage (MinIO)", kind: "object-storage", tier: 3, rtoMinutes: 60, rpoMinutes: 1440 },
      { name: "Message Queue (RabbitMQ)", kind: "queue", tier: 2, rtoMinutes: 30, rpoMinutes: null },
      {
        name: "Backend API",
        kind: "api",
        tier: 1,
        rtoMinutes: 15,
        rpoMinutes: null,
        dependsOn: ["Database (PostgreSQL)", "Cache (Redis)", "Message Queue (RabbitMQ)", "Object Storage (MinIO)"],
      },
      { name: "Frontend", kind: "frontend", tier: 2, rtoMinutes: 15, rpoMinutes: null, dependsOn: ["Backend API"] },
    ],
  },
  {
    name: "Vocare Restaurant Assistant",
    description:
      "Voice ordering assistant for restaurants on Azure AKS: backend, LiveKit media server and FreeSWITCH telephony, backed up to geo-redundant Azure Storage.",
    drStrategy: "Backup and restore on AKS, geo-redundant storage",
    primaryRegion: "Azure (primary AKS cluster)",
    drRegion: "Azure paired region",
    services: [
      {
        name: "Backend Service",
        kind: "api",
        tier: 1,
        rtoMinutes: 15,
        rpoMinutes: 5,
        dependsOn: ["Configuration Data"],
      },
      { name: "LiveKit Server", kind: "media", tier: 1, rtoMinutes: 10, rpoMinutes: 1 },
      { name: "FreeSWITCH", kind: "telephony", tier: 2, rtoMinutes: 20, rpoMinutes: 5, dependsOn: ["LiveKit Server"] },
      { name: "Configuration Data", kind: "config", tier: 3, rtoMinutes: 30, rpoMinutes: 60 },
      { name: "Historical Logs", kind: "logs", tier: 4, rtoMinutes: 120, rpoMinutes: 1440 },
    ],
  },
  {
    name: "NEURECTOMY Platform",
    description:
      "ML platform on Kubernetes, active-passive across AWS regions with Velero backups, S3 cross-region replication and an Azure cold standby.",
    drStrategy: "Active-passive multi-region",
    primaryRegion: "us-east-1",
    drRegion: "us-west-2 (tertiary: Azure West US 2)",
    services: [
      { name: "API Gateway", kind: "api", tier: 1, rtoMinutes: 15, rpoMinutes: null },
      { name: "ML Service", kind: "api", tier: 1, rtoMinutes: 15, rpoMinutes: null, dependsOn: ["PostgreSQL"] },
      { name: "Authentication", kind: "api", tier: 1, rtoMinutes: 15, rpoMinutes: null, dependsOn: ["PostgreSQL"] },
      { name: "PostgreSQL", kind: "database", tier: 2, rtoMinutes: 60, rpoMinutes: null, dependsOn: ["EBS Volumes"] },
      {
        name: "MLflow",
        kind: "model-store",
        tier: 2,
        rtoMinutes: 60,
        rpoMinutes: null,
        dependsOn: ["PostgreSQL", "S3"],
      },
      { name: "Redis", kind: "cache", tier: 2, rtoMinutes: 60, rpoMinutes: null, dependsOn: ["EBS Volumes"] },
      { name: "Prometheus", kind: "monitoring", tier: 3, rtoMinutes: 240, rpoMinutes: null, dependsOn: ["PVC"] },
      { name: "Grafana", kind: "monitoring", tier: 3, rtoMinutes: 240, rpoMinutes: null, dependsOn: ["PostgreSQL"] },
      { name: "Jaeger", kind: "monitoring", tier: 3, rtoMinutes: 240, rpoMinutes: null, dependsOn: ["Storage"] },
      { name: "Development Environments", kind: "cluster", tier: 4, rtoMinutes: 1440, rpoMinutes: null },
      { name: "CI/CD Runners", kind: "cluster", tier: 4, rtoMinutes: 1440, rpoMinutes: null },
      { name: "EBS Volumes", kind: "block-storage", tier: 2, rtoMinutes: null, rpoMinutes: null, notes: INFERRED },
      { name: "S3", kind: "object-storage", tier: 2, rtoMinutes: null, rpoMinutes: null, notes: INFERRED },
      { name: "PVC", kind: "block-storage", tier: 3, rtoMinutes: null, rpoMinutes: null, notes: INFERRED },
      { name: "Storage", kind: "block-storage", tier: 3, rtoMinutes: null, rpoMinutes: null, notes: INFERRED },
    ],
  },
];

export const DEMO_PASSWORD = "lifeboat-demo";

export const DEMO_USERS = [
  { email: "admin@lifeboat.local", name: "Ada Admin", role: "admin" },
  { email: "commander@lifeboat.local", name: "Cora Commander", role: "commander" },
  { email: "responder@lifeboat.local", name: "Rui Responder", role: "responder" },
  { email: "viewer@lifeboat.local", name: "Vera Viewer", role: "viewer" },
] as const;

// People from the plans' escalation and communication sections. Phone numbers use the 555 range.
export const DEMO_CONTACTS = [
  {
    key: "oncall",
    name: "Priya Nair",
    title: "Platform engineer",
    team: "SRE",
    email: "priya@example.com",
    phone: "+14155550101",
    roles: ["on-call engineer"],
    preferredChannels: ["sms", "webhook"] as const,
  },
  {
    key: "lead",
    name: "Tom Becker",
    title: "Team lead",
    team: "SRE",
    email: "tom@example.com",
    phone: "+14155550102",
    roles: ["team lead"],
    preferredChannels: ["sms"] as const,
  },
  {
    key: "cloud",
    name: "AWS Enterprise Support",
    title: "Cloud support desk",
    team: "",
    email: "support@aws.example",
    phone: "+18005550199",
    roles: ["cloud support"],
    external: true,
    organization: "Amazon Web Services",
    preferredChannels: ["voice"] as const,
  },
  {
    key: "sip",
    name: "SIP trunk provider NOC",
    title: "Carrier NOC",
    team: "",
    email: "noc@sip.example",
    phone: null,
    roles: [],
    external: true,
    organization: "SIP provider",
    preferredChannels: ["email"] as const,
  },
  {
    key: "mgmt",
    name: "Dana Okafor",
    title: "VP Engineering",
    team: "Management",
    email: "dana@example.com",
    phone: "+14155550103",
    roles: ["management"],
    preferredChannels: ["sms", "email"] as const,
  },
];

export const DEMO_CHANNELS = [
  {
    key: "slack",
    name: "Slack #incidents",
    type: "webhook" as const,
    url: "https://hooks.slack.example/services/DEMO/DEMO/not-a-real-token",
  },
  { key: "sms", name: "SMS gateway", type: "sms" as const, url: "https://sms-gateway.example/api/send" },
  { key: "email", name: "Email", type: "email" as const, url: null },
];

export const DEMO_TIER1_POLICY = {
  name: "Tier 1 standard escalation",
  description: "From the plans: on-call engineer first, team lead and cloud support at 15 minutes, management at 30.",
  tier: 1,
  repeatTimes: 2,
  repeatAfterMinutes: 30,
  levels: [
    { afterMinutes: 0, contacts: [], roles: ["on-call engineer"], channels: ["sms", "slack"] },
    { afterMinutes: 15, contacts: ["cloud"], roles: ["team lead"], channels: ["sms", "slack"] },
    { afterMinutes: 30, contacts: [], roles: ["management"], channels: ["sms"] },
  ],
};

// The NEURECTOMY plan's notification matrix, used as the fleet-wide default.
export const DEMO_MATRIX = [
  {
    event: "detected",
    audience: "internal",
    channel: "slack",
    recipients: "PagerDuty alert to on-call",
    timing: "immediate",
    minutes: null,
  },
  {
    event: "dr_activated",
    audience: "internal",
    channel: "slack",
    recipients: "#incidents",
    timing: "within",
    minutes: 5,
  },
  {
    event: "dr_activated",
    audience: "external",
    channel: null,
    recipients: "Status page",
    timing: "within",
    minutes: 5,
  },
  {
    event: "recovery_started",
    audience: "internal",
    channel: "email",
    recipients: "All hands",
    timing: "within",
    minutes: 15,
  },
  {
    event: "recovery_started",
    audience: "external",
    channel: null,
    recipients: "Customer notification",
    timing: "within",
    minutes: 15,
  },
  {
    event: "progress_update",
    audience: "internal",
    channel: "slack",
    recipients: "#incidents updates",
    timing: "every",
    minutes: 30,
  },
  {
    event: "progress_update",
    audience: "external",
    channel: null,
    recipients: "Status page updates",
    timing: "every",
    minutes: 30,
  },
  {
    event: "recovery_complete",
    audience: "internal",
    channel: "email",
    recipients: "Post-mortem scheduled",
    timing: "on_completion",
    minutes: null,
  },
  {
    event: "recovery_complete",
    audience: "external",
    channel: null,
    recipients: "All-clear notice",
    timing: "on_completion",
    minutes: null,
  },
] as const;

// Backup policies as the plans describe them. `drift` makes a service fall behind its RPO in the demo.
export const DEMO_BACKUP_POLICIES = [
  {
    service: "Database (PostgreSQL)",
    name: "nightly pg_dump",
    cron: "0 2 * * *",
    retentionLocalDays: 7,
    retentionRemoteDays: 30,
    locations: ["/backups/postgres", "s3://voice-ai-testing-backups/postgres"],
    method: "./scripts/backup/postgres_backup.sh",
    verification: "decompresses" as const,
    requireVerified: true,
    sizeMb: 850,
  },
  {
    service: "Cache (Redis)",
    name: "nightly RDB snapshot",
    cron: "30 2 * * *",
    retentionLocalDays: 7,
    retentionRemoteDays: 30,
    locations: ["/backups/redis"],
    method: "./scripts/backup/redis_backup.sh",
    verification: "exists" as const,
    requireVerified: false,
    sizeMb: 120,
  },
  {
    service: "Object Storage (MinIO)",
    name: "nightly mirror",
    cron: "0 3 * * *",
    retentionLocalDays: 7,
    retentionRemoteDays: 30,
    locations: ["s3://voice-ai-testing-backups/minio"],
    method: "mc mirror",
    verification: "exists" as const,
    requireVerified: false,
    sizeMb: 4200,
  },
  {
    service: "Backend Service",
    name: "daily cluster backup",
    cron: "0 1 * * *",
    retentionLocalDays: 14,
    retentionRemoteDays: 90,
    locations: ["Azure Storage (geo-redundant)", "Azure Backup vault"],
    method: "scripts/backup/backup-cluster.sh",
    verification: "exists" as const,
    requireVerified: false,
    sizeMb: 300,
  },
  {
    service: "Configuration Data",
    name: "hourly config snapshot",
    intervalMinutes: 60,
    retentionLocalDays: 3,
    retentionRemoteDays: 30,
    locations: ["Azure Storage (geo-redundant)"],
    method: "kubectl get configmaps,secrets -o yaml",
    verification: "exists" as const,
    requireVerified: false,
    sizeMb: 2,
    drift: true,
  },
  {
    service: "Historical Logs",
    name: "daily log archive",
    cron: "0 4 * * *",
    retentionLocalDays: 7,
    retentionRemoteDays: 365,
    locations: ["Azure Storage (geo-redundant)"],
    method: "azcopy",
    verification: "none" as const,
    requireVerified: false,
    sizeMb: 9000,
  },
  {
    service: "PostgreSQL",
    name: "Velero hourly",
    intervalMinutes: 60,
    retentionLocalDays: 1,
    retentionRemoteDays: 30,
    locations: ["s3://neurectomy-backups-us-east-1", "s3://neurectomy-backups-us-west-2"],
    method: "velero schedule hourly",
    verification: "restore_test" as const,
    requireVerified: false,
    sizeMb: 1600,
  },
  {
    service: "MLflow",
    name: "Velero daily",
    intervalMinutes: 1440,
    retentionLocalDays: 30,
    retentionRemoteDays: 365,
    locations: ["s3://neurectomy-backups-us-east-1"],
    method: "velero schedule daily",
    verification: "exists" as const,
    requireVerified: false,
    sizeMb: 2400,
  },
];
