"use client";
// The open board's data, kept current by the live stream: when an event says the board changed, it re-reads
// /api/incidents/board at once (a new incident must reach every open board within a second of its alert),
// then at most once per `gapMs` while events keep coming (an alert storm must not mean thirty reads a second).
// An answer that arrives after a newer one is dropped. Once a minute it re-reads with no event at all: RTO
// clocks run on, and the order follows them.
import { useCallback, useEffect, useRef, useState } from "react";
import type { BoardData } from "@/lib/incidents/dashboard";

const DATE_FIELDS = new Set(["declaredAt", "acknowledgedAt", "verifiedAt", "lastSeenAt", "first", "last"]);
const revive = (key: string, value: unknown) =>
  DATE_FIELDS.has(key) && typeof value === "string" ? new Date(value) : value;

export function useLiveBoard(initial: BoardData, query: string, gapMs = 400) {
  const [board, setBoard] = useState(initial);
  // A fresh server render of the page (a navigation back, a refresh) hands a newer board: show it.
  const [rendered, setRendered] = useState(initial);
  if (rendered !== initial) {
    setRendered(initial);
    setBoard(initial);
  }
  const asked = useRef(0);
  const shown = useRef(0);
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(async () => {
    const mine = ++asked.current;
    last.current = Date.now();
    const response = await fetch(`/api/incidents/board${query ? `?${query}` : ""}`, { cache: "no-store" }).catch(
      () => null,
    );
    // Signed out or the server away: keep what is shown; the next event or the minute tick tries again.
    if (!response?.ok) return;
    const data = JSON.parse(await response.text(), revive) as BoardData;
    if (mine < shown.current) return;
    shown.current = mine;
    setBoard(data);
  }, [query]);

  const refresh = useCallback(() => {
    if (timer.current) return; // one is already due: it will show this change too
    const wait = last.current + gapMs - Date.now();
    if (wait <= 0) void load();
    else
      timer.current = setTimeout(() => {
        timer.current = null;
        void load();
      }, wait);
  }, [load, gapMs]);

  useEffect(() => {
    const minute = setInterval(() => void load(), 60_000);
    return () => {
      clearInterval(minute);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [load]);

  return { board, refresh };
}
