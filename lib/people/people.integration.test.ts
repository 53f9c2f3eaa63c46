import { createServer, type IncomingMessage } from "node:http";
import { createServer as createTcpServer, type AddressInfo, type Socket } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { createChannel } from "./channels";
import { createContact, deleteContact, updateContact } from "./contacts";
import { deliver, type DeliveryConfig } from "./delivery";
import { saveMatrix, findMatrix } from "./matrix";
import { createPolicy, findPolicy, updatePolicy } from "./policies";
import { contactFieldsSchema, policyFieldsSchema, ruleSchema } from "./schemas";
import { sendTestNotification } from "./test-notification";

let t: TestDatabase;
const alice = { system: "alice" };
const bob = { system: "bob" };

// A real HTTP receiver on loopback, scripted to answer with the statuses we queue.
const received: { body: unknown; path: string }[] = [];
const answers: number[] = [];
const receiver = createServer((req: IncomingMessage, res) => {
  let data = "";
  req.on("data", (c) => (data += c));
  req.on("end", () => {
    received.push({ body: JSON.parse(data), path: req.url ?? "" });
    res.writeHead(answers.shift() ?? 200, { "Content-Type": "text/plain" }).end("ok");
  });
});
let hookUrl = "";
const config: DeliveryConfig = { smtpFrom: "Lifeboat <lifeboat@test>", timeoutMs: 2000, backoffMs: [10, 10] };

beforeAll(async () => {
  t = await createTestDatabase();
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/services/T1/secret-token`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

const contact = (name: string, extra: Record<string, unknown> = {}) =>
  createContact(t.db, alice, contactFieldsSchema.parse({ name, ...extra }));

describe("people on Postgres", () => {
  it("two editors: the second save on the same version is refused with what changed, and nothing is lost", async () => {
    const ana = await contact("Ana", {
      email: "ana@example.com",
      phone: "+1 415 555 0101",
      roles: ["on-call engineer"],
    });
    expect(ana.phone).toBe("+14155550101");
    const hook = await createChannel(t.db, alice, { name: "Slack", type: "webhook", url: hookUrl, enabled: true });
    const fields = policyFieldsSchema.parse({
      name: "Shop escalation",
      repeatTimes: 1,
      repeatAfterMinutes: 30,
      levels: [{ afterMinutes: 0, roleTargets: ["on-call engineer"], channelIds: [hook.id] }],
    });
    const created = await createPolicy(t.db, alice, fields);

    const aliceEdit = {
      ...fields,
      levels: [...fields.levels, { afterMinutes: 15, contactIds: [ana.id], roleTargets: [], channelIds: [hook.id] }],
    };
    const bobEdit = { ...fields, repeatTimes: 3 };
    await updatePolicy(t.db, alice, { ...aliceEdit, id: created.id, version: created.version });
    await expect(
      updatePolicy(t.db, bob, { ...bobEdit, id: created.id, version: created.version }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringMatching(/system:alice changed levels/),
    });
    const saved = await findPolicy(t.db, created.id);
    expect(saved?.levels.map((l) => l.afterMinutes)).toEqual([0, 15]);
    expect(saved?.repeatTimes).toBe(1);

    const history = await t.db.auditEvent.findMany({ where: { entityId: created.id }, orderBy: { id: "asc" } });
    expect(history.map((h) => h.action)).toEqual(["policy.create", "policy.update"]);
  });

  it("refuses a contact update on a stale version, and deleting a contact a policy still pages", async () => {
    const ben = await contact("Ben", { email: "ben@example.com" });
    await updateContact(t.db, alice, {
      ...contactFieldsSchema.parse({ name: "Ben Lead", email: "ben@example.com" }),
      id: ben.id,
      version: ben.version,
    });
    await expect(
      updateContact(t.db, bob, {
        ...contactFieldsSchema.parse({ name: "Benjamin" }),
        id: ben.id,
        version: ben.version,
      }),
    ).rejects.toMatchObject({
      userMessage: expect.stringContaining("name Ben → Ben Lead"),
    });

    const [ana] = await t.db.contact.findMany({ where: { name: "Ana" } });
    await expect(deleteContact(t.db, alice, { id: ana!.id, version: ana!.version })).rejects.toMatchObject({
      userMessage: "Ana is still paged by Shop escalation (level 2). Remove them there first.",
    });
    expect(await t.db.contact.count({ where: { id: ana!.id } })).toBe(1);
  });

  it("refuses a level using an email channel while SMTP is not configured", async () => {
    const mail = await createChannel(t.db, alice, { name: "Email", type: "email", url: null, enabled: true });
    const fields = policyFieldsSchema.parse({
      name: "Mail only",
      repeatTimes: 0,
      repeatAfterMinutes: 10,
      tier: 3,
      levels: [{ afterMinutes: 0, roleTargets: ["x"], channelIds: [mail.id] }],
    });
    await expect(createPolicy(t.db, alice, fields)).rejects.toMatchObject({
      userMessage: "Level 1: Email needs SMTP settings (SMTP_URL), so it cannot deliver.",
    });
    expect(await t.db.escalationPolicy.count({ where: { name: "Mail only" } })).toBe(0);
  });

  it("saves the notification matrix whole and refuses a stale save", async () => {
    const rules = [
      ruleSchema.parse({ event: "detected", audience: "internal", recipients: "PagerDuty", timing: "immediate" }),
    ];
    const first = await saveMatrix(t.db, alice, { systemId: null, version: 0, rules });
    expect(first.version).toBe(1);
    await expect(saveMatrix(t.db, bob, { systemId: null, version: 0, rules: [] })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await findMatrix(t.db, null)).rules).toHaveLength(1);
  });

  it("delivers to a real webhook receiver, retries 5xx, gives up on 4xx, and records every attempt", async () => {
    const channel = await t.db.notificationChannel.findFirstOrThrow({ where: { name: "Slack" } });
    answers.push(503, 502);
    const sent = await deliver(
      t.db,
      { channel, contact: null, kind: "test", message: { subject: "Hi", text: "there" } },
      config,
    );
    expect(sent).toMatchObject({
      status: "sent",
      attempts: 3,
      responseStatus: 200,
      target: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/…$/),
    });
    expect(received.at(-1)).toMatchObject({ path: "/services/T1/secret-token", body: { text: "*Hi*\nthere" } });

    answers.push(404);
    const failed = await deliver(
      t.db,
      { channel, contact: null, kind: "test", message: { subject: "Hi", text: "again" } },
      config,
    );
    expect(failed).toMatchObject({ status: "failed", attempts: 1, responseStatus: 404, lastError: "HTTP 404" });
    expect(JSON.stringify(failed, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain("secret-token");

    const test = await sendTestNotification(t.db, alice, { id: channel.id }, config);
    expect(test.status).toBe("sent");
  });

  it("gives up on an SMTP server that accepts the connection and never answers, within the timeout", async () => {
    const sockets: Socket[] = [];
    const silent = createTcpServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const channel = await t.db.notificationChannel.findFirstOrThrow({ where: { name: "Email" } });
      const ana = await t.db.contact.findFirstOrThrow({ where: { name: "Ana" } });
      const started = Date.now();
      const result = await deliver(
        t.db,
        { channel, contact: ana, kind: "test", message: { subject: "Drill", text: "Hello" } },
        { ...config, timeoutMs: 500, backoffMs: [], smtpUrl: `smtp://127.0.0.1:${port}` },
      );
      expect(result.status).toBe("failed");
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      silent.close();
    }
  });

  it("never posts to a link-local (cloud metadata) address, whatever the channel says", async () => {
    const { id } = await createChannel(t.db, alice, {
      name: "Metadata",
      type: "webhook",
      url: "http://169.254.169.254/latest/meta-data/",
      enabled: true,
    });
    const channel = await t.db.notificationChannel.findUniqueOrThrow({ where: { id } });
    const ana = await t.db.contact.findFirstOrThrow({ where: { name: "Ana" } });
    const result = await deliver(
      t.db,
      { channel, contact: ana, kind: "test", message: { subject: "x", text: "y" } },
      config,
    );
    expect(result.status).toBe("failed");
    expect(result.lastError).toMatch(/link-local or metadata/);
  });

  it("refuses the IPv6 spellings of metadata and unspecified addresses too, at once and without retrying", async () => {
    const ana = await t.db.contact.findFirstOrThrow({ where: { name: "Ana" } });
    for (const url of [
      "http://[::ffff:169.254.169.254]/latest/meta-data/",
      "http://[64:ff9b::a9fe:a9fe]/",
      "http://[::ffff:0:0]:9/hook",
    ]) {
      const { id } = await createChannel(t.db, alice, { name: `Mapped ${url}`, type: "webhook", url, enabled: true });
      const channel = await t.db.notificationChannel.findUniqueOrThrow({ where: { id } });
      const result = await deliver(
        t.db,
        { channel, contact: ana, kind: "test", message: { subject: "x", text: "y" } },
        config,
      );
      expect(result, url).toMatchObject({ status: "failed", attempts: 1 });
      expect(result.lastError, url).toMatch(/refused: .* embedded in IPv6/);
    }
  });

  it("sends email through a real SMTP server", async () => {
    const mails: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, done) {
        let raw = "";
        stream.on("data", (c) => (raw += c));
        stream.on("end", () => {
          mails.push(raw);
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    try {
      const channel = await t.db.notificationChannel.findFirstOrThrow({ where: { name: "Email" } });
      const ana = await t.db.contact.findFirstOrThrow({ where: { name: "Ana" } });
      const result = await deliver(
        t.db,
        { channel, contact: ana, kind: "test", message: { subject: "Drill", text: "Hello Ana" } },
        { ...config, smtpUrl: `smtp://127.0.0.1:${port}` },
      );
      expect(result).toMatchObject({ status: "sent", target: "ana@example.com" });
      expect(mails[0]).toContain("Subject: Drill");
      expect(mails[0]).toContain("Hello Ana");
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
