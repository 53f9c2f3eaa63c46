// Date.parse accepts years from -271821 to 275760; Postgres timestamps stop at 4713 BC, and a year past
// 9999 is no real report either. A timestamp outside 1970–9999 sent by a machine is refused as invalid
// rather than failing the insert or query with a 500.
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(10_000, 0, 1);

/** Whether an ISO/RFC 3339 timestamp parses and falls in the years Lifeboat stores (1970–9999). */
export function isStorableTimestamp(value: string): boolean {
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && ms >= EARLIEST && ms < LATEST;
}
