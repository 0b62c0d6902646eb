/**
 * T5: bounded hitting times to superior states.
 *
 * Statement (claims from the paper's abstract, formalized). Let P be an
 * irreducible kernel on X = {1..n}, reversible with respect to mu > 0, and A a
 * superior set (e.g. A_u = {x : Phi(x) >= u}), nonempty with A != X;
 * tau_A = min{t >= 0 : X_t in A}. With Q = P restricted to A^c, the Dirichlet
 * gap l_A = 1 - rho(Q) (rho the spectral radius) and the spectral gap
 * g = 1 - l_2 (not the absolute gap):
 *   l_A >= g mu(A),
 *   E_mu[tau_A] <= mu(A^c) / l_A <= (1 - mu(A)) / (g mu(A)),
 *   P_x(tau_A > t) <= sqrt(mu(A^c)/mu(x)) (1 - l_A)^t   (x in A^c, t >= 0),
 *   E_x[tau_A] <= sqrt(mu(A^c)/mu(x)) / l_A           (x in A^c).
 * Proof sketch: for f = 0 on A, Var_mu f >= mu(A) |f|^2 (Cauchy-Schwarz), so
 * E(f, f) >= g Var f >= g mu(A) |f|^2; Q is self-adjoint in L2(mu|A^c) with norm
 * 1 - l_A; E_mu tau_A = <1, (I - Q)^(-1) 1>_mu on A^c.
 *
 * Main statements (what is checked)
 * - Identities (certified): for the 2-state chain and A = {2}, l_A = a = g mu(A)
 *   (the bound l_A >= g mu(A) is tight); Cramer's solution of (I - Q) h = 1
 *   for |A^c| = 2; the Dirichlet form of a generic reversible 3-state chain,
 *   <f, (I - P) f>_mu = sum_{x<y} mu(x) P(x,y) (f(x) - f(y))^2.
 * - Properties, on random exact reversible chains (dense and sparse priors,
 *   EBM response chains with A a level set of the weights, 2-state chains,
 *   loopless chains) and random superior sets: each of the five inequalities,
 *   the survival bound for every x in A^c and t up to a random horizon, the
 *   pointwise hitting bound for every x in A^c.
 * - Mutants (false variants, each refuted): l_A >= g (mu(A) dropped);
 *   E_mu[tau_A] <= mu(A^c)/g (mu(A) dropped); P_x(tau_A > t) <= (1 - l_A)^t
 *   (the prefactor dropped); E_x[tau_A] <= sqrt(mu(x)/mu(A^c))/l_A (the ratio
 *   inverted). (The absolute gap g* in place of g is NOT a mutant: g* <= g, so
 *   that variant is weaker and true.)
 * - Assumptions: reversibility (dropped: all five bounds fail on strongly
 *   circulating 3-state chains), A nonempty and proper (A = X: Q is empty,
 *   rho = 0, l_A = 1, and l_A >= g mu(A) = g fails when l_2 < 0; A empty makes
 *   every bound vacuous: l_A = 0, E tau_A = infinity), and irreducibility,
 *   which these inequalities do not need (checked on reducible chains with A
 *   meeting every closed class: they hold, with g = 0 making the spectral
 *   bounds vacuous).
 *
 * Implementation details
 * Everything but the eigenvalues is exact: h = E_.[tau_A] solves (I - Q) h = 1
 * over the rationals (`expectedHittingTimes`), P_x(tau_A > t) = (Q^t 1)(x) by
 * exact iteration (`survivalProbabilities`), mu and mu(A) are rational. rho(Q)
 * is the largest real root of det(x I - Q) (Perron-Frobenius, valid for every
 * Q >= 0, reversible or not), and l_2 comes from the exact spectrum of P; both
 * are rational enclosures refined from width 1e-30 to 1e-240 until decided. Each
 * comparison uses directed endpoints (a bound holds when it holds at the
 * unfavourable end of every enclosure, fails only when it fails at the
 * favourable end), and square roots are removed by squaring both sides.
 *
 * Certificate claims (`certify`): over P and mu (witnessed stationary), the
 * masks of A and A^c, h = E_.[tau_A] (the hitting witness), survival
 * probabilities (Q^t 1)(x) as definitions, rho(Q) as a Perron witness on A^c
 * (exact max_y Q_yy when Q is diagonal) and l_2 as an eigenvalue witness
 * (exact tr P - 1 for n = 2).
 */
import fc from 'fast-check';
import { nonNegativeEnclosure, type RationalEnclosure } from '../src/arith/enclosure.js';
import { exactArithmetic } from '../src/arith/exact.js';
import { ONE, Rational, ZERO } from '../src/arith/rational.js';
import { perronRoot } from '../src/linalg/perronRoot.js';
import { NotRealSpectrumError } from '../src/linalg/symmetricEnclosure.js';
import { principalSubmatrix } from '../src/linalg/matrix.js';
import { complementOf, expectedHittingTimes, survivalProbabilities } from '../src/markov/hittingTimes.js';
import { fail, pass, undecided, type AssumptionSpec, type IdentitySpec, type PropertySpec, type Theorem, type Verdict } from '../src/runner/theorem.js';
import { decidePowerSeries, decideRefining, smallerMargin } from '../src/runner/decideRefining.js';
import { instanceToJson, superiorLevelSet, superiorSet, properThresholds } from '../properties/index.js';
import {
  circulatedTriangle,
  massOf,
  numberOf,
  reducibleChain,
  reversibleChain,
  spectralEnclosures,
  toFloat,
  twoStateChain,
  chainClaim,
  definition,
  extremeEigenvalues,
  maskValue,
  perronRootOn,
  powerOf,
  upTo,
  type ChainInstance,
  type ClaimParts,
} from './support/spectralBounds.js';
import { slotLaboratory } from './support/slotLab.js';
import { all, div, eq, ge, implies, le, mul, num, pow, ref, sub, sum, vectorValue } from '../src/certificate/build.js';
import type { CertifiedClaim } from '../src/certificate/evaluateClaim.js';
import type { BoolExpr, Definition, NumExpr } from '../src/certificate/format.js';
import { slotChainFamily } from './support/spectralSlots.js';

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
    return fc.oneof(superiorLevelSet(chain.weights).map((a) => a.states), superiorSet({ n }));
  }
  return superiorSet({ n });
}

function instances(chains: fc.Arbitrary<ChainInstance>, targets: (chain: ChainInstance) => fc.Arbitrary<number[]> = targetsFor): fc.Arbitrary<T5Instance> {
  return chains.chain((chain) => fc.record({ chain: fc.constant(chain), target: targets(chain), horizon: fc.integer({ min: 0, max: 12 }) }));
}

const hittingInstances = instances(reversibleChain(['prior', 'sparsePrior', 'ebm', 'twoState', 'loopless']));

const describe = (instance: T5Instance): unknown => instanceToJson(instance);

/** The exact pieces of an instance: A^c, mu(A), mu(A^c), Q, and h = E_.[tau_A] (0 on A). */
interface HittingData {
  readonly rest: number[];
  readonly muA: Rational;
  readonly muRest: Rational;
  readonly Q: Rational[][];
  readonly h: Rational[];
  /** E_mu[tau_A] = sum_x mu(x) h(x) */
  readonly stationaryHitting: Rational;
}

function hittingData(instance: T5Instance, withTimes = true): HittingData {
  const { kernel, mu } = instance.chain;
  const rest = complementOf(kernel.length, instance.target);
  const h = withTimes ? expectedHittingTimes(exactArithmetic, kernel, instance.target) : mu.map(() => ZERO);
  return {
    rest,
    muA: massOf(mu, instance.target),
    muRest: massOf(mu, rest),
    Q: principalSubmatrix(kernel, rest),
    h,
    stationaryHitting: rest.reduce((sum, x) => sum.add(mu[x]!.mul(h[x]!)), ZERO),
  };
}

/** l_A = 1 - rho(Q), with rho(Q) enclosed (Perron root); rho(empty) = 0. */
function dirichletGapOf(data: HittingData, width: number): { rho: RationalEnclosure; lA: RationalEnclosure } {
  const rho = nonNegativeEnclosure(perronRoot(data.Q, width));
  return { rho, lA: { lo: ONE.sub(rho.hi), hi: ONE.sub(rho.lo) } };
}

/** g = 1 - l_2 from the exact spectrum; a non-real spectrum (non-reversible P) leaves g undefined: undecided. */
function withSpectralGap(instance: T5Instance, compute: (gapAt: (width: number) => RationalEnclosure) => Verdict): Verdict {
  try {
    return compute((width) => spectralEnclosures(instance.chain.kernel, width).spectralGap);
  } catch (error) {
    if (error instanceof NotRealSpectrumError) return undecided(`P has non-real eigenvalues (${error.message}): l_2 and g are undefined`);
    throw error;
  }
}

// ---------------------------------------------------------------- the claims

/** l_A >= g w with w = mu(A) (the claim) or w = 1 (the mutant): holds if lA.lo >= g.hi w, fails if lA.hi < g.lo w. */
function gapLowerBound(instance: T5Instance, weight: (data: HittingData) => Rational, claim: string): Verdict {
  const data = hittingData(instance, false);
  const w = weight(data);
  return withSpectralGap(instance, (gapAt) =>
    decideRefining((width) => {
      const { lA } = dirichletGapOf(data, width);
      const g = gapAt(width);
      if (lA.lo.compare(g.hi.mul(w)) >= 0) return pass(toFloat(lA.lo.sub(g.hi.mul(w))));
      if (lA.hi.compare(g.lo.mul(w)) < 0) return fail(claim, { dirichletGap: numberOf(lA), spectralGap: numberOf(g), muA: numberOf(data.muA) });
      return undefined;
    }, claim),
  );
}

/** E_mu[tau_A] l_A <= mu(A^c): holds if E lA.hi <= mu(A^c), fails if E lA.lo > mu(A^c). */
function stationaryHittingDirichletBound(instance: T5Instance): Verdict {
  const data = hittingData(instance);
  const e = data.stationaryHitting;
  return decideRefining((width) => {
    const { lA } = dirichletGapOf(data, width);
    if (e.mul(lA.hi).compare(data.muRest) <= 0) return pass(toFloat(data.muRest.div(lA.hi).sub(e)));
    if (e.mul(lA.lo).compare(data.muRest) > 0) return fail('E_mu[tau_A] > mu(A^c) / l_A', { stationaryHitting: numberOf(e), dirichletGap: numberOf(lA), muRest: numberOf(data.muRest) });
    return undefined;
  }, 'E_mu[tau_A] <= mu(A^c) / l_A');
}

/**
 * E_mu[tau_A] g w <= c, i.e. E_mu[tau_A] <= c / (g w), with (c, w) = (1 - mu(A), mu(A))
 * for the claim and (mu(A^c), 1) for the mutant. Holds if E g.hi w <= c, fails if E g.lo w > c.
 */
function stationaryHittingSpectralBound(instance: T5Instance, mutant: boolean): Verdict {
  const data = hittingData(instance);
  const e = data.stationaryHitting;
  const [c, w] = mutant ? [data.muRest, ONE] : [ONE.sub(data.muA), data.muA];
  const claim = mutant ? 'E_mu[tau_A] <= mu(A^c) / g' : 'E_mu[tau_A] <= (1 - mu(A)) / (g mu(A))';
  return withSpectralGap(instance, (gapAt) =>
    decideRefining((width) => {
      const g = gapAt(width);
      const upper = e.mul(g.hi).mul(w);
      if (upper.compare(c) <= 0) return g.hi.compare(ZERO) > 0 ? pass(toFloat(c.div(g.hi.mul(w)).sub(e))) : pass();
      if (e.mul(g.lo).mul(w).compare(c) > 0) return fail(`${claim} fails`, { stationaryHitting: numberOf(e), spectralGap: numberOf(g), muA: numberOf(data.muA) });
      return undefined;
    }, claim),
  );
}

/**
 * For x in A^c and t = 0..horizon: P_x(tau_A > t)^2 mu(x) <= c (1 - l_A)^(2t) with
 * c = mu(A^c) (the claim, squared), or P_x(tau_A > t) <= (1 - l_A)^t (the mutant).
 */
function survivalBound(instance: T5Instance, mutant: boolean): Verdict {
  const { kernel, mu } = instance.chain;
  const data = hittingData(instance, false);
  const survival = survivalProbabilities(exactArithmetic, kernel, instance.target, instance.horizon);
  return decideRefining((width) => {
    const { rho } = dirichletGapOf(data, width);
    let margin: number | undefined;
    for (const x of data.rest) {
      const series = survival.map((row) => row[x]!);
      const verdict = mutant
        ? decidePowerSeries(series, ONE, rho, (t) => t, (t) => `P_${x}(tau_A > ${t}) > (1 - l_A)^${t}`, { x: String(x) })
        : decidePowerSeries(
            series.map((p) => p.mul(p).mul(mu[x]!)),
            data.muRest,
            rho,
            (t) => 2 * t,
            (t) => `P_${x}(tau_A > ${t}) > sqrt(mu(A^c)/mu(${x})) (1 - l_A)^${t}`,
            { x: String(x) },
          );
      if (verdict === undefined || verdict.status !== 'pass') return verdict;
      margin = smallerMargin(margin, verdict.margin);
    }
    return margin === undefined ? pass() : pass(margin);
  }, mutant ? 'P_x(tau_A > t) <= (1 - l_A)^t' : 'P_x(tau_A > t) <= sqrt(mu(A^c)/mu(x)) (1 - l_A)^t');
}

/**
 * For x in A^c: (E_x[tau_A] l_A)^2 num(x) <= den(x), i.e. E_x[tau_A] <= sqrt(den/num) / l_A, with
 * (num, den) = (mu(x), mu(A^c)) for the claim and (mu(A^c), mu(x)) for the inverted mutant.
 */
function pointHittingBound(instance: T5Instance, inverted: boolean): Verdict {
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
        return fail(`${claim} fails at x = ${x}`, { x: String(x), expectedHitting: numberOf(hx), dirichletGap: numberOf(lA), mu: numberOf(mu[x]!), muRest: numberOf(data.muRest) });
      }
      open = true;
    }
    if (open) return undefined;
    return Number.isFinite(margin) ? pass(margin) : pass();
  }, claim);
}

// ---------------------------------------------------------------- certificate claims

// Each claim is over the instance P, mu (witnessed stationary), the 0/1 masks
// A and Ac of the target and its complement, and h = E_.[tau_A] (the hitting
// witness: h = 0 on A, h = 1 + P h off A). Definitions: muA = mu(A),
// muAc = mu(A^c), Emu = E_mu[tau_A] = sum_x mu(x) h(x), rhoQ = rho(Q) (Q = P on
// A^c: Q_yy when A^c = {y}, else the Perron witness on the mask Ac),
// lA = 1 - rhoQ, l2 (witness for n >= 3, tr P - 1 for n = 2), g = 1 - l2.
// Square roots are removed by squaring both sides, as in the predicates.

type Certify = (instance: T5Instance) => CertifiedClaim;

const inRest = (x: string): BoolExpr => eq(ref('Ac', x), num(1));

/** A claim on the hitting data of the instance; `spectral` adds l2 and g. */
function hittingClaim(instance: T5Instance, text: string, assert: BoolExpr, options: { spectral?: boolean; horizon?: number } = {}): CertifiedClaim {
  const { chain, target } = instance;
  const n = chain.kernel.length;
  const rest = complementOf(n, target);
  const mass = (mask: string): NumExpr => sum('x', 'mu', mul(ref(mask, 'x'), ref('mu', 'x')));
  const survival: Record<string, Definition> = {};
  for (let t = 1; t <= (options.horizon ?? 0); t++) {
    survival[`surv${t}`] = definition(['x'], mul(ref('Ac', 'x'), sum('y', 'mu', mul(ref('P', 'x', 'y'), ref(`surv${t - 1}`, 'y')))));
  }
  const data: ClaimParts = {
    values: { A: maskValue(n, target), Ac: maskValue(n, rest), h: vectorValue(expectedHittingTimes(exactArithmetic, chain.kernel, target)) },
    defs: {
      muA: definition([], mass('A')),
      muAc: definition([], mass('Ac')),
      Emu: definition([], sum('x', 'mu', mul(ref('mu', 'x'), ref('h', 'x')))),
      lA: definition([], sub(num(1), ref('rhoQ'))),
      ...(options.horizon === undefined ? {} : { surv0: definition(['x'], ref('Ac', 'x')), ...survival }),
      ...(options.spectral ? { g: definition([], sub(num(1), ref('l2'))) } : {}),
    },
    witnesses: [{ kind: 'hitting', matrix: 'P', target: 'A', value: 'h' }],
  };
  return chainClaim(chain, text, assert, data, perronRootOn(chain, rest), ...(options.spectral ? [extremeEigenvalues(chain, ['l2'])] : []));
}

/** l_A >= g w, w = mu(A) (the claim) or 1 (the mutant). */
function gapLowerBoundClaim(withMu: boolean): Certify {
  return (instance) =>
    hittingClaim(instance, withMu ? 'l_A >= g mu(A)' : 'l_A >= g', ge(ref('lA'), withMu ? mul(ref('g'), ref('muA')) : ref('g')), { spectral: true });
}

const stationaryHittingDirichletClaim: Certify = (instance) =>
  hittingClaim(instance, 'E_mu[tau_A] <= mu(A^c) / l_A', le(ref('Emu'), div(ref('muAc'), ref('lA'))));

/** E_mu[tau_A] <= c / (g w) as E_mu[tau_A] g w <= c (g may be 0): (c, w) = (1 - mu(A), mu(A)), or (mu(A^c), 1) for the mutant. */
function stationaryHittingSpectralClaim(mutant: boolean): Certify {
  return (instance) =>
    mutant
      ? hittingClaim(instance, 'E_mu[tau_A] <= mu(A^c) / g, as E_mu[tau_A] g <= mu(A^c)', le(mul(ref('Emu'), ref('g')), ref('muAc')), { spectral: true })
      : hittingClaim(instance, 'E_mu[tau_A] <= (1 - mu(A)) / (g mu(A)), as E_mu[tau_A] g mu(A) <= 1 - mu(A)', le(mul(ref('Emu'), ref('g'), ref('muA')), sub(num(1), ref('muA'))), {
          spectral: true,
        });
}

/**
 * For x in A^c and t = 0..horizon, with surv{t}(x) = P_x(tau_A > t) = (Q^t 1)(x):
 * surv^2 mu(x) <= mu(A^c) (1 - l_A)^(2t) (the claim, squared), or the mutant
 * surv <= (1 - l_A)^t.
 */
function survivalClaim(mutant: boolean): Certify {
  return (instance) => {
    const decay = (k: number): NumExpr => powerOf(sub(num(1), ref('lA')), k);
    const at = (t: number): BoolExpr => {
      const s = ref(`surv${t}`, 'x');
      return mutant ? le(s, decay(t)) : le(mul(pow(s, 2), ref('mu', 'x')), mul(ref('muAc'), decay(2 * t)));
    };
    const text = mutant
      ? 'P_x(tau_A > t) <= (1 - l_A)^t'
      : 'P_x(tau_A > t)^2 mu(x) <= mu(A^c) (1 - l_A)^(2t), i.e. P_x(tau_A > t) <= sqrt(mu(A^c)/mu(x)) (1 - l_A)^t';
    return hittingClaim(
      instance,
      `${text} for every x in A^c, t = 0..${instance.horizon}; P_x(tau_A > t) = (Q^t 1)(x)`,
      all('x', 'mu', implies(inRest('x'), upTo(0, instance.horizon, at))),
      { horizon: instance.horizon },
    );
  };
}

/** For x in A^c: (E_x[tau_A] l_A)^2 a(x) <= b(x), (a, b) = (mu(x), mu(A^c)) for the claim, (mu(A^c), mu(x)) for the inverted mutant. */
function pointHittingClaim(inverted: boolean): Certify {
  return (instance) => {
    const [a, b] = inverted ? [ref('muAc'), ref('mu', 'x')] : [ref('mu', 'x'), ref('muAc')];
    const text = inverted ? 'E_x[tau_A] <= sqrt(mu(x)/mu(A^c)) / l_A, as (E_x[tau_A] l_A)^2 mu(A^c) <= mu(x)' : 'E_x[tau_A] <= sqrt(mu(A^c)/mu(x)) / l_A, as (E_x[tau_A] l_A)^2 mu(x) <= mu(A^c)';
    return hittingClaim(instance, `${text}, every x in A^c`, all('x', 'mu', implies(inRest('x'), le(mul(pow(mul(ref('h', 'x'), ref('lA')), 2), a), b))));
  };
}

// ---------------------------------------------------------------- the theorem

const properties: PropertySpec<T5Instance>[] = [
  {
    name: 'dirichletGapLowerBound',
    claim: 'l_A >= g mu(A), g = 1 - l_2 the spectral gap',
    mode: 'interval',
    arbitrary: hittingInstances,
    predicate: (i) => gapLowerBound(i, (d) => d.muA, 'l_A < g mu(A)'),
    certify: gapLowerBoundClaim(true),
    describe,
    precision: 'mu(A) exact; l_A = 1 - rho(Q) and g = 1 - l_2 rational enclosures (exact root isolation, width 1e-30 refined to 1e-240), directed comparison',
  },
  {
    name: 'stationaryHittingDirichletBound',
    claim: 'E_mu[tau_A] <= mu(A^c) / l_A',
    mode: 'interval',
    arbitrary: hittingInstances,
    predicate: stationaryHittingDirichletBound,
    certify: stationaryHittingDirichletClaim,
    describe,
    precision: 'E_mu[tau_A] exact ((I - Q) h = 1 over the rationals); l_A a rational enclosure refined until decided',
  },
  {
    name: 'stationaryHittingSpectralBound',
    claim: 'E_mu[tau_A] <= (1 - mu(A)) / (g mu(A))',
    mode: 'interval',
    arbitrary: hittingInstances,
    predicate: (i) => stationaryHittingSpectralBound(i, false),
    certify: stationaryHittingSpectralClaim(false),
    describe,
    precision: 'E_mu[tau_A] exact; g a rational enclosure refined until decided',
  },
  {
    name: 'survivalBound',
    claim: 'P_x(tau_A > t) <= sqrt(mu(A^c)/mu(x)) (1 - l_A)^t for every x in A^c and t = 0..horizon',
    mode: 'interval',
    arbitrary: hittingInstances,
    predicate: (i) => survivalBound(i, false),
    certify: survivalClaim(false),
    describe,
    precision: 'P_x(tau_A > t) = (Q^t 1)(x) exact; squares compared; rho(Q) a rational enclosure refined until decided',
  },
  {
    name: 'pointHittingBound',
    claim: 'E_x[tau_A] <= sqrt(mu(A^c)/mu(x)) / l_A for every x in A^c',
    mode: 'interval',
    arbitrary: hittingInstances,
    predicate: (i) => pointHittingBound(i, false),
    certify: pointHittingClaim(false),
    describe,
    precision: 'E_x[tau_A] exact; squares compared; l_A a rational enclosure refined until decided',
  },
];

const mutants: PropertySpec<T5Instance>[] = [
  {
    name: 'gapMissingMu',
    claim: 'FALSE VARIANT: l_A >= g (the factor mu(A) dropped)',
    mode: 'interval',
    arbitrary: hittingInstances,
    predicate: (i) => gapLowerBound(i, () => ONE, 'l_A < g'),
    certify: gapLowerBoundClaim(false),
    describe,
  },
  {
    name: 'stationaryHittingMissingMu',
    claim: 'FALSE VARIANT: E_mu[tau_A] <= mu(A^c) / g (the factor mu(A) dropped)',
    mode: 'interval',
    arbitrary: hittingInstances,
    predicate: (i) => stationaryHittingSpectralBound(i, true),
    certify: stationaryHittingSpectralClaim(true),
    describe,
  },
  {
    name: 'survivalWithoutPrefactor',
    claim: 'FALSE VARIANT: P_x(tau_A > t) <= (1 - l_A)^t (the prefactor sqrt(mu(A^c)/mu(x)) dropped)',
    mode: 'interval',
    arbitrary: hittingInstances,
    predicate: (i) => survivalBound(i, true),
    certify: survivalClaim(true),
    describe,
  },
  {
    name: 'pointHittingInvertedRatio',
    claim: 'FALSE VARIANT: E_x[tau_A] <= sqrt(mu(x)/mu(A^c)) / l_A (the ratio inverted)',
    mode: 'interval',
    arbitrary: hittingInstances,
    predicate: (i) => pointHittingBound(i, true),
    certify: pointHittingClaim(true),
    describe,
  },
];

/** The whole space as the target: A = X (Q empty, l_A = 1), on 2-state chains with l_2 = 1 - a - b < 0 and on other reversible chains. */
const wholeSpaceTargets = instances(fc.oneof(twoStateChain(new Rational(1n, 2n)), reversibleChain(['prior', 'loopless'])), (chain) =>
  fc.constant(chain.kernel.map((_, x) => x)),
);

/** Reducible chains with a target meeting both closed classes (so every hitting time is finite). */
const reducibleTargets = instances(reducibleChain(), (chain) => {
  const n = chain.kernel.length;
  // The classes are {0..k-1} and {k..n-1}; A = {first of class 1} plus a random subset, {first of class 2} always in.
  let secondClassStart = 1;
  while (chain.kernel[0]![secondClassStart]!.compare(ZERO) > 0) secondClassStart += 1;
  return fc
    .subarray(Array.from({ length: n }, (_, x) => x).filter((x) => x !== 0 && x !== secondClassStart))
    .map((extra) => [0, secondClassStart, ...extra].sort((a, b) => a - b))
    .filter((a) => a.length < n);
});

const assumptions: AssumptionSpec<T5Instance>[] = [
  {
    id: 'reversible',
    text:
      'P is reversible with respect to mu. Dropped (3-state kernels with a strong circulation, mu still stationary, A a single state): ' +
      'Q is no longer self-adjoint in L2(mu), its norm exceeds rho(Q), and every bound fails (g is taken from the eigenvalues of P when they are real).',
    needed: true,
    violate: instances(circulatedTriangle(), (chain) => fc.integer({ min: 0, max: chain.kernel.length - 1 }).map((x) => [x])),
    properties: ['dirichletGapLowerBound', 'stationaryHittingDirichletBound', 'stationaryHittingSpectralBound', 'survivalBound', 'pointHittingBound'],
  },
  {
    id: 'properTarget',
    text:
      'A is nonempty and A != X. Dropped with A = X: Q is the empty matrix, rho(Q) = 0 and l_A = 1, while g mu(A) = g = 1 - l_2 exceeds 1 ' +
      'whenever l_2 < 0, so l_A >= g mu(A) fails. (With A empty every bound is vacuous: Q = P, l_A = 0, E tau_A = infinity.)',
    needed: true,
    violate: wholeSpaceTargets,
    properties: ['dirichletGapLowerBound'],
  },
  {
    id: 'irreducible',
    text:
      'P is irreducible. Not needed for these inequalities: on a reducible reversible chain (two closed classes, mu a mixture) with A meeting ' +
      'every closed class they all hold; l_2 = 1 gives g = 0, so the bounds through g are vacuous. (If A misses a closed class, E tau_A = infinity = mu(A^c)/l_A.)',
    needed: false,
    violate: reducibleTargets,
    properties: ['dirichletGapLowerBound', 'stationaryHittingDirichletBound', 'stationaryHittingSpectralBound', 'survivalBound', 'pointHittingBound'],
  },
];

const identities: IdentitySpec[] = [
  {
    name: 'twoStateDirichletGapTight',
    lhs: '1 - (1 - a)',
    rhs: '(a + b) * (a/(a + b))',
    variables: { a: 'probability', b: 'probability' },
    description:
      'P = [[1 - a, a], [b, 1 - b]], A = {2}: Q = [1 - a], so l_A = 1 - (1 - a) = a, and g mu(A) = (a + b) a/(a + b): the bound l_A >= g mu(A) is an equality.',
  },
  {
    name: 'twoStateStationaryHittingTight',
    lhs: 'm1 * h1',
    rhs: 'm1 / (1 - (1 - a))',
    variables: { a: 'probability', b: 'probability' },
    substitutions: { m1: 'b/(a + b)', h1: '1/a' },
    description: 'For the 2-state chain and A = {2}, E_1[tau_A] = 1/a, and E_mu[tau_A] = mu(1)/a = mu(A^c)/l_A: the Dirichlet bound is an equality.',
  },
  {
    name: 'hittingTimesCramerFirst',
    lhs: '(1 - q11)*h1 - q12*h2',
    rhs: '1',
    variables: { q11: 'probability', q12: 'probability', q21: 'probability', q22: 'probability' },
    substitutions: { D: '(1 - q11)*(1 - q22) - q12*q21', h1: '(1 - q22 + q12)/D', h2: '(1 - q11 + q21)/D' },
    description: 'Cramer\'s rule solves (I - Q) h = 1 for |A^c| = 2: first row.',
  },
  {
    name: 'hittingTimesCramerSecond',
    lhs: '-q21*h1 + (1 - q22)*h2',
    rhs: '1',
    variables: { q11: 'probability', q12: 'probability', q21: 'probability', q22: 'probability' },
    substitutions: { D: '(1 - q11)*(1 - q22) - q12*q21', h1: '(1 - q22 + q12)/D', h2: '(1 - q11 + q21)/D' },
    description: 'Cramer\'s rule solves (I - Q) h = 1 for |A^c| = 2: second row.',
  },
  {
    name: 'dirichletFormReversible',
    lhs: 'm1*f1*(f1 - (P11*f1 + P12*f2 + P13*f3)) + m2*f2*(f2 - (P21*f1 + P22*f2 + P23*f3)) + m3*f3*(f3 - (P31*f1 + P32*f2 + P33*f3))',
    rhs: 'c12*(f1 - f2)^2 + c13*(f1 - f3)^2 + c23*(f2 - f3)^2',
    variables: { m1: 'positive', m2: 'positive', m3: 'positive', c12: 'positive', c13: 'positive', c23: 'positive', f1: 'real', f2: 'real', f3: 'real' },
    substitutions: {
      P12: 'c12/m1',
      P13: 'c13/m1',
      P21: 'c12/m2',
      P23: 'c23/m2',
      P31: 'c13/m3',
      P32: 'c23/m3',
      P11: '1 - P12 - P13',
      P22: '1 - P21 - P23',
      P33: '1 - P31 - P32',
    },
    description:
      'The Dirichlet form of a reversible 3-state chain (edge flows c_xy = mu(x) P(x,y) = mu(y) P(y,x)): <f, (I - P) f>_mu = sum_{x<y} c_xy (f(x) - f(y))^2, ' +
      'the quadratic form behind E(f, f) >= g Var_mu f.',
  },
];

/** Slots (`assume`): EBM chains drawn from slots (support/spectralSlots.ts), A from the target slot (a level set of Phi). */
const slotChains = [
  slotChainFamily((chain, draw) => fc.record({ chain: fc.constant(chain), target: fc.constant(draw.target!.states), horizon: fc.integer({ min: 0, max: 12 }) }), { target: 'levelSet' }),
];

export const T5: Theorem = {
  id: 'T5',
  title: 'Bounded hitting times to superior states',
  statement: {
    text:
      'For P irreducible and reversible with respect to mu, A nonempty with A != X, tau_A = min{t >= 0 : X_t in A}, Q = P on A^c, ' +
      'l_A = 1 - rho(Q) and g = 1 - l_2: l_A >= g mu(A); E_mu[tau_A] <= mu(A^c)/l_A <= (1 - mu(A))/(g mu(A)); ' +
      'for x in A^c, P_x(tau_A > t) <= sqrt(mu(A^c)/mu(x)) (1 - l_A)^t and E_x[tau_A] <= sqrt(mu(A^c)/mu(x))/l_A.',
    latex:
      '\\lambda_A = 1 - \\rho(P|_{A^c}) \\ge g\\,\\mu(A),\\ g = 1 - \\lambda_2;\\quad ' +
      '\\mathbb{E}_\\mu[\\tau_A] \\le \\frac{\\mu(A^c)}{\\lambda_A} \\le \\frac{1 - \\mu(A)}{g\\,\\mu(A)};\\quad ' +
      '\\mathbb{P}_x(\\tau_A > t) \\le \\sqrt{\\tfrac{\\mu(A^c)}{\\mu(x)}}\\,(1 - \\lambda_A)^t,\\quad ' +
      '\\mathbb{E}_x[\\tau_A] \\le \\sqrt{\\tfrac{\\mu(A^c)}{\\mu(x)}}\\,\\frac{1}{\\lambda_A}\\quad (x \\in A^c).',
  },
  source:
    'Claims from the paper\'s abstract, formalized: "This yields monotonic KL convergence to a high-quality stationary distribution, ' +
    'bounded hitting times to superior states, and exponential mixing governed by the spectral gap."',
  assumptions,
  identities,
  properties,
  mutants,
  ...slotLaboratory(properties.map((spec) => ({ spec, families: slotChains }))),
};
