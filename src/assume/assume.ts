/**
 * What-if runs: every theorem's properties with some instance slots replaced.
 *
 * Main definitions
 * - `AssumeStatus`: holds | falsified | not-applicable | undecided | error.
 * - `AssumeTheoremReport`, `AssumePropertyReport`: per theorem and property.
 * - `assumeTheorems(theorems, overrides, options)`: runs each theorem's
 *   properties that use a replaced slot (`Theorem.instantiate`).
 * - `assumeProperty(theorem, property, options)`: one of them (what a worker
 *   thread runs for `assume --workers N`).
 * - `assumeExitCode(reports)`: 1 falsified, 4 error, 3 undecided, else 0.
 *
 * Main statements
 * - "holds" means every property that uses a replaced slot passed every run
 *   (exact, or decided by separated enclosures; float64-only evidence is
 *   labelled so); "falsified" needs a decided fail; anything open is
 *   "undecided", never "holds".
 * - "not-applicable": the theorem uses none of the replaced slots (or has no
 *   slot-built instances), so the replacement cannot change its verdict.
 * - A theorem is falsified only when a claim of it, as stated, fails. A
 *   conditional sub-claim ("equality when pi is a tilt") whose hypothesis a
 *   replaced slot removes is checked as the implication it is: the claim on
 *   the instances where the hypothesis holds, the others passing vacuously
 *   (counted apart, never as evidence). When no instance meets it, the
 *   property is reported as "its hypothesis no longer holds" and does not
 *   enter the theorem's verdict.
 *
 * Implementation details
 * Seeds derive from the master seed, the theorem, "assume" and the property.
 * An `InputError` from a user's values during a run (a module's arbitrary
 * throwing, a value of the wrong shape) ends the command with exit 2; any
 * other exception in a property is reported as that property's error.
 * Degrees of failure are measured for a falsified theorem, and for one with
 * a sub-claim checked as an implication whose hypothesis failed in some run.
 */
import { EXIT, InputError } from '../errors.js';
import { MINIMUM_RUNS_FOR_VERIFIED, runProperty, type PropertyStatus } from '../runner/property.js';
import type { ProgressEvent } from '../runner/run.js';
import { deriveSeed } from '../runner/seed.js';
import { seedName } from '../runner/renames.js';
import {
  pass,
  type PropertySpec,
  type SlotOverrides,
  type SlotProperty,
  type SubClaimHypothesis,
  type Theorem,
} from '../runner/theorem.js';
import { counterexampleOf, smallestCounterexample, type AblationCounterexample } from './ablate.js';
import { measureDegree, type DegreeResult } from './degree.js';

export type AssumeStatus = 'holds' | 'falsified' | 'not-applicable' | 'undecided' | 'error';

export interface AssumePropertyReport {
  name: string;
  status: PropertyStatus;
  runs: number;
  undecided: number;
  /** the replaced slots it uses */
  slots: string[];
  counterexample?: AblationCounterexample;
  error?: string;
  /**
   * For a conditional sub-claim whose hypothesis a replaced slot removed: the
   * hypothesis and in how many of the runs it held (the claim was checked on
   * those; `met` 0 means "its hypothesis no longer holds").
   */
  hypothesis?: { text: string; met: number; runs: number };
}

export interface AssumeTheoremReport {
  id: string;
  title: string;
  status: AssumeStatus;
  /** runs per property */
  runs: number;
  /** the replaced slots the theorem uses */
  slots: string[];
  properties: AssumePropertyReport[];
  skipped: { name: string; reason: string }[];
  counterexample?: AblationCounterexample;
  degrees?: DegreeResult[];
  reason?: string;
}

export interface AssumeOptions {
  seed: number;
  runs: number;
  degreeSamples: number;
  onProgress?: (event: ProgressEvent) => void;
}

/** True for a conditional sub-claim no run of which met its hypothesis. */
export function hypothesisGone(p: AssumePropertyReport): boolean {
  return p.hypothesis !== undefined && p.hypothesis.met === 0 && p.status !== 'error';
}

function statusOf(all: readonly AssumePropertyReport[]): AssumeStatus {
  const properties = all.filter((p) => !hypothesisGone(p));
  if (properties.some((p) => p.status === 'falsified')) return 'falsified';
  if (properties.some((p) => p.status === 'error')) return 'error';
  // 'checked': every run passed, fewer than the runs VERIFIED needs (the run count is reported)
  if (properties.every((p) => p.status === 'verified' || p.status === 'checked' || p.status === 'passed-float64'))
    return 'holds';
  return 'undecided';
}

/**
 * The property as the implication it is: the claim where the hypothesis
 * holds, a vacuous pass elsewhere. `count` sees each run's hypothesis until
 * the first failing run (after it fast-check only shrinks).
 */
function implication<I>(
  spec: PropertySpec<I>,
  hypothesis: SubClaimHypothesis<I>,
  count: (met: boolean) => void,
): PropertySpec<I> {
  let failed = false;
  const guarded =
    <V>(check: (instance: I) => V, vacuous: V) =>
    (instance: I): V => {
      const holds = hypothesis.holds(instance);
      if (!failed) count(holds);
      if (!holds) return vacuous;
      const verdict = check(instance);
      if ((verdict as { status?: string }).status === 'fail') failed = true;
      return verdict;
    };
  return {
    ...spec,
    claim: `if ${hypothesis.text}: ${spec.claim}`,
    predicate: guarded(spec.predicate, pass()),
    ...(spec.confirm !== undefined ? { confirm: guarded(spec.confirm, pass()) } : {}),
  };
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/**
 * One property of a theorem with the overrides (`assumeTheorems`; a worker
 * thread runs the same for `assume --workers N`).
 */
export function assumeProperty(
  theorem: Theorem,
  property: SlotProperty,
  options: Pick<AssumeOptions, 'seed' | 'runs'>,
): AssumePropertyReport {
  const seed = deriveSeed(options.seed, theorem.id, 'assume', seedName(property.spec));
  let report: AssumePropertyReport;
  const tally = { met: 0, runs: 0 };
  const spec =
    property.hypothesis === undefined
      ? property.spec
      : implication(property.spec, property.hypothesis, (met) => {
          tally.runs += 1;
          if (met) tally.met += 1;
        });
  try {
    const result = runProperty(spec, { seed, runs: options.runs }, property.arbitrary);
    let status = result.status;
    // vacuous passes are no evidence: VERIFIED counts only the runs that met the hypothesis
    if (property.hypothesis !== undefined && status === 'verified' && tally.met < MINIMUM_RUNS_FOR_VERIFIED)
      status = 'checked';
    report = { name: result.name, status, runs: result.runs, undecided: result.undecided, slots: [...property.slots] };
    if (property.hypothesis !== undefined)
      report.hypothesis = { text: property.hypothesis.text, met: tally.met, runs: tally.runs };
    if (result.status === 'falsified' && result.counterexample !== undefined) {
      report.counterexample = counterexampleOf(result.name, result.counterexample);
    }
    if (result.error !== undefined) report.error = result.error;
  } catch (error) {
    if (error instanceof InputError) throw error;
    report = {
      name: property.spec.name,
      status: 'error',
      runs: 0,
      undecided: 0,
      slots: [...property.slots],
      error: errorText(error),
    };
  }
  return report;
}

/**
 * Every theorem with the overrides (module comment). `ranElsewhere(t, p)`
 * gives the report of property p of theorem t when it was run elsewhere
 * (worker threads), undefined to run it here.
 */
export function assumeTheorems(
  theorems: readonly Theorem[],
  overrides: SlotOverrides,
  options: AssumeOptions,
  ranElsewhere?: (theorem: number, property: number) => AssumePropertyReport | undefined,
): AssumeTheoremReport[] {
  const replaced = Object.keys(overrides);
  const plans = theorems.map((theorem) => ({ theorem, instantiation: theorem.instantiate?.(overrides) }));
  const total = plans.reduce((n, p) => n + (p.instantiation?.properties.length ?? 0), 0);
  let done = 0;
  return plans.map(({ theorem, instantiation }, t): AssumeTheoremReport => {
    const base = { id: theorem.id, title: theorem.title, runs: options.runs };
    if (instantiation === undefined) {
      return {
        ...base,
        status: 'not-applicable',
        slots: [],
        properties: [],
        skipped: [],
        reason: 'its instances are not built from slots',
      };
    }
    const slots = [...new Set(instantiation.properties.flatMap((p) => p.slots))];
    if (instantiation.properties.length === 0) {
      const reason =
        instantiation.skipped.length > 0
          ? `no property can take the replaced slots: ${instantiation.skipped.map((s) => `${s.name} ${s.reason}`).join('; ')}`
          : `uses none of the replaced slots (${replaced.join(', ')}); its slots: ${(theorem.slots ?? []).join(', ')}`;
      return { ...base, status: 'not-applicable', slots, properties: [], skipped: [...instantiation.skipped], reason };
    }
    const properties = instantiation.properties.map((property, p): AssumePropertyReport => {
      const given = ranElsewhere?.(t, p);
      if (given !== undefined) {
        done += 1;
        return given;
      }
      options.onProgress?.({ theoremId: theorem.id, kind: 'property', name: property.spec.name, done, total });
      const report = assumeProperty(theorem, property, options);
      done += 1;
      return report;
    });
    const status = statusOf(properties);
    const result: AssumeTheoremReport = { ...base, status, slots, properties, skipped: [...instantiation.skipped] };
    const counterexample = smallestCounterexample(
      properties.flatMap((p) => (p.counterexample !== undefined ? [p.counterexample] : [])),
    );
    if (counterexample !== undefined) result.counterexample = counterexample;
    // measured for a falsified theorem, and where a sub-claim's hypothesis failed in some run (how far off it is there)
    const beyondHypothesis = properties.some((p) => p.hypothesis !== undefined && p.hypothesis.met < p.hypothesis.runs);
    if ((status === 'falsified' || beyondHypothesis) && instantiation.degrees.length > 0) {
      result.degrees = instantiation.degrees.map((spec) =>
        measureDegree(spec, { seed: options.seed, samples: options.degreeSamples, scope: `${theorem.id}/assume` }),
      );
    }
    return result;
  });
}

/** 1 when a theorem is falsified; else 4 on an error, 3 when undecided, 0 otherwise. */
export function assumeExitCode(reports: readonly AssumeTheoremReport[]): number {
  const statuses = reports.map((r) => r.status);
  if (statuses.includes('falsified')) return EXIT.falsified;
  if (statuses.includes('error')) return EXIT.internal;
  if (statuses.includes('undecided')) return EXIT.undecided;
  return EXIT.ok;
}
