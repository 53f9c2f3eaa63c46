import type { Metadata } from "next";
import { ScheduleEditor } from "@/components/oncall/schedule-editor";
import { PageHeader } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { findContactOptions } from "@/lib/people/queries";

export const metadata: Metadata = { title: "New on-call schedule" };

export default async function NewSchedulePage() {
  const { db } = await requirePage("people.edit", "/people/schedules/new");
  const contacts = await findContactOptions(db);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <PageHeader title="New on-call schedule" />
      <ScheduleEditor
        canEdit
        contacts={contacts}
        zones={Intl.supportedValuesOf("timeZone")}
        schedule={{
          name: "",
          description: "",
          timeZone: "UTC",
          layers: [
            {
              name: "Primary",
              timeZone: "UTC",
              startDate: today,
              handoffTime: "09:00",
              shiftLength: 1,
              shiftUnit: "weeks",
              restrictions: [],
              memberIds: [],
            },
          ],
        }}
      />
    </>
  );
}
