// `npm run bench:oncall`: N schedules (default 500) × 3 layers (hours / days / weeks, several zones, weekday
// restrictions on some, 3–8 members each) and 200 overrides in a throwaway embedded Postgres. Measures
// "who is on call now" for all of them through findOnCallNow (the first call in the process, then warm, then at
// a new instant each round so held answers miss) next to the bare SQL of the same two statements through pg,
// the computing alone (onCallAt, rows in memory), and one schedule's 2-week final timeline (finalShifts).
//   npm run bench:oncall -- --schedules 2000
import os from "node:os";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { findOnCallNow, findScheduleRotations } from "@/lib/oncall/queries";
import { onCallAt } from "@/lib/oncall/on-call-now";
import { finalShifts } from "@/lib/oncall/rotation";
import { benchCli, cleanUpOnce, invokedAs, timeRatio, type BenchOptions, type BenchResult } from "./lib/bench-run";
import { percentiles, sample } from "./lib/measure";
import { startThrowawayDatabase, type ThrowawayDatabase } from "./lib/throwaway";

const DEFAULT_SCHEDULES = 500;
const LAYERS = 3;
const OVERRIDES = 200;
const CONTACTS = 1000;
const ROUNDS = 30;
const TIMELINE_ROUNDS = 100;
const GOAL_NOW_MS = 20;
const GOAL_TIMELINE_MS = 10;
const DAY_MS = 86_400_000;

const ZONES = [
  "Europe/Berlin",
  "America/New_York",
  "Asia/Kolkata",
  "Australia/Sydney",
  "America/Los_Angeles",
  "Europe/London",
  "Asia/Tokyo",
  "UTC",
];

/** `--schedules N` from argv (npm run bench:oncall -- --schedules 2000); the whole-suite run uses the default. */
function schedulesFromArgs(argv: readonly string[]): number {
  const at = argv.indexOf("--schedules");
  if (at < 0) return DEFAULT_SCHEDULES;
  const n = Number(argv[at + 1]);
  if (!Number.isInteger(n) || n < 1 || n > 100_000)
    throw new Error("--schedules takes a whole number from 1 to 100000");
  return n;
}

/** A small deterministic generator, so two runs seed the same rotations. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const quote = (v: string) => `'${v.replace(/'/g, "''")}'`;

async function seed(raw: pg.Client, schedules: number) {
  const rnd = random(21);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  await raw.query(`INSERT INTO "Contact" (id, name, email, "updatedAt")
    SELECT 'c' || g, 'Person ' || g, 'p' || g || '@bench.test', now() FROM generate_series(1, ${CONTACTS}) g`);
  const scheduleRows: string[] = [];
  const layerRows: string[] = [];
  const memberRows: string[] = [];
  const start = new Date(Date.now() - 60 * DAY_MS).toISOString().slice(0, 10);
  for (let s = 1; s <= schedules; s++) {
    scheduleRows.push(`('s${s}', 'Schedule ${s}', ${quote(pick(ZONES))}, now())`);
    for (let l = 1; l <= LAYERS; l++) {
      // One layer of each unit per schedule: 12-hour, 1–3-day and weekly rotations.
      const [length, unit] = l === 1 ? [12, "hours"] : l === 2 ? [1 + Math.floor(rnd() * 3), "days"] : [1, "weeks"];
      const restricted = rnd() < 0.3;
      const restrictions = restricted ? [{ days: [1, 2, 3, 4, 5], from: "09:00", to: "17:00" }] : [];
      const id = `s${s}l${l}`;
      layerRows.push(
        `(${quote(id)}, 's${s}', ${l}, ${quote(pick(ZONES))}, ${quote(start)}, ${quote(pick(["09:00", "10:00", "00:00", "18:30"]))}, ${length}, '${unit}', ${quote(JSON.stringify(restrictions))}::jsonb)`,
      );
      const members = 3 + Math.floor(rnd() * 6);
      for (let m = 0; m < members; m++)
        memberRows.push(`(${quote(id)}, ${m + 1}, 'c${1 + Math.floor(rnd() * CONTACTS)}')`);
    }
  }
  const overrideRows: string[] = [];
  for (let o = 1; o <= OVERRIDES; o++) {
    // Around now: some cover this instant, some begin later (the warm rounds and the moving instants meet both).
    const startsAt = Date.now() + Math.floor((rnd() - 0.5) * 4 * DAY_MS);
    const endsAt = Math.max(startsAt, Date.now()) + Math.floor((0.5 + rnd() * 3) * DAY_MS);
    overrideRows.push(
      `('o${o}', 's${1 + Math.floor(rnd() * schedules)}', 'c${1 + Math.floor(rnd() * CONTACTS)}', ${quote(new Date(startsAt).toISOString())}, ${quote(new Date(endsAt).toISOString())})`,
    );
  }
  const insert = async (table: string, columns: string, rows: string[]) => {
    for (let i = 0; i < rows.length; i += 2000)
      await raw.query(`INSERT INTO "${table}" (${columns}) VALUES ${rows.slice(i, i + 2000).join(",")}`);
  };
  await insert("OnCallSchedule", `id, name, "timeZone", "updatedAt"`, scheduleRows);
  await insert(
    "ScheduleLayer",
    `id, "scheduleId", position, "timeZone", "startDate", "handoffTime", "shiftLength", "shiftUnit", restrictions`,
    layerRows,
  );
  await insert("ScheduleLayerMember", `"layerId", position, "contactId"`, memberRows);
  await insert("ScheduleOverride", `id, "scheduleId", "contactId", "startsAt", "endsAt"`, overrideRows);
  await raw.query("ANALYZE");
  return { layers: layerRows.length, members: memberRows.length };
}

/** The same two statements findOnCallNow sends (layers with their members as one string; overrides covering `at`). */
async function rawRead(raw: pg.Client, at: Date) {
  const layers = await raw.query(`
    SELECT s.id AS "scheduleId", l.position, l."timeZone", l."startDate", l."handoffTime", l."shiftLength",
           l."shiftUnit"::text AS "shiftUnit", l.restrictions, m."memberIds"
    FROM "OnCallSchedule" s
    LEFT JOIN "ScheduleLayer" l ON l."scheduleId" = s.id
    LEFT JOIN (SELECT "layerId", string_agg("contactId", ' ' ORDER BY position) AS "memberIds"
               FROM "ScheduleLayerMember" GROUP BY "layerId") m ON m."layerId" = l.id`);
  const overrides = await raw.query(
    `SELECT "scheduleId", id, "contactId", "replacesContactId", "startsAt", "endsAt" FROM "ScheduleOverride"
     WHERE "startsAt" <= $1 AND "endsAt" > $1 ORDER BY "createdAt"`,
    [at],
  );
  return layers.rowCount! + overrides.rowCount!;
}

// Far enough apart that most layers' held answers (up to 12 hours) do not cover the next instant.
const STEP_MS = 7 * 3_600_000 + 13 * 60_000;

const ms = (t: { p50: number; p95: number }) => `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)}`;
const met = (value: number, goal: number) => (value < goal ? `goal < ${goal} ms: met` : `goal < ${goal} ms: NOT met`);

export async function runOnCallBench(options: BenchOptions, argv: readonly string[] = []): Promise<BenchResult> {
  const schedules = schedulesFromArgs(argv);
  let database: ThrowawayDatabase | undefined;
  let raw: pg.Client | undefined;
  let db: ReturnType<typeof createPrismaClient> | undefined;
  const cleanUp = cleanUpOnce(
    async () => {
      await db?.$disconnect().catch(() => {});
      await raw?.end().catch(() => {});
    },
    () => database,
  );
  try {
    database = await startThrowawayDatabase("lifeboat_bench_oncall");
    raw = new pg.Client({ connectionString: database.url });
    raw.on("error", () => {});
    await raw.connect();
    options.log(`Seeding ${schedules} schedules × ${LAYERS} layers and ${OVERRIDES} overrides…`);
    const seedStarted = performance.now();
    const seeded = await seed(raw, schedules);
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    db = createPrismaClient(database.url);
    await db.$queryRaw`SELECT 1`; // the pool connected: "cold" is about the rotation work, not the TCP handshake
    // The process's first Intl date format loads the platform's time-zone data; any date formatting pays it once
    // (a Next server has long before the first page asks who is on call), so it is shown on its own line.
    const intlStarted = performance.now();
    new Intl.DateTimeFormat("en-US", { timeZone: "UTC" }).format(0);
    const intl = performance.now() - intlStarted;
    options.log(`Who is on call now, all ${schedules} schedules (${ROUNDS} rounds)…`);
    const coldStarted = performance.now();
    const first = await findOnCallNow(db);
    const cold = performance.now() - coldStarted;
    if (first.size !== schedules) throw new Error(`findOnCallNow answered for ${first.size} of ${schedules} schedules`);
    const covered = [...first.values()].filter(Boolean).length;
    const warm = await sample(() => findOnCallNow(db!), ROUNDS);
    let round = 0;
    const moving = await sample(() => findOnCallNow(db!, new Date(Date.now() + ++round * STEP_MS)), ROUNDS);
    const rawTimes = await sample(() => rawRead(raw!, new Date()), ROUNDS);
    // The computing alone, rows in memory, at a new instant each round (held answers mostly miss).
    const rotations = await findScheduleRotations(db);
    const computeSamples: number[] = [];
    for (let i = 1; i <= ROUNDS; i++) {
      const at = new Date(Date.now() + (ROUNDS + i) * STEP_MS);
      const started = performance.now();
      for (const r of rotations) onCallAt(r.layers, r.overrides, at);
      computeSamples.push(performance.now() - started);
    }
    const compute = percentiles(computeSamples);

    options.log(`One schedule's 2-week final timeline (${TIMELINE_ROUNDS} rounds)…`);
    // The costliest kind: a schedule with an override and restrictions, if there is one.
    const one =
      rotations.find((r) => r.overrides.length && r.layers.some((l) => l.restrictions.length)) ?? rotations[0]!;
    const from = new Date();
    const to = new Date(from.getTime() + 14 * DAY_MS);
    const timelineSamples: number[] = [];
    let shiftCount = 0;
    for (let i = 0; i <= TIMELINE_ROUNDS; i++) {
      const started = performance.now();
      shiftCount = finalShifts(one.layers, one.overrides, from, to).length;
      if (i > 0) timelineSamples.push(performance.now() - started); // the first warms up the JIT
    }
    const timeline = percentiles(timelineSamples);

    const nowNote = `${met(warm.p95, GOAL_NOW_MS)} (p95 warm); new instant ${met(moving.p95, GOAL_NOW_MS)} (p95); cold ${met(cold, GOAL_NOW_MS)}`;
    const timelineNote = met(timeline.p95, GOAL_TIMELINE_MS);
    options.report(
      `\nSeeded ${schedules} schedules, ${seeded.layers} layers, ${seeded.members} members, ${OVERRIDES} overrides in ${seedSeconds.toFixed(1)} s; ${covered} of ${schedules} have someone on call now; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores.`,
    );
    options.report(`Times in ms (p50 / p95 of ${ROUNDS}; timeline of ${TIMELINE_ROUNDS}).`);
    const row = (label: string, value: string, note: string) =>
      options.report(`${label.padEnd(58)} ${value.padStart(14)}   ${note}`);
    row("the process's first Intl date format (zone data, once)", intl.toFixed(1), "before the cold call");
    row("on call now, all schedules: first call (cold)", cold.toFixed(1), met(cold, GOAL_NOW_MS));
    row("on call now, all schedules: warm", ms(warm), met(warm.p95, GOAL_NOW_MS));
    row("on call now, all schedules: a new instant each round", ms(moving), met(moving.p95, GOAL_NOW_MS));
    row("  of which computing (onCallAt, rows in memory)", ms(compute), "");
    row("raw baseline: the same two statements via pg", ms(rawTimes), "");
    row(`one schedule's 2-week timeline (${shiftCount} shifts)`, ms(timeline), timelineNote);
    const problems = [
      ...(cold >= GOAL_NOW_MS ? [`on call now for ${schedules} schedules: cold ${cold.toFixed(1)} ms`] : []),
      ...(warm.p95 >= GOAL_NOW_MS ? [`on call now for ${schedules} schedules: p95 ${warm.p95.toFixed(1)} ms`] : []),
      ...(moving.p95 >= GOAL_NOW_MS
        ? [`on call now for ${schedules} schedules at new instants: p95 ${moving.p95.toFixed(1)} ms`]
        : []),
      ...(timeline.p95 >= GOAL_TIMELINE_MS ? [`2-week timeline: p95 ${timeline.p95.toFixed(1)} ms`] : []),
    ];
    return {
      rows: [
        {
          measurement: `on call now, ${schedules} schedules × ${LAYERS} layers + ${OVERRIDES} overrides (cold; warm; new instant p50 / p95 ms)`,
          lifeboat: `${cold.toFixed(1)}; ${ms(warm)}; ${ms(moving)}`,
          baseline: `same statements via pg ${ms(rawTimes)}`,
          ratio: timeRatio(warm.p50, rawTimes.p50),
          note: nowNote,
        },
        {
          measurement: `one schedule's 2-week final timeline (p50 / p95 ms)`,
          lifeboat: ms(timeline),
          baseline: "",
          note: timelineNote,
        },
      ],
      problems,
    };
  } catch (error) {
    // Said before the clean-up stops Postgres: its shutdown must not hide why the bench failed.
    options.log(`bench-oncall failed: ${(error as Error).stack ?? String(error)}`);
    throw error;
  } finally {
    await cleanUp();
  }
}

if (invokedAs("bench-oncall")) benchCli((options) => runOnCallBench(options, process.argv.slice(2)));
