// Hostile input for the e2e fuzz specs: fast-check arbitraries for values (attack strings, control and
// exotic unicode, huge strings, wrong types, deep nesting, prototype-pollution keys) and for raw request
// bodies (malformed JSON, wrong content type, empty, invalid UTF-8). Every hostile string carries a
// per-call marker, so "nothing stored" is checked by searching the database for that marker: global row
// counts would flake while other specs write to the same database in parallel.
import fc from "fast-check";
import { randomBytes } from "node:crypto";

/** Fixed by default so a failure reproduces; E2E_FC_SEED replays another run (fast-check prints the seed). */
const FC_SEED = Number(process.env.E2E_FC_SEED ?? 20_260_521);

/** Runs a property with the fixed seed; on failure the seed is printed so `E2E_FC_SEED=… npm run test:e2e` replays it. */
export async function checkProperty<T>(
  label: string,
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void>,
  numRuns: number,
) {
  try {
    await fc.assert(fc.asyncProperty(arbitrary, predicate), { seed: FC_SEED, numRuns, endOnFailure: true });
  } catch (error) {
    console.log(`[hostile] ${label} failed with E2E_FC_SEED=${FC_SEED}`);
    // fast-check prints the whole counterexample: megabytes for a huge body. The cause holds the assertion.
    const { message, cause } = error as Error;
    const head = message.length > 3000 ? `${message.slice(0, 3000)}… (${message.length} characters)` : message;
    throw new Error(`${head}\nCause: ${(cause as Error | undefined)?.message ?? "none"}`, { cause });
  }
}

/** A lowercase ASCII tag: survives trimming and lowercasing, and is found by a plain text search. */
export const newMarker = () => `zq${randomBytes(6).toString("hex")}`;

const SQL_INJECTION = [
  `'; DROP TABLE "User";--`,
  `' OR 1=1--`,
  `" OR ""="`,
  `1; SELECT pg_sleep(5)--`,
  `'||(SELECT current_user)||'`,
  `\\'; DELETE FROM "AuditEvent"; --`,
];
const TEMPLATE_INJECTION = [
  "{{7*7}}",
  "${7*7}",
  "<%= 7*7 %>",
  "#{7*7}",
  "{{constructor.constructor('return 1')()}}",
  "${{<%[%'\"}}%\\.",
];
const HTML_INJECTION = [
  `<script>alert(1)</script>`,
  `<img src=x onerror=alert(1)>`,
  `"><svg onload=alert(1)>`,
  `javascript:alert(1)`,
  `</textarea><script>alert(1)</script>`,
  `<a href="data:text/html,<script>alert(1)</script>">x</a>`,
];
/** Timestamps JavaScript parses but Postgres cannot store, or no clock would report. */
export const EDGE_DATES = [
  "-271821-04-20T00:00:00Z",
  "+275760-09-13T00:00:00Z",
  "0000-01-01T00:00:00Z",
  "0001-01-01T00:00:00Z",
  "9999-12-31T23:59:59.999Z",
  "2026-02-30T25:61:61Z",
  "1",
];
const PATH_AND_FORMAT = [
  "../../../../etc/passwd",
  "%00",
  "%s%s%s%n",
  "\\",
  "'",
  '"',
  "`",
  "\r\nSet-Cookie: x=1",
  "INC-0",
  "INC-99999999999",
];
const ATTACKS = [...SQL_INJECTION, ...TEMPLATE_INJECTION, ...HTML_INJECTION, ...PATH_AND_FORMAT, ...EDGE_DATES];

// C0/C1 controls, bidi overrides (RTL), zero-width characters, BOM, line/paragraph separators, NUL.
const CONTROL = [
  "\u0000",
  "\u0001",
  "\u0007",
  "\b",
  "\t",
  "\n",
  "\v",
  "\f",
  "\r",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u009f",
];
const INVISIBLE = [
  "\u200b",
  "\u200c",
  "\u200d",
  "\u200e",
  "\u200f",
  "\u202a",
  "\u202b",
  "\u202e",
  "\u2066",
  "\u2069",
  "\ufeff",
  "\u2028",
  "\u2029",
];
const EXOTIC = ["😀", "👩‍👩‍👧‍👦", "𝕏", "𠜎", "مرحبا", "שלום", "Ω", "ǅ", "ﬃ", "İ", "\u0301", "Z̴̧̛̞͖a̶͙͠l̵͎̈́g̸̱̈o̵̳͝"];
/** Lone surrogates: JSON can carry them (\ud800), UTF-8 cannot, so storing one verbatim is impossible. */
const LONE_SURROGATES = ["\ud800", "\udfff", "a\udc00b"];

const piece = fc.oneof(
  fc.constantFrom(...ATTACKS),
  fc.constantFrom(...CONTROL),
  fc.constantFrom(...INVISIBLE),
  fc.constantFrom(...EXOTIC),
  fc.constantFrom(...LONE_SURROGATES),
  fc.string({ maxLength: 12, unit: "grapheme" }),
);

/** A short hostile string: a few attack, control and unicode pieces glued together. */
export const hostileShortString = fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(""));

/** Hostile text Postgres can hold (no NUL, no lone surrogate): the kind a correctly typed field may accept. */
export const storableHostileString = hostileShortString
  .map((s) => s.replaceAll("\u0000", "").toWellFormed())
  .filter((s) => s.trim().length > 0);

/** A long string, built by repetition (generating megabytes character by character is too slow). */
export const hugeString = (min: number, max: number) =>
  fc
    .tuple(fc.constantFrom(...ATTACKS, "a", "é", "😀", "\u202e"), fc.integer({ min, max }))
    .map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n));

/** Any hostile string: mostly short, sometimes just over a typical limit, now and then megabytes. */
export const hostileString = fc.oneof(
  { weight: 6, arbitrary: hostileShortString },
  { weight: 2, arbitrary: hugeString(100, 5_000) },
  { weight: 1, arbitrary: hugeString(100_000, 1_200_000) },
);

/** Builds arrays nested `depth` deep without recursion (JSON.parse of the result is the point). */
function nested(depth: number, leaf: unknown = 0): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** An object whose own keys are the prototype-pollution names (JSON.parse makes them own properties). */
const pollutionObject = fc.constantFrom(
  JSON.parse('{"__proto__":{"isAdmin":true,"role":"admin"}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  JSON.parse('{"__proto__":null,"toString":"x","valueOf":1,"hasOwnProperty":"y"}'),
) as fc.Arbitrary<Record<string, unknown>>;

/** Values of the wrong type for almost any field. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 1.5, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer(), hostileShortString, fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(hostileShortString, fc.oneof(fc.integer(), hostileShortString), { maxKeys: 3 }),
  fc.integer({ min: 50, max: 2_000 }).map((depth) => nested(depth)),
  pollutionObject,
);

/** A value for a field: hostile text (a valid type for string fields), a wrong type, or absent. */
const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 4, arbitrary: wrongType },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

/** Extra keys no schema expects, prototype-pollution names among them. */
const extraKeys = fc.dictionary(
  fc.oneof(
    fc.constantFrom("__proto__", "constructor", "prototype", "isAdmin", "role", "id", "$where", "_errors"),
    hostileShortString,
  ),
  fc.oneof(hostileShortString, wrongType),
  { maxKeys: 3 },
);

/** Adds the marker to every string inside a value (keys too), so a stored copy of any of it can be found. */
export function withMarker(value: unknown, marker: string): unknown {
  // Edge timestamps stay as they are: with a marker they would no longer parse, and never reach the database.
  if (typeof value === "string") return EDGE_DATES.includes(value) ? value : `${value}${marker}`;
  if (Array.isArray(value)) return value.map((v) => withMarker(v, marker));
  if (value && typeof value === "object") {
    // Deep nesting is the point of some values: copy it as is rather than recurse thousands of levels.
    if (depthOver(value, 40)) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      Object.defineProperty(out, k, {
        value: withMarker(v, marker),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out;
  }
  return value;
}

function depthOver(value: unknown, limit: number): boolean {
  let current = value;
  for (let i = 0; i < limit; i++) {
    if (!current || typeof current !== "object") return false;
    const first = Object.values(current)[0];
    current = first;
  }
  return true;
}

/** A hostile object for a schema with the given field names: each field hostile or missing, plus extra keys. */
export function hostileObject(fields: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const record = Object.fromEntries(fields.map((f) => [f, fieldValue]));
  return fc.tuple(fc.record(record), extraKeys).map(([known, extra]) => {
    const out: Record<string, unknown> = {};
    // defineProperty: a "__proto__" key must become an own property, as JSON.parse would make it.
    for (const [k, v] of [...Object.entries(extra), ...Object.entries(known)]) {
      if (v !== undefined)
        Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return out;
  });
}

/** Inputs that are not an object at all. */
export const nonObject: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(hostileShortString, fc.integer()), { maxLength: 5 }),
  fc.integer({ min: 100, max: 3_000 }).map((d) => nested(d)),
);

export type RawBody = { label: string; body: Buffer; contentType?: string };

/** Request bodies that are not well-formed JSON (or not declared as JSON), built around a valid document. */
export function malformedBody(valid: unknown): fc.Arbitrary<RawBody> {
  const text = JSON.stringify(valid);
  return fc.oneof(
    fc
      .integer({ min: 0, max: Math.max(0, text.length - 1) })
      .map((n) => ({ label: "truncated", body: Buffer.from(text.slice(0, n)) })),
    hostileShortString.map((junk) => ({ label: "trailing garbage", body: Buffer.from(`${text}${junk || "}"}x`) })),
    fc.constant({ label: "empty", body: Buffer.alloc(0) }),
    fc.constant({ label: "whitespace", body: Buffer.from(" \n\t ") }),
    fc
      .constantFrom(
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
      )
      .map((contentType) => ({ label: `as ${contentType}`, body: Buffer.from(text), contentType })),
    fc.constant({
      label: "form-encoded",
      body: Buffer.from("a=1&b=%00&c[]=x"),
      contentType: "application/x-www-form-urlencoded",
    }),
    fc.constant({
      label: "invalid UTF-8",
      body: Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('"}')]),
    }),
    fc.constant({ label: "BOM then JSON", body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) }),
    fc
      .constantFrom(
        "NaN",
        "undefined",
        "{'a':1}",
        "{a:1}",
        "[1,2,]",
        '{"a":1,}',
        "\u0000",
        "null",
        "true",
        "0",
        '"x"',
        "[]",
      )
      .map((s) => ({ label: `literal ${JSON.stringify(s)}`, body: Buffer.from(s) })),
    fc
      .integer({ min: 5_000, max: 200_000 })
      .map((depth) => ({ label: `nested ${depth} deep`, body: Buffer.from("[".repeat(depth) + "]".repeat(depth)) })),
    fc.constant({ label: "duplicate keys", body: Buffer.from(text.replace(/^\{/, '{"__proto__":{"polluted":1},')) }),
  );
}

/** A body over `limit` bytes (valid JSON text, so only its size is wrong). */
export const oversizedBody = (limit: number) =>
  fc
    .integer({ min: limit + 1, max: Math.max(limit + 1, 3 * 1024 * 1024) })
    .map((n) => ({ label: `${n} bytes`, body: Buffer.from(JSON.stringify({ pad: "x".repeat(n) })) }));
