"use client";
// One recovery run, step by step, with what people can do at each point: tick a manual step, approve a
// gate (commander), retry or skip a failed step, abort the run. A disabled command step is done by a person
// like a manual step: the panel shows the command to run by hand. Every action is idempotent on the server.
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  abortRunAction,
  approveStepAction,
  retryStepAction,
  skipStepAction,
  tickStepAction,
} from "@/app/(app)/runbooks/actions";
import { Button } from "@/components/ui/button";
import { FormErrors } from "@/components/ui/form-errors";
import { cn } from "@/components/ui/cn";
import type { RunView } from "@/lib/recovery/queries";
import { formatDuration } from "@/lib/recovery/format";
import { isPersonStep, STEP_KIND_LABELS } from "@/lib/recovery/steps";
import { StateBadge } from "./state-badge";

type Can = { operate: boolean; command: boolean };

/** A command for a person to run by hand: selectable in one click, with a copy button. */
function CommandToRun({
  stepId,
  position,
  command,
  cwd,
}: {
  stepId: string;
  position: number;
  command: string;
  cwd?: string;
}) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = () => {
    // No clipboard outside a secure context (plain http): the block stays selectable.
    if (!navigator.clipboard) return setCopied(false);
    void navigator.clipboard.writeText(command).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="mt-2 space-y-1 rounded border border-amber-200 bg-amber-50 p-2" data-testid="disabled-command">
      <p className="text-sm font-medium text-amber-800" id={`command-${stepId}`}>
        Disabled command — run it yourself, then mark it done
      </p>
      <div className="flex items-start gap-2">
        <pre
          aria-labelledby={`command-${stepId}`}
          className="max-h-40 flex-1 select-all overflow-auto whitespace-pre-wrap rounded bg-slate-900 p-2 font-mono text-xs text-slate-50"
        >
          {command}
        </pre>
        <Button
          type="button"
          variant="secondary"
          onClick={copy}
          aria-label={`${copied ? "Copied" : "Copy"}: the command of step ${position}`}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      {cwd && (
        <p className="text-xs text-slate-600">
          In the directory <span className="font-mono">{cwd}</span>
        </p>
      )}
      {copied === false && (
        <p className="text-xs text-slate-600" role="status">
          Could not copy here: select the command and copy it.
        </p>
      )}
    </div>
  );
}

export function RunPanel({ run, can, commandsEnabled }: { run: RunView; can: Can; commandsEnabled: boolean }) {
  const router = useRouter();
  const done = { onSuccess: () => router.refresh() };
  const tick = useAction(tickStepAction, done);
  const approve = useAction(approveStepAction, done);
  const retry = useAction(retryStepAction, done);
  const skip = useAction(skipStepAction, done);
  const abort = useAction(abortRunAction, done);
  const [busy, setBusy] = useState<string | null>(null);
  const over = ["succeeded", "failed", "cancelled"].includes(run.state);

  const act = (stepId: string, fn: () => void) => {
    setBusy(stepId);
    fn();
  };
  const askReason = (what: string) => window.prompt(`Why ${what}? (kept on the record)`)?.trim();

  return (
    <div className="space-y-3" data-testid="recovery-run" data-run-state={run.state}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold">{run.runbookName}</h3>
        <span className="text-xs text-slate-500">
          v{run.runbookVersion} · {run.drill ? "drill" : "recovery"} started by {run.startedBy} at{" "}
          {run.startedAt.toISOString().slice(11, 19)} UTC
        </span>
        <StateBadge state={run.state} />
        {!over && can.command && (
          <Button
            variant="ghost"
            className="ml-auto text-red-700"
            onClick={() => {
              const reason = askReason("abort this run");
              if (reason) abort.execute({ runId: run.id, reason });
            }}
          >
            Abort run
          </Button>
        )}
      </div>
      {[tick, approve, retry, skip, abort].map((a, i) => (
        <FormErrors key={i} result={a.result} />
      ))}
      <ol className="space-y-2">
        {run.steps.map((step) => {
          // A disabled command: a person runs it by hand and ticks it, as a manual step.
          const byHand = step.kind === "command" && isPersonStep(step);
          const config = (step.config ?? {}) as { command?: unknown; cwd?: unknown };
          return (
            <li
              key={step.id}
              className={cn(
                "rounded border bg-white p-3",
                step.state === "failed"
                  ? "border-red-300"
                  : step.state === "waiting"
                    ? "border-amber-300"
                    : "border-slate-200",
              )}
              data-testid="run-step"
              data-kind={step.kind}
              data-step-state={step.state}
            >
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-mono text-xs text-slate-500">
                  {step.position}
                  {step.group ? ` ∥${step.group}` : ""}
                </span>
                <span className="font-medium">{step.title}</span>
                <span className="text-xs text-slate-500">{STEP_KIND_LABELS[step.kind]}</span>
                <StateBadge state={step.state} />
                {step.attempts > 1 && <span className="text-xs text-slate-500">attempt {step.attempts}</span>}
                {byHand && step.state === "pending" && (
                  <span className="text-xs text-amber-700">disabled command: a person runs it by hand</span>
                )}
                {step.kind === "command" && !byHand && !commandsEnabled && step.state === "pending" && (
                  <span className="text-xs text-amber-700">
                    commands are disabled here: skip it after doing it by hand
                  </span>
                )}
                <span className="ml-auto flex gap-1">
                  {step.state === "waiting" && (step.kind === "manual" || byHand) && can.operate && (
                    <Button
                      onClick={() => act(step.id, () => tick.execute({ runId: run.id, stepId: step.id, note: "" }))}
                      disabled={tick.isExecuting && busy === step.id}
                    >
                      Mark done
                    </Button>
                  )}
                  {step.state === "waiting" && step.kind === "approval" && can.command && (
                    <Button
                      onClick={() => act(step.id, () => approve.execute({ runId: run.id, stepId: step.id, note: "" }))}
                      disabled={approve.isExecuting && busy === step.id}
                    >
                      Approve
                    </Button>
                  )}
                  {step.state === "failed" && can.command && (
                    <Button
                      variant="secondary"
                      onClick={() => act(step.id, () => retry.execute({ runId: run.id, stepId: step.id, note: "" }))}
                      disabled={retry.isExecuting}
                    >
                      Retry
                    </Button>
                  )}
                  {(step.state === "failed" || step.state === "waiting") && can.command && (
                    <Button
                      variant="ghost"
                      onClick={() => {
                        const reason = askReason(`skip step ${step.position}`);
                        if (reason) act(step.id, () => skip.execute({ runId: run.id, stepId: step.id, reason }));
                      }}
                    >
                      Skip…
                    </Button>
                  )}
                </span>
              </div>
              {typeof (step.config as { instructions?: string }).instructions === "string" &&
                (step.config as { instructions: string }).instructions && (
                  <p className="mt-1 text-sm text-slate-600">
                    {(step.config as { instructions: string }).instructions}
                  </p>
                )}
              {byHand && step.state === "waiting" && (
                <CommandToRun
                  stepId={step.id}
                  position={step.position}
                  command={String(config.command ?? "")}
                  cwd={typeof config.cwd === "string" ? config.cwd : undefined}
                />
              )}
              {step.output && (
                <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs">
                  {step.output}
                </pre>
              )}
              {step.error && (
                <p className="mt-1 text-sm text-red-700" role="status">
                  {step.error}
                </p>
              )}
              {step.actedBy && (
                <p className="mt-1 text-xs text-slate-500">
                  {step.state === "skipped" ? "Skipped" : "Done"} by {step.actedBy}
                  {step.finishedAt ? ` at ${step.finishedAt.toISOString().slice(11, 19)} UTC` : ""}
                  {step.reason ? `: ${step.reason}` : ""}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {run.measurements.length > 0 && (
        <ul className="space-y-1 text-sm" data-testid="measured-rto">
          {run.measurements.map((m) => (
            <li key={m.service.id}>
              <span className="font-medium">{m.service.name}</span> recovered: measured {run.drill ? "drill" : "RTO"}{" "}
              <span className="font-mono">{formatDuration(m.seconds)}</span>
              {m.service.rtoMinutes !== null && (
                <span className={m.seconds <= m.service.rtoMinutes * 60 ? "text-green-700" : "text-red-700"}>
                  {" "}
                  (target {m.service.rtoMinutes} min: {m.seconds <= m.service.rtoMinutes * 60 ? "met" : "missed"})
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
