import type { Db } from "./client";

export type DatabaseHealth = { ok: true; latencyMs: number } | { ok: false; reason: string };

// A round trip with a short deadline: a hung connection must not hang the health check.
export async function checkDatabase(db: Db, timeoutMs = 2000): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `database unreachable: ${message.split("\n")[0]?.slice(0, 200)}` };
  } finally {
    clearTimeout(timer);
  }
}
