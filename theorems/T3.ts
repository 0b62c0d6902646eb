/**
 * T3, monotone KL convergence: the law of a Markov chain never moves away
 * from a stationary law in KL divergence, and converges to it when the
 * kernel is positive.
 *
 * For any stochastic P with mu P = mu and any start nu_0, nu_{t+1} = nu_t P:
 *   KL(nu_{t+1} || mu) <= KL(nu_t || mu)   (data processing).
 * If every entry of P is positive, the inequality is strict unless nu_t = mu,
 * and KL(nu_t || mu) -> 0. Under T2's assumptions mu is the high-quality law of
 * T2q. (Claims from the paper's abstract, formalized.)
 * The chain rule behind it: with nu~_y(x) = nu(x) P(x,y) / (nu P)(y) and
 * mu~_y(x) = mu(x) P(x,y) / mu(y) (the reversed kernels),
 *   KL(nu || mu) = KL(nu P || mu) + E_{y ~ nu P} KL(nu~_y || mu~_y),
 * and mu P = mu makes each mu~_y a probability law, so the last term is >= 0,
 * zero iff nu~_y = mu~_y for every y.
 *
 * Main statements
 * - `T3`: the theorem module. Identities: the chain rule for n = 2 and n = 3
 *   (stationary mu by the Markov chain tree theorem), and "the reversed kernel
 *   is a law" (where stationarity enters), n = 3.
 * - Properties (interval): `kl-non-increasing`, `kl-strictly-decreasing`,
 *   `kl-tends-to-zero`, `chain-rule`.
 * - Slots (`assume`): the tuned kernels P = pi* of T2 are drawn from slots
 *   (n, reference, potential, interaction, reward, beta, chainStart); the
 *   other kernel families are not slot-built.
 * - Degree of failure (`klIncrease`): the one-step rise of KL(nu_t || mu)
 *   for a mu that is not stationary.
 * - Assumptions: mu P = mu (needed by the three convergence claims; not by the
 *   chain rule, an identity for every positive mu), and P > 0 (needed by
 *   strictness and by the limit).
 * - Certificate claims (`certify` of every property and mutant): P, nu0, mu as
 *   the instance, mu P = mu as a stationary witness when it holds, nu_t and the
 *   powers of P as definitions; nu_T at T(eps) > 4 enclosed from grid
 *   approximations whose residuals the claim checks exactly (see
 *   `enclosedLawWithin`).
 *
 * Implementation details
 * Laws are exact: P rational, mu by GTH (or, for a reducible kernel, a mixture
 * of the closed classes' laws), nu_t = nu_0 P^t in BigInt rationals. Only the
 * logarithms are enclosed (interval arithmetic, 40 digits doubled up to 640 while
 * undecided), so near-degenerate starts (masses 10^-30) never produce a rounding
 * artifact. Equality KL(nu_{t+1} || mu) = KL(nu_t || mu) is decided exactly when
 * mu P = mu holds exactly: by the chain rule it holds iff nu(x) mu(y) =
 * (nu P)(y) mu(x) whenever P(x,y) > 0 and (nu P)(y) > 0.
 * The limit is made quantitative. Let k <= (n-1)^2 + 1 be the first power with
 * every two rows of P^k overlapping (k = 1 when P > 0), delta = Dobrushin's
 * coefficient of P^k (max over rows of TV(P^k(x,.), P^k(x',.)) < 1, at most
 * 1 - n min P^k). Then TV(nu_t, mu) <= delta^floor(t/k) TV(nu_0, mu) and
 *   KL(nu_t || mu) <= log(1 + chi2) <= chi2 <= 2 TV^2 / mu_min
 *                  <= 2 delta^(2 floor(t/k)) TV(nu_0, mu)^2 / mu_min -> 0,
 * (chi2 <= max|nu - mu| sum|nu - mu| / mu_min and max|nu - mu| <= TV). The
 * property checks this bound at t = 0..4, and KL(nu_T || mu) <= eps at the step
 * count T(eps) (a multiple of k) where the bound first drops below eps = 10^-j,
 * j in 1..12 (nu_T enclosed by interval steps). When no power contracts (P is not
 * primitive: periodic or reducible), the property looks for an invariant set: C
 * and d <= n with P^d 1_C = 1_C and nu_0(C) != mu(C); then nu_{jd}(C) = nu_0(C)
 * for every j and, by Pinsker, KL(nu_{jd} || mu) >= 2 (nu_0(C) - mu(C))^2 > 0: a
 * decided counterexample to the limit. The chain tools are src/markov's:
 * `contractingPower` (k and delta), `invariantSetWitness` (C and d), `lawAtTime`.
 */
import fc from 'fast-check';
import { exactArithmetic } from '../src/arith/exact.js';
import { intervalArithmetic, type Interval, type IntervalArithmetic } from '../src/arith/interval.js';
import { ONE, Rational, ZERO } from '../src/arith/rational.js';
import { equalVectors, normalize } from '../src/arith/rationalVector.js';
import { kl, totalVariation } from '../src/info/divergences.js';
import { matrixProduct } from '../src/linalg/matrix.js';
import { contractingPower } from '../src/markov/contraction.js';
import { invariantSetWitness } from '../src/markov/invariantSet.js';
import { stepDistribution } from '../src/markov/kernel.js';
import { lawAtTime, lawAtTimeBySquaring } from '../src/markov/lawAtTime.js';
import { stationaryDistribution } from '../src/markov/stationaryDistribution.js';
import type { NumberObject } from '../src/arith/numberObject.js';
import { fail, pass, undecided, type AssumptionSpec, type IdentitySpec, type PropertySpec, type Theorem, type Verdict } from '../src/runner/theorem.js';
import { EQUALITY_PRECISION, decideInIntervals, equalTo30Digits } from '../src/runner/decideInIntervals.js';
import {
  abs,
  add,
  all,
  and,
  div,
  eq,
  eq30,
  gt,
  ifThen,
  implies,
  klDivergence,
  le,
  log,
  lt,
  matrixValue,
  max,
  min,
  mul,
  not,
  num,
  or,
  pow,
  rationalValue,
  ref,
  sub,
  sum,
  totalVariation as tvOf,
  vectorValue,
  xlogy,
} from '../src/certificate/build.js';
import type { CertifiedClaim } from '../src/certificate/evaluateClaim.js';
import type { BoolExpr, Definition, InstanceValue, InstanceValues, NumExpr } from '../src/certificate/format.js';
import { slotFamily, slotLaboratory, type PropertyFamilies, type SlotFamily } from './support/slotLab.js';
import { startDistribution, stochasticMatrix, type StartDistribution } from '../properties/index.js';
import {
  describeInstance,
  exactChain,
  exactValue,
  responseChains,
  type ResponseChainInstance,
} from './support/responseChain.js';

// ---------------------------------------------------------------- instances

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

const STATE_RANGE = { min: 2, max: 5 };
const MAX_T = 4;

/** A kernel with its stationary law. */
interface KernelSample {
  kind: KernelKind;
  kernel: Rational[][];
  mu: Rational[];
}

/** Positive rational weights 1..32, normalized: a distribution with every entry positive. */
function positiveRow(size: number): fc.Arbitrary<Rational[]> {
  return fc.array(fc.integer({ min: 1, max: 32 }), { minLength: size, maxLength: size }).map((ws) => normalize(ws.map((w) => new Rational(BigInt(w)))));
}

/** Random positive kernels (no structure, non-reversible in general); mu by GTH. */
function positiveKernels(n: number): fc.Arbitrary<KernelSample> {
  return stochasticMatrix({ n, positive: true }).map((kernel) => ({ kind: 'positive' as const, kernel, mu: stationaryDistribution(exactArithmetic, kernel) }));
}

/** Tuned kernels of T2 (reversible EBM chains, exact); dense priors give P > 0. */
function tunedKernels(n: number, reference: 'reversible' | 'reversibleSparse'): fc.Arbitrary<KernelSample> {
  return responseChains({ n, reference, potential: 'weights', interaction: 'symmetric' }).map((instance) => {
    const { P, mu } = exactChain(instance);
    return { kind: 'tuned' as const, kernel: P, mu };
  });
}

/** Irreducible periodic kernels: states dealt into d >= 2 cyclic classes, each row a positive law on the next class. */
function periodicKernels(n: number): fc.Arbitrary<KernelSample> {
  return fc
    .tuple(fc.integer({ min: 2, max: n }), fc.array(positiveRow(n), { minLength: n, maxLength: n }))
    .map(([d, rows]) => {
      const cls = (x: number): number => x % d;
      const kernel = rows.map((row, x) => normalize(row.map((value, y) => (cls(y) === (cls(x) + 1) % d ? value : ZERO))));
      return { kind: 'periodic' as const, kernel, mu: stationaryDistribution(exactArithmetic, kernel) };
    });
}

/** Reducible kernels: two closed blocks {0..s-1}, {s..n-1}, each positive; mu = a mu_A + (1 - a) mu_B. */
function reducibleKernels(n: number): fc.Arbitrary<KernelSample> {
  return fc
    .tuple(fc.integer({ min: 1, max: n - 1 }), fc.array(positiveRow(n), { minLength: n, maxLength: n }), fc.integer({ min: 1, max: 15 }))
    .map(([s, rows, a]) => {
      const inA = (x: number): boolean => x < s;
      const kernel = rows.map((row, x) => normalize(row.map((value, y) => (inA(x) === inA(y) ? value : ZERO))));
      const block = (states: number[]): Rational[] => stationaryDistribution(exactArithmetic, states.map((x) => states.map((y) => kernel[x]![y]!)));
      const A = Array.from({ length: s }, (_, i) => i);
      const B = Array.from({ length: n - s }, (_, i) => s + i);
      const weight = new Rational(BigInt(a), 16n);
      const muA = block(A);
      const muB = block(B);
      const mu = Array.from({ length: n }, (_, x) => (inA(x) ? weight.mul(muA[x]!) : ONE.sub(weight).mul(muB[x - s]!)));
      return { kind: 'reducible' as const, kernel, mu };
    });
}

/** The identity kernel: every law is stationary; mu a random positive law. */
function identityKernels(n: number): fc.Arbitrary<KernelSample> {
  return positiveRow(n).map((mu) => ({
    kind: 'identity' as const,
    kernel: Array.from({ length: n }, (_, x) => Array.from({ length: n }, (_, y) => (x === y ? ONE : ZERO))),
    mu,
  }));
}

type KernelFamily = (n: number) => fc.Arbitrary<KernelSample>;

const POSITIVE_FAMILIES: KernelFamily[] = [positiveKernels, (n) => tunedKernels(n, 'reversible')];
const NON_PRIMITIVE_FAMILIES: KernelFamily[] = [periodicKernels, reducibleKernels, identityKernels];
const ALL_FAMILIES: KernelFamily[] = [...POSITIVE_FAMILIES, (n) => tunedKernels(n, 'reversibleSparse'), ...NON_PRIMITIVE_FAMILIES];

/** Chain runs on kernels of the given families; starts of every kind (point, 10^-e masses, random, mu itself). */
function chainRuns(families: readonly KernelFamily[], starts?: (n: number) => fc.Arbitrary<StartDistribution>): fc.Arbitrary<ChainRun> {
  return fc.integer(STATE_RANGE).chain((n) =>
    fc
      .record({
        sample: fc.oneof(...families.map((family) => family(n))),
        start: starts?.(n) ?? startDistribution({ n }),
        t: fc.integer({ min: 0, max: MAX_T }),
        j: fc.integer({ min: 1, max: 12 }),
      })
      .map(({ sample, start, t, j }): ChainRun => ({ ...sample, start, t, j })),
  );
}

/** The same runs with mu replaced by a positive law that is not stationary (mu(x) times 1..8, renormalized). */
function nonStationaryRuns(families: readonly KernelFamily[]): fc.Arbitrary<ChainRun> {
  return fc
    .tuple(chainRuns(families), fc.array(fc.integer({ min: 1, max: 8 }), { minLength: STATE_RANGE.max, maxLength: STATE_RANGE.max }))
    .map(([run, factors]): ChainRun => ({ ...run, mu: normalize(run.mu.map((m, x) => m.mul(factors[x]!))) }))
    .filter((run) => !isStationary(run));
}

const describe = (run: ChainRun): unknown => describeInstance(run);

// ---------------------------------------------------------------- exact laws

/** nu_0: the start law, or mu itself for a 'stationary' start. */
export function startLaw(run: ChainRun): Rational[] {
  return run.start.kind === 'stationary' ? [...run.mu] : run.start.nu;
}

/** nu P, exactly. */
function step(nu: readonly Rational[], kernel: readonly (readonly Rational[])[]): Rational[] {
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

/**
 * KL(nu P || mu) = KL(nu || mu), decided exactly for a stationary mu: by the
 * chain rule the drop is sum_y (nu P)(y) KL(nu~_y || mu~_y) with each mu~_y a
 * law, zero iff nu(x) mu(y) = (nu P)(y) mu(x) whenever P(x,y) > 0 and (nu P)(y) > 0.
 */
export function klDropVanishes(nu: readonly Rational[], nuP: readonly Rational[], mu: readonly Rational[], kernel: readonly (readonly Rational[])[]): boolean {
  for (let x = 0; x < nu.length; x++) {
    for (let y = 0; y < nu.length; y++) {
      if (kernel[x]![y]!.n === 0n || nuP[y]!.n === 0n) continue;
      if (!nu[x]!.mul(mu[y]!).equals(nuP[y]!.mul(mu[x]!))) return false;
    }
  }
  return true;
}

/** KL(nu || mu) enclosed, from exact laws. */
function klOf(ar: IntervalArithmetic, nu: readonly Rational[], mu: readonly Rational[]): Interval {
  return kl(
    ar,
    nu.map((v) => ar.fromRational(v)),
    mu.map((v) => ar.fromRational(v)),
  );
}

// ---------------------------------------------------------------- predicates

/** KL(nu_{t+1} || mu) <= KL(nu_t || mu) (or < when `strict`), exact equality first, then intervals. */
function klStepVerdict(run: ChainRun, strict: boolean, reference?: { name: string; law: (run: ChainRun) => Rational[] }): Verdict {
  const name = reference?.name ?? 'mu';
  const mu = reference?.law(run) ?? run.mu;
  const nu = lawAt(run, run.t);
  const next = step(nu, run.kernel);
  const claim = strict ? `KL(nu_{t+1} || ${name}) < KL(nu_t || ${name}) for nu_t != ${name}` : `KL(nu_{t+1} || ${name}) <= KL(nu_t || ${name})`;
  if (strict && equalVectors(nu, mu)) return pass(Number.POSITIVE_INFINITY); // premise false: nu_t = mu, nothing is claimed
  const equalDivergences = (why: string): Verdict => {
    if (!strict) return pass(0);
    const ar = intervalArithmetic(40);
    return fail(`${claim}: ${why}, although nu_t != ${name}`, {
      [`KL(nu_t || ${name}) = KL(nu_{t+1} || ${name})`]: ar.toNumberObject(klOf(ar, nu, mu)),
      nu_t: nu.map((v) => v.toFraction()).join(', '),
      t: String(run.t),
    });
  };
  if (equalVectors(next, nu)) return equalDivergences('nu_{t+1} = nu_t exactly');
  if (isStationary({ kernel: run.kernel, mu }) && klDropVanishes(nu, next, mu, run.kernel)) {
    return equalDivergences('the KL drop is exactly 0 (the reversed kernels of nu_t and mu agree, decided exactly)');
  }
  return decideInIntervals(claim, (ar) => {
    const before = klOf(ar, nu, mu);
    const after = klOf(ar, next, mu);
    const drop = ar.sub(before, after);
    const sign = ar.sign(drop);
    if (sign === undefined) return undefined;
    if (sign > 0) return pass(ar.lowerRational(drop).valueOf());
    if (sign === 0 && !strict) return pass(0);
    return fail(claim, {
      [`KL(nu_t || ${name})`]: ar.toNumberObject(before),
      [`KL(nu_{t+1} || ${name})`]: ar.toNumberObject(after),
      t: String(run.t),
      precision: ar.label,
    });
  });
}

/** Steps above which the threshold check is not run (T(eps) is reported instead). */
const STEP_CAP = 2000;

/**
 * m >= 0 with 2 delta^(2m) tv0^2 / muMin <= eps, verified exactly (float64 only
 * proposes m); undefined when k m would exceed `STEP_CAP`.
 */
function blocksBelow(delta: Rational, tv0: Rational, muMin: Rational, eps: Rational, k: number): number | undefined {
  const target = eps.mul(muMin).div(tv0.mul(tv0).mul(2));
  if (target.gte(ONE)) return 0;
  if (delta.n === 0n) return 1;
  let m = Math.max(1, Math.ceil(Math.log(target.valueOf()) / (2 * Math.log(delta.valueOf()))));
  if (!Number.isFinite(m) || k * m > STEP_CAP) return undefined;
  while (delta.pow(2 * m).gt(target)) {
    m += 1;
    if (k * m > STEP_CAP) return undefined;
  }
  return m;
}

function limitVerdict(run: ChainRun, dropMuMin = false): Verdict {
  const claim = dropMuMin ? 'KL(nu_t || mu) <= 2 delta^(2 floor(t/k)) TV(nu_0, mu)^2' : 'KL(nu_t || mu) <= 2 delta^(2 floor(t/k)) TV(nu_0, mu)^2 / mu_min -> 0';
  const nu0 = startLaw(run);
  if (equalVectors(nu0, run.mu) && isStationary(run)) return pass(0); // nu_t = mu for all t: KL = 0
  const contracting = contractingPower(exactArithmetic, run.kernel);
  if (contracting === undefined) {
    const witness = invariantSetWitness(exactArithmetic, run.kernel, startLaw(run), run.mu);
    if (witness === undefined) {
      return undecided('no power of P up to (n-1)^2 + 1 contracts (P is not primitive) and no invariant set separates nu_0 from mu: the limit is not decided');
    }
    const gapC = witness.start.sub(witness.stationary);
    return fail(
      `KL(nu_t || mu) does not tend to 0: P^${witness.d} keeps C = {${witness.states.join(', ')}} invariant, so nu_{${witness.d}j}(C) = nu_0(C) != mu(C) for every j ` +
        `and KL(nu_{${witness.d}j} || mu) >= 2 (nu_0(C) - mu(C))^2 (Pinsker)`,
      { 'nu_0(C)': exactValue(witness.start), 'mu(C)': exactValue(witness.stationary), 'lower bound on KL for every j': exactValue(gapC.mul(gapC).mul(2)) },
    );
  }
  const { k, delta } = contracting;
  const tv0 = totalVariation(exactArithmetic, nu0, run.mu);
  const muMin = run.mu.reduce((a, b) => (a.lt(b) ? a : b));
  const scale = dropMuMin ? tv0.mul(tv0).mul(2) : tv0.mul(tv0).mul(2).div(muMin);
  const bound = (t: number): Rational => delta.pow(2 * Math.floor(t / k)).mul(scale);
  const checks: { t: number; law: Rational[] | undefined; bound: Rational }[] = [];
  for (let t = 0; t <= MAX_T; t++) checks.push({ t, law: lawAt(run, t), bound: bound(t) });
  const eps = new Rational(1n, 10n ** BigInt(run.j));
  if (!dropMuMin && tv0.n !== 0n) {
    const m = blocksBelow(delta, tv0, muMin, eps, k);
    if (m !== undefined && k * m > MAX_T) checks.push({ t: k * m, law: undefined, bound: eps });
  }
  return decideInIntervals(claim, (ar) => {
    let margin = Number.POSITIVE_INFINITY;
    for (const check of checks) {
      if (check.law !== undefined && equalVectors(check.law, run.mu)) continue; // KL = 0 <= bound
      const divergence =
        check.law !== undefined
          ? klOf(ar, check.law, run.mu)
          : kl(
              ar,
              lawAtTimeBySquaring(
                ar,
                nu0.map((v) => ar.fromRational(v)),
                run.kernel.map((row) => row.map((v) => ar.fromRational(v))),
                check.t,
              ),
              run.mu.map((v) => ar.fromRational(v)),
            );
      const slack = ar.sub(ar.fromRational(check.bound), divergence);
      const sign = ar.sign(slack);
      if (sign === undefined) return undefined;
      if (sign < 0) {
        return fail(`${claim} fails at t = ${check.t}${check.law === undefined ? ` (T(eps) for eps = 1e-${run.j})` : ''}`, {
          'KL(nu_t || mu)': ar.toNumberObject(divergence),
          bound: exactValue(check.bound),
          delta: exactValue(delta),
          k: String(k),
          t: String(check.t),
          precision: ar.label,
        });
      }
      margin = Math.min(margin, ar.lowerRational(slack).valueOf());
    }
    return pass(margin === Number.POSITIVE_INFINITY ? 0 : margin);
  });
}

/** KL(nu || mu) - KL(nu P || mu) - sum_y weight(y) KL(nu~_y || mu~_y), with weight = nu P (the chain rule) or another law (a mutant). */
function chainRuleVerdict(run: ChainRun, weightOf: (nuP: Rational[], mu: Rational[]) => Rational[], claim: string): Verdict {
  const { kernel, mu } = run;
  const nu = lawAt(run, run.t);
  const nuP = step(nu, kernel);
  const weights = weightOf(nuP, mu);
  const reversed = nuP.map((mass, y) =>
    mass.n === 0n
      ? undefined
      : {
          nu: nu.map((v, x) => v.mul(kernel[x]![y]!).div(mass)),
          mu: mu.map((v, x) => v.mul(kernel[x]![y]!).div(mu[y]!)),
        },
  );
  return decideInIntervals(claim, (ar) => {
    const lhs = klOf(ar, nu, mu);
    let rhs = klOf(ar, nuP, mu);
    reversed.forEach((pair, y) => {
      if (pair !== undefined) rhs = ar.add(rhs, ar.mul(ar.fromRational(weights[y]!), klOf(ar, pair.nu, pair.mu)));
    });
    const difference = ar.sub(lhs, rhs);
    const { verdict, width } = equalTo30Digits(ar, difference);
    if (verdict === 'open') return undefined;
    if (verdict === 'equal') return pass(width);
    return fail(claim, { 'KL(nu || mu)': ar.toNumberObject(lhs), 'right-hand side': ar.toNumberObject(rhs), difference: ar.toNumberObject(difference), precision: ar.label });
  });
}

// ---------------------------------------------------------------- certificate claims

/*
 * The claims in the certificate language (src/certificate/). The instance is
 * P, the start nu0 and, where the claim is about it, the law mu, with the
 * witness mu P = mu (P stochastic) exactly when that holds: never for the
 * non-stationary mu of an ablation, nor for the uniform law of a mutant.
 * nu_s = nu_{s-1} P and the powers of P are definitions. Rational parts of a
 * claim are evaluated exactly (also inside interval claims), so the equalities
 * the predicates decide exactly (nu_{t+1} = nu_t, a vanishing KL drop,
 * nu_t = mu) are plain comparisons here.
 */

/** The range of states 0..n-1: the rows of the instance's P. */
const STATES = 'P';

const lawName = (s: number): string => `nu${s}`;

/** P, nu0 and (with `withMu`) mu, with the witness mu P = mu when it holds exactly. */
function chainInstance(run: ChainRun, withMu: boolean, extra: InstanceValues = {}): Omit<CertifiedClaim, 'claim'> {
  const instance: InstanceValues = { P: matrixValue(run.kernel), nu0: vectorValue(startLaw(run)), ...(withMu ? { mu: vectorValue(run.mu) } : {}), ...extra };
  return withMu && isStationary(run) ? { instance, witnesses: [{ kind: 'stationary', matrix: 'P', law: 'mu' }] } : { instance };
}

/** The law a P as a definition (a: a named law). */
const imageUnderP = (a: string): Definition => ({ index: ['y'], body: sum('x', STATES, mul(ref(a, 'x'), ref('P', 'x', 'y'))) });

/** The laws nu_s = nu_{s-1} P, s = 1..last. */
function lawDefs(last: number): Record<string, Definition> {
  const defs: Record<string, Definition> = {};
  for (let s = 1; s <= last; s++) defs[lawName(s)] = imageUnderP(lawName(s - 1));
  return defs;
}

/** P^e (e >= 1) by squaring, its definitions added to `defs`; returns its name. */
function matrixPower(e: number, defs: Record<string, Definition>): string {
  if (e === 1) return 'P';
  const name = `P^${e}`;
  if (defs[name] === undefined) {
    const [a, b] = e % 2 === 0 ? [matrixPower(e / 2, defs), matrixPower(e / 2, defs)] : [matrixPower(e - 1, defs), 'P'];
    defs[name] = { index: ['x', 'y'], body: sum('z', STATES, mul(ref(a, 'x', 'z'), ref(b, 'z', 'y'))) };
  }
  return name;
}

/** a = b entrywise (a, b named laws). */
const sameLawAs = (a: string, b: string): BoolExpr => all('x', STATES, eq(ref(a, 'x'), ref(b, 'x')));
const klTo = (p: string, q: string): NumExpr => klDivergence(p, q, STATES);

/**
 * KL(nu_{t+1} || r) <= KL(nu_t || r), or with `strict` KL(nu_{t+1} || r) < KL(nu_t || r)
 * unless nu_t = r, for r = mu or the uniform law u. The equality cases are
 * decided exactly, as the predicate does: nu_{t+1} = nu_t, and r P = r with the
 * reversed kernels of nu_t and r equal (nu_t(x) r(y) = nu_{t+1}(y) r(x) wherever
 * P(x,y) > 0), where the chain rule makes the drop exactly 0.
 */
function klStepClaim(run: ChainRun, strict: boolean, reference: 'mu' | 'u'): CertifiedClaim {
  const r = reference;
  const [t, t1] = [run.t, run.t + 1];
  const [now, next] = [lawName(t), lawName(t1)];
  const defs: Record<string, Definition> = { ...lawDefs(t1), [`${r}P`]: imageUnderP(r) };
  if (r === 'u') defs.u = { index: ['x'], body: num(`1/${run.kernel.length}`) };
  const stays = sameLawAs(next, now);
  const reversedAgree = all('x', STATES, all('y', STATES, implies(gt(ref('P', 'x', 'y'), num(0)), eq(mul(ref(now, 'x'), ref(r, 'y')), mul(ref(next, 'y'), ref(r, 'x'))))));
  const dropVanishes = and(sameLawAs(`${r}P`, r), reversedAgree);
  const divergences = [klTo(next, r), klTo(now, r)] as const;
  const cases = `equality cases decided exactly: nu${t1} = nu${t}, or ${r} P = ${r} with nu${t}(x) ${r}(y) = nu${t1}(y) ${r}(x) wherever P(x,y) > 0 (the KL drop is then 0 by the chain rule)`;
  const claim = strict
    ? {
        text: `KL(nu${t1} || ${r}) < KL(nu${t} || ${r}) unless nu${t} = ${r}, nu_s = nu0 P^s; ${cases}`,
        defs,
        assert: implies(not(sameLawAs(now, r)), and(not(stays), not(dropVanishes), lt(...divergences))),
      }
    : { text: `KL(nu${t1} || ${r}) <= KL(nu${t} || ${r}), nu_s = nu0 P^s; ${cases}`, defs, assert: or(stays, dropVanishes, le(...divergences)) };
  return { claim, ...chainInstance(run, r === 'mu') };
}

/** The smallest m >= 0 with scale delta^(2m) <= eps, exactly (integer powers of delta's numerator and denominator); undefined when k m > STEP_CAP. */
function blocksToThreshold(delta: Rational, scale: Rational, eps: Rational, k: number): number | undefined {
  const below = (m: number): boolean => delta.n ** BigInt(2 * m) * scale.n * eps.d <= delta.d ** BigInt(2 * m) * eps.n * scale.d;
  if (below(0)) return 0;
  if (delta.n === 0n) return 1;
  const guess = Math.ceil(Math.log(eps.div(scale).valueOf()) / (2 * Math.log(delta.valueOf())));
  let m = Number.isFinite(guess) ? Math.min(Math.max(1, guess), Math.floor(STEP_CAP / k) + 1) : 1;
  while (m > 1 && below(m - 1)) m -= 1;
  while (!below(m)) {
    m += 1;
    if (k * m > STEP_CAP) return undefined;
  }
  return k * m > STEP_CAP ? undefined : m;
}

/** Exponents of delta above which the bound is compared with eps through logarithms (exact powers grow with the exponent). */
const EXACT_POWER_LIMIT = 64;
/** The grid of the supplied approximations of P^(2^i) and of nu0 P^s: multiples of 10^-40. */
const GRID = 10n ** 40n;

/** The nearest point of the grid to q >= 0. */
function toGrid(q: Rational): Rational {
  return new Rational((2n * q.n * GRID + q.d) / (2n * q.d), GRID);
}

/** ||M||_inf = max_x sum_y |M(x,y)|, with M(x,y) = entry(x) over the bound index y. */
const rowSumNorm = (n: number, entry: (x: number) => NumExpr): NumExpr => max(...Array.from({ length: n }, (_, x) => sum('y', STATES, abs(entry(x)))));

/**
 * KL(nu_T || mu) <= eps for nu_T = nu0 P^T with T up to STEP_CAP, where exact powers
 * are far too large (thousands of digits), from supplied grid points checked
 * exactly by the claim:
 * - Q_p ~ P^p for p = 2, 4, ..., with Q_1 = P and errors e_1 = 0,
 *   e_{2p} = e_p (1 + ||Q_p||) + ||Q_p Q_p - Q_{2p}|| >= ||P^{2p} - Q_{2p}|| (infinity norms;
 *   ||P^p|| = 1);
 * - w_i ~ nu0 P^(p_1 + ... + p_i) over the binary digits p_i of T, w_0 = nu0, errors
 *   f_0 = 0, f_i = f_{i-1} + ||w_{i-1}||_1 e_{p_i} + ||w_{i-1} Q_{p_i} - w_i||_1;
 * so |nu_T(x) - w(x)| <= f at the last step, and since s log(s / mu(x)) is convex,
 * KL(nu_T || mu) <= sum_x max of it at max(w(x) - f, 0) and w(x) + f.
 */
function enclosedLawWithin(run: ChainRun, T: number, defs: Record<string, Definition>, values: Record<string, InstanceValue>): BoolExpr {
  const n = run.kernel.length;
  const approximation = new Map<number, Rational[][]>([[1, run.kernel]]);
  const name = (p: number): string => (p === 1 ? 'P' : `Q${p}`);
  const error = (p: number): NumExpr => (p === 1 ? num(0) : ref(`e${p}`));
  for (let p = 2; p <= T; p *= 2) {
    const half = approximation.get(p / 2)!;
    approximation.set(p, matrixProduct(exactArithmetic, half, half).map((row) => row.map(toGrid)));
    values[name(p)] = matrixValue(approximation.get(p)!);
    const squareResidual = rowSumNorm(n, (x) => sub(sum('z', STATES, mul(ref(name(p / 2), x, 'z'), ref(name(p / 2), 'z', 'y'))), ref(name(p), x, 'y')));
    defs[`e${p}`] = { index: [], body: add(mul(error(p / 2), add(num(1), rowSumNorm(n, (x) => ref(name(p / 2), x, 'y')))), squareResidual) };
  }
  let [w, previous, step] = [startLaw(run), 'nu0', 0];
  let accumulated: NumExpr = num(0);
  for (let p = 1; p <= T; p *= 2) {
    if ((T & p) === 0) continue;
    step += 1;
    w = stepDistribution(exactArithmetic, w, approximation.get(p)!).map(toGrid);
    values[`w${step}`] = vectorValue(w);
    const stepResidual = sum('y', STATES, abs(sub(sum('x', STATES, mul(ref(previous, 'x'), ref(name(p), 'x', 'y'))), ref(`w${step}`, 'y'))));
    defs[`f${step}`] = { index: [], body: add(accumulated, mul(sum('x', STATES, abs(ref(previous, 'x'))), error(p)), stepResidual) };
    [previous, accumulated] = [`w${step}`, ref(`f${step}`)];
  }
  const low = max(sub(ref(previous, 'x'), accumulated), num(0));
  const high = add(ref(previous, 'x'), accumulated);
  return le(sum('x', STATES, max(xlogy(low, ref('mu', 'x')), xlogy(high, ref('mu', 'x')))), ref('eps'));
}

/**
 * KL(nu_t || mu) <= 2 delta^(2 floor(t/k)) TV(nu0, mu)^2 / mu_min for t = 0..4, with
 * delta = max over pairs of rows of TV(P^k(x,.), P^k(z,.)) < 1; and (with mu_min)
 * KL(nu_T || mu) <= eps at T = k m, m the first number of blocks where the bound is
 * <= eps, when T <= STEP_CAP (otherwise the claim states that the bound is still
 * above eps after STEP_CAP steps: T(eps) is not checked, as in the predicate).
 * nu_T is a definition for T <= 4 and enclosed from checked grid points beyond.
 */
function decayBoundClaim(run: ChainRun, k: number, delta: Rational | undefined, dropMuMin: boolean): CertifiedClaim {
  const n = run.kernel.length;
  const defs: Record<string, Definition> = lawDefs(MAX_T);
  const Pk = matrixPower(k, defs);
  const rowPairs: NumExpr[] = [];
  for (let x = 0; x < n; x++) for (let z = x + 1; z < n; z++) rowPairs.push(mul(num('1/2'), sum('y', STATES, abs(sub(ref(Pk, x, 'y'), ref(Pk, z, 'y'))))));
  defs.delta = { index: [], body: max(...rowPairs) };
  defs.tv0 = { index: [], body: tvOf('nu0', 'mu', STATES) };
  defs.muMin = { index: [], body: min(...run.mu.map((_, x) => ref('mu', x))) };
  const scale = mul(num(2), pow(ref('tv0'), 2));
  const bound = (blocks: number): NumExpr => {
    const core = mul(scale, pow(ref('delta'), 2 * blocks));
    return dropMuMin ? core : div(core, ref('muMin'));
  };
  const parts: BoolExpr[] = [lt(ref('delta'), num(1))];
  for (let t = 0; t <= MAX_T; t++) parts.push(le(klTo(lawName(t), 'mu'), bound(Math.floor(t / k))));
  let text = `delta = Dobrushin coefficient of P^${k} < 1 and KL(nu_t || mu) <= 2 delta^(2 floor(t/${k})) TV(nu0, mu)^2${dropMuMin ? '' : ' / muMin'} for t = 0..${MAX_T}`;
  if (dropMuMin || delta === undefined) return { claim: { text, defs, assert: and(...parts) }, ...chainInstance(run, true) };

  // T(eps): the bound after m blocks against eps, through logarithms for large exponents.
  const eps = new Rational(1n, 10n ** BigInt(run.j));
  const values: Record<string, InstanceValue> = { eps: rationalValue(eps) };
  const compareWithEps = (blocks: number, cmp: (a: NumExpr, b: NumExpr) => BoolExpr): BoolExpr =>
    2 * blocks <= EXACT_POWER_LIMIT
      ? cmp(bound(blocks), ref('eps'))
      : cmp(add(log(div(scale, ref('muMin'))), mul(num(2 * blocks), log(ref('delta')))), log(ref('eps')));
  const tv0 = totalVariation(exactArithmetic, startLaw(run), run.mu);
  const muMin = run.mu.reduce((a, b) => (a.lt(b) ? a : b));
  const m = blocksToThreshold(delta, tv0.mul(tv0).mul(2).div(muMin), eps, k);
  if (m === undefined) {
    const capBlocks = Math.floor(STEP_CAP / k);
    parts.push(compareWithEps(capBlocks, gt));
    text += `; T(eps) > ${STEP_CAP} (the bound after ${capBlocks} blocks of ${k} steps is still above eps = 10^-${run.j}, compared through logarithms): not checked`;
  } else {
    const T = k * m;
    parts.push(compareWithEps(m, le));
    if (m > 0) parts.push(compareWithEps(m - 1, gt));
    parts.push(T <= MAX_T ? le(klTo(lawName(T), 'mu'), ref('eps')) : enclosedLawWithin(run, T, defs, values));
    text +=
      `; at T(eps) = ${T} (${m} blocks of ${k} steps, the first where the bound is <= eps = 10^-${run.j}${2 * m > EXACT_POWER_LIMIT ? ', compared through logarithms' : ''}) KL(nu_T || mu) <= eps` +
      (T <= MAX_T ? '' : `, nu_T = nu0 P^${T} enclosed: |nu_T - w| <= f from grid points Q_p ~ P^p (p = 2, 4, ...) and w_i ~ nu0 P^s with exactly checked residuals, KL at the ends of the enclosure (convexity)`);
  }
  return { claim: { text, defs, assert: and(...parts) }, ...chainInstance(run, true, values) };
}

/**
 * The limit refuted: P^d 1_C = 1_C and nu0(C) != mu(C), so nu_{dj}(C) = nu0(C) for
 * every j and KL(nu_{dj} || mu) >= 2 (nu0(C) - mu(C))^2 > 0 (Pinsker).
 */
function invariantSetClaim(run: ChainRun, witness: { states: number[]; d: number }): CertifiedClaim {
  const defs: Record<string, Definition> = {};
  const Pd = matrixPower(witness.d, defs);
  const massOf = (law: string): NumExpr => sum('x', STATES, mul(ref(law, 'x'), ref('C', 'x')));
  const indicator = run.kernel.map((_, x) => (witness.states.includes(x) ? '1' : '0'));
  const invariant = all('x', STATES, eq(sum('y', STATES, mul(ref(Pd, 'x', 'y'), ref('C', 'y'))), ref('C', 'x')));
  const separated = gt(mul(num(2), pow(sub(massOf('nu0'), massOf('mu')), 2)), num(0));
  return {
    claim: {
      text: `KL(nu_t || mu) -> 0, refuted by the invariant set C of P^${witness.d}: P^${witness.d} 1_C = 1_C and 2 (nu0(C) - mu(C))^2 > 0 bounds KL(nu_{${witness.d}j} || mu) from below for every j (Pinsker)`,
      defs,
      assert: not(and(invariant, separated)),
    },
    ...chainInstance(run, true, { C: indicator }),
  };
}

/** KL(nu_t || mu) -> 0 (or the decay bound without mu_min), as the predicate decides it: the contraction bound, a stationary start, or an invariant set. */
function limitClaim(run: ChainRun, dropMuMin = false): CertifiedClaim {
  const contracting = contractingPower(exactArithmetic, run.kernel);
  if (contracting !== undefined) return decayBoundClaim(run, contracting.k, contracting.delta, dropMuMin);
  if (equalVectors(startLaw(run), run.mu) && isStationary(run)) {
    return { claim: { text: 'nu0 = mu with mu P = mu: nu_t = mu and KL(nu_t || mu) = 0 for every t', assert: sameLawAs('nu0', 'mu') }, ...chainInstance(run, true) };
  }
  const witness = invariantSetWitness(exactArithmetic, run.kernel, startLaw(run), run.mu);
  if (witness !== undefined) return invariantSetClaim(run, witness);
  // No power up to Wielandt's (n-1)^2 + 1 contracts and no invariant set separates: the claim shows delta = 1 (the predicate is undecided).
  return decayBoundClaim(run, (run.kernel.length - 1) ** 2 + 1, undefined, dropMuMin);
}

/**
 * KL(nu_t || mu) = KL(nu_{t+1} || mu) + sum_y w(y) KL(nu~_y || mu~_y) to 30 digits, with the
 * reversed kernels nu~_y(x) = nu_t(x) P(x,y) / nu_{t+1}(y) (for nu_{t+1}(y) > 0) and
 * mu~_y(x) = mu(x) P(x,y) / mu(y); w = nu_{t+1} (the chain rule) or mu (a mutant).
 * No witness: the identity holds for every positive mu.
 */
function chainRuleClaim(run: ChainRun, weight: 'nuP' | 'mu'): CertifiedClaim {
  const [now, next] = [lawName(run.t), lawName(run.t + 1)];
  const w = weight === 'nuP' ? next : 'mu';
  const defs: Record<string, Definition> = {
    ...lawDefs(run.t + 1),
    'nu~': { index: ['y', 'x'], body: div(mul(ref(now, 'x'), ref('P', 'x', 'y')), ref(next, 'y')) },
    'mu~': { index: ['y', 'x'], body: div(mul(ref('mu', 'x'), ref('P', 'x', 'y')), ref('mu', 'y')) },
  };
  const reversedTerm = sum('y', STATES, ifThen(gt(ref(next, 'y'), num(0)), mul(ref(w, 'y'), sum('x', STATES, xlogy(ref('nu~', 'y', 'x'), ref('mu~', 'y', 'x')))), num(0)));
  const text = `KL(nu${run.t} || mu) = KL(nu${run.t + 1} || mu) + sum_y ${w}(y) KL(nu~_y || mu~_y) to 30 digits (terms with nu${run.t + 1}(y) = 0 are 0), nu~_y(x) = nu${run.t}(x) P(x,y) / nu${run.t + 1}(y), mu~_y(x) = mu(x) P(x,y) / mu(y)`;
  return { claim: { text, defs, assert: eq30(klTo(now, 'mu'), add(klTo(next, 'mu'), reversedTerm)) }, instance: chainInstance(run, true).instance };
}

// ---------------------------------------------------------------- properties

const anyKernelRuns = chainRuns(ALL_FAMILIES);
const positiveKernelRuns = chainRuns(POSITIVE_FAMILIES);

const klNonIncreasing: PropertySpec<ChainRun> = {
  name: 'kl-non-increasing',
  claim: 'KL(nu_{t+1} || mu) <= KL(nu_t || mu) for every stochastic P with mu P = mu (positive, tuned, sparse, periodic, reducible and identity kernels) and every start',
  mode: 'interval',
  arbitrary: anyKernelRuns,
  describe,
  predicate: (run) => klStepVerdict(run, false),
  certify: (run) => klStepClaim(run, false, 'mu'),
};

const klStrictlyDecreasing: PropertySpec<ChainRun> = {
  name: 'kl-strictly-decreasing',
  claim: 'if every entry of P is positive: KL(nu_{t+1} || mu) < KL(nu_t || mu) unless nu_t = mu',
  mode: 'interval',
  arbitrary: positiveKernelRuns,
  describe,
  predicate: (run) => klStepVerdict(run, true),
  certify: (run) => klStepClaim(run, true, 'mu'),
};

const klTendsToZero: PropertySpec<ChainRun> = {
  name: 'kl-tends-to-zero',
  claim:
    'if every entry of P is positive: KL(nu_t || mu) <= 2 delta^(2 floor(t/k)) TV(nu_0, mu)^2 / mu_min for t = 0..4 (delta = Dobrushin coefficient of P^k < 1, so KL -> 0), ' +
    'and KL(nu_T || mu) <= eps = 10^-j at the step count T(eps) where that bound drops below eps (checked when T(eps) <= 2000)',
  mode: 'interval',
  arbitrary: positiveKernelRuns,
  describe,
  predicate: (run) => limitVerdict(run),
  certify: (run) => limitClaim(run),
};

const chainRule: PropertySpec<ChainRun> = {
  name: 'chain-rule',
  claim: 'KL(nu || mu) = KL(nu P || mu) + sum_y (nu P)(y) KL(nu~_y || mu~_y) for nu = nu_t (equal to 30 digits; an identity for every positive mu)',
  mode: 'interval',
  precision: EQUALITY_PRECISION,
  arbitrary: anyKernelRuns,
  describe,
  predicate: (run) => chainRuleVerdict(run, (nuP) => nuP, 'KL(nu || mu) = KL(nu P || mu) + E_{y ~ nu P} KL(nu~_y || mu~_y)'),
  certify: (run) => chainRuleClaim(run, 'nuP'),
};

// ---------------------------------------------------------------- mutants

const strictForEveryKernel: PropertySpec<ChainRun> = {
  name: 'strict-for-every-stationary-kernel',
  claim: 'KL(nu_{t+1} || mu) < KL(nu_t || mu) unless nu_t = mu, for every P with mu P = mu (identity, periodic and reducible kernels included)',
  mode: 'interval',
  arbitrary: chainRuns(NON_PRIMITIVE_FAMILIES),
  describe,
  predicate: (run) => klStepVerdict(run, true),
  certify: (run) => klStepClaim(run, true, 'mu'),
};

/** Starts: the uniform law half of the time (where KL to the uniform law must grow under a non-doubly-stochastic P). */
const uniformOrAnyStart = (n: number): fc.Arbitrary<StartDistribution> =>
  fc.oneof(fc.constant<StartDistribution>({ kind: 'random', nu: normalize(Array.from({ length: n }, () => ONE)) }), startDistribution({ n }));

const klToUniform: PropertySpec<ChainRun> = {
  name: 'kl-to-uniform-non-increasing',
  claim: 'KL(nu_{t+1} || u) <= KL(nu_t || u) for the uniform law u in place of the stationary mu',
  mode: 'interval',
  arbitrary: chainRuns([positiveKernels], uniformOrAnyStart),
  describe,
  predicate: (run) => klStepVerdict(run, false, { name: 'u', law: (r) => normalize(r.mu.map(() => ONE)) }),
  certify: (run) => klStepClaim(run, false, 'u'),
};

const decayWithoutMuMin: PropertySpec<ChainRun> = {
  name: 'decay-bound-without-mu-min',
  claim: 'KL(nu_t || mu) <= 2 delta^(2 floor(t/k)) TV(nu_0, mu)^2 (the factor 1/mu_min dropped)',
  mode: 'interval',
  arbitrary: positiveKernelRuns,
  describe,
  predicate: (run) => limitVerdict(run, true),
  certify: (run) => limitClaim(run, true),
};

const chainRuleWeightedByMu: PropertySpec<ChainRun> = {
  name: 'chain-rule-weighted-by-mu',
  claim: 'KL(nu || mu) = KL(nu P || mu) + sum_y mu(y) KL(nu~_y || mu~_y) (expectation under mu instead of nu P)',
  mode: 'interval',
  arbitrary: chainRuns(POSITIVE_FAMILIES),
  describe,
  predicate: (run) => chainRuleVerdict(run, (_nuP, mu) => mu, 'KL(nu || mu) = KL(nu P || mu) + E_{y ~ mu} KL(nu~_y || mu~_y)'),
  certify: (run) => chainRuleClaim(run, 'mu'),
};

// ---------------------------------------------------------------- identities

/**
 * The chain rule on n states: P(x,n) = 1 - sum_{y<n} p_xy/n and nu(n) = 1 - sum m_x/n
 * (every entry in (0, 1) for p, m in (0, 1): polynomial side conditions, no
 * rejected points), mu stationary by the Markov chain tree theorem.
 */
function chainRuleIdentity(n: 2 | 3): IdentitySpec {
  const idx = Array.from({ length: n }, (_, i) => i + 1);
  const free = idx.slice(0, -1);
  const variables: Record<string, 'probability' | 'positive'> = {};
  const subs: Record<string, string> = {};
  for (const x of idx) for (const y of free) variables[`p${x}${y}`] = 'probability';
  for (const x of free) variables[`m${x}`] = 'probability';
  for (const x of idx) {
    for (const y of free) subs[`P${x}${y}`] = `p${x}${y}/${n}`;
    subs[`P${x}${n}`] = `1 - (${free.map((y) => `p${x}${y}`).join(' + ')})/${n}`;
    subs[`nu${x}`] = x < n ? `m${x}/${n}` : `1 - (${free.map((z) => `m${z}`).join(' + ')})/${n}`;
  }
  if (n === 2) {
    subs.k1 = 'P21';
    subs.k2 = 'P12';
  } else {
    subs.k1 = 'P21*P31 + P23*P31 + P32*P21';
    subs.k2 = 'P12*P32 + P13*P32 + P31*P12';
    subs.k3 = 'P13*P23 + P12*P23 + P21*P13';
  }
  for (const x of idx) subs[`mu${x}`] = `k${x}/(${idx.map((z) => `k${z}`).join(' + ')})`;
  for (const y of idx) subs[`nuP${y}`] = idx.map((x) => `nu${x}*P${x}${y}`).join(' + ');
  for (const name of Object.keys(subs)) variables[name] = 'positive';
  const klOfTerms = (p: string[], q: string[]): string => p.map((pi, i) => `${pi}*log(${pi}/${q[i]})`).join(' + ');
  const lhs = klOfTerms(
    idx.map((x) => `nu${x}`),
    idx.map((x) => `mu${x}`),
  );
  const reversedTerms = idx.map(
    (y) =>
      `nuP${y}*(${klOfTerms(
        idx.map((x) => `(nu${x}*P${x}${y}/nuP${y})`),
        idx.map((x) => `(mu${x}*P${x}${y}/mu${y})`),
      )})`,
  );
  const rhs = `${klOfTerms(
    idx.map((y) => `nuP${y}`),
    idx.map((y) => `mu${y}`),
  )} + ${reversedTerms.join(' + ')}`;
  return {
    name: `chain-rule-n${n}`,
    description: `KL(nu||mu) = KL(nu P||mu) + sum_y (nu P)(y) KL(nu~_y||mu~_y), mu stationary (tree theorem), n = ${n}`,
    lhs,
    rhs,
    variables,
    substitutions: subs,
  };
}

const chainRuleN3 = chainRuleIdentity(3);

const identities: IdentitySpec[] = [
  chainRuleIdentity(2),
  chainRuleN3,
  {
    name: 'reversed-kernel-is-a-law-n3',
    description: 'sum_x mu(x) P(x,2) / mu(2) = 1: with mu stationary the reversed kernel mu~_2 is a probability law, n = 3',
    lhs: 'mu1*P12/mu2 + mu2*P22/mu2 + mu3*P32/mu2',
    rhs: '1',
    variables: chainRuleN3.variables,
    substitutions: chainRuleN3.substitutions,
  },
];

// ---------------------------------------------------------------- degrees of failure

const KL_INCREASE = 'KL(nu_{t+1} || mu) - KL(nu_t || mu) at the run\'s step t (> 0: the divergence grows), enclosed at 40 digits';

/** The change of KL(nu_t || mu) over one step, enclosed (40 digits); positive where monotonicity fails. */
export function klIncrease(run: ChainRun): NumberObject {
  const ar = intervalArithmetic(40);
  const before = klOf(ar, lawAt(run, run.t), run.mu);
  const after = klOf(ar, lawAt(run, run.t + 1), run.mu);
  return ar.toNumberObject(ar.sub(after, before));
}

// ---------------------------------------------------------------- slots (assume)

/** Tuned chains P = pi* of T2 drawn from slots (n, reference, potential, interaction, reward, beta, chainStart); mu by GTH. */
function tunedFamily(reference: 'reversible' | 'reversibleSparse'): SlotFamily<ChainRun> {
  return slotFamily<ChainRun>(
    { n: STATE_RANGE, reference, potential: 'weights', interaction: 'symmetric', reward: 'pairwise', beta: 'default', chainStart: 'any' },
    {
      build: (draw) => {
        const { P, mu } = exactChain(draw as unknown as ResponseChainInstance);
        return fc
          .record({ t: fc.integer({ min: 0, max: MAX_T }), j: fc.integer({ min: 1, max: 12 }) })
          .map(({ t, j }): ChainRun => ({ kind: 'tuned', kernel: P, mu, start: draw.chainStart!, t, j }));
      },
    },
  );
}

const propertyFamilies: PropertyFamilies[] = [
  { spec: klNonIncreasing, families: [tunedFamily('reversible'), tunedFamily('reversibleSparse')] },
  { spec: klStrictlyDecreasing, families: [tunedFamily('reversible')] },
  { spec: klTendsToZero, families: [tunedFamily('reversible')] },
  { spec: chainRule, families: [tunedFamily('reversible'), tunedFamily('reversibleSparse')] },
];

// ---------------------------------------------------------------- assumptions

const assumptions: AssumptionSpec<ChainRun>[] = [
  {
    id: 'stationarity',
    text: 'mu is stationary for P. Violated by a positive law mu that is not stationary: from nu_0 = mu the divergence rises at once, and nu_t tends to another law.',
    needed: true,
    violate: nonStationaryRuns([positiveKernels, (n) => tunedKernels(n, 'reversible')]),
    properties: ['kl-non-increasing', 'kl-strictly-decreasing', 'kl-tends-to-zero'],
    degree: {
      name: 'kl-increase',
      measure: KL_INCREASE,
      defect: klIncrease,
      levels: [{ label: 'mu not stationary', arbitrary: nonStationaryRuns([positiveKernels, (n) => tunedKernels(n, 'reversible')]) }],
    },
  },
  {
    id: 'stationarity-chain-rule',
    text: 'The chain rule does not need stationarity: it is an algebraic identity for every positive mu (stationarity only makes each mu~_y a law, hence the drop >= 0).',
    needed: false,
    violate: nonStationaryRuns([positiveKernels, periodicKernels]),
    properties: ['chain-rule'],
  },
  {
    id: 'positivity',
    text: 'Every entry of P is positive (A3 gives this for pi*), needed for strictness and the limit. Violated by periodic, reducible and identity kernels: KL can stay constant, and an invariant set keeps nu_t away from mu.',
    needed: true,
    violate: chainRuns(NON_PRIMITIVE_FAMILIES),
    properties: ['kl-strictly-decreasing', 'kl-tends-to-zero'],
  },
];

export const T3: Theorem = {
  id: 'T3',
  title: 'Monotone KL convergence',
  statement: {
    text:
      'For any stochastic P with mu P = mu and any start nu_0, nu_{t+1} = nu_t P: KL(nu_{t+1} || mu) <= KL(nu_t || mu). ' +
      'If every entry of P is positive, the inequality is strict unless nu_t = mu, and KL(nu_t || mu) -> 0 ' +
      '(quantitatively: KL(nu_t || mu) <= 2 delta^(2t) TV(nu_0, mu)^2 / mu_min with delta < 1 the Dobrushin coefficient of P). ' +
      'Chain rule: KL(nu || mu) = KL(nu P || mu) + E_{y ~ nu P} KL(nu~_y || mu~_y) with the reversed kernels ' +
      'nu~_y(x) = nu(x) P(x,y) / (nu P)(y), mu~_y(x) = mu(x) P(x,y) / mu(y).',
    latex:
      '\\mathrm{KL}(\\nu_{t+1}\\,\\|\\,\\mu) \\le \\mathrm{KL}(\\nu_t\\,\\|\\,\\mu),\\quad ' +
      '\\mathrm{KL}(\\nu\\,\\|\\,\\mu) = \\mathrm{KL}(\\nu P\\,\\|\\,\\mu) + \\mathbb{E}_{y\\sim\\nu P}\\,\\mathrm{KL}(\\tilde\\nu_y\\,\\|\\,\\tilde\\mu_y),\\quad ' +
      'P > 0 \\Rightarrow \\mathrm{KL}(\\nu_t\\,\\|\\,\\mu) \\le \\frac{2\\,\\delta(P)^{2t}\\,\\mathrm{TV}(\\nu_0,\\mu)^2}{\\mu_{\\min}} \\to 0',
  },
  source:
    '"This yields monotonic KL convergence to a high-quality stationary distribution, bounded hitting times to superior states, and exponential mixing governed by the spectral gap."',
  assumptions,
  identities,
  properties: [klNonIncreasing, klStrictlyDecreasing, klTendsToZero, chainRule],
  mutants: [strictForEveryKernel, klToUniform, decayWithoutMuMin, chainRuleWeightedByMu],
  ...slotLaboratory(propertyFamilies),
};
