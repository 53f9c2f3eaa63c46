"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { createChannelAction, updateChannelAction } from "@/app/(app)/people/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { fieldError, FormErrors } from "@/components/ui/form-errors";
import { CHANNEL_TYPES } from "@/lib/people/schemas";

type Existing = {
  id: string;
  version: number;
  name: string;
  type: (typeof CHANNEL_TYPES)[number];
  enabled: boolean;
  maskedUrl: string;
};

const URL_HINTS = {
  webhook: 'Incoming-webhook URL (Slack, Teams, Mattermost…). It receives {"text": …}.',
  sms: 'Your SMS gateway\'s HTTP endpoint. It receives {"to": "+1…", "text": …}.',
  voice: 'Your voice-call gateway\'s HTTP endpoint. It receives {"to": "+1…", "text": …}.',
  email: "Email goes through the SMTP server in SMTP_URL, to each contact's address.",
};

/** Add a channel, or edit one (the saved URL is never sent back: leave it blank to keep it). */
export function ChannelForm({ existing, onDone }: { existing?: Existing; onDone?: () => void }) {
  const [type, setType] = useState<Existing["type"]>(existing?.type ?? "webhook");
  const create = useAction(createChannelAction, { onSuccess: () => onDone?.() });
  const update = useAction(updateChannelAction, { onSuccess: () => onDone?.() });
  const { result, isExecuting } = existing ? update : create;
  const prefix = existing ? `channel-${existing.id}-` : "new-channel-";

  return (
    <form
      noValidate
      className="grid gap-3 sm:grid-cols-[1fr_8rem_2fr_auto]"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const fields = {
          name: String(form.get("name") ?? ""),
          type,
          url: String(form.get("url") ?? ""),
          enabled: form.get("enabled") === "on",
        };
        if (existing) update.execute({ ...fields, id: existing.id, version: existing.version });
        else create.execute(fields);
      }}
    >
      <Field label="Name" htmlFor={`${prefix}name`} error={fieldError(result, "name")}>
        <Input id={`${prefix}name`} name="name" defaultValue={existing?.name ?? ""} placeholder="Slack #incidents" />
      </Field>
      <Field label="Type" htmlFor={`${prefix}type`}>
        <Select id={`${prefix}type`} value={type} onChange={(e) => setType(e.target.value as Existing["type"])}>
          {CHANNEL_TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </Select>
      </Field>
      <Field label="URL" htmlFor={`${prefix}url`} error={fieldError(result, "url")} hint={URL_HINTS[type]}>
        <Input
          id={`${prefix}url`}
          name="url"
          type="url"
          disabled={type === "email"}
          placeholder={existing && existing.type !== "email" ? `${existing.maskedUrl} (blank keeps it)` : "https://…"}
          autoComplete="off"
        />
      </Field>
      <div className="flex items-end gap-2 pb-0.5">
        <label className="flex items-center gap-1 pb-2 text-sm">
          <input type="checkbox" name="enabled" defaultChecked={existing?.enabled ?? true} /> on
        </label>
        <Button type="submit" disabled={isExecuting}>
          {existing ? "Save" : "Add channel"}
        </Button>
      </div>
      <div className="sm:col-span-4">
        <FormErrors result={result} />
      </div>
    </form>
  );
}
