import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { NAV_ITEMS } from "@/lib/navigation";
import { Logo } from "./logo";
import { MainMenu } from "./main-menu";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";
import { SkipLink } from "./skip-link";

export function AppShell({ user, children }: { user: CurrentUser; children: React.ReactNode }) {
  const items = NAV_ITEMS.filter((item) => can(user.role, item.permission));
  return (
    <div className="min-h-screen">
      {/* The first thing Tab reaches: past the navigation, straight to the page. */}
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
          <Link href="/" className="flex items-center gap-2 font-semibold no-underline">
            <Logo /> Lifeboat
          </Link>
          <MainMenu>
            <nav aria-label="Main" className="flex flex-1 flex-col gap-1 lg:flex-row lg:flex-wrap">
              {items.map((item) => (
                <NavLink key={item.href} href={item.href} activePrefix={item.activePrefix}>
                  {item.label}
                </NavLink>
              ))}
            </nav>
            <div className="flex items-center justify-between gap-3 border-t border-slate-200 pt-3 text-sm lg:border-0 lg:pt-0">
              <span className="leading-tight lg:text-right">
                <Link href="/account" className="block font-medium hover:underline" data-testid="current-user">
                  {user.name}
                </Link>
                <span className="block text-xs text-slate-500" data-testid="current-role">
                  {ROLE_LABELS[user.role]}
                </span>
              </span>
              <SignOutButton />
            </div>
          </MainMenu>
        </div>
      </header>
      <main id="content" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none">
        {children}
      </main>
    </div>
  );
}
