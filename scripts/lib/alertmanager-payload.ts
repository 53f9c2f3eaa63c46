// Alertmanager webhook bodies for load tests, and their wrk Lua form: a fixed body (a retry storm) or
// one whose group key and fingerprints differ on every request (new alerts).

/** An Alertmanager v4 delivery of one firing group, shaped like the captured payloads (endsAt "0001-…"). */
export function alertmanagerBody(groupKey: string, fingerprints: string[]) {
  return {
    version: "4",
    groupKey,
    truncatedAlerts: 0,
    status: "firing",
    receiver: "bench",
    groupLabels: { alertname: "BenchAlert" },
    commonLabels: { alertname: "BenchAlert", severity: "warning" },
    commonAnnotations: {},
    externalURL: "http://am",
    alerts: fingerprints.map((fingerprint) => ({
      status: "firing",
      labels: { alertname: "BenchAlert", service: "Redis", system: "NEURECTOMY Platform", severity: "warning" },
      annotations: { summary: "bench" },
      startsAt: new Date().toISOString(),
      endsAt: "0001-01-01T00:00:00Z",
      generatorURL: "http://prom",
      fingerprint,
    })),
  };
}

// Lua long strings ([==[ ]==]) take the JSON verbatim, quotes and backslashes included.
export const luaString = (text: string) => `[==[${text}]==]`;

/** Where a body passed to luaBody gets each request's own id. */
export const UNIQUE = "@@unique@@";

/** A wrk Lua expression for `json` with every UNIQUE replaced by the thread's address and its request counter. */
export const luaBody = (json: string) =>
  json.split(UNIQUE).map(luaString).join(` .. (tostring(wrk.thread):gsub("[^%w]", "")) .. "-" .. counter .. `);
