import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { PageHeader } from "@/components/ui/card";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requirePage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const { user } = await requirePage("app.read", "/account");
  return (
    <>
      <PageHeader title="Your account" description={`${user.name} · ${user.email} · ${ROLE_LABELS[user.role]}`} />
      <ChangePasswordForm />
    </>
  );
}
