/**
 * Running one property (or mutant, or ablated property) with fast-check.
 *
 * Main definitions
 * - `evaluate(spec, instance)`: the outcome of one instance: pass, undecided,
 *   fail, a float64 rounding artifact, an unconfirmed float64 fail, or an error.
 * - `explore(spec, arbitrary, options)`: fast-check over the instances with a
 *   recorded seed; tallies of every run and the shrunk failure, if any.
 * - `runProperty(spec, options)`: a property's status: verified,
 *   passed-float64, falsified, undecided or error.
 * - `runMutant(spec, options)`: refuted, survived, undecided or error.
 * - `combineSlices(seed, runs, slices)`: one exploration from explorations of
 *   consecutive slices of its runs (parallel runs, src/runner/parallel.ts);
 *   `propertyResult` and `mutantResult` read it as the two functions above.
 * - `replay(spec, arbitrary, seed, path)`: the one instance a seed and path name.
 *
 * Main statements
 * - "verified" is returned only when every run of an exact or interval
 *   property passed: no undecided run, no fail, no error.
 * - A counterexample is reported only for a fail verdict (for float mode: a
 *   fail confirmed by the property's rigorous `confirm`).
 *
 * Implementation details
 * fast-check sees a run as failing only on a fail (or an exception). Undecided
 * instances are tallied and the predicate returns true, so the search goes on
 * and shrinking never walks toward an undecided instance. Once the first
 * failure is seen, fast-check only shrinks: from then on runs are not tallied,
 * and a shrink candidate counts as failing only if it fails the same way (a
 * fail never shrinks into a crash, nor a crash into a fail). The shrunk
 * instance is evaluated once more at the end to report its verdict; a
 * different outcome there means the predicate is not deterministic (an error).
 */
import fc from 'fast-check';
import { UndecidedError } from '../arith/arithmetic.js';
import type { ArithmeticMode } from '../arith/arithmetic.js';
import type { NumberObject } from '../arith/numberObject.js';
import type { FailVerdict, PropertySpec, Verdict } from './theorem.js';
import { errorMessage } from './identity.js';
import { decideClaim, type CertifiedClaim } from '../certificate/evaluateClaim.js';
import type { Decision, RunRecord } from '../certificate/format.js';

/** A run as the certificate keeps it: the record, with its claim in full (the file shares equal claims). */
export interface CertifiedRun extends Omit<RunRecord, 'claim' | 'instance' | 'witnesses'> {
  readonly certified: CertifiedClaim;
}

/** What one instance showed. */
export type Outcome =
  | { kind: 'pass'; margin?: number }
  | { kind: 'artifact' }
  | { kind: 'undecided'; reason: string }
  | { kind: 'unconfirmed'; reason: string }
  | { kind: 'fail'; verdict: FailVerdict }
  | { kind: 'error'; message: string };

/** Counts over the runs made before the first failure (shrinking is not counted). */
export interface Tally {
  /** instances tried, including the failing one */
  runs: number;
  passes: number;
  undecided: number;
  /** float64 fails whose rigorous re-check passed (also counted in passes) */
  artifacts: number;
  /** float64 fails with no rigorous confirmation (also counted in undecided) */
  unconfirmed: number;
  /** smallest margin reported by a passing run (float64 diagnostic), null when none */
  smallestMargin: number | null;
  /** the first few distinct reasons given for undecided runs */
  undecidedReasons: string[];
}

export interface Counterexample {
  /** fast-check seed and path: `ebm-lens replay` reproduces the instance from them */
  seed: number;
  path: string;
  shrinks: number;
  /** JSON view of the instance */
  instance: unknown;
  claim: string;
  values?: Record<string, NumberObject | string>;
}

export interface Failure {
  kind: 'fail' | 'error';
  counterexample: Counterexample;
  /** for kind 'error' */
  message?: string;
}

export interface Exploration {
  seed: number;
  requestedRuns: number;
  tally: Tally;
  /** with `record`: the counted runs, then the shrunk failure (run -1) */
  records?: CertifiedRun[];
  failure?: Failure;
  /** fast-check could not run the property at all (not a verdict) */
  aborted?: string;
  /** values fast-check skipped (pre-conditions): a slice of runs is then not a slice of the whole */
  skips?: number;
}

export interface ExploreOptions {
  seed: number;
  runs: number;
  /** keep a certificate record of every counted run (the property's `certify` claim, decided independently) */
  record?: boolean;
  /**
   * Run only the runs `from` .. `from + runs - 1` of the exploration from
   * `seed` (a slice; `combineSlices` joins consecutive slices into the whole).
   */
  from?: number;
}

const MAX_REASONS = 3;

/** The outcome of one instance; never throws. */
export function evaluate<I>(spec: PropertySpec<I>, instance: I): Outcome {
  const verdict = callPredicate(spec.predicate, instance);
  if ('kind' in verdict) return verdict;
  if (verdict.status === 'pass')
    return verdict.margin === undefined ? { kind: 'pass' } : { kind: 'pass', margin: verdict.margin };
  if (verdict.status === 'undecided') return { kind: 'undecided', reason: verdict.reason };
  if (spec.mode !== 'float') return { kind: 'fail', verdict };
  // A float64 fail may be a rounding artifact: it counts only when confirmed rigorously.
  if (spec.confirm === undefined) {
    return { kind: 'unconfirmed', reason: `float64 fail not confirmed (no rigorous re-check): ${verdict.claim}` };
  }
  const confirmed = callPredicate(spec.confirm, instance);
  if ('kind' in confirmed) {
    return confirmed.kind === 'undecided'
      ? { kind: 'unconfirmed', reason: `float64 fail, rigorous re-check undecided: ${confirmed.reason}` }
      : confirmed;
  }
  if (confirmed.status === 'fail') return { kind: 'fail', verdict: confirmed };
  if (confirmed.status === 'pass') return { kind: 'artifact' };
  return { kind: 'unconfirmed', reason: `float64 fail, rigorous re-check undecided: ${confirmed.reason}` };
}

function callPredicate<I>(
  predicate: (instance: I) => Verdict,
  instance: I,
): Verdict | { kind: 'undecided'; reason: string } | { kind: 'error'; message: string } {
  let verdict: unknown;
  try {
    verdict = predicate(instance);
  } catch (error) {
    if (error instanceof UndecidedError) return { kind: 'undecided', reason: error.message };
    return { kind: 'error', message: errorMessage(error) };
  }
  if (!isVerdict(verdict)) {
    return {
      kind: 'error',
      message: `predicate returned ${describeValue(verdict)}, expected a Verdict (pass, fail or undecided)`,
    };
  }
  return verdict;
}

function isVerdict(value: unknown): value is Verdict {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  switch (record.status) {
    case 'pass':
      return record.margin === undefined || typeof record.margin === 'number';
    case 'fail':
      return typeof record.claim === 'string';
    case 'undecided':
      return typeof record.reason === 'string';
    default:
      return false;
  }
}

function describeValue(value: unknown): string {
  try {
    return fc.stringify(value).slice(0, 80);
  } catch {
    return typeof value;
  }
}

function emptyTally(): Tally {
  return { runs: 0, passes: 0, undecided: 0, artifacts: 0, unconfirmed: 0, smallestMargin: null, undecidedReasons: [] };
}

function record(tally: Tally, outcome: Outcome): void {
  switch (outcome.kind) {
    case 'pass':
      tally.passes += 1;
      if (outcome.margin !== undefined && Number.isFinite(outcome.margin)) {
        tally.smallestMargin =
          tally.smallestMargin === null ? outcome.margin : Math.min(tally.smallestMargin, outcome.margin);
      }
      return;
    case 'artifact':
      tally.passes += 1;
      tally.artifacts += 1;
      return;
    case 'unconfirmed':
    case 'undecided':
      tally.undecided += 1;
      if (outcome.kind === 'unconfirmed') tally.unconfirmed += 1;
      if (tally.undecidedReasons.length < MAX_REASONS && !tally.undecidedReasons.includes(outcome.reason)) {
        tally.undecidedReasons.push(outcome.reason);
      }
      return;
    default:
      return;
  }
}

/** The JSON view of an instance: the spec's `describe`, else fast-check's stringify. */
export function describeInstance<I>(spec: PropertySpec<I>, instance: I): unknown {
  if (spec.describe !== undefined) {
    try {
      return spec.describe(instance);
    } catch (error) {
      return { describeFailed: errorMessage(error), instance: describeValue(instance) };
    }
  }
  return fc.stringify(instance);
}

/**
 * Run `spec.predicate` on `options.runs` instances of `arbitrary` from `options.seed`.
 * Deterministic for a deterministic predicate: same seed, same tallies, same counterexample.
 */
export function explore<I>(spec: PropertySpec<I>, arbitrary: fc.Arbitrary<I>, options: ExploreOptions): Exploration {
  const tally = emptyTally();
  const records: CertifiedRun[] | undefined = options.record ? [] : undefined;
  let failKind: 'fail' | 'error' | undefined;
  const property = fc.property(arbitrary, (instance: I) => {
    let outcome = evaluate(spec, instance);
    if (failKind !== undefined) return outcome.kind !== failKind; // shrinking
    if (records !== undefined)
      outcome = certifyRun(spec, instance, outcome, (options.from ?? 0) + records.length, records);
    if (outcome.kind === 'fail' || outcome.kind === 'error') {
      failKind = outcome.kind;
      return false;
    }
    record(tally, outcome);
    return true;
  });
  // A one-segment path starts at that run (same random stream, same run ids) and offsets the counterexample's path.
  const slice = options.from === undefined ? {} : { path: String(options.from) };
  const details = fc.check(property, { seed: options.seed, numRuns: options.runs, ...slice });
  tally.runs = details.numRuns;
  const exploration: Exploration = { seed: options.seed, requestedRuns: options.runs, tally };
  if (details.numSkips > 0) exploration.skips = details.numSkips;
  if (records !== undefined) {
    // The failing run is recorded again below, shrunk; its unshrunk record is not a counted run.
    if (details.failed && records.length > tally.runs - 1) records.length = tally.runs - 1;
    exploration.records = records;
  }
  if (!details.failed) return exploration;
  if (details.counterexample === null || details.counterexamplePath === null || failKind === undefined) {
    exploration.aborted = details.interrupted
      ? 'fast-check was interrupted'
      : 'fast-check could not generate instances (too many skipped values)';
    return exploration;
  }
  const instance = details.counterexample[0];
  const failure = failureOf(spec, instance, {
    seed: options.seed,
    path: details.counterexamplePath,
    shrinks: details.numShrinks,
  });
  if (records !== undefined && failure.kind === 'fail') {
    const outcome = certifyRun(
      spec,
      instance,
      { kind: 'fail', verdict: { status: 'fail', claim: failure.counterexample.claim } },
      -1,
      records,
    );
    if (outcome.kind === 'error') {
      failure.kind = 'error';
      failure.message = outcome.message;
    }
  }
  if (failure.kind !== failKind) {
    failure.kind = 'error';
    failure.message = `predicate is not deterministic: the shrunk instance no longer ${failKind === 'fail' ? 'fails' : 'throws'}`;
  }
  exploration.failure = failure;
  return exploration;
}

/**
 * The exploration of `runs` runs from `seed`, from the explorations of
 * consecutive slices of it (`ExploreOptions.from`), in run order: the same
 * tallies, records and failure as one exploration, provided no slice skipped
 * a value. The runs up to the first failing slice count (tallies added,
 * smallest margin the least, the first distinct undecided reasons in run
 * order); its failure, shrunk from its failing run, is the failure; later
 * slices are discarded, as the whole exploration never reaches them.
 * Throws RangeError for slices that are not consecutive or that skipped values.
 */
export function combineSlices(
  seed: number,
  runs: number,
  slices: readonly { from: number; exploration: Exploration }[],
): Exploration {
  const tally = emptyTally();
  const exploration: Exploration = { seed, requestedRuns: runs, tally };
  let next = 0;
  for (const { from, exploration: part } of slices) {
    if (from !== next || part.seed !== seed)
      throw new RangeError(`slices of the runs from seed ${seed} are not consecutive (run ${from}, expected ${next})`);
    if (part.skips !== undefined || part.aborted !== undefined)
      throw new RangeError('a slice skipped values: slices do not add up to the whole');
    next = from + part.requestedRuns;
    const t = part.tally;
    tally.runs += t.runs;
    tally.passes += t.passes;
    tally.undecided += t.undecided;
    tally.artifacts += t.artifacts;
    tally.unconfirmed += t.unconfirmed;
    if (t.smallestMargin !== null)
      tally.smallestMargin =
        tally.smallestMargin === null ? t.smallestMargin : Math.min(tally.smallestMargin, t.smallestMargin);
    // Each slice keeps its first MAX_REASONS distinct reasons, enough for the first MAX_REASONS of the whole.
    for (const reason of t.undecidedReasons) {
      if (tally.undecidedReasons.length < MAX_REASONS && !tally.undecidedReasons.includes(reason))
        tally.undecidedReasons.push(reason);
    }
    if (part.records !== undefined) (exploration.records ??= []).push(...part.records);
    if (part.failure !== undefined) {
      exploration.failure = part.failure;
      return exploration;
    }
  }
  if (next !== runs) throw new RangeError(`slices cover ${next} of the ${runs} runs from seed ${seed}`);
  return exploration;
}

/**
 * Record one run for the certificate: the property's claim decided on its
 * own (evaluateClaim.ts) must agree with the predicate. A claim that
 * disagrees is a bug of the theorem module (an error, never a verdict); a
 * pass whose claim stays undecided is not counted as a pass.
 */
function certifyRun<I>(
  spec: PropertySpec<I>,
  instance: I,
  outcome: Outcome,
  run: number,
  records: CertifiedRun[],
): Outcome {
  // Without a claim the run is not recorded; the certificate then marks the property uncertified.
  if (spec.certify === undefined) return outcome;
  let certified: CertifiedClaim;
  let decided: ReturnType<typeof decideClaim>;
  try {
    certified = spec.certify(instance);
    decided = decideClaim(certified);
  } catch (error) {
    // Building a claim is plain data work and its decision escalates on its own: any exception is a bug.
    return { kind: 'error', message: `certificate claim of ${spec.name}: ${errorMessage(error)}` };
  }
  const predicate: Decision =
    outcome.kind === 'pass' || outcome.kind === 'artifact' ? 'pass' : outcome.kind === 'fail' ? 'fail' : 'undecided';
  const keep = (decision: Decision, reason?: string): void => {
    records.push({
      run,
      certified,
      decision,
      ...(decided.digits === undefined ? {} : { digits: decided.digits }),
      ...(decided.atom === undefined ? {} : { atom: decided.atom }),
      ...(reason === undefined ? {} : { reason }),
    });
  };
  if (predicate === 'undecided') {
    keep('undecided', outcome.kind === 'undecided' || outcome.kind === 'unconfirmed' ? outcome.reason : 'undecided');
    return outcome;
  }
  if (decided.decision === 'undecided') {
    const reason = `certificate claim undecided: ${decided.reason ?? ''}`;
    keep('undecided', reason);
    return outcome.kind === 'fail' ? outcome : { kind: 'undecided', reason };
  }
  if (decided.decision !== predicate) {
    return {
      kind: 'error',
      message: `the certificate claim of ${spec.name} disagrees with its predicate (predicate ${predicate}, claim ${decided.decision})`,
    };
  }
  keep(predicate);
  return outcome;
}

function failureOf<I>(
  spec: PropertySpec<I>,
  instance: I,
  where: { seed: number; path: string; shrinks: number },
): Failure {
  const outcome = evaluate(spec, instance);
  const counterexample: Counterexample = { ...where, instance: describeInstance(spec, instance), claim: spec.claim };
  if (outcome.kind === 'fail') {
    counterexample.claim = outcome.verdict.claim;
    if (outcome.verdict.values !== undefined) counterexample.values = { ...outcome.verdict.values };
    return { kind: 'fail', counterexample };
  }
  if (outcome.kind === 'error') return { kind: 'error', counterexample, message: outcome.message };
  return { kind: 'error', counterexample, message: `the replayed instance gave ${outcome.kind}, not a failure` };
}

/**
 * 'checked': every run of an exact or interval property passed, but fewer
 * than `MINIMUM_RUNS_FOR_VERIFIED` runs were made; never reported as verified.
 */
export type PropertyStatus = 'verified' | 'checked' | 'passed-float64' | 'falsified' | 'undecided' | 'error';

/** VERIFIED needs at least this many decided (passing) runs of a property. */
export const MINIMUM_RUNS_FOR_VERIFIED = 100;

export interface PropertyResult extends Tally {
  name: string;
  claim: string;
  mode: ArithmeticMode;
  precision: string;
  status: PropertyStatus;
  seed: number;
  requestedRuns: number;
  counterexample?: Counterexample;
  error?: string;
  /** with `record`: the certificate's records of the counted runs, then the shrunk counterexample */
  records?: CertifiedRun[];
}

/** The precision line of the report for a property. */
export function precisionOf(spec: PropertySpec<unknown>): string {
  if (spec.precision !== undefined) return spec.precision;
  switch (spec.mode) {
    case 'exact':
      return 'exact rationals (no rounding)';
    case 'interval':
      return 'rigorous intervals (directed rounding, precision escalated until decided)';
    case 'float':
      return spec.confirm === undefined ? 'float64 (round to nearest)' : 'float64, fails re-checked rigorously';
  }
}

/** Status of a property from its exploration. */
export function propertyStatus(mode: ArithmeticMode, exploration: Exploration): PropertyStatus {
  if (exploration.aborted !== undefined) return 'error';
  if (exploration.failure !== undefined) return exploration.failure.kind === 'fail' ? 'falsified' : 'error';
  if (exploration.tally.undecided > 0) return 'undecided';
  if (exploration.tally.passes !== exploration.tally.runs || exploration.tally.runs === 0) return 'undecided';
  if (mode === 'float') return 'passed-float64';
  return exploration.tally.passes >= MINIMUM_RUNS_FOR_VERIFIED ? 'verified' : 'checked';
}

export function runProperty<I>(
  spec: PropertySpec<I>,
  options: ExploreOptions,
  arbitrary: fc.Arbitrary<I> = spec.arbitrary,
): PropertyResult {
  return propertyResult(spec, options, explore(spec, arbitrary, options));
}

/** A property's result from its exploration (`runProperty`; `combineSlices` for one run in slices). */
export function propertyResult<I>(
  spec: PropertySpec<I>,
  options: ExploreOptions,
  exploration: Exploration,
): PropertyResult {
  const result: PropertyResult = {
    name: spec.name,
    claim: spec.claim,
    mode: spec.mode,
    precision: precisionOf(spec as PropertySpec<unknown>),
    status: propertyStatus(spec.mode, exploration),
    seed: options.seed,
    requestedRuns: options.runs,
    ...exploration.tally,
  };
  if (exploration.records !== undefined) result.records = exploration.records;
  if (exploration.failure !== undefined) {
    result.counterexample = exploration.failure.counterexample;
    if (exploration.failure.message !== undefined) result.error = exploration.failure.message;
  }
  if (exploration.aborted !== undefined) result.error = exploration.aborted;
  return result;
}

export type MutantStatus = 'refuted' | 'survived' | 'undecided' | 'error';

export interface MutantResult extends Tally {
  name: string;
  claim: string;
  mode: ArithmeticMode;
  refuted: boolean;
  status: MutantStatus;
  seed: number;
  requestedRuns: number;
  counterexample?: Counterexample;
  error?: string;
  /** with `record`: the refuting instance's record (run -1) */
  records?: CertifiedRun[];
}

/** A mutant is refuted iff a (confirmed) fail is found within the runs. */
export function runMutant<I>(spec: PropertySpec<I>, options: ExploreOptions): MutantResult {
  return mutantResult(spec, options, explore(spec, spec.arbitrary, options));
}

/** A mutant's result from its exploration (`runMutant`; `combineSlices` for one run in slices). */
export function mutantResult<I>(
  spec: PropertySpec<I>,
  options: ExploreOptions,
  exploration: Exploration,
): MutantResult {
  const propertyLike = propertyStatus(spec.mode, exploration);
  const status: MutantStatus =
    propertyLike === 'falsified'
      ? 'refuted'
      : propertyLike === 'error'
        ? 'error'
        : propertyLike === 'undecided'
          ? 'undecided'
          : 'survived';
  const result: MutantResult = {
    name: spec.name,
    claim: spec.claim,
    mode: spec.mode,
    refuted: status === 'refuted',
    status,
    seed: options.seed,
    requestedRuns: options.runs,
    ...exploration.tally,
  };
  // A refuted mutant is certified by its refuting instance alone; the runs before it prove nothing.
  if (exploration.records !== undefined) result.records = exploration.records.filter((run) => run.run === -1);
  if (exploration.failure !== undefined) {
    result.counterexample = exploration.failure.counterexample;
    if (exploration.failure.message !== undefined) result.error = exploration.failure.message;
  }
  if (exploration.aborted !== undefined) result.error = exploration.aborted;
  return result;
}

export interface ReplayResult {
  /** 'fail': the instance is a counterexample; 'error': it crashes the predicate */
  outcome: Outcome['kind'];
  counterexample: Counterexample;
  reason?: string;
}

/**
 * Reproduce the instance that `seed` and `path` name (fast-check replay: the
 * path's run, then its shrink steps) and evaluate it once.
 * Throws RangeError when the path does not name an instance of this arbitrary.
 */
export function replay<I>(spec: PropertySpec<I>, arbitrary: fc.Arbitrary<I>, seed: number, path: string): ReplayResult {
  if (!/^\d+(:\d+)*$/.test(path))
    throw new RangeError(`path '${path}' is not a fast-check path (numbers separated by ':')`);
  let instance: { value: I } | undefined;
  const property = fc.property(arbitrary, (value: I) => {
    instance ??= { value };
    return false; // stop at the first instance the path names
  });
  let details: fc.RunDetails<[I]>;
  try {
    details = fc.check(property, { seed, path, numRuns: 1, endOnFailure: true });
  } catch (error) {
    throw new RangeError(`path '${path}' does not name an instance at seed ${seed}: ${errorMessage(error)}`);
  }
  if (instance === undefined || details.counterexample === null) {
    throw new RangeError(`path '${path}' does not name an instance at seed ${seed}`);
  }
  const value = instance.value;
  const outcome = evaluate(spec, value);
  const counterexample: Counterexample = {
    seed,
    path,
    shrinks: path.split(':').length - 1,
    instance: describeInstance(spec, value),
    claim: spec.claim,
  };
  const result: ReplayResult = { outcome: outcome.kind, counterexample };
  if (outcome.kind === 'fail') {
    counterexample.claim = outcome.verdict.claim;
    if (outcome.verdict.values !== undefined) counterexample.values = { ...outcome.verdict.values };
  } else if (outcome.kind === 'error') {
    result.reason = outcome.message;
  } else if (outcome.kind === 'undecided' || outcome.kind === 'unconfirmed') {
    result.reason = outcome.reason;
  }
  return result;
}
