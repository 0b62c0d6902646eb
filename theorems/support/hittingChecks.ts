/**
 * T5's instances and checks: exact hitting times of reversible chains against
 * the Dirichlet-gap and spectral-gap bounds.
 *
 * Main definitions
 * - `T5Instance`, `targetInstances(chains, targets?)`: a chain, a target set A
 *   (by default a level set of the EBM weights, or any nonempty proper
 *   subset), and the times 0..horizon of the survival bound.
 * - `HittingData`, `hittingData(instance)`: A^c, mu(A), mu(A^c), Q = P on A^c,
 *   h = E_.[tau_A] and E_mu[tau_A], exactly.
 * - Checks: `dirichletGapBound(withMu)`, `stationaryHittingDirichletBound`,
 *   `stationaryHittingSpectralBound(withMu)`, `survivalBound(withPrefactor)`,
 *   `pointHittingBound(inverted)`; the flag false (true for `inverted`)
 *   gives the mutant.
 *
 * Implementation details
 * Everything but the eigenvalues is exact: h solves (I - Q) h = 1 over the
 * rationals (`expectedHittingTimes`), P_x(tau_A > t) = (Q^t 1)(x) by exact
 * iteration (`survivalProbabilities`), mu and mu(A) are rational. rho(Q) is
 * the largest real root of det(x I - Q) (Perron-Frobenius, valid for every
 * Q >= 0, reversible or not), and l_2 comes from the exact spectrum of P;
 * both are rational enclosures refined from width 1e-30 to 1e-240 until
 * decided. Each comparison uses directed endpoints (a bound holds when it
 * holds at the unfavourable end of every enclosure, fails only when it fails
 * at the favourable end), and square roots are removed by squaring both
 * sides. A claim through g on a non-real spectrum (a non-reversible P) is
 * undecided.
 */
import fc from 'fast-check';
import { nonNegativeEnclosure, type RationalEnclosure } from '../../src/arith/enclosure.js';
import { exactArithmetic } from '../../src/arith/exact.js';
import { ONE, ZERO, type Rational } from '../../src/arith/rational.js';
import { perronRoot } from '../../src/linalg/perronRoot.js';
import { principalSubmatrix } from '../../src/linalg/matrix.js';
import { complementOf, expectedHittingTimeFrom, expectedHittingTimes } from '../../src/markov/hittingTimes.js';
import { survivalProbabilities } from '../../src/markov/hittingTimes.js';
import { decidePowerSeries, decideRefining } from '../../src/runner/decideRefining.js';
import { fail, pass, type Verdict } from '../../src/runner/theorem.js';
import { properThresholds, superiorLevelSet, superiorSet } from '../../properties/index.js';
import { decideEvery, massOf, numberOf, spectralEnclosures, toFloat, whenRealSpectrum } from './spectralBounds.js';
import { type ChainInstance } from './spectralBounds.js';

/** A chain, a target set A (sorted states) and the times 0..horizon of the survival bound. */
export interface T5Instance {
  readonly chain: ChainInstance;
  readonly target: number[];
  readonly horizon: number;
}

/** Targets: a level set {x : w(x) >= u} of the EBM weights (superior states), else any nonempty proper subset. */
function targetsFor(chain: ChainInstance): fc.Arbitrary<number[]> {
  const n = chain.kernel.length;
  if (chain.weights !== undefined && properThresholds(chain.weights).length > 0) {
    return fc.oneof(
      superiorLevelSet(chain.weights).map((a) => a.states),
      superiorSet({ n }),
    );
  }
  return superiorSet({ n });
}

/** Instances on the given chains, with targets drawn by `targets`, horizons in [0, 12]. */
export function targetInstances(
  chains: fc.Arbitrary<ChainInstance>,
  targets: (chain: ChainInstance) => fc.Arbitrary<number[]> = targetsFor,
): fc.Arbitrary<T5Instance> {
  return chains.chain((chain) =>
    fc.record({ chain: fc.constant(chain), target: targets(chain), horizon: fc.integer({ min: 0, max: 12 }) }),
  );
}

/** The exact pieces of an instance: A^c, mu(A), mu(A^c), Q, and h = E_.[tau_A] (0 on A). */
export interface HittingData {
  readonly rest: number[];
  readonly muA: Rational;
  readonly muRest: Rational;
  readonly Q: Rational[][];
  readonly h: Rational[];
  /** E_mu[tau_A] = sum_x mu(x) h(x) */
  readonly stationaryHitting: Rational;
}

/** The hitting data; without `withTimes`, h = 0 (for checks that do not read it). */
export function hittingData(instance: T5Instance, withTimes = true): HittingData {
  const { kernel, mu } = instance.chain;
  const rest = complementOf(kernel.length, instance.target);
  const h = withTimes ? expectedHittingTimes(exactArithmetic, kernel, instance.target) : mu.map(() => ZERO);
  return {
    rest,
    muA: massOf(mu, instance.target),
    muRest: massOf(mu, rest),
    Q: principalSubmatrix(kernel, rest),
    h,
    stationaryHitting: expectedHittingTimeFrom(exactArithmetic, mu, h),
  };
}

/** l_A = 1 - rho(Q), with rho(Q) enclosed (Perron root); rho(empty) = 0. */
function dirichletGapOf(data: HittingData, width: number): { rho: RationalEnclosure; lA: RationalEnclosure } {
  const rho = nonNegativeEnclosure(perronRoot(data.Q, width));
  return { rho, lA: { lo: ONE.sub(rho.hi), hi: ONE.sub(rho.lo) } };
}

/** g = 1 - l_2 from the exact spectrum; a non-real spectrum (non-reversible P) leaves g undefined: undecided. */
function withSpectralGap(
  instance: T5Instance,
  compute: (gapAt: (width: number) => RationalEnclosure) => Verdict,
): Verdict {
  return whenRealSpectrum(
    () => compute((width) => spectralEnclosures(instance.chain.kernel, width).spectralGap),
    (message) => `P has non-real eigenvalues (${message}): l_2 and g are undefined`,
  );
}

// ---------------------------------------------------------------- the checks

/** l_A >= g w with w = mu(A) (the claim) or w = 1 (the mutant): holds if lA.lo >= g.hi w, fails if lA.hi < g.lo w. */
export const dirichletGapBound =
  (withMu: boolean) =>
  (instance: T5Instance): Verdict => {
    const data = hittingData(instance, false);
    const w = withMu ? data.muA : ONE;
    const claim = withMu ? 'l_A < g mu(A)' : 'l_A < g';
    return withSpectralGap(instance, (gapAt) =>
      decideRefining((width) => {
        const { lA } = dirichletGapOf(data, width);
        const g = gapAt(width);
        if (lA.lo.compare(g.hi.mul(w)) >= 0) return pass(toFloat(lA.lo.sub(g.hi.mul(w))));
        if (lA.hi.compare(g.lo.mul(w)) < 0)
          return fail(claim, { dirichletGap: numberOf(lA), spectralGap: numberOf(g), muA: numberOf(data.muA) });
        return undefined;
      }, claim),
    );
  };

/** E_mu[tau_A] l_A <= mu(A^c): holds if E lA.hi <= mu(A^c), fails if E lA.lo > mu(A^c). */
export function stationaryHittingDirichletBound(instance: T5Instance): Verdict {
  const data = hittingData(instance);
  const e = data.stationaryHitting;
  return decideRefining((width) => {
    const { lA } = dirichletGapOf(data, width);
    if (e.mul(lA.hi).compare(data.muRest) <= 0) return pass(toFloat(data.muRest.div(lA.hi).sub(e)));
    if (e.mul(lA.lo).compare(data.muRest) > 0) {
      return fail('E_mu[tau_A] > mu(A^c) / l_A', {
        stationaryHitting: numberOf(e),
        dirichletGap: numberOf(lA),
        muRest: numberOf(data.muRest),
      });
    }
    return undefined;
  }, 'E_mu[tau_A] <= mu(A^c) / l_A');
}

/**
 * E_mu[tau_A] g w <= c, i.e. E_mu[tau_A] <= c / (g w), with (c, w) = (1 - mu(A), mu(A))
 * for the claim and (mu(A^c), 1) for the mutant. Holds if E g.hi w <= c, fails if E g.lo w > c.
 */
export const stationaryHittingSpectralBound =
  (withMu: boolean) =>
  (instance: T5Instance): Verdict => {
    const data = hittingData(instance);
    const e = data.stationaryHitting;
    const [c, w] = withMu ? [ONE.sub(data.muA), data.muA] : [data.muRest, ONE];
    const claim = withMu ? 'E_mu[tau_A] <= (1 - mu(A)) / (g mu(A))' : 'E_mu[tau_A] <= mu(A^c) / g';
    return withSpectralGap(instance, (gapAt) =>
      decideRefining((width) => {
        const g = gapAt(width);
        const upper = e.mul(g.hi).mul(w);
        if (upper.compare(c) <= 0) return g.hi.compare(ZERO) > 0 ? pass(toFloat(c.div(g.hi.mul(w)).sub(e))) : pass();
        if (e.mul(g.lo).mul(w).compare(c) > 0)
          return fail(`${claim} fails`, {
            stationaryHitting: numberOf(e),
            spectralGap: numberOf(g),
            muA: numberOf(data.muA),
          });
        return undefined;
      }, claim),
    );
  };

/**
 * For x in A^c and t = 0..horizon: P_x(tau_A > t)^2 mu(x) <= mu(A^c) (1 - l_A)^(2t)
 * (the claim, squared), or P_x(tau_A > t) <= (1 - l_A)^t (the mutant, without the prefactor).
 */
export const survivalBound =
  (withPrefactor: boolean) =>
  (instance: T5Instance): Verdict => {
    const { kernel, mu } = instance.chain;
    const data = hittingData(instance, false);
    const survival = survivalProbabilities(exactArithmetic, kernel, instance.target, instance.horizon);
    return decideRefining(
      (width) => {
        const { rho } = dirichletGapOf(data, width);
        return decideEvery(data.rest, (x) => {
          const series = survival.map((row) => row[x]!);
          const where = { x: String(x) };
          return withPrefactor
            ? decidePowerSeries(
                series.map((p) => p.mul(p).mul(mu[x]!)),
                data.muRest,
                rho,
                (t) => 2 * t,
                (t) => `P_${x}(tau_A > ${t}) > sqrt(mu(A^c)/mu(${x})) (1 - l_A)^${t}`,
                where,
              )
            : decidePowerSeries(
                series,
                ONE,
                rho,
                (t) => t,
                (t) => `P_${x}(tau_A > ${t}) > (1 - l_A)^${t}`,
                where,
              );
        });
      },
      withPrefactor ? 'P_x(tau_A > t) <= sqrt(mu(A^c)/mu(x)) (1 - l_A)^t' : 'P_x(tau_A > t) <= (1 - l_A)^t',
    );
  };

/**
 * For x in A^c: (E_x[tau_A] l_A)^2 num(x) <= den(x), i.e. E_x[tau_A] <= sqrt(den/num) / l_A, with
 * (num, den) = (mu(x), mu(A^c)) for the claim and (mu(A^c), mu(x)) for the inverted mutant.
 */
export const pointHittingBound =
  (inverted: boolean) =>
  (instance: T5Instance): Verdict => {
    const { mu } = instance.chain;
    const data = hittingData(instance);
    const claim = inverted ? 'E_x[tau_A] <= sqrt(mu(x)/mu(A^c)) / l_A' : 'E_x[tau_A] <= sqrt(mu(A^c)/mu(x)) / l_A';
    return decideRefining((width) => {
      const { lA } = dirichletGapOf(data, width);
      const low = nonNegativeEnclosure(lA).lo;
      let margin = Infinity;
      let open = false;
      for (const x of data.rest) {
        const [num, den] = inverted ? [data.muRest, mu[x]!] : [mu[x]!, data.muRest];
        const hx = data.h[x]!;
        const upper = hx.mul(lA.hi).mul(hx.mul(lA.hi)).mul(num);
        if (upper.compare(den) <= 0) {
          margin = Math.min(margin, toFloat(den.sub(upper)));
          continue;
        }
        const lower = hx.mul(low).mul(hx.mul(low)).mul(num);
        if (lower.compare(den) > 0) {
          const values = {
            x: String(x),
            expectedHitting: numberOf(hx),
            dirichletGap: numberOf(lA),
            mu: numberOf(mu[x]!),
            muRest: numberOf(data.muRest),
          };
          return fail(`${claim} fails at x = ${x}`, values);
        }
        open = true;
      }
      if (open) return undefined;
      return Number.isFinite(margin) ? pass(margin) : pass();
    }, claim);
  };
