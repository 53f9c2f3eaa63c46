import { expect, test, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { signInViaApi } from "./support/auth";
import { createTestUser, db } from "./support/db";
import { callServerAction } from "./support/server-action";

// A real webhook receiver on loopback: the app posts to it over HTTP.
let receiver: Server;
const received: { path: string; body: { text?: string } }[] = [];
let hookBase = "";

test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", body: JSON.parse(data || "{}") });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  hookBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

async function addWebhookChannel(page: Page, name: string) {
  await page.goto("/people/channels");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("URL").fill(`${hookBase}/hooks/${name.replace(/\W/g, "")}/secret-token`);
  await page.getByRole("button", { name: "Add channel" }).click();
  await expect(page.getByTestId(`channel-row-${name}`)).toBeVisible();
}

async function createPolicy(page: Page, name: string, channel: string) {
  await page.goto("/people/policies/new");
  await page.getByLabel("Policy name").fill(name);
  await page.getByLabel("Level 1 roles").fill("on-call engineer");
  await page.getByLabel(`Level 1 via ${channel}`).check();
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const { rows } = await db().query(`SELECT id FROM "EscalationPolicy" WHERE name = $1`, [name]);
  return rows[0].id as string;
}

test.describe("people", () => {
  test("an editor adds a webhook channel, sends a real test, and builds a policy in the table", async ({ page }) => {
    const commander = await createTestUser("commander");
    await signInViaApi(page, commander.email, commander.password);
    const suffix = randomBytes(3).toString("hex");
    const channel = `Hook ${suffix}`;
    await addWebhookChannel(page, channel);
    await expect(page.getByTestId(`channel-row-${channel}`)).not.toContainText("secret-token");

    await page.getByRole("button", { name: `Send test through ${channel}` }).click();
    await expect(page.getByTestId(`test-result-${channel}`)).toContainText("Sent to");
    await expect
      .poll(() => received.some((r) => r.path.includes(suffix) && r.body.text?.includes("Lifeboat test notification")))
      .toBe(true);

    const policyId = await createPolicy(page, `Policy ${suffix}`, channel);
    await page.getByRole("button", { name: "+ Add level" }).click();
    await expect(page.getByLabel("Level 2 after minutes")).toHaveValue("15");
    await page.getByLabel("Add a contact to level 2").selectOption({ label: "Tom Becker" });
    await page.getByLabel("Level 1 after minutes").fill("5");
    await page.getByRole("button", { name: "Save policy" }).click();
    await expect(page.getByText("Version 2")).toBeVisible();

    const { rows } = await db().query(
      `SELECT l.position, l."afterMinutes", array_agg(c.name) FILTER (WHERE c.name IS NOT NULL) AS contacts
       FROM "EscalationLevel" l LEFT JOIN "EscalationLevelContact" lc ON lc."levelId" = l.id LEFT JOIN "Contact" c ON c.id = lc."contactId"
       WHERE l."policyId" = $1 GROUP BY l.id ORDER BY l.position`,
      [policyId],
    );
    expect(rows).toEqual([
      { position: 1, afterMinutes: 5, contacts: null },
      { position: 2, afterMinutes: 15, contacts: ["Tom Becker"] },
    ]);
    await expect(page.getByTestId("policy-history")).toContainText("policy.update");

    // Bad input: two levels at the same minute are refused on the table, nothing saved.
    await page.getByLabel("Level 2 after minutes").fill("5");
    await page.getByRole("button", { name: "Save policy" }).click();
    await expect(page.getByTestId("level-errors")).toContainText("Level 2 fires at 5 min, like level 1");
    expect((await db().query(`SELECT version FROM "EscalationPolicy" WHERE id = $1`, [policyId])).rows[0].version).toBe(
      2,
    );
  });

  test("two editors on the same policy: the second sees the conflict and what changed, nothing is lost", async ({
    browser,
  }) => {
    const [alice, bob] = [await createTestUser("commander", "alice"), await createTestUser("commander", "bob")];
    const pageA = await (await browser.newContext()).newPage();
    const pageB = await (await browser.newContext()).newPage();
    await signInViaApi(pageA, alice.email, alice.password);
    await signInViaApi(pageB, bob.email, bob.password);
    const suffix = randomBytes(3).toString("hex");
    await addWebhookChannel(pageA, `Room ${suffix}`);
    const policyId = await createPolicy(pageA, `Shared ${suffix}`, `Room ${suffix}`);
    await pageB.goto(`/people/policies/${policyId}`);

    await pageA.getByLabel("Repeat the policy").fill("4");
    await pageA.getByRole("button", { name: "Save policy" }).click();
    await expect(pageA.getByText("Version 2")).toBeVisible();

    await pageB.getByLabel("Level 1 roles").fill("team lead");
    await pageB.getByRole("button", { name: "Save policy" }).click();
    await expect(pageB.getByTestId("form-error")).toContainText("Someone else changed this policy");
    await expect(pageB.getByTestId("form-error")).toContainText(`${alice.email} changed repeatTimes 1 → 4`);

    const { rows } = await db().query(
      `SELECT p."repeatTimes", l."roleTargets" FROM "EscalationPolicy" p JOIN "EscalationLevel" l ON l."policyId" = p.id WHERE p.id = $1`,
      [policyId],
    );
    expect(rows).toEqual([{ repeatTimes: 4, roleTargets: ["on-call engineer"] }]);
  });

  test("a viewer cannot edit: controls are off and a forged save is refused", async ({ page, baseURL }) => {
    const viewer = await createTestUser("viewer");
    await signInViaApi(page, viewer.email, viewer.password);
    await page.goto("/people/policies");
    await expect(page.getByRole("link", { name: "New policy" })).toHaveCount(0);
    await page.getByRole("link", { name: "Tier 1 standard escalation" }).click();
    await expect(page.getByRole("button", { name: "Save policy" })).toHaveCount(0);
    await expect(page.getByLabel("Level 1 after minutes")).toBeDisabled();

    const { rows } = await db().query(
      `SELECT id, version, name FROM "EscalationPolicy" WHERE name = 'Tier 1 standard escalation'`,
    );
    const forged = await callServerAction(
      page.request,
      "app/(app)/people/actions.ts",
      "updatePolicyAction",
      [
        {
          id: rows[0].id,
          version: rows[0].version,
          name: "Hijacked",
          repeatTimes: 0,
          repeatAfterMinutes: 5,
          levels: [{ afterMinutes: 0, roleTargets: ["x"], channelIds: ["x"] }],
        },
      ],
      baseURL!,
    );
    expect(forged.text).toContain("Your role does not allow this.");
    expect(
      (await db().query(`SELECT name, version FROM "EscalationPolicy" WHERE id = $1`, [rows[0].id])).rows[0],
    ).toEqual({ name: rows[0].name, version: rows[0].version });
  });

  test("contacts: bad phone refused on the field; a contact still paged cannot be deleted, and says where", async ({
    page,
  }) => {
    const commander = await createTestUser("commander");
    await signInViaApi(page, commander.email, commander.password);
    await page.goto("/people/contacts/new");
    await page.getByLabel("Name").fill("Nora Nobody");
    await page.getByLabel("Phone").fill("555-0100");
    await page.getByLabel("Email", { exact: true }).fill("nora@");
    await page.getByRole("button", { name: "Add contact" }).click();
    await expect(page.getByText("Phone must be in international E.164 form, e.g. +14155550123")).toBeVisible();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    expect((await db().query(`SELECT count(*)::int AS n FROM "Contact" WHERE name = 'Nora Nobody'`)).rows[0].n).toBe(0);

    await page.goto("/people");
    await page.getByRole("link", { name: "AWS Enterprise Support" }).click();
    await expect(page.getByTestId("contact-usage")).toContainText("Tier 1 standard escalation (level 2)");
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Delete contact" }).click();
    await expect(page.getByTestId("form-error")).toContainText(
      "is still paged by Tier 1 standard escalation (level 2)",
    );
    expect(
      (await db().query(`SELECT count(*)::int AS n FROM "Contact" WHERE name = 'AWS Enterprise Support'`)).rows[0].n,
    ).toBe(1);
  });

  test("who is paged at T+20 for a Tier 1 system follows the Tier 1 policy", async ({ page }) => {
    const responder = await createTestUser("responder");
    await signInViaApi(page, responder.email, responder.password);
    await page.goto("/people/paging");
    await page.getByLabel("System").selectOption({ label: "Vocare Restaurant Assistant" });
    await page.getByLabel("Minute (T+N)").fill("20");
    await page.getByRole("button", { name: "Simulate" }).click();
    await expect(page.getByTestId("paging-summary")).toContainText("Tier 1 standard escalation");
    await expect(page.getByTestId("paging-summary")).toContainText("level 2 has fired");
    await expect(page.getByTestId("paged-so-far")).toContainText("Tom Becker");
    await expect(page.getByTestId("paged-next").locator("tbody tr").first()).toContainText("Dana Okafor");
  });
});

test("the notification matrix is edited as a table: a rule without its minutes is refused, then saved", async ({
  page,
}) => {
  const commander = await createTestUser("commander");
  await signInViaApi(page, commander.email, commander.password);
  await page.goto("/people/matrix");
  const before = (
    await db().query(
      `SELECT count(*)::int AS n, max(m.version) AS v FROM "NotificationRule" r JOIN "NotificationMatrix" m ON m.id = r."matrixId" WHERE m.id = 'default'`,
    )
  ).rows[0];
  const rows = page.getByTestId("matrix-table").locator("tbody tr");
  await expect(rows).toHaveCount(before.n);
  await page.getByRole("button", { name: "+ Add rule" }).click();
  const n = before.n + 1;
  await page.getByLabel(`Rule ${n} event`).selectOption("progress_update");
  await page.getByLabel(`Rule ${n} audience`).selectOption("external");
  await page.getByLabel(`Rule ${n} recipients`).fill("Key accounts");
  await page.getByLabel(`Rule ${n} timing`).selectOption("every");
  await page.getByRole("button", { name: "Save matrix" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: `Rule ${n}: "Every" needs a number of minutes` }),
  ).toBeVisible();
  await page.getByLabel(`Rule ${n} minutes`).fill("60");
  await page.getByRole("button", { name: "Save matrix" }).click();
  await expect
    .poll(
      async () =>
        (await db().query(`SELECT count(*)::int AS n FROM "NotificationRule" WHERE "matrixId" = 'default'`)).rows[0].n,
    )
    .toBe(n);
  const saved = await db().query(
    `SELECT recipients, timing, minutes FROM "NotificationRule" WHERE "matrixId" = 'default' AND position = $1`,
    [n],
  );
  expect(saved.rows[0]).toEqual({ recipients: "Key accounts", timing: "every", minutes: 60 });
});
