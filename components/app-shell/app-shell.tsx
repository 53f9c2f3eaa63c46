import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { NAV_ITEMS } from "@/lib/navigation";
import { Logo } from "./logo";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

export function AppShell({ user, children }: { user: CurrentUser; children: React.ReactNode }) {
  const items = NAV_ITEMS.filter((item) => can(user.role, item.permission));
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
          <Link href="/" className="flex items-center gap-2 font-semibold">
            <Logo /> Lifeboat
          </Link>
          <nav aria-label="Main" className="flex flex-1 gap-1">
            {items.map((item) => (
              <NavLink key={item.href} href={item.href} activePrefix={item.activePrefix}>
                {item.label}
              </NavLink>
            ))}
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <span className="text-right leading-tight">
              <Link href="/account" className="block font-medium hover:underline" data-testid="current-user">
                {user.name}
              </Link>
              <span className="block text-xs text-slate-500" data-testid="current-role">
                {ROLE_LABELS[user.role]}
              </span>
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
