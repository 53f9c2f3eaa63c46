// Runbooks from a plan, matched by name within the system. Stated steps replace the runbook's steps when they
// differ (runs in progress keep their own copy). Imported shell commands are disabled unless the plan says
// enabled: true, so nothing from a document runs by itself. A new runbook without steps is skipped: there
// is nothing to run.
import { stepRows } from "@/lib/recovery/runbooks";
import { runbookFieldsSchema, type RunbookFields } from "@/lib/recovery/schemas";
import { parseStepConfig, type StepKindName } from "@/lib/recovery/steps";
import type { PlanStep, PlanSystem } from "../format";
import { restoreSecrets } from "@/lib/security/secrets";
import { canonicalJson } from "@/lib/canonical-json";
import { describeNew, diffFields, schemaProblems, type ImportContext } from "./context";
import { resolveService, type ServiceIndex } from "./inventory";

type StepRow = RunbookFields["steps"][number];

function configOf(step: PlanStep): Record<string, unknown> {
  if (step.kind === "command")
    return {
      command: step.command ?? "",
      ...(step.cwd !== undefined && { cwd: step.cwd }),
      enabled: step.enabled ?? false,
    };
  if (step.kind === "manual" || step.kind === "approval") return { instructions: step.instructions ?? "" };
  return step.config ?? {};
}

/** A stored or stated step in one comparable shape: settings with their defaults, keys sorted (jsonb reorders them). */
function comparable(step: StepRow) {
  const parsed = parseStepConfig(step.kind as StepKindName, step.config);
  return canonicalJson({
    ...step,
    config: parsed.success ? parsed.data : step.config,
    serviceIds: [...step.serviceIds].sort(),
  });
}

export async function importRunbooks(
  ctx: ImportContext,
  system: PlanSystem,
  systemId: string,
  path: string,
  index: ServiceIndex,
) {
  for (const [i, runbook] of (system.runbooks ?? []).entries()) {
    const at = `${path}.runbooks[${i}]`;
    const label = `${system.name} / ${runbook.name}`;
    const current = await ctx.tx.runbook.findUnique({
      where: { systemId_name: { systemId, name: runbook.name } },
      include: { steps: { orderBy: { position: "asc" } }, drill: true },
    });
    if (!current && !runbook.steps?.length) {
      ctx.record({
        action: "skip",
        entity: "runbook",
        name: label,
        details: [
          `no steps in the plan: nothing to run${runbook.estimatedMinutes ? ` (estimated ${runbook.estimatedMinutes} min)` : ""}`,
        ],
      });
      continue;
    }
    const storedSteps: StepRow[] = (current?.steps ?? []).map((s) => ({
      title: s.title,
      kind: s.kind,
      group: s.group,
      timeoutSeconds: s.timeoutSeconds,
      retries: s.retries,
      safeToRepeat: s.safeToRepeat,
      serviceIds: s.serviceIds,
      config: s.config as Record<string, unknown>,
    }));
    let steps = storedSteps;
    if (runbook.steps) {
      steps = [];
      for (const [k, step] of runbook.steps.entries()) {
        const serviceIds: string[] = [];
        for (const [n, name] of (step.services ?? []).entries()) {
          const service = await resolveService(ctx, index, system.name, name);
          if (service) serviceIds.push(service.id);
          else ctx.problem(`${at}.steps[${k}].services[${n}]`, `"${name}" is not a service of ${system.name}`);
        }
        const stored =
          current?.steps[k]?.kind === step.kind ? (current.steps[k]!.config as Record<string, unknown>) : undefined;
        const config = restoreSecrets(configOf(step), stored);
        if (!config)
          ctx.problem(
            `${at}.steps[${k}]`,
            "holds a secret placeholder, but this step's stored settings differ (URL, method, or another field) or there are none: write the real values, or set them in the runbook editor",
          );
        steps.push({
          title: step.title,
          kind: step.kind,
          group: step.group ?? null,
          timeoutSeconds: step.timeoutSeconds ?? 60,
          retries: step.retries ?? 0,
          safeToRepeat: step.safeToRepeat ?? false,
          serviceIds,
          config: config ?? configOf(step),
        });
      }
    }
    const fields = {
      scenario: runbook.scenario,
      symptoms: runbook.symptoms,
      detection: runbook.detection,
      estimatedMinutes: runbook.estimatedMinutes,
    };
    const definedFields = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const parsed = runbookFieldsSchema.safeParse({
      ...(current ?? {}),
      ...definedFields,
      systemId,
      name: runbook.name,
      steps,
    });
    if (!parsed.success) {
      schemaProblems(ctx, at, parsed.error.issues);
      continue;
    }
    const rows = stepRows(parsed.data.steps);
    const stepsChanged =
      Boolean(runbook.steps) && storedSteps.map(comparable).join("\n") !== parsed.data.steps.map(comparable).join("\n");
    const stepSummary = parsed.data.steps.map(
      (s, n) =>
        `step ${n + 1}: [${s.kind}${s.kind === "command" && s.config.enabled === false ? ", disabled" : ""}] ${s.title}`,
    );
    let runbookId = current?.id;
    if (!current) {
      const created = await ctx.tx.runbook.create({
        data: { systemId, name: runbook.name, ...definedFields, steps: { create: rows } },
      });
      runbookId = created.id;
      ctx.record(
        { action: "create", entity: "runbook", name: label, details: [...describeNew(definedFields), ...stepSummary] },
        {
          entityType: "Runbook",
          entityId: created.id,
          after: { name: created.name, version: created.version, steps: stepSummary },
        },
      );
    } else {
      const { update, details } = diffFields(current as unknown as Record<string, unknown>, definedFields);
      if (stepsChanged) details.push(`steps replaced (${storedSteps.length} → ${rows.length})`, ...stepSummary);
      if (!details.length) {
        ctx.record({ action: "unchanged", entity: "runbook", name: label, details });
      } else {
        if (stepsChanged) await ctx.tx.runbookStep.deleteMany({ where: { runbookId: current.id } });
        const after = await ctx.tx.runbook.update({
          where: { id: current.id },
          data: { ...update, version: { increment: 1 }, ...(stepsChanged && { steps: { create: rows } }) },
        });
        // Titles only, as the runbook editor audits: step settings may hold secrets.
        const titles = (steps: { kind: string; title: string }[]) =>
          steps.map((st, n) => `${n + 1}. [${st.kind}] ${st.title}`);
        ctx.record(
          { action: "update", entity: "runbook", name: label, details },
          {
            entityType: "Runbook",
            entityId: current.id,
            before: { name: current.name, version: current.version, steps: titles(current.steps) },
            after: { name: after.name, version: after.version, steps: stepSummary },
          },
        );
      }
    }
    if (runbook.drillEveryDays !== undefined && runbookId)
      await importDrill(ctx, runbookId, label, runbook.drillEveryDays, current?.drill ?? null);
  }
}

async function importDrill(
  ctx: ImportContext,
  runbookId: string,
  label: string,
  everyDays: number,
  current: { everyDays: number; lastRunAt: Date | null } | null,
) {
  if (current?.everyDays === everyDays) {
    ctx.record({ action: "unchanged", entity: "drill schedule", name: label, details: [] });
    return;
  }
  // As the drill editor: due N days after the last drill, or N days from now.
  const nextDueAt = new Date((current?.lastRunAt ?? new Date()).getTime() + everyDays * 86_400_000);
  const after = await ctx.tx.drillSchedule.upsert({
    where: { runbookId },
    create: { runbookId, everyDays, nextDueAt },
    update: { everyDays, nextDueAt, version: { increment: 1 } },
  });
  ctx.record(
    {
      action: current ? "update" : "create",
      entity: "drill schedule",
      name: label,
      details: [`every ${current ? `${current.everyDays} → ` : ""}${everyDays} days`],
    },
    { entityType: "Runbook", entityId: runbookId, before: current, after },
  );
}
