import { describe, expect, it } from "vitest";
import { executeStep } from "./executors";
import { runbookFieldsSchema } from "./schemas";
import { commandMayRun, isPersonStep, parseStepConfig } from "./steps";
import { draftToStep, newStep, stepToDraft } from "@/components/recovery/step-draft";

describe("command steps: enabled", () => {
  it("defaults to enabled, so existing command steps keep running", () => {
    expect(parseStepConfig("command", { command: "echo hi" }).data).toEqual({ command: "echo hi", enabled: true });
    expect(parseStepConfig("command", { command: "kubectl delete pod x", enabled: false }).data).toEqual({
      command: "kubectl delete pod x",
      enabled: false,
    });
    expect(parseStepConfig("command", { command: "echo hi", enabled: "no" }).success).toBe(false);
  });

  it("is kept when a runbook is saved", () => {
    const parsed = runbookFieldsSchema.parse({
      systemId: "s1",
      name: "Failover",
      steps: [
        { title: "Old", kind: "command", timeoutSeconds: 30, retries: 0, config: { command: "echo old" } },
        {
          title: "Imported",
          kind: "command",
          timeoutSeconds: 30,
          retries: 0,
          config: { command: "kubectl delete pod x", enabled: false },
        },
      ],
    });
    expect(parsed.steps.map((s) => parseStepConfig("command", s.config).data?.enabled)).toEqual([true, false]);
  });
});

describe("isPersonStep", () => {
  it("is true for manual steps, approvals and disabled commands", () => {
    expect(isPersonStep({ kind: "manual", config: {} })).toBe(true);
    expect(isPersonStep({ kind: "approval", config: { instructions: "Go?" } })).toBe(true);
    expect(isPersonStep({ kind: "command", config: { command: "kubectl delete pod x", enabled: false } })).toBe(true);
  });
  it("is false for enabled commands (explicitly or by default) and the other automatic kinds", () => {
    expect(isPersonStep({ kind: "command", config: { command: "echo hi", enabled: true } })).toBe(false);
    expect(isPersonStep({ kind: "command", config: { command: "echo hi" } })).toBe(false);
    expect(isPersonStep({ kind: "http", config: { url: "https://x.example", enabled: false } })).toBe(false);
    expect(isPersonStep({ kind: "wait", config: { seconds: 1 } })).toBe(false);
    expect(isPersonStep({ kind: "healthcheck", config: null })).toBe(false);
  });
  it("fails closed: a malformed enabled never lets Lifeboat run the command", () => {
    expect(commandMayRun({ command: "x", enabled: "false" })).toBe(false);
    expect(commandMayRun({ command: "x", enabled: 0 })).toBe(false);
    expect(commandMayRun({ command: "x", enabled: null })).toBe(false);
    expect(isPersonStep({ kind: "command", config: { command: "x", enabled: "yes" } })).toBe(true);
  });
});

describe("the command executor", () => {
  it("refuses a disabled command even with commands on", async () => {
    const outcome = await executeStep(
      { kind: "command", config: { command: "echo ran", enabled: false }, timeoutSeconds: 5 },
      { commandsEnabled: true, signal: new AbortController().signal },
    );
    expect(outcome).toEqual({
      ok: false,
      output: "",
      error: "Disabled command: a person runs it by hand, then marks the step done",
    });
  });
});

describe("command drafts", () => {
  it("are enabled when new", () => {
    expect(newStep("command").commandEnabled).toBe(true);
    expect(draftToStep({ ...newStep("command"), title: "Promote", command: "pg_ctl promote" })).toMatchObject({
      config: { command: "pg_ctl promote", enabled: true },
    });
  });
  it("round-trip enabled between the editor and the saved config", () => {
    const names = new Map<string, string>();
    for (const enabled of [true, false]) {
      const saved = draftToStep({
        ...newStep("command"),
        title: "Delete",
        command: "kubectl delete pod x",
        commandEnabled: enabled,
      });
      if ("error" in saved) throw new Error(saved.error);
      expect(saved.config).toEqual({ command: "kubectl delete pod x", enabled });
      const draft = stepToDraft({ ...saved, id: "s1" }, names);
      expect(draft.commandEnabled).toBe(enabled);
      expect(draftToStep(draft)).toEqual(saved);
    }
    // A step saved before `enabled` existed opens enabled.
    expect(
      stepToDraft(
        {
          title: "Old",
          kind: "command",
          group: null,
          timeoutSeconds: 60,
          retries: 0,
          safeToRepeat: false,
          serviceIds: [],
          config: { command: "echo" },
          id: "s2",
        },
        names,
      ).commandEnabled,
    ).toBe(true);
  });
});
