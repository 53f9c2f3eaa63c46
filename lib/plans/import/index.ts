// Imports a plan in one transaction: every change is written, audited and checked (the dependency graph
// stays acyclic, references resolve) before anything commits. A preview runs the very same code and rolls
// back, so what the preview lists is exactly what applying does — and its fingerprint lets "apply" refuse
// when Lifeboat changed in between (someone else's edit is never silently overwritten).
// Nothing is deleted: what Lifeboat holds and the plan does not mention stays as it is.
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { GRAPH_LOCK } from "@/lib/inventory/dependencies";
import { isLockTimeout } from "@/lib/db/errors";
import type { Plan, PlanProblem } from "../format";
import { normalizePlan, type Interpretation } from "../normalize";
import { ImportContext, type PlanChange } from "./context";
import {
  checkAcyclic,
  importDependencies,
  importServices,
  importSystem,
  importTiers,
  type ServiceIndex,
} from "./inventory";
import { importBackupPolicies } from "./backups";
import { importRunbooks } from "./runbooks";
import { importSchedules } from "./schedules";
import { importChannels, importContacts, importEscalation, importNotifications, PeopleDirectory } from "./people";

/** Imports one at a time: two at once would each check the graph without the other's edges. */
const PLAN_LOCK = 4242011;
/** How long an import (or preview) waits for the one before it; imports take well under a second. */
const PLAN_LOCK_WAIT = "15s";

export type ImportOutcome = {
  applied: boolean;
  changes: PlanChange[];
  problems: PlanProblem[];
  interpretations: Interpretation[];
  /** Of the changes a preview found; pass it back to apply exactly those. */
  fingerprint: string;
  counts: Record<PlanChange["action"], number>;
};

class RollBack extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super("rolled back");
  }
}

const fingerprintOf = (changes: PlanChange[]) =>
  createHash("sha256").update(JSON.stringify(changes)).digest("hex").slice(0, 32);

/** Items one import may hold: more would keep the dependency graph locked for editors too long. */
const MAX_PLAN_ITEMS = 10_000;

const itemCount = (plan: Plan) =>
  plan.systems.reduce(
    (n, s) =>
      n +
      1 +
      (s.services?.length ?? 0) +
      (s.backupPolicies?.length ?? 0) +
      (s.runbooks?.length ?? 0) +
      (s.contacts?.length ?? 0),
    0,
  ) +
  (plan.contacts?.length ?? 0) +
  (plan.schedules ?? []).reduce((n, s) => n + 1 + s.layers.length + (s.overrides?.length ?? 0), 0);

async function writeAll(ctx: ImportContext, plan: Plan) {
  await ctx.tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${PLAN_LOCK_WAIT}'`);
  try {
    await ctx.tx.$executeRaw`SELECT pg_advisory_xact_lock(${PLAN_LOCK})`;
  } catch (error) {
    if (isLockTimeout(error))
      throw new AppError("CONFLICT", {
        userMessage: "Another plan import has been running for a while. Try again in a moment.",
      });
    throw error;
  }
  await ctx.tx.$executeRaw`SELECT pg_advisory_xact_lock(${GRAPH_LOCK})`;
  const people = await PeopleDirectory.load(ctx);
  await importTiers(ctx, plan.tiers);
  await importChannels(ctx, plan.channels, people);
  await importContacts(ctx, plan.contacts, "contacts", people);
  const index: ServiceIndex = new Map();
  const systemIds = new Map<string, string>();
  // Systems and services first, so dependencies and health checks can name any service of the plan.
  for (const [s, system] of plan.systems.entries()) {
    const id = await importSystem(ctx, system, `systems[${s}]`);
    if (!id) continue;
    systemIds.set(system.name, id);
    await importServices(ctx, system, id, `systems[${s}]`, index);
  }
  for (const [s, system] of plan.systems.entries()) {
    const id = systemIds.get(system.name);
    if (!id) continue;
    const path = `systems[${s}]`;
    await importDependencies(ctx, system, path, index);
    await importBackupPolicies(ctx, system, path, index);
    await importRunbooks(ctx, system, id, path, index);
    await importContacts(ctx, system.contacts, `${path}.contacts`, people);
  }
  // Schedules after every contact (their members may be any system's), before the levels that page them.
  await importSchedules(ctx, plan.schedules, "schedules", people);
  for (const [s, system] of plan.systems.entries()) {
    const id = systemIds.get(system.name);
    if (!id) continue;
    const path = `systems[${s}]`;
    // Targets match the system's own contacts (top-level ones are, by definition, nobody's escalation).
    await importEscalation(
      ctx,
      { name: system.name, id, contacts: system.contacts ?? [] },
      system.escalation,
      `${path}.escalation`,
      people,
    );
    await importNotifications(ctx, system.name, id, system.notifications, `${path}.notifications`, people);
  }
  await importNotifications(ctx, "Fleet-wide", null, plan.notifications, "notifications", people);
  await checkAcyclic(ctx);
}

export async function importPlan(
  db: Db,
  actor: AuditActor,
  input: Plan,
  options: { apply: boolean; canEditTiers: boolean; expectedFingerprint?: string; source?: string },
): Promise<ImportOutcome> {
  const { plan, interpretations } = normalizePlan(input);
  const duplicate = plan.systems.map((s) => s.name).find((name, i, all) => all.indexOf(name) !== i);
  const items = itemCount(plan);
  const refusal = duplicate
    ? `systems: "${duplicate}" appears twice`
    : items > MAX_PLAN_ITEMS
      ? `the plan holds ${items} systems, services, policies, runbooks and contacts: import at most ${MAX_PLAN_ITEMS} at a time (one system per file, say)`
      : null;
  if (refusal)
    return {
      applied: false,
      changes: [],
      problems: [{ path: "systems", message: refusal }],
      interpretations,
      fingerprint: "",
      counts: { create: 0, update: 0, unchanged: 0, skip: 0 },
    };
  try {
    return await db.$transaction(
      async (tx) => {
        const ctx = new ImportContext(tx, actor, options.canEditTiers);
        await writeAll(ctx, plan);
        const counts = { create: 0, update: 0, unchanged: 0, skip: 0 };
        for (const change of ctx.changes) counts[change.action]++;
        const outcome: ImportOutcome = {
          applied: false,
          changes: ctx.changes,
          problems: ctx.reportedProblems(),
          interpretations,
          fingerprint: fingerprintOf(ctx.changes),
          counts,
        };
        if (ctx.problems.length || !options.apply) throw new RollBack(outcome);
        if (options.expectedFingerprint && options.expectedFingerprint !== outcome.fingerprint) {
          throw new AppError("CONFLICT", {
            userMessage:
              "Lifeboat changed since this preview (someone else edited what the plan touches). Nothing was applied: review the new preview, then apply.",
          });
        }
        await ctx.flushAudits();
        await recordAudit(tx, {
          actor,
          action: "plan.import",
          entityType: "Plan",
          entityId: options.source ?? "plan",
          after: { counts, systems: plan.systems.map((s) => s.name) },
        });
        return { ...outcome, applied: true };
      },
      // A large plan writes many rows; the default 5 s would cut it off half-way (and roll back).
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof RollBack) return error.outcome;
    throw error;
  }
}
