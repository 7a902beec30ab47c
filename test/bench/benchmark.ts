export interface BenchOptions {
  /** `--scale`: the share of its full size a benchmark that builds a large account builds (1 = full). */
  scale: number;
}

export interface Benchmark {
  name: string;
  /** Returns plain JSON figures; throws with a clear message when it cannot run. */
  run(options: BenchOptions): Promise<Record<string, unknown>>;
}

/** Median of repeated timings, in milliseconds, after warm-up runs. */
export async function medianMs(repeat: number, fn: () => unknown | Promise<unknown>, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}
