/**
 * `ebm-lens assume FILE [IDS] [--runs N] [--seed S] [--json]`: the theorems
 * with some instance slots replaced (what if the prior is not reversible, the
 * reward has a pairwise term, training does not start at the reference?).
 *
 * Main definitions
 * - `registerAssume(program, context, catalogue)`: the command; theorem
 *   module files may stand among the IDs (../theoremModules.ts).
 *
 * Main statements (the contract)
 * - FILE is JSON naming built-in variants per slot, or a .js/.mjs/.ts module
 *   whose default export draws slot values (src/assume/assumptionFile.ts).
 * - Per theorem: holds (every property that uses a replaced slot passed its
 *   runs), falsified (with the smallest counterexample), not-applicable (it
 *   uses none of the replaced slots), or undecided / error when so.
 * - `--json` prints `{ "theorems": [{ "id", "status", "runs",
 *   "counterexample"? }], "file", "slots", "seed" }`; each theorem also
 *   carries "title", "slots" (the replaced slots it uses), "properties",
 *   "skipped", "degrees" (falsified only) and "reason" (not-applicable); a
 *   property checked as an implication carries "hypothesis": { "text",
 *   "met", "runs" } (met 0: its hypothesis no longer holds).
 * - Exit: 1 if a theorem is falsified; else 4 on a bug, 3 if undecided, 0;
 *   2 for a bad FILE (unknown slot, wrong type, a module that throws), one line.
 *
 * Implementation details
 * FILE is read and validated completely before any run; nothing is printed
 * until every theorem is done, so a module that fails mid-run (exit 2) leaves
 * no partial report. The text lists every property of a theorem that is not
 * plainly holding, and its degrees of failure.
 */
import type { Command } from 'commander';
import { readAssumptionFile } from '../../assume/assumptionFile.js';
import {
  assumeExitCode,
  assumeTheorems,
  hypothesisGone,
  type AssumePropertyReport,
  type AssumeTheoremReport,
} from '../../assume/assume.js';
import { runQueue } from '../../runner/parallel.js';
import { parseWorkers, withWorkerPool, workersAvailable } from '../workerPool.js';
import type { TheoremSource } from '../worker.js';
import { toJsonText } from '../../report/json.js';
import { DEFAULT_SEED } from '../../runner/seed.js';
import type { Theorem } from '../../runner/theorem.js';
import type { CommandContext } from '../io.js';
import { createProgress, progressStyle } from '../progress.js';
import { withTheoremModules } from '../theoremModules.js';
import {
  DEFAULT_LAB_RUNS,
  type WorkerCatalogue,
  counterexampleLines,
  degreeSamples,
  formatDegree,
  parseRunsOption,
  parseSeedOption,
  selectTheoremIds,
} from './ablate.js';

interface AssumeOptions {
  runs?: string;
  seed?: string;
  json?: boolean;
  quiet?: boolean;
  workers?: string;
}

export function registerAssume(
  program: Command,
  context: CommandContext,
  catalogue: () => readonly Theorem[],
  parallel: WorkerCatalogue = {},
): void {
  program
    .command('assume')
    .description(
      'what if: the theorems with some instance slots replaced (JSON of slot variants, or a JS/TS module of arbitraries)',
    )
    .argument('<file>', 'a .json file naming slot variants, or a .js, .mjs or .ts module (see docs/assumptions.md)')
    .argument('[ids...]', 'theorem IDs or theorem module files (default: the whole catalogue)')
    .option('--runs <n>', `runs per property (default ${DEFAULT_LAB_RUNS})`)
    .option('--seed <s>', `master seed, an integer (default ${DEFAULT_SEED})`)
    .option('--json', 'print JSON')
    .option('--quiet', 'no progress on stderr (a bar on a terminal, else a line every few seconds)')
    .option('--workers <n>', 'worker threads (default: the number of cores); the result is the same for any number')
    .action(async (file: string, words: string[], options: AssumeOptions) => {
      const { catalogue: theorems, ids, files } = await withTheoremModules(catalogue(), words);
      await assume(context, theorems, file, ids, options, files, parallel);
    });
}

const STATUS_TEXT: Record<AssumeTheoremReport['status'], string> = {
  holds: 'holds',
  falsified: 'FALSIFIED',
  'not-applicable': 'not applicable',
  undecided: 'UNDECIDED',
  error: 'ERROR',
};

function theoremLines(t: AssumeTheoremReport, width: number): string[] {
  const head = `${t.id.padEnd(width)}  ${STATUS_TEXT[t.status]}`;
  if (t.status === 'not-applicable') return [`${head}: ${t.reason ?? ''}`];
  const uses = `uses ${t.slots.join(', ')}`;
  const lines: string[] = [];
  const checked = t.properties.filter((p) => !hypothesisGone(p));
  if (t.status === 'holds') {
    lines.push(
      `${head}: ${checked.length} ${checked.length === 1 ? 'property' : 'properties'} using ${t.slots.join(', ')}, no counterexample in ${t.runs} runs each`,
    );
  } else {
    const c = t.counterexample;
    lines.push(`${head}${c !== undefined ? `: ${c.property} fails (shrunk ${c.shrinks} times)` : ''}; ${uses}`);
    if (c !== undefined) lines.push(...counterexampleLines(c, '      ', undefined));
  }
  if (t.status !== 'holds') {
    for (const p of t.properties) {
      if (hypothesisGone(p)) continue;
      const status =
        p.status === 'verified' || p.status === 'checked'
          ? `holds (${p.runs} runs)`
          : p.status === 'falsified'
            ? 'falsified'
            : p.status === 'undecided'
              ? `undecided (${p.undecided} of ${p.runs} runs)`
              : p.status;
      lines.push(`      ${p.name}: ${status}${p.error !== undefined ? ` (${p.error})` : ''}`);
    }
  }
  for (const p of t.properties) {
    const h = p.hypothesis;
    if (h === undefined) continue;
    if (hypothesisGone(p))
      lines.push(
        `      ${p.name}: its hypothesis no longer holds (${h.text}: met in 0 of ${h.runs} runs); not a claim about these instances`,
      );
    else
      lines.push(`      ${p.name}: checked as the implication it is, if ${h.text} (met in ${h.met} of ${h.runs} runs)`);
  }
  for (const s of t.skipped) lines.push(`      ${s.name}: skipped, ${s.reason}`);
  for (const degree of t.degrees ?? []) lines.push(...formatDegree(degree, '      '));
  return lines;
}

function render(
  reports: readonly AssumeTheoremReport[],
  file: string,
  labels: readonly string[],
  seed: number,
  runs: number,
): string {
  const width = Math.max(2, ...reports.map((r) => r.id.length));
  const lines = [`assume ${file}: ${labels.join('; ')}`, ''];
  for (const t of reports) lines.push(...theoremLines(t, width));
  const count = (status: AssumeTheoremReport['status']): number => reports.filter((r) => r.status === status).length;
  const parts = [
    `${count('falsified')} falsified`,
    `${count('holds')} hold`,
    `${count('not-applicable')} not applicable`,
  ];
  if (count('undecided') > 0) parts.push(`${count('undecided')} undecided`);
  if (count('error') > 0) parts.push(`${count('error')} error`);
  lines.push(
    '',
    `${parts.join(', ')} (seed ${seed}, ${runs} runs per property; same FILE and --seed reproduce every instance)`,
  );
  return `${lines.join('\n')}\n`;
}

async function assume(
  context: CommandContext,
  catalogue: readonly Theorem[],
  file: string,
  ids: string[],
  options: AssumeOptions,
  files: ReadonlyMap<string, string>,
  parallel: WorkerCatalogue,
): Promise<void> {
  const runs = parseRunsOption(options.runs);
  const seed = parseSeedOption(options.seed);
  const theorems = selectTheoremIds(catalogue, ids);
  const workers = parseWorkers(options.workers, parallel.catalogueModule !== undefined && workersAvailable());
  const assumptions = await readAssumptionFile(file);
  const json = Boolean(options.json);
  const progress = createProgress(context.io, progressStyle(context.io, json, options.quiet), 'ebm-lens assume');
  let reports: AssumeTheoremReport[];
  try {
    let ranElsewhere: ((t: number, p: number) => AssumePropertyReport | undefined) | undefined;
    if (workers > 1) {
      // Each property a task; one a worker could not answer for runs here, in order (assumeTheorems), as with one thread.
      const items = theorems.flatMap((theorem, t) =>
        (theorem.instantiate?.(assumptions.overrides)?.properties ?? []).map((property, p) => ({
          theorem,
          name: property.spec.name,
          t,
          p,
        })),
      );
      const source: TheoremSource = {
        catalogue: parallel.catalogueModule!,
        files: [...new Set(files.values())],
        assumptions: file,
      };
      let done = 0;
      const replies = await withWorkerPool(workers, source, (pool) =>
        runQueue(items, workers, async (item) => {
          progress.update({ theoremId: item.theorem.id, kind: 'property', name: item.name, done, total: items.length });
          const reply = await pool
            .assume({ theorem: item.theorem.id, index: item.p, seed, runs })
            .catch((error: unknown) => ({ rerun: String(error) }));
          done += 1;
          return reply;
        }),
      );
      const given = new Map(items.map((item, k) => [`${item.t}/${item.p}`, replies[k]!]));
      ranElsewhere = (t, p) => {
        const reply = given.get(`${t}/${p}`);
        return reply !== undefined && 'value' in reply ? (reply.value as AssumePropertyReport) : undefined;
      };
    }
    reports = assumeTheorems(
      theorems,
      assumptions.overrides,
      { seed, runs, degreeSamples: degreeSamples(runs), onProgress: (event) => progress.update(event) },
      ranElsewhere,
    );
  } finally {
    progress.finish();
  }
  const labels = Object.values(assumptions.overrides).map((o) => o.label);
  if (json) {
    const slots = Object.fromEntries(Object.entries(assumptions.overrides).map(([slot, o]) => [slot, o.label]));
    const theoremsJson = reports.map(({ id, status, runs: r, counterexample, ...rest }) => ({
      id,
      status,
      runs: r,
      ...(counterexample !== undefined ? { counterexample } : {}),
      ...rest,
    }));
    context.io.stdout(
      `${toJsonText({ theorems: theoremsJson, file, form: assumptions.form, ...(assumptions.description !== undefined ? { description: assumptions.description } : {}), slots, seed, runs })}\n`,
    );
  } else {
    context.io.stdout(
      render(
        reports,
        file,
        assumptions.description !== undefined ? [assumptions.description, ...labels] : labels,
        seed,
        runs,
      ),
    );
  }
  context.setExitCode(assumeExitCode(reports));
}
