import type { Metadata } from "next";
import { ContactForm } from "@/components/people/contact-form";
import { PageHeader } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New contact" };

export default async function NewContactPage() {
  await requirePage("people.edit", "/people/contacts/new");
  return (
    <>
      <PageHeader title="New contact" />
      <ContactForm
        initial={{
          name: "",
          title: "",
          team: "",
          email: null,
          phone: null,
          roles: [],
          preferredChannels: [],
          external: false,
          organization: "",
          notes: "",
        }}
      />
    </>
  );
}
