// "Nobody reached yet" and the folding of repeated failures: the rules behind the red banner and the timeline.
import { describe, expect, it } from "vitest";
import { judgePaging, pagingHeadline } from "./paging-health";
import { foldFailures } from "./timeline-folding";
import type { TimelineEntry } from "./timeline";

describe("paging health", () => {
  it("nobody reached while every page failed: names the failing channels", () => {
    const health = judgePaging(
      [
        { channel: "Slack #incidents", state: "failed", count: 2 },
        { channel: "SMS gateway", state: "failed", count: 3 },
      ],
      false,
    );
    expect(health).toMatchObject({ nobodyReached: true, attempted: 5 });
    expect(pagingHeadline(health)).toBe("Nobody reached yet: SMS gateway and Slack #incidents failing");
  });

  it("one delivered page, or an acknowledgement, means someone was reached", () => {
    const rows = [
      { channel: "SMS gateway", state: "failed", count: 3 },
      { channel: "Email", state: "sent", count: 1 },
    ];
    expect(judgePaging(rows, false)).toMatchObject({
      reached: true,
      nobodyReached: false,
      failingChannels: ["SMS gateway"],
    });
    expect(judgePaging([{ channel: "SMS gateway", state: "failed", count: 1 }], true).nobodyReached).toBe(false);
  });

  it("says nothing before the first page goes out", () => {
    expect(judgePaging([], false).nobodyReached).toBe(false);
  });
});

const entry = (id: number, kind: string, channelId?: string): TimelineEntry => ({
  id: String(id),
  incidentId: "i1",
  at: new Date(Date.UTC(2026, 0, 1, 0, id)).toISOString(),
  kind,
  actorName: "escalation",
  message: `event ${id}`,
  public: false,
  data: channelId ? { channelId } : null,
});

describe("timeline folding", () => {
  it("folds failures of one channel into the newest, with a count and the first time", () => {
    const folded = foldFailures([
      entry(1, "declared"),
      entry(2, "notification_failed", "sms"),
      entry(3, "notification_failed", "slack"),
      entry(4, "notification_failed", "sms"),
      entry(5, "note"),
      entry(6, "notification_failed", "sms"),
    ]);
    expect(folded.map((e) => [e.id, e.count])).toEqual([
      ["1", 1],
      ["3", 1],
      ["5", 1],
      ["6", 3],
    ]);
    expect(folded.at(-1)!.firstAt).toBe(entry(2, "x").at);
  });
});
