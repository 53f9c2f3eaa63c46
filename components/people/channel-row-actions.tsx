"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { deleteChannelAction, testChannelAction } from "@/app/(app)/people/actions";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { FormErrors } from "@/components/ui/form-errors";
import { ChannelForm } from "./channel-form";

type Channel = {
  id: string;
  version: number;
  name: string;
  type: "webhook" | "email" | "sms" | "voice";
  enabled: boolean;
  maskedUrl: string;
};

export function ChannelRowActions({
  channel,
  contacts,
}: {
  channel: Channel;
  contacts: { id: string; name: string }[];
}) {
  const [editing, setEditing] = useState(false);
  const [contactId, setContactId] = useState(contacts[0]?.id ?? "");
  const test = useAction(testChannelAction);
  const remove = useAction(deleteChannelAction);
  const needsContact = channel.type !== "webhook";

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {needsContact && (
          <Select
            aria-label={`Send the test to (${channel.name})`}
            value={contactId}
            onChange={(e) => setContactId(e.target.value)}
            className="w-40"
          >
            {contacts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        )}
        <Button
          variant="secondary"
          disabled={test.isExecuting || (needsContact && !contactId)}
          onClick={() => test.execute({ id: channel.id, ...(needsContact && { contactId }) })}
          aria-label={`Send test through ${channel.name}`}
        >
          {test.isExecuting ? "Sending…" : "Send test"}
        </Button>
        <Button variant="ghost" onClick={() => setEditing(!editing)}>
          {editing ? "Close" : "Edit"}
        </Button>
        <Button
          variant="ghost"
          disabled={remove.isExecuting}
          onClick={() =>
            window.confirm(`Delete ${channel.name}?`) && remove.execute({ id: channel.id, version: channel.version })
          }
        >
          Delete
        </Button>
      </div>
      {test.result.data && (
        <p
          role="status"
          data-testid={`test-result-${channel.name}`}
          className={test.result.data.status === "sent" ? "text-xs text-green-700" : "text-xs text-red-700"}
        >
          {test.result.data.status === "sent" ? "Sent" : "Failed"} to {test.result.data.target} after{" "}
          {test.result.data.attempts} attempt(s)
          {test.result.data.lastError && `: ${test.result.data.lastError}`}
        </p>
      )}
      <FormErrors result={test.result.serverError ? test.result : remove.result} />
      {editing && <ChannelForm existing={channel} onDone={() => setEditing(false)} />}
    </div>
  );
}
