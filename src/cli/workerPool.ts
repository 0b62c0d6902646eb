/**
 * A pool of worker threads for parallel checks (tinypool).
 *
 * Main definitions
 * - `workersAvailable()`: whether the worker script is there (the built
 *   command line; not when the sources run untranspiled, as in tests).
 * - `defaultWorkers()`: the number of cores (`os.availableParallelism`).
 * - `withWorkerPool(workers, source, work)`: `work` with a `TaskExecutor`
 *   over `workers` threads; the pool is destroyed afterwards, whatever
 *   happens, so the process can exit.
 * - `parseWorkers(text, available)`: the --workers option (one line, exit 2
 *   when bad).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { Task, TaskExecutor, TaskReply } from '../runner/parallel.js';
import type { AssumeTask, TheoremSource, WorkerRequest } from './worker.js';
import { InputError } from '../errors.js';

const WORKER = new URL('./worker.js', import.meta.url);

export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER));
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** A `TaskExecutor` that also runs `assume`'s tasks. */
export interface WorkerPool extends TaskExecutor {
  assume(task: AssumeTask): Promise<TaskReply>;
}

export async function withWorkerPool<R>(
  workers: number,
  source: TheoremSource,
  work: (executor: WorkerPool) => Promise<R>,
): Promise<R> {
  const pool = new Tinypool({ filename: WORKER.href, minThreads: workers, maxThreads: workers, idleTimeout: 60_000 });
  try {
    return await work({
      workers,
      run: (task: Task) => pool.run({ source, task } satisfies WorkerRequest) as Promise<TaskReply>,
      assume: (task: AssumeTask) => pool.run({ source, assume: task } satisfies WorkerRequest) as Promise<TaskReply>,
    });
  } finally {
    await pool.destroy();
  }
}

/** Largest --workers accepted. */
const MAX_WORKERS = 256;

/**
 * The --workers option: a whole number from 1 to 256; by default the number
 * of cores where parallel runs are possible (`available`), else 1.
 */
export function parseWorkers(text: string | undefined, available: boolean): number {
  if (text === undefined) return available ? defaultWorkers() : 1;
  const trimmed = text.trim();
  const value = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_WORKERS) {
    throw new InputError(
      '--workers',
      `expected a whole number from 1 to ${MAX_WORKERS}, got '${text}'`,
      'e.g. --workers 2 (default: the number of cores)',
    );
  }
  if (value > 1 && !available) {
    throw new InputError(
      '--workers',
      'parallel runs need the built command line (bin/ebm-lens.js: the worker script and the catalogue as a module)',
      'use --workers 1',
    );
  }
  return value;
}
