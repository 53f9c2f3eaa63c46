// Finds a tool the tests need: its *_PATH variable, else known locations. When it is missing and we are
// root with apt, installs the Debian package; otherwise stops with the fix spelled out.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export type AptTool = {
  label: string;
  envVar: string;
  debianPackage: string;
  candidates: string[];
  namesOnPath?: string[];
  withoutRecommends?: boolean;
};

function onPath(name: string): string | undefined {
  const result = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  const hit = result.status === 0 ? result.stdout.trim() : "";
  return hit && existsSync(hit) ? hit : undefined;
}

function find(tool: AptTool): string | undefined {
  const configured = process.env[tool.envVar];
  if (configured) {
    if (!existsSync(configured)) throw new Error(`${tool.envVar}=${configured} does not exist.`);
    return configured;
  }
  for (const name of tool.namesOnPath ?? []) {
    const hit = onPath(name);
    if (hit) return hit;
  }
  return tool.candidates.find((candidate) => existsSync(candidate));
}

export function ensureAptTool(tool: AptTool, log: (line: string) => void): string {
  const existing = find(tool);
  if (existing) return existing;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(
      `No ${tool.label} found for the tests. Install Debian's package (sudo apt-get install -y ${tool.debianPackage}) or set ${tool.envVar}.`,
    );
  }
  log(`Installing Debian's ${tool.debianPackage} for the tests (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync(
    "apt-get",
    ["install", "-y", "-qq", ...(tool.withoutRecommends ? ["--no-install-recommends"] : []), tool.debianPackage],
    { stdio: "inherit", env },
  );
  const installed = find(tool);
  if (!installed)
    throw new Error(`apt-get installed ${tool.debianPackage}, but no binary was found at ${tool.candidates[0]}.`);
  return installed;
}
