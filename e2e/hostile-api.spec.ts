// Every API route × property-based hostile input (bodies, query parameters, path segments, headers),
// called with the credentials the route accepts so that validation is what is exercised. Never a 5xx; a
// 400/422 names the offending field; a refused request leaves no row holding its marker; an accepted
// alert stored its hostile label and summary text exactly as sent. A route without a case here fails.
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { DEMO_PASSWORD, demoEmail, signInViaApi } from "./support/auth";
import { createTestToken } from "./support/db";
import {
  checkProperty,
  EDGE_DATES,
  hostileObject,
  hostileShortString,
  hostileString,
  hugeString,
  malformedBody,
  newMarker,
  nonObject,
  oversizedBody,
  withMarker,
  type RawBody,
} from "./support/hostile";
import { ROUTES, routeFiles } from "./support/routes";
import { rowsWithMarker, storedExactly } from "./support/stored";

// In order in one worker (the summary counts every test) but independent: one failure does not hide the rest.
test.describe.configure({ mode: "default" });

type Credentials =
  | { kind: "token"; scope: "backups:write" | "alerts:write" | "plans:write" | "plans:read" | "read" | "pages:reply" }
  | { kind: "session" }
  | { kind: "csrf" }
  | { kind: "none" };
type Sent = { path: string; method: "GET" | "POST"; body?: RawBody; headers?: Record<string, string> };
type Case = {
  credentials: Credentials;
  runs: number;
  input: fc.Arbitrary<Sent>;
  accepted?: (sent: Sent, marker: string) => Promise<void>;
};

/** Stands for the call's marker in bodies that must stay well-formed (only their hostile strings carry it). */
const MARK = "QQMARKQQ";
const CSRF = "QQCSRFQQ";

const tally = { routes: 0, inputs: 0, accepted: 0, rejected: 0 };
const auth: Record<string, string> = {};
let baseURL = "";

// Query values stay under Node's 16 KB header limit most of the time; past it the answer is a 431, also fine.
const queryValue = fc.oneof(
  { weight: 5, arbitrary: hostileShortString },
  { weight: 1, arbitrary: hugeString(200, 20_000) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "-1", "0", "1e400", "NaN", "true", "[]", "{}") },
);
const query = (keys: readonly string[]) =>
  fc.dictionary(fc.constantFrom(...keys), queryValue, { maxKeys: keys.length + 1 });
const withQuery = (path: string, params: Record<string, string>) => `${path}?${new URLSearchParams(params)}`;
// Lone surrogates cannot be percent-encoded; the raw list sends broken encodings on purpose instead.
const segment = (value: string) => encodeURIComponent(value.slice(0, 2000).toWellFormed()) || "%20";
const rawSegment = fc.constantFrom("%ED%A0%80", "%", "%zz", "%C3%28", "%00", "..%2F..%2Fetc%2Fpasswd", "%E2%80%AE");
const pathSegment = fc.oneof(hostileString.map(segment), rawSegment);
const json = (value: unknown): RawBody => ({
  label: "json",
  body: Buffer.from(JSON.stringify(value)),
  contentType: "application/json",
});
const markedJson = (value: unknown): RawBody => ({ ...json(value), label: "marked json" });

/** JSON bodies for a route: hostile objects of its fields, non-objects, malformed text and oversized bodies. */
function bodies(fields: readonly string[], valid: unknown, limit: number): fc.Arbitrary<RawBody> {
  return fc.oneof(
    { weight: 5, arbitrary: hostileObject(fields).map(json) },
    { weight: 2, arbitrary: nonObject.map(json) },
    { weight: 3, arbitrary: malformedBody(valid) },
    { weight: 1, arbitrary: oversizedBody(limit) },
  );
}

const BACKUP_FIELDS = [
  "policyId",
  "service",
  "system",
  "policy",
  "externalId",
  "status",
  "startedAt",
  "finishedAt",
  "sizeBytes",
  "checksum",
  "location",
  "verified",
  "message",
];
const ALERTMANAGER_FIELDS = [
  "version",
  "groupKey",
  "truncatedAlerts",
  "status",
  "receiver",
  "groupLabels",
  "commonLabels",
  "commonAnnotations",
  "externalURL",
  "alerts",
];
const EVENTS_FIELDS = [
  "routing_key",
  "event_action",
  "dedup_key",
  "payload",
  "client",
  "client_url",
  "links",
  "images",
];
const KB = 1024;

// One group for every accepted fuzz alert of this run: they pile into one incident instead of dozens.
const GROUP = `hostile-e2e-${Date.now()}`;
let fingerprints = 0;

/** A well-formed Alertmanager delivery whose label and annotation values are hostile (may be accepted). */
const hostileAlert = fc
  .tuple(
    hostileShortString,
    hostileShortString,
    hostileShortString,
    fc.constantFrom(new Date().toISOString(), ...EDGE_DATES),
  )
  .map(([label, summary, receiver, startsAt]) =>
    markedJson({
      version: "4",
      groupKey: GROUP,
      status: "firing",
      receiver: receiver + MARK,
      groupLabels: { alertname: "HostileE2E" },
      commonLabels: { alertname: "HostileE2E" },
      commonAnnotations: {},
      alerts: [
        {
          status: "firing",
          labels: { alertname: "HostileE2E", hostile: label + MARK },
          annotations: { summary: summary + MARK },
          startsAt,
          endsAt: "0001-01-01T00:00:00Z",
          generatorURL: "",
          fingerprint: `fp-${GROUP}-${(fingerprints += 1)}`,
        },
      ],
    }),
  );
/** A well-formed Events API trigger whose summary and custom details are hostile (may be accepted). */
const hostileTrigger = fc
  .tuple(hostileShortString, hostileShortString, fc.option(fc.constantFrom(...EDGE_DATES)))
  .map(([summary, detail, timestamp]) =>
    markedJson({
      event_action: "trigger",
      dedup_key: GROUP,
      payload: {
        summary: `x${summary}${MARK}`,
        source: "hostile-e2e",
        severity: "warning",
        custom_details: { detail: detail + MARK },
        ...(timestamp && { timestamp }),
      },
    }),
  );

/**
 * Accepted alerts: the hostile texts an alert keeps (`pick` says which) are in its row byte for byte
 * (the receiver, say, is not stored at all). The Events API trims the summary, as its schema says.
 */
const alertStoredVerbatim = (pick: (body: never) => string[]) => async (sent: Sent, marker: string) => {
  expect(Object.keys(await rowsWithMarker(marker)), "an accepted alert stored nothing").toContain("Alert");
  for (const value of pick(JSON.parse(sent.body!.body.toString()) as never)) {
    const found = (await storedExactly("Alert", value)) || (await storedExactly("Alert", value.trim()));
    expect(found, `alert text not stored verbatim: ${JSON.stringify(value.slice(0, 120))}`).toBe(true);
  }
};
type AlertmanagerBody = { alerts?: { labels?: Record<string, string>; annotations?: Record<string, string> }[] };
type EventsBody = { payload?: { summary?: string; custom_details?: Record<string, unknown> } };

const CASES: Record<string, Case | { none: string; input: fc.Arbitrary<Sent>; credentials: Credentials }> = {
  "app/api/v1/backup-runs/route.ts": {
    credentials: { kind: "token", scope: "backups:write" },
    runs: 30,
    input: bodies(
      BACKUP_FIELDS,
      { policyId: "p", externalId: "e", status: "running", startedAt: "2026-01-01T00:00:00Z" },
      64 * KB,
    ).map((body) => ({ method: "POST", path: "/api/v1/backup-runs", body })),
  },
  "app/api/v1/alerts/alertmanager/route.ts": {
    credentials: { kind: "token", scope: "alerts:write" },
    runs: 30,
    input: fc
      .oneof(bodies(ALERTMANAGER_FIELDS, { groupKey: "g", status: "firing", alerts: [] }, 1024 * KB), hostileAlert)
      .map((body) => ({ method: "POST", path: "/api/v1/alerts/alertmanager", body })),
    accepted: alertStoredVerbatim((b: AlertmanagerBody) =>
      (b.alerts ?? []).flatMap((a) => [...Object.values(a.labels ?? {}), ...Object.values(a.annotations ?? {})]),
    ),
  },
  "app/api/v1/alerts/events/route.ts": {
    credentials: { kind: "token", scope: "alerts:write" },
    runs: 30,
    input: fc
      .oneof(
        bodies(
          EVENTS_FIELDS,
          { event_action: "trigger", payload: { summary: "s", source: "s", severity: "info" } },
          1024 * KB,
        ),
        hostileTrigger,
      )
      .map((body) => ({ method: "POST", path: "/api/v1/alerts/events", body })),
    accepted: alertStoredVerbatim((b: EventsBody) =>
      [
        b.payload?.summary ?? "",
        ...Object.values(b.payload?.custom_details ?? {}).filter((v): v is string => typeof v === "string"),
      ].filter(Boolean),
    ),
  },
  "app/api/v1/plans/import/route.ts": {
    credentials: { kind: "token", scope: "plans:write" },
    runs: 25,
    // Applied (no dryRun) as often as previewed: an apply of an invalid plan must leave nothing behind.
    input: fc
      .tuple(
        fc.oneof(
          hostileString.map((t) => ({ label: "text", body: Buffer.from(t) })),
          malformedBody({ systems: [{ name: 1 }] }),
          oversizedBody(2 * 1024 * KB),
        ),
        query(["name", "system", "fingerprint"]),
        fc.boolean(),
      )
      .map(([body, params, dryRun]) => ({
        method: "POST",
        path: withQuery("/api/v1/plans/import", { ...params, ...(dryRun && { dryRun: "true" }) }),
        body,
      })),
  },
  "app/api/demo-fleet/[slug]/restart/route.ts": {
    credentials: { kind: "none" },
    runs: 10,
    input: pathSegment.map((s) => ({ method: "POST", path: `/api/demo-fleet/${s}/restart` })),
  },
  // Feed tokens nobody holds: always the same bare 404, never a 5xx.
  "app/api/calendar/schedules/[token]/route.ts": {
    credentials: { kind: "none" },
    runs: 10,
    input: pathSegment.map((s) => ({ method: "GET", path: `/api/calendar/schedules/${s}` })),
  },
  "app/api/calendar/contacts/[token]/route.ts": {
    credentials: { kind: "none" },
    runs: 10,
    input: pathSegment.map((s) => ({ method: "GET", path: `/api/calendar/contacts/${s}` })),
  },
  // Page-link buttons with tokens nobody was given: always the 303 to "not valid", never a 5xx.
  "app/api/pages/[token]/acknowledge/route.ts": {
    credentials: { kind: "none" },
    runs: 10,
    input: pathSegment.map((s) => ({ method: "POST", path: `/api/pages/${s}/acknowledge` })),
  },
  "app/api/pages/[token]/escalate/route.ts": {
    credentials: { kind: "none" },
    runs: 10,
    input: pathSegment.map((s) => ({ method: "POST", path: `/api/pages/${s}/escalate` })),
  },
  // SMS replies: hostile JSON and Twilio-style forms; a reply stores nothing of its own text either way.
  "app/api/v1/pages/replies/route.ts": {
    credentials: { kind: "token", scope: "pages:reply" },
    runs: 20,
    input: fc
      .oneof(
        bodies(["from", "text"], { from: "+14155550100", text: "ACK 7KQ2M9" }, 4 * KB),
        fc.tuple(hostileString, hostileString).map(([from, text]) => ({
          label: "form",
          body: Buffer.from(
            new URLSearchParams({ From: from.slice(0, 2000), Body: `ACK ${text.slice(0, 1000)}${MARK}` }).toString(),
          ),
          contentType: "application/x-www-form-urlencoded",
        })),
      )
      .map((body) => ({ method: "POST", path: "/api/v1/pages/replies", body })),
  },
  "app/api/demo-fleet/[slug]/health/route.ts": {
    credentials: { kind: "none" },
    runs: 10,
    input: pathSegment.map((s) => ({ method: "GET", path: `/api/demo-fleet/${s}/health` })),
  },
  "app/api/v1/incidents/route.ts": {
    credentials: { kind: "token", scope: "read" },
    runs: 20,
    input: query(["status", "system", "since", "limit"]).map((q) => ({
      method: "GET",
      path: withQuery("/api/v1/incidents", q),
    })),
  },
  "app/api/v1/incidents/[id]/route.ts": {
    credentials: { kind: "token", scope: "read" },
    runs: 15,
    input: fc
      .oneof(
        pathSegment,
        fc.integer().map((n) => `INC-${n}`),
      )
      .map((s) => ({ method: "GET", path: `/api/v1/incidents/${s}` })),
  },
  "app/api/inventory/services/search/route.ts": {
    credentials: { kind: "session" },
    runs: 15,
    input: query(["q", "exclude"]).map((q) => ({
      method: "GET",
      path: withQuery("/api/inventory/services/search", q),
    })),
  },
  "app/api/incidents/stream/route.ts": {
    credentials: { kind: "session" },
    runs: 15,
    input: fc
      .tuple(query(["incident", "after"]), fc.option(hostileShortString.map((s) => s.replace(/[^\x20-\x7e]/g, ""))))
      .map(([q, lastEventId]) => ({
        method: "GET",
        path: withQuery("/api/incidents/stream", q),
        headers: lastEventId ? { "Last-Event-ID": lastEventId } : ({} as Record<string, string>),
      })),
  },
  "app/api/incidents/events/route.ts": {
    credentials: { kind: "session" },
    runs: 15,
    input: query(["incident", "after"]).map((q) => ({ method: "GET", path: withQuery("/api/incidents/events", q) })),
  },
  "app/api/incidents/board/route.ts": {
    credentials: { kind: "session" },
    runs: 15,
    input: query(["unack", "mine", "system", "severity"]).map((q) => ({
      method: "GET",
      path: withQuery("/api/incidents/board", q),
    })),
  },
  "app/api/compliance/export/route.ts": {
    credentials: { kind: "session" },
    runs: 12,
    input: query(["system", "tier", "status", "q", "service"]).map((q) => ({
      method: "GET",
      path: withQuery("/api/compliance/export", q),
    })),
  },
  "app/api/compliance/evidence/route.ts": {
    credentials: { kind: "session" },
    runs: 12,
    input: query(["system", "tier", "status", "q", "service"]).map((q) => ({
      method: "GET",
      path: withQuery("/api/compliance/evidence", q),
    })),
  },
  "app/api/plans/export/route.ts": {
    credentials: { kind: "session" },
    runs: 12,
    input: query(["system"]).map((q) => ({ method: "GET", path: withQuery("/api/plans/export", q) })),
  },
  "app/api/v1/plans/route.ts": {
    credentials: { kind: "token", scope: "plans:read" },
    runs: 12,
    input: query(["system"]).map((q) => ({ method: "GET", path: withQuery("/api/v1/plans", q) })),
  },
  // next-auth's credentials sign-in: hostile emails and passwords (never a real account, so no lock-out).
  "app/api/auth/[...nextauth]/route.ts": {
    credentials: { kind: "csrf" },
    runs: 12,
    input: fc.tuple(hostileString, hostileString).map(([email, password]) => ({
      method: "POST",
      path: "/api/auth/callback/credentials",
      body: {
        label: "form",
        body: Buffer.from(
          `csrfToken=${CSRF}&${new URLSearchParams({ email: email.slice(0, 5000) + MARK, password: password.slice(0, 5000), json: "true" })}`,
        ),
        contentType: "application/x-www-form-urlencoded",
      },
    })),
  },
  // These read no input; a hostile query string must still not break them.
  "app/api/health/route.ts": {
    none: "no input",
    credentials: { kind: "none" },
    input: query(["x"]).map((q) => ({ method: "GET", path: withQuery("/api/health", q) })),
  },
  "app/api/ready/route.ts": {
    none: "no input",
    credentials: { kind: "none" },
    input: query(["x"]).map((q) => ({ method: "GET", path: withQuery("/api/ready", q) })),
  },
  "app/api/metrics/route.ts": {
    none: "no input",
    credentials: { kind: "none" },
    input: query(["x"]).map((q) => ({ method: "GET", path: withQuery("/api/metrics", q) })),
  },
  "app/api/breakglass/route.ts": {
    none: "no input",
    credentials: { kind: "session" },
    input: query(["x"]).map((q) => ({ method: "GET", path: withQuery("/api/breakglass", q) })),
  },
  "app/api/plans/schema/route.ts": {
    none: "no input",
    credentials: { kind: "session" },
    input: query(["x"]).map((q) => ({ method: "GET", path: withQuery("/api/plans/schema", q) })),
  },
};

test.beforeAll(async ({ browser, baseURL: url }) => {
  baseURL = url!;
  for (const scope of ["backups:write", "alerts:write", "plans:write", "plans:read", "read", "pages:reply"])
    auth[scope] = `Bearer ${await createTestToken([scope])}`;
  const context = await browser.newContext();
  await signInViaApi(await context.newPage(), demoEmail("admin"), DEMO_PASSWORD);
  auth.session = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  // Sign-in needs next-auth's CSRF pair (cookie and token), or it never reaches the credentials check.
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  auth.csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  auth.csrfToken = ((await csrf.json()) as { csrfToken: string }).csrfToken;
});

test("every API route has a hostile-input case", () => {
  expect(Object.keys(CASES).sort()).toEqual(Object.keys(ROUTES).sort());
  expect(routeFiles().sort()).toEqual(Object.keys(CASES).sort());
});

/** Sends one request (fetch, so a stream can be cut off once its status is known) and checks the answer. */
async function send(file: string, c: Case | (Omit<Case, "runs"> & { none: string }), sent: Sent, marker: string) {
  const headers: Record<string, string> = { ...sent.headers };
  if (c.credentials.kind === "token") headers.authorization = auth[c.credentials.scope]!;
  if (c.credentials.kind === "session") headers.cookie = auth.session!;
  if (c.credentials.kind === "csrf") headers.cookie = auth.csrfCookie!;
  if (sent.body?.contentType) headers["content-type"] = sent.body.contentType;
  const controller = new AbortController();
  const response = await fetch(`${baseURL}${sent.path}`, {
    method: sent.method,
    headers,
    body: sent.body ? new Uint8Array(sent.body.body) : undefined,
    redirect: "manual",
    signal: controller.signal,
  });
  const status = response.status;
  const type = response.headers.get("content-type") ?? "";
  // An event stream never ends: its 200 and content type are the answer.
  const text = type.startsWith("text/event-stream") ? (controller.abort(), "") : await response.text();
  const label = `${file} ${sent.method} ${sent.path.slice(0, 200)} ${sent.body?.label ?? ""} → ${status} ${text.slice(0, 300)}`;
  tally.inputs += 1;
  expect(status, label).toBeLessThan(500);
  if (status >= 400) {
    tally.rejected += 1;
    if (status === 400 || status === 422)
      expect(namesField(JSON.parse(text) as Record<string, unknown>), `${label}: no field named`).toBe(true);
    expect(await rowsWithMarker(marker), `${label}: refused input was stored`).toEqual({});
    return;
  }
  tally.accepted += 1;
  if ("accepted" in c && c.accepted && status < 300 && sent.method === "POST") await c.accepted(sent, marker);
}

/** The field named by a 4xx: `field` (lib/api/json), the Events API's `errors` ('path' message), or a plan report's problems. */
function namesField(body: Record<string, unknown>): boolean {
  if (typeof body.field === "string" && body.field.length > 0) return true;
  if (Array.isArray(body.errors))
    return body.errors.length > 0 && body.errors.every((e) => typeof e === "string" && /^'[^']+' /.test(e));
  const report = body as { reading?: { problems?: unknown[] }; outcome?: { problems?: unknown[] } | null };
  return (report.reading?.problems?.length ?? 0) + (report.outcome?.problems?.length ?? 0) > 0;
}

for (const [file, c] of Object.entries(CASES)) {
  test(`${file}: hostile input never a 5xx, refused with its field, nothing stored`, async () => {
    tally.routes += 1;
    await checkProperty(
      file,
      c.input,
      async (sent) => {
        // The marker goes into every string the request carries, so any stored copy of it is found.
        const marker = newMarker();
        const body = !sent.body
          ? undefined
          : sent.body.label === "json"
            ? {
                ...sent.body,
                body: Buffer.from(JSON.stringify(withMarker(JSON.parse(sent.body.body.toString()), marker))),
              }
            : sent.body.label === "marked json" || sent.body.label === "form"
              ? {
                  ...sent.body,
                  body: Buffer.from(sent.body.body.toString().replaceAll(MARK, marker).replace(CSRF, auth.csrfToken!)),
                }
              : { ...sent.body, body: Buffer.concat([sent.body.body, Buffer.from(marker)]) };
        const path = sent.path.includes("?") ? `${sent.path}&m=${marker}` : `${sent.path}?m=${marker}`;
        await send(file, c, { ...sent, path, body }, marker);
      },
      "runs" in c ? c.runs : 3,
    );
  });
}

test.afterAll(() => {
  console.log(
    `hostile API: ${tally.routes} routes, ${tally.inputs} inputs, ${tally.accepted} accepted, ${tally.rejected} rejected (seed ${process.env.E2E_FC_SEED ?? "default"})`,
  );
});
