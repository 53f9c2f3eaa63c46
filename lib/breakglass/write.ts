// Keeps the break-glass pack on disk (BREAKGLASS_DIR), so it exists on the day Lifeboat does not:
// lifeboat-breakglass.html is always the newest, beside timestamped copies of the last few versions.
// Every file is written to a temporary name and renamed, so a reader never sees half a pack.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { findChangeStamp, findBreakglass } from "./queries";
import { renderBreakglass } from "./render";
import type { BreakglassSource } from "./source";

export const PACK_FILE = "lifeboat-breakglass.html";
const MARKER_FILE = ".lifeboat-breakglass.json";
const COPY = /^lifeboat-breakglass-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z\.html$/;
const KEEP_COPIES = 10;
const INTERVAL_MS = 30_000;
// Holds phone numbers and runbooks: readable by the owner and its group, not by every local user.
const FILE_MODE = 0o640;

type Marker = { stamp: string; hash: string };
export type WriteResult =
  { written: false; reason: "disabled" | "unchanged" | "same content" } | { written: true; file: string; copy: string };

/** "2025-03-01T14-05-09.123Z": sorts by time, valid in every file system. */
export const copyName = (at: Date) => `lifeboat-breakglass-${at.toISOString().replaceAll(":", "-")}.html`;

async function writeAtomically(file: string, content: string) {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    const handle = await open(temp, "w", FILE_MODE);
    try {
      await handle.writeFile(content, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function readMarker(dir: string): Promise<Marker | null> {
  try {
    const marker = JSON.parse(await readFile(path.join(dir, MARKER_FILE), "utf8")) as Partial<Marker>;
    return typeof marker.stamp === "string" && typeof marker.hash === "string"
      ? { stamp: marker.stamp, hash: marker.hash }
      : null;
  } catch {
    return null;
  }
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

// The data without when it was generated: busy audit logs (incidents, drills) rarely change the pack itself.
const contentHash = (source: BreakglassSource) =>
  createHash("sha256")
    .update(JSON.stringify({ ...source, generatedAt: null, changeStamp: null }))
    .digest("hex");

/** Writes the pack and a timestamped copy, keeping the newest `keep` copies. */
async function writePack(dir: string, content: string, at: Date, keep = KEEP_COPIES) {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, PACK_FILE);
  const copy = path.join(dir, copyName(at));
  await writeAtomically(copy, content);
  await writeAtomically(file, content);
  const copies = (await readdir(dir)).filter((name) => COPY.test(name)).sort();
  // force: another process sharing the folder may have removed the same old copy first.
  await Promise.all(
    copies.slice(0, Math.max(0, copies.length - keep)).map((name) => rm(path.join(dir, name), { force: true })),
  );
  return { file, copy };
}

/** Regenerates the pack only when something changed since the last write (or the file went missing). */
export async function writeIfChanged(
  db: Db,
  options: { dir?: string; now?: Date; keep?: number } = {},
): Promise<WriteResult> {
  const dir = options.dir ?? env().BREAKGLASS_DIR;
  if (!dir) return { written: false, reason: "disabled" };
  const marker = await readMarker(dir);
  const present = await exists(path.join(dir, PACK_FILE));
  if (present && marker?.stamp === (await findChangeStamp(db))) return { written: false, reason: "unchanged" };

  const source = await findBreakglass(db, options.now);
  const next: Marker = { stamp: source.changeStamp ?? "", hash: contentHash(source) };
  if (present && marker?.hash === next.hash) {
    await writeAtomically(path.join(dir, MARKER_FILE), JSON.stringify(next));
    return { written: false, reason: "same content" };
  }
  const paths = await writePack(dir, renderBreakglass(source), source.generatedAt, options.keep);
  await writeAtomically(path.join(dir, MARKER_FILE), JSON.stringify(next));
  return { written: true, ...paths };
}

/** For the job worker: now and every 30 s, one write at a time; failures are logged, never thrown. */
export function startBreakglassWriter(db: Db, intervalMs = INTERVAL_MS): () => void {
  if (!env().BREAKGLASS_DIR) return () => {};
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const result = await writeIfChanged(db);
      if (result.written) logger.info({ file: result.file }, "break-glass pack written");
    } catch (error) {
      logger.error({ err: error }, "break-glass pack could not be written");
    } finally {
      busy = false;
    }
  };
  void tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
