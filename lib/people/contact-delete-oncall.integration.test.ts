// Deleting a contact who is on call somewhere is refused by name (their layer seat or override would otherwise
// trip the foreign key as a bare 500), and nothing is deleted.
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/database";
import { createOverride, createSchedule } from "@/lib/oncall/schedules";
import { overrideFieldsSchema, scheduleFieldsSchema } from "@/lib/oncall/schemas";
import { deleteContact } from "./contacts";

const actor = { system: "test" };

describe("deleting an on-call contact", () => {
  it("is refused naming the schedules of their rotation seat or override; the contact stays", async () => {
    const { db } = await createTestDatabase();
    const create = (name: string) => db.contact.create({ data: { name }, select: { id: true, version: true } });
    const [ana, ben, cy] = await Promise.all([create("Ana"), create("Ben"), create("Cy")]);
    const schedule = (await createSchedule(
      db,
      actor,
      scheduleFieldsSchema.parse({
        name: "Payments primary",
        timeZone: "UTC",
        layers: [
          {
            timeZone: "UTC",
            startDate: "2027-01-04",
            handoffTime: "09:00",
            shiftLength: 1,
            shiftUnit: "weeks",
            memberIds: [ana.id],
          },
        ],
      }),
    ))!;
    await createOverride(
      db,
      actor,
      overrideFieldsSchema.parse({
        scheduleId: schedule.id,
        contactId: ben.id,
        startsAt: "2027-01-05T00:00:00Z",
        endsAt: "2027-01-06T00:00:00Z",
      }),
    );

    await expect(deleteContact(db, actor, { id: ana.id, version: ana.version })).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage:
        "Ana is on call (a rotation or an override) in the schedules Payments primary. Remove them there first.",
    });
    await expect(deleteContact(db, actor, { id: ben.id, version: ben.version })).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringContaining("Payments primary"),
    });
    expect(await db.contact.count({ where: { id: { in: [ana.id, ben.id] } } })).toBe(2);
    // Someone on no schedule is deleted as before.
    await deleteContact(db, actor, { id: cy.id, version: cy.version });
    expect(await db.contact.count({ where: { id: cy.id } })).toBe(0);
  });
});
