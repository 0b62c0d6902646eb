import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, test } from 'vitest';
import type { NumberObject } from '../../src/arith/numberObject.js';
import { Rational } from '../../src/arith/rational.js';
import { PROFILES } from '../../src/runner/profiles.js';
import { runMutant } from '../../src/runner/property.js';
import { runTheorem, type TheoremResult } from '../../src/runner/run.js';
import { DEFAULT_SEED } from '../../src/runner/seed.js';
import type { PropertySpec, Verdict } from '../../src/runner/theorem.js';
import { catalogueProblems } from '../../src/runner/validate.js';
import { certifyIdentity } from '../../src/symbolic/index.js';
import { T2q } from '../../theorems/T2q.js';
import type { QualityInstance } from '../../theorems/support/qualityInstances.js';
import { edgeSumConstant } from '../../theorems/support/stationaryQuality.js';
import { exactChain } from '../../theorems/support/responseChain.js';

/**
 * Known answers, worked by hand; transcendental ones evaluated with decimal.js
 * (an oracle independent of the interval code) at 50 digits:
 * - C = [[0,1,2],[1,0,1],[2,1,0]], w = (1,2,3), s = 0: C w = (8, 4, 4),
 *   w (C w) = (8, 8, 12), mu = (2/7, 2/7, 3/7).
 * - q = 1/3, w = (1, 2, 5): mu = w / 8.
 * - C = 1 (n = 2), Phi = (0, 1): mu = (1, e^{1/beta}) / (1 + e^{1/beta}), so
 *   E_mu[Phi] = e/(1+e) at beta = 1 and sqrt(e)/(1 + sqrt(e)) at beta = 2; E_rho = 1/2.
 * - C = [[0,1],[1,0]], Phi = (0, 1): mu = (1/2, 1/2) at every beta (bipartite support).
 * - The trap q = [[0,1/9,8/9],[1/2,1/2,0],[5/11,6/11,0]] (not reversible), Phi = (-4,-3,4),
 *   beta = 1/4: q's stationary law is (99, 118, 88)/305, E_rho[Phi] = -398/305, and
 *   E_mu[Phi] = -2.8942960587175657591965... (mpmath, 60 digits) < E_rho[Phi].
 */
const D = Decimal.clone({ precision: 50 });
const rat = (p: number, q = 1): Rational => new Rational(BigInt(p), BigInt(q));
const ones = (n: number): Rational[][] => Array.from({ length: n }, () => Array.from({ length: n }, () => rat(1)));
const zeros = (n: number): Rational[][] => Array.from({ length: n }, () => Array.from({ length: n }, () => rat(0)));

const property = (name: string): PropertySpec<QualityInstance> =>
  T2q.properties.find((p) => p.name === name) as PropertySpec<QualityInstance>;
const mutant = (name: string): PropertySpec<QualityInstance> =>
  T2q.mutants.find((p) => p.name === name) as PropertySpec<QualityInstance>;
const values = (verdict: Verdict): Record<string, NumberObject | string> =>
  verdict.status === 'fail' ? (verdict.values ?? {}) : {};

function expectEncloses(value: NumberObject | string | undefined, expected: Decimal): void {
  expect(typeof value).toBe('object');
  const { lo, hi } = value as NumberObject;
  expect(new D(lo).lte(expected), `lo ${lo} > ${expected.toString()}`).toBe(true);
  expect(new D(hi).gte(expected), `hi ${hi} < ${expected.toString()}`).toBe(true);
}

/** A value-form instance with s = 0 and reward Phi(y) - Phi(x). */
function valueInstance(
  q: Rational[][],
  conductance: Rational[][] | undefined,
  phi: Rational[],
  beta: Rational,
  beta2: Rational,
): QualityInstance {
  const n = q.length;
  const reference =
    conductance === undefined
      ? { variant: 'hand', q }
      : { variant: 'hand', q, reversible: { conductance, rho: conductance.map((r) => r.reduce((a, b) => a.add(b))) } };
  return {
    n,
    reference,
    potential: { form: 'values', values: phi },
    interaction: { kind: 'none', form: 'values', values: zeros(n) },
    reward: { kind: 'potential' },
    beta,
    beta2,
  };
}

describe('T2q through the runner (quick profile, default seed)', () => {
  let result: TheoremResult;
  beforeAll(() => {
    result = runTheorem(T2q, { seed: DEFAULT_SEED, profile: PROFILES.quick, certify: certifyIdentity, ablation: true });
  });

  test('verified: identities certified, properties verified exactly or rigorously, mutants refuted', () => {
    expect(result.status).toBe('verified');
    for (const identity of result.identities) expect(identity.status, identity.name).toBe('certified');
    for (const p of result.properties) {
      expect(p.status, p.name).toBe('verified');
      expect(p.undecided, p.name).toBe(0);
      expect(['exact', 'interval']).toContain(p.mode);
    }
    for (const m of result.mutants) expect(m.status, m.name).toBe('refuted');
  });

  test('ablation: no-interaction and reversible-reference are needed by their claims, full-support by strictness', () => {
    const outcomes = Object.fromEntries(result.ablations!.map((a) => [a.id, { needed: a.needed, outcome: a.outcome }]));
    expect(outcomes).toEqual({
      'no-interaction': { needed: true, outcome: 'confirmed' },
      'reversible-reference': { needed: true, outcome: 'confirmed' },
      'full-support': { needed: true, outcome: 'confirmed' },
    });
  });

  test('the module is consistent: one-word names, unique, assumptions name its own properties', () => {
    expect(catalogueProblems([T2q])).toEqual([]);
  });

  test('every mutant is refuted within 200 runs at other seeds too', () => {
    for (const seed of [1, 2, 3, 20251218]) {
      for (const m of T2q.mutants)
        expect(runMutant(m, { seed, runs: 200 }).status, `${m.name} at seed ${seed}`).toBe('refuted');
    }
  });
});

describe('T2q predicates on hand-made instances', () => {
  test('closed form w (C w): mu = (2/7, 2/7, 3/7) by GTH', () => {
    const C = [
      [0, 1, 2],
      [1, 0, 1],
      [2, 1, 0],
    ].map((r) => r.map((c) => rat(c)));
    const rho = [rat(3), rat(2), rat(3)];
    const instance: QualityInstance = {
      n: 3,
      reference: {
        variant: 'hand',
        q: C.map((r, x) => r.map((c) => c.div(rho[x]!))),
        reversible: { conductance: C, rho },
      },
      potential: { form: 'weights', weights: [rat(1), rat(2), rat(3)] },
      interaction: { kind: 'none', form: 'weights', weights: ones(3) },
      reward: { kind: 'potential' },
      beta: rat(1),
      beta2: rat(2),
    };
    expect(exactChain(instance).mu.map((m) => m.toFraction())).toEqual(['2/7', '2/7', '3/7']);
    expect(property('stationary-closed-form').predicate(instance)).toEqual({ status: 'pass', margin: 0 });
    const wrong = mutant('stationary-proportional-to-w').predicate(instance);
    expect(wrong.status).toBe('fail');
  });

  test('uniform q: mu = w / sum w = (1, 2, 5)/8 exactly; w^2 / sum w^2 = (1, 4, 25)/30 is refuted', () => {
    const instance: QualityInstance = {
      n: 3,
      reference: {
        variant: 'uniform',
        q: ones(3).map((r) => r.map((v) => v.div(3))),
        reversible: { conductance: ones(3).map((r) => r.map((v) => v.div(3))), rho: [rat(1), rat(1), rat(1)] },
      },
      potential: { form: 'weights', weights: [rat(1), rat(2), rat(5)] },
      interaction: { kind: 'none', form: 'weights', weights: ones(3) },
      reward: { kind: 'pairwise', offset: { form: 'weights', weights: [rat(7), rat(1, 3), rat(2)] } },
      beta: rat(1),
      beta2: rat(2),
    };
    expect(exactChain(instance).mu.map((m) => m.toFraction())).toEqual(['1/8', '1/4', '5/8']);
    expect(property('uniform-reference-softmax').predicate(instance)).toEqual({ status: 'pass', margin: 0 });
    const squared = mutant('softmax-squared').predicate(instance);
    expect(squared.status).toBe('fail');
    expect((values(squared)['w^2 / sum'] as NumberObject).exact).toBe('1/30');
  });

  test('C = 1, Phi = (0, 1): E_mu = e/(1+e) at beta = 1 and sqrt(e)/(1+sqrt(e)) at beta = 2, strictly above E_rho = 1/2', () => {
    const instance = valueInstance(
      ones(2).map((r) => r.map((v) => v.div(2))),
      ones(2),
      [rat(0), rat(1)],
      rat(1),
      rat(2),
    );
    const e = new D(1).exp();
    const at1 = e.div(e.add(1));
    const at2 = e.sqrt().div(e.sqrt().add(1));
    const above = property('quality-above-reference').predicate(instance);
    expect(above.status).toBe('pass');
    expect(above.status === 'pass' ? above.margin! : 0).toBeCloseTo(at1.sub(0.5).toNumber(), 12);
    const strict = property('quality-strictly-decreasing-in-beta').predicate(instance);
    expect(strict.status).toBe('pass');
    expect(strict.status === 'pass' ? strict.margin! : 0).toBeCloseTo(at1.sub(at2).toNumber(), 12);
    // The sign-flipped mutant fails on it, with both sides enclosed.
    const flipped = mutant('quality-non-decreasing-in-beta').predicate(instance);
    expect(flipped.status).toBe('fail');
    expectEncloses(values(flipped)['E_mu(beta1)[Phi]'], at1);
    expectEncloses(values(flipped)['E_mu(beta2)[Phi]'], at2);
  });

  test('bipartite C = [[0,1],[1,0]], Phi = (0, 1): mu = rho at every beta, so strictness fails while the weak claims hold with equality', () => {
    const swap = [
      [rat(0), rat(1)],
      [rat(1), rat(0)],
    ];
    const instance = valueInstance(swap, swap, [rat(0), rat(1)], rat(1), rat(2));
    expect(edgeSumConstant(instance)).toBe(true);
    expect(property('quality-non-increasing-in-beta').predicate(instance)).toEqual({ status: 'pass', margin: 0 });
    expect(property('quality-above-reference').predicate(instance)).toEqual({ status: 'pass', margin: 0 });
    expect(property('quality-strictly-decreasing-in-beta').predicate(instance).status).toBe('fail');
  });

  test('the trap (reversible reference dropped): E_mu[Phi] = -2.8943 < E_rho[Phi] = -398/305, decided', () => {
    const q = [
      [rat(0), rat(1, 9), rat(8, 9)],
      [rat(1, 2), rat(1, 2), rat(0)],
      [rat(5, 11), rat(6, 11), rat(0)],
    ];
    const instance = valueInstance(q, undefined, [rat(-4), rat(-3), rat(4)], rat(1, 4), rat(1, 2));
    const verdict = property('quality-above-reference').predicate(instance);
    expect(verdict.status).toBe('fail');
    expectEncloses(values(verdict)['E_mu[Phi]'], new D('-2.894296058717565759196509149707777242725611'));
    expectEncloses(values(verdict)['E_rho[Phi]'], new D(-398).div(305));
  });
});
