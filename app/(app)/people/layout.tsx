import { SectionLayout } from "@/components/app-shell/section-nav";
import { requirePage } from "@/lib/auth/session";

export default async function PeopleLayout({ children }: { children: React.ReactNode }) {
  await requirePage("people.read", "/people");
  return <SectionLayout section="people">{children}</SectionLayout>;
}
