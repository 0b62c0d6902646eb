import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, test } from 'vitest';
import type { NumberObject } from '../../src/arith/numberObject.js';
import { Rational } from '../../src/arith/rational.js';
import { PROFILES } from '../../src/runner/profiles.js';
import { runMutant } from '../../src/runner/property.js';
import { runTheorem, type TheoremResult } from '../../src/runner/run.js';
import { DEFAULT_SEED } from '../../src/runner/seed.js';
import type { PropertySpec, Verdict } from '../../src/runner/theorem.js';
import { certifyIdentity } from '../../src/symbolic/index.js';
import { T1 } from '../../theorems/T1.js';
import { exactGibbsOptimum, type GibbsInstance } from '../../theorems/support/gibbsInstances.js';

/**
 * Known answers: closed forms worked by hand, evaluated with decimal.js (an
 * oracle independent of the interval code) at 60 digits.
 * For q = (1/2, 1/2), r = (0, 1), beta = 1: Z = (1 + e)/2,
 * pi* = (1, e)/(1 + e), J(q) = 1/2, J(pi*) = log Z.
 */
const D = Decimal.clone({ precision: 60 });
const e = new D(1).exp();
const rat = (p: number, q = 1): Rational => new Rational(BigInt(p), BigInt(q));

function expectEncloses(value: NumberObject | string | undefined, expected: Decimal): void {
  expect(typeof value).toBe('object');
  const { lo, hi } = value as NumberObject;
  expect(new D(lo).lte(expected), `lo ${lo} > ${expected.toString()}`).toBe(true);
  expect(new D(hi).gte(expected), `hi ${hi} < ${expected.toString()}`).toBe(true);
}

const property = (name: string): PropertySpec<GibbsInstance> =>
  T1.properties.find((p) => p.name === name) as PropertySpec<GibbsInstance>;
const mutant = (name: string): PropertySpec<GibbsInstance> =>
  T1.mutants.find((p) => p.name === name) as PropertySpec<GibbsInstance>;
const values = (verdict: Verdict): Record<string, NumberObject | string> =>
  verdict.status === 'fail' ? (verdict.values ?? {}) : {};

const half: GibbsInstance = {
  q: [rat(1, 2), rat(1, 2)],
  reward: { form: 'values', values: [rat(0), rat(1)] },
  beta: rat(1),
  kind: 'reference',
  pi: [rat(1, 2), rat(1, 2)],
};
const logZ = e.add(1).div(2).ln();

describe('T1 through the runner (quick profile, default seed)', () => {
  let result: TheoremResult;
  beforeAll(() => {
    result = runTheorem(T1, { seed: DEFAULT_SEED, profile: PROFILES.quick, certify: certifyIdentity, ablation: true });
  });

  test('verified: identities certified, properties verified rigorously, mutants refuted', () => {
    expect(result.status).toBe('verified');
    expect(result.identities.map((i) => i.status)).toEqual(result.identities.map(() => 'certified'));
    for (const p of result.properties) {
      expect(p.status, p.name).toBe('verified');
      expect(['exact', 'interval']).toContain(p.mode);
      expect(p.undecided, p.name).toBe(0);
    }
    for (const m of result.mutants) expect(m.status, m.name).toBe('refuted');
  });

  test('ablation: sum pi = 1 and beta > 0 are needed, supp pi within supp q is not', () => {
    const outcomes = Object.fromEntries(result.ablations!.map((a) => [a.id, { needed: a.needed, outcome: a.outcome }]));
    expect(outcomes).toEqual({
      'support-within-reference': { needed: false, outcome: 'confirmed' },
      'policy-sums-to-one': { needed: true, outcome: 'confirmed' },
      'beta-positive': { needed: true, outcome: 'confirmed' },
    });
  });

  test('every mutant is refuted within 200 runs at other seeds too', () => {
    for (const seed of [1, 2, 3, 20251218]) {
      for (const m of T1.mutants)
        expect(runMutant(m, { seed, runs: 200 }).status, `${m.name} at seed ${seed}`).toBe('refuted');
    }
  });
});

describe('T1 predicates on hand-made instances', () => {
  test('q = (1/2, 1/2), r = (0, 1), beta = 1, pi = q: identity, maximizer (margin log Z - 1/2), max value', () => {
    const identity = property('gibbs-identity').predicate(half);
    expect(identity.status).toBe('pass');
    expect(identity.status === 'pass' && identity.margin!).toBeLessThan(1e-30);
    const maximizer = property('pi-star-maximizes').predicate(half);
    expect(maximizer.status).toBe('pass');
    expect(maximizer.status === 'pass' && maximizer.margin!).toBeCloseTo(logZ.sub(0.5).toNumber(), 12);
    expect(property('max-value').predicate(half).status).toBe('pass');
  });

  test('weights w = (1, 3), beta = 2: pi* = (1/4, 3/4) exactly is the maximizer, and J(pi*) - J(q) = log(4/3)', () => {
    const weighted: GibbsInstance = {
      ...half,
      reward: { form: 'weights', weights: [rat(1), rat(3)] },
      beta: rat(2),
      kind: 'optimal',
      pi: [rat(1, 4), rat(3, 4)],
    };
    expect(exactGibbsOptimum(weighted)!.map((v) => v.toFraction())).toEqual(['1/4', '3/4']);
    expect(property('pi-star-maximizes').predicate(weighted)).toEqual({ status: 'pass', margin: 0 });
    const fromReference = property('pi-star-maximizes').predicate({
      ...weighted,
      kind: 'reference',
      pi: [rat(1, 2), rat(1, 2)],
    });
    expect(fromReference.status === 'pass' && fromReference.margin!).toBeCloseTo(Math.log(4 / 3), 12);
  });

  test('exact pi* only when rational: constant r on supp q gives q, a varying r gives none', () => {
    const q = [rat(1, 2), rat(1, 2), rat(0)];
    expect(exactGibbsOptimum({ q, reward: { form: 'values', values: [rat(1), rat(1), rat(3)] } })).toEqual(q);
    expect(exactGibbsOptimum({ q, reward: { form: 'values', values: [rat(1), rat(2), rat(2)] } })).toBeUndefined();
  });

  test('unnormalized pi = (1, 1): the identity fails by beta log Z (sum pi - 1) = log((1 + e)/2)', () => {
    const verdict = property('gibbs-identity').predicate({ ...half, kind: 'unnormalized', pi: [rat(1), rat(1)] });
    expect(verdict.status).toBe('fail');
    expectEncloses(values(verdict)['lhs - rhs'], logZ);
  });

  test('beta = -1: pi* = (1, 1/e)/(1 + 1/e) minimizes J, so J(q) = 1/2 > J(pi*) = -log((1 + 1/e)/2)', () => {
    const negative = { ...half, beta: rat(-1) };
    expect(property('gibbs-identity').predicate(negative).status).toBe('pass');
    const verdict = property('pi-star-maximizes').predicate(negative);
    expect(verdict.status).toBe('fail');
    expectEncloses(values(verdict)['J(pi)'], new D(0.5));
    expectEncloses(values(verdict)['J(pi*)'], new D(1).add(e.pow(-1)).div(2).ln().neg());
  });

  test('pi off supp q: both sides -infinity for beta > 0 (holds), J(pi) = +infinity for beta < 0 (fails)', () => {
    const off: GibbsInstance = { ...half, q: [rat(1), rat(0)], kind: 'offSupport' };
    expect(property('gibbs-identity').predicate(off)).toEqual({ status: 'pass', margin: 0 });
    expect(property('pi-star-maximizes').predicate(off).status).toBe('pass');
    expect(property('pi-star-maximizes').predicate({ ...off, beta: rat(-1) }).status).toBe('fail');
  });

  test('mutants fail on the hand-made instance with the true values', () => {
    // KL(pi* || q) with pi* = (1, e)/(1 + e): the reversed-KL side is log Z - KL(pi* || q).
    const s1 = new D(1).div(e.add(1));
    const s2 = e.div(e.add(1));
    const klStarToQ = s1.mul(s1.mul(2).ln()).add(s2.mul(s2.mul(2).ln()));
    const reversed = mutant('reversed-kl').predicate(half);
    expect(reversed.status).toBe('fail');
    expectEncloses(values(reversed)['J(pi)'], new D(0.5));
    expectEncloses(values(reversed)['beta log Z - beta KL(pi*||pi)'], logZ.sub(klStarToQ));
    const partition = mutant('partition-without-reference').predicate(half);
    expectEncloses(values(partition)['J(pi*)'], logZ);
    expectEncloses(values(partition)['beta log sum exp(r/beta)'], e.add(1).ln());
    expect(mutant('reference-maximizes').predicate({ ...half, pi: [rat(1, 4), rat(3, 4)] }).status).toBe('fail');
  });
});
