/**
 * `ebm-lens bench [W1..W6] [--json]`: the fixed benchmark workloads, timed.
 *
 * Main definitions
 * - `registerBench(program, context, catalogue)`: adds the command. The
 *   catalogue (for W5) is the one bin/ebm-lens.js passes to `main`.
 * - `benchText(report)`: the human-readable report.
 *
 * Main statements (the contract)
 * - `--json` prints `{ "workloads": [{ "id", "medianSeconds", "repetitions",
 *   "peakRssMB", "result", ... }], "machine", "scale" }`; entries carry extra keys
 *   (title, seconds of every repetition, warmupSeconds, baselineRssMB, memory,
 *   loadAverage before and after). `result` is `{ value, summary, ok, mode, counts }`.
 * - Exit codes: 0 every result figure is what its theorem predicts, 1 one is not
 *   (e.g. an instance not balanced, a decided KL increase, an identity not
 *   certified), 2 bad usage.
 *
 * Implementation details
 * Options: --repetitions N (timed runs after one warm-up, default 5),
 * --scale full|tiny (tiny: a few small instances, for tests and smoke runs),
 * --in-process (no child processes; the peak memory is then this process's
 * high-water mark so far), --full-spectrum (W3 computes every eigenvalue with
 * the full float64 solver instead of lambda2 by Lanczos). Everything is
 * validated before anything runs.
 */
import type { Command } from 'commander';
import type { CommandContext } from '../io.js';
import { EXIT, InputError } from '../../errors.js';
import type { Theorem } from '../../runner/theorem.js';
import { validateCatalogue } from '../../runner/validate.js';
import { runBench, type BenchReport } from '../../bench/harness.js';
import {
  isWorkloadId,
  WORKLOAD_IDS,
  type BenchIdentity,
  type BenchScale,
  type WorkloadId,
} from '../../bench/workloads.js';
import type { NumberObject } from '../../arith/numberObject.js';

interface BenchCliOptions {
  json?: boolean;
  repetitions?: string;
  scale?: string;
  inProcess?: boolean;
  fullSpectrum?: boolean;
}

const DEFAULT_REPETITIONS = 5;
const MAX_REPETITIONS = 1000;

export function registerBench(program: Command, context: CommandContext, catalogue: readonly Theorem[] = []): void {
  program
    .command('bench')
    .description('time the fixed workloads W1..W6 (median of repetitions after a warm-up, peak memory, result figures)')
    .argument('[workloads...]', `workload IDs (default all: ${WORKLOAD_IDS.join(' ')})`)
    .option('--repetitions <n>', `timed runs of each workload after one warm-up (default ${DEFAULT_REPETITIONS})`)
    .option('--scale <scale>', 'full (the reference sizes) or tiny (a few small instances)', 'full')
    .option('--in-process', 'run every workload in this process (peak memory is then the process high-water mark)')
    .option(
      '--full-spectrum',
      'W3: all eigenvalues by the full float64 symmetric solver instead of Lanczos for lambda2',
    )
    .option('--json', 'print JSON')
    .action(async (names: string[], options: BenchCliOptions) => {
      const ids = readWorkloads(names);
      const repetitions = readRepetitions(options.repetitions);
      const scale = readScale(options.scale ?? 'full');
      const identities: BenchIdentity[] = [];
      if (ids.includes('W5')) {
        validateCatalogue(catalogue);
        for (const theorem of catalogue)
          for (const spec of theorem.identities) identities.push({ theorem: theorem.id, spec });
        if (identities.length === 0)
          throw new Error('W5 needs the theorem catalogue, which has no identities here (run through bin/ebm-lens.js)');
      }
      const report = await runBench(ids, {
        scale,
        repetitions,
        identities,
        isolation: options.inProcess ? 'in-process' : 'child process',
        solver: options.fullSpectrum ? 'full' : 'lanczos',
        onStart: (id) => {
          if (context.io.interactive && !options.json) context.io.stderr(`running ${id} ...\n`);
        },
      });
      context.io.stdout(options.json ? `${JSON.stringify({ ...report, scale }, null, 2)}\n` : benchText(report, scale));
      context.setExitCode(report.workloads.every((w) => w.result.ok) ? EXIT.ok : EXIT.falsified);
    });
}

function readWorkloads(names: readonly string[]): WorkloadId[] {
  if (names.length === 0) return [...WORKLOAD_IDS];
  const ids: WorkloadId[] = [];
  for (const name of names) {
    const id = name.toUpperCase();
    if (!isWorkloadId(id))
      throw new InputError('workloads', `"${name}" is not a workload`, `use some of ${WORKLOAD_IDS.join(', ')}`);
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

function readRepetitions(text: string | undefined): number {
  if (text === undefined) return DEFAULT_REPETITIONS;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1 || value > MAX_REPETITIONS) {
    throw new InputError(
      '--repetitions',
      `"${text}" is not an integer in [1, ${MAX_REPETITIONS}]`,
      'give the number of timed runs, e.g. --repetitions 5',
    );
  }
  return value;
}

function readScale(text: string): BenchScale {
  if (text !== 'full' && text !== 'tiny')
    throw new InputError('--scale', `"${text}" is not a scale`, 'use full or tiny');
  return text;
}

/** The human-readable report: one block per workload, then a summary table. */
export function benchText(report: BenchReport, scale: BenchScale): string {
  const { machine } = report;
  const first = report.workloads[0];
  const lines: string[] = [
    `ebm-lens bench: scale ${scale}, ${first?.repetitions ?? 0} timed repetitions after a warm-up, ` +
      (first?.memory === 'in-process' ? 'all workloads in this process' : 'each workload in its own process'),
    `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ` +
      `load average ${machine.loadAverage.join(' ')}`,
    '',
  ];
  for (const w of report.workloads) {
    lines.push(`${w.id}  ${w.title}`);
    lines.push(
      `    median ${seconds(w.medianSeconds)} s  (runs ${w.seconds.map(seconds).join(' ')}; warm-up ${seconds(w.warmupSeconds)} s)`,
    );
    lines.push(
      `    peak RSS ${w.peakRssMB} MB (${w.memory}; ${w.baselineRssMB} MB before the first run)   load ${w.loadAverage.before.toFixed(2)} -> ${w.loadAverage.after.toFixed(2)}`,
    );
    lines.push(
      `    result: ${w.result.summary} [${w.result.mode}]${w.result.ok ? '' : '  <-- NOT what the theorem predicts'}`,
    );
    lines.push('');
  }
  lines.push('id   median s   peak MB   load   result');
  for (const w of report.workloads) {
    lines.push(
      `${w.id.padEnd(4)} ${seconds(w.medianSeconds).padStart(8)}   ${w.peakRssMB.toFixed(1).padStart(7)}   ${w.loadAverage.before.toFixed(1).padStart(4)}   ${figure(w.result.value)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function seconds(value: number): string {
  return value < 10 ? value.toFixed(3) : value.toFixed(2);
}

function figure(value: number | NumberObject): string {
  return typeof value === 'number' ? String(value) : `${value.approx}${value.float64 ? ' (float64)' : ''}`;
}
