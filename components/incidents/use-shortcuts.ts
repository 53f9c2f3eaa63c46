"use client";
// Single-key shortcuts for the incident pages. Ignored while typing in a field or with a modifier held,
// so they never eat a letter meant for a note.
import { useEffect, useRef } from "react";

export function useShortcuts(bindings: Record<string, () => void>) {
  const current = useRef(bindings);
  useEffect(() => {
    current.current = bindings;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      // Enter and Space belong to a focused link or button (the skip link, a card's title): the board's "Enter
      // opens the selected incident" took them over, so Enter on "Skip to content" opened an incident instead.
      if ((event.key === "Enter" || event.key === " ") && target?.closest("a[href], button, summary, [role='button']"))
        return;
      const action = current.current[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
