"use client";
// The outage page recovers by itself, as it promises: it asks /api/health every few seconds and, once the
// database answers, re-renders the page it stands in for (a live page whose refresh hit the outage would
// otherwise stay on the outage notice until someone reloads it).
import { useRouter } from "next/navigation";
import { useEffect } from "react";

const CHECK_MS = 3000;

export function RecoverWhenBack() {
  const router = useRouter();
  useEffect(() => {
    let stopped = false;
    const check = async () => {
      const response = await fetch("/api/health", { cache: "no-store" }).catch(() => null);
      if (stopped) return;
      if (response?.ok) router.refresh();
      else timer = setTimeout(check, CHECK_MS);
    };
    let timer = setTimeout(check, CHECK_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [router]);
  return null;
}
