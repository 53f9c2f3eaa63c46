// On-call escalation in the browser: a policy level that pages a schedule is saved in the editor and the
// simulator names who is on call; a contact's notification rules are edited, reordered, and a rule whose channel
// cannot reach the contact is refused by name. Schedules are inserted directly (the schedule pages are another
// part of the app; this spec must not depend on them).
import { expect, test } from "@playwright/test";
import { randomBytes, randomUUID } from "node:crypto";
import { signInViaApi } from "./support/auth";
import { createTestUser, db } from "./support/db";

async function contact(name: string, fields: { phone?: string; email?: string } = {}) {
  const id = randomUUID();
  await db().query(
    `INSERT INTO "Contact" (id, name, phone, email, "confirmedAt", "updatedAt") VALUES ($1, $2, $3, $4, now(), now())`,
    [id, name, fields.phone ?? null, fields.email ?? null],
  );
  return id;
}

async function channel(name: string, type: "sms" | "voice") {
  const id = randomUUID();
  await db().query(
    `INSERT INTO "NotificationChannel" (id, name, type, url, "updatedAt") VALUES ($1, $2, $3, 'https://gateway.example/send', now())`,
    [id, name, type],
  );
  return id;
}

/** A schedule whose one daily layer has only `memberId` in it: they are always on call. */
async function schedule(name: string, memberId: string) {
  const id = randomUUID();
  const layerId = randomUUID();
  await db().query(
    `INSERT INTO "OnCallSchedule" (id, name, "timeZone", "updatedAt") VALUES ($1, $2, 'Europe/Berlin', now())`,
    [id, name],
  );
  await db().query(
    `INSERT INTO "ScheduleLayer" (id, "scheduleId", position, "timeZone", "startDate", "handoffTime", "shiftLength", "shiftUnit")
     VALUES ($1, $2, 1, 'Europe/Berlin', '2026-01-01', '09:00', 1, 'days')`,
    [layerId, id],
  );
  await db().query(`INSERT INTO "ScheduleLayerMember" ("layerId", position, "contactId") VALUES ($1, 0, $2)`, [
    layerId,
    memberId,
  ]);
  return id;
}

test.describe("on-call escalation", () => {
  test("a level targeting a schedule is saved in the editor, and the simulator names who is on call", async ({
    page,
  }) => {
    const suffix = randomBytes(3).toString("hex");
    const ana = await contact(`Ana ${suffix}`, { phone: "+14155550101" });
    const scheduleId = await schedule(`Primary ${suffix}`, ana);
    await channel(`SMS ${suffix}`, "sms");
    const commander = await createTestUser("commander");
    await signInViaApi(page, commander.email, commander.password);

    await page.goto("/people/policies/new");
    await page.getByLabel("Policy name").fill(`On-call ${suffix}`);
    await page.getByLabel("Level 1 roles").fill("");
    await page.getByLabel("Add a schedule to level 1").selectOption({ label: `Primary ${suffix}` });
    await page.getByLabel(`Level 1 via SMS ${suffix}`).check();
    await page.getByRole("button", { name: "Create policy" }).click();
    await expect(page.getByRole("heading", { name: `On-call ${suffix}` })).toBeVisible();
    // Reloaded from the database: the level shows its schedule.
    await expect(page.getByTestId("level-1")).toContainText(`Primary ${suffix}`);
    const { rows } = await db().query(
      `SELECT s."scheduleId" FROM "EscalationLevelSchedule" s JOIN "EscalationLevel" l ON l.id = s."levelId"
       JOIN "EscalationPolicy" p ON p.id = l."policyId" WHERE p.name = $1`,
      [`On-call ${suffix}`],
    );
    expect(rows).toEqual([{ scheduleId }]);

    await page.getByRole("link", { name: "Who is paged at T+N?" }).click();
    await expect(page.getByTestId("paging-summary")).toContainText(`On-call ${suffix}`);
    const row = page.getByTestId("paged-so-far").locator("tbody tr").first();
    await expect(row).toContainText(`Primary ${suffix} → Ana ${suffix} (on call at T+0m)`);
    await expect(row).toContainText("+14155550101");
  });

  test("the contact's notification rules are saved in order, and a rule whose channel cannot reach them is refused", async ({
    page,
  }) => {
    const suffix = randomBytes(3).toString("hex");
    const id = await contact(`Nia ${suffix}`, { email: `nia-${suffix}@example.com` });
    const sms = await channel(`SMS ${suffix}`, "sms");
    const voice = await channel(`Voice ${suffix}`, "voice");
    const commander = await createTestUser("commander");
    await signInViaApi(page, commander.email, commander.password);

    await page.goto(`/people/contacts/${id}`);
    await page.getByRole("button", { name: "+ Add rule" }).click();
    await page.getByLabel("Rule 1 channel").selectOption({ label: `SMS ${suffix} (sms)` });
    await page.getByRole("button", { name: "Save and confirm details" }).click();
    await expect(page.getByTestId("rule-errors")).toContainText(
      `Notification rule 1: SMS ${suffix} needs a phone number for Nia ${suffix}.`,
    );
    const stored = () =>
      db()
        .query(
          `SELECT "channelId", "afterMinutes" FROM "ContactNotificationRule" WHERE "contactId" = $1 ORDER BY position`,
          [id],
        )
        .then((r) => r.rows);
    expect(await stored()).toEqual([]);

    // With a phone: voice at +2 moved above SMS at +0 is saved in that order.
    await page.getByLabel("Phone").fill("+14155550177");
    await page.getByRole("button", { name: "+ Add rule" }).click();
    await page.getByLabel("Rule 2 channel").selectOption({ label: `Voice ${suffix} (voice)` });
    await expect(page.getByLabel("Rule 2 after minutes")).toHaveValue("2");
    await page.getByRole("button", { name: "Move rule 2 up" }).click();
    await expect(page.getByLabel("Rule 1 channel")).toHaveValue(voice);
    await page.getByRole("button", { name: "Save and confirm details" }).click();
    await expect(page).toHaveURL(/\/people$/);
    expect(await stored()).toEqual([
      { channelId: voice, afterMinutes: 2 },
      { channelId: sms, afterMinutes: 0 },
    ]);
    const saved = await db().query(
      `SELECT "preferredChannels"::text[] AS "preferredChannels" FROM "Contact" WHERE id = $1`,
      [id],
    );
    expect(saved.rows[0].preferredChannels).toEqual(["voice", "sms"]);
  });
});
