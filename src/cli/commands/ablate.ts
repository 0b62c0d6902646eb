/**
 * `ebm-lens ablate ID|all [--runs N] [--seed S] [--json]`: is each assumption
 * needed? Its properties run on instances that violate it.
 *
 * Main definitions
 * - `registerAblate(program, context, catalogue)`: the command; theorem
 *   module files may stand among the IDs (../theoremModules.ts).
 * - `parseRunsOption`, `parseSeedOption`, `selectTheoremIds`, `formatValue`,
 *   `formatDegree`, `counterexampleLines`: shared with `assume`.
 *
 * Main statements (the contract)
 * - `--json` prints `{ "ablations": [{ "theorem", "assumption", "necessary",
 *   "runs", "counterexample"? }], "seed", "runs" }`; each entry also carries
 *   "needed" (what the catalogue says), "text", "outcome", "properties" and,
 *   for a broken assumption with a measure, "degree". A counterexample is
 *   `{ "property", "claim", "instance", "values", "seed", "path", "shrinks",
 *   "replay" }`.
 * - Exit: 0 when every needed assumption was broken and no other one was;
 *   1 otherwise; 3 when runs stayed undecided; 4 on a bug; 2 on bad usage.
 *
 * Implementation details
 * The work is src/assume/ablate.ts; this file parses the options (one line
 * naming the option on a bad one) and renders. Displayed decimals are rounded
 * exactly (`rationalToDecimal`) for reading; the JSON keeps full number
 * objects. A degree uses min(50, runs) instances per level.
 */
import type { Command } from 'commander';
import type { NumberObject } from '../../arith/numberObject.js';
import { parseRational } from '../../arith/rational.js';
import { rationalToDecimal } from '../../arith/numberObject.js';
import {
  ablateTheorems,
  ablationExitCode,
  ablationRunOptions,
  type AblationCounterexample,
  type AblationReport,
} from '../../assume/ablate.js';
import type { AblationResult, ProgressEvent } from '../../runner/run.js';
import { runSteps } from '../../runner/parallel.js';
import { parseWorkers, withWorkerPool, workersAvailable } from '../workerPool.js';
import type { TheoremSource } from '../worker.js';
import type { DegreeResult } from '../../assume/degree.js';
import { toJsonText } from '../../report/json.js';
import { replayCommand } from '../../report/markdown.js';
import { PROFILES } from '../../runner/profiles.js';
import { DEFAULT_SEED, SEED_MAX, SEED_MIN } from '../../runner/seed.js';
import type { Theorem } from '../../runner/theorem.js';
import { InputError } from '../../errors.js';
import type { CommandContext } from '../io.js';
import { createProgress, progressStyle } from '../progress.js';
import { replayTarget, withTheoremModules } from '../theoremModules.js';

/** Runs per property when --runs is not given (the quick profile's). */
export const DEFAULT_LAB_RUNS = PROFILES.quick.runs;
const MAX_RUNS = 1_000_000;
/** Instances per level of a degree of failure, at most. */
const MAX_DEGREE_SAMPLES = 50;

export function degreeSamples(runs: number): number {
  return Math.min(MAX_DEGREE_SAMPLES, runs);
}

export function parseRunsOption(text: string | undefined): number {
  if (text === undefined) return DEFAULT_LAB_RUNS;
  const trimmed = text.trim();
  const value = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_RUNS) {
    throw new InputError(
      '--runs',
      `'${text}' is not a whole number of runs in [1, ${MAX_RUNS}]`,
      'pass e.g. --runs 200',
    );
  }
  return value;
}

export function parseSeedOption(text: string | undefined): number {
  if (text === undefined) return DEFAULT_SEED;
  const trimmed = text.trim();
  const value = /^[+-]?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < SEED_MIN || value > SEED_MAX) {
    throw new InputError(
      '--seed',
      `'${text}' is not an integer in [${SEED_MIN}, ${SEED_MAX}]`,
      'pass a whole number, e.g. --seed 42',
    );
  }
  return value;
}

/** The theorems named (all of them for none, or for 'all'), in catalogue order. */
export function selectTheoremIds(catalogue: readonly Theorem[], ids: readonly string[]): Theorem[] {
  if (ids.length === 0 || ids.some((id) => id.toLowerCase() === 'all')) return [...catalogue];
  const chosen = new Set<Theorem>();
  for (const id of ids) {
    const theorem =
      catalogue.find((t) => t.id === id) ?? catalogue.find((t) => t.id.toLowerCase() === id.toLowerCase());
    if (theorem === undefined) {
      const valid =
        catalogue.length === 0 ? '(none: the catalogue is empty)' : `${catalogue.map((t) => t.id).join(', ')} or all`;
      throw new InputError('ID', `unknown theorem '${id}'`, `valid IDs: ${valid}`);
    }
    chosen.add(theorem);
  }
  return catalogue.filter((t) => chosen.has(t));
}

/** A decimal rounded to `digits` significant digits (exact rounding, for display). */
function shortDecimal(text: string, digits = 10): string {
  try {
    return rationalToDecimal(parseRational(text), digits, 'nearest');
  } catch {
    return text;
  }
}

/** A value of a verdict: exact when known (when short), else the approximation and its enclosure. */
export function formatValue(value: NumberObject | string): string {
  if (typeof value === 'string') return value;
  if (value.exact !== undefined && value.exact.length <= 40) return value.exact;
  if (value.exact !== undefined) return `${value.approx} (exact, ${value.exact.length} characters)`;
  return `${value.approx} in [${value.lo}, ${value.hi}]${value.float64 ? ' (float64)' : ''}`;
}

/** The claim, the instance, the values on both sides and (for ablations) the replay command. */
export function counterexampleLines(c: AblationCounterexample, indent: string, replay: string | undefined): string[] {
  const lines = [`${indent}claim: ${c.claim}`, `${indent}instance: ${toJsonText(c.instance, 0)}`];
  for (const [key, value] of Object.entries(c.values ?? {})) lines.push(`${indent}${key} = ${formatValue(value)}`);
  if (replay !== undefined) lines.push(`${indent}replay: ${replay}`);
  return lines;
}

/** `ebm-lens replay` for an ablation counterexample (FILE ID for a theorem of a module file). */
function replayOf(
  theorem: string,
  assumption: string,
  c: AblationCounterexample,
  files: ReadonlyMap<string, string> = new Map(),
): string {
  return replayCommand(
    replayTarget(theorem, files),
    c.property,
    { seed: c.seed, path: c.path, shrinks: c.shrinks, instance: c.instance, claim: c.claim },
    assumption,
  );
}

/** approx to 10 digits, with the enclosure when it is wider than that. */
function enclosureText(value: NumberObject): string {
  const [approx, lo, hi] = [value.approx, value.lo, value.hi].map((x) => shortDecimal(x));
  return lo === hi ? approx! : `${approx} (enclosed in [${lo}, ${hi}])`;
}

export function formatDegree(degree: DegreeResult, indent: string): string[] {
  const lines = [`${indent}degree of failure: ${degree.measure}`];
  const width = Math.max(...degree.levels.map((l) => l.label.length));
  for (const level of degree.levels) {
    const largest =
      level.largest === undefined
        ? 'no instance measured'
        : level.largest === 'infinite'
          ? 'largest +infinity'
          : level.largest.exact !== undefined && level.largest.exact.length <= 24
            ? `largest ${level.largest.exact}`
            : `largest ~ ${enclosureText(level.largest)}`;
    const failed = level.failed > 0 ? `, ${level.failed} not measured: ${level.reason ?? 'error'}` : '';
    lines.push(`${indent}  ${level.label.padEnd(width)}  ${largest} over ${level.samples} instances${failed}`);
  }
  return lines;
}

interface AblateOptions {
  runs?: string;
  seed?: string;
  json?: boolean;
  quiet?: boolean;
  workers?: string;
}

/** What parallel runs need (commands/catalogue.ts `ParallelSource`): the catalogue as a module. */
export interface WorkerCatalogue {
  readonly catalogueModule?: string;
}

export function registerAblate(
  program: Command,
  context: CommandContext,
  catalogue: () => readonly Theorem[],
  parallel: WorkerCatalogue = {},
): void {
  program
    .command('ablate')
    .description('necessity of each assumption: its properties run on instances that violate it')
    .argument('<ids...>', 'theorem IDs, all, or theorem module files (.ts, .mts, .js, .mjs)')
    .option('--runs <n>', `runs per property (default ${DEFAULT_LAB_RUNS})`)
    .option('--seed <s>', `master seed, an integer (default ${DEFAULT_SEED})`)
    .option('--json', 'print JSON')
    .option('--quiet', 'no progress on stderr (a bar on a terminal, else a line every few seconds)')
    .option('--workers <n>', 'worker threads (default: the number of cores); the result is the same for any number')
    .action(async (words: string[], options: AblateOptions) => {
      const { catalogue: theorems, ids, files } = await withTheoremModules(catalogue(), words);
      await ablate(context, theorems, ids, options, files, parallel);
    });
}

function jsonReport(report: AblationReport, files: ReadonlyMap<string, string>): unknown {
  const { counterexample, ...rest } = report;
  return {
    theorem: rest.theorem,
    assumption: rest.assumption,
    necessary: rest.necessary,
    runs: rest.runs,
    ...(counterexample !== undefined
      ? {
          counterexample: { ...counterexample, replay: replayOf(rest.theorem, rest.assumption, counterexample, files) },
        }
      : {}),
    needed: rest.needed,
    text: rest.text,
    outcome: rest.outcome,
    properties: rest.properties,
    ...(rest.degree !== undefined ? { degree: rest.degree } : {}),
    ...(rest.error !== undefined ? { error: rest.error } : {}),
  };
}

function verdictLine(r: AblationReport): string {
  if (r.necessary) {
    const c = r.counterexample;
    const where = c === undefined ? '' : `: ${c.property} fails (shrunk ${c.shrinks} times)`;
    return `${r.theorem} ${r.assumption}  necessary${where}${r.needed ? '' : ' -- the catalogue says not needed'}`;
  }
  if (r.outcome === 'error')
    return `${r.theorem} ${r.assumption}  error: ${r.error ?? r.properties.find((p) => p.error !== undefined)?.error ?? 'a property crashed'}`;
  const undecided = r.properties.reduce((n, p) => n + p.undecided, 0);
  const open = undecided > 0 ? ` (${undecided} runs undecided)` : '';
  const note = r.needed ? ' -- NOT BROKEN, though the catalogue says needed' : ' (not needed, as the catalogue says)';
  return `${r.theorem} ${r.assumption}  no counterexample in ${r.runs} runs${open}${note}`;
}

export function renderAblations(
  reports: readonly AblationReport[],
  seed: number,
  runs: number,
  files: ReadonlyMap<string, string> = new Map(),
): string {
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(verdictLine(r));
    lines.push(`    assumption: ${r.text}`);
    if (r.counterexample !== undefined) {
      const c = r.counterexample;
      lines.push(...counterexampleLines(c, '    ', replayOf(r.theorem, r.assumption, c, files)));
    }
    if (r.degree !== undefined) lines.push(...formatDegree(r.degree, '    '));
    lines.push('');
  }
  const needed = reports.filter((r) => r.needed);
  const broken = needed.filter((r) => r.necessary);
  const notNeeded = reports.filter((r) => !r.needed);
  const unbroken = reports.filter((r) => !r.necessary);
  lines.push(
    `${broken.length} of ${needed.length} needed assumptions broken; ${notNeeded.filter((r) => r.necessary).length} of ${notNeeded.length} not-needed ones broken (seed ${seed}, ${runs} runs per property)`,
  );
  if (unbroken.length > 0)
    lines.push(
      `could not break: ${unbroken.map((r) => `${r.theorem} ${r.assumption}${r.needed ? ' (needed!)' : ' (not needed)'}`).join(', ')}`,
    );
  return `${lines.join('\n')}\n`;
}

async function ablate(
  context: CommandContext,
  catalogue: readonly Theorem[],
  ids: string[],
  options: AblateOptions,
  files: ReadonlyMap<string, string>,
  parallel: WorkerCatalogue,
): Promise<void> {
  const runs = parseRunsOption(options.runs);
  const seed = parseSeedOption(options.seed);
  const theorems = selectTheoremIds(catalogue, ids);
  const workers = parseWorkers(options.workers, parallel.catalogueModule !== undefined && workersAvailable());
  const json = Boolean(options.json);
  const progress = createProgress(context.io, progressStyle(context.io, json, options.quiet), 'ebm-lens ablate');
  let reports: AblationReport[];
  try {
    const ablateOptions = {
      seed,
      runs,
      profile: PROFILES.quick,
      degreeSamples: degreeSamples(runs),
      onProgress: (event: ProgressEvent) => progress.update(event),
    };
    let results: AblationResult[][] | undefined;
    if (workers > 1) {
      // Only the ablation steps run, each ablated property a task (src/runner/parallel.ts); the reports are built here, in order.
      const source: TheoremSource = { catalogue: parallel.catalogueModule!, files: [...new Set(files.values())] };
      const runOptions = { ...ablationRunOptions(ablateOptions), onProgress: ablateOptions.onProgress };
      const done = await withWorkerPool(workers, source, (executor) =>
        runSteps(theorems, runOptions, executor, { identities: false }, (_, step) => step.kind === 'ablation'),
      );
      results = done.map(({ steps, results: stepResults }) =>
        steps.flatMap((step, k) => (step.kind === 'ablation' ? [stepResults[k] as AblationResult] : [])),
      );
    }
    reports = ablateTheorems(theorems, ablateOptions, results);
  } finally {
    progress.finish();
  }
  if (json) context.io.stdout(`${toJsonText({ ablations: reports.map((r) => jsonReport(r, files)), seed, runs })}\n`);
  else context.io.stdout(renderAblations(reports, seed, runs, files));
  context.setExitCode(ablationExitCode(reports));
}
