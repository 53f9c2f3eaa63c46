// Taking the lead, handing over and resolving: who may, what is written, and that the plain status change
// no longer resolves. Real Postgres.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { acknowledgeIncident, changeStatus } from "./incidents";
import { handOverIncident, resolveIncident } from "./resolve";

let t: TestDatabase;
const jobs = { enqueue: async () => null };
const ic = { id: "ic1", email: "ic1@example.com" };
const ic2 = { id: "ic2", email: "ic2@example.com" };
const responder = { id: "r1", email: "r1@example.com" };

beforeAll(async () => {
  t = await createTestDatabase();
  for (const [u, role] of [
    [ic, "commander"],
    [ic2, "commander"],
    [responder, "responder"],
  ] as const)
    await t.db.user.create({ data: { ...u, name: u.email, passwordHash: "x", role } });
});

const incident = (data: { severity?: "SEV1" | "SEV3"; statusPageLevel?: "major_outage" | "operational" } = {}) =>
  t.db.incident.create({
    data: { title: "x", severity: data.severity ?? "SEV1", statusPageLevel: data.statusPageLevel },
  });

describe("acknowledging takes the lead", () => {
  it("makes a commander who acknowledges an unowned incident its commander, on the timeline and audited", async () => {
    const { id } = await incident();
    await acknowledgeIncident(t.db, ic, { incidentId: id });
    expect((await t.db.incident.findUniqueOrThrow({ where: { id } })).commanderId).toBe(ic.id);
    const line = await t.db.timelineEvent.findFirst({ where: { incidentId: id, kind: "commander_changed" } });
    expect(line?.message).toContain("took the lead");
    const audit = await t.db.auditEvent.findFirst({ where: { entityId: id, action: "incident.acknowledge" } });
    expect(JSON.stringify(audit?.after)).toContain(ic.id);
  });

  it("leaves an existing commander, and does not make a responder commander", async () => {
    const owned = await t.db.incident.create({ data: { title: "x", severity: "SEV1", commanderId: ic2.id } });
    await acknowledgeIncident(t.db, ic, { incidentId: owned.id });
    expect((await t.db.incident.findUniqueOrThrow({ where: { id: owned.id } })).commanderId).toBe(ic2.id);
    const { id } = await incident();
    await acknowledgeIncident(t.db, responder, { incidentId: id });
    expect((await t.db.incident.findUniqueOrThrow({ where: { id } })).commanderId).toBeNull();
  });
});

describe("hand over", () => {
  it("only the commander (or an admin) hands over, to an active admin or commander", async () => {
    const created = await t.db.incident.create({ data: { title: "x", severity: "SEV1", commanderId: ic.id } });
    await expect(
      handOverIncident(t.db, { ...ic2, role: "commander" }, { incidentId: created.id, version: 1, toUserId: ic2.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      handOverIncident(
        t.db,
        { ...ic, role: "commander" },
        { incidentId: created.id, version: 1, toUserId: responder.id },
      ),
    ).rejects.toMatchObject({ field: "toUserId" });
    const after = await handOverIncident(
      t.db,
      { ...ic, role: "commander" },
      { incidentId: created.id, version: 1, toUserId: ic2.id },
    );
    expect(after.commanderId).toBe(ic2.id);
    expect(await t.db.auditEvent.count({ where: { entityId: created.id, action: "incident.handover" } })).toBe(1);
  });
});

describe("resolving", () => {
  it("is refused through the plain status change", async () => {
    const { id } = await incident();
    await expect(
      changeStatus(t.db, jobs, ic, { incidentId: id, version: 1, status: "resolved", note: "" }),
    ).rejects.toMatchObject({ field: "status" });
  });

  it("needs a review owner and date for SEV1; posts the public update for a published incident", async () => {
    const { id } = await incident({ statusPageLevel: "major_outage" });
    const base = { incidentId: id, version: 1, summary: "disk full", publicUpdate: "All clear." };
    await expect(resolveIncident(t.db, jobs, ic, base)).rejects.toMatchObject({ field: "reviewOwnerId" });
    await resolveIncident(t.db, jobs, ic, { ...base, reviewOwnerId: ic2.id, reviewDueOn: "2030-01-02" });
    const row = await t.db.incident.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "resolved", resolutionSummary: "disk full", reviewOwnerId: ic2.id });
    expect(row.reviewDueAt?.toISOString()).toBe("2030-01-02T00:00:00.000Z");
    const update = await t.db.timelineEvent.findFirst({ where: { incidentId: id, kind: "resolved" } });
    expect(update).toMatchObject({ public: true, message: "All clear." });
    expect(await t.db.auditEvent.count({ where: { entityId: id, action: "incident.resolve" } })).toBe(1);
  });

  it("keeps the update internal for an incident that was never on the status page; SEV3 needs no review", async () => {
    const { id } = await incident({ severity: "SEV3", statusPageLevel: "operational" });
    await resolveIncident(t.db, jobs, ic, { incidentId: id, version: 1, summary: "flap", publicUpdate: "All clear." });
    const update = await t.db.timelineEvent.findFirst({ where: { incidentId: id, kind: "resolved" } });
    expect(update?.public).toBe(false);
  });
});
