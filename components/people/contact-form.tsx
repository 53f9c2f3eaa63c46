"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createContactAction, updateContactAction } from "@/app/(app)/people/actions";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { fieldError, nestedErrors } from "@/components/ui/form-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { Textarea } from "@/components/ui/textarea";
import { NotificationRulesEditor, ruleRow, type RuleChannel } from "./notification-rules-editor";

export type ContactFormValues = {
  id?: string;
  version?: number;
  name: string;
  title: string;
  team: string;
  email: string | null;
  phone: string | null;
  roles: string[];
  notificationRules: { channelId: string; afterMinutes: number }[];
  external: boolean;
  organization: string;
  notes: string;
};

const splitList = (value: string) =>
  value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

export function ContactForm({ initial, channels }: { initial: ContactFormValues; channels: RuleChannel[] }) {
  const router = useRouter();
  const editing = Boolean(initial.id);
  const done = () => router.push("/people");
  const create = useAction(createContactAction, { onSuccess: done });
  const update = useAction(updateContactAction, { onSuccess: done });
  const { result, isExecuting } = editing ? update : create;
  const error = (f: string) => fieldError(result, f);
  const [rules, setRules] = useState(() => initial.notificationRules.map(ruleRow));

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    const fields = {
      name: value("name"),
      title: value("title"),
      team: value("team"),
      email: value("email"),
      phone: value("phone"),
      roles: splitList(value("roles")),
      // preferredChannels follows the rules (the server derives it: the break-glass pack prints it).
      rules: rules.map((r) => ({ channelId: r.channelId, afterMinutes: r.afterMinutes as unknown as number })),
      external: form.get("external") === "on",
      organization: value("organization"),
      notes: value("notes"),
    };
    if (editing) update.execute({ ...fields, id: initial.id!, version: initial.version! });
    else create.execute(fields);
  }

  const text = (
    name: keyof ContactFormValues,
    label: string,
    extra: React.InputHTMLAttributes<HTMLInputElement> = {},
    hint?: string,
  ) => (
    <Field label={label} htmlFor={name} error={error(name)} hint={hint}>
      <Input
        id={name}
        name={name}
        defaultValue={String(initial[name] ?? "")}
        aria-invalid={Boolean(error(name))}
        {...extra}
      />
    </Field>
  );

  return (
    <Card className="max-w-3xl p-6">
      <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
        {text("name", "Name")}
        {text("title", "Role / title")}
        {text("team", "Team")}
        {text("organization", "Organization (for external contacts)", {}, "vendor, cloud support, SIP provider…")}
        {text("email", "Email", { type: "email" })}
        {text("phone", "Phone", { type: "tel" }, "International format, e.g. +14155550123")}
        <Field
          label="On-call roles"
          htmlFor="roles"
          error={error("roles")}
          hint="Comma-separated, e.g. on-call engineer, team lead"
        >
          <Input id="roles" name="roles" defaultValue={initial.roles.join(", ")} />
        </Field>
        <div className="flex items-end pb-2">
          <label className="flex items-center gap-1 text-sm">
            <input type="checkbox" name="external" defaultChecked={initial.external} /> External (outside the company)
          </label>
        </div>
        <div className="sm:col-span-2">
          <NotificationRulesEditor
            rows={rules}
            channels={channels}
            errors={nestedErrors(result, "rules", (i) => `Notification rule ${i + 1}`)}
            onChange={setRules}
          />
        </div>
        <div className="sm:col-span-2">
          <Field label="Notes" htmlFor="notes" error={error("notes")}>
            <Textarea id="notes" name="notes" rows={2} defaultValue={initial.notes} />
          </Field>
        </div>
        <FormFooter
          result={result}
          pending={isExecuting}
          label={editing ? "Save and confirm details" : "Add contact"}
        />
      </form>
    </Card>
  );
}
