"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/** A navigation link that is marked current when the path matches `href` exactly or one of `activePrefixes`. */
export function NavLink({
  href,
  activePrefix,
  also = [],
  children,
}: {
  href: string;
  activePrefix?: string;
  also?: string[];
  children: React.ReactNode;
}) {
  const pathname = usePathname();
  const prefixes = [activePrefix, ...also].filter((p): p is string => Boolean(p));
  const active =
    pathname === href ||
    prefixes.some((p) => (p === "/" ? pathname === "/" : pathname === p || pathname.startsWith(`${p}/`)));
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "rounded-md px-3 py-1.5 text-sm no-underline",
        active ? "bg-slate-100 font-medium text-slate-900" : "text-slate-600 hover:bg-slate-50",
      )}
    >
      {children}
    </Link>
  );
}
