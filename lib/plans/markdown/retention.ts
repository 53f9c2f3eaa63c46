// How long backups are kept, in the words of many languages: "kept for 30 days", "30-day retention", "Retention: 14
// days", "Retención: 30 días", "conservés 30 jours", "Aufbewahrung: 14 Tage", "30 gün saklanır", "30일 보관",
// "保留 14 天". Days: hours round up, weeks × 7, months × 30, years × 365. The vocabulary is data: a language is
// one more entry in each list.

/** Words that say a figure is how long something is kept. */
const RETENTION_CUES = [
  // en
  "retention",
  "retain",
  "retained",
  "retains",
  "kept",
  "keep",
  "keeps",
  "keeping",
  "stored for",
  "held for",
  "expire",
  "expires",
  "expiry",
  "purged after",
  "deleted after",
  "lifecycle",
  // es / pt
  "retención",
  "retencion",
  "retenidos",
  "retenidas",
  "se conservan",
  "conservar",
  "se guardan",
  "retenção",
  "retencao",
  "mantidos",
  "mantidas",
  "guardados",
  // fr
  "rétention",
  "conservation",
  "conservé",
  "conservée",
  "conservés",
  "conservées",
  "gardés",
  "gardées",
  // de
  "aufbewahrung",
  "aufbewahrt",
  "aufbewahrungsdauer",
  "vorhaltezeit",
  "vorgehalten",
  "behalten",
  // it
  "conservati",
  "conservate",
  "conservazione",
  // tr
  "saklanır",
  "saklama",
  "saklanan",
  "tutulur",
  "tutma süresi",
  // ko / ja / zh
  "보관",
  "보존",
  "保持",
  "保管",
  "保存期間",
  "保留",
];

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// A cue is a whole word in scripts with spaces; CJK cues stand anywhere.
const CUE = new RegExp(
  `(?:^|[^\\p{L}])(?:${RETENTION_CUES.filter((w) => /^[\p{Script=Latin}\s]+$/u.test(w))
    .map(escape)
    .join("|")})(?![\\p{L}])|${RETENTION_CUES.filter((w) => !/^[\p{Script=Latin}\s]+$/u.test(w))
    .map(escape)
    .join("|")}`,
  "iu",
);

/** The text says something is kept (a retention cue in any of the languages above). */
export function hasRetentionCue(text: string): boolean {
  return CUE.test(text.slice(0, 1000)) || /\bkeep[-_](?:daily|weekly|monthly|yearly)\b/.test(text.slice(0, 1000));
}

/** Retention units → days. Order matters: longer words first. */
const UNITS: [string, number][] = [
  // years
  ["years", 365],
  ["year", 365],
  ["yrs", 365],
  ["yr", 365],
  ["años", 365],
  ["año", 365],
  ["anos", 365],
  ["ano", 365],
  ["années", 365],
  ["année", 365],
  ["ans", 365],
  ["jahren", 365],
  ["jahre", 365],
  ["jahr", 365],
  ["anni", 365],
  ["anno", 365],
  ["yıl", 365],
  ["년", 365],
  ["年", 365],
  // months
  ["months", 30],
  ["month", 30],
  ["meses", 30],
  ["mes", 30],
  ["mois", 30],
  ["monaten", 30],
  ["monate", 30],
  ["monat", 30],
  ["mesi", 30],
  ["ay", 30],
  ["개월", 30],
  ["ヶ月", 30],
  ["か月", 30],
  ["カ月", 30],
  ["个月", 30],
  ["個月", 30],
  // weeks
  ["weeks", 7],
  ["week", 7],
  ["wks", 7],
  ["wk", 7],
  ["semanas", 7],
  ["semana", 7],
  ["semaines", 7],
  ["semaine", 7],
  ["wochen", 7],
  ["woche", 7],
  ["settimane", 7],
  ["hafta", 7],
  ["주", 7],
  ["週間", 7],
  ["周", 7],
  ["週", 7],
  // days
  ["days", 1],
  ["day", 1],
  ["días", 1],
  ["dias", 1],
  ["día", 1],
  ["dia", 1],
  ["jours", 1],
  ["jour", 1],
  ["tagen", 1],
  ["tage", 1],
  ["tag", 1],
  ["giorni", 1],
  ["gün", 1],
  ["일", 1],
  ["日間", 1],
  ["日", 1],
  ["天", 1],
  ["d", 1],
  ["j", 1],
  // hours (rounded up to whole days)
  ["hours", 1 / 24],
  ["hour", 1 / 24],
  ["hrs", 1 / 24],
  ["horas", 1 / 24],
  ["heures", 1 / 24],
  ["stunden", 1 / 24],
  ["ore", 1 / 24],
  ["saat", 1 / 24],
  ["시간", 1 / 24],
  ["時間", 1 / 24],
  ["小时", 1 / 24],
  ["h", 1 / 24],
];
const UNIT_DAYS = new Map(UNITS.map(([w, d]) => [w.toLowerCase(), d]));
const UNIT = UNITS.map(([w]) => escape(w)).join("|");
// "10 days", "14-day", "10–21 days" (the upper end), "14d", "30일", "14 天". The unit must end the word (for Latin
// letters): "3 daily" is no retention. No nested quantifiers; inputs are clipped.
const FIGURE = new RegExp(
  `(?:(\\d{1,5})\\s?(?:-|–|—|to|a|à|bis|ile)\\s?)?(\\d{1,5})[\\s-]?(${UNIT})(?![\\p{Script=Latin}])`,
  "giu",
);
// A bound before a figure makes it no retention ("up to 28 days" the plan allows, "> 28 days" a threshold).
const BOUND_BEFORE =
  /(?:[<>≤≥]|\b(?:up to|hasta|até|jusqu'à|jusqu’à|bis zu|fino a|more than|over|older than|after|más de|mais de|plus de|über|mehr als|sonra|kadar))\s*$/iu;

export type Retention = { days: number; phrase: string; index: number; converted: boolean };

function toDays(n: number, unit: string): number | null {
  const per = UNIT_DAYS.get(unit.toLowerCase());
  if (per === undefined) return null;
  const days = per < 1 ? Math.ceil(n * per) : n * per;
  return days > 0 && days <= 36_500 ? days : null;
}

/** Every retention figure in the text (a range gives its upper end), with what it was read from. */
export function findRetentions(text: string): Retention[] {
  const clipped = text.slice(0, 1000);
  const out: Retention[] = [];
  for (const m of clipped.matchAll(FIGURE)) {
    const before = clipped.slice(Math.max(0, m.index - 20), m.index);
    if (BOUND_BEFORE.test(before)) continue;
    const days = toDays(Number(m[2]), m[3]!);
    if (days === null) continue;
    if (m[1] !== undefined && Number(m[1]) > Number(m[2])) continue;
    out.push({ days, phrase: m[0].trim(), index: m.index, converted: UNIT_DAYS.get(m[3]!.toLowerCase()) !== 1 });
  }
  return out;
}

/**
 * How long backups are kept, in days: "Last 24 hours retained" → 1, "30 days" → 30, "12 weeks" → 84,
 * "12 months" → 360. Hours round up to whole days (keeping less than a day still means keeping that day's backups).
 */
export function parseRetentionDays(text: string): { days: number; phrase: string; converted: boolean } | null {
  const r = findRetentions(text)[0];
  return r ? { days: r.days, phrase: r.phrase, converted: r.converted } : null;
}

const TIERS: [RegExp, number][] = [
  [/^(?:daily|dailies|diarios?|diárias?|quotidiennes?|tägliche?|günlük|일간|日次|每日)$/iu, 1],
  [/^(?:weekly|weeklies|semanales?|semanais|hebdomadaires?|wöchentliche?|haftalık|주간|週次|每周)$/iu, 7],
  [/^(?:monthly|monthlies|mensuales?|mensais|mensuelles?|monatliche?|aylık|월간|月次|每月)$/iu, 30],
  [/^(?:yearly|annual|anuales?|anuais|annuelles?|jährliche?|yıllık)$/iu, 365],
];
const TIER = /(?<![\p{L}\d])(\d{1,4})\s?(\p{L}{2,12})(?!\p{L})/gu;

// restic / borg prune flags: "--keep-daily 10", "--keep-weekly=5".
const KEEP_FLAG = /\bkeep[-_](daily|weekly|monthly|yearly)(?:[ =:]\s?)(\d{1,4})\b/g;
const KEEP_DAYS: Record<string, number> = { daily: 1, weekly: 7, monthly: 30, yearly: 365 };

/**
 * "retain 7 daily, 4 weekly, 12 monthly" (grandfather-father-son), or the same as prune flags
 * ("--keep-weekly 5"): how far back each tier reaches, in days.
 */
export function findTierRetentions(text: string): Retention[] {
  const out: Retention[] = [];
  for (const m of text.slice(0, 1000).matchAll(KEEP_FLAG))
    out.push({ days: Number(m[2]) * KEEP_DAYS[m[1]!]!, phrase: m[0], index: m.index, converted: m[1] !== "daily" });
  if (out.length) return out;
  for (const m of text.slice(0, 1000).matchAll(TIER)) {
    const per = TIERS.find(([p]) => p.test(m[2]!))?.[1];
    if (per) out.push({ days: Number(m[1]) * per, phrase: m[0], index: m.index, converted: true });
  }
  return out;
}
