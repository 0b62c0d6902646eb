/**
 * The certificate claims of T3 (monotone KL convergence): each property and
 * mutant restated in the certificate language (src/certificate/) over the
 * primitive instance.
 *
 * Main definitions
 * - `klStepClaim(run, strict, reference)`: one step of KL to mu (or to the
 *   uniform law u) does not rise (with `strict`: falls unless nu_t = mu).
 * - `limitClaim(run, muMin?)`: the decay bound and KL(nu_T || mu) <= eps at
 *   T(eps), or the stationary start, or an invariant set refuting the limit,
 *   as the predicate decides it.
 * - `chainRuleClaim(run, weight)`: the chain rule with the reversed-kernel
 *   term weighted by nu P (the identity) or by mu (a mutant).
 *
 * Main statements
 * - The instance is P, the start nu0 and, where the claim is about it, the
 *   law mu, with the witness mu P = mu exactly when that holds (never for the
 *   non-stationary mu of an ablation, nor for the uniform law of a mutant).
 *   nu_s = nu_{s-1} P and the powers of P are definitions.
 * - Rational parts of a claim are evaluated exactly (also inside interval
 *   claims), so the equalities the predicates decide exactly (nu_{t+1} = nu_t,
 *   a vanishing KL drop, nu_t = mu) are plain comparisons here.
 *
 * Implementation details
 * nu_T at T(eps) > 4 has thousands of digits: `enclosedLawWithin` supplies
 * grid approximations of the powers P^(2^i) and of the laws along the binary
 * digits of T, and the claim checks their residuals exactly, so the checker
 * needs only sums and products of small rationals.
 */
import { exactArithmetic } from '../../src/arith/exact.js';
import { Rational } from '../../src/arith/rational.js';
import { equalVectors } from '../../src/arith/rationalVector.js';
import { matrixProduct } from '../../src/linalg/matrix.js';
import { contractingPower } from '../../src/markov/contraction.js';
import { invariantSetWitness } from '../../src/markov/invariantSet.js';
import { stepDistribution } from '../../src/markov/kernel.js';
import { abs, add, all, and, div, eq, eq30, gt, ifThen, implies, klDivergence } from '../../src/certificate/build.js';
import { le, log, lt, matrixValue, max, min, mul, not, num, or, pow } from '../../src/certificate/build.js';
import { rationalValue, ref, sub, sum, vectorValue, xlogy } from '../../src/certificate/build.js';
import { totalVariation as tvOf } from '../../src/certificate/build.js';
import type { CertifiedClaim } from '../../src/certificate/evaluateClaim.js';
import type { BoolExpr, Definition, InstanceValue, InstanceValues, NumExpr } from '../../src/certificate/format.js';
import { blocksToThreshold, isStationary, MAX_T, startLaw, STEP_CAP, type ChainRun } from './chainRuns.js';

/** The range of states 0..n-1: the rows of the instance's P. */
const STATES = 'P';

const lawName = (s: number): string => `nu${s}`;

/** P, nu0 and (with `withMu`) mu, with the witness mu P = mu when it holds exactly. */
function chainInstance(run: ChainRun, withMu: boolean, extra: InstanceValues = {}): Omit<CertifiedClaim, 'claim'> {
  const mu: InstanceValues = withMu ? { mu: vectorValue(run.mu) } : {};
  const instance: InstanceValues = { P: matrixValue(run.kernel), nu0: vectorValue(startLaw(run)), ...mu, ...extra };
  return withMu && isStationary(run)
    ? { instance, witnesses: [{ kind: 'stationary', matrix: 'P', law: 'mu' }] }
    : { instance };
}

/** The law a P as a definition (a: a named law). */
const imageUnderP = (a: string): Definition => ({
  index: ['y'],
  body: sum('x', STATES, mul(ref(a, 'x'), ref('P', 'x', 'y'))),
});

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
export function klStepClaim(run: ChainRun, strict: boolean, reference: 'mu' | 'u'): CertifiedClaim {
  const r = reference;
  const [t, t1] = [run.t, run.t + 1];
  const [now, next] = [lawName(t), lawName(t1)];
  const defs: Record<string, Definition> = { ...lawDefs(t1), [`${r}P`]: imageUnderP(r) };
  if (r === 'u') defs.u = { index: ['x'], body: num(`1/${run.kernel.length}`) };
  const stays = sameLawAs(next, now);
  const balanced = eq(mul(ref(now, 'x'), ref(r, 'y')), mul(ref(next, 'y'), ref(r, 'x')));
  const reversedAgree = all('x', STATES, all('y', STATES, implies(gt(ref('P', 'x', 'y'), num(0)), balanced)));
  const dropVanishes = and(sameLawAs(`${r}P`, r), reversedAgree);
  const divergences = [klTo(next, r), klTo(now, r)] as const;
  const cases =
    `equality cases decided exactly: nu${t1} = nu${t}, or ${r} P = ${r} with nu${t}(x) ${r}(y) = nu${t1}(y) ${r}(x) ` +
    'wherever P(x,y) > 0 (the KL drop is then 0 by the chain rule)';
  const claim = strict
    ? {
        text: `KL(nu${t1} || ${r}) < KL(nu${t} || ${r}) unless nu${t} = ${r}, nu_s = nu0 P^s; ${cases}`,
        defs,
        assert: implies(not(sameLawAs(now, r)), and(not(stays), not(dropVanishes), lt(...divergences))),
      }
    : {
        text: `KL(nu${t1} || ${r}) <= KL(nu${t} || ${r}), nu_s = nu0 P^s; ${cases}`,
        defs,
        assert: or(stays, dropVanishes, le(...divergences)),
      };
  return { claim, ...chainInstance(run, r === 'mu') };
}

/** Exponents of delta above which the bound is compared with eps through logarithms (exact powers grow). */
const EXACT_POWER_LIMIT = 64;
/** The grid of the supplied approximations of P^(2^i) and of nu0 P^s: multiples of 10^-40. */
const GRID = 10n ** 40n;

/** The nearest point of the grid to q >= 0. */
function toGrid(q: Rational): Rational {
  return new Rational((2n * q.n * GRID + q.d) / (2n * q.d), GRID);
}

/** ||M||_inf = max_x sum_y |M(x,y)|, with M(x,y) = entry(x) over the bound index y. */
const rowSumNorm = (n: number, entry: (x: number) => NumExpr): NumExpr =>
  max(...Array.from({ length: n }, (_, x) => sum('y', STATES, abs(entry(x)))));

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
function enclosedLawWithin(
  run: ChainRun,
  T: number,
  defs: Record<string, Definition>,
  values: Record<string, InstanceValue>,
): BoolExpr {
  const n = run.kernel.length;
  const approximation = new Map<number, Rational[][]>([[1, run.kernel]]);
  const name = (p: number): string => (p === 1 ? 'P' : `Q${p}`);
  const error = (p: number): NumExpr => (p === 1 ? num(0) : ref(`e${p}`));
  for (let p = 2; p <= T; p *= 2) {
    const half = approximation.get(p / 2)!; // set at p / 2 in the previous pass (or P itself)
    const square = matrixProduct(exactArithmetic, half, half).map((row) => row.map(toGrid));
    approximation.set(p, square);
    values[name(p)] = matrixValue(square);
    const entry = (x: number): NumExpr => sum('z', STATES, mul(ref(name(p / 2), x, 'z'), ref(name(p / 2), 'z', 'y')));
    const squareResidual = rowSumNorm(n, (x) => sub(entry(x), ref(name(p), x, 'y')));
    const growth = add(
      num(1),
      rowSumNorm(n, (x) => ref(name(p / 2), x, 'y')),
    );
    defs[`e${p}`] = { index: [], body: add(mul(error(p / 2), growth), squareResidual) };
  }
  let [w, previous, stepIndex] = [startLaw(run), 'nu0', 0];
  let accumulated: NumExpr = num(0);
  for (let p = 1; p <= T; p *= 2) {
    if ((T & p) === 0) continue;
    stepIndex += 1;
    w = stepDistribution(exactArithmetic, w, approximation.get(p)!).map(toGrid); // p <= T: set above
    values[`w${stepIndex}`] = vectorValue(w);
    const image = sum('x', STATES, mul(ref(previous, 'x'), ref(name(p), 'x', 'y')));
    const stepResidual = sum('y', STATES, abs(sub(image, ref(`w${stepIndex}`, 'y'))));
    defs[`f${stepIndex}`] = {
      index: [],
      body: add(accumulated, mul(sum('x', STATES, abs(ref(previous, 'x'))), error(p)), stepResidual),
    };
    [previous, accumulated] = [`w${stepIndex}`, ref(`f${stepIndex}`)];
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
function decayBoundClaim(run: ChainRun, k: number, delta: Rational | undefined, muMin: boolean): CertifiedClaim {
  const n = run.kernel.length;
  const defs: Record<string, Definition> = lawDefs(MAX_T);
  const Pk = matrixPower(k, defs);
  const rowPairs: NumExpr[] = [];
  for (let x = 0; x < n; x++) {
    for (let z = x + 1; z < n; z++)
      rowPairs.push(mul(num('1/2'), sum('y', STATES, abs(sub(ref(Pk, x, 'y'), ref(Pk, z, 'y'))))));
  }
  defs.delta = { index: [], body: max(...rowPairs) };
  defs.tv0 = { index: [], body: tvOf('nu0', 'mu', STATES) };
  defs.muMin = { index: [], body: min(...run.mu.map((_, x) => ref('mu', x))) };
  const scale = mul(num(2), pow(ref('tv0'), 2));
  const bound = (blocks: number): NumExpr => {
    const core = mul(scale, pow(ref('delta'), 2 * blocks));
    return muMin ? div(core, ref('muMin')) : core;
  };
  const parts: BoolExpr[] = [lt(ref('delta'), num(1))];
  for (let t = 0; t <= MAX_T; t++) parts.push(le(klTo(lawName(t), 'mu'), bound(Math.floor(t / k))));
  let text = `delta = Dobrushin coefficient of P^${k} < 1 and `;
  text += `KL(nu_t || mu) <= 2 delta^(2 floor(t/${k})) TV(nu0, mu)^2`;
  text += `${muMin ? ' / muMin' : ''} for t = 0..${MAX_T}`;
  if (!muMin || delta === undefined)
    return { claim: { text, defs, assert: and(...parts) }, ...chainInstance(run, true) };

  // T(eps): the bound after m blocks against eps, through logarithms for large exponents.
  const values: Record<string, InstanceValue> = { eps: rationalValue(new Rational(1n, 10n ** BigInt(run.j))) };
  const compareWithEps = (blocks: number, cmp: (a: NumExpr, b: NumExpr) => BoolExpr): BoolExpr =>
    2 * blocks <= EXACT_POWER_LIMIT
      ? cmp(bound(blocks), ref('eps'))
      : cmp(add(log(div(scale, ref('muMin'))), mul(num(2 * blocks), log(ref('delta')))), log(ref('eps')));
  const m = blocksToThreshold(run, k, delta);
  if (m === undefined) {
    const capBlocks = Math.floor(STEP_CAP / k);
    parts.push(compareWithEps(capBlocks, gt));
    text +=
      `; T(eps) > ${STEP_CAP} (the bound after ${capBlocks} blocks of ${k} steps is still above eps = 10^-${run.j}, ` +
      'compared through logarithms): not checked';
  } else {
    const T = k * m;
    parts.push(compareWithEps(m, le));
    if (m > 0) parts.push(compareWithEps(m - 1, gt));
    parts.push(T <= MAX_T ? le(klTo(lawName(T), 'mu'), ref('eps')) : enclosedLawWithin(run, T, defs, values));
    const logs = 2 * m > EXACT_POWER_LIMIT ? ', compared through logarithms' : '';
    text += `; at T(eps) = ${T} (${m} blocks of ${k} steps, the first where the bound is <= eps = 10^-${run.j}${logs})`;
    text += ' KL(nu_T || mu) <= eps';
    if (T > MAX_T) {
      text +=
        `, nu_T = nu0 P^${T} enclosed: |nu_T - w| <= f from grid points Q_p ~ P^p (p = 2, 4, ...) and w_i ~ nu0 P^s ` +
        'with exactly checked residuals, KL at the ends of the enclosure (convexity)';
    }
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
  const d = witness.d;
  const text =
    `KL(nu_t || mu) -> 0, refuted by the invariant set C of P^${d}: P^${d} 1_C = 1_C and 2 (nu0(C) - mu(C))^2 > 0 ` +
    `bounds KL(nu_{${d}j} || mu) from below for every j (Pinsker)`;
  return {
    claim: { text, defs, assert: not(and(invariant, separated)) },
    ...chainInstance(run, true, { C: indicator }),
  };
}

/**
 * KL(nu_t || mu) -> 0 (or, without `muMin`, the decay bound without 1/mu_min), as
 * the predicate decides it: the contraction bound, a stationary start, or an
 * invariant set.
 */
export function limitClaim(run: ChainRun, muMin = true): CertifiedClaim {
  const contracting = contractingPower(exactArithmetic, run.kernel);
  if (contracting !== undefined) return decayBoundClaim(run, contracting.k, contracting.delta, muMin);
  if (equalVectors(startLaw(run), run.mu) && isStationary(run)) {
    const text = 'nu0 = mu with mu P = mu: nu_t = mu and KL(nu_t || mu) = 0 for every t';
    return { claim: { text, assert: sameLawAs('nu0', 'mu') }, ...chainInstance(run, true) };
  }
  const witness = invariantSetWitness(exactArithmetic, run.kernel, startLaw(run), run.mu);
  if (witness !== undefined) return invariantSetClaim(run, witness);
  // No power up to Wielandt's (n-1)^2 + 1 contracts and no invariant set separates:
  // the claim shows delta = 1 (the predicate is undecided).
  return decayBoundClaim(run, (run.kernel.length - 1) ** 2 + 1, undefined, muMin);
}

/**
 * KL(nu_t || mu) = KL(nu_{t+1} || mu) + sum_y w(y) KL(nu~_y || mu~_y) to 30 digits, with the
 * reversed kernels nu~_y(x) = nu_t(x) P(x,y) / nu_{t+1}(y) (for nu_{t+1}(y) > 0) and
 * mu~_y(x) = mu(x) P(x,y) / mu(y); w = nu_{t+1} (the chain rule) or mu (a mutant).
 * No witness: the identity holds for every positive mu.
 */
export function chainRuleClaim(run: ChainRun, weight: 'nuP' | 'mu'): CertifiedClaim {
  const [now, next] = [lawName(run.t), lawName(run.t + 1)];
  const w = weight === 'nuP' ? next : 'mu';
  const defs: Record<string, Definition> = {
    ...lawDefs(run.t + 1),
    'nu~': { index: ['y', 'x'], body: div(mul(ref(now, 'x'), ref('P', 'x', 'y')), ref(next, 'y')) },
    'mu~': { index: ['y', 'x'], body: div(mul(ref('mu', 'x'), ref('P', 'x', 'y')), ref('mu', 'y')) },
  };
  const term = mul(ref(w, 'y'), sum('x', STATES, xlogy(ref('nu~', 'y', 'x'), ref('mu~', 'y', 'x'))));
  const reversedTerm = sum('y', STATES, ifThen(gt(ref(next, 'y'), num(0)), term, num(0)));
  const [t, t1] = [run.t, run.t + 1];
  const text =
    `KL(nu${t} || mu) = KL(nu${t1} || mu) + sum_y ${w}(y) KL(nu~_y || mu~_y) to 30 digits ` +
    `(terms with nu${t1}(y) = 0 are 0), ` +
    `nu~_y(x) = nu${t}(x) P(x,y) / nu${t1}(y), mu~_y(x) = mu(x) P(x,y) / mu(y)`;
  return {
    claim: { text, defs, assert: eq30(klTo(now, 'mu'), add(klTo(next, 'mu'), reversedTerm)) },
    instance: chainInstance(run, true).instance,
  };
}
