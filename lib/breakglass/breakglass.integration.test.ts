import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { DEMO_FLEET } from "@/lib/demo-fleet/fleet";
import { contactSelect, updateContact } from "@/lib/people/contacts";
import { updateContactSchema } from "@/lib/people/schemas";
import { DEMO_CHANNELS, DEMO_CONTACTS, DEMO_SYSTEMS } from "@/lib/seed/demo-plans";
import { seedDemo } from "@/lib/seed/seed-demo";
import { findChangeStamp, findBreakglass } from "./queries";
import { renderBreakglass } from "./render";
import { copyName, PACK_FILE, writeIfChanged } from "./write";

let t: TestDatabase;
let dir: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  dir = mkdtempSync(path.join(os.tmpdir(), "lifeboat-breakglass-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const copies = () =>
  readdirSync(dir)
    .filter((f) => /^lifeboat-breakglass-\d{4}-.*\.html$/.test(f))
    .sort();

describe("break-glass pack on Postgres", () => {
  it("holds every system, its waves, runbook steps and escalation, and the contacts' phones — but no secrets", async () => {
    const page = renderBreakglass(await findBreakglass(t.db));
    for (const system of DEMO_SYSTEMS) expect(page).toContain(system.name.replaceAll("&", "&amp;"));
    for (const service of DEMO_FLEET) expect(page).toContain(service.name);
    // Demo Shop: Payments DB before the Checkout API that needs it; NEURECTOMY waits on its EBS volumes first.
    expect(page).toMatch(
      /Wave 1<\/strong> \(in parallel\): Payments DB <span class="muted">T1<\/span>, Search.*?Wave 2<\/strong>: Checkout API/s,
    );
    expect(page).toMatch(
      /Wave 1<\/strong> \(in parallel\): API Gateway.*?EBS Volumes.*?Wave 2<\/strong>.*?PostgreSQL/s,
    );
    expect(page).toContain(`<pre class="command">./scripts/rotate-db-credentials.sh payments</pre>`);
    expect(page).toContain("POST /api/demo-fleet/checkout-api/restart");
    expect(page).toContain("Tier 1 standard escalation");
    for (const contact of DEMO_CONTACTS) if (contact.phone) expect(page).toContain(`href="tel:${contact.phone}"`);
    expect(page).toContain("https://hooks.slack.example/…");
    for (const channel of DEMO_CHANNELS) if (channel.url) expect(page).not.toContain(channel.url);
    expect(page).not.toContain("not-a-real-token");
    expect(page).not.toMatch(/\$2[aby]\$/); // bcrypt hashes
  });

  it("is one self-contained HTML file with no external assets", async () => {
    const page = renderBreakglass(await findBreakglass(t.db));
    expect(page.match(/<html/g)).toHaveLength(1);
    expect(page).not.toMatch(/<script|<link|<img|<iframe/i);
    expect(page).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(page).not.toMatch(/url\(|@import/i);
  });

  it("writes once, not again without changes, again after an audited change; keeps the last copies", async () => {
    const first = await writeIfChanged(t.db, { dir, now: new Date("2025-03-01T10:00:00.000Z") });
    expect(first).toMatchObject({ written: true });
    const file = path.join(dir, PACK_FILE);
    const written = readFileSync(file, "utf8");
    expect(written).toContain("Generated 2025-03-01 10:00 UTC");
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(copies()).toEqual([copyName(new Date("2025-03-01T10:00:00.000Z"))]);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);

    expect(await writeIfChanged(t.db, { dir, now: new Date("2025-03-01T10:00:30.000Z") })).toEqual({
      written: false,
      reason: "unchanged",
    });
    expect(readFileSync(file, "utf8")).toBe(written);

    const stamp = await findChangeStamp(t.db);
    const priya = await t.db.contact.findFirstOrThrow({ where: { name: "Priya Nair" }, select: contactSelect });
    await updateContact(t.db, { system: "test" }, updateContactSchema.parse({ ...priya, phone: "+14155550999" }));
    expect(await findChangeStamp(t.db)).not.toBe(stamp);

    expect(await writeIfChanged(t.db, { dir, now: new Date("2025-03-01T10:01:00.000Z") })).toMatchObject({
      written: true,
    });
    expect(readFileSync(file, "utf8")).toContain("tel:+14155550999");
    expect(copies()).toHaveLength(2);

    // An audited change that does not touch the pack (a demo service breaking) rewrites nothing.
    await t.db.auditEvent.create({
      data: { action: "demo.break", entityType: "DemoService", entityId: "search", actorEmail: "system:test" },
    });
    expect(await writeIfChanged(t.db, { dir, now: new Date("2025-03-01T10:01:30.000Z") })).toEqual({
      written: false,
      reason: "same content",
    });

    // A deleted pack comes back even without a change; old copies beyond the limit are removed.
    rmSync(file);
    expect(await writeIfChanged(t.db, { dir, now: new Date("2025-03-01T10:02:00.000Z"), keep: 2 })).toMatchObject({
      written: true,
    });
    expect(copies()).toEqual([
      copyName(new Date("2025-03-01T10:01:00.000Z")),
      copyName(new Date("2025-03-01T10:02:00.000Z")),
    ]);
  });

  it("notices a change that commits late, below an id it has already seen", async () => {
    // Audit ids are taken at insert and seen at commit: stand in for a slow transaction by hiding a row
    // just below the top, writing, then letting the row "commit".
    const [late] = await t.db.auditEvent.findMany({ orderBy: { id: "desc" }, skip: 1, take: 1 });
    await t.db.auditEvent.delete({ where: { id: late!.id } });
    await writeIfChanged(t.db, { dir });
    expect(await writeIfChanged(t.db, { dir })).toEqual({ written: false, reason: "unchanged" });
    await t.db.auditEvent.create({ data: { ...late!, before: undefined, after: undefined } });
    expect(await writeIfChanged(t.db, { dir })).toEqual({ written: false, reason: "same content" });
  });

  it("does nothing when no folder is configured", async () => {
    expect(await writeIfChanged(t.db)).toEqual({ written: false, reason: "disabled" });
  });
});
