// Load from a second process with wrk (Debian package), which uses far less CPU than a Node client on
// this 2-core machine. Installed with apt when missing and we are root; otherwise the caller falls back.
import { execFileSync, spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export function ensureWrk(log: (line: string) => void): boolean {
  if (spawnSync("sh", ["-c", "command -v wrk"]).status === 0) return true;
  if (process.getuid?.() !== 0 || spawnSync("sh", ["-c", "command -v apt-get"]).status !== 0) return false;
  log("Installing wrk (apt-get) for the HTTP load figures…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  try {
    execFileSync("apt-get", ["install", "-y", "-qq", "wrk"], { stdio: "ignore", env });
  } catch {
    execFileSync("apt-get", ["update", "-qq"], { stdio: "ignore", env });
    execFileSync("apt-get", ["install", "-y", "-qq", "wrk"], { stdio: "ignore", env });
  }
  return spawnSync("sh", ["-c", "command -v wrk"]).status === 0;
}

export type WrkResult = { rate: number; failed: number; total: number; p50Ms: number; p99Ms: number };

/** POSTs bodies made by a Lua expression for `seconds`; returns requests/s, how many were not 2xx, latency. */
export function wrkPost(options: {
  url: string;
  path: string;
  headers: Record<string, string>;
  luaBody: string;
  connections: number;
  seconds: number;
}): WrkResult {
  const headers = Object.entries(options.headers)
    .map(([k, v]) => `["${k}"]="${v}"`)
    .join(", ");
  return runWrk(
    options,
    `counter = 0
request = function()
  counter = counter + 1
  local body = ${options.luaBody}
  return wrk.format("POST", "${options.path}", {${headers}}, body)
end
`,
  );
}

/** GETs one path for `seconds` (e.g. a server's cheapest route, as its HTTP ceiling). */
export function wrkGet(options: { url: string; path: string; connections: number; seconds: number }): WrkResult {
  return runWrk(options, `request = function() return wrk.format("GET", "${options.path}") end\n`);
}

function runWrk(options: { url: string; connections: number; seconds: number }, lua: string): WrkResult {
  const script = path.join(os.tmpdir(), `lifeboat-wrk-${process.pid}.lua`);
  writeFileSync(script, lua);
  let output: string;
  try {
    output = execFileSync(
      "wrk",
      ["-t2", `-c${options.connections}`, `-d${options.seconds}s`, "--latency", "-s", script, options.url],
      { encoding: "utf8" },
    );
  } finally {
    rmSync(script, { force: true });
  }
  const rate = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0);
  const failed = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0);
  const total = Number(/(\d+) requests in/.exec(output)?.[1] ?? 0);
  return { rate, failed, total, p50Ms: percentileMs(output, "50"), p99Ms: percentileMs(output, "99") };
}

// From wrk's --latency "Latency Distribution" block, e.g. "     99%   12.34ms".
function percentileMs(output: string, percent: string): number {
  const match = new RegExp(`^\\s+${percent}%\\s+([\\d.]+)(us|ms|s)\\s*$`, "m").exec(output);
  if (!match) return Number.NaN;
  const scale = { us: 0.001, ms: 1, s: 1000 }[match[2] as "us" | "ms" | "s"];
  return Number(match[1]) * scale;
}
