import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { addDependency, removeDependency } from "./dependencies";
import { findRelated, findServiceDetail } from "./service-detail";
import { findServiceCount, findServicePage, serviceListQuerySchema } from "./service-list";
import { createService, deleteService, updateService } from "./services";
import { createSystem, deleteSystem } from "./systems";
import { findSystemRecoveryOrder } from "./system-order";
import { serviceFieldsSchema } from "./schemas";

let t: TestDatabase;
const actor = { system: "test" };
let systemId: string;
const ids: Record<string, string> = {};

async function service(name: string, tier: number, extra: Partial<Record<string, unknown>> = {}, inSystem = systemId) {
  const fields = serviceFieldsSchema.parse({
    systemId: inSystem,
    name,
    tier,
    rtoMinutes: "",
    rpoMinutes: "",
    ...extra,
  });
  const created = await createService(t.db, actor, fields);
  ids[name] = created.id;
  return created;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.tierDefault.createMany({
    data: [1, 2, 3, 4].map((tier) => ({ tier, rtoMinutes: tier * 60, rpoMinutes: tier * 30 })),
  });
  systemId = (
    await createSystem(t.db, actor, { name: "Shop", description: "", drStrategy: "", primaryRegion: "", drRegion: "" })
  ).id;
  await service("web", 2, { rtoMinutes: 30 });
  await service("api", 1, { rtoMinutes: 15 });
  await service("cache", 2);
  await service("db", 1, { rtoMinutes: 60 });
  await service("disk", 3);
  for (const [from, to] of [
    ["web", "api"],
    ["api", "cache"],
    ["api", "db"],
    ["cache", "db"],
    ["db", "disk"],
  ] as const) {
    await addDependency(t.db, actor, { serviceId: ids[from]!, dependsOnId: ids[to]! });
  }
});

describe("inventory on Postgres", () => {
  it("derives the recovery waves of a system", async () => {
    const order = await findSystemRecoveryOrder(t.db, systemId);
    expect(order.waves.map((w) => w.services.map((s) => s.name))).toEqual([
      ["disk"],
      ["db"],
      ["cache"],
      ["api"],
      ["web"],
    ]);
  });

  it("refuses an edge that closes a cycle, naming the whole cycle, and stores nothing", async () => {
    const before = await t.db.serviceDependency.count();
    await expect(addDependency(t.db, actor, { serviceId: ids.disk!, dependsOnId: ids.web! })).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: "That would create a dependency cycle: disk → web → api → db → disk.",
    });
    await expect(addDependency(t.db, actor, { serviceId: ids.db!, dependsOnId: ids.db! })).rejects.toMatchObject({
      userMessage: "db cannot depend on itself.",
    });
    await expect(addDependency(t.db, actor, { serviceId: ids.db!, dependsOnId: "nope" })).rejects.toMatchObject({
      field: "dependsOnId",
    });
    expect(await t.db.serviceDependency.count()).toBe(before);
  });

  it("two opposite edges added at once never both land", async () => {
    const a = await service("left", 3);
    const b = await service("right", 3);
    const results = await Promise.allSettled([
      addDependency(t.db, actor, { serviceId: a.id, dependsOnId: b.id }),
      addDependency(t.db, actor, { serviceId: b.id, dependsOnId: a.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      await t.db.serviceDependency.count({
        where: { serviceId: { in: [a.id, b.id] }, dependsOnId: { in: [a.id, b.id] } },
      }),
    ).toBe(1);
  });

  it("computes the blast radius transitively, once per service at its nearest distance", async () => {
    const dependents = await findRelated(t.db, ids.db!, "dependents");
    expect(dependents.map((d) => [d.name, d.depth])).toEqual([
      ["api", 1],
      ["cache", 1],
      ["web", 2],
    ]);
    const detail = await findServiceDetail(t.db, ids.api!);
    // api (RTO 15) depends on db (RTO 60) and cache (tier-2 default 120): both warned.
    expect(detail!.rtoWarnings.map((w) => w.dependency.name).sort()).toEqual(["cache", "db"]);
    expect(detail!.blastSummary).toMatchObject({ total: 1, tightestRto: { name: "web", rtoMinutes: 30 } });
  });

  it("allows cross-system dependencies and lists them as external prerequisites", async () => {
    const other = await createSystem(t.db, actor, {
      name: "Platform",
      description: "",
      drStrategy: "",
      primaryRegion: "",
      drRegion: "",
    });
    const dns = await service("dns", 1, {}, other.id);
    await addDependency(t.db, actor, { serviceId: ids.web!, dependsOnId: dns.id });
    const order = await findSystemRecoveryOrder(t.db, systemId);
    expect(order.external).toEqual([
      { serviceId: ids.web, dependsOnId: dns.id, dependsOnName: "dns", dependsOnSystem: "Platform" },
    ]);
    await removeDependency(t.db, actor, { serviceId: ids.web!, dependsOnId: dns.id });
  });

  it("refuses a duplicate name in a system on the name field, and a stale update", async () => {
    await expect(service("api", 2)).rejects.toMatchObject({ code: "CONFLICT", field: "name" });
    const web = await t.db.service.findUniqueOrThrow({ where: { id: ids.web! } });
    const fields = serviceFieldsSchema.parse({ ...web, rtoMinutes: 20, healthCheckUrl: "", rpoMinutes: "" });
    await updateService(t.db, { system: "first-editor" }, { ...fields, id: web.id, version: web.version });
    await expect(
      updateService(t.db, actor, { ...fields, rtoMinutes: 25, id: web.id, version: web.version }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringContaining("rtoMinutes 30 → 20"),
    });
  });

  it("deleting a depended-on service needs the dependents confirmed, then detaches them with audit", async () => {
    const disk = await t.db.service.findUniqueOrThrow({ where: { id: ids.disk! } });
    await expect(
      deleteService(t.db, actor, { id: disk.id, version: disk.version, confirmDependents: [] }),
    ).rejects.toMatchObject({
      userMessage: expect.stringContaining("1 service(s) depend on disk: db"),
    });
    expect(await t.db.service.count({ where: { id: disk.id } })).toBe(1);
    await deleteService(t.db, actor, { id: disk.id, version: disk.version, confirmDependents: [ids.db!] });
    expect(await t.db.service.count({ where: { id: disk.id } })).toBe(0);
    expect(
      await t.db.auditEvent.count({ where: { action: "dependency.delete", entityId: `${ids.db}->${disk.id}` } }),
    ).toBe(1);
  });

  it("lists, filters, sorts and pages with a cursor", async () => {
    const all = await findServicePage(t.db, serviceListQuerySchema.parse({ system: systemId, sort: "rto" }), 2);
    expect(all.services.map((s) => s.name)).toEqual(["api", "web"]);
    const next = await findServicePage(
      t.db,
      serviceListQuerySchema.parse({ system: systemId, sort: "rto", after: all.nextCursor }),
      2,
    );
    expect(next.services.map((s) => [s.name, s.rtoMinutes, s.rtoFromTier])).toEqual([
      ["db", 60, false],
      ["cache", 120, true],
    ]);
    expect(
      (await findServicePage(t.db, serviceListQuerySchema.parse({ q: "CAC" }))).services.map((s) => s.name),
    ).toEqual(["cache"]);
    expect(await findServiceCount(t.db, { system: systemId, tier: 1 })).toBe(2);
    const desc = await findServicePage(
      t.db,
      serviceListQuerySchema.parse({ system: systemId, sort: "name", dir: "desc" }),
      3,
    );
    expect(desc.services.map((s) => s.name)).toEqual(["web", "right", "left"]);
  });

  it("only deletes an empty system, detaching its policy and removing its matrix with audit events", async () => {
    const shop = await t.db.system.findUniqueOrThrow({ where: { id: systemId } });
    await expect(deleteSystem(t.db, actor, { id: shop.id, version: shop.version })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    const empty = await createSystem(t.db, actor, {
      name: "Empty",
      description: "",
      drStrategy: "",
      primaryRegion: "",
      drRegion: "",
    });
    const policy = await t.db.escalationPolicy.create({ data: { name: "Empty policy", systemId: empty.id } });
    await t.db.notificationMatrix.create({ data: { id: empty.id, systemId: empty.id, version: 1 } });
    await deleteSystem(t.db, actor, { id: empty.id, version: empty.version });
    expect(await t.db.escalationPolicy.findUniqueOrThrow({ where: { id: policy.id } })).toMatchObject({
      systemId: null,
      version: 2,
    });
    expect(await t.db.notificationMatrix.count({ where: { id: empty.id } })).toBe(0);
    expect(
      await t.db.auditEvent.count({
        where: { action: { in: ["policy.update", "matrix.delete"] }, actorEmail: "system:test" },
      }),
    ).toBe(2);
  });

  it("ignores a forged cursor instead of failing", async () => {
    const forged = Buffer.from(JSON.stringify({ v: 1, id: "x" })).toString("base64url");
    const page = await findServicePage(t.db, serviceListQuerySchema.parse({ sort: "name", after: forged }));
    expect(page.services.length).toBeGreaterThan(0);
    const huge = Buffer.from(JSON.stringify({ v: 1e10, id: "x" })).toString("base64url");
    expect(
      (await findServicePage(t.db, serviceListQuerySchema.parse({ sort: "rto", after: huge }))).services.length,
    ).toBeGreaterThan(0);
  });
});

describe("tier defaults", () => {
  it("updates only what changed, audits it, and refuses a stale version", async () => {
    const { updateTierDefaults, findTierDefaults } = await import("./tier-defaults");
    const [tier1] = await findTierDefaults(t.db);
    await updateTierDefaults(t.db, actor, [
      { tier: 1, version: tier1!.version, rtoMinutes: 20, rpoMinutes: tier1!.rpoMinutes },
    ]);
    expect((await findTierDefaults(t.db))[0]).toMatchObject({ tier: 1, rtoMinutes: 20, version: tier1!.version + 1 });
    expect(await t.db.auditEvent.count({ where: { action: "tier_default.update", entityId: "1" } })).toBe(1);
    await expect(
      updateTierDefaults(t.db, actor, [{ tier: 1, version: tier1!.version, rtoMinutes: 25, rpoMinutes: 5 }]),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringContaining("rtoMinutes 60 → 20"),
    });
  });
});
