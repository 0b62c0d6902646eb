/**
 * The predicates of T3 (monotone KL convergence): each claim decided on one
 * chain run, exact where the laws allow it and in intervals for the
 * logarithms.
 *
 * Main definitions
 * - `klStepVerdict(run, strict, reference)`: one step of KL to mu (or to the
 *   uniform law u) does not rise; with `strict`, falls unless nu_t = mu.
 * - `limitVerdict(run, muMin?)`: the decay bound at t = 0..4 and
 *   KL(nu_T || mu) <= eps at T(eps); without `muMin`, the bound without
 *   1/mu_min (a mutant).
 * - `chainRuleVerdict(run, weight, claim)`: the chain rule to 30 digits, the
 *   reversed-kernel term weighted by nu P, or by mu (a mutant).
 * - `klIncrease`, `KL_INCREASE`: the degree of failure of stationarity.
 *
 * Main statements
 * - An equality of divergences is decided exactly before any interval is
 *   used: nu_{t+1} = nu_t, or a stationary reference whose reversed kernels
 *   agree with those of nu_t (src/markov/reversedKernel.ts), where the chain
 *   rule makes the drop exactly 0. A strict claim fails there; a non-strict one
 *   passes with margin 0.
 * - A kernel with no contracting power (src/markov/contraction.ts) fails the
 *   limit by an invariant set C of P^d with nu_0(C) != mu(C)
 *   (src/markov/invariantSet.ts): KL(nu_{jd} || mu) >= 2 (nu_0(C) - mu(C))^2 for
 *   every j (Pinsker); with no such set the limit is undecided, never passed.
 *
 * Implementation details
 * Logarithms are enclosed from 40 digits, doubled up to 640 while undecided
 * (`decideInIntervals`); nu_T at T(eps) > 4 is enclosed by interval squaring
 * of P (`lawAtTimeBySquaring`), exact powers being far too large.
 */
import { exactArithmetic as E } from '../../src/arith/exact.js';
import { intervalArithmetic } from '../../src/arith/interval.js';
import type { NumberObject } from '../../src/arith/numberObject.js';
import { ONE, Rational } from '../../src/arith/rational.js';
import { equalVectors, normalize } from '../../src/arith/rationalVector.js';
import { kl } from '../../src/info/divergences.js';
import { contractingPower } from '../../src/markov/contraction.js';
import { invariantSetWitness } from '../../src/markov/invariantSet.js';
import { lawAtTimeBySquaring } from '../../src/markov/lawAtTime.js';
import { klDropVanishes, reversedKernels } from '../../src/markov/reversedKernel.js';
import { decideInIntervals, equalTo30Digits } from '../../src/runner/decideInIntervals.js';
import { fail, pass, undecided, type Verdict } from '../../src/runner/theorem.js';
import { blocksToThreshold, decayScale, isStationary, klOf, lawAt, MAX_T } from './chainRuns.js';
import { startLaw, step, type ChainRun } from './chainRuns.js';
import { exactValue } from './responseChain.js';

/** The reference law: mu, or the uniform law u of a mutant. */
const referenceLaw = (run: ChainRun, reference: 'mu' | 'u'): Rational[] =>
  reference === 'mu' ? run.mu : normalize(run.mu.map(() => ONE));

/** KL(nu_{t+1} || r) <= KL(nu_t || r) (or < when `strict`), exact equality first, then intervals. */
export function klStepVerdict(run: ChainRun, strict: boolean, name: 'mu' | 'u'): Verdict {
  const mu = referenceLaw(run, name);
  const nu = lawAt(run, run.t);
  const next = step(nu, run.kernel);
  const claim = strict
    ? `KL(nu_{t+1} || ${name}) < KL(nu_t || ${name}) for nu_t != ${name}`
    : `KL(nu_{t+1} || ${name}) <= KL(nu_t || ${name})`;
  // premise false: nu_t = mu, nothing is claimed
  if (strict && equalVectors(nu, mu)) return pass(Number.POSITIVE_INFINITY);
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
  if (isStationary({ kernel: run.kernel, mu }) && klDropVanishes(E, nu, next, mu, run.kernel)) {
    return equalDivergences('the KL drop is exactly 0 (the reversed kernels of nu_t and mu agree, decided exactly)');
  }
  return decideInIntervals(claim, (ar) => {
    const [before, after] = [klOf(ar, nu, mu), klOf(ar, next, mu)];
    const drop = ar.sub(before, after);
    const sign = ar.sign(drop);
    if (sign === undefined) return undefined;
    if (sign > 0) return pass(ar.lowerRational(drop).valueOf());
    if (sign === 0 && !strict) return pass(0);
    const values = {
      [`KL(nu_t || ${name})`]: ar.toNumberObject(before),
      [`KL(nu_{t+1} || ${name})`]: ar.toNumberObject(after),
    };
    return fail(claim, { ...values, t: String(run.t), precision: ar.label });
  });
}

/** No contracting power: an invariant set C of P^d with nu_0(C) != mu(C) refutes the limit; none found is undecided. */
function invariantSetVerdict(run: ChainRun): Verdict {
  const witness = invariantSetWitness(E, run.kernel, startLaw(run), run.mu);
  if (witness === undefined) {
    return undecided(
      'no power of P up to (n-1)^2 + 1 contracts (P is not primitive) and no invariant set separates nu_0 from mu: ' +
        'the limit is not decided',
    );
  }
  const [gap, d] = [witness.start.sub(witness.stationary), witness.d];
  return fail(
    `KL(nu_t || mu) does not tend to 0: P^${d} keeps C = {${witness.states.join(', ')}} invariant, ` +
      `so nu_{${d}j}(C) = nu_0(C) != mu(C) for every j ` +
      `and KL(nu_{${d}j} || mu) >= 2 (nu_0(C) - mu(C))^2 (Pinsker)`,
    {
      'nu_0(C)': exactValue(witness.start),
      'mu(C)': exactValue(witness.stationary),
      'lower bound on KL for every j': exactValue(gap.mul(gap).mul(2)),
    },
  );
}

/**
 * KL(nu_t || mu) <= 2 delta^(2 floor(t/k)) TV(nu_0, mu)^2 / mu_min (without `muMin`: no
 * 1/mu_min) at t = 0..4, and <= eps at T(eps).
 */
export function limitVerdict(run: ChainRun, muMin = true): Verdict {
  const claim = `KL(nu_t || mu) <= 2 delta^(2 floor(t/k)) TV(nu_0, mu)^2${muMin ? ' / mu_min -> 0' : ''}`;
  const nu0 = startLaw(run);
  if (equalVectors(nu0, run.mu) && isStationary(run)) return pass(0); // nu_t = mu for all t: KL = 0
  const contracting = contractingPower(E, run.kernel);
  if (contracting === undefined) return invariantSetVerdict(run);
  const { k, delta } = contracting;
  const scale = decayScale(run, muMin);
  const checks: { t: number; law: Rational[] | undefined; bound: Rational }[] = [];
  for (let t = 0; t <= MAX_T; t++)
    checks.push({ t, law: lawAt(run, t), bound: delta.pow(2 * Math.floor(t / k)).mul(scale) });
  const m = muMin ? blocksToThreshold(run, k, delta) : undefined;
  if (m !== undefined && k * m > MAX_T)
    checks.push({ t: k * m, law: undefined, bound: new Rational(1n, 10n ** BigInt(run.j)) });
  return decideInIntervals(claim, (ar) => {
    let margin = Number.POSITIVE_INFINITY;
    const lift = (values: readonly Rational[]) => values.map((v) => ar.fromRational(v));
    for (const check of checks) {
      if (check.law !== undefined && equalVectors(check.law, run.mu)) continue; // KL = 0 <= bound
      const divergence =
        check.law !== undefined
          ? klOf(ar, check.law, run.mu)
          : kl(ar, lawAtTimeBySquaring(ar, lift(nu0), run.kernel.map(lift), check.t), lift(run.mu));
      const slack = ar.sub(ar.fromRational(check.bound), divergence);
      const sign = ar.sign(slack);
      if (sign === undefined) return undefined;
      if (sign < 0) {
        return fail(
          `${claim} fails at t = ${check.t}${check.law === undefined ? ` (T(eps) for eps = 1e-${run.j})` : ''}`,
          {
            'KL(nu_t || mu)': ar.toNumberObject(divergence),
            bound: exactValue(check.bound),
            delta: exactValue(delta),
            k: String(k),
            t: String(check.t),
            precision: ar.label,
          },
        );
      }
      margin = Math.min(margin, ar.lowerRational(slack).valueOf());
    }
    return pass(margin === Number.POSITIVE_INFINITY ? 0 : margin);
  });
}

/** KL(nu || mu) = KL(nu P || mu) + sum_y w(y) KL(nu~_y || mu~_y) to 30 digits, w = nu P (chain rule) or mu (mutant). */
export function chainRuleVerdict(run: ChainRun, weight: 'nuP' | 'mu', claim: string): Verdict {
  const { kernel, mu } = run;
  const nu = lawAt(run, run.t);
  const nuP = step(nu, kernel);
  const weights = weight === 'nuP' ? nuP : mu;
  const [nuTilde, muTilde] = [reversedKernels(E, nu, kernel, nuP), reversedKernels(E, mu, kernel, mu)];
  return decideInIntervals(claim, (ar) => {
    const lhs = klOf(ar, nu, mu);
    let rhs = klOf(ar, nuP, mu);
    nuTilde.forEach((reversed, y) => {
      const against = muTilde[y];
      if (reversed !== undefined && against !== undefined)
        rhs = ar.add(rhs, ar.mul(ar.fromRational(weights[y]!), klOf(ar, reversed, against)));
    });
    const difference = ar.sub(lhs, rhs);
    const { verdict, width } = equalTo30Digits(ar, difference);
    if (verdict === 'open') return undefined;
    if (verdict === 'equal') return pass(width);
    const values = {
      'KL(nu || mu)': ar.toNumberObject(lhs),
      'right-hand side': ar.toNumberObject(rhs),
      difference: ar.toNumberObject(difference),
    };
    return fail(claim, { ...values, precision: ar.label });
  });
}

export const KL_INCREASE =
  "KL(nu_{t+1} || mu) - KL(nu_t || mu) at the run's step t (> 0: the divergence grows), enclosed at 40 digits";

/** The change of KL(nu_t || mu) over one step, enclosed (40 digits); positive where monotonicity fails. */
export function klIncrease(run: ChainRun): NumberObject {
  const ar = intervalArithmetic(40);
  return ar.toNumberObject(ar.sub(klOf(ar, lawAt(run, run.t + 1), run.mu), klOf(ar, lawAt(run, run.t), run.mu)));
}
