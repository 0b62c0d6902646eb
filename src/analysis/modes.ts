/**
 * Which arithmetic each quantity of an `analyze` run uses, by size.
 *
 * Main definitions
 * - `chooseMode(model, requested)`: the ceiling of the run: the requested mode
 *   after checking that the model allows it, or by default exact when every
 *   input is rational and interval otherwise. No quantity uses a stronger
 *   arithmetic than the ceiling.
 * - `QUANTITY_LIMITS`: per quantity and mode, the largest number of states
 *   (for the spectral quantities, of the matrix whose eigenvalues are sought).
 * - `EXACT_ELIMINATION_WORK`: the work budget of the exact stationary law and
 *   of the exact hitting times (`exactEliminationWork`).
 * - `planModes(model, ceiling, options)`: the mode of every quantity: the
 *   strongest one at or below the ceiling whose limit the size allows (float64
 *   always fits: it is the limit of what analyze reads).
 *
 * Implementation details
 * Exact stationary law and hitting times (`multimodular.ts`): elimination
 * modulo primes of b = 21..24 bits (n^3 / 3 float64 multiply-adds each) for
 * about B / b primes, B the bits of the tree-sum (resp. Cramer) bound, which
 * grows with n and with the size of the rows' denominators. The measure of work
 * is n^3 / 3 * B / 22, and its budget was set from runs on a 2-core machine
 * shared with other jobs (load 9-13; CPU seconds of the process quoted, which
 * is the idle wall time): a dense 200-state kernel with entries k / (row sum),
 * k in 0..10, B = 2400 bits, 2.9e8 units, stationary law 1.0 s and hitting
 * times 0.9 s of CPU; the same kernel as 17-digit decimals (numpy float64
 * rows), n = 100, B = 6200, 0.9e8 units, 0.5 s each; n = 200, B = 12600, 1.5e9
 * units, about 5 s each. The budget 6e8 keeps each of the two under about 2 s.
 * Exact reversibility (Kolmogorov's criterion on the rational kernel, or
 * `ebmReversibleExact`) is cheap at every size (0.2 s at n = 200) and is always
 * exact. The spectrum in exact mode needs the characteristic polynomial of the
 * rational kernel and its root isolation, which dominate the run: 3.7 / 12 s at
 * n = 24 at load 5 / 10 (bench/analyze-timing.mjs), so its limit stays 24;
 * interval eigenvalue enclosures 1.4 / 4.4 s at n = 24, 4.3 s at 40, 20 s at
 * 64, limit 40; beyond that float64, with a rigorous residual bound for lambda2
 * (Lanczos). Interval stationary law (GTH on 60-digit intervals) of an EBM
 * with a potential: 0.3 s of CPU at n = 40, 0.8 s at 60, 4.1 s at 100; its
 * interval hitting times (Gaussian elimination) 0.3 / 1.0 / 5.6 s: limit 60
 * for both. Trajectories of 20 steps (n^2 per step; the exact laws' entries
 * grow with t): exact 0.2 s at n = 28 and 40, 0.4-0.6 s at 60, 1.3-3 s at 100;
 * interval 0.3 s at 28, 0.4 s at 40, about 4 s at 100: limit 60 for both.
 */
import type { ArithmeticMode } from '../arith/arithmetic.js';
import { InputError } from '../errors.js';
import { MAX_STATES, needsTranscendental, type AnalyzeModel } from '../input/analyzeModel.js';

export type Limits = Readonly<Record<ArithmeticMode, number>>;

/**
 * Largest number of states per quantity and mode (module comment for the
 * measurements). The exact stationary law and hitting times are limited by
 * `EXACT_ELIMINATION_WORK` instead of a fixed n; their exact entry here is
 * the largest n tried at all (its work at the smallest entries, B = n bits).
 */
export const QUANTITY_LIMITS = {
  /** stationary law and potential */
  stationary: { exact: 500, interval: 60, float: MAX_STATES },
  /** expected hitting times (and E_mu[tau_A] with the stationary law) */
  hitting: { exact: 500, interval: 60, float: MAX_STATES },
  /** lambda2, lambdaMin, the gaps; the Dirichlet gap (on A^c) */
  spectrum: { exact: 24, interval: 40, float: MAX_STATES },
  /** KL, TV and chi2 of nu_t = nu_0 P^t */
  trajectory: { exact: 60, interval: 60, float: MAX_STATES },
} as const satisfies Record<string, Limits>;

/** Budget of `exactEliminationWork` for the exact stationary law and for the exact hitting times. */
export const EXACT_ELIMINATION_WORK = 6e8;

/** Bits per prime of the work measure (`multimodular.ts` uses 21..24). */
const BITS_PER_PRIME = 22;

/** n^3 / 3 float64 multiply-adds per prime times the primes for `boundBits` bits. */
export function exactEliminationWork(n: number, boundBits: number): number {
  return ((n * n * n) / 3) * Math.ceil(boundBits / BITS_PER_PRIME);
}

/** The mode of each quantity of a run. */
export interface ModePlan {
  /** the kernel echo and the chain's structure */
  readonly kernel: ArithmeticMode;
  readonly stationary: ArithmeticMode;
  readonly hitting: ArithmeticMode;
  readonly spectrum: ArithmeticMode;
  readonly dirichletGap: ArithmeticMode;
  readonly trajectory: ArithmeticMode;
}

const STRENGTH: Record<ArithmeticMode, number> = { float: 0, interval: 1, exact: 2 };

/** The weaker of two modes. */
export function weaker(a: ArithmeticMode, b: ArithmeticMode): ArithmeticMode {
  return STRENGTH[a] <= STRENGTH[b] ? a : b;
}

/** The weakest of the modes (exact for none). */
export function weakest(modes: readonly ArithmeticMode[]): ArithmeticMode {
  return modes.reduce<ArithmeticMode>((a, b) => weaker(a, b), 'exact');
}

export interface PlanOptions {
  /** false: every quantity in the ceiling mode whatever its size (benchmarks only) */
  readonly enforceLimits?: boolean;
  /** bits of the exact stationary-law bound (`stationaryBoundBits`), for rational kernels */
  readonly stationaryBits?: number;
  /** bits of the exact hitting-time bound (`hittingBoundBits`), when there is a target */
  readonly hittingBits?: number;
}

/**
 * The mode of every quantity (module comment). `ceiling` comes from
 * `chooseMode`; exact is only chosen for rational inputs.
 */
export function planModes(model: AnalyzeModel, ceiling: ArithmeticMode, options: PlanOptions = {}): ModePlan {
  const n = model.n;
  const rational = !needsTranscendental(model);
  const fits = (limits: Limits, size: number, exactFits: boolean): ArithmeticMode => {
    if (options.enforceLimits === false) return ceiling;
    for (const mode of ['exact', 'interval', 'float'] as const) {
      if (STRENGTH[mode] > STRENGTH[ceiling]) continue;
      if (mode === 'exact' && !(rational && exactFits)) continue;
      if (size <= limits[mode]) return mode;
    }
    return 'float';
  };
  const withinWork = (bits: number | undefined) =>
    bits !== undefined && exactEliminationWork(n, bits) <= EXACT_ELIMINATION_WORK;
  const kernel: ArithmeticMode = rational && ceiling === 'exact' ? 'exact' : fits(QUANTITY_LIMITS.stationary, n, false);
  const stationary = fits(QUANTITY_LIMITS.stationary, n, withinWork(options.stationaryBits));
  const hitting = fits(QUANTITY_LIMITS.hitting, n, withinWork(options.hittingBits));
  const spectrum = fits(QUANTITY_LIMITS.spectrum, n, true);
  const rest = n - (model.target?.length ?? 0);
  const dirichletGap = fits(QUANTITY_LIMITS.spectrum, rest, true);
  // the trajectory measures the distance to mu, so it is never stronger than mu
  const trajectory = weaker(fits(QUANTITY_LIMITS.trajectory, n, true), stationary);
  return { kernel, stationary, hitting, spectrum, dirichletGap, trajectory };
}

/** The largest n for which the exact elimination work fits the budget at the smallest bound (B = n bits). */
export function exactCandidate(n: number): boolean {
  return n <= QUANTITY_LIMITS.stationary.exact && exactEliminationWork(n, n) <= EXACT_ELIMINATION_WORK;
}

/**
 * The ceiling of a run: the requested mode, checked, or the default (exact
 * for rational inputs, interval otherwise).
 */
export function chooseMode(model: AnalyzeModel, requested?: string): ArithmeticMode {
  const transcendental = needsTranscendental(model);
  if (requested === undefined) return transcendental ? 'interval' : 'exact';
  if (requested !== 'exact' && requested !== 'interval' && requested !== 'float') {
    throw new InputError('--mode', `unknown mode "${requested}"`, 'use --mode exact, interval or float');
  }
  if (requested === 'exact' && transcendental) {
    throw new InputError(
      '--mode',
      'exact mode needs rational inputs, but "potential", "interaction" or "reward" enter the kernel through exp(./beta)',
      'use --mode interval (the default for this model), or give "weights" w = exp(Phi/beta) and "interactionWeights" v = exp(s/beta) as rationals',
    );
  }
  return requested;
}
