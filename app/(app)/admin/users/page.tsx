import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UsersTable } from "@/components/admin/users-table";
import { requirePage } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { findUsers, findRecentSignInFailures } from "@/lib/users/users";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const { user: me, db } = await requirePage("users.read", "/admin/users");
  const windowMinutes = env().LOGIN_WINDOW_MINUTES;
  const [users, failures] = await Promise.all([findUsers(db), findRecentSignInFailures(db, windowMinutes)]);
  return (
    <>
      <PageHeader title="Users" description="Who can sign in, and with which role. Every change is audited." />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <UsersTable
          currentUserId={me.id}
          users={users.map((u) => ({
            ...u,
            lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
            recentFailures: failures.get(u.email) ?? 0,
          }))}
          windowMinutes={windowMinutes}
        />
        <CreateUserForm />
      </div>
    </>
  );
}
