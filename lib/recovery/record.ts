// Where recovery runs write their story: the incident's timeline for incident runs (drills have no
// incident; their steps keep their own record). One helper so every transition is told the same way.
import type { Tx } from "@/lib/db/client";
import { appendTimeline, type TimelineInput } from "@/lib/incidents/timeline";

export type RunRef = { id: string; incidentId: string | null; runbookName: string; drill: boolean };

/** Locks a run's row for the rest of the transaction: every change to a run goes through here first. */
export async function lockRun(tx: Tx, runId: string): Promise<(RunRef & { state: string }) | null> {
  const [run] = await tx.$queryRaw<(RunRef & { state: string })[]>`
    SELECT id, "incidentId", "runbookName", drill, state::text FROM "RecoveryRun" WHERE id = ${runId} FOR UPDATE`;
  return run ?? null;
}

export async function tellRun(
  tx: Tx,
  run: RunRef,
  events: {
    kind?: TimelineInput["kind"];
    actor: string;
    message: string;
    public?: boolean;
    data?: Record<string, unknown>;
  }[],
) {
  if (!run.incidentId || events.length === 0) return;
  await appendTimeline(
    tx,
    ...events.map((e) => ({
      incidentId: run.incidentId!,
      kind: e.kind ?? ("recovery_step" as const),
      actor: { name: e.actor },
      message: e.message,
      public: e.public ?? false,
      data: { runId: run.id, ...e.data } as never,
    })),
  );
}

/** The first line of a step's output, for the timeline (the whole output stays on the step). */
export const firstLine = (text: string, limit = 300) => {
  const line = text.split("\n")[0] ?? "";
  return line.length > limit ? `${line.slice(0, limit)}…` : line;
};
