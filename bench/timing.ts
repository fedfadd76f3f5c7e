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
  const { batch } = calibrate(fn);
  const maxReps = opts.reps ?? 7;
  const budgetNs = (opts.budgetMs ?? 3000) * 1e6;
  const times: number[] = [];
  let spent = 0;
  // At least 3 repetitions; stop early once the time budget is spent.
  while (times.length < maxReps && (times.length < 3 || spent < budgetNs)) {
    const t = timeBatch(fn, batch);
    times.push(t);
    spent += t * batch;
  }
  return { medianNs: median(times), reps: times.length };
}

/** Time of one call in ns, and a batch size that makes a timed batch last >= 10 ms. */
function calibrate(fn: () => unknown): { one: number; batch: number } {
  let one = Infinity;
  const w0 = process.hrtime.bigint();
  // Warm up: >= 2 calls, and for fast calls until 300 ms have passed (the JIT needs many calls).
  for (let calls = 0; calls < 2 || (one < 50e6 && Number(process.hrtime.bigint() - w0) < 300e6); calls++) {
    const t0 = process.hrtime.bigint();
    sink = fn();
    one = Math.min(one, Number(process.hrtime.bigint() - t0));
  }
  return { one, batch: Math.max(1, Math.ceil(10e6 / Math.max(one, 1))) };
}

function timeBatch(fn: () => unknown, batch: number): number {
  const t0 = process.hrtime.bigint();
  for (let b = 0; b < batch; b++) sink = fn();
  return Number(process.hrtime.bigint() - t0) / batch;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * A measured function and its baseline, timed in alternation (base, fn, base, fn, ...) so that a
 * busy machine slows both alike; the ratio is of the two medians.
 */
export function compare(
  base: () => unknown,
  fn: () => unknown,
  opts: { reps?: number; budgetMs?: number } = {},
): { baseNs: number; fnNs: number; ratio: number } {
  // Start from a collected heap, so garbage left by the previous row is not charged to this one.
  sink = null;
  collect();
  const cb = calibrate(base);
  const cf = calibrate(fn);
  const maxReps = opts.reps ?? 7;
  const budgetNs = (opts.budgetMs ?? 4000) * 1e6;
  const tb: number[] = [];
  const tf: number[] = [];
  let spent = 0;
  while (tb.length < maxReps && (tb.length < 3 || spent < budgetNs)) {
    const b = timeBatch(base, cb.batch);
    const f = timeBatch(fn, cf.batch);
    tb.push(b);
    tf.push(f);
    spent += b * cb.batch + f * cf.batch;
  }
  const baseNs = median(tb);
  const fnNs = median(tf);
  return { baseNs, fnNs, ratio: fnNs / baseNs };
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
  sink = fn();
  const after = used();
  collect();
  const retained = used();
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
