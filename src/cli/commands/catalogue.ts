/**
 * The catalogue commands: `list`, `check` and `replay`.
 *
 * Main definitions
 * - `registerCatalogueCommands(program, context, catalogue, certify)`: adds the
 *   three commands over the given theorems. Theorem module files may stand
 *   among the IDs (`check FILE`, `list FILE`, `replay FILE [ID]`; see
 *   ../theoremModules.ts); their theorems join the catalogue for that run.
 * - An exception in a user module (on import, or in an identity, property or
 *   mutant) is one line and exit 2, never a verdict; in the catalogue it is a
 *   bug of ebm-lens (exit 4).
 *
 * Main statements (the contract of docs/outputs.md)
 * - `check --json` prints `{ "theorems": [{ "id", "status", "identities":
 *   [{ "name", "status" }], "properties": [{ "name", "runs", "mode", "status",
 *   "counterexample"? }], "mutants": [{ "name", "refuted" }] }], "seed",
 *   "profile" }` (entries carry extra keys: seeds, paths, margins, counts).
 * - Exit codes: 0 every theorem verified, 1 one falsified (or a mutant
 *   survived), 2 bad usage, 3 undecided, 4 a bug (an exception in a check).
 *
 * Implementation details
 * Options are validated here, before any run, and a bad one is one line naming
 * the option and the fix (exit 2). `--report DIR` is written after the run,
 * atomically; a run that throws leaves no report.
 */
import type { Command } from 'commander';
import type { CommandContext } from '../io.js';
import { EXIT, InputError } from '../../errors.js';
import { createProgress, progressStyle } from '../progress.js';
import type { PropertySpec, Theorem } from '../../runner/theorem.js';
import type { Certifier } from '../../runner/identity.js';
import { certifyIdentity } from '../../symbolic/certify.js';
import { validateCatalogue } from '../../runner/validate.js';
import { DEFAULT_PROFILE, PROFILES, isProfileName, type Profile } from '../../runner/profiles.js';
import { DEFAULT_SEED, SEED_MAX, SEED_MIN } from '../../runner/seed.js';
import {
  STATUS_SEVERITY,
  assembleTheorem,
  overallStatus,
  runCatalogue,
  theoremSteps,
  type CatalogueResult,
  type RunOptions,
  type TheoremResult,
  type TheoremStatus,
} from '../../runner/run.js';
import { runCatalogueParallel, runSteps, type TheoremRun } from '../../runner/parallel.js';
import { parseWorkers, withWorkerPool, workersAvailable } from '../workerPool.js';
import type { TheoremSource } from '../worker.js';
import { SHARD_FORMAT, parseShard, readParts, shardOfStep, stepKey, type ShardPart } from '../shards.js';
import { MINIMUM_RUNS_FOR_VERIFIED, replay, type Counterexample, type ReplayResult } from '../../runner/property.js';
import { buildReport } from '../../report/model.js';
import { collectEnvironment } from '../../report/environment.js';
import { reportFiles } from '../../report/report.js';
import { writeFilesAtomically } from '../../report/write.js';
import { buildCertificate, withoutRecords } from '../../certificate/assemble.js';
import { VERSION } from '../../version.js';
import { basename, dirname } from 'node:path';
import { toJsonText } from '../../report/json.js';
import { formatMargin, replayCommand } from '../../report/markdown.js';
import { verifyInvocation } from '../../report/invocation.js';
import { checkOutputDirectory, checkOutputFile } from '../outputPaths.js';
import type { NumberObject } from '../../arith/numberObject.js';
import { registerAblate } from './ablate.js';
import { registerAssume } from './assume.js';
import { registerDocs } from './docs.js';
import { replayTarget, withTheoremModules } from '../theoremModules.js';
import { findByName, renameNote } from '../../runner/renames.js';
import { isModulePath } from '../../input/importModule.js';

/** Largest --runs accepted: beyond it a check would take hours; deep is 5000. */
const MAX_RUNS = 1_000_000;

/** What parallel runs need from the caller: the catalogue as a module worker threads import (bin/ebm-lens.js gives it). */
export interface ParallelSource {
  /** URL of a module exporting `catalogue`, the same theorems as the catalogue given */
  readonly catalogueModule?: string;
}

export function registerCatalogueCommands(
  program: Command,
  context: CommandContext,
  catalogue: readonly Theorem[] = [],
  certify: Certifier = certifyIdentity,
  parallel: ParallelSource = {},
): void {
  // A malformed catalogue is a bug of ebm-lens: checked when a command runs, reported as an internal error.
  const checked = (): readonly Theorem[] => {
    validateCatalogue(catalogue);
    return catalogue;
  };
  program
    .command('list')
    .description('the theorem catalogue with statements and assumptions')
    .argument('[files...]', 'theorem module files (.ts, .mts, .js, .mjs): list their theorems instead of the catalogue')
    .option('--json', 'print JSON')
    .action(async (words: string[], options: { json?: boolean }) => {
      const { catalogue: theorems, ids } = await withTheoremModules(checked(), words);
      list(context, selectTheorems(theorems, ids), Boolean(options.json));
    });

  program
    .command('check')
    .description('check theorems: identities, properties, mutants (all theorems when no ID is given)')
    .argument('[ids...]', 'theorem IDs, e.g. T1 T5, or theorem module files (.ts, .mts, .js, .mjs)')
    .option('--runs <n>', 'runs per property and per mutant (overrides the profile)')
    .option('--seed <s>', `master seed, an integer (default ${DEFAULT_SEED})`)
    .option(
      '--profile <name>',
      `quick (${PROFILES.quick.runs} runs), standard (${PROFILES.standard.runs}) or deep (${PROFILES.deep.runs})`,
      DEFAULT_PROFILE,
    )
    .option('--json', 'print JSON')
    .option('--report <dir>', 'write report.json, report.md, report.html and certificate.json to this directory')
    .option('--certificate <file>', 'write the certificate (every run, re-checkable by ebm-lens-verify) to this file')
    .option('--quiet', 'no progress on stderr (a bar on a terminal, else a line every few seconds)')
    .option('--workers <n>', 'worker threads (default: the number of cores); the result is the same for any number')
    .option('--shard <i/N>', 'run slice i of N and print it as JSON for ebm-lens merge (see docs/scaling.md)')
    .option(
      '--records',
      'with --shard: record every run, as --certificate does, so that merge can write a certificate and report',
    )
    .action(async (words: string[], options: CheckOptions) => {
      const { catalogue: theorems, ids, files } = await withTheoremModules(checked(), words);
      await check(context, theorems, certify, ids, options, files, parallel);
    });

  program
    .command('merge')
    .description('join the parts of a sharded check (check --shard i/N --json) into the result of the whole check')
    .argument('<parts...>', 'the JSON files of the N shards')
    .option('--json', 'print JSON')
    .option(
      '--report <dir>',
      'write report.json, report.md, report.html and certificate.json to this directory (parts made with --records)',
    )
    .option('--certificate <file>', 'write the certificate to this file (parts made with --records)')
    .action(async (parts: string[], options: MergeOptions) => {
      await merge(context, checked(), certify, parts, options);
    });

  program
    .command('replay')
    .description('reproduce one counterexample from the seed and path printed by check')
    .argument('<target...>', 'theorem ID, or a theorem module file (and the ID when the file has several theorems)')
    .requiredOption('--seed <s>', 'the seed printed with the counterexample')
    .requiredOption('--path <p>', 'the path printed with the counterexample')
    .option('--property <name>', 'the property or mutant (optional when exactly one property fails there)')
    .option('--assumption <id>', 'replay on the instances violating this assumption (ablation counterexamples)')
    .option('--json', 'print JSON')
    .action(async (words: string[], options: ReplayOptions) => {
      const { catalogue: theorems, ids, files } = await withTheoremModules(checked(), words);
      const named = words.filter((word) => !isModulePath(word));
      if (named.length > 1)
        throw new InputError('ID', `one theorem at a time, got ${named.join(', ')}`, 'name one theorem ID');
      const id = named[0] ?? (ids.length === 1 ? ids[0]! : undefined);
      if (id === undefined)
        throw new InputError(
          'ID',
          `${words.join(' ')} holds several theorems (${ids.join(', ')})`,
          'name one after the file: replay FILE ID ...',
        );
      replayCommandAction(context, theorems, id, options, files);
    });

  registerAblate(program, context, checked, parallel);
  registerAssume(program, context, checked, parallel);
  registerDocs(program, context, checked);
}

// ---------------------------------------------------------------- options

function parseSeed(text: string, option: string): number {
  const trimmed = text.trim();
  const value = /^[+-]?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < SEED_MIN || value > SEED_MAX) {
    throw new InputError(
      option,
      `'${text}' is not an integer in [${SEED_MIN}, ${SEED_MAX}]`,
      `pass a whole number, e.g. ${option} 42`,
    );
  }
  return value;
}

function parseRuns(text: string): number {
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

function parseProfile(text: string): Profile {
  if (!isProfileName(text))
    throw new InputError('--profile', `'${text}' is not a profile`, 'use quick, standard or deep');
  return PROFILES[text];
}

function findTheorem(catalogue: readonly Theorem[], id: string): Theorem {
  const theorem = catalogue.find((t) => t.id === id) ?? catalogue.find((t) => t.id.toLowerCase() === id.toLowerCase());
  if (theorem === undefined) {
    const valid = catalogue.length === 0 ? '(none: the catalogue is empty)' : catalogue.map((t) => t.id).join(', ');
    throw new InputError('ID', `unknown theorem '${id}'`, `valid IDs: ${valid}`);
  }
  return theorem;
}

/** The theorems named, in catalogue order, each once; all of them when none is named. */
function selectTheorems(catalogue: readonly Theorem[], ids: readonly string[]): Theorem[] {
  if (ids.length === 0) return [...catalogue];
  const chosen = new Set(ids.map((id) => findTheorem(catalogue, id)));
  return catalogue.filter((t) => chosen.has(t));
}

/** The certificate's name inside a report directory. */
const CERTIFICATE_FILE = 'certificate.json';

/** Checked before any run (../outputPaths.ts): a bad output path fails at once, in one line. */
function checkCertificatePath(file: string): void {
  checkOutputFile('--certificate', file);
}

function writeOrFail(option: string, target: string, write: () => unknown): void {
  try {
    write();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new InputError(
      option,
      `cannot write to '${target}' (${code})`,
      option === '--report' ? 'pass a writable directory' : 'pass a writable file',
    );
  }
}

function checkReportDir(dir: string): void {
  checkOutputDirectory('--report', dir, ['report.json', 'report.md', 'report.html', CERTIFICATE_FILE]);
}

// ---------------------------------------------------------------- list

function list(context: CommandContext, catalogue: readonly Theorem[], json: boolean): void {
  const { io } = context;
  if (json) {
    const theorems = catalogue.map((t) => ({
      id: t.id,
      title: t.title,
      statement: { text: t.statement.text, latex: t.statement.latex },
      source: t.source,
      assumptions: t.assumptions.map((a) => ({
        id: a.id,
        text: a.text,
        needed: a.needed,
        properties: [...a.properties],
      })),
      identities: t.identities.map((i) => i.name),
      properties: t.properties.map((p) => ({ name: p.name, claim: p.claim, mode: p.mode })),
      mutants: t.mutants.map((m) => ({ name: m.name, claim: m.claim, mode: m.mode })),
    }));
    io.stdout(`${toJsonText({ theorems })}\n`);
    return;
  }
  if (catalogue.length === 0) {
    io.stdout('The catalogue is empty.\n');
    return;
  }
  const lines: string[] = [];
  for (const t of catalogue) {
    lines.push(`${t.id}  ${t.title}`);
    lines.push(...indent(t.statement.text, '    '));
    for (const a of t.assumptions) lines.push(`    assumption ${a.id}${a.needed ? '' : ' (not needed)'}: ${a.text}`);
    lines.push(
      `    ${t.identities.length} identities, ${t.properties.length} properties, ${t.mutants.length} mutants`,
      '',
    );
  }
  io.stdout(`${lines.join('\n')}`);
}

function indent(text: string, prefix: string): string[] {
  return text.split('\n').map((line) => `${prefix}${line}`);
}

// ---------------------------------------------------------------- check

interface CheckOptions {
  runs?: string;
  seed?: string;
  profile: string;
  json?: boolean;
  report?: string;
  certificate?: string;
  quiet?: boolean;
  workers?: string;
  shard?: string;
  records?: boolean;
}

const EXIT_OF_STATUS: Record<TheoremStatus, number> = {
  verified: EXIT.ok,
  checked: EXIT.ok,
  falsified: EXIT.falsified,
  'check-too-weak': EXIT.falsified,
  undecided: EXIT.undecided,
  error: EXIT.internal,
};

async function check(
  context: CommandContext,
  catalogue: readonly Theorem[],
  certify: Certifier,
  ids: string[],
  options: CheckOptions,
  files: ReadonlyMap<string, string> = new Map(),
  parallel: ParallelSource = {},
): Promise<void> {
  const { io } = context;
  const profile = parseProfile(options.profile);
  const runs = options.runs === undefined ? undefined : parseRuns(options.runs);
  const seed = options.seed === undefined ? DEFAULT_SEED : parseSeed(options.seed, '--seed');
  const theorems = selectTheorems(catalogue, ids);
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const workers = parseWorkers(options.workers, parallel.catalogueModule !== undefined && workersAvailable());
  if (shard !== undefined) {
    if (options.report !== undefined || options.certificate !== undefined) {
      throw new InputError(
        options.report !== undefined ? '--report' : '--certificate',
        'a shard writes only its part',
        'run the shards with --records and pass it to ebm-lens merge',
      );
    }
    if (!options.json)
      throw new InputError('--shard', 'a shard prints its part as JSON', 'add --json and save it for ebm-lens merge');
  } else if (options.records) {
    throw new InputError(
      '--records',
      'only a shard takes it (--certificate and --report record the runs)',
      'add --shard i/N, or use --certificate FILE',
    );
  }
  if (options.report !== undefined) checkReportDir(options.report);
  if (options.certificate !== undefined) checkCertificatePath(options.certificate);
  const record = options.certificate !== undefined || options.report !== undefined || options.records === true;

  const json = Boolean(options.json);
  const progress = createProgress(io, progressStyle(io, json, options.quiet), 'ebm-lens check');
  const runOptions: RunOptions = {
    seed,
    profile,
    certify,
    record,
    onProgress: (event) => progress.update(event),
    ...(runs === undefined ? {} : { runs }),
  };
  const source: TheoremSource = {
    ...(parallel.catalogueModule === undefined ? {} : { catalogue: parallel.catalogueModule }),
    files: [...new Set(files.values())],
  };
  const settings = { identities: certify === certifyIdentity };
  if (shard !== undefined) {
    let done: TheoremRun[];
    try {
      const include = (k: number): boolean => shardOfStep(k, shard.count) === shard.index;
      done =
        workers > 1
          ? await withWorkerPool(workers, source, (executor) =>
              runSteps(theorems, runOptions, executor, settings, include),
            )
          : await runSteps(theorems, runOptions, undefined, settings, include);
    } finally {
      progress.finish();
    }
    const part: ShardPart = {
      format: SHARD_FORMAT,
      tool: { name: 'ebm-lens', version: VERSION },
      shard,
      seed,
      profile: profile.name,
      runs: runs ?? profile.runs,
      theorems: theorems.map((t) => t.id),
      modules: Object.fromEntries(theorems.flatMap((t) => (files.has(t.id) ? [[t.id, files.get(t.id)!]] : []))),
      records: record,
      steps: done.flatMap(({ theorem, steps, results }) =>
        steps.flatMap((step, k) =>
          results[k] === undefined
            ? []
            : [{ theorem: theorem.id, kind: step.kind, name: step.name, result: results[k] }],
        ),
      ),
    };
    io.stdout(`${toJsonText(part)}\n`);
    return;
  }
  let result: CatalogueResult;
  try {
    result =
      workers > 1
        ? await withWorkerPool(workers, source, (executor) =>
            runCatalogueParallel(theorems, runOptions, executor, settings),
          )
        : runCatalogue(theorems, runOptions);
  } finally {
    progress.finish();
  }
  finishCheck(
    context,
    theorems,
    result,
    { seed, profile, json, record, report: options.report, certificate: options.certificate },
    files,
  );
}

interface FinishOptions {
  seed: number;
  profile: Profile;
  json: boolean;
  /** the runs carry certificate records */
  record: boolean;
  report: string | undefined;
  certificate: string | undefined;
}

/** What check does with its result, and merge with the joined parts: certificate, report, output, exit code. */
function finishCheck(
  context: CommandContext,
  theorems: readonly Theorem[],
  checkResult: CatalogueResult,
  options: FinishOptions,
  files: ReadonlyMap<string, string>,
): void {
  const { io } = context;
  const { seed, profile, json, record } = options;
  let result = checkResult;
  userModuleErrors(result.theorems, files);
  for (const t of result.theorems) {
    const file = files.get(t.id);
    if (file !== undefined) t.module = file;
  }
  let certificateText: string | undefined;
  if (record) {
    certificateText = `${JSON.stringify(buildCertificate(result, theorems, VERSION))}\n`;
    result = withoutRecords(result);
  }

  if (options.certificate !== undefined) {
    writeOrFail('--certificate', options.certificate, () =>
      writeFilesAtomically(dirname(options.certificate!), [
        { name: basename(options.certificate!), content: certificateText! },
      ]),
    );
  }
  if (options.report !== undefined) {
    const report = buildReport(result, collectEnvironment());
    writeOrFail('--report', options.report, () =>
      writeFilesAtomically(options.report!, [
        ...reportFiles(report),
        { name: CERTIFICATE_FILE, content: certificateText! },
      ]),
    );
  }

  if (json) {
    io.stdout(`${toJsonText({ theorems: result.theorems.map(jsonTheorem), seed, profile: profile.name })}\n`);
  } else {
    io.stdout(renderCheck(result.theorems, seed, profile, result.runs, options.report, options.certificate, files));
  }
  context.setExitCode(EXIT_OF_STATUS[overallStatus(result.theorems.map((t) => t.status))]);
}

// ---------------------------------------------------------------- merge

interface MergeOptions {
  json?: boolean;
  report?: string;
  certificate?: string;
}

/**
 * The parts of a sharded check joined (../shards.ts): the theorems (and the
 * user module files the parts name) are loaded again, each step's result is
 * taken from the shard that ran it, and the result goes out as check's does.
 */
async function merge(
  context: CommandContext,
  catalogue: readonly Theorem[],
  certify: Certifier,
  files: string[],
  options: MergeOptions,
): Promise<void> {
  const { run, results } = readParts(files, VERSION);
  if (!isProfileName(run.profile))
    throw new InputError(
      files[0]!,
      `names an unknown profile '${run.profile}'`,
      'give the files check --shard i/N --json wrote',
    );
  const profile = PROFILES[run.profile];
  if (options.report !== undefined) checkReportDir(options.report);
  if (options.certificate !== undefined) checkCertificatePath(options.certificate);
  if ((options.report !== undefined || options.certificate !== undefined) && !run.records) {
    const option = options.report !== undefined ? '--report' : '--certificate';
    throw new InputError(
      option,
      'the parts carry no run records',
      'run the shards with --records (check --shard i/N --records --json)',
    );
  }
  const moduleFiles = [...new Set(Object.values(run.modules))];
  const { catalogue: theorems, files: loaded } = await withTheoremModules(catalogue, moduleFiles);
  const selected = run.theorems.map((id) => {
    const theorem = theorems.find((t) => t.id === id);
    if (theorem === undefined)
      throw new InputError(
        files[0]!,
        `names theorem ${id}, which is not in the catalogue or its module files`,
        'merge where the shards ran',
      );
    if (run.modules[id] !== loaded.get(id))
      throw new InputError(
        files[0]!,
        `says theorem ${id} comes from ${run.modules[id] ?? 'the catalogue'}`,
        'merge where the shards ran',
      );
    return theorem;
  });
  const runOptions: RunOptions = { seed: run.seed, profile, certify, record: run.records, runs: run.runs };
  let index = 0;
  let used = 0;
  const theoremResults = selected.map((theorem) => {
    const stepResults = theoremSteps(theorem, runOptions).map((step) => {
      const shard = shardOfStep(index++, run.shard.count);
      const found = results.get(stepKey(theorem.id, step.kind, step.name));
      if (found === undefined)
        throw new InputError(
          `shard ${shard}/${run.shard.count}`,
          `has no result for ${theorem.id} ${step.kind} ${step.name}`,
          'give the files check --shard i/N --json wrote',
        );
      if (found.shard !== shard)
        throw new InputError(
          found.file,
          `has ${theorem.id} ${step.kind} ${step.name}, a step of shard ${shard}/${run.shard.count}`,
          'give the files check --shard i/N --json wrote',
        );
      used += 1;
      return found.result;
    });
    return assembleTheorem(theorem, runOptions, stepResults);
  });
  if (used !== results.size)
    throw new InputError(
      'merge',
      `the parts hold ${results.size - used} results of steps this check does not have`,
      'merge with the version and theorems that ran the shards',
    );
  const result: CatalogueResult = { seed: run.seed, profile, runs: run.runs, theorems: theoremResults };
  const json = Boolean(options.json);
  finishCheck(
    context,
    selected,
    result,
    { seed: run.seed, profile, json, record: run.records, report: options.report, certificate: options.certificate },
    loaded,
  );
}

function jsonTheorem(t: TheoremResult): unknown {
  return {
    id: t.id,
    title: t.title,
    status: t.status,
    identities: t.identities.map((i) => ({
      name: i.name,
      status: i.status,
      seed: i.seed,
      ...(i.certificate !== undefined ? { detail: i.certificate.detail } : {}),
      ...(i.error !== undefined ? { error: i.error } : {}),
    })),
    properties: t.properties,
    mutants: t.mutants,
    ...(t.ablations !== undefined ? { ablations: t.ablations } : {}),
    ...(t.module !== undefined ? { module: t.module } : {}),
  };
}

function renderCheck(
  theorems: readonly TheoremResult[],
  seed: number,
  profile: Profile,
  runs: number,
  reportDir: string | undefined,
  certificateFile: string | undefined,
  files: ReadonlyMap<string, string>,
): string {
  const lines: string[] = [];
  if (theorems.length === 0) lines.push('No theorems to check: the catalogue is empty.');
  for (const t of theorems) {
    lines.push(`${t.id}  ${t.title}: ${theoremHeadline(t)}`);
    const certified = t.identities.filter((i) => i.status === 'certified').length;
    lines.push(`  identities  ${certified}/${t.identities.length} certified`);
    for (const i of t.identities) {
      if (i.status !== 'certified')
        lines.push(
          `    ${i.name}: ${i.status}${i.error !== undefined ? ` (${i.error})` : i.certificate !== undefined ? ` (${i.certificate.detail})` : ''}`,
        );
    }
    if (t.properties.length > 0) {
      const header = ['property', 'mode', 'runs', 'undecided', 'smallest margin', 'status'];
      const rows = t.properties.map((p) => [
        p.name,
        p.mode,
        String(p.runs),
        String(p.undecided),
        formatMargin(p.smallestMargin),
        p.status,
      ]);
      lines.push(...alignedTable(header, rows, '  '));
      for (const p of t.properties) {
        if (p.error !== undefined) lines.push(`    ${p.name}: error (a bug, not a verdict): ${p.error}`);
        if (p.status === 'undecided' && p.undecidedReasons.length > 0)
          lines.push(`    ${p.name}: ${p.undecided} runs undecided, e.g. ${p.undecidedReasons[0]}`);
        if (p.status === 'passed-float64')
          lines.push(`    ${p.name}: float64 evidence only, never reported as verified`);
        if (p.status === 'checked') lines.push(`    ${p.name}: ${checkedWording(p.runs)}`);
        if (p.counterexample !== undefined)
          lines.push(
            ...counterexampleLines(replayTarget(t.id, files), p.name, p.counterexample, p.status === 'falsified'),
          );
      }
    } else {
      lines.push('  properties  none');
    }
    const refuted = t.mutants.filter((m) => m.refuted).length;
    lines.push(`  mutants     ${refuted}/${t.mutants.length} refuted`);
    for (const m of t.mutants) {
      if (m.status === 'survived')
        lines.push(
          `    ${m.name}: SURVIVED ${m.runs} runs: the check is too weak (it cannot tell this false claim apart)`,
        );
      else if (m.status === 'undecided')
        lines.push(`    ${m.name}: not refuted, ${m.undecided} of ${m.runs} runs undecided`);
      else if (m.status === 'error') lines.push(`    ${m.name}: error (a bug, not a verdict): ${m.error ?? 'unknown'}`);
    }
    lines.push('');
  }
  const counts = Object.fromEntries(STATUS_SEVERITY.map((status) => [status, 0])) as Record<TheoremStatus, number>;
  for (const t of theorems) counts[t.status] += 1;
  if (theorems.length > 0) {
    // verified, falsified and undecided are always named; the other statuses when present.
    const named = (['verified', 'checked', 'falsified', 'check-too-weak', 'undecided', 'error'] as const).filter(
      (status) => counts[status] > 0 || status === 'verified' || status === 'falsified' || status === 'undecided',
    );
    lines.push(
      `${overallStatus(theorems.map((t) => t.status))}: ${named.map((status) => `${counts[status]} ${status}`).join(', ')}` +
        ` (seed ${seed}, profile ${profile.name}, ${runs} runs)`,
    );
  }
  if (reportDir !== undefined)
    lines.push(`report written to ${reportDir} (report.json, report.md, report.html, certificate.json)`);
  if (certificateFile !== undefined)
    lines.push(`certificate written to ${certificateFile} (re-check it: ${verifyInvocation()} ${certificateFile})`);
  return `${lines.join('\n')}\n`;
}

/** "checked in N runs (below the 100 needed for VERIFIED)" */
function checkedWording(runs: number): string {
  return `checked in ${runs} runs (below the ${MINIMUM_RUNS_FOR_VERIFIED} needed for VERIFIED)`;
}

function theoremHeadline(t: TheoremResult): string {
  if (t.status === 'checked')
    return `CHECKED in ${Math.min(...t.properties.map((p) => p.runs))} runs (below the ${MINIMUM_RUNS_FOR_VERIFIED} needed for VERIFIED)`;
  if (t.status === 'check-too-weak') return 'CHECK TOO WEAK (a false variant survived; the theorem is not falsified)';
  return t.status.toUpperCase();
}

function alignedTable(header: readonly string[], rows: readonly (readonly string[])[], prefix: string): string[] {
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? '').length)));
  const format = (cells: readonly string[]): string =>
    `${prefix}${cells.map((c, k) => c.padEnd(widths[k]!)).join('  ')}`.trimEnd();
  return [format(header), ...rows.map(format)];
}

function counterexampleLines(theoremId: string, name: string, c: Counterexample, isFail: boolean): string[] {
  const lines = [
    isFail
      ? `    ${name}: counterexample (shrunk ${c.shrinks} times): ${c.claim}`
      : `    ${name}: smallest instance that crashes it (shrunk ${c.shrinks} times)`,
    `      instance: ${toJsonText(c.instance, 0)}`,
  ];
  for (const [key, value] of Object.entries(c.values ?? {})) {
    lines.push(`      ${key} = ${valueText(value)}`);
  }
  lines.push(`      replay: ${replayCommand(theoremId, name, c)}`);
  return lines;
}

/** A value of a fail verdict: exact when known, else the approximation and its enclosure. */
function valueText(value: NumberObject | string): string {
  if (typeof value === 'string') return value;
  if (value.exact !== undefined) return value.exact;
  return `${value.approx} in [${value.lo}, ${value.hi}]${value.float64 ? ' (float64)' : ''}`;
}

// ---------------------------------------------------------------- replay

interface ReplayOptions {
  seed: string;
  path: string;
  property?: string;
  assumption?: string;
  json?: boolean;
}

function replayCommandAction(
  context: CommandContext,
  catalogue: readonly Theorem[],
  id: string,
  options: ReplayOptions,
  files: ReadonlyMap<string, string>,
): void {
  const theorem = findTheorem(catalogue, id);
  const seed = parseSeed(options.seed, '--seed');
  const path = options.path.trim();
  if (!/^\d+(:\d+)*$/.test(path))
    throw new InputError(
      '--path',
      `'${options.path}' is not a fast-check path`,
      'pass the path printed by check, e.g. --path 12:0:3',
    );

  let arbitraryOf = (spec: PropertySpec<unknown>) => spec.arbitrary;
  // Names printed before a rename still resolve (renames.ts), with a note on stderr.
  let assumptionId: string | undefined;
  if (options.assumption !== undefined) {
    const found = findByName(theorem.assumptions, options.assumption);
    if (found === undefined) {
      throw new InputError(
        '--assumption',
        `${theorem.id} has no assumption '${options.assumption}'`,
        `use one of: ${theorem.assumptions.map((a) => a.id).join(', ') || '(none)'}`,
      );
    }
    context.io.stderr(renameNote(theorem.id, 'assumption', found));
    const assumption = found.spec;
    assumptionId = assumption.id;
    arbitraryOf = () => assumption.violate;
  }

  const attempt = (spec: PropertySpec<unknown>): ReplayResult => {
    try {
      return replay(spec, arbitraryOf(spec), seed, path);
    } catch (error) {
      if (error instanceof RangeError)
        throw new InputError('--path', error.message, 'pass the seed and path printed by check for this property');
      throw error;
    }
  };

  let kind: 'property' | 'mutant';
  let spec: PropertySpec<unknown>;
  let result: ReplayResult;
  if (options.property !== undefined) {
    const property = findByName(theorem.properties, options.property);
    const mutant = options.assumption === undefined ? findByName(theorem.mutants, options.property) : undefined;
    const found = property ?? mutant;
    if (found === undefined) {
      const names = [...theorem.properties, ...(options.assumption === undefined ? theorem.mutants : [])].map(
        (s) => s.name,
      );
      throw new InputError(
        '--property',
        `${theorem.id} has no property or mutant '${options.property}'`,
        `use one of: ${names.join(', ') || '(none)'}`,
      );
    }
    kind = property !== undefined ? 'property' : 'mutant';
    context.io.stderr(renameNote(theorem.id, kind, found));
    spec = found.spec;
    result = attempt(spec);
  } else {
    if (theorem.properties.length === 0)
      throw new InputError('--property', `${theorem.id} has no properties`, 'name a mutant with --property NAME');
    const candidates =
      theorem.properties.length === 1
        ? theorem.properties
        : theorem.properties.filter((p) => failsAt(p, arbitraryOf(p), seed, path));
    if (candidates.length !== 1) {
      const problem =
        candidates.length === 0
          ? `no property of ${theorem.id} fails at seed ${seed}, path ${path}`
          : `several properties of ${theorem.id} fail at seed ${seed}, path ${path}: ${candidates.map((p) => p.name).join(', ')}`;
      throw new InputError('--property', problem, 'name the property or mutant with --property NAME');
    }
    kind = 'property';
    spec = candidates[0]!;
    result = attempt(spec);
  }

  if (result.outcome === 'error' && files.has(theorem.id)) {
    throw new InputError(
      files.get(theorem.id)!,
      `${theorem.id} ${kind} '${spec.name}' throws: ${firstLine(result.reason ?? 'an exception')}`,
      'fix the module (this is not a verdict)',
    );
  }
  const exit =
    result.outcome === 'fail'
      ? EXIT.falsified
      : result.outcome === 'error'
        ? EXIT.internal
        : result.outcome === 'undecided' || result.outcome === 'unconfirmed'
          ? EXIT.undecided
          : EXIT.ok;
  const { io } = context;
  if (options.json) {
    io.stdout(
      `${toJsonText({
        id: theorem.id,
        kind,
        name: spec.name,
        ...(assumptionId !== undefined ? { assumption: assumptionId } : {}),
        mode: spec.mode,
        seed,
        path,
        outcome: result.outcome,
        ...(result.reason !== undefined ? { reason: result.reason } : {}),
        counterexample: result.counterexample,
      })}\n`,
    );
  } else {
    const c = result.counterexample;
    const heading = `${theorem.id} ${kind} '${spec.name}'${assumptionId !== undefined ? ` without ${assumptionId}` : ''} at seed ${seed}, path ${path}`;
    const lines = [
      result.outcome === 'fail'
        ? `${heading}: counterexample reproduced`
        : `${heading}: ${result.outcome}, not a counterexample`,
      `  claim: ${c.claim}`,
      `  instance: ${toJsonText(c.instance, 0)}`,
    ];
    for (const [key, value] of Object.entries(c.values ?? {})) {
      lines.push(`  ${key} = ${valueText(value)}`);
    }
    if (result.reason !== undefined) lines.push(`  reason: ${result.reason}`);
    io.stdout(`${lines.join('\n')}\n`);
  }
  context.setExitCode(exit);
}

function failsAt(
  spec: PropertySpec<unknown>,
  arbitrary: PropertySpec<unknown>['arbitrary'],
  seed: number,
  path: string,
): boolean {
  try {
    return replay(spec, arbitrary, seed, path).outcome === 'fail';
  } catch (error) {
    if (error instanceof RangeError) return false; // the path names no instance of this property's arbitrary
    throw error;
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

/**
 * An exception inside a user's theorem module is a bug of that module, not a
 * verdict and not a bug of ebm-lens: one line naming the file and the first
 * identity, property or mutant that threw, exit 2.
 */
function userModuleErrors(theorems: readonly TheoremResult[], files: ReadonlyMap<string, string>): void {
  for (const t of theorems) {
    const file = files.get(t.id);
    if (file === undefined) continue;
    const thrown =
      t.identities
        .filter((i) => i.status === 'error')
        .map((i) => ({ kind: 'identity', name: i.name, error: i.error }))
        .at(0) ??
      t.properties
        .filter((p) => p.status === 'error')
        .map((p) => ({ kind: 'property', name: p.name, error: p.error }))
        .at(0) ??
      t.mutants
        .filter((m) => m.status === 'error')
        .map((m) => ({ kind: 'mutant', name: m.name, error: m.error }))
        .at(0);
    if (thrown !== undefined) {
      throw new InputError(
        file,
        `${t.id} ${thrown.kind} '${thrown.name}' throws: ${firstLine(thrown.error ?? 'an exception')}`,
        'fix the module (no verdict is given)',
      );
    }
  }
}
