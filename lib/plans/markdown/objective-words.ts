// The words plans use for recovery objectives and their durations, in several languages, as data: the next language
// is one more entry. Every entry is a plain phrase (lower case); the readers build bounded patterns from them.

/** Labels of a recovery time objective. The acronym is the usual label in every language. */
export const RTO_LABELS = [
  "rto",
  "rtos",
  "recovery time objective",
  "recovery time objectives",
  "recovery time target",
  "target recovery time",
  "recovery time",
  "maximum downtime",
  "max downtime",
  "max. downtime",
  "maximum tolerable downtime",
  // es / pt
  "tiempo de recuperación",
  "tiempo objetivo de recuperación",
  "objetivo de tiempo de recuperación",
  "tempo de recuperação",
  "tempo objetivo de recuperação",
  // fr
  "temps de reprise",
  "durée maximale d'interruption",
  "délai de reprise",
  "temps de restauration",
  // de
  "wiederanlaufzeit",
  "wiederherstellungszeit",
  "maximale ausfallzeit",
  // it
  "tempo di ripristino",
  "tempo di recupero",
  // tr
  "kurtarma süresi",
  "kurtarma zamanı hedefi",
  // ko / ja / zh
  "복구 목표 시간",
  "目標復旧時間",
  "恢复时间目标",
  "恢復時間目標",
];

/** Labels of a recovery point objective. */
export const RPO_LABELS = [
  "rpo",
  "rpos",
  "recovery point objective",
  "recovery point objectives",
  "recovery point target",
  "recovery point",
  "maximum data loss",
  "max data loss",
  "maximum tolerable data loss",
  // es / pt
  "punto de recuperación",
  "pérdida de datos máxima",
  "pérdida máxima de datos",
  "ponto de recuperação",
  "perda máxima de dados",
  // fr
  "perte de données maximale",
  "perte de données maximum",
  "point de reprise",
  // de
  "maximaler datenverlust",
  "wiederherstellungspunkt",
  // it
  "punto di ripristino",
  "perdita massima di dati",
  // tr
  "kurtarma noktası",
  "kurtarma noktası hedefi",
  "maksimum veri kaybı",
  // ko / ja / zh
  "복구 목표 시점",
  "허용 데이터 손실",
  "目標復旧時点",
  "恢复点目标",
  "恢復點目標",
];

/** Duration units → minutes. Longer spellings first, so that an alternation never stops at a prefix. */
export const UNITS: [string[], number][] = [
  [
    [
      "minutes", "minute", "mins", "min.", "min",
      "minutos", "minuto", "minuten", "minuti", "dakikalık", "dakika", "dk", "분", "分钟", "分鐘", "分間", "分",
    ],
    1,
  ],
  [
    [
      "hours", "hour", "hrs", "hr", "horas", "hora", "heures", "heure", "stunden", "stunde", "std.", "std",
      "ore", "ora", "saatlik", "saat", "시간", "時間", "小时", "小時", "h",
    ],
    60,
  ],
  [["days", "day", "días", "día", "dias", "dia", "jours", "jour", "tage", "tagen", "tag", "giorni", "giorno", "gün", "일", "日", "天", "d", "j"], 1440],
  [["weeks", "week", "wks", "wk", "semanas", "semana", "semaines", "semaine", "wochen", "woche", "settimane", "settimana", "hafta", "주", "週間", "周", "w"], 10_080],
];

/** Words before a figure that make it an upper bound ("under 60 minutes", "até 3 horas"). */
export const AT_MOST = [
  "<=", "≤", "<", "under", "within", "up to", "less than", "at most", "no more than", "maximum", "max.", "max",
  "até", "hasta", "menos de", "como máximo", "no máximo", "moins de", "jusqu'à", "au plus", "bis zu", "höchstens",
  "maximal", "weniger als", "max", "entro", "fino a", "meno di", "en fazla", "en çok", "최대",
];
/** Words after a figure that make it an upper bound ("2時間以内", "30분 이내", "12 heures max"). */
export const AT_MOST_AFTER = ["以内", "以下", "未満", "이내", "이하", "内", "max.", "max", "maximum", "içinde", "altında"];
/** Words before a figure that make it approximate ("~15 min", "about an hour"): read as the figure. */
export const ABOUT = ["~", "approx.", "approximately", "about", "around", "roughly", "aprox.", "aproximadamente", "environ", "ca.", "etwa", "circa", "yaklaşık", "약", "约", "約"];

/**
 * A figure near these words is no objective: an example, a measurement, a phase of a procedure, an estimate.
 * Matched as whole words, any case.
 */
export const NOT_AN_OBJECTIVE = [
  "example", "examples", "e.g.", "eg.", "for instance", "actual", "measured", "measurement", "achieved", "observed",
  "effective", "response time", "impact", "downtime estimate", "estimated downtime", "phase", "t+", "test took",
  "took", "total", "roadmap", "planned", "future", "test results", "breakdown", "avg", "average", "elapsed", "current", "last test", "drill result",
  "ejemplo", "por ejemplo", "real", "medido", "exemplo", "medido", "par exemple", "exemple", "mesuré", "réel",
  "beispiel", "z.b.", "gemessen", "tatsächlich", "esempio", "misurato", "örnek", "ölçülen", "gerçekleşen",
  "예시", "예", "측정", "例", "实际", "実測", "测量",
];

/** Qualifiers before an RTO/RPO label that scope nothing ("Primary RTO", "Overall RPO", "Target RTO"). */
export const GENERIC_QUALIFIERS = [
  "primary", "overall", "system", "system-wide", "global", "target", "targeted", "maximum", "max", "our", "the",
  "default", "general", "business", "agreed", "committed", "backup", "objetivo", "objectif", "ziel", "hedef",
  "목표", "目标", "目標", "and", "/",
];

/** Words that introduce a scope after a figure ("6 hours for customer-facing services"). */
export const FOR = ["for", "para", "pour", "für", "per", "için"];
