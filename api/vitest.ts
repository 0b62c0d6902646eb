/**
 * `ebm-lens/vitest`: a theorem's identities, properties and mutants as vitest
 * tests, so that a research repository keeps its lemmas checked in its own CI.
 *
 *   import { theoremTests } from 'ebm-lens/vitest';
 *   import pinsker from './pinsker.js';
 *   theoremTests(pinsker, { file: 'theorems/pinsker.ts' });
 *
 * Main definitions
 * - `theoremTests(theorem, options)`: one `describe` block named after the
 *   theorem, with one test per identity, property and mutant.
 * - `theoremTestCases(theorem, options)`: the same tests as plain functions
 *   (name and a `run` that throws on failure), for another test runner.
 * - `TheoremTestOptions`: seed, profile or runs, the file for replay lines,
 *   and per-test timeout.
 *
 * Main statements
 * - Seeds are those of `ebm-lens check` (derived from the master seed and the
 *   names), so the replay line of a failure (`npx ebm-lens replay FILE ID
 *   ...`) reproduces it on the command line.
 * - An identity passes only when certified ('numerically-supported' fails).
 *   A property passes when verified, or checked in fewer than 100 runs, or
 *   (mode float) passed in float64; a counterexample fails the test with the
 *   claim, the shrunk instance, both sides, the seed, the path and the replay
 *   line; undecided runs and exceptions fail it too (never a pass). A mutant
 *   passes when refuted; one that survives fails the test (the check is too
 *   weak).
 */
import { describe, it } from 'vitest';
import type { Theorem } from '../src/runner/theorem.js';
import { checkIdentity } from '../src/runner/identity.js';
import { runMutant, runProperty, type Counterexample } from '../src/runner/property.js';
import { certifyIdentity } from '../src/symbolic/certify.js';
import { PROFILES, type Profile } from '../src/runner/profiles.js';
import { DEFAULT_SEED, deriveSeed } from '../src/runner/seed.js';
import { replayCommand } from '../src/report/markdown.js';
import { toJsonText } from '../src/report/json.js';
import type { NumberObject } from '../src/arith/numberObject.js';

export interface TheoremTestOptions {
  /** master seed (default 251218730, that of `ebm-lens check`) */
  readonly seed?: number;
  /** 'quick' (default), 'standard' or 'deep' */
  readonly profile?: 'quick' | 'standard' | 'deep';
  /** runs per property and per mutant (overrides the profile) */
  readonly runs?: number;
  /** the theorem's module file, for the replay line (`ebm-lens replay FILE ID ...`) */
  readonly file?: string;
  /** per-test timeout in milliseconds (default 120000) */
  readonly timeout?: number;
}

export interface TheoremTestCase {
  readonly kind: 'identity' | 'property' | 'mutant';
  /** e.g. "property pinsker" */
  readonly name: string;
  /** throws an Error whose message explains the failure */
  readonly run: () => void;
}

function profileOf(options: TheoremTestOptions): Profile {
  return PROFILES[options.profile ?? 'quick'];
}

function valueText(value: NumberObject | string): string {
  if (typeof value === 'string') return value;
  if (value.exact !== undefined) return value.exact;
  return `${value.approx} in [${value.lo}, ${value.hi}]${value.float64 ? ' (float64)' : ''}`;
}

function counterexampleMessage(theorem: Theorem, target: string, name: string, c: Counterexample): string {
  const lines = [
    `${theorem.id} ${name}: counterexample (shrunk ${c.shrinks} times): ${c.claim}`,
    `  instance: ${toJsonText(c.instance, 0)}`,
    ...Object.entries(c.values ?? {}).map(([key, value]) => `  ${key} = ${valueText(value)}`),
    `  seed ${c.seed}, path ${c.path}`,
    // npx: in a project that depends on ebm-lens, the command is local to it
    `  replay: ${replayCommand(target, name, c).replace(/^(npx )?ebm-lens /, 'npx ebm-lens ')}`,
  ];
  return lines.join('\n');
}

/** The tests of a theorem as plain functions (module comment). */
export function theoremTestCases(theorem: Theorem, options: TheoremTestOptions = {}): TheoremTestCase[] {
  const seed = options.seed ?? DEFAULT_SEED;
  const profile = profileOf(options);
  const runs = options.runs ?? profile.runs;
  const target = options.file === undefined ? theorem.id : `${options.file} ${theorem.id}`;
  const cases: TheoremTestCase[] = [];
  for (const spec of theorem.identities) {
    cases.push({
      kind: 'identity',
      name: `identity ${spec.name}`,
      run: () => {
        const result = checkIdentity(spec, certifyIdentity, {
          points: profile.identityPoints,
          widthDigits: profile.identityWidthDigits,
          seed: deriveSeed(seed, theorem.id, 'identity', spec.name),
        });
        if (result.status !== 'certified') {
          const detail = result.error ?? result.certificate?.detail ?? '';
          throw new Error(
            `${theorem.id} identity ${spec.name}: ${result.status}${detail === '' ? '' : ` (${detail})`} (seed ${result.seed})`,
          );
        }
      },
    });
  }
  for (const spec of theorem.properties) {
    cases.push({
      kind: 'property',
      name: `property ${spec.name}`,
      run: () => {
        const result = runProperty(spec, { seed: deriveSeed(seed, theorem.id, 'property', spec.name), runs });
        if (result.status === 'verified' || result.status === 'checked' || result.status === 'passed-float64') return;
        if (result.status === 'falsified' && result.counterexample !== undefined) {
          throw new Error(counterexampleMessage(theorem, target, spec.name, result.counterexample));
        }
        if (result.status === 'error') {
          const where =
            result.counterexample !== undefined
              ? ` (seed ${result.counterexample.seed}, path ${result.counterexample.path})`
              : ` (seed ${result.seed})`;
          throw new Error(`${theorem.id} property ${spec.name} throws: ${result.error ?? 'unknown error'}${where}`);
        }
        throw new Error(
          `${theorem.id} property ${spec.name}: undecided, ${result.undecided} of ${result.runs} runs${result.undecidedReasons[0] !== undefined ? `, e.g. ${result.undecidedReasons[0]}` : ''} (seed ${result.seed})`,
        );
      },
    });
  }
  for (const spec of theorem.mutants) {
    cases.push({
      kind: 'mutant',
      name: `mutant ${spec.name} is refuted`,
      run: () => {
        const result = runMutant(spec, { seed: deriveSeed(seed, theorem.id, 'mutant', spec.name), runs });
        if (result.refuted) return;
        const why =
          result.status === 'survived'
            ? `survived ${result.runs} runs: the check is too weak to tell this false claim apart`
            : result.status === 'error'
              ? `throws: ${result.error ?? 'unknown error'}`
              : `not refuted, ${result.undecided} of ${result.runs} runs undecided`;
        throw new Error(`${theorem.id} mutant ${spec.name} ${why} (seed ${result.seed})`);
      },
    });
  }
  return cases;
}

/** Register a theorem's identities, properties and mutants as vitest tests (module comment). */
export function theoremTests(theorem: Theorem, options: TheoremTestOptions = {}): void {
  const timeout = options.timeout ?? 120_000;
  describe(`${theorem.id}: ${theorem.title}`, () => {
    for (const testCase of theoremTestCases(theorem, options)) {
      it(testCase.name, testCase.run, timeout);
    }
  });
}
