import { isBuildCurrent, writeBuildStamp } from "./build-stamp";
import { bundlePlanWorker } from "./plan-worker-bundle";
import { bin, run } from "./run";

/** Builds the Next app unless `.next` already holds a build of these exact sources. */
export async function ensureBuild(log: (line: string) => void = console.log): Promise<void> {
  if (isBuildCurrent()) return;
  log("Building Lifeboat (first start, or sources changed)…");
  const code = await run(bin("next"), ["build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  await bundlePlanWorker(); // after next build, which empties .next
  writeBuildStamp();
}
