/** Prisma's unique-constraint violation (P2002), whichever way the driver adapter reports it. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as {
    code?: string;
    cause?: { code?: string };
    meta?: { driverAdapterError?: { cause?: { originalCode?: string } } };
  } | null;
  return (
    e?.code === "P2002" || e?.cause?.code === "23505" || e?.meta?.driverAdapterError?.cause?.originalCode === "23505"
  );
}

/** Postgres gave up waiting for a lock (lock_timeout: 55P03), whichever way the driver adapter reports it. */
export function isLockTimeout(error: unknown): boolean {
  const e = error as {
    code?: string;
    cause?: { code?: string };
    meta?: { code?: string; driverAdapterError?: { cause?: { originalCode?: string } } };
  } | null;
  return (
    e?.cause?.code === "55P03" ||
    e?.meta?.code === "55P03" ||
    e?.meta?.driverAdapterError?.cause?.originalCode === "55P03" ||
    /lock timeout/i.test(String((error as Error)?.message ?? ""))
  );
}

/** Runs `work`; a unique-constraint violation from it becomes `conflict()` (which says what is taken), anything else passes through. */
export async function onUniqueViolation<T>(work: () => Promise<T>, conflict: () => Error): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}
