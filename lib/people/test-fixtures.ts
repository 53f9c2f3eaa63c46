import { channelReadiness, type PagingChannel, type PagingContact, type PagingPolicy } from "./model";

export const NOW = new Date("2026-11-21T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

export const contacts: PagingContact[] = [
  {
    id: "ana",
    name: "Ana On-call",
    email: "ana@example.com",
    phone: "+14155550101",
    roles: ["on-call engineer"],
    external: false,
    confirmedAt: daysAgo(10),
  },
  {
    id: "ben",
    name: "Ben Lead",
    email: "ben@example.com",
    phone: null,
    roles: ["team lead"],
    external: false,
    confirmedAt: daysAgo(200),
  },
  {
    id: "aws",
    name: "Cloud Support",
    email: null,
    phone: "+18005550199",
    roles: [],
    external: true,
    confirmedAt: daysAgo(5),
  },
  {
    id: "cio",
    name: "Cleo Management",
    email: "cleo@example.com",
    phone: "+14155550103",
    roles: ["management"],
    external: false,
    confirmedAt: null,
  },
];

export const channels: PagingChannel[] = [
  { id: "sms", name: "SMS gateway", type: "sms", url: "https://sms.example/send?token=secret", enabled: true },
  { id: "mail", name: "Email", type: "email", url: null, enabled: true },
  {
    id: "slack",
    name: "Slack #incidents",
    type: "webhook",
    url: "https://hooks.slack.example/services/T000/B000/XXXX",
    enabled: true,
  },
];

export const policy: PagingPolicy = {
  id: "p1",
  name: "Tier 1 standard",
  systemId: null,
  tier: 1,
  repeatTimes: 1,
  repeatAfterMinutes: 30,
  levels: [
    { position: 1, afterMinutes: 0, contactIds: [], roleTargets: ["On-call engineer"], channelIds: ["sms", "slack"] },
    { position: 2, afterMinutes: 15, contactIds: ["aws"], roleTargets: ["team lead"], channelIds: ["sms", "mail"] },
    { position: 3, afterMinutes: 30, contactIds: [], roleTargets: ["management"], channelIds: ["mail"] },
  ],
};

export const ready = channelReadiness(true);
