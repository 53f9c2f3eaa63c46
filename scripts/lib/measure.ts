// Timing helpers shared by the benchmark scripts.

export type Timing = { p50: number; p95: number; max: number };

/** Runs `fn` once to warm up (plans cached, pools connected), then `runs` times; percentiles in ms. */
export async function sample(fn: () => Promise<unknown>, runs: number): Promise<Timing> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return percentiles(samples);
}

export type Percentiles = Timing & { p99: number; count: number };

/** Nearest-rank percentiles of any set of values (sorts it in place); NaN when it is empty. */
export function percentiles(values: number[]): Percentiles {
  values.sort((a, b) => a - b);
  const at = (q: number) =>
    values.length ? values[Math.min(values.length - 1, Math.floor(q * values.length))]! : Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1), count: values.length };
}

/** Calls `fn` on every item with at most `concurrency` calls in flight. */
export async function inPool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}
