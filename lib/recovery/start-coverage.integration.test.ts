// The server side of the safe runbook choice: a runbook that covers none of the incident's affected services
// starts only with an explicit confirmation, so a stale page or a hand-made request cannot skip the question.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { findRunbookChoices } from "./queries";
import { startRun } from "./runs";

let t: TestDatabase;
const jobs = { enqueue: async () => null };
const actor = { id: "u1", email: "ic@example.com" };
let ids: { db: string; api: string; dbRunbook: string; apiRunbook: string; system: string };

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.user.create({
    data: { id: "u1", email: "ic@example.com", name: "IC", passwordHash: "x", role: "commander" },
  });
  const system = await t.db.system.create({ data: { name: "Shop" } });
  const db = await t.db.service.create({ data: { systemId: system.id, name: "Payments DB", tier: 1 } });
  const api = await t.db.service.create({ data: { systemId: system.id, name: "Checkout API", tier: 1 } });
  const runbook = (name: string, serviceId: string) =>
    t.db.runbook.create({
      data: {
        systemId: system.id,
        name,
        steps: {
          create: [
            { position: 1, title: "restart", kind: "wait", config: { seconds: 0 } },
            {
              position: 2,
              title: "healthy",
              kind: "healthcheck",
              config: { url: "http://x" },
              serviceIds: [serviceId],
            },
          ],
        },
      },
    });
  ids = {
    system: system.id,
    db: db.id,
    api: api.id,
    dbRunbook: (await runbook("Payments DB restart", db.id)).id,
    apiRunbook: (await runbook("Checkout API down", api.id)).id,
  };
});

const incidentOn = (serviceIds: string[]) =>
  t.db.incident.create({
    data: {
      title: "x",
      severity: "SEV1",
      systemId: ids.system,
      services: { create: serviceIds.map((serviceId) => ({ serviceId })) },
    },
  });

describe("starting a runbook for an incident", () => {
  it("ranks the runbook whose health checks verify the affected service first", async () => {
    const choices = await findRunbookChoices(t.db, [ids.db]);
    expect(choices.best).toBe(ids.dbRunbook);
    expect(choices.others.map((o) => o.runbook.id)).toEqual([ids.apiRunbook]);
  });

  it("refuses a runbook that covers none of the affected services without confirmUncovered", async () => {
    const incident = await incidentOn([ids.db]);
    await expect(
      startRun(t.db, jobs, actor, { runbookId: ids.apiRunbook, incidentId: incident.id }),
    ).rejects.toMatchObject({
      field: "confirmUncovered",
    });
    expect(await t.db.recoveryRun.count({ where: { incidentId: incident.id } })).toBe(0);
    const confirmed = await startRun(t.db, jobs, actor, {
      runbookId: ids.apiRunbook,
      incidentId: incident.id,
      confirmUncovered: true,
    });
    expect(confirmed.created).toBe(true);
  });

  it("starts a covering runbook without a confirmation", async () => {
    const incident = await incidentOn([ids.db, ids.api]);
    const run = await startRun(t.db, jobs, actor, { runbookId: ids.dbRunbook, incidentId: incident.id });
    expect(run.created).toBe(true);
  });

  it("asks for the confirmation when the incident names no services at all", async () => {
    const incident = await incidentOn([]);
    await expect(
      startRun(t.db, jobs, actor, { runbookId: ids.dbRunbook, incidentId: incident.id }),
    ).rejects.toMatchObject({
      field: "confirmUncovered",
    });
  });
});
