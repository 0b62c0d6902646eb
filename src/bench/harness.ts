/**
 * Running the benchmark: each workload in a fresh child process (or, on
 * request, all in this process), one after the other.
 *
 * Main definitions
 * - `BenchOptions`: scale, repetitions, isolation, the catalogue's identities,
 *   W3's solver, and a callback told when each workload starts.
 * - `BenchReport`: the measurements and the machine they ran on.
 * - `runBench(ids, options)`: runs the workloads in order.
 *
 * Implementation details
 * A child is `dist/src/bench/child.js` forked with this process's Node flags
 * (so `node --cpu-prof bin/ebm-lens.js bench` profiles each child too); it
 * receives the request over IPC and answers with its measurement. Workloads
 * never run concurrently: they would compete for the cores they are timed on.
 * When the compiled child is missing (running from TypeScript sources) the
 * harness says so and asks for `--in-process`.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ChildReply } from './child.js';
import { measureWorkload, type MeasureRequest, type WorkloadMeasurement } from './measure.js';
import type { BenchIdentity, BenchScale, SpectrumSolver, WorkloadId } from './workloads.js';

export type Isolation = 'child process' | 'in-process';

export interface BenchOptions {
  readonly scale: BenchScale;
  readonly repetitions: number;
  readonly isolation: Isolation;
  readonly identities: readonly BenchIdentity[];
  /** W3's solver (default Lanczos). */
  readonly solver?: SpectrumSolver;
  readonly onStart?: (id: WorkloadId) => void;
}

export interface BenchReport {
  readonly workloads: WorkloadMeasurement[];
  readonly machine: {
    readonly node: string;
    readonly cpu: string;
    readonly cores: number;
    readonly memoryGiB: number;
    /** one-minute, five-minute and fifteen-minute load averages when the run began */
    readonly loadAverage: number[];
  };
}

/** The compiled child entry next to this module. */
export function childEntry(): string {
  return fileURLToPath(new URL('./child.js', import.meta.url));
}

export async function runBench(ids: readonly WorkloadId[], options: BenchOptions): Promise<BenchReport> {
  const machine = {
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
  };
  const workloads: WorkloadMeasurement[] = [];
  for (const id of ids) {
    options.onStart?.(id);
    const request: MeasureRequest = {
      id,
      scale: options.scale,
      repetitions: options.repetitions,
      identities: id === 'W5' ? options.identities : [],
      solver: options.solver ?? 'lanczos',
    };
    workloads.push(
      options.isolation === 'in-process' ? measureWorkload(request, 'in-process') : await measureInChild(request),
    );
  }
  return { workloads, machine };
}

function measureInChild(request: MeasureRequest): Promise<WorkloadMeasurement> {
  const entry = childEntry();
  if (!existsSync(entry)) {
    return Promise.reject(
      new Error(`the compiled benchmark child ${entry} is missing: build first (npm run build), or use --in-process`),
    );
  }
  return new Promise((resolve, reject) => {
    const child = fork(entry, [], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let reply: ChildReply | undefined;
    child.once('message', (message: ChildReply) => (reply = message));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (reply === undefined)
        reject(new Error(`the ${request.id} child process ended without a result (exit ${code ?? signal})`));
      else if (!reply.ok) reject(new Error(`${request.id} failed in its child process: ${reply.error}`));
      else resolve(reply.measurement);
    });
    child.send(request);
  });
}
