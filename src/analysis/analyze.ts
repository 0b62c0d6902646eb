/**
 * One `analyze` run: a validated kernel or EBM instance in, the JSON report
 * of docs/outputs.md#analyze out.
 *
 * Main definitions
 * - `AnalyzeJson`: the report (the keys of docs/outputs.md#analyze).
 * - `analyze(model, { mode })`: choose the arithmetic (`chooseMode`), form
 *   the kernel, and compute the chain's structure, stationary law,
 *   reversibility, potential, spectrum, hitting times and trajectory.
 *
 * Main statements (what each part relies on)
 * - A reducible chain has no unique stationary law, so the stationary law,
 *   potential, spectrum, fromStationary, Dirichlet gap and trajectory are
 *   omitted with the reason; its closed classes are listed instead.
 * - The spectral quantities and the Dirichlet gap use the symmetrization
 *   S = D^{1/2} P D^{-1/2}, symmetric only when P is reversible (T4, T5): for a
 *   non-reversible P they are omitted with that reason, while the stationary
 *   law, hitting times and trajectory do not need reversibility.
 *
 * Implementation details
 * Reversibility is decided exactly whenever the inputs are rational: by
 * Kolmogorov's criterion on the rational kernel, or for an EBM instance by
 * `ebmReversibleExact` (which also covers kernels with transcendental entries),
 * whatever the arithmetic of the rest of the run. exact mode: the kernel,
 * stationary law, potential ratios, hitting times, TV and chi2 are exact
 * rationals; U = log of the exact ratios and the KL of the exact laws nu_t are
 * enclosed by interval arithmetic (60 digits); eigenvalues are isolated from
 * the characteristic polynomial. interval mode escalates its precision until
 * the enclosures are narrow (`withEscalation`); its eigenvalue enclosures
 * start from the symmetrized kernel's enclosure with midpoints rounded to 30
 * digits (`coarsen`, sound by the triangle inequality), so they are about
 * 1e-30 wide whatever the precision. float mode is float64
 * throughout and labelled so. The kernel is echoed only up to
 * KERNEL_ECHO_LIMIT states (it is part of the input; a 2000-state echo would
 * be hundreds of megabytes).
 */
import type { Arithmetic, ArithmeticMode } from '../arith/arithmetic.js';
import { enclosureNumberObject, type RationalEnclosure } from '../arith/enclosure.js';
import { exactArithmetic } from '../arith/exact.js';
import { floatArithmetic } from '../arith/float.js';
import { intervalArithmetic } from '../arith/interval.js';
import { exactNumberObject, floatNumberObject, rationalToDecimal, type NumberObject } from '../arith/numberObject.js';
import { Rational, parseRational } from '../arith/rational.js';
import { kl } from '../info/divergences.js';
import type { AnalyzeModel } from '../input/analyzeModel.js';
import type { Matrix } from '../linalg/matrix.js';
import { chainStructure } from '../markov/communicatingClasses.js';
import { dirichletGap, symmetrizedEnclosure } from '../markov/dirichletGap.js';
import { complementOf } from '../markov/hittingTimes.js';
import { ebmReversibleExact } from '../markov/ebmReversibility.js';
import { expectedHittingTimeFrom, expectedHittingTimes, UnreachableTargetError } from '../markov/hittingTimes.js';
import { canonicalPotential, detailedBalance, kolmogorovCriterion, potentialRatios } from '../markov/reversibility.js';
import { kernelSpectrum, largestEigenvalue } from '../markov/spectrum.js';
import { stationaryDistribution } from '../markov/stationaryDistribution.js';
import { trajectory } from '../markov/trajectory.js';
import { ebmKernel } from '../models/ebm.js';
import { chooseMode } from './modes.js';
import { isNarrow, numberObjectsIn, withEscalation } from './precision.js';

/** The kernel is echoed in the report up to this many states. */
export const KERNEL_ECHO_LIMIT = 100;
/** Interval precisions (significant digits) of an analyze run. */
export const ANALYZE_DIGIT_LADDER: readonly number[] = [60, 120, 240];
/** Significant digits of the midpoints handed to the interval eigenvalue enclosure. */
const SPECTRUM_MID_DIGITS = 30;
/** Precision of the enclosures of logs of exact values in exact mode. */
const EXACT_MODE_LOG_DIGITS = 60;

export interface AnalyzeOptions {
  /** 'exact' | 'interval' | 'float'; default by `chooseMode` */
  readonly mode?: string;
  /** false lets a requested mode run beyond its size limit (benchmarks only) */
  readonly enforceLimits?: boolean;
}

export interface ReversibilityViolation {
  /** a pair x, y with mu(x) P(x,y) != mu(y) P(y,x), or P(x,y) > 0 = P(y,x) */
  pair?: [string, string];
  /** a cycle whose forward and backward products differ (closing back to its first state) */
  cycle?: string[];
  reason: string;
}

export interface AnalyzeJson {
  states: string[];
  mode: ArithmeticMode;
  precision: string;
  /** rows of the input that summed to 1 within 1e-9 and were divided by their exact sums */
  renormalized?: { rows: number; maxAdjustment: NumberObject };
  kernel?: NumberObject[][];
  irreducible: boolean;
  closedClasses?: string[][];
  aperiodic?: boolean;
  stationary?: NumberObject[];
  reversible: boolean;
  reversibilityViolation?: ReversibilityViolation;
  potential?: NumberObject[];
  potentialRatios?: NumberObject[];
  lambda2?: NumberObject;
  lambdaMin?: NumberObject;
  spectralGap?: NumberObject;
  absoluteGap?: NumberObject;
  hitting?: {
    target: string[];
    expected?: Record<string, NumberObject>;
    fromStationary?: NumberObject;
    dirichletGap?: NumberObject;
  };
  trajectory?: { kl: NumberObject[]; tv: NumberObject[]; chi2: NumberObject[] };
  /** quantity -> why it is not reported */
  omitted?: Record<string, string>;
}

export function analyze(model: AnalyzeModel, options: AnalyzeOptions = {}): AnalyzeJson {
  const mode = chooseMode(model, options.mode, options.enforceLimits ?? true);
  if (mode === 'exact') return withRenormalization(analyzeWith(exactArithmetic, model), model);
  if (mode === 'float') return withRenormalization(analyzeWith(floatArithmetic, model), model);
  return withRenormalization(
    withEscalation(
      (digits) => analyzeWith(intervalArithmetic(digits), model),
      (json) => numberObjectsIn(withoutEigenvalues(json)).every((x) => isNarrow(x)),
      ANALYZE_DIGIT_LADDER,
    ),
    model,
  );
}

/** The report with `renormalized` after `precision` when input rows were renormalized (exact: the adjustment is a rational). */
function withRenormalization(json: AnalyzeJson, model: AnalyzeModel): AnalyzeJson {
  if (model.renormalized === undefined) return json;
  const { states, mode, precision, ...rest } = json;
  return { states, mode, precision, renormalized: { rows: model.renormalized.rows, maxAdjustment: exactNumberObject(model.renormalized.maxAdjustment) }, ...rest };
}

/**
 * The report without the eigenvalue enclosures, whose width is set by the
 * coarsened midpoints (about 1e-30) and not by the interval precision, so a
 * higher precision would not narrow them.
 */
function withoutEigenvalues(json: AnalyzeJson): unknown {
  const { lambda2: _l2, lambdaMin: _lm, spectralGap: _g, absoluteGap: _a, hitting, ...rest } = json;
  if (!hitting) return rest;
  const { dirichletGap: _d, ...otherHitting } = hitting;
  return { ...rest, hitting: otherHitting };
}

const REDUCIBLE = 'the chain is reducible, so its stationary law is not unique (one per closed class)';
const NOT_REVERSIBLE = 'P is not reversible: S = D^{1/2} P D^{-1/2} is not symmetric, so the symmetric eigenvalue theory (T4, T5) does not apply';

function analyzeWith<T>(ar: Arithmetic<T>, model: AnalyzeModel): AnalyzeJson {
  const names = model.states;
  const n = model.n;
  const num = (x: T) => ar.toNumberObject(x);
  const omitted: Record<string, string> = {};
  const kernel: Matrix<T> = model.ebm ? ebmKernel(ar, model.ebm).kernel : model.kernel!.map((row) => row.map((q) => ar.fromRational(q)));

  // keys are assigned in the order of docs/outputs.md#analyze, which JSON.stringify keeps
  const json = { states: names, mode: ar.mode, precision: ar.label } as AnalyzeJson;
  if (n <= KERNEL_ECHO_LIMIT) json.kernel = kernel.map((row) => row.map(num));
  else omitted.kernel = `not echoed for n > ${KERNEL_ECHO_LIMIT} states`;

  const structure = chainStructure(ar, kernel);
  json.irreducible = structure.irreducible;
  if (!structure.irreducible) json.closedClasses = structure.closedClasses.map((c) => c.map((x) => names[x]!));
  if (structure.aperiodic !== undefined) json.aperiodic = structure.aperiodic;
  else omitted.aperiodic = 'the period is a property of each communicating class; the chain is reducible';

  const mu = structure.irreducible ? stationaryDistribution(ar, kernel) : undefined;
  if (mu) json.stationary = mu.map(num);
  else omitted.stationary = REDUCIBLE;

  const reversibility = decideReversibility(ar, model, kernel, mu);
  json.reversible = reversibility.reversible;
  if (reversibility.violation) json.reversibilityViolation = reversibility.violation;

  if (!reversibility.reversible) omitted.potential = 'P is not reversible: no U with P(x,y) / P(y,x) = exp(U(y) - U(x))';
  else if (!mu) omitted.potential = REDUCIBLE;
  else if (ar.mode === 'exact') {
    const ratios = potentialRatios(ar, mu).map((r) => ar.toRational(r)!);
    json.potential = logEnclosures(ratios);
    json.potentialRatios = ratios.map((r) => exactArithmetic.toNumberObject(r));
  } else {
    // U(first) = log 1 = 0 by definition; the computed ratio mu(0)/mu(0) is only an enclosure of 1
    json.potential = canonicalPotential(ar, mu).map((u, x) => (x === 0 ? num(ar.zero) : num(u)));
  }

  if (n === 1) {
    for (const key of ['lambda2', 'lambdaMin', 'spectralGap', 'absoluteGap']) omitted[key] = 'a single state has no second eigenvalue';
  } else if (mu && reversibility.reversible) {
    const spectrum = spectrumOf(ar, kernel, mu);
    json.lambda2 = realNumber(spectrum.lambda2);
    json.lambdaMin = realNumber(spectrum.lambdaMin);
    json.spectralGap = realNumber(spectrum.spectralGap);
    json.absoluteGap = realNumber(spectrum.absoluteGap);
  } else {
    for (const key of ['lambda2', 'lambdaMin', 'spectralGap', 'absoluteGap']) omitted[key] = mu ? NOT_REVERSIBLE : REDUCIBLE;
  }

  if (model.target) {
    const target = model.target;
    const hitting: NonNullable<AnalyzeJson['hitting']> = { target: target.map((x) => names[x]!) };
    try {
      const h = expectedHittingTimes(ar, kernel, target);
      hitting.expected = Object.fromEntries(names.map((name, x) => [name, num(h[x]!)]));
      if (mu) hitting.fromStationary = num(expectedHittingTimeFrom(ar, mu, h));
      else omitted['hitting.fromStationary'] = REDUCIBLE;
    } catch (error) {
      if (!(error instanceof UnreachableTargetError)) throw error;
      const reason = `the target cannot be reached from ${error.states.map((x) => names[x]).join(', ')}: E_x[tau_A] is infinite there`;
      omitted['hitting.expected'] = reason;
      omitted['hitting.fromStationary'] = reason;
    }
    if (mu && reversibility.reversible) hitting.dirichletGap = realNumber(dirichletGapOf(ar, kernel, mu, target));
    else omitted['hitting.dirichletGap'] = mu ? NOT_REVERSIBLE : REDUCIBLE;
    json.hitting = hitting;
  }

  if (model.initial) {
    if (!mu) omitted.trajectory = `${REDUCIBLE}: there is no single law to measure the distance to`;
    else {
      const path = trajectory(ar, model.initial.map((q) => ar.fromRational(q)), kernel, mu, model.steps);
      const klSeries = ar.mode === 'exact' ? exactLawsKl(ar, path.laws, mu) : path.kl!.map(num);
      json.trajectory = { kl: klSeries, tv: path.tv.map(num), chi2: path.chi2.map(num) };
    }
  }
  if (Object.keys(omitted).length > 0) json.omitted = omitted;
  return json;
}

interface ReversibilityDecision {
  reversible: boolean;
  violation?: ReversibilityViolation;
}

/**
 * Exact decision from the rational inputs (module comment); a violating pair
 * from detailed balance with the stationary law when one is decided.
 */
function decideReversibility<T>(ar: Arithmetic<T>, model: AnalyzeModel, kernel: Matrix<T>, mu: T[] | undefined): ReversibilityDecision {
  const names = model.states;
  let decision: ReversibilityDecision;
  if (model.ebm) {
    const result = ebmReversibleExact(model.ebm);
    decision = { reversible: result.reversible };
    if (!result.reversible) {
      decision.violation = result.oneWayPair
        ? { pair: [names[result.oneWayPair[0]]!, names[result.oneWayPair[1]]!], reason: `${result.reason ?? 'one-way transition'}` }
        : { cycle: (result.cycle ?? []).map((x) => names[x]!), reason: result.reason ?? 'a cycle does not balance' };
    }
  } else {
    const result = kolmogorovCriterion(exactArithmetic, model.kernel!);
    decision = { reversible: result.holds === true };
    if (result.oneWayPair) {
      const [x, y] = result.oneWayPair;
      decision.violation = { pair: [names[x]!, names[y]!], reason: `P(${names[x]}, ${names[y]}) > 0 but P(${names[y]}, ${names[x]}) = 0` };
    } else if (result.violation) {
      decision.violation = {
        cycle: result.violation.cycle.map((x) => names[x]!),
        reason: `forward and backward products around the cycle differ (ratio ${result.violation.ratio.toFraction()})`,
      };
    }
  }
  if (!decision.reversible && mu && !decision.violation?.pair) {
    const balance = detailedBalance(ar, mu, kernel);
    if (balance.violation) {
      const { x, y } = balance.violation;
      decision.violation = {
        ...decision.violation,
        pair: [names[x]!, names[y]!],
        reason: `mu(${names[x]}) P(${names[x]}, ${names[y]}) != mu(${names[y]}) P(${names[y]}, ${names[x]}) (detailed balance fails)`,
      };
    }
  }
  return decision;
}

interface SpectrumNumbers {
  lambda2: RationalEnclosure | number;
  lambdaMin: RationalEnclosure | number;
  spectralGap: RationalEnclosure | number;
  absoluteGap: RationalEnclosure | number;
}

/** The spectrum of a reversible irreducible kernel in the run's arithmetic. */
function spectrumOf<T>(ar: Arithmetic<T>, kernel: Matrix<T>, mu: readonly T[]): SpectrumNumbers {
  if (ar.mode === 'exact') return kernelSpectrum({ mode: 'exact', kernel: kernel.map((row) => row.map((x) => ar.toRational(x)!)) });
  if (ar.mode === 'float') {
    return kernelSpectrum({ mode: 'float', kernel: kernel.map((row) => row.map((x) => ar.toNumber(x))), stationary: mu.map((x) => ar.toNumber(x)) });
  }
  const all = Array.from({ length: kernel.length }, (_, x) => x);
  return kernelSpectrum({ mode: 'interval', symmetrized: coarsen(symmetrizedEnclosure(ar, kernel, all)) });
}

/** l_A = 1 - lambda_max(P on A^c); in interval mode from the coarsened enclosure (see `coarsen`). */
function dirichletGapOf<T>(ar: Arithmetic<T>, kernel: Matrix<T>, mu: readonly T[], target: readonly number[]): RationalEnclosure | number {
  if (ar.mode !== 'interval') return dirichletGap(ar, kernel, mu, target);
  const lambda = largestEigenvalue({ mode: 'interval', symmetrized: coarsen(symmetrizedEnclosure(ar, kernel, complementOf(kernel.length, target))) });
  return { lo: ONE.sub(lambda.hi), hi: ONE.sub(lambda.lo) };
}

const ONE = new Rational(1n);

/**
 * The same enclosure with midpoints rounded to SPECTRUM_MID_DIGITS significant
 * digits and radii widened by the rounding: every matrix within radius of the
 * old midpoint is within the new radius of the new one (triangle inequality),
 * so the eigenvalue enclosures stay sound, while the exact isolation of the
 * midpoint's eigenvalues works on much shorter rationals (measured 6x faster at
 * n = 16 than with 60-digit midpoints).
 */
function coarsen(enclosure: { mid: Rational[][]; radius: Rational[][] }): { mid: Rational[][]; radius: Rational[][] } {
  const mid = enclosure.mid.map((row) => row.map((q) => parseRational(rationalToDecimal(q, SPECTRUM_MID_DIGITS, 'nearest'))));
  const radius = enclosure.radius.map((row, i) => row.map((r, j) => r.add(enclosure.mid[i]![j]!.sub(mid[i]![j]!).abs())));
  return { mid, radius };
}

function realNumber(x: RationalEnclosure | number): NumberObject {
  return typeof x === 'number' ? floatNumberObject(x) : enclosureNumberObject(x);
}

/** Enclosures of log r for exact positive rationals r. */
function logEnclosures(values: readonly Rational[]): NumberObject[] {
  const ia = intervalArithmetic(EXACT_MODE_LOG_DIGITS);
  return values.map((r) => ia.toNumberObject(ia.log(ia.fromRational(r))));
}

/** KL(nu_t || mu) of exact laws, enclosed by interval arithmetic. */
function exactLawsKl<T>(ar: Arithmetic<T>, laws: readonly T[][], mu: readonly T[]): NumberObject[] {
  const ia = intervalArithmetic(EXACT_MODE_LOG_DIGITS);
  const lift = (x: T) => ia.fromRational(ar.toRational(x)!);
  const target = mu.map(lift);
  return laws.map((nu) => ia.toNumberObject(kl(ia, nu.map(lift), target)));
}
