import { SectionLayout } from "@/components/app-shell/section-nav";

export default function RunbooksLayout({ children }: { children: React.ReactNode }) {
  return <SectionLayout section="runbooks">{children}</SectionLayout>;
}
