import type { Metadata } from "next";
import { ContactForm } from "@/components/people/contact-form";
import { PageHeader } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { findPersonChannelOptions } from "@/lib/people/queries";

export const metadata: Metadata = { title: "New contact" };

export default async function NewContactPage() {
  const { db } = await requirePage("people.edit", "/people/contacts/new");
  const channels = await findPersonChannelOptions(db);
  return (
    <>
      <PageHeader title="New contact" />
      <ContactForm
        channels={channels}
        initial={{
          name: "",
          title: "",
          team: "",
          email: null,
          phone: null,
          roles: [],
          notificationRules: [],
          external: false,
          organization: "",
          notes: "",
        }}
      />
    </>
  );
}
