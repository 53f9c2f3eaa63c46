// Which Lifeboat services an alert is about, read from its labels. The label names are configurable
// (ALERT_SERVICE_LABELS, tried in order; ALERT_SYSTEM_LABEL narrows to one system). Values match service
// names case-insensitively; an `instance` like "db-1:9100" also tries "db-1".
import type { Tx } from "@/lib/db/client";

export type LabelConfig = { serviceLabels: string[]; systemLabel: string };

/** Candidate service names for one alert's labels, most specific label first. */
export function candidateNames(labels: Record<string, string>, config: LabelConfig): string[] {
  const names: string[] = [];
  for (const label of config.serviceLabels) {
    const value = labels[label]?.trim().toLowerCase();
    if (!value) continue;
    names.push(value);
    const host = value.replace(/:\d+$/, "");
    if (host !== value) names.push(host);
  }
  return [...new Set(names)];
}

export type ServiceMatch = { systemId: string | null; serviceIds: string[]; unmatched: string[] };

/** Resolves the services named by a group of alerts: for each alert, its first label value that names a service. */
export async function matchServices(
  tx: Tx,
  alerts: { labels: Record<string, string> }[],
  config: LabelConfig,
): Promise<ServiceMatch> {
  const perAlert = alerts.map((a) => ({
    names: candidateNames(a.labels, config),
    system: a.labels[config.systemLabel]?.trim().toLowerCase() || null,
  }));
  const allNames = [...new Set(perAlert.flatMap((a) => a.names))];
  if (allNames.length === 0) return { systemId: null, serviceIds: [], unmatched: [] };
  const rows = await tx.$queryRaw<{ id: string; systemId: string; name: string; systemName: string }[]>`
    SELECT s.id, s."systemId", lower(s.name) AS name, lower(y.name) AS "systemName"
    FROM "Service" s JOIN "System" y ON y.id = s."systemId"
    WHERE lower(s.name) = ANY(${allNames})`;
  const serviceIds = new Set<string>();
  const unmatched: string[] = [];
  for (const alert of perAlert) {
    const hit = alert.names
      .map((name) => rows.filter((r) => r.name === name && (!alert.system || r.systemName === alert.system)))
      .find((matches) => matches.length === 1)?.[0];
    if (hit) serviceIds.add(hit.id);
    else if (alert.names.length) unmatched.push(alert.names[0]!);
  }
  const systems = [...new Set(rows.filter((r) => serviceIds.has(r.id)).map((r) => r.systemId))];
  let systemId = systems.length === 1 ? systems[0]! : null;
  const namedSystem = perAlert.find((a) => a.system)?.system;
  if (!systemId && namedSystem) {
    const system = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "System" WHERE lower(name) = ${namedSystem} LIMIT 1`;
    systemId = system[0]?.id ?? null;
  }
  return { systemId, serviceIds: [...serviceIds], unmatched: [...new Set(unmatched)] };
}
