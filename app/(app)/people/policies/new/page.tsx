import type { Metadata } from "next";
import { PolicyEditor } from "@/components/people/policy-editor";
import { PageHeader } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { editorOptions } from "@/lib/people/editor-options";
import { loadPagingData } from "@/lib/people/load";

export const metadata: Metadata = { title: "New escalation policy" };

export default async function NewPolicyPage() {
  await requirePagePermission("people.edit", "/people/policies/new");
  const options = editorOptions(await loadPagingData(getDb()));
  return (
    <>
      <PageHeader title="New escalation policy" />
      <PolicyEditor
        {...options}
        canEdit
        policy={{ name: "", description: "", systemId: null, tier: null, repeatTimes: 1, repeatAfterMinutes: 30, levels: [{ afterMinutes: 0, contactIds: [], roleTargets: ["on-call engineer"], channelIds: [] }] }}
      />
    </>
  );
}
