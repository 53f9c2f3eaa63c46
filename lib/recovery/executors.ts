// What the worker does for each automatic step kind. Every executor honours the step's timeout (an
// AbortSignal) and returns an outcome with a short, human-readable output; none of them throws.
import { spawn } from "node:child_process";
import { redactUrl } from "@/lib/security/secrets";
import { guardedFetch, literalProblem, OutboundRefusedError } from "@/lib/security/outbound";
import { commandMayRun, parseStepConfig, resolveStepUrl, statusMatches, type StepKindName } from "./steps";

export type StepOutcome = { ok: boolean; output: string; error?: string };
export type ExecutableStep = { kind: StepKindName; config: unknown; timeoutSeconds: number };
export type ExecutorOptions = { commandsEnabled: boolean; signal: AbortSignal; baseUrl?: string };

const OUTPUT_LIMIT = 4000;
/** `total`: the full length when only the start of the text was kept. */
const clip = (text: string, limit = OUTPUT_LIMIT, total = text.length) =>
  total > limit ? `${text.slice(0, limit)}… (${total - limit} more characters)` : text;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

function failure(error: unknown, what: string, timeoutSeconds: number, signal: AbortSignal): StepOutcome {
  if (signal.aborted)
    return { ok: false, output: "", error: `${what}: no answer within the ${timeoutSeconds} s timeout` };
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return { ok: false, output: "", error: `${what}: ${cause?.code ?? cause?.message ?? (error as Error).message}` };
}

/**
 * The step's URL made absolute, unless it is malformed or a literal address Lifeboat never calls. Names are
 * checked again where the connection is made (guardedFetch, lib/security/outbound.ts).
 */
function resolved(value: string, baseUrl: string | undefined): { url: string } | { error: string } {
  let url: string;
  try {
    url = resolveStepUrl(value, baseUrl);
  } catch (error) {
    return { error: (error as Error).message };
  }
  const problem = literalProblem(url);
  return problem ? { error: `${redactUrl(url)}: ${problem}` } : { url };
}

async function runHttp(
  config: unknown,
  timeoutSeconds: number,
  signal: AbortSignal,
  baseUrl?: string,
): Promise<StepOutcome> {
  const parsed = parseStepConfig("http", config);
  if (!parsed.success) return { ok: false, output: "", error: `Invalid HTTP step: ${parsed.error.issues[0]!.message}` };
  const target = resolved(parsed.data.url, baseUrl);
  if ("error" in target) return { ok: false, output: "", error: target.error };
  const { url } = target;
  // Outputs and errors are shown to every role and put on the incident timeline: the URL without its secrets.
  const shown = redactUrl(url);
  const { method, headers, body, expectStatus } = parsed.data;
  const started = performance.now();
  try {
    const response = await guardedFetch(url, { method, headers, body: method === "GET" ? undefined : body, signal });
    const text = clip(await response.text(), 1000);
    const ms = Math.round(performance.now() - started);
    const line = `${method} ${shown} → HTTP ${response.status} in ${ms} ms${text ? `\n${text}` : ""}`;
    return statusMatches(response.status, expectStatus)
      ? { ok: true, output: line }
      : {
          ok: false,
          output: line,
          error: `Expected ${expectStatus?.join(" or ") ?? "a 2xx status"}, got HTTP ${response.status}`,
        };
  } catch (error) {
    if (error instanceof OutboundRefusedError)
      return { ok: false, output: "", error: `${method} ${shown}: ${error.message}` };
    return failure(error, `${method} ${shown}`, timeoutSeconds, signal);
  }
}

async function runHealthcheck(
  config: unknown,
  timeoutSeconds: number,
  signal: AbortSignal,
  baseUrl?: string,
): Promise<StepOutcome> {
  const parsed = parseStepConfig("healthcheck", config);
  if (!parsed.success)
    return { ok: false, output: "", error: `Invalid health check: ${parsed.error.issues[0]!.message}` };
  const target = resolved(parsed.data.url, baseUrl);
  if ("error" in target) return { ok: false, output: "", error: target.error };
  const { url } = target;
  const shown = redactUrl(url);
  const { intervalSeconds, expectStatus } = parsed.data;
  const started = performance.now();
  let checks = 0;
  let last = "no answer yet";
  while (!signal.aborted) {
    checks += 1;
    try {
      const response = await guardedFetch(url, { signal });
      await response.body?.cancel();
      last = `HTTP ${response.status}`;
      if (statusMatches(response.status, expectStatus)) {
        return {
          ok: true,
          output: `${shown} healthy (${last}) after ${((performance.now() - started) / 1000).toFixed(1)} s and ${checks} check(s)`,
        };
      }
    } catch (error) {
      // A name that resolves where Lifeboat never calls will not get better by asking again.
      if (error instanceof OutboundRefusedError) return { ok: false, output: "", error: `${shown}: ${error.message}` };
      if (signal.aborted) break;
      last = failure(error, "GET", timeoutSeconds, signal).error!;
    }
    await sleep(intervalSeconds * 1000, signal);
  }
  return {
    ok: false,
    output: `${checks} check(s) of ${shown}`,
    error: `Not healthy within ${timeoutSeconds} s (last: ${last})`,
  };
}

async function runWait(config: unknown, timeoutSeconds: number, signal: AbortSignal): Promise<StepOutcome> {
  const parsed = parseStepConfig("wait", config);
  if (!parsed.success) return { ok: false, output: "", error: `Invalid wait step: ${parsed.error.issues[0]!.message}` };
  await sleep(parsed.data.seconds * 1000, signal);
  return signal.aborted
    ? {
        ok: false,
        output: "",
        error: `The wait of ${parsed.data.seconds} s is longer than the ${timeoutSeconds} s timeout`,
      }
    : { ok: true, output: `Waited ${parsed.data.seconds} s` };
}

function runCommand(config: unknown, timeoutSeconds: number, options: ExecutorOptions): Promise<StepOutcome> {
  // The engine hands disabled commands to people and never gets here with one; refused all the same.
  if (!commandMayRun(config))
    return Promise.resolve({
      ok: false,
      output: "",
      error: "Disabled command: a person runs it by hand, then marks the step done",
    });
  if (!options.commandsEnabled) {
    return Promise.resolve({
      ok: false,
      output: "",
      error:
        "Command steps are disabled on this installation (an operator enables them with RECOVERY_COMMANDS=on). Run it by hand, then skip this step with a note.",
    });
  }
  const parsed = parseStepConfig("command", config);
  if (!parsed.success)
    return Promise.resolve({
      ok: false,
      output: "",
      error: `Invalid command step: ${parsed.error.issues[0]!.message}`,
    });
  return new Promise((resolve) => {
    // Its own process group: `sh -c` forks the command, and the timeout must stop the command, not only the shell.
    const child = spawn("sh", ["-c", parsed.data.command], {
      cwd: parsed.data.cwd,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const signalGroup = (name: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, name);
      } catch {
        // Already gone.
      }
    };
    let killer: NodeJS.Timeout | undefined;
    const stop = () => {
      signalGroup("SIGTERM");
      killer = setTimeout(() => signalGroup("SIGKILL"), 2000);
    };
    if (options.signal.aborted) stop();
    else options.signal.addEventListener("abort", stop, { once: true });
    const done = (outcome: StepOutcome) => {
      options.signal.removeEventListener("abort", stop);
      clearTimeout(killer);
      resolve(outcome);
    };
    let output = "";
    let total = 0;
    const collect = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      total += text.length;
      if (output.length < OUTPUT_LIMIT) output += text;
    };
    const kept = () => clip(output, OUTPUT_LIMIT, total);
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", (error) => done({ ok: false, output: kept(), error: error.message }));
    child.on("close", (code) => {
      if (options.signal.aborted)
        return done({ ok: false, output: kept(), error: `Stopped after the ${timeoutSeconds} s timeout` });
      done(
        code === 0
          ? { ok: true, output: kept() || "(no output)" }
          : { ok: false, output: kept(), error: `Exited with code ${code}` },
      );
    });
  });
}

export async function executeStep(step: ExecutableStep, options: ExecutorOptions): Promise<StepOutcome> {
  switch (step.kind) {
    case "http":
      return runHttp(step.config, step.timeoutSeconds, options.signal, options.baseUrl);
    case "healthcheck":
      return runHealthcheck(step.config, step.timeoutSeconds, options.signal, options.baseUrl);
    case "wait":
      return runWait(step.config, step.timeoutSeconds, options.signal);
    case "command":
      return runCommand(step.config, step.timeoutSeconds, options);
    case "manual":
    case "approval":
      return { ok: false, output: "", error: "A person completes this step" };
  }
}
