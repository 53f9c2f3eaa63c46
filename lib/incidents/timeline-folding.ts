// Repeated delivery failures of one channel fold into one timeline row with a count, so a dead SMS gateway
// does not bury the timeline in red. The row sits where the newest failure is and says since when.
import type { TimelineEntry } from "./timeline";

/** ids: every event the row stands for (one, or all the failures it folds), so nothing on it is lost. */
export type FoldedEntry = TimelineEntry & { count: number; firstAt: string; ids: string[] };

const channelOf = (entry: TimelineEntry) => {
  const data = entry.data as { channelId?: unknown } | null;
  if (typeof data?.channelId === "string") return data.channelId;
  // Older rows without the channel: the "via <channel>" in the message.
  return /\bvia ([^(:]+)/.exec(entry.message)?.[1]?.trim() ?? entry.message;
};

/** Oldest first in and out. */
export function foldFailures(events: TimelineEntry[]): FoldedEntry[] {
  const newest = new Map<string, { index: number; count: number; firstAt: string; ids: string[] }>();
  events.forEach((event, index) => {
    if (event.kind !== "notification_failed") return;
    const key = `${event.incidentId}:${channelOf(event)}`;
    const seen = newest.get(key);
    const ids = [...(seen?.ids ?? []), String(event.id)];
    newest.set(key, { index, count: (seen?.count ?? 0) + 1, firstAt: seen?.firstAt ?? event.at, ids });
  });
  const kept = new Map([...newest.values()].map((v) => [v.index, v]));
  return events.flatMap((event, index) => {
    if (event.kind !== "notification_failed")
      return [{ ...event, count: 1, firstAt: event.at, ids: [String(event.id)] }];
    const fold = kept.get(index);
    return fold ? [{ ...event, count: fold.count, firstAt: fold.firstAt, ids: fold.ids }] : [];
  });
}
