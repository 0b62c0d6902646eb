/**
 * Timing one workload in the current process: a warm-up run, then timed
 * repetitions, their median, the peak resident memory and the result figure.
 *
 * Main definitions
 * - `MeasureRequest`: workload, scale, repetitions, the catalogue's identities
 *   (for W5) and W3's eigenvalue solver.
 * - `WorkloadMeasurement`: the timings (every repetition and the median, in
 *   seconds), the peak resident set size, the one-minute load average before
 *   and after, and the result.
 * - `measureWorkload(request, memory)`: runs it.
 *
 * Main statements
 * - Every repetition computes the same instances, so every repetition must
 *   give the same result; a difference is a bug and throws.
 *
 * Implementation details
 * Wall time by `performance.now()` around each run (instance generation
 * included, as in the reference). Peak memory is `process.resourceUsage().maxRSS`
 * at the end: the high-water mark of the whole process (Node itself and the
 * loaded modules included; `baselineRssMB` is the same mark before the first
 * run). It is a per-workload figure only when each workload runs in a fresh
 * process, which the harness does by default (`memory: 'child process'`).
 */
import { loadavg } from 'node:os';
import {
  runWorkload,
  WORKLOAD_TITLES,
  type BenchIdentity,
  type BenchScale,
  type SpectrumSolver,
  type WorkloadId,
  type WorkloadResult,
} from './workloads.js';

export interface MeasureRequest {
  readonly id: WorkloadId;
  readonly scale: BenchScale;
  readonly repetitions: number;
  readonly identities?: readonly BenchIdentity[];
  /** W3's solver (default Lanczos). */
  readonly solver?: SpectrumSolver;
}

/** Where the peak memory was read: a fresh process per workload, or the process that ran several. */
export type MemorySource = 'child process' | 'in-process';

export interface WorkloadMeasurement {
  readonly id: WorkloadId;
  readonly title: string;
  readonly scale: BenchScale;
  readonly repetitions: number;
  readonly medianSeconds: number;
  /** every timed repetition, in order */
  readonly seconds: number[];
  readonly warmupSeconds: number;
  /** process.resourceUsage().maxRSS at the end, in MiB */
  readonly peakRssMB: number;
  /** the same high-water mark before the warm-up (Node and the loaded modules) */
  readonly baselineRssMB: number;
  readonly memory: MemorySource;
  /** one-minute load average of the machine before the warm-up and after the last repetition */
  readonly loadAverage: { readonly before: number; readonly after: number };
  readonly result: WorkloadResult;
}

/** The median of a nonempty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Warm-up, then `repetitions` timed runs (module comment). */
export function measureWorkload(request: MeasureRequest, memory: MemorySource): WorkloadMeasurement {
  const { id, scale, repetitions } = request;
  if (!Number.isInteger(repetitions) || repetitions < 1)
    throw new RangeError(`repetitions must be a positive integer, got ${repetitions}`);
  const before = loadavg()[0]!;
  const baselineRssMB = maxRssMB();
  const run = (): { seconds: number; result: WorkloadResult } => {
    const start = performance.now();
    const result = runWorkload(id, scale, request.identities ?? [], request.solver ?? 'lanczos');
    return { seconds: (performance.now() - start) / 1000, result };
  };
  const warmup = run();
  const reference = JSON.stringify(warmup.result);
  const seconds: number[] = [];
  let result = warmup.result;
  for (let k = 0; k < repetitions; k++) {
    const timed = run();
    if (JSON.stringify(timed.result) !== reference)
      throw new Error(`${id}: repetition ${k + 1} gave a different result than the warm-up (a bug)`);
    seconds.push(timed.seconds);
    result = timed.result;
  }
  return {
    id,
    title: WORKLOAD_TITLES[id],
    scale,
    repetitions,
    medianSeconds: median(seconds),
    seconds,
    warmupSeconds: warmup.seconds,
    peakRssMB: maxRssMB(),
    baselineRssMB,
    memory,
    loadAverage: { before, after: loadavg()[0]! },
    result,
  };
}

function maxRssMB(): number {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}
