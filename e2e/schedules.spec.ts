// On-call schedules as people use them: a commander builds a two-layer schedule, covers a shift with an
// override, reads the timeline and "on call now", and subscribes to the feed; bad input (an override ending
// before it starts, a handoff at a time the clocks skip) is named on its field and stores nothing; a viewer
// sees the schedule but cannot change it, and a forged change is refused.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DateTime } from "luxon";
import { randomBytes } from "node:crypto";
import { signInViaApi } from "./support/auth";
import { createTestUser, db } from "./support/db";
import { MIN_TARGET, measurePhone, PHONE } from "./support/phone";
import { callServerAction } from "./support/server-action";

const ZONE = "Europe/Berlin";
const local = (at: DateTime) => at.setZone(ZONE).toFormat("yyyy-MM-dd'T'HH:mm");

test("a commander builds a two-layer schedule with an override, sees who is on call, and subscribes to its feed", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const commander = await createTestUser("commander");
  await signInViaApi(page, commander.email, commander.password);
  const name = `Payments ${randomBytes(3).toString("hex")}`;

  await page.goto("/people/schedules");
  await page.getByRole("link", { name: "New schedule" }).click();
  await page.getByLabel("Schedule name").fill(name);
  await page.getByLabel("Shown in time zone").fill(ZONE);
  await page.getByLabel("Layer 1 time zone").fill(ZONE);
  await page.getByLabel("Layer 1 start date").fill(DateTime.now().setZone(ZONE).minus({ days: 10 }).toISODate()!);
  await page.getByLabel("Layer 1 handoff time").fill("09:00");
  await page.getByLabel("Add a person to layer 1").selectOption({ label: "Priya Nair" });
  await page.getByLabel("Add a person to layer 1").selectOption({ label: "Tom Becker" });
  await page.getByRole("button", { name: "Move Tom Becker up in layer 1" }).click();
  await expect(page.getByTestId("layer-1-members")).toHaveText(/1\.Tom Becker.*2\.Priya Nair/);

  await page.getByRole("button", { name: "+ Add layer" }).click();
  await page.getByLabel("Layer 2 name").fill("Business hours");
  await page.getByLabel("Layer 2 shift unit").selectOption("days");
  await page.getByLabel("Add a person to layer 2").selectOption({ label: "Dana Okafor" });
  await page.getByRole("button", { name: "+ Window" }).last().click();
  await expect(page.getByLabel("Layer 2 window 1 Mon")).toBeChecked();
  await expect(page.getByLabel("Layer 2 window 1 Sat")).not.toBeChecked();
  await page.getByRole("button", { name: "Create schedule" }).click();

  await expect(page.getByRole("heading", { name })).toBeVisible();
  const { rows } = await db().query(
    `SELECT s.id, l.position, l."shiftUnit", l.restrictions, array_agg(c.name ORDER BY m.position) AS members
     FROM "OnCallSchedule" s JOIN "ScheduleLayer" l ON l."scheduleId" = s.id
     JOIN "ScheduleLayerMember" m ON m."layerId" = l.id JOIN "Contact" c ON c.id = m."contactId"
     WHERE s.name = $1 GROUP BY s.id, l.id ORDER BY l.position`,
    [name],
  );
  expect(rows.map((r) => [r.position, r.shiftUnit, r.members, r.restrictions])).toEqual([
    [1, "weeks", ["Tom Becker", "Priya Nair"], []],
    [2, "days", ["Dana Okafor"], [{ days: [1, 2, 3, 4, 5], from: "09:00", to: "17:00" }]],
  ]);
  const scheduleId = rows[0].id as string;

  // The timeline: a row per layer and the final row, each bar labelled with the person and its local times.
  const timeline = page.getByTestId("schedule-timeline");
  await expect(timeline.getByTestId("timeline-layer-1").getByTestId("timeline-bar").first()).toBeVisible();
  await expect(timeline.getByTestId("timeline-layer-2").getByTestId("timeline-bar").first()).toContainText("Dana");
  const finalBars = timeline.getByTestId("timeline-final").getByTestId("timeline-bar");
  expect(await finalBars.count()).toBeGreaterThan(4);
  await expect(finalBars.first()).toHaveAttribute("title", /→ .* \(Europe\/Berlin\)$/);
  await expect(page.getByTestId("on-call-now")).toContainText(/Tom Becker|Priya Nair|Dana Okafor/);

  // Bad input: an override that ends before it starts is named on "To", and nothing is stored.
  const now = DateTime.now();
  await page.getByLabel("Who covers").selectOption({ label: "AWS Enterprise Support" });
  await page.getByLabel("From", { exact: true }).fill(local(now.plus({ hours: 5 })));
  await page.getByLabel("To", { exact: true }).fill(local(now.plus({ hours: 2 })));
  await page.getByRole("button", { name: "Add override" }).click();
  await expect(page.getByText("The override ends before it starts")).toBeVisible();
  const overrides = () =>
    db()
      .query(`SELECT "startsAt", "endsAt" FROM "ScheduleOverride" WHERE "scheduleId" = $1`, [scheduleId])
      .then((r) => r.rows);
  expect(await overrides()).toEqual([]);

  // A good one, typed in the schedule's zone: it wins now.
  await page.getByLabel("From", { exact: true }).fill(local(now.minus({ hours: 1 })));
  await page.getByLabel("To", { exact: true }).fill(local(now.plus({ hours: 3 })));
  await page.getByLabel("Reason").fill("covering a dentist appointment");
  await page.getByRole("button", { name: "Add override" }).click();
  await expect(page.getByTestId("overrides")).toContainText("AWS Enterprise Support");
  await expect(page.getByTestId("on-call-now")).toContainText("AWS Enterprise Support (override)");
  const [stored] = await overrides();
  // datetime-local has minutes: the instant stored is the Berlin wall-clock time typed, to the minute.
  expect(Math.abs(stored.startsAt.getTime() - now.minus({ hours: 1 }).startOf("minute").toMillis())).toBeLessThan(1000);
  await expect(timeline.getByTestId("timeline-final").getByTestId("timeline-bar").first()).toContainText("AWS");

  // The list and /command show who is on call now.
  await page.goto("/people/schedules");
  await expect(page.getByTestId("schedule-card").filter({ hasText: name })).toContainText("AWS Enterprise Support");
  await page.goto("/command");
  await expect(page.getByTestId("on-call-panel")).toContainText("Platform primary");

  // The feed: a secret URL anyone with it can read (no session), iCal with the schedule's zone.
  await page.goto(`/people/schedules/${scheduleId}`);
  await page.getByRole("button", { name: "Create link" }).click();
  const url = page.getByLabel("Calendar feed URL");
  await expect(url).toHaveValue(/\/api\/calendar\/schedules\/[A-Za-z0-9_-]{43}$/);
  const feedUrl = await url.inputValue();
  const feed = await request.get(feedUrl);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const ics = await feed.text();
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics.match(/BEGIN:VEVENT/g)!.length).toBeGreaterThan(5);
  expect(ics).toContain("TZID=Europe/Berlin");
  expect(ics).toContain("AWS Enterprise Support on call");
  // A new link revokes the old one.
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "New link" }).click();
  await expect(url).not.toHaveValue(feedUrl);
  expect((await request.get(feedUrl)).status()).toBe(404);

  // Bad input: a first handoff at 02:30 on the spring-forward day is named on its field; the version stays.
  await page.getByLabel("Layer 1 start date").fill("2027-03-28");
  await page.getByLabel("Layer 1 handoff time").fill("02:30");
  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByText("02:30 does not exist on 2027-03-28 in Europe/Berlin")).toBeVisible();
  const after = await db().query(
    `SELECT s.version, l."startDate", l."handoffTime" FROM "OnCallSchedule" s JOIN "ScheduleLayer" l ON l."scheduleId" = s.id WHERE s.id = $1 AND l.position = 1`,
    [scheduleId],
  );
  expect(after.rows[0]).toMatchObject({ version: 1, handoffTime: "09:00" });

  // Removing the override gives the range back to the layers.
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: /^Remove override: AWS Enterprise Support/ }).click();
  await expect(page.getByTestId("overrides")).toHaveCount(0);
  await expect(page.getByTestId("on-call-now")).not.toContainText("AWS Enterprise Support");
  expect(await overrides()).toEqual([]);
  await expect(page.getByTestId("schedule-history")).toContainText("schedule.create");
});

test("a viewer sees schedules and who is on call but cannot edit; a forged override is refused", async ({
  page,
  baseURL,
}) => {
  const viewer = await createTestUser("viewer");
  await signInViaApi(page, viewer.email, viewer.password);
  await page.goto("/people/schedules");
  await expect(page.getByRole("link", { name: "New schedule" })).toHaveCount(0);
  await page.getByRole("link", { name: "Platform primary" }).click();
  await expect(page.getByTestId("on-call-now")).toContainText(/Priya Nair|Tom Becker|Dana Okafor/);
  await expect(page.getByTestId("timeline-final").getByTestId("timeline-bar").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Save schedule" })).toHaveCount(0);
  await expect(page.getByLabel("Layer 1 handoff time")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Add override" })).toHaveCount(0);
  await expect(page.getByLabel("Calendar feed URL")).toHaveCount(0);

  const { rows } = await db().query(
    `SELECT s.id, (SELECT id FROM "Contact" WHERE name = 'Dana Okafor') AS dana FROM "OnCallSchedule" s WHERE s.name = 'Platform primary'`,
  );
  const count = async () =>
    (await db().query(`SELECT count(*)::int AS n FROM "ScheduleOverride" WHERE "scheduleId" = $1`, [rows[0].id]))
      .rows[0].n;
  const before = await count();
  const forged = await callServerAction(
    page.request,
    "app/(app)/people/schedules/actions.ts",
    "createOverrideAction",
    [
      {
        scheduleId: rows[0].id,
        contactId: rows[0].dana,
        startsAt: new Date().toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
    ],
    baseURL!,
  );
  expect(forged.text).toContain("Your role does not allow this.");
  expect(await count()).toBe(before);
});

test("a responder covers a shift: the override form is there, the layers are read-only", async ({ page }) => {
  const responder = await createTestUser("responder", "cover");
  await signInViaApi(page, responder.email, responder.password);
  await page.goto("/people/schedules");
  await page.getByRole("link", { name: "Platform primary" }).click();
  await expect(page.getByRole("button", { name: "Add override" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save schedule" })).toHaveCount(0);
  await expect(page.getByLabel("Layer 2 shift unit")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Delete schedule" })).toHaveCount(0);
  await expect(page.getByLabel("Calendar feed URL")).toHaveCount(0);
});

test("a contact's page shows their shifts and their own feed; the schedule and contact pages pass axe", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const commander = await createTestUser("commander", "contact-feed");
  await signInViaApi(page, commander.email, commander.password);
  await page.goto("/people");
  await page.getByRole("link", { name: "Tom Becker" }).first().click();
  // The demo schedule seats Tom in both layers: he is on call now or has a next shift within two weeks.
  const onCall = page.getByTestId("contact-on-call");
  await expect(onCall).toContainText("Platform primary");
  await expect(onCall).toContainText(/on call now until|next /);
  await page.getByRole("button", { name: "Create link" }).click();
  const url = page.getByLabel("Calendar feed URL");
  await expect(url).toHaveValue(/\/api\/calendar\/contacts\/[A-Za-z0-9_-]{43}$/);
  const feed = await request.get(await url.inputValue());
  expect(feed.status()).toBe(200);
  const ics = await feed.text();
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toContain("SUMMARY:On call: Platform primary");
  expect(ics).toContain("TZID=Europe/Berlin");
  // Someone else's token shape but not a token of ours: a bare 404.
  expect((await request.get("/api/calendar/contacts/" + "B".repeat(43))).status()).toBe(404);

  const contactPath = new URL(page.url()).pathname;
  await page.goto("/people/schedules");
  await page.getByRole("link", { name: "Platform primary" }).click();
  await expect(page.getByTestId("schedule-timeline")).toBeVisible();
  for (const path of [new URL(page.url()).pathname, contactPath]) {
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"])
      .analyze();
    const blocking = violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3)}`);
    console.log(`[axe] ${path}: ${blocking.length} serious or critical`);
    expect(blocking).toEqual([]);
  }
});

test.describe("on a phone", () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test("the schedule list and a schedule's page (editor, timeline, overrides) fit 390 px with 44 px targets", async ({
    page,
  }) => {
    const commander = await createTestUser("commander", "phone-schedules");
    await signInViaApi(page, commander.email, commander.password);
    await page.goto("/people/schedules");
    await page.getByRole("link", { name: "Platform primary" }).click();
    await expect(page.getByTestId("schedule-timeline")).toBeVisible();
    for (const path of ["/people/schedules", new URL(page.url()).pathname]) {
      await page.goto(path);
      const { scrollWidth, innerWidth, targets, sticksOut } = await measurePhone(page);
      const small = targets.filter((t) => t.width < MIN_TARGET - 0.05 || t.height < MIN_TARGET - 0.05);
      console.log(`[phone] ${path}: ${scrollWidth} px wide, ${targets.length} tap targets, ${small.length} small`);
      expect(scrollWidth, `${path} scrolls sideways: ${sticksOut.join("; ")}`).toBeLessThanOrEqual(PHONE.width);
      expect(innerWidth).toBe(PHONE.width);
      expect(small, `${path}: tap targets under ${MIN_TARGET} px`).toEqual([]);
    }
  });
});
