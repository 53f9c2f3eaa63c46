import { describe, expect, it } from "vitest";
import { channelReadiness, isStale, maskUrl } from "./model";
import { levelContacts, pagingSchedule, resolvePolicy, whoIsPagedAt } from "./paging";
import { channels, contacts, NOW, policy, ready } from "./test-fixtures";

const summary = (pages: ReturnType<typeof pagingSchedule>) =>
  pages.map((p) => `${p.at} L${p.level} ${p.channel?.id ?? "-"}:${p.contact?.id ?? "room"}${p.reachable ? "" : "!"}`);

describe("paging simulator", () => {
  it("targets named contacts plus everyone filling a role (case-insensitive)", () => {
    expect(levelContacts(policy.levels[1]!, contacts).map((c) => c.id)).toEqual(["ben", "aws"]);
  });

  it("lists who is told, on which channel, and when, through one repeat", () => {
    const schedule = pagingSchedule(policy, contacts, channels, ready);
    expect(summary(schedule)).toEqual([
      "0 L1 sms:ana",
      "0 L1 slack:room",
      // Pages go out person by person (each contact's channels together, contacts by name).
      "15 L2 sms:ben!",
      "15 L2 mail:ben",
      "15 L2 sms:aws",
      "15 L2 mail:aws!",
      "30 L3 mail:cio",
      // cycle length = last level (30) + repeat wait (30)
      "60 L1 sms:ana",
      "60 L1 slack:room",
      "75 L2 sms:ben!",
      "75 L2 mail:ben",
      "75 L2 sms:aws",
      "75 L2 mail:aws!",
      "90 L3 mail:cio",
    ]);
    expect(schedule.find((p) => p.contact?.id === "ben" && p.channel?.id === "sms")?.problem).toBe(
      "Ben Lead has no phone",
    );
    expect(schedule.find((p) => p.channel?.id === "slack")?.address).toBe("https://hooks.slack.example/…");
  });

  it("answers 'who has been paged at T+N' and what comes next", () => {
    const at = whoIsPagedAt(pagingSchedule(policy, contacts, channels, ready), 20);
    expect(at.currentLevel).toBe(2);
    expect(at.fired).toHaveLength(6);
    expect(at.upcoming[0]).toMatchObject({ at: 30, level: 3 });
    expect(whoIsPagedAt([], 5)).toEqual({ minute: 5, fired: [], upcoming: [], currentLevel: null });
  });

  it("marks every email page unreachable when SMTP is not configured", () => {
    const pages = pagingSchedule({ ...policy, repeatTimes: 0 }, contacts, channels, channelReadiness(false)).filter(
      (p) => p.channel?.id === "mail",
    );
    expect(pages.every((p) => !p.reachable && p.problem === "Email needs SMTP settings (SMTP_URL)")).toBe(true);
  });

  it("fires levels by time even when their positions are out of order", () => {
    const shuffled = {
      ...policy,
      repeatTimes: 0,
      levels: [
        { ...policy.levels[0]!, position: 2, afterMinutes: 10 },
        { ...policy.levels[2]!, position: 1, afterMinutes: 5 },
      ],
    };
    expect(pagingSchedule(shuffled, contacts, channels, ready).map((p) => p.at)).toEqual([5, 10, 10]);
  });

  it("resolves the system's own policy before its tier's", () => {
    const policies = [
      { systemId: null, tier: 1, name: "tier" },
      { systemId: "sys", tier: null, name: "own" },
    ];
    expect(resolvePolicy(policies, { systemId: "sys", tier: 1 })?.name).toBe("own");
    expect(resolvePolicy(policies, { systemId: "other", tier: 1 })?.name).toBe("tier");
    expect(resolvePolicy(policies, { systemId: "other", tier: 2 })).toBeNull();
  });
});

describe("contact details", () => {
  it("are stale after 90 days or when never confirmed", () => {
    expect(isStale(new Date(NOW.getTime() - 89 * 86_400_000), NOW)).toBe(false);
    expect(isStale(new Date(NOW.getTime() - 91 * 86_400_000), NOW)).toBe(true);
    expect(isStale(null, NOW)).toBe(true);
  });

  it("masks webhook tokens", () => {
    expect(maskUrl("https://hooks.example/services/T1/B2/secret")).toBe("https://hooks.example/…");
    expect(maskUrl("nonsense")).toBe("(invalid URL)");
  });
});

describe("schedule targets and contact rules", () => {
  const voice = {
    id: "voice",
    name: "Voice",
    type: "voice" as const,
    url: "https://voice.example/call",
    enabled: true,
  };
  const withVoice = [...channels, voice];
  const ruled = contacts.map((c) =>
    c.id === "ana"
      ? {
          ...c,
          rules: [
            { channelId: "sms", afterMinutes: 0 },
            { channelId: "voice", afterMinutes: 2 },
            { channelId: "mail", afterMinutes: 5 },
          ],
        }
      : c,
  );
  const oneLevel = (level: Partial<(typeof policy.levels)[number]>) => ({
    ...policy,
    repeatTimes: 0,
    levels: [
      { position: 1, afterMinutes: 10, contactIds: [], roleTargets: [], channelIds: ["sms", "slack"], ...level },
    ],
  });
  const schedules = [{ id: "primary", name: "Payments primary" }];

  it("pages a contact with rules on each rule's channel at +0, +2 and +5 min from the level, not the level's channels", () => {
    const pages = pagingSchedule(oneLevel({ contactIds: ["ana"] }), ruled, withVoice, ready);
    expect(summary(pages)).toEqual(["10 L1 sms:ana", "10 L1 slack:room", "12 L1 voice:ana", "15 L1 mail:ana"]);
    expect(pages.find((p) => p.channel?.id === "voice")?.address).toBe("+14155550101");
  });

  it("leaves a schedule target as one unresolved page when nobody resolves it (real escalation: when it fires)", () => {
    const pages = pagingSchedule(oneLevel({ scheduleIds: ["primary"] }), ruled, withVoice, ready, { schedules });
    expect(pages[0]).toMatchObject({ at: 10, channel: null, contact: null, schedule: schedules[0], reachable: true });
    expect(summary(pages)).toEqual(["10 L1 -:room", "10 L1 slack:room"]);
  });

  it("resolves a schedule target to whoever is on call at the level's minute, through their rules", () => {
    const asked: number[] = [];
    const onCall = (id: string, minute: number) => (asked.push(minute), id === "primary" ? "ana" : null);
    const pages = pagingSchedule(oneLevel({ scheduleIds: ["primary"] }), ruled, withVoice, ready, {
      schedules,
      onCall,
    });
    expect(asked).toEqual([10]);
    expect(pages[0]!.schedule).toEqual({ id: "primary", name: "Payments primary", onCallAt: 10 });
    expect(summary(pages)).toEqual(["10 L1 sms:ana", "10 L1 slack:room", "12 L1 voice:ana", "15 L1 mail:ana"]);
    expect(pages.filter((p) => p.contact).every((p) => p.schedule?.name === "Payments primary")).toBe(true);
  });

  it("a contact without rules paged through a schedule gets the level's person channels", () => {
    const pages = pagingSchedule(
      oneLevel({ scheduleIds: ["primary"], channelIds: ["sms", "mail"] }),
      contacts,
      channels,
      ready,
      {
        schedules,
        onCall: () => "cio",
      },
    );
    expect(summary(pages)).toEqual(["10 L1 sms:cio", "10 L1 mail:cio"]);
  });

  it("names the gap when nobody is on call, and does not page someone twice on one level", () => {
    const gap = pagingSchedule(oneLevel({ scheduleIds: ["primary"] }), ruled, withVoice, ready, {
      schedules,
      onCall: () => null,
    });
    expect(gap[0]).toMatchObject({ reachable: false, problem: "nobody is on call for Payments primary" });
    const twice = pagingSchedule(oneLevel({ contactIds: ["ana"], scheduleIds: ["primary"] }), ruled, withVoice, ready, {
      schedules,
      onCall: () => "ana",
    });
    expect(twice.filter((p) => p.contact?.id === "ana")).toHaveLength(3);
  });

  it("counts the furthest level as current even when an earlier level's rule page comes later", () => {
    const two = {
      ...policy,
      repeatTimes: 0,
      levels: [
        { position: 1, afterMinutes: 0, contactIds: ["ana"], roleTargets: [], channelIds: ["sms"] },
        { position: 2, afterMinutes: 3, contactIds: ["cio"], roleTargets: [], channelIds: ["mail"] },
      ],
    };
    const at = whoIsPagedAt(pagingSchedule(two, ruled, withVoice, ready), 5);
    expect(at.fired.map((p) => `${p.at}:${p.channel?.id}:${p.contact?.id}`)).toEqual([
      "0:sms:ana",
      "2:voice:ana",
      "3:mail:cio",
      "5:mail:ana",
    ]);
    expect(at.currentLevel).toBe(2);
  });
});
