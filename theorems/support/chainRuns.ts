/**
 * The instances of T3 (monotone KL convergence): chain runs, a kernel with a
 * law mu, a start, a step t and a threshold exponent j, and their exact laws.
 *
 * Main definitions
 * - `ChainRun`, `KernelKind`: one run and how its kernel was built.
 * - Kernel families (`KernelFamily`): `positiveKernels` (mu by GTH),
 *   `tunedKernels` (T2's response chains in the exact weight form),
 *   `periodicKernels`, `reducibleKernels` (mu a mixture of the closed
 *   classes' laws), `identityKernels`; grouped as `POSITIVE_FAMILIES`,
 *   `NON_PRIMITIVE_FAMILIES`, `ALL_FAMILIES`.
 * - `chainRuns(families, starts?)`, `nonStationaryRuns(families)`,
 *   `uniformOrAnyStart`: the arbitraries; `tunedFamily(reference)`: the tuned
 *   kernels as a slot family (`ebm-lens assume`).
 * - `chainSpecs`, `ChainParts`: the kit's specs over chain runs and their
 *   parts (src/runner/kit/specs.ts).
 * - Exact laws: `startLaw`, `lawAt` (nu_t = nu_0 P^t), `isStationary`
 *   (mu P = mu); `klOf`, KL(nu || mu) enclosed from exact laws.
 *
 * Implementation details
 * Every law is a BigInt rational; only logarithms are enclosed (`klOf`). The
 * composition order of the arbitraries fixes which instances a seed draws:
 * n first, then kernel, start, t and j.
 */
import fc from 'fast-check';
import { exactArithmetic } from '../../src/arith/exact.js';
import type { Interval, IntervalArithmetic } from '../../src/arith/interval.js';
import { ONE, Rational, ZERO } from '../../src/arith/rational.js';
import { geometricThreshold } from '../../src/arith/geometricThreshold.js';
import { equalVectors, normalize } from '../../src/arith/rationalVector.js';
import { kl, totalVariation } from '../../src/info/divergences.js';
import { stepDistribution } from '../../src/markov/kernel.js';
import { lawAtTime } from '../../src/markov/lawAtTime.js';
import { stationaryDistribution } from '../../src/markov/stationaryDistribution.js';
import { slotFamily, specs, type Predicate, type SlotFamily, type SpecParts } from '../../src/runner/kit/index.js';
import { startDistribution, stochasticMatrix, type StartDistribution } from '../../properties/index.js';
import { describeInstance, exactChain, responseChains } from './responseChain.js';

/** How P was built. */
export type KernelKind = 'positive' | 'tuned' | 'periodic' | 'reducible' | 'identity';

/** A chain run: P, the law mu claimed stationary, a start, a time t and a threshold exponent j (eps = 10^-j). */
export interface ChainRun {
  readonly kind: KernelKind;
  readonly kernel: Rational[][];
  /** mu > 0 with mu P = mu (by GTH or by construction), except where an ablation replaces it. */
  readonly mu: Rational[];
  readonly start: StartDistribution;
  /** The transition nu_t -> nu_{t+1} checked (0..4). */
  readonly t: number;
  /** eps = 10^-j for the limit claim (1..12). */
  readonly j: number;
}

export const STATE_RANGE = { min: 2, max: 5 };
/** The last step t drawn; the decay bound is checked at t = 0..MAX_T. */
export const MAX_T = 4;
/** Steps above which the threshold check is not run (T(eps) is reported instead). */
export const STEP_CAP = 2000;

/** A kernel with its stationary law. */
interface KernelSample {
  kind: KernelKind;
  kernel: Rational[][];
  mu: Rational[];
}

export type KernelFamily = (n: number) => fc.Arbitrary<KernelSample>;

/** Positive rational weights 1..32, normalized: a distribution with every entry positive. */
function positiveRow(size: number): fc.Arbitrary<Rational[]> {
  return fc
    .array(fc.integer({ min: 1, max: 32 }), { minLength: size, maxLength: size })
    .map((ws) => normalize(ws.map((w) => new Rational(BigInt(w)))));
}

/** n rows of positive weights with the entries outside `keep(x, y)` set to 0, renormalized. */
function maskedRows(rows: Rational[][], keep: (x: number, y: number) => boolean): Rational[][] {
  return rows.map((row, x) => normalize(row.map((value, y) => (keep(x, y) ? value : ZERO))));
}

const positiveRows = (n: number): fc.Arbitrary<Rational[][]> =>
  fc.array(positiveRow(n), { minLength: n, maxLength: n });
const withGth = (kind: KernelKind, kernel: Rational[][]): KernelSample => ({
  kind,
  kernel,
  mu: stationaryDistribution(exactArithmetic, kernel),
});

/** Random positive kernels (no structure, non-reversible in general); mu by GTH. */
export const positiveKernels: KernelFamily = (n) =>
  stochasticMatrix({ n, positive: true }).map((kernel) => withGth('positive', kernel));

/** Tuned kernels of T2 (reversible EBM chains, exact); dense priors give P > 0. */
export function tunedKernels(reference: 'reversible' | 'reversibleSparse'): KernelFamily {
  return (n) =>
    responseChains({ n, reference, potential: 'weights', interaction: 'symmetric' }).map((instance) => {
      const { P, mu } = exactChain(instance);
      return { kind: 'tuned' as const, kernel: P, mu };
    });
}

/** Irreducible periodic kernels: states dealt into d >= 2 cyclic classes, each row a positive law on the next class. */
export const periodicKernels: KernelFamily = (n) =>
  fc.tuple(fc.integer({ min: 2, max: n }), positiveRows(n)).map(([d, rows]) =>
    withGth(
      'periodic',
      maskedRows(rows, (x, y) => y % d === ((x % d) + 1) % d),
    ),
  );

/** Reducible kernels: two closed blocks {0..s-1}, {s..n-1}, each positive; mu = a mu_A + (1 - a) mu_B. */
const reducibleKernels: KernelFamily = (n) =>
  fc.tuple(fc.integer({ min: 1, max: n - 1 }), positiveRows(n), fc.integer({ min: 1, max: 15 })).map(([s, rows, a]) => {
    const inA = (x: number): boolean => x < s;
    const kernel = maskedRows(rows, (x, y) => inA(x) === inA(y));
    // x, y range over `states` (a subset of 0..n-1): the kernel is n x n
    const block = (states: number[]): Rational[] =>
      stationaryDistribution(
        exactArithmetic,
        states.map((x) => states.map((y) => kernel[x]![y]!)),
      );
    const weight = new Rational(BigInt(a), 16n);
    const muA = block(Array.from({ length: s }, (_, i) => i));
    const muB = block(Array.from({ length: n - s }, (_, i) => s + i));
    // muA has s entries and muB n - s: x < s reads muA, x >= s reads muB
    const mu = Array.from({ length: n }, (_, x) => (inA(x) ? weight.mul(muA[x]!) : ONE.sub(weight).mul(muB[x - s]!)));
    return { kind: 'reducible' as const, kernel, mu };
  });

/** The identity kernel: every law is stationary; mu a random positive law. */
const identityKernels: KernelFamily = (n) =>
  positiveRow(n).map((mu) => ({
    kind: 'identity' as const,
    kernel: Array.from({ length: n }, (_, x) => Array.from({ length: n }, (_, y) => (x === y ? ONE : ZERO))),
    mu,
  }));

export const POSITIVE_FAMILIES: readonly KernelFamily[] = [positiveKernels, tunedKernels('reversible')];
export const NON_PRIMITIVE_FAMILIES: readonly KernelFamily[] = [periodicKernels, reducibleKernels, identityKernels];
export const ALL_FAMILIES: readonly KernelFamily[] = [
  ...POSITIVE_FAMILIES,
  tunedKernels('reversibleSparse'),
  ...NON_PRIMITIVE_FAMILIES,
];

const steps = { t: fc.integer({ min: 0, max: MAX_T }), j: fc.integer({ min: 1, max: 12 }) };

/** Chain runs on kernels of the given families; starts of every kind (point, 10^-e masses, random, mu itself). */
export function chainRuns(
  families: readonly KernelFamily[],
  starts?: (n: number) => fc.Arbitrary<StartDistribution>,
): fc.Arbitrary<ChainRun> {
  return fc.integer(STATE_RANGE).chain((n) =>
    fc
      .record({
        sample: fc.oneof(...families.map((family) => family(n))),
        start: starts?.(n) ?? startDistribution({ n }),
        ...steps,
      })
      .map(({ sample, start, t, j }): ChainRun => ({ ...sample, start, t, j })),
  );
}

/** The same runs with mu replaced by a positive law that is not stationary (mu(x) times 1..8, renormalized). */
export function nonStationaryRuns(families: readonly KernelFamily[]): fc.Arbitrary<ChainRun> {
  const factors = fc.array(fc.integer({ min: 1, max: 8 }), { minLength: STATE_RANGE.max, maxLength: STATE_RANGE.max });
  return (
    fc
      .tuple(chainRuns(families), factors)
      // x < n <= STATE_RANGE.max = the number of factors
      .map(([run, fs]): ChainRun => ({ ...run, mu: normalize(run.mu.map((m, x) => m.mul(fs[x]!))) }))
      .filter((run) => !isStationary(run))
  );
}

/** Starts: the uniform law half of the time (where KL to the uniform law must grow under a non-doubly-stochastic P). */
export const uniformOrAnyStart = (n: number): fc.Arbitrary<StartDistribution> =>
  fc.oneof(
    fc.constant<StartDistribution>({ kind: 'random', nu: normalize(Array.from({ length: n }, () => ONE)) }),
    startDistribution({ n }),
  );

/** Tuned chains P = pi* of T2 drawn from slots (n, reference, potential, interaction, reward, beta, chainStart). */
export function tunedFamily(reference: 'reversible' | 'reversibleSparse'): SlotFamily<ChainRun> {
  const slots = {
    n: STATE_RANGE,
    reference,
    potential: 'weights',
    interaction: 'symmetric',
    reward: 'pairwise',
    beta: 'default',
    chainStart: 'any',
  } as const;
  return slotFamily(slots, {
    build: (draw) => {
      const { P, mu } = exactChain(draw);
      return fc
        .record(steps)
        .map(({ t, j }): ChainRun => ({ kind: 'tuned', kernel: P, mu, start: draw.chainStart, t, j }));
    },
  });
}

export const describeRun = (run: ChainRun): unknown => describeInstance(run);

/** The specs of T3 over chain runs: interval claims whose checks are predicates, runs shown by `describeRun`. */
export const chainSpecs = specs<ChainRun>({ mode: 'interval', describe: describeRun });
export type ChainParts = SpecParts<ChainRun, Predicate<ChainRun>>;

/** nu_0: the start law, or mu itself for a 'stationary' start. */
export function startLaw(run: ChainRun): Rational[] {
  return run.start.kind === 'stationary' ? [...run.mu] : run.start.nu;
}

/** nu P, exactly. */
export function step(nu: readonly Rational[], kernel: readonly (readonly Rational[])[]): Rational[] {
  return stepDistribution(exactArithmetic, nu, kernel);
}

/** nu_t = nu_0 P^t, exactly. */
export function lawAt(run: ChainRun, t: number): Rational[] {
  return lawAtTime(exactArithmetic, startLaw(run), run.kernel, t);
}

/** mu P = mu, exactly. */
export function isStationary(run: Pick<ChainRun, 'kernel' | 'mu'>): boolean {
  return equalVectors(step(run.mu, run.kernel), run.mu);
}

/** KL(nu || mu) enclosed, from exact laws. */
export function klOf(ar: IntervalArithmetic, nu: readonly Rational[], mu: readonly Rational[]): Interval {
  return kl(
    ar,
    nu.map((v) => ar.fromRational(v)),
    mu.map((v) => ar.fromRational(v)),
  );
}

/** 2 TV(nu_0, mu)^2 / mu_min (without `muMin`: 2 TV(nu_0, mu)^2), the factor of the decay bound. */
export function decayScale(run: ChainRun, muMin = true): Rational {
  const tv0 = totalVariation(exactArithmetic, startLaw(run), run.mu);
  const scale = tv0.mul(tv0).mul(2);
  return muMin ? scale.div(run.mu.reduce((a, b) => (a.lt(b) ? a : b))) : scale;
}

/**
 * m, the first number of blocks of k steps after which the decay bound
 * 2 delta^(2m) TV(nu_0, mu)^2 / mu_min is <= eps = 10^-j, exactly; undefined
 * when k m would exceed `STEP_CAP`.
 */
export function blocksToThreshold(run: ChainRun, k: number, delta: Rational): number | undefined {
  return geometricThreshold(
    delta.mul(delta),
    decayScale(run),
    new Rational(1n, 10n ** BigInt(run.j)),
    Math.floor(STEP_CAP / k),
  );
}
