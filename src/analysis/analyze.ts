/**
 * One `analyze` run: a validated kernel or EBM instance in, the JSON report
 * of docs/outputs.md#analyze out.
 *
 * Main definitions
 * - `AnalyzeJson`: the report (keys of docs/outputs.md#analyze, with `modes`,
 *   `closedClasses`, `reversibilityViolation`, `potentialRatios`,
 *   `lambda2ResidualBound`, `omitted`, `precision`).
 * - `analyze(model, { mode })`: the ceiling of the run (`chooseMode`), the
 *   mode of each quantity (`planModes`), and the chain's structure, stationary
 *   law, reversibility, potential, spectrum, hitting times and trajectory,
 *   each in its own arithmetic.
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
 * Every quantity uses the strongest arithmetic at or below the ceiling that
 * its size allows (`modes.ts`), and `modes` in the report names it; `mode` is
 * the weakest of them (exact: every reported number is exact or a rigorous
 * enclosure; interval: rigorous enclosures; float: some numbers are float64).
 * Reversibility is decided exactly whenever the inputs are rational: by
 * Kolmogorov's criterion on the rational kernel, or for an EBM instance by
 * `ebmReversibleExact` (which also covers kernels with transcendental entries),
 * whatever the arithmetic of the rest of the run. Exact: the stationary law and
 * hitting times by elimination modulo primes with an exact check
 * (`multimodular.ts`); the kernel, potential ratios, TV and chi2 are exact
 * rationals; U = log of the exact ratios and the KL of the exact laws nu_t are
 * enclosed by interval arithmetic (60 digits); eigenvalues are isolated from
 * the characteristic polynomial. Interval quantities escalate their precision
 * together until their enclosures are narrow (`withEscalation`; exact and
 * float64 results are computed once); eigenvalue enclosures start from the
 * symmetrized kernel's enclosure with midpoints rounded to 30 digits
 * (`coarsen`, sound by the triangle inequality), so they are about 1e-30 wide
 * whatever the precision. A quantity computed in a weaker arithmetic than the
 * stationary law uses mu rounded to it (exact to enclosure, or to float64).
 * float64 quantities are labelled so; the float64 lambda2 carries the Lanczos
 * residual bound (S as computed in float64 has an eigenvalue within it). The
 * kernel is echoed only up to KERNEL_ECHO_LIMIT states (it is part of the
 * input; a 2000-state echo would be hundreds of megabytes).
 */
import type { Arithmetic, ArithmeticMode } from '../arith/arithmetic.js';
import { enclosureNumberObject, type RationalEnclosure } from '../arith/enclosure.js';
import { exactArithmetic } from '../arith/exact.js';
import { floatArithmetic } from '../arith/float.js';
import { intervalArithmetic } from '../arith/interval.js';
import { exactNumberObject, floatNumberObject, rationalToDecimal, type NumberObject } from '../arith/numberObject.js';
import { Rational, parseRational } from '../arith/rational.js';
import { kl } from '../info/divergences.js';
import { needsTranscendental, type AnalyzeModel } from '../input/analyzeModel.js';
import type { Matrix } from '../linalg/matrix.js';
import {
  exactHittingTimesModular,
  exactStationaryModular,
  hittingBoundBits,
  integerRates,
  stationaryBoundBits,
} from '../linalg/multimodular.js';
import { chainStructure, supportGraph } from '../markov/communicatingClasses.js';
import { dirichletGap, symmetrizedEnclosure } from '../markov/dirichletGap.js';
import { ebmReversibleExact } from '../markov/ebmReversibility.js';
import {
  checkReachable,
  complementOf,
  expectedHittingTimeFrom,
  expectedHittingTimes,
  UnreachableTargetError,
} from '../markov/hittingTimes.js';
import { canonicalPotential, detailedBalance, kolmogorovCriterion, potentialRatios } from '../markov/reversibility.js';
import { kernelSpectrum, largestEigenvalue, spectralGapLanczos } from '../markov/spectrum.js';
import { stationaryDistribution } from '../markov/stationaryDistribution.js';
import { trajectory } from '../markov/trajectory.js';
import { ebmKernel } from '../models/ebm.js';
import { QUANTITY_LIMITS, chooseMode, exactCandidate, planModes, weaker, weakest, type ModePlan } from './modes.js';
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
  /** 'exact' | 'interval' | 'float': the strongest arithmetic any quantity may use; default by `chooseMode` */
  readonly mode?: string;
  /** false: every quantity in the requested mode whatever its size (benchmarks only) */
  readonly enforceLimits?: boolean;
}

export interface ReversibilityViolation {
  /** a pair x, y with mu(x) P(x,y) != mu(y) P(y,x), or P(x,y) > 0 = P(y,x) */
  pair?: [string, string];
  /** a cycle whose forward and backward products differ (closing back to its first state) */
  cycle?: string[];
  reason: string;
}

/** Report keys (dotted below `hitting`) whose numbers some arithmetic produced. */
export type ModeKey =
  | 'kernel'
  | 'stationary'
  | 'reversible'
  | 'potential'
  | 'spectrum'
  | 'hitting.expected'
  | 'hitting.fromStationary'
  | 'hitting.dirichletGap'
  | 'trajectory';

export interface AnalyzeJson {
  states: string[];
  /** the weakest arithmetic of the reported quantities */
  mode: ArithmeticMode;
  precision: string;
  /** the arithmetic of each reported quantity ('spectrum': lambda2, lambdaMin and the gaps) */
  modes: Partial<Record<ModeKey, ArithmeticMode>>;
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
  /** float64 spectrum: S as computed in float64 has an eigenvalue within this of lambda2 (Lanczos residual) */
  lambda2ResidualBound?: NumberObject;
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

/** A kernel in one arithmetic. */
interface Lane<T> {
  readonly ar: Arithmetic<T>;
  readonly kernel: Matrix<T>;
}

export function analyze(model: AnalyzeModel, options: AnalyzeOptions = {}): AnalyzeJson {
  const ceiling = chooseMode(model, options.mode);
  const enforceLimits = options.enforceLimits ?? true;
  const n = model.n;
  // The exact kernel is built when some quantity may be exact; a rational EBM kernel costs n^2 exact operations.
  const exactWanted =
    ceiling === 'exact' &&
    !needsTranscendental(model) &&
    (model.kernel !== undefined ||
      !enforceLimits ||
      n <= Math.max(QUANTITY_LIMITS.spectrum.exact, QUANTITY_LIMITS.trajectory.exact) ||
      exactCandidate(n));
  const exactKernel = exactWanted ? (model.kernel ?? ebmKernel(exactArithmetic, model.ebm!).kernel) : undefined;
  const rates = exactKernel && (!enforceLimits || exactCandidate(n)) ? integerRates(exactKernel) : undefined;
  const rest = model.target ? complementOf(n, model.target) : [];
  const planned = planModes(model, exactKernel ? ceiling : ceiling === 'exact' ? 'interval' : ceiling, {
    enforceLimits,
    ...(rates ? { stationaryBits: stationaryBoundBits(rates) } : {}),
    ...(rates && model.target ? { hittingBits: hittingBoundBits(rates, rest) } : {}),
  });
  // without the exact kernel nothing is exact (planModes was given a lower ceiling)
  const plan: ModePlan = planned;
  const lanes: Lanes = {
    ...(exactKernel ? { exact: { ar: exactArithmetic, kernel: exactKernel } } : {}),
    float: once(() => ({
      ar: floatArithmetic,
      kernel: exactKernel ? exactKernel.map((row) => row.map(nearestFloat)) : kernelIn(floatArithmetic, model),
    })),
  };
  const cache = new Map<string, unknown>();
  const usesInterval = Object.values(plan).includes('interval');
  const json = usesInterval
    ? withEscalation(
        (digits) =>
          analyzeWith(
            model,
            plan,
            { ...lanes, interval: intervalLane(intervalArithmetic(digits), model, exactKernel) },
            cache,
            rates,
          ),
        (report) => numberObjectsIn(withoutEigenvalues(report)).every((x) => isNarrow(x)),
        ANALYZE_DIGIT_LADDER,
      )
    : analyzeWith(model, plan, lanes, cache, rates);
  return withRenormalization(json, model);
}

interface Lanes {
  readonly exact?: Lane<Rational>;
  readonly interval?: Lane<unknown>;
  readonly float: () => Lane<number>;
}

function once<R>(f: () => R): () => R {
  let value: { v: R } | undefined;
  return () => (value ??= { v: f() }).v;
}

function kernelIn<T>(ar: Arithmetic<T>, model: AnalyzeModel): Matrix<T> {
  return model.ebm ? ebmKernel(ar, model.ebm).kernel : model.kernel!.map((row) => row.map((q) => ar.fromRational(q)));
}

function intervalLane<T>(ar: Arithmetic<T>, model: AnalyzeModel, exactKernel: Rational[][] | undefined): Lane<unknown> {
  const kernel = exactKernel ? exactKernel.map((row) => row.map((q) => ar.fromRational(q))) : kernelIn(ar, model);
  return { ar, kernel };
}

/** The report with `renormalized` after `modes` when input rows were renormalized (exact: the adjustment is a rational). */
function withRenormalization(json: AnalyzeJson, model: AnalyzeModel): AnalyzeJson {
  if (model.renormalized === undefined) return json;
  const { states, mode, precision, modes, ...rest } = json;
  return {
    states,
    mode,
    precision,
    modes,
    renormalized: { rows: model.renormalized.rows, maxAdjustment: exactNumberObject(model.renormalized.maxAdjustment) },
    ...rest,
  };
}

/**
 * The report without the eigenvalue enclosures, whose width is set by the
 * coarsened midpoints (about 1e-30) and not by the interval precision, so a
 * higher precision would not narrow them.
 */
function withoutEigenvalues(json: AnalyzeJson): unknown {
  const rest: AnalyzeJson = { ...json };
  for (const key of ['lambda2', 'lambdaMin', 'spectralGap', 'absoluteGap', 'hitting'] as const) delete rest[key];
  if (!json.hitting) return rest;
  const otherHitting = { ...json.hitting };
  delete otherHitting.dirichletGap;
  return { ...rest, hitting: otherHitting };
}

const REDUCIBLE = 'the chain is reducible, so its stationary law is not unique (one per closed class)';
const NOT_REVERSIBLE =
  'P is not reversible: S = D^{1/2} P D^{-1/2} is not symmetric, so the symmetric eigenvalue theory (T4, T5) does not apply';

/**
 * One pass over the quantities, each in the lane of its planned mode. Exact
 * and float64 results are kept in `cache`, so a rerun at a higher interval
 * precision recomputes only the interval quantities.
 */
function analyzeWith(
  model: AnalyzeModel,
  plan: ModePlan,
  lanes: Lanes,
  cache: Map<string, unknown>,
  rates: ReturnType<typeof integerRates> | undefined,
): AnalyzeJson {
  const names = model.states;
  const n = model.n;
  const omitted: Record<string, string> = {};
  const modes: Partial<Record<ModeKey, ArithmeticMode>> = {};
  const lane = (mode: ArithmeticMode): Lane<unknown> => {
    if (mode === 'exact') return lanes.exact as Lane<unknown>;
    if (mode === 'interval') return lanes.interval!;
    return lanes.float();
  };
  const memo = <R>(key: string, mode: ArithmeticMode, f: () => R): R => {
    if (mode === 'interval') return f();
    const cacheKey = `${mode}:${key}`;
    if (!cache.has(cacheKey)) cache.set(cacheKey, f());
    return cache.get(cacheKey) as R;
  };

  // keys are assigned in the order of docs/outputs.md#analyze, which JSON.stringify keeps
  const json = { states: names, mode: 'exact', precision: '', modes } as AnalyzeJson;
  const base = lane(plan.kernel);
  if (n <= KERNEL_ECHO_LIMIT) {
    json.kernel = memo('kernel', plan.kernel, () =>
      base.kernel.map((row) => row.map((x) => base.ar.toNumberObject(x))),
    );
    modes.kernel = plan.kernel;
  } else omitted.kernel = `not echoed for n > ${KERNEL_ECHO_LIMIT} states`;

  const structure = memo('structure', plan.kernel, () => chainStructure(base.ar, base.kernel));
  json.irreducible = structure.irreducible;
  if (!structure.irreducible) json.closedClasses = structure.closedClasses.map((c) => c.map((x) => names[x]!));
  if (structure.aperiodic !== undefined) json.aperiodic = structure.aperiodic;
  else omitted.aperiodic = 'the period is a property of each communicating class; the chain is reducible';

  // the stationary law in its own lane, and rounded to any weaker lane that needs it
  const stationaryLane = lane(plan.stationary);
  const mu = structure.irreducible
    ? memo('stationary', plan.stationary, () =>
        plan.stationary === 'exact'
          ? exactStationaryModular(lanes.exact!.kernel, rates ?? integerRates(lanes.exact!.kernel))
          : stationaryDistribution(stationaryLane.ar, stationaryLane.kernel),
      )
    : undefined;
  const muIn = (mode: ArithmeticMode): unknown[] | undefined =>
    mu && memo('stationary-as', mode, () => convert(stationaryLane.ar, lane(mode).ar, mu));
  if (mu) {
    json.stationary = memo('stationary-json', plan.stationary, () =>
      mu.map((x) => stationaryLane.ar.toNumberObject(x)),
    );
    modes.stationary = plan.stationary;
  } else omitted.stationary = REDUCIBLE;

  const reversibility = memo('reversibility', plan.stationary, () =>
    decideReversibility(stationaryLane.ar, model, stationaryLane.kernel, mu),
  );
  json.reversible = reversibility.reversible;
  modes.reversible = 'exact';
  if (reversibility.violation) json.reversibilityViolation = reversibility.violation;

  if (!reversibility.reversible)
    omitted.potential = 'P is not reversible: no U with P(x,y) / P(y,x) = exp(U(y) - U(x))';
  else if (!mu) omitted.potential = REDUCIBLE;
  else {
    modes.potential = plan.stationary;
    if (plan.stationary === 'exact') {
      const exact = memo('potential', 'exact', () => {
        const ratios = potentialRatios(exactArithmetic, mu as Rational[]);
        return { potential: logEnclosures(ratios), ratios: ratios.map((r) => exactArithmetic.toNumberObject(r)) };
      });
      json.potential = exact.potential;
      json.potentialRatios = exact.ratios;
    } else {
      const ar = stationaryLane.ar;
      // U(first) = log 1 = 0 by definition; the computed ratio mu(0)/mu(0) is only an enclosure of 1
      json.potential = memo('potential', plan.stationary, () =>
        canonicalPotential(ar, mu).map((u, x) => ar.toNumberObject(x === 0 ? ar.zero : u)),
      );
    }
  }

  if (n === 1) {
    for (const key of ['lambda2', 'lambdaMin', 'spectralGap', 'absoluteGap'])
      omitted[key] = 'a single state has no second eigenvalue';
  } else if (mu && reversibility.reversible) {
    const spectral = lane(plan.spectrum);
    const spectrum = memo('spectrum', plan.spectrum, () =>
      spectrumOf(spectral.ar, spectral.kernel, muIn(plan.spectrum)!),
    );
    json.lambda2 = realNumber(spectrum.lambda2);
    if (spectrum.residualBound !== undefined) json.lambda2ResidualBound = floatNumberObject(spectrum.residualBound);
    json.lambdaMin = realNumber(spectrum.lambdaMin);
    json.spectralGap = realNumber(spectrum.spectralGap);
    json.absoluteGap = realNumber(spectrum.absoluteGap);
    modes.spectrum = plan.spectrum;
  } else {
    for (const key of ['lambda2', 'lambdaMin', 'spectralGap', 'absoluteGap'])
      omitted[key] = mu ? NOT_REVERSIBLE : REDUCIBLE;
  }

  if (model.target) {
    const target = model.target;
    const hitting: NonNullable<AnalyzeJson['hitting']> = { target: target.map((x) => names[x]!) };
    const hittingLane = lane(plan.hitting);
    try {
      const h = memo<unknown[]>('hitting', plan.hitting, () =>
        plan.hitting === 'exact'
          ? exactHittingTimes(lanes.exact!.kernel, target, rates)
          : expectedHittingTimes(hittingLane.ar, hittingLane.kernel, target),
      );
      hitting.expected = memo('hitting-json', plan.hitting, () =>
        Object.fromEntries(names.map((name, x) => [name, hittingLane.ar.toNumberObject(h[x])])),
      );
      modes['hitting.expected'] = plan.hitting;
      if (mu) {
        const mode = weaker(plan.stationary, plan.hitting);
        const ar = lane(mode).ar;
        hitting.fromStationary = memo('fromStationary', mode, () =>
          ar.toNumberObject(expectedHittingTimeFrom(ar, muIn(mode)!, convert(hittingLane.ar, ar, h))),
        );
        modes['hitting.fromStationary'] = mode;
      } else omitted['hitting.fromStationary'] = REDUCIBLE;
    } catch (error) {
      if (!(error instanceof UnreachableTargetError)) throw error;
      const reason = `the target cannot be reached from ${error.states.map((x) => names[x]).join(', ')}: E_x[tau_A] is infinite there`;
      omitted['hitting.expected'] = reason;
      omitted['hitting.fromStationary'] = reason;
    }
    if (mu && reversibility.reversible) {
      const gapLane = lane(plan.dirichletGap);
      hitting.dirichletGap = memo('dirichletGap', plan.dirichletGap, () =>
        realNumber(dirichletGapOf(gapLane.ar, gapLane.kernel, muIn(plan.dirichletGap)!, target)),
      );
      modes['hitting.dirichletGap'] = plan.dirichletGap;
    } else omitted['hitting.dirichletGap'] = mu ? NOT_REVERSIBLE : REDUCIBLE;
    json.hitting = hitting;
  }

  if (model.initial) {
    if (!mu) omitted.trajectory = `${REDUCIBLE}: there is no single law to measure the distance to`;
    else {
      const { ar, kernel } = lane(plan.trajectory);
      json.trajectory = memo('trajectory', plan.trajectory, () => {
        const path = trajectory(
          ar,
          model.initial!.map((q) => ar.fromRational(q)),
          kernel,
          muIn(plan.trajectory)!,
          model.steps,
        );
        const num = (x: unknown) => ar.toNumberObject(x);
        const klSeries = ar.mode === 'exact' ? exactLawsKl(ar, path.laws, muIn(plan.trajectory)!) : path.kl!.map(num);
        return { kl: klSeries, tv: path.tv.map(num), chi2: path.chi2.map(num) };
      });
      modes.trajectory = plan.trajectory;
    }
  }
  json.mode = weakest(Object.values(modes));
  json.precision = Object.values(modes).includes('interval')
    ? lanes.interval!.ar.label
    : json.mode === 'exact'
      ? exactArithmetic.label
      : floatArithmetic.label;
  if (Object.keys(omitted).length > 0) json.omitted = omitted;
  return json;
}

/** Values of one arithmetic in another, no stronger: exact to an enclosure or float64, an enclosure to its midpoint. */
function convert<S, T>(from: Arithmetic<S>, to: Arithmetic<T>, values: readonly S[]): T[] {
  if ((from as unknown) === (to as unknown)) return values as unknown as T[];
  if (to.mode === 'float')
    return values.map(
      (x) => (from.mode === 'exact' ? nearestFloat(from.toRational(x)!) : from.toNumber(x)) as unknown as T,
    );
  if (from.mode !== 'exact') throw new RangeError(`cannot convert ${from.mode} values to ${to.mode}`);
  return values.map((x) => to.fromRational(from.toRational(x)!));
}

/**
 * The float64 nearest to q (through its 17-digit decimal): numerator and
 * denominator of an exact stationary law may each be beyond the float64 range,
 * where p / d would be Infinity / Infinity.
 */
function nearestFloat(q: Rational): number {
  return Number(rationalToDecimal(q, 17, 'nearest'));
}

/** E_x[tau_A] exactly, after the reachability check of `expectedHittingTimes`. */
function exactHittingTimes(
  kernel: Rational[][],
  target: readonly number[],
  rates: ReturnType<typeof integerRates> | undefined,
): Rational[] {
  checkReachable(supportGraph(exactArithmetic, kernel), target);
  return exactHittingTimesModular(kernel, target, rates ?? integerRates(kernel));
}

interface ReversibilityDecision {
  reversible: boolean;
  violation?: ReversibilityViolation;
}

/**
 * Exact decision from the rational inputs (module comment); a violating pair
 * from detailed balance with the stationary law when one is decided.
 */
function decideReversibility<T>(
  ar: Arithmetic<T>,
  model: AnalyzeModel,
  kernel: Matrix<T>,
  mu: T[] | undefined,
): ReversibilityDecision {
  const names = model.states;
  let decision: ReversibilityDecision;
  if (model.ebm) {
    const result = ebmReversibleExact(model.ebm);
    decision = { reversible: result.reversible };
    if (!result.reversible) {
      decision.violation = result.oneWayPair
        ? {
            pair: [names[result.oneWayPair[0]]!, names[result.oneWayPair[1]]!],
            reason: `${result.reason ?? 'one-way transition'}`,
          }
        : { cycle: (result.cycle ?? []).map((x) => names[x]!), reason: result.reason ?? 'a cycle does not balance' };
    }
  } else {
    const result = kolmogorovCriterion(exactArithmetic, model.kernel!);
    decision = { reversible: result.holds === true };
    if (result.oneWayPair) {
      const [x, y] = result.oneWayPair;
      decision.violation = {
        pair: [names[x]!, names[y]!],
        reason: `P(${names[x]}, ${names[y]}) > 0 but P(${names[y]}, ${names[x]}) = 0`,
      };
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
  /** float64: S as computed in float64 has an eigenvalue within this of lambda2 */
  residualBound?: number;
}

/**
 * The spectrum of a reversible irreducible kernel in the run's arithmetic. In
 * float64, lambda2 of the full symmetric eigensolver gets the residual bound of
 * the Lanczos Ritz value theta on the complement of sqrt(mu): S has an
 * eigenvalue within r of theta, so within r + |theta - lambda2| of lambda2.
 */
function spectrumOf<T>(ar: Arithmetic<T>, kernel: Matrix<T>, mu: readonly T[]): SpectrumNumbers {
  if (ar.mode === 'exact')
    return kernelSpectrum({ mode: 'exact', kernel: kernel.map((row) => row.map((x) => ar.toRational(x)!)) });
  if (ar.mode === 'float') {
    const input = {
      mode: 'float' as const,
      kernel: kernel.map((row) => row.map((x) => ar.toNumber(x))),
      stationary: mu.map((x) => ar.toNumber(x)),
    };
    const spectrum = kernelSpectrum(input);
    const lanczos = spectralGapLanczos(input);
    return { ...spectrum, residualBound: lanczos.residualBound + Math.abs(lanczos.lambda2 - spectrum.lambda2) };
  }
  const all = Array.from({ length: kernel.length }, (_, x) => x);
  return kernelSpectrum({ mode: 'interval', symmetrized: coarsen(symmetrizedEnclosure(ar, kernel, all)) });
}

/** l_A = 1 - lambda_max(P on A^c); in interval mode from the coarsened enclosure (see `coarsen`). */
function dirichletGapOf<T>(
  ar: Arithmetic<T>,
  kernel: Matrix<T>,
  mu: readonly T[],
  target: readonly number[],
): RationalEnclosure | number {
  if (ar.mode !== 'interval') return dirichletGap(ar, kernel, mu, target);
  const lambda = largestEigenvalue({
    mode: 'interval',
    symmetrized: coarsen(symmetrizedEnclosure(ar, kernel, complementOf(kernel.length, target))),
  });
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
  const mid = enclosure.mid.map((row) =>
    row.map((q) => parseRational(rationalToDecimal(q, SPECTRUM_MID_DIGITS, 'nearest'))),
  );
  const radius = enclosure.radius.map((row, i) =>
    row.map((r, j) => r.add(enclosure.mid[i]![j]!.sub(mid[i]![j]!).abs())),
  );
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
