// Page links on real Postgres: one link per incident and contact, a token that cannot be forged or edited,
// each action once (a replay writes nothing), refusals after resolve, and the acknowledge write refusing a
// resolved incident for everyone (the `a` key included).
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { acknowledgeIncident } from "./incidents";
import { actFromPage, actFromPageForm } from "./page-actions";
import { CODE_ALPHABET, issuePageLink, pageLinkText, verifyPageLink } from "./page-links";

let t: TestDatabase;
const enqueued: unknown[] = [];
const jobs = { enqueue: async (_tx: unknown, _queue: string, data: object) => enqueued.push(data) };
let ana = { id: "", name: "Ana Ruiz" };
let ben = { id: "", name: "Ben Okafor" };

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.user.create({
    data: { id: "u-x", email: "ic@example.com", name: "IC", passwordHash: "x", role: "commander" },
  });
  ana = await t.db.contact.create({
    data: { name: "Ana Ruiz", phone: "+14155550101" },
    select: { id: true, name: true },
  });
  ben = await t.db.contact.create({
    data: { name: "Ben Okafor", phone: "+14155550102" },
    select: { id: true, name: true },
  });
});

async function openIncident() {
  const incident = await t.db.incident.create({ data: { title: "Ledger down", severity: "SEV1" } });
  // Two planned levels, as planEscalation writes them: level 1 sent, level 2 due in 10 minutes.
  await t.db.escalationPage.createMany({
    data: [
      { incidentId: incident.id, dueAt: new Date(), cycle: 0, level: 1, contactId: ana.id, state: "sent" },
      { incidentId: incident.id, dueAt: new Date(Date.now() + 600_000), cycle: 0, level: 2, contactId: ben.id },
    ],
  });
  return incident;
}

const tokenOf = (url: string) => url.split("/p/")[1]!;
const lines = (incidentId: string) =>
  t.db.timelineEvent.findMany({ where: { incidentId }, orderBy: { id: "asc" }, select: { kind: true, message: true } });

describe("issuing and verifying", () => {
  it("issues one link per incident and contact, with a 6-character code from the unambiguous alphabet", async () => {
    const incident = await openIncident();
    const first = await issuePageLink(t.db, { incidentId: incident.id, contactId: ana.id });
    const again = await issuePageLink(t.db, { incidentId: incident.id, contactId: ana.id });
    const other = await issuePageLink(t.db, { incidentId: incident.id, contactId: ben.id });
    expect(again).toEqual(first);
    expect(other.code).not.toBe(first.code);
    expect(first.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{6}$`));
    expect(first.url).toMatch(/\/p\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(await t.db.pageLink.count({ where: { incidentId: incident.id } })).toBe(2);
    const row = await t.db.pageLink.findUniqueOrThrow({ where: { id: first.linkId } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(24 * 3600_000 - 5_000);
    expect(await pageLinkText(t.db, { incidentId: incident.id, contactId: ana.id })).toBe(
      `Acknowledge or escalate: ${first.url} — or reply ACK ${first.code} / ESC ${first.code}`,
    );
  });

  it("refuses an edited, swapped or malformed token alike", async () => {
    const incident = await openIncident();
    const a = tokenOf((await issuePageLink(t.db, { incidentId: incident.id, contactId: ana.id })).url);
    const b = tokenOf((await issuePageLink(t.db, { incidentId: incident.id, contactId: ben.id })).url);
    expect((await verifyPageLink(t.db, a))?.contactId).toBe(ana.id);
    const [idA, macA] = a.split(".") as [string, string];
    const [idB, macB] = b.split(".") as [string, string];
    const flipped = macA.slice(0, -1) + (macA.endsWith("A") ? "B" : "A");
    for (const forged of [`${idA}.${macB}`, `${idB}.${macA}`, `${idA}.${flipped}`, idA, "", "x.y", `${idA}.${macA}x`])
      expect(await verifyPageLink(t.db, forged)).toBeNull();
  });
});

describe("acting from the page", () => {
  it("acknowledges once as the contact: named on the timeline, audited without a user; a replay writes nothing", async () => {
    const incident = await openIncident();
    const { url } = await issuePageLink(t.db, { incidentId: incident.id, contactId: ana.id });
    expect(await actFromPageForm(t.db, jobs, tokenOf(url), "acknowledge")).toBe("acknowledged");
    const after = await t.db.incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(after.acknowledgedBy).toBe("Ana Ruiz");
    const acks = (await lines(incident.id)).filter((l) => l.kind === "acknowledged");
    expect(acks.map((l) => l.message)).toEqual([expect.stringContaining("Ana Ruiz acknowledged (from the page link)")]);
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { entityId: incident.id, action: "incident.acknowledge" },
    });
    expect(audit.actorEmail).toBeNull();
    expect(audit.actorId).toBeNull();
    expect(JSON.stringify(audit.after)).toContain('"name":"Ana Ruiz"');
    // The pending level-2 page was cancelled by the acknowledgement.
    expect(await t.db.escalationPage.count({ where: { incidentId: incident.id, state: "pending" } })).toBe(0);
    const before = (await lines(incident.id)).length;
    expect(await actFromPageForm(t.db, jobs, tokenOf(url), "acknowledge")).toBe("used");
    expect(await actFromPageForm(t.db, jobs, tokenOf(url), "escalate")).toBe("already-acknowledged");
    expect((await lines(incident.id)).length).toBe(before);
  });

  it("escalates once: the next level's pages become due now and an escalation job is queued", async () => {
    const incident = await openIncident();
    const { linkId } = await issuePageLink(t.db, { incidentId: incident.id, contactId: ana.id });
    enqueued.length = 0;
    const result = await actFromPage(t.db, jobs, { linkId, action: "escalate", via: "SMS reply" });
    expect(result.message).toContain("level 2");
    const next = await t.db.escalationPage.findFirstOrThrow({ where: { incidentId: incident.id, level: 2 } });
    expect(next.dueAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(enqueued).toEqual([{ incidentId: incident.id }]);
    expect((await lines(incident.id)).map((l) => l.message)).toContain(
      "Ana Ruiz escalated to the next level (by SMS reply): level 2, 1 page(s) going out now.",
    );
    await expect(actFromPage(t.db, jobs, { linkId, action: "escalate", via: "page link" })).rejects.toMatchObject({
      kind: "used",
    });
  });

  it("refuses an expired link and a resolved incident, and writes nothing", async () => {
    const incident = await openIncident();
    const { linkId } = await issuePageLink(t.db, { incidentId: incident.id, contactId: ana.id });
    await t.db.pageLink.update({ where: { id: linkId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(actFromPage(t.db, jobs, { linkId, action: "acknowledge", via: "page link" })).rejects.toMatchObject({
      kind: "expired",
      userMessage: "This link expired.",
    });
    await t.db.incident.update({ where: { id: incident.id }, data: { status: "resolved", resolvedAt: new Date() } });
    await expect(actFromPage(t.db, jobs, { linkId, action: "acknowledge", via: "page link" })).rejects.toMatchObject({
      kind: "resolved",
      userMessage: expect.stringMatching(/^INC-\d+ is resolved\.$/),
    });
    expect((await lines(incident.id)).filter((l) => l.kind === "acknowledged")).toEqual([]);
  });
});

describe("acknowledging a resolved incident", () => {
  it("is refused with a clear message for a signed-in person too (the `a` key), and stores nothing", async () => {
    const incident = await t.db.incident.create({
      data: { title: "Done", severity: "SEV2", status: "resolved", resolvedAt: new Date() },
    });
    await expect(
      acknowledgeIncident(t.db, { id: "u-x", email: "ic@example.com" }, { incidentId: incident.id }),
    ).rejects.toMatchObject({ code: "CONFLICT", userMessage: expect.stringContaining("is resolved") });
    const after = await t.db.incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(after.acknowledgedAt).toBeNull();
    expect(await t.db.timelineEvent.count({ where: { incidentId: incident.id } })).toBe(0);
  });
});
