"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export function NavLink({ href, activePrefix, children }: { href: string; activePrefix: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const active = activePrefix === "/" ? pathname === "/" : pathname.startsWith(activePrefix);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn("rounded-md px-3 py-1.5 text-sm", active ? "bg-slate-100 font-medium text-slate-900" : "text-slate-600 hover:bg-slate-50")}
    >
      {children}
    </Link>
  );
}
