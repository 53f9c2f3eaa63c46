// What Lifeboat holds, as a plan (lib/plans/format.ts): the whole configuration, or one system. The same
// function gives the importer its "current" side, so an exported plan imported back changes nothing.
// Output is ordered (systems, services, policies, runbooks by name; steps and levels by position) so that
// two exports of the same data are the same file.
import type { Reader } from "@/lib/db/client";
import { serviceSelect } from "@/lib/inventory/services";
import { systemSelect } from "@/lib/inventory/systems";
import { exportSchedules } from "./export-schedules";
import type { Plan, PlanContact, PlanNotification, PlanRunbook, PlanService, PlanStep, PlanSystem } from "./format";
import { PLAN_FORMAT_VERSION } from "./format";
import { redactStepConfig, redactUrl } from "@/lib/security/secrets";

/** What the plan keeps of a notification rule (per system and for the default matrix). */
const matrixRuleSelect = {
  event: true,
  audience: true,
  recipients: true,
  timing: true,
  minutes: true,
  channel: { select: { name: true } },
} as const;

/** "System / service" names a service of another system (dependsOn, health-check services). */
export const CROSS_SYSTEM_SEPARATOR = " / ";

const DEFAULT_STEP = { timeoutSeconds: 60, retries: 0, safeToRepeat: false };

/** Leaves out empty strings and nulls, so the file states only what Lifeboat holds. */
function stated<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== "")) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}

type StepRow = {
  title: string;
  kind: string;
  config: unknown;
  group: number | null;
  timeoutSeconds: number;
  retries: number;
  safeToRepeat: boolean;
  serviceIds: string[];
};

function stepToPlan(step: StepRow, serviceName: (id: string) => string): PlanStep {
  const config = (step.config ?? {}) as Record<string, unknown>;
  const base: PlanStep = { title: step.title, kind: step.kind as PlanStep["kind"] };
  if (step.kind === "command")
    Object.assign(
      base,
      stated({
        command: String(config.command ?? ""),
        cwd: typeof config.cwd === "string" ? config.cwd : undefined,
        enabled: config.enabled !== false,
      }),
    );
  else if (step.kind === "manual" || step.kind === "approval")
    Object.assign(base, stated({ instructions: String(config.instructions ?? "") }));
  else base.config = redactStepConfig(config);
  return stated({
    ...base,
    group: step.group ?? undefined,
    timeoutSeconds: step.timeoutSeconds === DEFAULT_STEP.timeoutSeconds ? undefined : step.timeoutSeconds,
    retries: step.retries === DEFAULT_STEP.retries ? undefined : step.retries,
    safeToRepeat: step.safeToRepeat === DEFAULT_STEP.safeToRepeat ? undefined : step.safeToRepeat,
    services: step.serviceIds.length ? step.serviceIds.map(serviceName) : undefined,
  });
}

type ContactRow = {
  notificationRules?: { afterMinutes: number; channel: { name: string } }[];
  id: string;
  name: string;
  title: string;
  team: string;
  email: string | null;
  phone: string | null;
  external: boolean;
  organization: string;
  notes: string;
  roles: string[];
};

function contactToPlan(c: ContactRow): PlanContact {
  return stated({
    name: c.name,
    role: c.title,
    // Always stated, even empty: importing leaves a contact's roles alone only when the plan says nothing.
    roles: c.roles,
    team: c.team,
    email: c.email,
    phone: c.phone,
    external: c.external || undefined,
    organization: c.organization,
    notes: c.notes,
    notify: c.notificationRules?.length
      ? c.notificationRules.map((r) => ({ channel: r.channel.name, after: r.afterMinutes }))
      : undefined,
  });
}

/** What a contact row carries for the plan: its notification rules in order, channels by name. */
const contactInclude = {
  notificationRules: {
    orderBy: { position: "asc" },
    select: { afterMinutes: true, channel: { select: { name: true } } },
  },
} as const;

type RuleRow = {
  event: string;
  audience: string;
  recipients: string;
  timing: string;
  minutes: number | null;
  channel: { name: string } | null;
};
const ruleToPlan = (r: RuleRow): PlanNotification =>
  stated({
    event: r.event,
    audience: r.audience,
    recipients: r.recipients,
    channel: r.channel?.name,
    timing: r.timing,
    minutes: r.minutes,
  }) as PlanNotification;

const byName = new Intl.Collator("en").compare;

export async function exportPlan(db: Reader, options: { system?: string } = {}): Promise<Plan> {
  const systems = await db.system.findMany({
    where: options.system ? { name: options.system } : {},
    orderBy: { name: "asc" },
    select: {
      ...systemSelect,
      services: {
        select: {
          ...serviceSelect,
          dependsOn: {
            select: { dependsOn: { select: { name: true, system: { select: { id: true, name: true } } } } },
          },
          backupPolicies: { orderBy: { name: "asc" } },
        },
      },
      runbooks: {
        orderBy: { name: "asc" },
        select: {
          name: true,
          scenario: true,
          symptoms: true,
          detection: true,
          estimatedMinutes: true,
          drill: { select: { everyDays: true } },
          steps: { orderBy: { position: "asc" } },
        },
      },
      escalationPolicy: {
        select: {
          levels: {
            orderBy: { position: "asc" },
            select: {
              afterMinutes: true,
              roleTargets: true,
              contacts: { select: { contact: { include: contactInclude } } },
              channels: { select: { channel: { select: { name: true } } } },
              schedules: { select: { schedule: { select: { name: true } } } },
            },
          },
        },
      },
      notificationMatrix: {
        select: {
          rules: {
            orderBy: { position: "asc" },
            select: matrixRuleSelect,
          },
        },
      },
    },
  });
  const serviceIds = [
    ...new Set(systems.flatMap((s) => s.runbooks.flatMap((r) => r.steps.flatMap((step) => step.serviceIds)))),
  ];
  const stepServices = new Map(
    (
      await db.service.findMany({
        where: { id: { in: serviceIds } },
        select: { id: true, name: true, systemId: true, system: { select: { name: true } } },
      })
    ).map((s) => [s.id, s]),
  );
  const assigned = new Set<string>();

  const planSystems: PlanSystem[] = systems.map((system) => {
    const otherSystem = (name: string, systemId: string, systemName: string) =>
      systemId === system.id ? name : `${systemName}${CROSS_SYSTEM_SEPARATOR}${name}`;
    const services: PlanService[] = [...system.services]
      .sort((a, b) => a.tier - b.tier || byName(a.name, b.name))
      .map((s) =>
        stated({
          name: s.name,
          kind: s.kind === "other" ? undefined : s.kind,
          tier: s.tier,
          rtoMinutes: s.rtoMinutes,
          rpoMinutes: s.rpoMinutes,
          owner: s.owner,
          healthCheckUrl: s.healthCheckUrl === null ? null : redactUrl(s.healthCheckUrl),
          notes: s.notes,
          dependsOn: s.dependsOn
            .map((d) => otherSystem(d.dependsOn.name, d.dependsOn.system.id, d.dependsOn.system.name))
            .sort(byName),
        }),
      );
    const backupPolicies = [...system.services]
      .sort((a, b) => byName(a.name, b.name))
      .flatMap((s) =>
        s.backupPolicies.map((p) =>
          stated({
            service: s.name,
            name: p.name,
            intervalMinutes: p.intervalMinutes,
            cron: p.cron,
            retentionLocalDays: p.retentionLocalDays,
            retentionRemoteDays: p.retentionRemoteDays,
            locations: p.locations.length ? p.locations : undefined,
            method: p.method,
            verification: p.verification === "none" ? undefined : p.verification,
            requireVerified: p.requireVerified || undefined,
            graceMinutes: p.graceMinutes === 30 ? undefined : p.graceMinutes,
          }),
        ),
      );
    const serviceName = (id: string) => {
      const s = stepServices.get(id);
      return s ? otherSystem(s.name, s.systemId, s.system.name) : id;
    };
    const runbooks: PlanRunbook[] = system.runbooks.map((r) =>
      stated({
        name: r.name,
        scenario: r.scenario,
        symptoms: r.symptoms,
        detection: r.detection,
        estimatedMinutes: r.estimatedMinutes,
        drillEveryDays: r.drill?.everyDays,
        steps: r.steps.map((step) => stepToPlan(step, serviceName)),
      }),
    );
    const levels = system.escalationPolicy?.levels ?? [];
    const contacts = new Map<string, ContactRow>();
    for (const level of levels) for (const { contact } of level.contacts) contacts.set(contact.id, contact);
    for (const id of contacts.keys()) assigned.add(id);
    return stated({
      name: system.name,
      description: system.description,
      drStrategy: system.drStrategy,
      primaryRegion: system.primaryRegion,
      drRegion: system.drRegion,
      services: services.length ? services : undefined,
      backupPolicies: backupPolicies.length ? backupPolicies : undefined,
      runbooks: runbooks.length ? runbooks : undefined,
      contacts: contacts.size
        ? [...contacts.values()].sort((a, b) => byName(a.name, b.name)).map(contactToPlan)
        : undefined,
      escalation: levels.length
        ? levels.map((level, index) =>
            stated({
              level: index + 1,
              afterMinutes: level.afterMinutes,
              targets: [
                ...level.contacts.map(({ contact }) => contact.email ?? contact.name).sort(byName),
                ...level.roleTargets,
              ],
              channels: level.channels.length ? level.channels.map((c) => c.channel.name).sort(byName) : undefined,
              schedules: level.schedules.length ? level.schedules.map((s) => s.schedule.name).sort(byName) : undefined,
            }),
          )
        : undefined,
      notifications: system.notificationMatrix?.rules.length
        ? system.notificationMatrix.rules.map(ruleToPlan)
        : undefined,
    });
  });

  const plan: Plan = { version: PLAN_FORMAT_VERSION, systems: planSystems };
  if (options.system) return plan;

  // The whole configuration also holds what belongs to no one system.
  const [tiers, contacts, channels, defaultMatrix, schedules] = await Promise.all([
    db.tierDefault.findMany({ orderBy: { tier: "asc" }, select: { tier: true, rtoMinutes: true, rpoMinutes: true } }),
    db.contact.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], include: contactInclude }),
    db.notificationChannel.findMany({ orderBy: { name: "asc" }, select: { name: true, type: true } }),
    db.notificationMatrix.findUnique({
      where: { id: "default" },
      select: {
        rules: {
          orderBy: { position: "asc" },
          select: matrixRuleSelect,
        },
      },
    }),
    exportSchedules(db),
  ]);
  const unassigned = contacts.filter((c) => !assigned.has(c.id)).sort((a, b) => byName(a.name, b.name));
  return stated({
    ...plan,
    tiers: tiers.length ? tiers : undefined,
    contacts: unassigned.length ? unassigned.map(contactToPlan) : undefined,
    channels: channels.length ? channels : undefined,
    notifications: defaultMatrix?.rules.length ? defaultMatrix.rules.map(ruleToPlan) : undefined,
    schedules: schedules.length ? schedules : undefined,
  });
}
