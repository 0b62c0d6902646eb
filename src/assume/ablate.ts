/**
 * Ablation: for every assumption of a theorem, its properties run on
 * instances that violate it, and the smallest counterexample found.
 *
 * Main definitions
 * - `AblationCounterexample`: the property, the claim that fails, the concrete
 *   instance, the exact or enclosed values on both sides, seed and path.
 * - `AblationReport`: one assumption: whether a counterexample was found
 *   (`necessary`), what the theorem module says (`needed`), per-property
 *   statuses, the counterexample and the degree of failure.
 * - `ablateTheorems(theorems, options)`: every assumption of every theorem.
 * - `smallestCounterexample(candidates)`: the one with the shortest instance.
 * - `ablationExitCode(reports)`: 0 when every report agrees with `needed`.
 *
 * Main statements
 * - `necessary` is true only for a decided fail (the runner's "falsified":
 *   exact, or enclosures that separate); undecided runs never count.
 * - Exit code: 1 when a needed assumption was not broken or a not-needed one
 *   was; otherwise 4 on an error, 3 when something stayed undecided, else 0.
 *
 * Implementation details
 * The runs are `runAblation` of the runner (seeds derived from the master
 * seed, the theorem, "ablation", the assumption and the property), so
 * `ebm-lens replay ID --assumption A --property P --seed S --path P`
 * reproduces each counterexample. "Smallest" compares the length of the
 * instance's JSON text (then the property order): every shrunk instance is
 * already locally minimal, this picks the most readable of them. The degree
 * of failure is measured only for a broken assumption with a `degree` spec.
 */
import type { NumberObject } from '../arith/numberObject.js';
import { EXIT } from '../errors.js';
import type { Certifier } from '../runner/identity.js';
import type { Profile } from '../runner/profiles.js';
import type { Counterexample, PropertyResult, PropertyStatus } from '../runner/property.js';
import {
  runAblation,
  type AblationOutcome,
  type AblationResult,
  type ProgressEvent,
  type RunOptions,
} from '../runner/run.js';
import type { AssumptionSpec, Theorem } from '../runner/theorem.js';
import { measureDegree, type DegreeResult } from './degree.js';
import { seedName } from '../runner/renames.js';

export interface AblationCounterexample {
  property: string;
  claim: string;
  instance: unknown;
  values?: Record<string, NumberObject | string>;
  seed: number;
  path: string;
  shrinks: number;
}

export interface AblationPropertyReport {
  name: string;
  status: PropertyStatus;
  runs: number;
  undecided: number;
  error?: string;
}

export interface AblationReport {
  theorem: string;
  assumption: string;
  text: string;
  /** what the theorem module says (docs/catalogue.md) */
  needed: boolean;
  /** a counterexample was found without the assumption */
  necessary: boolean;
  /** runs per property */
  runs: number;
  outcome: AblationOutcome;
  properties: AblationPropertyReport[];
  counterexample?: AblationCounterexample;
  degree?: DegreeResult;
  error?: string;
}

export interface AblateOptions {
  seed: number;
  runs: number;
  profile: Profile;
  /** instances per level of a degree of failure */
  degreeSamples: number;
  onProgress?: (event: ProgressEvent) => void;
}

/** Ablation runs properties only; identities are never certified here. */
const noIdentities: Certifier = () => {
  throw new Error('ablation does not certify identities');
};

/** The runner's options of these ablations (`runAblation`, or `runSteps` with `ablation` for worker threads). */
export function ablationRunOptions(options: AblateOptions): RunOptions {
  return { seed: options.seed, profile: options.profile, runs: options.runs, certify: noIdentities, ablation: true };
}

/** A property's counterexample as the ablation and assume reports print it. */
export function counterexampleOf(property: string, c: Counterexample): AblationCounterexample {
  return {
    property,
    claim: c.claim,
    instance: c.instance,
    ...(c.values !== undefined ? { values: c.values } : {}),
    seed: c.seed,
    path: c.path,
    shrinks: c.shrinks,
  };
}

function instanceLength(c: { instance: unknown }): number {
  try {
    return JSON.stringify(c.instance)?.length ?? Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** The candidate with the shortest instance text (the first among equals). */
export function smallestCounterexample<C extends { instance: unknown }>(candidates: readonly C[]): C | undefined {
  let best: C | undefined;
  for (const candidate of candidates)
    if (best === undefined || instanceLength(candidate) < instanceLength(best)) best = candidate;
  return best;
}

function failedCounterexamples(properties: readonly PropertyResult[]): AblationCounterexample[] {
  return properties.flatMap((p) =>
    p.status === 'falsified' && p.counterexample !== undefined ? [counterexampleOf(p.name, p.counterexample)] : [],
  );
}

/**
 * Every assumption of every theorem, in catalogue order. `results`, by
 * theorem and assumption, are the runs made elsewhere (worker threads:
 * `runSteps` of src/runner/parallel.ts); without them each runs here.
 */
export function ablateTheorems(
  theorems: readonly Theorem[],
  options: AblateOptions,
  results?: readonly (readonly AblationResult[])[],
): AblationReport[] {
  const total = theorems.reduce((n, t) => n + t.assumptions.length, 0);
  let done = 0;
  const reports: AblationReport[] = [];
  for (const [t, theorem] of theorems.entries()) {
    for (const [a, assumption] of (theorem.assumptions as readonly AssumptionSpec<unknown>[]).entries()) {
      const given = results?.[t]?.[a];
      if (given === undefined)
        options.onProgress?.({ theoremId: theorem.id, kind: 'ablation', name: assumption.id, done, total });
      const result = given ?? runAblation(theorem, assumption, ablationRunOptions(options));
      const necessary = result.properties.some((p) => p.status === 'falsified');
      const report: AblationReport = {
        theorem: theorem.id,
        assumption: assumption.id,
        text: assumption.text,
        needed: assumption.needed,
        necessary,
        runs: options.runs,
        outcome: result.outcome,
        properties: result.properties.map((p) => ({
          name: p.name,
          status: p.status,
          runs: p.runs,
          undecided: p.undecided,
          ...(p.error !== undefined ? { error: p.error } : {}),
        })),
      };
      const counterexample = smallestCounterexample(failedCounterexamples(result.properties));
      if (counterexample !== undefined) report.counterexample = counterexample;
      if (result.error !== undefined) report.error = result.error;
      if (necessary && assumption.degree !== undefined) {
        report.degree = measureDegree(assumption.degree, {
          seed: options.seed,
          samples: options.degreeSamples,
          scope: `${theorem.id}/${seedName(assumption)}`,
        });
      }
      reports.push(report);
      done += 1;
    }
  }
  return reports;
}

/** 1 when a report contradicts `needed`; else 4 on errors, 3 when undecided, 0 otherwise. */
export function ablationExitCode(reports: readonly AblationReport[]): number {
  if (reports.some((r) => r.needed !== r.necessary && (r.necessary || r.outcome === 'contradicted')))
    return EXIT.falsified;
  if (reports.some((r) => r.outcome === 'error')) return EXIT.internal;
  if (reports.some((r) => r.outcome === 'undecided')) return EXIT.undecided;
  return EXIT.ok;
}
