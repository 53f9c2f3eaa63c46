// Finds a Chromium for Playwright: CHROMIUM_PATH, else Debian's /usr/bin/chromium. When neither is there
// and we are root with apt, installs Debian's `chromium`; otherwise stops with the fix spelled out.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

function found(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist.`);
    return configured;
  }
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

export function ensureChromium(log: (line: string) => void): string {
  const existing = found();
  if (existing) return existing;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(
      "No Chromium found for the end-to-end tests. Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium/Chrome binary.",
    );
  }
  log("Installing Debian's chromium for the end-to-end tests (apt-get)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
  const installed = found();
  if (!installed) throw new Error("apt-get installed chromium, but no binary was found at /usr/bin/chromium.");
  return installed;
}
