import { describe, expect, it } from "vitest";
import { lintMatrix, type LintInput } from "./lint";
import { channelReadiness } from "./model";
import { channels, contacts, NOW, policy, ready } from "./test-fixtures";

const base: LintInput = {
  policies: [policy],
  contacts,
  channels,
  systems: [{ id: "shop", name: "Shop", topTier: 1 }],
  readiness: ready,
  now: NOW,
};
const codes = (input: Partial<LintInput>) =>
  lintMatrix({ ...base, ...input }).map((f) => `${f.code}${f.level ? `@${f.level}` : ""}`);

describe("matrix linter", () => {
  it("flags a stale contact on a Tier 1 path and a phone channel for someone without a phone", () => {
    expect(codes({})).toEqual([
      "phone-channel-without-phone@2",
      "stale-contact-on-tier1-path@2",
      "stale-contact-on-tier1-path@3",
    ]);
  });

  it("flags a Tier 1 system without any policy, but not a Tier 2 one", () => {
    const systems = [
      { id: "a", name: "A", topTier: 1 },
      { id: "b", name: "B", topTier: 2 },
    ];
    expect(codes({ policies: [], systems })).toEqual(["tier1-system-without-policy"]);
  });

  it("flags a level no one can receive, and a channel that cannot deliver", () => {
    const lonely = {
      ...policy,
      levels: [{ position: 1, afterMinutes: 0, contactIds: ["ben"], roleTargets: [], channelIds: ["mail"] }],
    };
    expect(codes({ policies: [lonely], readiness: channelReadiness(false), systems: [] })).toEqual([
      "level-unreachable@1",
      "channel-not-ready@1",
    ]);
  });

  it("flags levels out of time order and a level that pages the same people again", () => {
    const repeated = {
      ...policy,
      tier: 2,
      levels: [
        { position: 1, afterMinutes: 10, contactIds: ["ana"], roleTargets: [], channelIds: ["sms"] },
        { position: 2, afterMinutes: 10, contactIds: [], roleTargets: ["on-call engineer"], channelIds: ["sms"] },
      ],
    };
    expect(codes({ policies: [repeated], systems: [] })).toEqual([
      "levels-out-of-time-order@2",
      "same-people-as-previous-level@2",
    ]);
  });
});
