import type { Metadata } from "next";
import { PolicyEditor } from "@/components/people/policy-editor";
import { PageHeader } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { editorOptions } from "@/lib/people/editor-options";
import { findPagingData } from "@/lib/people/queries";

export const metadata: Metadata = { title: "New escalation policy" };

export default async function NewPolicyPage() {
  const { db } = await requirePage("people.edit", "/people/policies/new");
  const options = editorOptions(await findPagingData(db));
  return (
    <>
      <PageHeader title="New escalation policy" />
      <PolicyEditor
        {...options}
        canEdit
        policy={{
          name: "",
          description: "",
          systemId: null,
          tier: null,
          repeatTimes: 1,
          repeatAfterMinutes: 30,
          levels: [
            { afterMinutes: 0, contactIds: [], roleTargets: ["on-call engineer"], channelIds: [], scheduleIds: [] },
          ],
        }}
      />
    </>
  );
}
