// Every server action in the build × property-based hostile input, called as the demo admin (who passes
// every permission, so what is exercised is validation). Each action's fields are learnt from its answer
// to `{}`; then it gets non-object inputs, objects with hostile or wrongly typed fields plus extra keys,
// objects of storable hostile text in every field (what a text field may accept), and malformed bodies. Never a 500 or an unexpected server error; a rejected input leaves no row
// holding its marker; an accepted one stored every hostile string it carried exactly as sent.
// Destructive actions need no skip: generated ids never match a real row, so nothing existing is touched.
import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { DATABASE_DOWN_ACTION_ERROR, UNEXPECTED_ACTION_ERROR } from "../lib/actions/messages";
import { DEMO_PASSWORD, demoEmail, signInViaApi } from "./support/auth";
import {
  checkProperty,
  hostileObject,
  malformedBody,
  newMarker,
  nonObject,
  storableHostileString,
  withMarker,
} from "./support/hostile";
import { actionResult, callServerAction, postRawToAction, serverActions } from "./support/server-action";
import { rowsWithMarker, storedExactly } from "./support/stored";

// In order in one worker (the summary counts every test) but independent: one failure does not hide the rest.
test.describe.configure({ mode: "default" });

const actions = serverActions();
/** Tuned so the spec stays near a minute: every run is one request and one search of the database. */
const RUNS = { nonObject: 3, object: 8, text: 2, malformed: 40 };
const tally = { inputs: 0, accepted: 0, rejected: 0 };
const accepted = new Set<string>();

let request: APIRequestContext;
let baseURL: string;

test.beforeAll(async ({ browser, baseURL: url }) => {
  baseURL = url!;
  const page = await (await browser.newContext()).newPage();
  await signInViaApi(page, demoEmail("admin"), DEMO_PASSWORD);
  request = page.request;
});

type Action = (typeof actions)[number];
type Outcome = "accepted" | "rejected";

/** One call: never a 5xx nor an unexpected error; a rejection leaves nothing holding the marker. */
async function call(
  action: Action,
  args: unknown[] | Buffer,
  marker: string,
  contentType?: string,
): Promise<{ outcome: Outcome; data?: unknown }> {
  const { status, text } = Buffer.isBuffer(args)
    ? await postRawToAction(request, action.filename, action.exportedName, args, baseURL, contentType)
    : await callServerAction(request, action.filename, action.exportedName, args, baseURL);
  const label = `${action.exportedName} (${status}): ${text.slice(0, 300)}`;
  tally.inputs += 1;
  expect(status, label).toBeLessThan(500);
  const result = actionResult(text);
  expect([UNEXPECTED_ACTION_ERROR, DATABASE_DOWN_ACTION_ERROR], label).not.toContain(result?.serverError);
  expect(result?.unhandledDigest, `${label}: an error escaped the action`).toBeUndefined();
  const accepted =
    status < 300 && result !== undefined && "data" in result && !result.validationErrors && !result.serverError;
  if (!accepted) {
    // Refused (validation, a user error, or a 4xx from the framework for a malformed request): nothing stored.
    expect(await rowsWithMarker(marker), `${label}: rejected input was stored`).toEqual({});
    tally.rejected += 1;
    return { outcome: "rejected" };
  }
  tally.accepted += 1;
  return { outcome: "accepted", data: result.data };
}

/** The field names an action's schema reports for `{}` (its required fields), nested ones as their top key. */
async function fieldsOf(action: Action): Promise<string[]> {
  const { text } = await callServerAction(request, action.filename, action.exportedName, [{}], baseURL);
  const result = actionResult(text);
  expect(result?.validationErrors, `${action.exportedName} accepted {}`).toBeTruthy();
  return Object.keys(result!.validationErrors!).filter((k) => k !== "_errors");
}

/** Calls with an object, a marker per field; when accepted, each string field is stored as sent or not at all. */
async function callWithObject(action: Action, fields: string[], value: Record<string, unknown>) {
  const marker = newMarker();
  const fieldMarker = (key: string) => `${marker}f${fields.indexOf(key) + 1}y`;
  const input = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withMarker(v, fieldMarker(k))]));
  const { outcome } = await call(action, [input], marker);
  if (outcome === "rejected") return;
  accepted.add(action.exportedName);
  for (const [key, sent] of Object.entries(input)) {
    if (typeof sent !== "string" || !fields.includes(key)) continue;
    const tables = Object.keys(await rowsWithMarker(fieldMarker(key)));
    // Schemas trim text; anything else (a changed character, a lost one) is a corruption.
    const exact = await Promise.all(
      tables.map((t) => storedExactly(t as Parameters<typeof storedExactly>[0], sent.trim())),
    );
    expect(
      tables.length === 0 || exact.some(Boolean),
      `${action.exportedName}.${key} stored other than sent: ${JSON.stringify(sent.slice(0, 120))}`,
    ).toBe(true);
  }
}

for (const action of actions) {
  test(`${action.exportedName}: hostile input is refused or stored verbatim`, async () => {
    const fields = await fieldsOf(action);

    await checkProperty(
      `${action.exportedName} non-object`,
      nonObject,
      async (value) => {
        const marker = newMarker();
        const { outcome } = await call(action, [withMarker(value, marker)], marker);
        expect(outcome, `${action.exportedName} accepted a non-object`).toBe("rejected");
      },
      RUNS.nonObject,
    );

    await checkProperty(
      `${action.exportedName} object`,
      hostileObject(fields),
      (value) => callWithObject(action, fields, value),
      RUNS.object,
    );

    // Every field a storable hostile string: where strings are the right type, this is what gets accepted.
    const text = fc.record(Object.fromEntries(fields.map((f) => [f, storableHostileString])));
    await checkProperty(
      `${action.exportedName} text`,
      text,
      (value) => callWithObject(action, fields, value),
      RUNS.text,
    );
  });
}

test("malformed request bodies to any action get a 4xx, never a 500", async () => {
  const valid = [{ id: "x", version: 1 }];
  await checkProperty(
    "malformed action bodies",
    fc.tuple(fc.constantFrom(...actions), malformedBody(valid)),
    async ([action, raw]) => {
      const marker = newMarker();
      await call(action, Buffer.concat([raw.body, Buffer.from(marker)]), marker, raw.contentType);
    },
    RUNS.malformed,
  );
});

test.afterAll(() => {
  console.log(
    `hostile actions: ${actions.length} actions, ${tally.inputs} inputs, ${tally.accepted} accepted (by ${[...accepted].join(", ") || "none"}), ${tally.rejected} rejected (seed ${process.env.E2E_FC_SEED ?? "default"})`,
  );
});
