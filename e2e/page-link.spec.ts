// Acting from a page, end to end: a real page goes out to a loopback "SMS gateway" (node:http), its one-tap
// link is opened in a fresh browser context with no session and acknowledged, and the commander's incident
// page — already open — shows it live. Then the refusals: the same link again (already used), a tampered token
// (not valid), a link after resolve (resolved), a reply code from another number (422); and ESC by SMS reply
// through POST /api/v1/pages/replies with a pages:reply token, once.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes, randomInt } from "node:crypto";
import { signInViaApi } from "./support/auth";
import { createTestToken, createTestUser, db } from "./support/db";
import { actionResult, callServerAction } from "./support/server-action";

type Sms = { to: string; text: string };
let gateway: Server;
const inbox: Sms[] = [];
let gatewayUrl = "";

test.beforeAll(async () => {
  gateway = createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      inbox.push(JSON.parse(data || "{}") as Sms);
      res.writeHead(200, { "content-type": "application/json" }).end('{"queued":true}');
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms/send`;
});
test.afterAll(() => new Promise<void>((resolve) => gateway.close(() => resolve())));

const phone = () => `+1415${randomInt(1_000_000, 9_999_999)}`;
const id = () => randomBytes(8).toString("hex");

/** A system whose policy pages Ana by SMS at once and Ben 30 minutes later, through the loopback gateway. */
async function pagingWorld() {
  const s = id();
  const [systemId, channelId, policyId, level1, level2] = [id(), id(), id(), id(), id()];
  const ana = { id: id(), name: `Ana Ruiz ${s}`, phone: phone() };
  const ben = { id: id(), name: `Ben Okafor ${s}`, phone: phone() };
  const q = (sql: string, values: unknown[]) => db().query(sql, values);
  await q(`INSERT INTO "System" (id, name, "updatedAt") VALUES ($1, $2, now())`, [systemId, `Ledger ${s}`]);
  await q(`INSERT INTO "NotificationChannel" (id, name, type, url, "updatedAt") VALUES ($1, $2, 'sms', $3, now())`, [
    channelId,
    `SMS ${s}`,
    gatewayUrl,
  ]);
  for (const c of [ana, ben])
    await q(`INSERT INTO "Contact" (id, name, phone, "updatedAt") VALUES ($1, $2, $3, now())`, [c.id, c.name, c.phone]);
  await q(`INSERT INTO "EscalationPolicy" (id, name, "systemId", "updatedAt") VALUES ($1, $2, $3, now())`, [
    policyId,
    `Ledger paging ${s}`,
    systemId,
  ]);
  for (const [levelId, position, after, contact] of [
    [level1, 1, 0, ana],
    [level2, 2, 30, ben],
  ] as const) {
    await q(`INSERT INTO "EscalationLevel" (id, "policyId", position, "afterMinutes") VALUES ($1, $2, $3, $4)`, [
      levelId,
      policyId,
      position,
      after,
    ]);
    await q(`INSERT INTO "EscalationLevelContact" ("levelId", "contactId") VALUES ($1, $2)`, [levelId, contact.id]);
    await q(`INSERT INTO "EscalationLevelChannel" ("levelId", "channelId") VALUES ($1, $2)`, [levelId, channelId]);
  }
  // Cleo is on no level: she is paged by hand (Page now), by SMS then by voice 5 minutes later (her own rules).
  const cleo = { id: id(), name: `Cleo Park ${s}`, phone: phone() };
  await q(`INSERT INTO "Contact" (id, name, phone, "updatedAt") VALUES ($1, $2, $3, now())`, [
    cleo.id,
    cleo.name,
    cleo.phone,
  ]);
  await q(
    `INSERT INTO "ContactNotificationRule" (id, "contactId", position, "channelId", "afterMinutes") VALUES ($1, $2, 1, $3, 0), ($4, $2, 2, $3, 5)`,
    [id(), cleo.id, channelId, id()],
  );
  return { systemId, ana, ben, cleo };
}

async function declare(
  request: APIRequestContext,
  baseURL: string,
  title: string,
  systemId: string,
  severity = "SEV3",
) {
  const { text } = await callServerAction(
    request,
    "app/(app)/incidents/actions.ts",
    "declareIncidentAction",
    [{ title, severity, systemId }],
    baseURL,
  );
  const result = actionResult(text);
  expect(result?.data, text.slice(0, 300)).toBeTruthy();
  return result!.data as { id: string; number: number };
}

/** The page a phone got for the incident: its link's path and reply code. */
async function smsFor(to: string, number: number) {
  let sms: Sms | undefined;
  await expect
    .poll(() => (sms = inbox.find((m) => m.to === to && m.text.includes(`INC-${number} `))), { timeout: 15_000 })
    .toBeTruthy();
  const url = /Acknowledge or escalate: (\S+)/.exec(sms!.text)?.[1];
  const code = /reply ACK ([A-Z0-9]{6}) \/ ESC \1/.exec(sms!.text)?.[1];
  expect(url, sms!.text).toBeTruthy();
  expect(code, sms!.text).toBeTruthy();
  return { path: new URL(url!).pathname, code: code! };
}

const timelineCount = async (incidentId: string, kind: string) =>
  Number(
    (
      await db().query(`SELECT count(*)::int AS n FROM "TimelineEvent" WHERE "incidentId" = $1 AND kind = $2`, [
        incidentId,
        kind,
      ])
    ).rows[0].n,
  );

test("a real page's link acknowledges without signing in; the commander sees it live; the link cannot be reused", async ({
  browser,
  baseURL,
}) => {
  // Two app servers, a worker and a real delivery per page: on a loaded 2-core machine this takes a while.
  test.slow();
  const world = await pagingWorld();
  const commander = await createTestUser("commander", "page-link");
  const page = await (await browser.newContext()).newPage();
  await signInViaApi(page, commander.email, commander.password);
  const incident = await declare(page.request, baseURL!, `Ledger writes failing ${id()}`, world.systemId);
  await page.goto(`/incidents/${incident.id}`);
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live");

  const sms = await smsFor(world.ana.phone, incident.number);

  // A fresh context: no cookies, no session.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  expect(await phoneContext.cookies()).toEqual([]);
  const onPhone = await phoneContext.newPage();
  const opened = await onPhone.goto(sms.path);
  expect(opened?.status()).toBe(200);
  await expect(onPhone).toHaveURL(new RegExp(`${sms.path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  await expect(onPhone.getByTestId("page-incident-title")).toContainText("Ledger writes failing");
  await expect(onPhone.getByTestId("page-paged")).toContainText(world.ana.name);
  const ack = onPhone.getByRole("button", { name: "Acknowledge" });
  expect((await ack.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await ack.click();
  await expect(onPhone.getByTestId("page-outcome")).toHaveText("Acknowledged. Escalation stopped.");
  await expect(onPhone.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);

  // The commander's open page, without a reload.
  await expect(page.getByTestId("timeline").locator('[data-kind="acknowledged"]')).toContainText(
    `${world.ana.name} acknowledged (from the page link)`,
    { timeout: 5000 },
  );

  // Add a responder to the acknowledged incident: Page now with a message; her first step goes out, only that.
  await page.getByLabel("Who to page").selectOption({ label: world.cleo.name });
  await page.getByLabel("Message", { exact: true }).fill("need a DBA on the ledger failover");
  await page.getByRole("button", { name: "Page now" }).click();
  await expect(page.getByTestId("page-now-done")).toHaveText(`Paging ${world.cleo.name} now.`);
  await expect(page.getByTestId("timeline")).toContainText(
    `${commander.email} paged ${world.cleo.name}: “need a DBA on the ledger failover”`,
  );
  const cleoSms = await smsFor(world.cleo.phone, incident.number);
  expect(cleoSms.path).toMatch(/^\/p\//);
  await expect
    .poll(async () => {
      const { rows } = await db().query(
        `SELECT state, message FROM "EscalationPage" WHERE "incidentId" = $1 AND "contactId" = $2`,
        [incident.id, world.cleo.id],
      );
      return rows;
    })
    .toEqual([{ state: "sent", message: `${commander.email}: “need a DBA on the ledger failover”` }]);

  // The same button again (a double tap, a re-sent form): "already used", no second line.
  const token = sms.path.split("/p/")[1]!;
  const replay = await onPhone.request.post(`/api/pages/${token}/acknowledge`, { maxRedirects: 0 });
  expect(replay.status()).toBe(303);
  expect(replay.headers().location).toBe(`/p/${token}?done=used`);
  await onPhone.goto(replay.headers().location!);
  await expect(onPhone.getByTestId("page-outcome")).toContainText("already used");
  expect(await timelineCount(incident.id, "acknowledged")).toBe(1);

  // A token edited by one character: the same "not valid" as one never issued, for the page and the button.
  const last = token.at(-1) === "A" ? "B" : "A";
  const tampered = token.slice(0, -1) + last;
  const forged = await onPhone.goto(`/p/${tampered}`);
  expect(forged?.status()).toBe(404);
  await expect(onPhone.getByTestId("page-link-invalid")).toHaveText("This link is not valid.");
  const forgedPost = await onPhone.request.post(`/api/pages/${tampered}/escalate`, { maxRedirects: 0 });
  expect(forgedPost.headers().location).toBe(`/p/${tampered}?done=invalid`);
  await expect(onPhone.locator("body")).not.toContainText("Ledger");
});

test("SMS replies: a code from another number is refused, ESC works once, and a link after resolve says resolved", async ({
  browser,
  baseURL,
  request,
}) => {
  // Two app servers, a worker and a real delivery per page: on a loaded 2-core machine this takes a while.
  test.slow();
  const world = await pagingWorld();
  const commander = await createTestUser("commander", "page-reply");
  const page = await (await browser.newContext()).newPage();
  await signInViaApi(page, commander.email, commander.password);
  const incident = await declare(page.request, baseURL!, `Ledger replicas lagging ${id()}`, world.systemId);
  const sms = await smsFor(world.ana.phone, incident.number);
  const gatewayToken = await createTestToken(["pages:reply"]);
  const reply = (data: object, form = false) =>
    request.post("/api/v1/pages/replies", {
      headers: { authorization: `Bearer ${gatewayToken}` },
      ...(form ? { form: data as Record<string, string> } : { data }),
    });

  // Ana's code sent back from Ben's phone: refused, nothing happens.
  const fired = await timelineCount(incident.id, "escalation_fired");
  const stolen = await reply({ from: world.ben.phone, text: `ESC ${sms.code}` });
  expect(stolen.status()).toBe(422);
  expect(await stolen.json()).toMatchObject({
    ok: false,
    field: "from",
    message: expect.stringContaining("was not sent to"),
  });
  expect(await timelineCount(incident.id, "escalation_fired")).toBe(fired);

  // A Twilio-style form from Ana's phone (spaces in the number, lower case, extra words): level 2 now.
  const esc = await reply(
    { From: world.ana.phone.replace(/^(\+1)(\d{3})/, "$1 $2 "), Body: `esc ${sms.code.toLowerCase()} please` },
    true,
  );
  expect(esc.status(), await esc.text()).toBe(200);
  expect(await esc.json()).toMatchObject({
    ok: true,
    incident: `INC-${incident.number}`,
    action: "escalate",
    message: expect.stringContaining("level 2"),
  });
  const benSms = await smsFor(world.ben.phone, incident.number);
  const again = await reply({ from: world.ana.phone, text: `ESC ${sms.code}` });
  expect(again.status()).toBe(409);
  expect((await again.json()).message).toContain("already used");
  const unknown = await reply({ from: world.ana.phone, text: "ACK 333333" });
  expect(unknown.status()).toBe(404);

  // Ben's Escalate button: there is no level 3, so it says so and spends nothing.
  const benPhone = await (await browser.newContext()).newPage();
  await benPhone.goto(benSms.path);
  await benPhone.getByRole("button", { name: "Escalate to the next level" }).click();
  await expect(benPhone.getByTestId("page-outcome")).toHaveText("There is no further escalation level to page.");
  await expect(benPhone.getByRole("button", { name: "Escalate to the next level" })).toBeVisible();

  // Resolved: Ben's link still shows the incident, says it is resolved, and offers no buttons.
  const { rows } = await db().query(`SELECT version FROM "Incident" WHERE id = $1`, [incident.id]);
  const resolved = await callServerAction(
    page.request,
    "app/(app)/incidents/actions.ts",
    "resolveIncidentAction",
    [{ incidentId: incident.id, version: rows[0].version, summary: "Replica caught up", publicUpdate: "All good." }],
    baseURL!,
  );
  expect(actionResult(resolved.text)?.data, resolved.text.slice(0, 300)).toBeTruthy();
  const onPhone = await (await browser.newContext()).newPage();
  await onPhone.goto(benSms.path);
  await expect(onPhone.getByTestId("page-problem")).toHaveText(`INC-${incident.number} is resolved.`);
  await expect(onPhone.getByRole("button")).toHaveCount(0);
  const token = benSms.path.split("/p/")[1]!;
  const late = await onPhone.request.post(`/api/pages/${token}/acknowledge`, { maxRedirects: 0 });
  expect(late.headers().location).toBe(`/p/${token}?done=resolved`);
  const lateReply = await reply({ from: world.ben.phone, text: `ACK ${benSms.code}` });
  expect(lateReply.status()).toBe(409);
  expect((await lateReply.json()).message).toBe(`INC-${incident.number} is resolved.`);
  expect(await timelineCount(incident.id, "acknowledged")).toBe(0);

  // The commander's page of the resolved incident: no Acknowledge button, and `a` does nothing.
  await page.goto(`/incidents/${incident.id}`);
  await expect(page.getByTestId("incident-status")).toHaveText("Resolved");
  await expect(page.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("a");
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcut-help")).not.toContainText("acknowledge");
  await expect(page.getByText("there is nothing to acknowledge")).toHaveCount(0);
  expect(await timelineCount(incident.id, "acknowledged")).toBe(0);
});
