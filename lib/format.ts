// How times are shown everywhere: UTC, ISO-like, to the day, minute or second.
const LENGTH = { day: 10, minute: 16, second: 19 } as const;

export function formatUtc(date: Date, precision: keyof typeof LENGTH = "minute"): string {
  const text = date.toISOString().slice(0, LENGTH[precision]).replace("T", " ");
  return precision === "day" ? text : `${text} UTC`;
}
