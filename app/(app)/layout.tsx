import { redirect } from "next/navigation";
import { AppShell } from "@/components/app-shell/app-shell";
import { DatabaseUnreachable } from "@/components/app-shell/database-unreachable";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { isDatabaseUnreachable } from "@/lib/errors";

// Every app page reads the session and live data: never prerender at build time.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  let user: CurrentUser | null;
  try {
    user = await getCurrentUser();
  } catch (error) {
    if (isDatabaseUnreachable(error)) return <DatabaseUnreachable />;
    throw error;
  }
  if (!user) redirect("/login");
  return <AppShell user={user}>{children}</AppShell>;
}
