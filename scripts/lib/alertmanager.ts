// Prometheus Alertmanager for the spec that drives a real one against the app: ALERTMANAGER_PATH, else a
// binary on PATH or where Debian/upstream put it (Debian's package is installed when missing and root).
import { ensureAptTool } from "./apt-tool";

export function ensureAlertmanager(log: (line: string) => void): string {
  return ensureAptTool(
    {
      label: "Prometheus Alertmanager",
      envVar: "ALERTMANAGER_PATH",
      debianPackage: "prometheus-alertmanager",
      withoutRecommends: true,
      namesOnPath: ["prometheus-alertmanager", "alertmanager"],
      candidates: ["/usr/bin/prometheus-alertmanager", "/usr/local/bin/alertmanager", "/usr/bin/alertmanager"],
    },
    log,
  );
}
