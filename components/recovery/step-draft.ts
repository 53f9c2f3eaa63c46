// Between the editor's strings and a step's saved shape (and back, to edit a saved runbook).
import { commandMayRun } from "@/lib/recovery/steps";
import type { StepDraft } from "./step-fields";

type SavedStep = {
  title: string;
  kind: StepDraft["kind"];
  group: number | null;
  timeoutSeconds: number;
  retries: number;
  safeToRepeat: boolean;
  serviceIds: string[];
  config: Record<string, unknown>;
};

let counter = 0;
/** A blank step (also the first step of a new runbook, built on the server). */
export const newStep = (kind: StepDraft["kind"] = "manual"): StepDraft => ({
  key: `new-${counter++}`,
  title: "",
  kind,
  group: "",
  timeoutSeconds: kind === "manual" || kind === "approval" ? "3600" : "60",
  retries: "0",
  safeToRepeat: kind === "healthcheck" || kind === "wait",
  services: [],
  instructions: "",
  url: "",
  method: "POST",
  expectStatus: "",
  headers: "",
  body: "",
  intervalSeconds: "2",
  seconds: "30",
  command: "",
  commandEnabled: true,
});

const number = (value: string) => (value.trim() === "" ? NaN : Number(value));

export function draftToStep(draft: StepDraft): SavedStep | { error: string } {
  const base = {
    title: draft.title,
    kind: draft.kind,
    group: draft.group.trim() ? number(draft.group) : null,
    timeoutSeconds: number(draft.timeoutSeconds),
    retries: number(draft.retries || "0"),
    safeToRepeat: draft.safeToRepeat,
    serviceIds: draft.kind === "healthcheck" ? draft.services.map((s) => s.id) : [],
  };
  switch (draft.kind) {
    case "manual":
    case "approval":
      return { ...base, config: { instructions: draft.instructions } };
    case "http": {
      let headers: unknown = {};
      if (draft.headers.trim()) {
        try {
          headers = JSON.parse(draft.headers);
        } catch {
          return { error: 'headers must be a JSON object, e.g. {"Authorization": "Bearer …"}' };
        }
      }
      const expectStatus = draft.expectStatus
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
        .map(Number);
      return {
        ...base,
        config: {
          url: draft.url,
          method: draft.method,
          headers,
          ...(draft.body ? { body: draft.body } : {}),
          ...(expectStatus.length ? { expectStatus } : {}),
        },
      };
    }
    case "healthcheck":
      return { ...base, config: { url: draft.url, intervalSeconds: number(draft.intervalSeconds) } };
    case "wait":
      return { ...base, config: { seconds: number(draft.seconds) } };
    case "command":
      return { ...base, config: { command: draft.command, enabled: draft.commandEnabled } };
  }
}

export function stepToDraft(step: SavedStep & { id: string }, serviceNames: Map<string, string>): StepDraft {
  const c = step.config as Record<string, unknown>;
  const str = (v: unknown, fallback = "") => (v === undefined || v === null ? fallback : String(v));
  return {
    key: step.id,
    title: step.title,
    kind: step.kind,
    group: step.group === null ? "" : String(step.group),
    timeoutSeconds: String(step.timeoutSeconds),
    retries: String(step.retries),
    safeToRepeat: step.safeToRepeat,
    services: step.serviceIds.map((id) => ({ id, name: serviceNames.get(id) ?? id })),
    instructions: str(c.instructions),
    url: str(c.url),
    method: str(c.method, "POST"),
    expectStatus: Array.isArray(c.expectStatus) ? c.expectStatus.join(", ") : "",
    headers: c.headers && Object.keys(c.headers as object).length ? JSON.stringify(c.headers) : "",
    body: str(c.body),
    intervalSeconds: str(c.intervalSeconds, "2"),
    seconds: str(c.seconds, "30"),
    command: str(c.command),
    commandEnabled: commandMayRun(c),
  };
}
