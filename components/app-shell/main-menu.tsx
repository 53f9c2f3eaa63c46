"use client";
// Below the lg breakpoint the main navigation and the account block (with Sign out) fold behind one Menu button,
// so a phone's page is as wide as the phone. The links are rendered once: the button only shows or hides them.
import { usePathname } from "next/navigation";
import { useState } from "react";
import { cn } from "@/components/ui/cn";

export function MainMenu({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  // Open for the page it was opened on: following a link closes it (no effect needed to reset it).
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  return (
    <>
      <button
        type="button"
        className="ml-auto inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 lg:hidden"
        aria-expanded={open}
        aria-controls="main-menu"
        onClick={() => setOpenOn(open ? null : pathname)}
        onKeyDown={(event) => event.key === "Escape" && setOpenOn(null)}
      >
        <svg viewBox="0 0 20 20" aria-hidden className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
          {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
        </svg>
        Menu
      </button>
      <div
        id="main-menu"
        className={cn(
          "w-full flex-col gap-3 lg:flex lg:w-auto lg:flex-1 lg:flex-row lg:items-center lg:gap-6",
          open ? "flex" : "hidden",
        )}
      >
        {children}
      </div>
    </>
  );
}
