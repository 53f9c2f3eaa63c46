// Decides whether `.next` is a build of the current sources: a hash of every file that goes into it.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
const SKIP = new Set(["generated", "node_modules"]);
const STAMP = path.join(".next", "lifeboat-build-stamp");

function collect(entry: string, files: string[]) {
  if (!existsSync(entry)) return;
  if (statSync(entry).isDirectory()) {
    for (const child of readdirSync(entry).sort()) {
      if (!SKIP.has(child)) collect(path.join(entry, child), files);
    }
  } else if (!/\.test\.tsx?$/.test(entry)) {
    files.push(entry);
  }
}

function sourceHash(): string {
  const files: string[] = [];
  for (const input of INPUTS) collect(input, files);
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export function isBuildCurrent(): boolean {
  return (
    existsSync(path.join(".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === sourceHash()
  );
}

export function writeBuildStamp() {
  writeFileSync(STAMP, sourceHash());
}
