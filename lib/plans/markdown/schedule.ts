// How often: backup frequencies ("Daily", "Hourly", "Every 6 hours", "Daily at 2:00 AM") and drill periods
// ("Monthly DR Tests", "Quarterly"). A time of day makes a cron expression; a bare frequency an interval.

const WORD_MINUTES: [RegExp, number][] = [
  [/\bhourly\b/i, 60],
  [/\b(?:daily|nightly|every\s+(?:day|night))\b/i, 1440],
  [/\b(?:fortnightly|bi-?weekly)\b/i, 20_160],
  [/\b(?:weekly|every\s+week)\b/i, 10_080],
  [/\b(?:monthly|every\s+month)\b/i, 43_200],
];
const EVERY = /\bevery\s+(\d+)\s*(minutes?|mins?|hours?|hrs?|days?|weeks?)\b/i;
const CONTINUOUS =
  /\b(?:real[\s-]?time|continuous(?:ly)?|streaming|on every (?:change|write)|synchronous|asynchronous|instant)\b/i;
const TIME = /\bat\s+(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?/i;
const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

export type Frequency =
  | { intervalMinutes: number; cron?: undefined; continuous?: undefined }
  | { cron: string; intervalMinutes?: undefined; continuous?: undefined }
  | { continuous: true; intervalMinutes?: undefined; cron?: undefined };

/** A backup frequency, or null when the text states none. */
export function parseFrequency(text: string): Frequency | null {
  if (CONTINUOUS.test(text)) return { continuous: true };
  const every = EVERY.exec(text);
  let interval: number | undefined;
  if (every) {
    const unit = every[2]!.toLowerCase();
    const scale = unit.startsWith("m") ? 1 : unit.startsWith("h") ? 60 : unit.startsWith("d") ? 1440 : 10_080;
    interval = Number(every[1]) * scale;
  } else interval = WORD_MINUTES.find(([pattern]) => pattern.test(text))?.[1];
  if (!interval) return null;
  const cron = timeOfDay(text, interval);
  return cron ? { cron } : { intervalMinutes: interval };
}

/** "Daily at 2:30 AM" → "30 2 * * *"; "Weekly on Sunday at 3 AM" → "0 3 * * 0". Other intervals keep no time. */
function timeOfDay(text: string, interval: number): string | null {
  const m = TIME.exec(text);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const half = m[3]?.toLowerCase().replace(/\./g, "");
  if (half && (hour < 1 || hour > 12)) return null;
  if (half === "pm" && hour !== 12) hour += 12;
  if (half === "am" && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return null;
  if (interval === 1440) return `${minute} ${hour} * * *`;
  const day = DAYS.findIndex((d) => new RegExp(`\\b${d}s?\\b`, "i").test(text));
  if (interval === 10_080 && day >= 0) return `${minute} ${hour} * * ${day}`;
  return null;
}

const DRILL_PERIODS: [RegExp, number][] = [
  [/\bdaily\b/i, 1],
  [/\b(?:fortnightly|bi-?weekly)\b/i, 14],
  [/\bweekly\b/i, 7],
  [/\bmonthly\b/i, 30],
  [/\bquarterly\b/i, 91],
  [/\b(?:semi-?annual(?:ly)?|bi-?annual(?:ly)?|half-?yearly|twice a year)\b/i, 182],
  [/\b(?:annual(?:ly)?|yearly|once a year)\b/i, 365],
];

/** How many days apart a "Monthly"/"Quarterly"/"Annual" exercise is. */
export function drillPeriodDays(text: string): number | null {
  return DRILL_PERIODS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/** Words that make a scheduled item an exercise of the plan rather than a backup. */
export const DRILL_WORDS = /\b(?:tests?|testing|drills?|exercises?|simulations?|game\s?days?|failover tests?)\b/i;

// ---- Backup schedules in the words of many languages ------------------------------------------------------------
// "daily at 02:15", "every 6 hours", "nightly at ~01:40", "hourly", "diário", "quotidien", "täglich", "günlük",
// "매일", "毎日", "每天", "cada 6 horas", "toutes les 6 heures", "alle 6 Stunden", "her 6 saatte", "6시간마다",
// "30分間隔", "每6小时". The vocabulary is data: a language is one more entry in each list.

/** Single words (or fixed phrases) that state an interval, by language. */
const FREQUENCY_WORDS: [string[], number][] = [
  [
    [
      // en, es, pt, fr, de, it, tr, ko, ja, zh
      "hourly",
      "every hour",
      "each hour",
      "once an hour",
      "cada hora",
      "a cada hora",
      "de hora em hora",
      "toutes les heures",
      "chaque heure",
      "stündlich",
      "jede stunde",
      "ogni ora",
      "saatlik",
      "her saat",
      "매시간",
      "毎時",
      "每小时",
      "每小時",
    ],
    60,
  ],
  [
    [
      "twice daily",
      "twice a day",
      "twice-daily",
      "dos veces al día",
      "duas vezes ao dia",
      "deux fois par jour",
      "zweimal täglich",
      "günde iki",
    ],
    720,
  ],
  [
    [
      "daily",
      "nightly",
      "every day",
      "every night",
      "each night",
      "once a day",
      "once per day",
      "diario",
      "diaria",
      "diarios",
      "diarias",
      "diariamente",
      "cada día",
      "cada noche",
      "todos los días",
      "todas las noches",
      "diário",
      "diária",
      "diários",
      "diárias",
      "todos os dias",
      "todas as noites",
      "quotidien",
      "quotidienne",
      "quotidiennes",
      "quotidiens",
      "journalier",
      "journalière",
      "tous les jours",
      "chaque jour",
      "chaque nuit",
      "täglich",
      "tägliche",
      "täglicher",
      "tägliches",
      "nächtlich",
      "nächtliche",
      "jede nacht",
      "jeden tag",
      "giornaliero",
      "giornaliera",
      "quotidiano",
      "quotidiana",
      "ogni giorno",
      "ogni notte",
      "günlük",
      "her gün",
      "her gece",
      "gecelik",
      "매일",
      "毎日",
      "日次",
      "毎晩",
      "每天",
      "每日",
      "每晚",
    ],
    1440,
  ],
  [["fortnightly", "bi-weekly", "biweekly", "every two weeks", "every other week"], 20_160],
  [
    [
      "weekly",
      "every week",
      "once a week",
      "once per week",
      "semanal",
      "semanales",
      "semanalmente",
      "cada semana",
      "todas las semanas",
      "toda semana",
      "todas as semanas",
      "hebdomadaire",
      "hebdomadaires",
      "chaque semaine",
      "toutes les semaines",
      "wöchentlich",
      "wöchentliche",
      "jede woche",
      "settimanale",
      "ogni settimana",
      "haftalık",
      "her hafta",
      "매주",
      "毎週",
      "週次",
      "每周",
      "每週",
    ],
    10_080,
  ],
  [
    [
      "monthly",
      "every month",
      "once a month",
      "mensual",
      "mensuales",
      "mensualmente",
      "cada mes",
      "mensal",
      "mensais",
      "todo mês",
      "mensuel",
      "mensuelle",
      "chaque mois",
      "tous les mois",
      "monatlich",
      "monatliche",
      "jeden monat",
      "mensile",
      "ogni mese",
      "aylık",
      "her ay",
      "매월",
      "毎月",
      "月次",
      "每月",
    ],
    43_200,
  ],
];

/** "every N unit" in many languages: the words before the number, and the unit words → minutes. */
const EVERY_BEFORE = ["every", "each", "cada", "a cada", "toutes les", "tous les", "alle", "ogni", "her", "每"];
const EVERY_AFTER = ["bir", "마다", "間隔", "ごと", "おき", "毎"];
const STEP_UNITS: [string[], number][] = [
  [["seconds", "second", "secs", "sec", "segundos", "secondes", "sekunden", "secondi", "saniye", "초", "秒"], 1 / 60],
  [
    [
      "minutes",
      "minute",
      "minuten",
      "minutos",
      "minuto",
      "minuti",
      "mins",
      "min",
      "dakika",
      "dk",
      "분",
      "分钟",
      "分間",
      "分",
    ],
    1,
  ],
  [
    ["hours", "hour", "hrs", "hr", "horas", "heures", "stunden", "ore", "saat", "시간", "時間", "小时", "小時", "h"],
    60,
  ],
  [["days", "day", "días", "dias", "jours", "tage", "giorni", "gün", "일", "日", "天"], 1440],
  [["weeks", "week", "semanas", "semaines", "wochen", "settimane", "hafta", "주", "週", "周"], 10_080],
];
const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  eight: 8,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  thirty: 30,
};
const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const byLength = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(esc);
const STEP_UNIT = byLength(STEP_UNITS.flatMap(([w]) => w)).join("|");
const STEP_MINUTES = new Map(STEP_UNITS.flatMap(([w, m]) => w.map((x) => [x, m] as const)));
const NUM = `(\\d{1,4}|${Object.keys(NUMBER_WORDS).join("|")})`;
// A Latin word must not touch another letter, a digit or "_" ("job_daily" is a name); CJK words stand anywhere.
const BEFORE = "(?<![\\p{Script=Latin}\\w])";
const AFTER = "(?![\\p{Script=Latin}\\w])";
// Turkish case endings after a unit: "6 saatte bir".
const SUFFIX = "(?:te|ta|de|da)?";
const EVERY_N = new RegExp(
  `${BEFORE}(?:${byLength(EVERY_BEFORE).join("|")})\\s?${NUM}\\s?(${STEP_UNIT})${SUFFIX}${AFTER}|${BEFORE}${NUM}\\s?(${STEP_UNIT})${SUFFIX}\\s?(?:${byLength(EVERY_AFTER).join("|")})`,
  "giu",
);
const WORDS = new RegExp(`${BEFORE}(?:${byLength(FREQUENCY_WORDS.flatMap(([w]) => w)).join("|")})${AFTER}`, "giu");
const WORD_EVERY = new Map(FREQUENCY_WORDS.flatMap(([w, m]) => w.map((x) => [x, m] as const)));

export type Every = { everyMinutes: number; phrase: string; index: number };

/** Every interval the text states, in the order written. */
export function findFrequencies(text: string): Every[] {
  const clipped = text.slice(0, 1000).replace(/\s+/g, " ");
  const out: Every[] = [];
  for (const m of clipped.matchAll(EVERY_N)) {
    const n = m[1] ?? m[3]!;
    const unit = (m[2] ?? m[4]!).toLowerCase();
    const count = /^\d/.test(n) ? Number(n) : NUMBER_WORDS[n.toLowerCase()]!;
    const minutes = Math.round(count * (STEP_MINUTES.get(unit) ?? 0) * 1000) / 1000;
    if (minutes >= 1 && Number.isInteger(minutes)) out.push({ everyMinutes: minutes, phrase: m[0], index: m.index });
  }
  for (const m of clipped.matchAll(WORDS)) {
    if (out.some((o) => m.index >= o.index && m.index < o.index + o.phrase.length)) continue;
    const minutes = WORD_EVERY.get(m[0].toLowerCase());
    if (minutes) out.push({ everyMinutes: minutes, phrase: m[0], index: m.index });
  }
  return out.sort((a, b) => a.index - b.index);
}

// Times of day: "02:30", "3:00 AM", "1 AM", "03h00", "3時30分", "凌晨 1 点半", "새벽 3시".
const CLOCK =
  /(?<![\d:.])(\d{1,2})(?::|h|時|点|點|시)(\d{2}|半)?(?:分|분)?\s?(am|pm|a\.m\.|p\.m\.)?(?![\d:])|(?<![\d:.])(\d{1,2})\s?(am|pm|a\.m\.|p\.m\.)(?![a-z])/giu;

/** The times of day the text states, as "HH:MM" (24 h). */
export function findTimes(text: string): string[] {
  const out: string[] = [];
  for (const m of text.slice(0, 1000).matchAll(CLOCK)) {
    let hour = Number(m[1] ?? m[4]);
    const minutes = m[2] === "半" ? 30 : Number(m[2] ?? 0);
    const half = (m[3] ?? m[5])?.toLowerCase().replace(/\./g, "");
    // "12h" alone is a duration, not a time: an "h" needs its minutes.
    if (m[1] !== undefined && /h/i.test(m[0]) && m[2] === undefined) continue;
    if (m[1] !== undefined && m[0].includes(":") && m[2] === undefined) continue;
    if (half && (hour < 1 || hour > 12)) continue;
    if (half === "pm" && hour !== 12) hour += 12;
    if (half === "am" && hour === 12) hour = 0;
    if (hour > 23 || minutes > 59) continue;
    const at = `${String(hour).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
    if (!out.includes(at)) out.push(at);
  }
  return out;
}

/** A five-field cron expression → its interval (and time of day); hour lists "6,18" spread evenly. */
export function cronEvery(cron: string): { everyMinutes: number; at?: string } | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5 || !fields.every((f) => /^[\d*/,-]{1,20}$/.test(f))) return null;
  const [minute, hour, day, month, weekday] = fields as [string, string, string, string, string];
  const hours = /^\d{1,2}(?:,\d{1,2}){1,23}$/.test(hour) ? hour.split(",").map(Number) : null;
  if (hours && /^\d{1,2}$/.test(minute) && day === "*" && month === "*" && weekday === "*") {
    const gaps = hours.slice(1).map((h, i) => h - hours[i]!);
    const gap = gaps[0]!;
    if (gap > 0 && gaps.every((g) => g === gap) && gap * hours.length === 24) return { everyMinutes: gap * 60 };
    return null;
  }
  return cronScheduleOf(minute, hour, day, month, weekday);
}

function cronScheduleOf(minute: string, hour: string, day: string, month: string, weekday: string) {
  const step = (field: string) => /^\*\/(\d{1,4})$/.exec(field)?.[1];
  const fixed = (field: string) => /^\d{1,2}$/.test(field);
  const at = (h: string, m: string) => `${h.padStart(2, "0")}:${m.padStart(2, "0")}`;
  if (month !== "*") return null;
  if (day !== "*")
    return fixed(day) && fixed(minute) && fixed(hour) && weekday === "*" ? { everyMinutes: 43_200 } : null;
  if (step(minute) && hour === "*" && weekday === "*") return { everyMinutes: Number(step(minute)) };
  if (fixed(minute) && hour === "*" && weekday === "*") return { everyMinutes: 60 };
  if (fixed(minute) && step(hour) && weekday === "*") return { everyMinutes: Number(step(hour)) * 60 };
  if (fixed(minute) && fixed(hour) && Number(hour) < 24 && Number(minute) < 60) {
    if (weekday === "*") return { everyMinutes: 1440, at: at(hour, minute) };
    if (/^\d$/.test(weekday)) return { everyMinutes: 10_080, at: at(hour, minute) };
  }
  return null;
}

/** systemd OnCalendar= values: "daily", "hourly", "weekly", "*-*-* 02:30:00", "Mon *-*-* 03:00". */
export function onCalendarEvery(value: string): { everyMinutes: number; at?: string } | null {
  const v = value.trim().toLowerCase();
  const word = ({ minutely: 1, hourly: 60, daily: 1440, weekly: 10_080, monthly: 43_200 } as Record<string, number>)[v];
  if (word) return { everyMinutes: word };
  const m = /^(?:(mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\s+)?\*-\*-\*\s+(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(v);
  if (!m) return null;
  const at = `${m[2]!.padStart(2, "0")}:${m[3]}`;
  return { everyMinutes: m[1] ? 10_080 : 1440, at };
}

/** Words that make a scheduled line something other than taking a backup: tests, restores, checks, reviews, costs. */
export const NOT_A_BACKUP = new RegExp(
  `(?<![\\p{L}])(?:${[
    // en
    "tests?",
    "testing",
    "tested",
    "drills?",
    "exercises?",
    "rehears\\w{0,6}",
    "simulations?",
    "game\\s?days?",
    "restor\\w{0,6}",
    "recover\\w{0,6}",
    "verif\\w{0,8}",
    "checks?",
    "checking",
    "reviews?",
    "reports?",
    "audits?",
    "costs?",
    "pric\\w{0,4}",
    "alerts?",
    "monitor\\w{0,5}",
    "updates?",
    "rotat\\w{0,5}",
    "prun\\w{0,3}",
    "clean\\w{0,4}",
    // es / pt / fr / it
    "pruebas?",
    "simulacros?",
    "restaur\\w{0,8}",
    "recupera\\w{0,6}",
    "verifica\\w{0,6}",
    "vérifi\\w{0,8}",
    "revis\\w{0,6}",
    "costos?",
    "custos?",
    "coûts?",
    "essais?",
    "exercícios?",
    "ejercicios?",
    "prova",
    // de
    "wiederherstell\\w{0,6}",
    "prüf\\w{0,6}",
    "überprüf\\w{0,6}",
    "kosten",
    "übung\\w{0,2}",
    // tr
    "geri yükle\\w{0,8}",
    "doğrula\\w{0,6}",
    "kontrol\\w{0,6}",
    "tatbikat\\w{0,4}",
    "örnekle\\w{0,6}",
  ]
    .join("|")
    .replace(
      /\\w/g,
      "\\p{L}",
    )})(?![\\p{L}])|테스트|훈련|리허설|복구|복원|검증|점검|テスト|訓練|復元|リストア|検証|演练|演習|测试|恢复|还原|验证|校验`,
  "iu",
);
