/**
 * Timing in the same process as the baseline: warm up (so the JIT has compiled both),
 * then several repetitions, report the median (robust against one GC pause).
 */
export interface Timing {
  medianNs: number;
  reps: number;
}

/** Keeps results alive so the JIT cannot drop the work being timed. */
export let sink: unknown = null;

export function measure(fn: () => unknown, opts: { reps?: number; budgetMs?: number } = {}): Timing {
  const maxReps = opts.reps ?? 7;
  const budgetNs = (opts.budgetMs ?? 3000) * 1e6;
  // Warm up until the JIT has had time (>= 300 ms or 10 calls) — small inputs need many calls.
  let calls = 0;
  let one = Infinity;
  const w0 = process.hrtime.bigint();
  while (calls < 3 || (calls < 10_000 && Number(process.hrtime.bigint() - w0) < 300e6 && calls < 10) || (one < 1e6 && Number(process.hrtime.bigint() - w0) < 300e6)) {
    const t0 = process.hrtime.bigint();
    sink = fn();
    one = Math.min(one, Number(process.hrtime.bigint() - t0));
    calls++;
  }
  // Small inputs are timed in batches of >= 10 ms so the clock's resolution does not matter.
  const batch = Math.max(1, Math.ceil(10e6 / Math.max(one, 1)));
  const times: number[] = [];
  let spent = 0;
  // At least 3 repetitions; stop early once the time budget is spent.
  while (times.length < maxReps && (times.length < 3 || spent < budgetNs)) {
    const t0 = process.hrtime.bigint();
    for (let b = 0; b < batch; b++) sink = fn();
    const dt = Number(process.hrtime.bigint() - t0);
    times.push(dt / batch);
    spent += dt;
  }
  times.sort((x, y) => x - y);
  const mid = times.length >> 1;
  const medianNs = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  return { medianNs, reps: times.length };
}

/** Forces a full collection; the bench runs with --expose-gc. */
export function collect(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

export interface HeapPeak {
  /** Bytes allocated during the call and not yet collected (lower bound of the peak). */
  peakBytes: number;
  /** Bytes still held after a full collection (the result). */
  retainedBytes: number;
}

const used = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/**
 * Peak heap of one call: heap + ArrayBuffers after a forced collection, then right after the call
 * without collecting. A collection during the call can only make this an underestimate.
 */
export function heapPeak(fn: () => unknown): HeapPeak {
  collect();
  const before = used();
  let result: unknown = fn();
  const after = used();
  collect();
  const retained = used();
  sink = result;
  result = null;
  sink = null;
  return { peakBytes: Math.max(0, after - before), retainedBytes: Math.max(0, retained - before) };
}

/** Heap size of a freshly built input, measured the same way as a call's peak. */
export function heapSizeOf<T>(build: () => T): { value: T; bytes: number } {
  collect();
  const before = used();
  const value = build();
  collect();
  return { value, bytes: Math.max(1, used() - before) };
}
