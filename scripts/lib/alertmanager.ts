// Finds a Prometheus Alertmanager for the end-to-end spec that drives a real one against the app:
// ALERTMANAGER_PATH, else a binary on PATH or where Debian/upstream put it. When none is there and we are
// root with apt, installs Debian's `prometheus-alertmanager`; otherwise stops with the fix spelled out.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const NAMES = ["prometheus-alertmanager", "alertmanager"];
const CANDIDATES = ["/usr/bin/prometheus-alertmanager", "/usr/local/bin/alertmanager", "/usr/bin/alertmanager"];

function onPath(name: string): string | undefined {
  const result = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  const found = result.status === 0 ? result.stdout.trim() : "";
  return found && existsSync(found) ? found : undefined;
}

function found(): string | undefined {
  const configured = process.env.ALERTMANAGER_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`ALERTMANAGER_PATH=${configured} does not exist.`);
    return configured;
  }
  for (const name of NAMES) {
    const hit = onPath(name);
    if (hit) return hit;
  }
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

export function ensureAlertmanager(log: (line: string) => void): string {
  const existing = found();
  if (existing) return existing;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(
      "No Prometheus Alertmanager found for the end-to-end tests. Install Debian's package (sudo apt-get install -y --no-install-recommends prometheus-alertmanager) or set ALERTMANAGER_PATH to an alertmanager binary.",
    );
  }
  log("Installing Debian's prometheus-alertmanager for the end-to-end tests (apt-get)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "prometheus-alertmanager"], { stdio: "inherit", env });
  const installed = found();
  if (!installed) throw new Error("apt-get installed prometheus-alertmanager, but no binary was found at /usr/bin/prometheus-alertmanager.");
  return installed;
}
