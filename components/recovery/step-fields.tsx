"use client";
// The settings of one runbook step, by kind.
import { Field, Input, Select } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { ServicePicker, type PickedService } from "@/components/incidents/service-picker";

export type StepDraft = {
  key: string;
  title: string;
  kind: "manual" | "approval" | "http" | "healthcheck" | "wait" | "command";
  group: string;
  timeoutSeconds: string;
  retries: string;
  safeToRepeat: boolean;
  services: PickedService[];
  // Kind settings as the form holds them (strings); turned into the config object on save.
  instructions: string;
  url: string;
  method: string;
  expectStatus: string;
  headers: string;
  body: string;
  intervalSeconds: string;
  seconds: string;
  command: string;
  // Command steps: may Lifeboat run it? Unchecked: a person runs it by hand during a run.
  commandEnabled: boolean;
};

type Props = {
  step: StepDraft;
  index: number;
  onChange: (patch: Partial<StepDraft>) => void;
  commandsEnabled: boolean;
};

export function StepFields({ step, index, onChange, commandsEnabled }: Props) {
  const id = (name: string) => `step-${index}-${name}`;
  const text = (name: keyof StepDraft, label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <Field label={label} htmlFor={id(name)}>
      <Input
        id={id(name)}
        value={String(step[name])}
        onChange={(e) => onChange({ [name]: e.target.value })}
        {...extra}
      />
    </Field>
  );
  switch (step.kind) {
    case "manual":
    case "approval":
      return (
        <Field
          label={step.kind === "approval" ? "What the commander approves" : "Instructions"}
          htmlFor={id("instructions")}
        >
          <Textarea
            id={id("instructions")}
            rows={2}
            value={step.instructions}
            onChange={(e) => onChange({ instructions: e.target.value })}
          />
        </Field>
      );
    case "http":
      return (
        <div className="grid gap-2 sm:grid-cols-4">
          <Field label="Method" htmlFor={id("method")}>
            <Select id={id("method")} value={step.method} onChange={(e) => onChange({ method: e.target.value })}>
              {["POST", "GET", "PUT", "PATCH", "DELETE"].map((m) => (
                <option key={m}>{m}</option>
              ))}
            </Select>
          </Field>
          <div className="sm:col-span-3">
            {text("url", "URL (or /path on this Lifeboat)", {
              placeholder: "https://ci.example.com/job/failover/build",
            })}
          </div>
          {text("expectStatus", "Expected status (blank = any 2xx)", { placeholder: "200, 202" })}
          <div className="sm:col-span-3">
            <Field label="Headers (JSON)" htmlFor={id("headers")}>
              <Input
                id={id("headers")}
                value={step.headers}
                onChange={(e) => onChange({ headers: e.target.value })}
                placeholder='{"Authorization": "Bearer …"}'
              />
            </Field>
          </div>
          <div className="sm:col-span-4">
            <Field label="Body" htmlFor={id("body")}>
              <Textarea
                id={id("body")}
                rows={2}
                value={step.body}
                onChange={(e) => onChange({ body: e.target.value })}
              />
            </Field>
          </div>
        </div>
      );
    case "healthcheck":
      return (
        <div className="grid gap-2 sm:grid-cols-4">
          <div className="sm:col-span-3">{text("url", "Health URL (or /path on this Lifeboat)")}</div>
          {text("intervalSeconds", "Every (s)", { inputMode: "decimal" })}
          <div className="sm:col-span-4">
            <Field label="Services it proves recovered (their measured RTO is recorded)" htmlFor={id("services")}>
              <ServicePicker
                id={id("services")}
                value={step.services}
                onChange={(services) => onChange({ services })}
              />
            </Field>
          </div>
        </div>
      );
    case "wait":
      return text("seconds", "Wait (seconds)", { inputMode: "numeric" });
    case "command":
      return (
        <div className="space-y-1">
          <Field label="Shell command" htmlFor={id("command")}>
            <Textarea
              id={id("command")}
              rows={2}
              className="font-mono"
              value={step.command}
              onChange={(e) => onChange({ command: e.target.value })}
            />
          </Field>
          <label className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              id={id("enabled")}
              checked={step.commandEnabled}
              onChange={(e) => onChange({ commandEnabled: e.target.checked })}
            />{" "}
            Lifeboat may run this command (when RECOVERY_COMMANDS=on)
          </label>
          {!step.commandEnabled && (
            <p className="text-xs text-amber-700">
              Disabled: in a run, this step waits for a person to run the command by hand and mark it done.
            </p>
          )}
          {step.commandEnabled && !commandsEnabled && (
            <p className="text-xs text-amber-700">
              Command steps are disabled on this installation (RECOVERY_COMMANDS=on enables them): in a run, someone
              does it by hand and skips the step with a note.
            </p>
          )}
        </div>
      );
  }
}
