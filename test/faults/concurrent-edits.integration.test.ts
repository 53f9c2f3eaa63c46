// Two (or eight) editors at once: everyone opened the same version of a record and presses Save in the same
// instant. For every kind of record people edit, exactly one save lands, every other is refused as a
// conflict (nothing silently overwritten), the version moves by one and the audit trail holds one update.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import type { AuditActor } from "@/lib/audit/record";
import { createBackupPolicy, updateBackupPolicy } from "@/lib/backups/policies";
import { backupPolicyFieldsSchema } from "@/lib/backups/schemas";
import { serviceFieldsSchema, systemFieldsSchema } from "@/lib/inventory/schemas";
import { createService, updateService } from "@/lib/inventory/services";
import { createSystem, updateSystem } from "@/lib/inventory/systems";
import { createChannel, updateChannel } from "@/lib/people/channels";
import { createContact, updateContact } from "@/lib/people/contacts";
import { createPolicy, updatePolicy } from "@/lib/people/policies";
import { channelFieldsSchema, contactFieldsSchema, policyFieldsSchema } from "@/lib/people/schemas";
import { createRunbook, updateRunbook } from "@/lib/recovery/runbooks";
import { runbookFieldsSchema } from "@/lib/recovery/schemas";
import { createUser, updateUser } from "@/lib/users/users";

const EDITORS = 8;
const editor = (i: number): AuditActor => ({ system: `editor-${i}` });

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

/** Fires one save per editor at once, each with its own change on the same starting version. */
async function race(entityId: string, save: (i: number) => Promise<unknown>) {
  const auditBefore = await t.db.auditEvent.count({ where: { entityId } });
  const results = await Promise.allSettled(Array.from({ length: EDITORS }, (_, i) => save(i)));
  const refused = results
    .filter((r) => r.status === "rejected")
    .map((r) => (r as PromiseRejectedResult).reason as { code?: string });
  return {
    landed: results.length - refused.length,
    refusedCodes: refused.map((r) => r.code),
    auditAdded: (await t.db.auditEvent.count({ where: { entityId } })) - auditBefore,
  };
}

function expectOneWinner(outcome: Awaited<ReturnType<typeof race>>) {
  expect(outcome.landed).toBe(1);
  expect(outcome.refusedCodes).toEqual(Array(EDITORS - 1).fill("CONFLICT"));
  expect(outcome.auditAdded).toBe(1);
}

describe(`${EDITORS} editors saving the same version at once`, () => {
  it("systems and services", async () => {
    const system = await createSystem(t.db, editor(0), systemFieldsSchema.parse({ name: "Race system" }));
    expectOneWinner(
      await race(system.id, (i) =>
        updateSystem(t.db, editor(i), {
          ...systemFieldsSchema.parse({ name: "Race system", description: `edit ${i}` }),
          id: system.id,
          version: system.version,
        }),
      ),
    );
    const after = await t.db.system.findUniqueOrThrow({ where: { id: system.id } });
    expect(after.version).toBe(system.version + 1);

    const fields = serviceFieldsSchema.parse({
      systemId: system.id,
      name: "race-api",
      tier: 2,
      rtoMinutes: null,
      rpoMinutes: null,
    });
    const service = await createService(t.db, editor(0), fields);
    expectOneWinner(
      await race(service.id, (i) =>
        updateService(t.db, editor(i), { ...fields, owner: `owner ${i}`, id: service.id, version: service.version }),
      ),
    );
    expect((await t.db.service.findUniqueOrThrow({ where: { id: service.id } })).version).toBe(service.version + 1);
  });

  it("contacts, channels and escalation policies", async () => {
    const fields = contactFieldsSchema.parse({ name: "Race contact" });
    const { id: contactId } = await createContact(t.db, editor(0), fields);
    const contact = await t.db.contact.findUniqueOrThrow({ where: { id: contactId } });
    expectOneWinner(
      await race(contact.id, (i) =>
        updateContact(t.db, editor(i), { ...fields, notes: `edit ${i}`, id: contact.id, version: contact.version }),
      ),
    );

    const channelFields = channelFieldsSchema.parse({
      name: "Race hook",
      type: "webhook",
      url: "https://hooks.example.test/race",
    });
    const { id: channelId } = await createChannel(t.db, editor(0), channelFields);
    const channel = await t.db.notificationChannel.findUniqueOrThrow({ where: { id: channelId } });
    expectOneWinner(
      await race(channel.id, (i) =>
        updateChannel(t.db, editor(i), {
          ...channelFields,
          name: `Race hook ${i}`,
          id: channel.id,
          version: channel.version,
        }),
      ),
    );

    const policyFields = policyFieldsSchema.parse({
      name: "Race policy",
      repeatTimes: 0,
      repeatAfterMinutes: 30,
      levels: [{ afterMinutes: 0, contactIds: [contact.id], channelIds: [channel.id] }],
    });
    const policy = await createPolicy(t.db, editor(0), policyFields);
    expectOneWinner(
      await race(policy.id, (i) =>
        updatePolicy(t.db, editor(i), { ...policyFields, repeatTimes: i + 1, id: policy.id, version: policy.version }),
      ),
    );
  });

  it("backup policies and runbooks", async () => {
    const system = await createSystem(t.db, editor(0), systemFieldsSchema.parse({ name: "Race system 2" }));
    const service = await createService(
      t.db,
      editor(0),
      serviceFieldsSchema.parse({ systemId: system.id, name: "race-db", tier: 1, rtoMinutes: null, rpoMinutes: null }),
    );
    const backupFields = backupPolicyFieldsSchema.parse({
      serviceId: service.id,
      name: "nightly",
      intervalMinutes: 1440,
    });
    const { id: backupId } = await createBackupPolicy(t.db, editor(0), backupFields);
    const backup = await t.db.backupPolicy.findUniqueOrThrow({ where: { id: backupId } });
    expectOneWinner(
      await race(backup.id, (i) =>
        updateBackupPolicy(t.db, editor(i), {
          ...backupFields,
          graceMinutes: 10 + i,
          id: backup.id,
          version: backup.version,
        }),
      ),
    );

    const runbookFields = runbookFieldsSchema.parse({
      systemId: system.id,
      name: "Race runbook",
      steps: [{ title: "Fail over", kind: "manual", timeoutSeconds: 600, retries: 0 }],
    });
    const runbook = await createRunbook(t.db, editor(0), runbookFields);
    expectOneWinner(
      await race(runbook.id, (i) =>
        updateRunbook(t.db, editor(i), {
          ...runbookFields,
          steps: [{ ...runbookFields.steps[0]!, title: `Fail over (${i})` }],
          id: runbook.id,
          version: runbook.version,
        }),
      ),
    );
    const steps = await t.db.runbookStep.findMany({ where: { runbookId: runbook.id } });
    expect(steps, "one editor's steps, not a mix").toHaveLength(1);
  });

  it("users", async () => {
    const { user } = await createUser(t.db, editor(0), {
      email: "race@example.test",
      name: "Race user",
      role: "viewer",
    });
    expectOneWinner(
      await race(user.id, (i) =>
        updateUser(t.db, editor(i), { id: user.id, version: user.version, name: `Race user ${i}` }),
      ),
    );
  });
});
