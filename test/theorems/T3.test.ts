import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, test } from 'vitest';
import type { NumberObject } from '../../src/arith/numberObject.js';
import { exactArithmetic } from '../../src/arith/exact.js';
import { Rational } from '../../src/arith/rational.js';
import { contractingPower } from '../../src/markov/contraction.js';
import { dobrushinCoefficient } from '../../src/markov/dobrushin.js';
import { invariantSetWitness } from '../../src/markov/invariantSet.js';
import { PROFILES } from '../../src/runner/profiles.js';
import { runMutant } from '../../src/runner/property.js';
import { runTheorem, type TheoremResult } from '../../src/runner/run.js';
import { findByName, seedName } from '../../src/runner/renames.js';
import { DEFAULT_SEED } from '../../src/runner/seed.js';
import type { PropertySpec, Verdict } from '../../src/runner/theorem.js';
import { catalogueProblems } from '../../src/runner/validate.js';
import { certifyIdentity } from '../../src/symbolic/index.js';
import { klDropVanishes } from '../../src/markov/reversedKernel.js';
import { startLaw, type ChainRun } from '../../theorems/support/chainRuns.js';
import { T3 } from '../../theorems/T3.js';

/**
 * Known answers, worked by hand; logarithms evaluated with decimal.js (an
 * oracle independent of the interval code) at 60 digits:
 * - P = [[3/4,1/4],[1/2,1/2]]: mu = (2/3, 1/3) (mu P = mu by hand), Dobrushin
 *   coefficient = TV of the rows = 1/4; from nu_0 = (1, 0), KL(nu_0 || mu) = log(3/2).
 * - P = 1/2 everywhere, mu = (1/2, 1/2): from nu_0 = (1, 0), nu_1 = mu, so the KL
 *   drop is log 2.
 * - The swap P = [[0,1],[1,0]], mu = (1/2, 1/2), nu_0 = (1, 0): nu_{2j} = nu_0, so
 *   C = {0} with d = 2 is invariant, nu_0(C) = 1 != 1/2 = mu(C), KL >= 2 (1/2)^2 = 1/2.
 * - P = 1/2 everywhere with the non-stationary mu = (1/4, 3/4) and nu_0 = mu:
 *   KL(nu_1 || mu) = (1/2) log(4/3) > 0 = KL(nu_0 || mu).
 * - P = [[1 - 1e-20, 1e-20], [1e-20, 1 - 1e-20]], mu = (1/2, 1/2), nu_0 = (1 - 1e-30, 1e-30):
 *   the KL drop is 4.7051701857478328587e-19 (mpmath, 60 digits); float64 computes both
 *   divergences as 0.6931471805599453 and sees no drop at all.
 */
const D = Decimal.clone({ precision: 60 });
const rat = (p: number | bigint, q: number | bigint = 1): Rational => new Rational(BigInt(p), BigInt(q));
const half = rat(1, 2);

const property = (name: string): PropertySpec<ChainRun> =>
  T3.properties.find((p) => p.name === name) as PropertySpec<ChainRun>;
const mutant = (name: string): PropertySpec<ChainRun> =>
  T3.mutants.find((p) => p.name === name) as PropertySpec<ChainRun>;
const values = (verdict: Verdict): Record<string, NumberObject | string> =>
  verdict.status === 'fail' ? (verdict.values ?? {}) : {};
const margin = (verdict: Verdict): number => (verdict.status === 'pass' ? (verdict.margin ?? NaN) : NaN);

function expectEncloses(value: NumberObject | string | undefined, expected: Decimal): void {
  expect(typeof value).toBe('object');
  const { lo, hi } = value as NumberObject;
  expect(new D(lo).lte(expected), `lo ${lo} > ${expected.toString()}`).toBe(true);
  expect(new D(hi).gte(expected), `hi ${hi} < ${expected.toString()}`).toBe(true);
}

function run(kernel: Rational[][], mu: Rational[], nu: Rational[] | 'stationary', t = 0, j = 6): ChainRun {
  return {
    kind: 'positive',
    kernel,
    mu,
    start: nu === 'stationary' ? { kind: 'stationary' } : { kind: 'random', nu },
    t,
    j,
  };
}

const lazy = [
  [rat(3, 4), rat(1, 4)],
  [half, half],
];
const lazyMu = [rat(2, 3), rat(1, 3)];
const mixing = [
  [half, half],
  [half, half],
];
const swap = [
  [rat(0), rat(1)],
  [rat(1), rat(0)],
];

describe('T3 through the runner (quick profile, default seed)', () => {
  let result: TheoremResult;
  beforeAll(() => {
    result = runTheorem(T3, { seed: DEFAULT_SEED, profile: PROFILES.quick, certify: certifyIdentity, ablation: true });
  });

  test('verified: identities certified, properties verified rigorously, mutants refuted', () => {
    expect(result.status).toBe('verified');
    for (const identity of result.identities) expect(identity.status, identity.name).toBe('certified');
    for (const p of result.properties) {
      expect(p.status, p.name).toBe('verified');
      expect(p.undecided, p.name).toBe(0);
      expect(p.mode).toBe('interval');
    }
    for (const m of result.mutants) expect(m.status, m.name).toBe('refuted');
  });

  test('ablation: a stationary mu and a positive kernel are needed, the chain rule needs neither', () => {
    const outcomes = Object.fromEntries(result.ablations!.map((a) => [a.id, { needed: a.needed, outcome: a.outcome }]));
    expect(outcomes).toEqual({
      'stationary-mu': { needed: true, outcome: 'confirmed' },
      'stationary-mu-for-chain-rule': { needed: false, outcome: 'confirmed' },
      'positive-kernel': { needed: true, outcome: 'confirmed' },
    });
  });

  test('the module is consistent: kebab-case names, unique, assumptions name its own properties', () => {
    expect(catalogueProblems([T3])).toEqual([]);
  });

  test('the assumptions renamed keep their former IDs: replay resolves them, and their seeds stay', () => {
    const renamed = {
      stationarity: 'stationary-mu',
      'stationarity-chain-rule': 'stationary-mu-for-chain-rule',
      positivity: 'positive-kernel',
    };
    for (const [old, now] of Object.entries(renamed)) {
      const lookup = findByName(T3.assumptions, old);
      expect(lookup?.spec.id).toBe(now);
      expect(lookup?.renamedFrom).toBe(old);
      expect(seedName(lookup!.spec)).toBe(old);
    }
  });

  test('every mutant is refuted within 200 runs at other seeds too', () => {
    for (const seed of [1, 2, 3, 20251218]) {
      for (const m of T3.mutants)
        expect(runMutant(m, { seed, runs: 200 }).status, `${m.name} at seed ${seed}`).toBe('refuted');
    }
  });
});

describe('T3 predicates on hand-made instances', () => {
  test('P = 1/2 everywhere from (1, 0): the drop is log 2, strict, and KL tends to 0', () => {
    const instance = run(mixing, [half, half], [rat(1), rat(0)]);
    const log2 = new D(2).ln().toNumber();
    expect(margin(property('kl-non-increasing').predicate(instance))).toBeCloseTo(log2, 12);
    expect(margin(property('kl-strictly-decreasing').predicate(instance))).toBeCloseTo(log2, 12);
    expect(property('kl-tends-to-zero').predicate(instance).status).toBe('pass');
  });

  test('P = [[3/4,1/4],[1/2,1/2]]: Dobrushin 1/4, the bound holds up to T(1e-12), the chain rule holds to 30 digits', () => {
    expect(dobrushinCoefficient(exactArithmetic, lazy).toFraction()).toBe('1/4');
    expect(contractingPower(exactArithmetic, lazy)).toEqual({ k: 1, delta: rat(1, 4) });
    const instance = run(lazy, lazyMu, [rat(1), rat(0)], 0, 12);
    expect(property('kl-tends-to-zero').predicate(instance).status).toBe('pass');
    const rule = property('chain-rule').predicate(instance);
    expect(rule.status).toBe('pass');
    expect(margin(rule)).toBeLessThan(1e-30);
    // Weighting the reversed-kernel term by mu instead of nu P is refuted; KL(nu || mu) = log(3/2).
    const weighted = mutant('chain-rule-weighted-by-mu').predicate(instance);
    expect(weighted.status).toBe('fail');
    expectEncloses(values(weighted)['KL(nu || mu)'], new D(3).div(2).ln());
    // Without 1/mu_min the bound is false at t = 0 from (0, 1): log 3 > 2 (2/3)^2 = 8/9.
    const noMuMin = mutant('decay-bound-without-mu-min').predicate(run(lazy, lazyMu, [rat(0), rat(1)]));
    expect(noMuMin.status).toBe('fail');
    expectEncloses(values(noMuMin)['KL(nu_t || mu)'], new D(3).ln());
    expect((values(noMuMin).bound as NumberObject).exact).toBe('8/9');
  });

  test('the swap kernel: KL stays log 2 (strictness fails exactly) and the invariant set {0}, d = 2, refutes the limit', () => {
    const instance = run(swap, [half, half], [rat(1), rat(0)]);
    expect(contractingPower(exactArithmetic, swap)).toBeUndefined();
    expect(invariantSetWitness(exactArithmetic, instance.kernel, startLaw(instance), instance.mu)).toEqual({
      states: [0],
      d: 2,
      start: rat(1),
      stationary: half,
    });
    expect(klDropVanishes(exactArithmetic, [rat(1), rat(0)], [rat(0), rat(1)], [half, half], swap)).toBe(true);
    expect(property('kl-non-increasing').predicate(instance)).toEqual({ status: 'pass', margin: 0 });
    expect(property('kl-strictly-decreasing').predicate(instance).status).toBe('fail');
    const limit = property('kl-tends-to-zero').predicate(instance);
    expect(limit.status).toBe('fail');
    expect((values(limit)['lower bound on KL for every j'] as NumberObject).exact).toBe('1/2');
  });

  test('a non-stationary mu = (1/4, 3/4) under P = 1/2: from nu_0 = mu the divergence rises to (1/2) log(4/3)', () => {
    const instance = run(mixing, [rat(1, 4), rat(3, 4)], 'stationary');
    const verdict = property('kl-non-increasing').predicate(instance);
    expect(verdict.status).toBe('fail');
    expectEncloses(values(verdict)['KL(nu_{t+1} || mu)'], new D(4).div(3).ln().div(2));
    expect(property('kl-tends-to-zero').predicate(instance).status).toBe('fail');
  });

  test('masses 1e-30 and 1e-20: a drop of 4.705e-19, invisible to float64, is decided positive (no rounding artifact)', () => {
    const e20 = rat(1, 10n ** 20n);
    const e30 = rat(1, 10n ** 30n);
    const kernel = [
      [rat(1).sub(e20), e20],
      [e20, rat(1).sub(e20)],
    ];
    const instance = run(kernel, [half, half], [rat(1).sub(e30), e30]);
    // float64 sees the two divergences as the same number.
    const klFloat = (nu: number[]): number => nu.reduce((acc, p) => acc + (p > 0 ? p * Math.log(p / 0.5) : 0), 0);
    expect(klFloat([1 - 1e-30, 1e-30]) - klFloat([1 - 1e-20, 1e-20])).toBe(0);
    const verdict = property('kl-strictly-decreasing').predicate(instance);
    expect(verdict.status).toBe('pass');
    const drop = new D('4.7051701857478328587355783409576355960284735781245348e-19');
    expect(margin(verdict)).toBeGreaterThan(0);
    expect(Math.abs(margin(verdict) - drop.toNumber()) / drop.toNumber()).toBeLessThan(1e-12);
  });

  test('the identity kernel: nu_{t+1} = nu_t, so strictness fails for every kernel-independent claim', () => {
    const identity = [
      [rat(1), rat(0)],
      [rat(0), rat(1)],
    ];
    const instance = run(identity, [rat(1, 3), rat(2, 3)], [rat(1), rat(0)]);
    expect(property('kl-non-increasing').predicate(instance)).toEqual({ status: 'pass', margin: 0 });
    expect(mutant('strict-for-every-stationary-kernel').predicate(instance).status).toBe('fail');
  });
});
