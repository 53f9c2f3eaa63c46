"use client";

import { useState } from "react";
import { Badge, Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { BackupPolicyForm, DeleteBackupPolicyButton, type BackupPolicyValues } from "./backup-policy-form";

type Props = {
  policy: BackupPolicyValues & { id: string; version: number };
  summary: string;
  missed: boolean;
  dueAt: string | null;
  lastRun: string | null;
  canEdit: boolean;
};

export function BackupPolicyCard({ policy, summary, missed, dueAt, lastRun, canEdit }: Props) {
  const [editing, setEditing] = useState(false);
  return (
    <Card className="p-4" data-testid={`backup-policy-${policy.name}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-medium">
          {policy.name} {missed ? <Badge tone="red">missed</Badge> : <Badge tone="green">on schedule</Badge>}
        </p>
        {canEdit && (
          <div>
            <Button variant="ghost" onClick={() => setEditing(!editing)}>
              {editing ? "Close" : "Edit"}
            </Button>
            <DeleteBackupPolicyButton id={policy.id} version={policy.version} name={policy.name} />
          </div>
        )}
      </div>
      <p className="text-sm text-slate-600">{summary}</p>
      <p className="text-xs text-slate-500">
        Last run: {lastRun ?? "none reported"}
        {dueAt && ` · next due ${dueAt}`} · policyId <code className="select-all">{policy.id}</code>
      </p>
      {editing && (
        <div className="mt-3 border-t border-slate-100 pt-3">
          <BackupPolicyForm initial={policy} onDone={() => setEditing(false)} />
        </div>
      )}
    </Card>
  );
}
