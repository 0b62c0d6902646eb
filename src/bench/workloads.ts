/**
 * The benchmark workloads W1 to W5: fixed-seed instances, the engine's
 * algorithms run on them, and a result figure that a faster but wrong run
 * could not reproduce.
 *
 * Main definitions
 * - `WorkloadId`, `WORKLOAD_IDS`, `WORKLOAD_TITLES`.
 * - `BenchScale`: 'full' (the sizes of the Python reference) or 'tiny' (a few
 *   small instances, for tests and smoke runs); `workloadSizes(id, scale)`.
 * - `BenchIdentity`: a catalogue identity (plain data) with its theorem ID.
 * - `WorkloadResult`: the figure (`value`), a one-line summary, `ok` (the figure
 *   is what the theorem predicts) and counts.
 * - `runWorkload(id, scale, identities)`: one run.
 * - The workloads themselves, generic where the arithmetic is a choice:
 *   `detailedBalanceWorkload` (W1), `klDecreaseWorkload` (W2),
 *   `spectralGapWorkload` (W3), `hittingTimesWorkload` (W4),
 *   `identitiesWorkload` (W5).
 *
 * Main statements (what each figure should be)
 * - W1 (T2, exact): every instance balanced and stationary: value = instances.
 * - W2 (T3, interval 50 digits): KL(nu_{t+1} || mu) <= KL(nu_t || mu) at every step;
 *   value = steps where the enclosures decide it; a decided increase is a
 *   contradiction (ok = false).
 * - W3 (T4, float64): value = 1 - lambda_2 of the n = 1000 kernel, in (0, 2].
 * - W4 (T5, exact): value = sum over instances of E_x[tau_A] from the first
 *   state outside A (A = the three states of highest weight, ties to the lower
 *   index), the reference's figure.
 * - W5: value = identities certified; ok when all are.
 * - W6 (T4, float64, sparse): value = 1 - lambda_2 of the 100,000-state sparse
 *   chain; ok when the chain is found irreducible and reversible, the
 *   stationary law's rigorous residual bound is below 1e-12 and it agrees
 *   with the closed form d / sum(d) to 1e-12 relative, and lambda2's residual
 *   bound is below 1e-8.
 *
 * Implementation details
 * Instances are drawn from `PythonRandom` (seeds 1, 2, 4) and `NumpyRandom`
 * (seed 3) exactly as the reference draws them, so the figures of W1, W2 and W4
 * can be compared with the reference's digit for digit and W3 to rounding. W5
 * certifies each identity as `check` does under the standard profile (same
 * derived seeds), so its figure matches `check`'s identity statuses.
 */
import { decidedSign } from '../arith/arithmetic.js';
import { exactArithmetic } from '../arith/exact.js';
import { floatArithmetic } from '../arith/float.js';
import { intervalArithmetic } from '../arith/interval.js';
import { floatNumberObject, rationalToDecimal, type NumberObject } from '../arith/numberObject.js';
import { Rational } from '../arith/rational.js';
import { kl } from '../info/divergences.js';
import { expectedHittingTimes, complementOf } from '../markov/hittingTimes.js';
import {
  scaleKernel,
  scaleLaw,
  scaledLawIn,
  scaledLawsEqual,
  stepScaledLaw,
  type ScaledLaw,
} from '../markov/scaledLaw.js';
import { detailedBalance } from '../markov/reversibility.js';
import { kernelSpectrum, spectralGapLanczos } from '../markov/spectrum.js';
import { ebmKernel, ebmStationaryClosedForm, type EbmModel } from '../models/ebm.js';
import { checkIdentity, identityHolds, type IdentitySpec } from '../runner/identity.js';
import { PROFILES } from '../runner/profiles.js';
import { DEFAULT_SEED, deriveSeed } from '../runner/seed.js';
import { certifyIdentity } from '../symbolic/certify.js';
import { conductanceKernel, floatInstance, rationalInstance } from './instances.js';
import { NumpyRandom } from './numpyRandom.js';
import { PythonRandom } from './pythonRandom.js';
import { sparseConductanceChain, W6_SEED } from './sparseInstance.js';
import { mirrorIndex } from '../sparse/csr.js';
import { symmetrizedKernel } from '../sparse/analyzeSparse.js';
import { sparseExtremeEigenvalues } from '../sparse/lanczos.js';
import { normalizeKernelRows } from '../sparse/sparseModel.js';
import {
  detailedBalanceDefect,
  REVERSIBILITY_TOLERANCE,
  stationaryResidual,
  treeStationary,
} from '../sparse/stationary.js';
import { sparseStructure } from '../sparse/structure.js';

export const WORKLOAD_IDS = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6'] as const;
export type WorkloadId = (typeof WORKLOAD_IDS)[number];

export const WORKLOAD_TITLES: Readonly<Record<WorkloadId, string>> = {
  W1: 'T2 exact: detailed balance and stationarity of random 8-state EBM kernels',
  W2: 'T3 interval(50 digits): decided KL decreases along nu_t P',
  W3: 'T4 float64: spectral gap of a random n-state EBM kernel',
  W4: 'T5 exact: expected hitting times of the three heaviest states',
  W5: 'certify every identity of the catalogue',
  W6: 'T4 float64 sparse: stationary law and lambda2 of a 100,000-state sparse reversible chain',
};

export type BenchScale = 'full' | 'tiny';

export function isWorkloadId(text: string): text is WorkloadId {
  return (WORKLOAD_IDS as readonly string[]).includes(text);
}

export interface WorkloadSizes {
  /** instances (W1, W2, W4) */
  readonly count: number;
  /** states per instance */
  readonly n: number;
  /** W2: steps of nu_{t+1} = nu_t P */
  readonly steps: number;
  /** W2: interval digits */
  readonly digits: number;
  /** W5: identities certified (all when undefined) */
  readonly identities?: number;
}

const FULL: Readonly<Record<WorkloadId, WorkloadSizes>> = {
  W1: { count: 1000, n: 8, steps: 0, digits: 0 },
  W2: { count: 100, n: 8, steps: 20, digits: 50 },
  W3: { count: 1, n: 1000, steps: 0, digits: 0 },
  W4: { count: 50, n: 30, steps: 0, digits: 0 },
  W5: { count: 1, n: 0, steps: 0, digits: 0 },
  W6: { count: 1, n: 100_000, steps: 0, digits: 0 },
};

const TINY: Readonly<Record<WorkloadId, WorkloadSizes>> = {
  W1: { count: 3, n: 8, steps: 0, digits: 0 },
  W2: { count: 2, n: 8, steps: 4, digits: 50 },
  W3: { count: 1, n: 40, steps: 0, digits: 0 },
  W4: { count: 2, n: 8, steps: 0, digits: 0 },
  W5: { count: 1, n: 0, steps: 0, digits: 0, identities: 2 },
  W6: { count: 1, n: 2000, steps: 0, digits: 0 },
};

/** The sizes of a workload at a scale (module comment). */
export function workloadSizes(id: WorkloadId, scale: BenchScale): WorkloadSizes {
  return (scale === 'full' ? FULL : TINY)[id];
}

/** Seeds of the reference (random.Random(1), (2), default_rng(3), random.Random(4)). */
export const WORKLOAD_SEEDS: Readonly<Record<'W1' | 'W2' | 'W3' | 'W4', number>> = { W1: 1, W2: 2, W3: 3, W4: 4 };

/** A catalogue identity, plain data (it crosses a process boundary), with its theorem. */
export interface BenchIdentity {
  readonly theorem: string;
  readonly spec: IdentitySpec;
}

export interface WorkloadResult {
  /** The figure to compare with the reference: a count, or a number object. */
  readonly value: number | NumberObject;
  readonly summary: string;
  /** The figure is what the theorem predicts (module comment). */
  readonly ok: boolean;
  readonly mode: string;
  readonly counts?: Readonly<Record<string, number>>;
}

/** How W3 finds lambda2: Lanczos with a residual bound (default), or every eigenvalue. */
export type SpectrumSolver = 'lanczos' | 'full';

/** One run of a workload at a scale. W5 needs the catalogue's identities. */
export function runWorkload(
  id: WorkloadId,
  scale: BenchScale,
  identities: readonly BenchIdentity[] = [],
  solver: SpectrumSolver = 'lanczos',
): WorkloadResult {
  const sizes = workloadSizes(id, scale);
  switch (id) {
    case 'W1':
      return detailedBalanceWorkload(sizes.count, sizes.n, WORKLOAD_SEEDS.W1);
    case 'W2':
      return klDecreaseWorkload(sizes.count, sizes.n, sizes.steps, sizes.digits, WORKLOAD_SEEDS.W2);
    case 'W3':
      return spectralGapWorkload(sizes.n, WORKLOAD_SEEDS.W3, solver);
    case 'W4':
      return hittingTimesWorkload(sizes.count, sizes.n, WORKLOAD_SEEDS.W4);
    case 'W5':
      return identitiesWorkload(sizes.identities === undefined ? identities : identities.slice(0, sizes.identities));
    case 'W6':
      return sparseChainWorkload(sizes.n, W6_SEED);
  }
}

/** The model of a rational instance: conductance C and weights w. */
function modelOf(random: PythonRandom, n: number): EbmModel {
  const { conductance, weights } = rationalInstance(random, n);
  return { conductance, weights };
}

/**
 * W1: for `count` instances, P and T2's mu from the engine, then detailed
 * balance at every pair (`detailedBalance`) and mu P = mu at every state (with
 * the laws over common denominators, `scaledLaw.ts`), decided exactly.
 */
export function detailedBalanceWorkload(count: number, n: number, seed: number): WorkloadResult {
  const ar = exactArithmetic;
  const random = new PythonRandom(seed);
  let holds = 0;
  let undecided = 0;
  for (let k = 0; k < count; k++) {
    const pieces = ebmKernel(ar, modelOf(random, n));
    const mu = ebmStationaryClosedForm(ar, pieces);
    const balance = detailedBalance(ar, mu, pieces.kernel).reversible;
    const law = scaleLaw(mu);
    const stationary = scaledLawsEqual(stepScaledLaw(law, scaleKernel(pieces.kernel)), law);
    if (balance === true && stationary) holds++;
    else if (balance === undefined) undecided++;
  }
  const pairs = (count * n * (n - 1)) / 2;
  return {
    value: holds,
    summary: `${holds} of ${count} instances balanced and stationary (${pairs} pairs, ${count * n} equations)`,
    ok: holds === count,
    mode: ar.label,
    counts: { instances: count, holds, undecided, pairs, equations: count * n },
  };
}

/**
 * W2: for `count` instances, nu_{t+1} = nu_t P exactly (P, mu and nu_0 exact;
 * the laws as integers over one denominator, `scaledLaw.ts`), KL(nu_t || mu)
 * enclosed at `digits` significant digits; counts the steps where
 * KL(nu_{t+1} || mu) <= KL(nu_t || mu) is decided (enclosures separated, or
 * equal points) and those where an increase is decided (a contradiction of T3).
 */
export function klDecreaseWorkload(
  count: number,
  n: number,
  steps: number,
  digits: number,
  seed: number,
): WorkloadResult {
  const ar = exactArithmetic;
  const iv = intervalArithmetic(digits);
  const random = new PythonRandom(seed);
  let decided = 0;
  let increases = 0;
  for (let k = 0; k < count; k++) {
    const pieces = ebmKernel(ar, modelOf(random, n));
    const mu = ebmStationaryClosedForm(ar, pieces);
    const start = Array.from({ length: n }, () => BigInt(random.randint(1, 9)));
    let law: ScaledLaw = { numerators: start, denominator: start.reduce((total, value) => total + value) };
    const kernel = scaleKernel(pieces.kernel);
    const muEnclosed = mu.map((value) => iv.fromRational(value));
    const enclosedKl = (current: ScaledLaw) => kl(iv, scaledLawIn(iv, current), muEnclosed);
    let previous = enclosedKl(law);
    for (let t = 0; t < steps; t++) {
      law = stepScaledLaw(law, kernel);
      const current = enclosedKl(law);
      const order = iv.compare(current, previous);
      if (order === -1 || order === 0) decided++;
      else if (order === 1) increases++;
      previous = current;
    }
  }
  return {
    value: decided,
    summary: `${decided} of ${count * steps} KL decreases decided at ${iv.label}${increases > 0 ? `, ${increases} decided increases` : ''}`,
    ok: increases === 0,
    mode: iv.label,
    counts: { instances: count, steps: count * steps, decided, increases },
  };
}

/**
 * W3: the float64 spectral gap 1 - lambda_2 of the EBM kernel of one numpy-drawn
 * instance of n states, on S = D^(1/2) P D^(-1/2): by Lanczos on the complement
 * of S's top eigenvector, with a residual bound (`spectralGapLanczos`), or by the
 * engine's full float64 symmetric solver (every eigenvalue). Labelled float64.
 */
export function spectralGapWorkload(n: number, seed: number, solver: SpectrumSolver = 'lanczos'): WorkloadResult {
  const instance = floatInstance(new NumpyRandom(seed), n);
  const { kernel, mu } = conductanceKernel(floatArithmetic, instance);
  if (solver === 'full') {
    const spectrum = kernelSpectrum({ mode: 'float', kernel, stationary: mu });
    const gap = spectrum.spectralGap;
    return {
      value: floatNumberObject(gap),
      summary: `spectral gap ${gap} (lambda2 ${spectrum.lambda2}, all ${n} eigenvalues by the float64 symmetric solver)`,
      ok: gap > 0 && gap <= 2,
      mode: `${floatArithmetic.label}, full spectrum`,
      counts: { n, eigenvalues: spectrum.eigenvalues.length },
    };
  }
  const result = spectralGapLanczos({ mode: 'float', kernel, stationary: mu });
  const gap = result.spectralGap;
  return {
    value: floatNumberObject(gap),
    summary:
      `spectral gap ${gap} (lambda2 ${result.lambda2}, Lanczos, ${result.iterations} steps; ` +
      `S has an eigenvalue within ${result.residualBound.toExponential(2)} of it)`,
    ok: gap > 0 && gap <= 2 && result.residualBound < 1e-8,
    mode: `${floatArithmetic.label}, Lanczos`,
    counts: { n, iterations: result.iterations, residualBound: result.residualBound },
  };
}

/** The three states of highest weight, ties to the lower index (a stable sort by -w). */
export function heaviestStates(weights: readonly Rational[], k = 3): number[] {
  const order = weights.map((_, x) => x).sort((a, b) => weights[b]!.compare(weights[a]!) || a - b);
  return order.slice(0, k).sort((a, b) => a - b);
}

/**
 * W4: for `count` instances of n states, the exact expected hitting times of A =
 * the three heaviest states; the figure is the sum over instances of E_x[tau_A]
 * from the first state outside A (the reference's figure), enclosed to 20 digits.
 */
export function hittingTimesWorkload(count: number, n: number, seed: number): WorkloadResult {
  const ar = exactArithmetic;
  const random = new PythonRandom(seed);
  let total = ar.zero;
  for (let k = 0; k < count; k++) {
    const model = modelOf(random, n);
    const pieces = ebmKernel(ar, model);
    const target = heaviestStates(model.weights!);
    const h = expectedHittingTimes(ar, pieces.kernel, target);
    const first = complementOf(n, target)[0]!;
    if (decidedSign(ar, h[first]!, 'a hitting time') <= 0)
      throw new Error('a hitting time from outside the target is not positive');
    total = ar.add(total, h[first]!);
  }
  const value: NumberObject = {
    approx: rationalToDecimal(total, 20, 'nearest'),
    lo: rationalToDecimal(total, 20, 'floor'),
    hi: rationalToDecimal(total, 20, 'ceil'),
  };
  return {
    value,
    summary:
      `sum of E[tau_A] from the first state outside A = ${value.approx} (${count} instances, n = ${n}, exact; ` +
      `the exact sum has a ${total.d.toString().length}-digit denominator)`,
    ok: true,
    mode: ar.label,
    counts: { instances: count, n, systems: count, unknowns: count * (n - 3) },
  };
}

/** The W6 chain of the last run (drawn once per process; module comment of sparseInstance.ts). */
let sparseChainCache: { n: number; seed: number; chain: ReturnType<typeof sparseConductanceChain> } | undefined;

/**
 * W6: the sparse chain of `sparseConductanceChain(n, seed)` analyzed from its
 * kernel alone, as `analyze` analyzes a sparse file: row sums renormalized,
 * structure, stationary law by spanning-tree ratios with its residual bound,
 * float64 reversibility, lambda2 by Lanczos on the symmetrized kernel with
 * its residual bound. As in the reference, drawing the instance is not timed:
 * it is drawn once per process (in the warm-up run) and each run starts from
 * a copy of the kernel. The closed form mu = d / sum(d) only checks the result.
 */
export function sparseChainWorkload(n: number, seed: number): WorkloadResult {
  if (sparseChainCache?.n !== n || sparseChainCache.seed !== seed)
    sparseChainCache = { n, seed, chain: sparseConductanceChain(n, seed) };
  const { kernel: drawn, degrees } = sparseChainCache.chain;
  const kernel = { ...drawn, values: drawn.values.slice() };
  const renormalized = normalizeKernelRows(kernel);
  const structure = sparseStructure(kernel);
  const mirror = mirrorIndex(kernel);
  if (!structure.irreducible || !mirror.symmetric) {
    return {
      value: 0,
      summary: 'the chain is not irreducible with a symmetric pattern',
      ok: false,
      mode: 'float64, sparse',
      counts: { n },
    };
  }
  const { mu } = treeStationary(kernel, mirror.mirror);
  const defect = detailedBalanceDefect(kernel, mirror.mirror, mu);
  const residual = stationaryResidual(kernel, mu);
  let total = 0;
  for (let i = 0; i < n; i++) total += degrees[i]!;
  let closedFormError = 0;
  for (let i = 0; i < n; i++)
    closedFormError = Math.max(closedFormError, Math.abs(mu[i]! - degrees[i]! / total) / (degrees[i]! / total));
  const { S } = symmetrizedKernel(kernel, mirror.mirror, mu);
  const root = new Float64Array(n);
  for (let i = 0; i < n; i++) root[i] = Math.sqrt(mu[i]!);
  let length = 0;
  for (let i = 0; i < n; i++) length += root[i]! * root[i]!;
  length = Math.sqrt(length);
  for (let i = 0; i < n; i++) root[i] = root[i]! / length;
  const spectrum = sparseExtremeEigenvalues(S, { deflate: root });
  const lambda2 = spectrum.largest.value;
  const gap = 1 - lambda2;
  const reversible = defect.relative <= REVERSIBILITY_TOLERANCE;
  return {
    value: floatNumberObject(gap),
    summary:
      `spectral gap ${gap} (lambda2 ${lambda2}, Lanczos, ${spectrum.products} products; S has an eigenvalue within ${spectrum.largest.residualBound.toExponential(2)} of it); ` +
      `n = ${n}, ${kernel.indices.length} nonzeros; max |mu P - mu| <= ${residual.bound.toExponential(2)}; mu vs d / sum(d): ${closedFormError.toExponential(2)} relative; ` +
      `detailed balance defect ${defect.relative.toExponential(2)} relative; ${renormalized.rows} rows renormalized`,
    ok:
      reversible &&
      residual.bound < 1e-12 &&
      closedFormError < 1e-12 &&
      spectrum.largest.residualBound < 1e-8 &&
      gap > 0 &&
      gap <= 2,
    mode: 'float64, sparse, Lanczos',
    counts: {
      n,
      nonzeros: kernel.indices.length,
      products: spectrum.products,
      residualBound: spectrum.largest.residualBound,
      stationaryResidualBound: residual.bound,
      closedFormError,
      renormalizedRows: renormalized.rows,
    },
  };
}

/**
 * W5: every identity certified as `check` certifies it under the standard
 * profile (points, width digits and seeds derived from the default master seed).
 */
export function identitiesWorkload(identities: readonly BenchIdentity[]): WorkloadResult {
  const profile = PROFILES.standard;
  let holds = 0;
  const statuses: Record<string, number> = {};
  for (const { theorem, spec } of identities) {
    const result = checkIdentity(spec, certifyIdentity, {
      points: profile.identityPoints,
      widthDigits: profile.identityWidthDigits,
      seed: deriveSeed(DEFAULT_SEED, theorem, 'identity', spec.name),
    });
    statuses[result.status] = (statuses[result.status] ?? 0) + 1;
    if (identityHolds(result.status)) holds++;
  }
  const breakdown = Object.entries(statuses)
    .map(([status, k]) => `${k} ${status}`)
    .join(', ');
  return {
    value: holds,
    summary: `${holds} of ${identities.length} identities certified${breakdown ? ` (${breakdown})` : ''}`,
    ok: identities.length > 0 && holds === identities.length,
    mode: 'exact / interval',
    counts: { identities: identities.length, holds, ...statuses },
  };
}
