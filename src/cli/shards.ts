/**
 * Shards: one check cut into slices for several machines
 * (`check --shard i/N --json > part-i.json`), and the parts joined again
 * (`ebm-lens merge part-*.json`) into exactly the result of the whole check.
 *
 * Main definitions
 * - `Shard`, `parseShard(text)`: "i/N" with 1 <= i <= N, checked at the boundary.
 * - `shardOfStep(k, shard)`: step k of the check (theorem order, then
 *   identities, properties, mutants: `theoremSteps` of src/runner/run.ts)
 *   belongs to shard (k mod N) + 1.
 * - `ShardPart`: what a shard prints: the run's parameters (tool version,
 *   seed, profile, runs, theorems, module files, whether runs were recorded
 *   for a certificate) and the results of its steps.
 * - `readParts(files, version)`: the parts, checked to be the N shards of one
 *   check (one line and exit 2 otherwise), and every step's result.
 *
 * Main statements
 * - The slicing depends only on the theorems checked and N, never on workers
 *   or timing; each step is run by exactly one shard, with the seed it has in
 *   the whole check, so the merged result is the whole check's.
 * - `merge` refuses parts of different runs (version, seed, profile, runs,
 *   theorems, modules, records, N), a missing or repeated shard, and a part
 *   whose steps are not its shard's.
 *
 * Implementation details
 * Parts are JSON (`toJsonText`): every output of a check is JSON-derived
 * text, so a result read back from a part prints as the result itself did.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { StepResult, TheoremStep } from '../runner/run.js';

export const SHARD_FORMAT = 'ebm-lens-shard/1';

export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Largest N accepted by --shard. */
const MAX_SHARDS = 10_000;

export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = match === null ? Number.NaN : Number(match[1]);
  const count = match === null ? Number.NaN : Number(match[2]);
  if (
    !Number.isSafeInteger(index) ||
    !Number.isSafeInteger(count) ||
    index < 1 ||
    index > count ||
    count > MAX_SHARDS
  ) {
    throw new InputError(
      '--shard',
      `expected i/N with 1 <= i <= N, got '${text}'`,
      `e.g. --shard 2/4 (N at most ${MAX_SHARDS})`,
    );
  }
  return { index, count };
}

export function shardOfStep(k: number, count: number): number {
  return (k % count) + 1;
}

export interface PartStep {
  readonly theorem: string;
  readonly kind: TheoremStep['kind'];
  readonly name: string;
  readonly result: StepResult;
}

export interface ShardPart {
  readonly format: typeof SHARD_FORMAT;
  readonly tool: { readonly name: 'ebm-lens'; readonly version: string };
  readonly shard: Shard;
  readonly seed: number;
  readonly profile: string;
  readonly runs: number;
  /** the theorems checked, in order */
  readonly theorems: readonly string[];
  /** the module file of each user theorem, by ID */
  readonly modules: Readonly<Record<string, string>>;
  /** runs recorded for a certificate (`--records`) */
  readonly records: boolean;
  readonly steps: readonly PartStep[];
}

/** The run a part belongs to: what every part of one check shares. */
function runKey(part: ShardPart): [string, unknown][] {
  return [
    ['ebm-lens version', part.tool.version],
    ['seed', part.seed],
    ['profile', part.profile],
    ['runs', part.runs],
    ['theorems', part.theorems.join(' ')],
    ['module files', JSON.stringify(part.modules)],
    ['records', part.records],
    ['shard count', part.shard.count],
  ];
}

function isPart(value: unknown): value is ShardPart {
  if (typeof value !== 'object' || value === null) return false;
  const part = value as Record<string, unknown>;
  const shard = part.shard as Record<string, unknown> | undefined;
  const tool = part.tool as Record<string, unknown> | undefined;
  return (
    part.format === SHARD_FORMAT &&
    typeof tool === 'object' &&
    tool !== null &&
    typeof tool.version === 'string' &&
    typeof shard === 'object' &&
    shard !== null &&
    Number.isSafeInteger(shard.index) &&
    Number.isSafeInteger(shard.count) &&
    Number.isSafeInteger(part.seed) &&
    typeof part.profile === 'string' &&
    Number.isSafeInteger(part.runs) &&
    Array.isArray(part.theorems) &&
    part.theorems.every((id) => typeof id === 'string') &&
    typeof part.modules === 'object' &&
    part.modules !== null &&
    Object.values(part.modules).every((file) => typeof file === 'string') &&
    typeof part.records === 'boolean' &&
    Array.isArray(part.steps) &&
    part.steps.every(
      (s: unknown) =>
        typeof s === 'object' &&
        s !== null &&
        typeof (s as PartStep).theorem === 'string' &&
        typeof (s as PartStep).kind === 'string' &&
        typeof (s as PartStep).name === 'string' &&
        typeof (s as PartStep).result === 'object' &&
        (s as PartStep).result !== null,
    )
  );
}

function readPart(file: string): ShardPart {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputError(
      file,
      code === 'ENOENT' ? 'no such file' : `cannot be read (${code})`,
      'give the files check --shard i/N --json wrote',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError(file, 'is not JSON', 'give the files check --shard i/N --json wrote');
  }
  if (!isPart(value))
    throw new InputError(file, 'is not a part of a sharded check', 'give the files check --shard i/N --json wrote');
  return value;
}

export interface MergedParts {
  /** the parameters of the run (those of the first part; all agree) */
  readonly run: ShardPart;
  /** step results by `stepKey` */
  readonly results: ReadonlyMap<string, { readonly result: StepResult; readonly shard: number; readonly file: string }>;
}

export function stepKey(theorem: string, kind: string, name: string): string {
  return JSON.stringify([theorem, kind, name]);
}

/** The parts of one sharded check, validated (module comment). */
export function readParts(files: readonly string[], version: string): MergedParts {
  if (files.length === 0)
    throw new InputError(
      'merge',
      'no parts given',
      'give the files check --shard i/N --json wrote, e.g. merge part-*.json',
    );
  const parts = files.map((file) => ({ file, part: readPart(file) }));
  const first = parts[0]!;
  if (first.part.tool.version !== version) {
    throw new InputError(
      first.file,
      `was written by ebm-lens ${first.part.tool.version}, this is ${version}`,
      'merge with the version that ran the shards',
    );
  }
  const expected = runKey(first.part);
  for (const { file, part } of parts.slice(1)) {
    runKey(part).forEach(([what, value], k) => {
      if (value !== expected[k]![1]) {
        throw new InputError(
          file,
          `is a part of another run: its ${what} is ${String(value)}, ${first.file} has ${String(expected[k]![1])}`,
          'merge the parts of one check',
        );
      }
    });
  }
  const count = first.part.shard.count;
  const byIndex = new Map<number, string>();
  for (const { file, part } of parts) {
    if (part.shard.index < 1 || part.shard.index > count)
      throw new InputError(
        file,
        `has shard ${part.shard.index}/${count}`,
        'give the files check --shard i/N --json wrote',
      );
    const other = byIndex.get(part.shard.index);
    if (other !== undefined)
      throw new InputError(file, `repeats shard ${part.shard.index}/${count} of ${other}`, 'give each shard once');
    byIndex.set(part.shard.index, file);
  }
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) {
    throw new InputError(
      'merge',
      `shard${missing.length > 1 ? 's' : ''} ${missing.map((index) => `${index}/${count}`).join(', ')} missing`,
      `give all ${count} parts`,
    );
  }
  const results = new Map<string, { result: StepResult; shard: number; file: string }>();
  for (const { file, part } of parts) {
    for (const step of part.steps) {
      const key = stepKey(step.theorem, step.kind, step.name);
      if (results.has(key))
        throw new InputError(
          file,
          `repeats ${step.theorem} ${step.kind} ${step.name}`,
          'give the files check --shard i/N --json wrote',
        );
      results.set(key, { result: step.result, shard: part.shard.index, file });
    }
  }
  return { run: first.part, results };
}
