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
import { T2 } from '../../theorems/T2.js';
import { exactChain, type ResponseChainInstance } from '../../theorems/support/responseChain.js';

/**
 * Known answers, worked by hand (and checked with exact fractions outside the suite):
 * - C = [[0,1,2],[1,0,1],[2,1,0]] (rho = (3,2,3)), w = (1,2,3), v = 1 except
 *   v(0,1) = v(1,0) = 2: Z_Phi = (10/3, 5/2, 4/3), rho w Z_Phi = (10, 10, 12),
 *   mu = (5/16, 5/16, 3/8).
 * - The cyclic kernel q = [[0,2/3,1/3],[1/3,0,2/3],[2/3,1/3,0]] with w = 1:
 *   forward product (2/3)^3 = 8/27, backward (1/3)^3 = 1/27 on 0 -> 1 -> 2 -> 0.
 * - C = 1 (n = 2), Phi = (0, 1), beta = 1: P(0,1)/P(1,0) = e = exp(U(1) - U(0)).
 */
const rat = (p: number, q = 1): Rational => new Rational(BigInt(p), BigInt(q));
const row = (...values: Rational[]): Rational[] => values;
const ones = (n: number): Rational[][] => Array.from({ length: n }, () => Array.from({ length: n }, () => rat(1)));
const zeros = (n: number): Rational[][] => Array.from({ length: n }, () => Array.from({ length: n }, () => rat(0)));

const property = (name: string): PropertySpec<ResponseChainInstance> =>
  T2.properties.find((p) => p.name === name) as PropertySpec<ResponseChainInstance>;
const mutant = (name: string): PropertySpec<ResponseChainInstance> =>
  T2.mutants.find((p) => p.name === name) as PropertySpec<ResponseChainInstance>;
const values = (verdict: Verdict): Record<string, NumberObject | string> =>
  verdict.status === 'fail' ? (verdict.values ?? {}) : {};
const exact = (value: NumberObject | string | undefined): string | undefined =>
  typeof value === 'object' ? value.exact : undefined;

/** The hand instance of the module comment above (weight form, offset c = 1/w). */
const C = [row(rat(0), rat(1), rat(2)), row(rat(1), rat(0), rat(1)), row(rat(2), rat(1), rat(0))];
const handChain: ResponseChainInstance = {
  n: 3,
  reference: {
    variant: 'hand',
    q: C.map((r, x) => r.map((c) => c.div([3, 2, 3][x]!))),
    reversible: { conductance: C, rho: [rat(3), rat(2), rat(3)] },
  },
  potential: { form: 'weights', weights: [rat(1), rat(2), rat(3)] },
  interaction: {
    kind: 'symmetric',
    form: 'weights',
    weights: [row(rat(1), rat(2), rat(1)), row(rat(2), rat(1), rat(1)), row(rat(1), rat(1), rat(1))],
  },
  reward: { kind: 'potential' },
  beta: rat(1),
};

/** A non-reversible reference (a cyclic bias), w = v = 1. */
const cyclicQ = [
  row(rat(0), rat(2, 3), rat(1, 3)),
  row(rat(1, 3), rat(0), rat(2, 3)),
  row(rat(2, 3), rat(1, 3), rat(0)),
];
const cyclicChain: ResponseChainInstance = {
  n: 3,
  reference: { variant: 'hand cyclic', q: cyclicQ },
  potential: { form: 'weights', weights: [rat(1), rat(1), rat(1)] },
  interaction: { kind: 'none', form: 'weights', weights: ones(3) },
  reward: { kind: 'potential' },
  beta: rat(1),
};

describe('T2 through the runner (quick profile, default seed)', () => {
  let result: TheoremResult;
  beforeAll(() => {
    result = runTheorem(T2, { seed: DEFAULT_SEED, profile: PROFILES.quick, certify: certifyIdentity, ablation: true });
  });

  test('verified: identities certified, properties verified exactly or rigorously, mutants refuted', () => {
    expect(result.status).toBe('verified');
    for (const identity of result.identities) expect(identity.status, identity.name).toBe('certified');
    for (const p of result.properties) {
      expect(p.status, p.name).toBe('verified');
      expect(p.undecided, p.name).toBe(0);
      expect(['exact', 'interval']).toContain(p.mode);
    }
    expect(result.properties.filter((p) => p.mode === 'exact')).toHaveLength(6);
    for (const m of result.mutants) expect(m.status, m.name).toBe('refuted');
  });

  test('ablation: reward-potential and reversible-reference are needed by every property, full-support by none', () => {
    const outcomes = Object.fromEntries(result.ablations!.map((a) => [a.id, { needed: a.needed, outcome: a.outcome }]));
    expect(outcomes).toEqual({
      'reward-potential': { needed: true, outcome: 'confirmed' },
      'reversible-reference': { needed: true, outcome: 'confirmed' },
      'full-support': { needed: false, outcome: 'confirmed' },
    });
    for (const ablation of result.ablations!.filter((a) => a.needed)) {
      for (const p of ablation.properties) expect(p.status, `${ablation.id} ${p.name}`).toBe('falsified');
    }
  });

  test('the module is consistent: one-word names, unique, assumptions name its own properties', () => {
    expect(catalogueProblems([T2])).toEqual([]);
  });

  test('every mutant is refuted within 200 runs at other seeds too', () => {
    for (const seed of [1, 2, 3, 20251218]) {
      for (const m of T2.mutants)
        expect(runMutant(m, { seed, runs: 200 }).status, `${m.name} at seed ${seed}`).toBe('refuted');
    }
  });
});

describe('T2 predicates on hand-made instances', () => {
  test('the hand chain: GTH gives mu = (5/16, 5/16, 3/8) = rho w Z_Phi / 32, and every exact property holds', () => {
    const chain = exactChain(handChain);
    expect(chain.mu.map((m) => m.toFraction())).toEqual(['5/16', '5/16', '3/8']);
    expect(chain.zPhi.map((z) => z.toFraction())).toEqual(['10/3', '5/2', '4/3']);
    expect(chain.tilt.map((t) => t.toFraction())).toEqual(['10', '10', '12']);
    for (const p of T2.properties.filter((spec) => spec.mode === 'exact'))
      expect(p.predicate(handChain), p.name).toEqual({ status: 'pass', margin: 0 });
  });

  test('the hand chain refutes mu proportional to w: mu(0) = 5/16, w(0)/sum w = 1/6', () => {
    const verdict = mutant('stationary-proportional-to-w').predicate(handChain);
    expect(verdict.status).toBe('fail');
    expect(exact(values(verdict)['mu(x) (GTH)'])).toBe('5/16');
    expect(exact(values(verdict)['w / sum w'])).toBe('1/6');
  });

  test('a cyclic (non-reversible) reference: Kolmogorov fails with forward 8/27 and backward 1/27', () => {
    const verdict = property('kolmogorov-cycles').predicate(cyclicChain);
    expect(verdict.status).toBe('fail');
    expect(exact(values(verdict).forward)).toBe('8/27');
    expect(exact(values(verdict).backward)).toBe('1/27');
    expect(property('detailed-balance').predicate(cyclicChain).status).toBe('fail');
  });

  test('value form, C = 1, Phi = (0, 1), beta = 1: the ratio identity holds to 30 digits', () => {
    const instance: ResponseChainInstance = {
      n: 2,
      reference: {
        variant: 'hand',
        q: [row(rat(1, 2), rat(1, 2)), row(rat(1, 2), rat(1, 2))],
        reversible: { conductance: ones(2), rho: [rat(2), rat(2)] },
      },
      potential: { form: 'values', values: [rat(0), rat(1)] },
      interaction: { kind: 'none', form: 'values', values: zeros(2) },
      reward: { kind: 'potential' },
      beta: rat(1),
    };
    const verdict = property('detailed-balance-transcendental').predicate(instance);
    expect(verdict.status).toBe('pass');
    expect(verdict.status === 'pass' ? verdict.margin! : 1).toBeLessThan(1e-30);
  });

  test('value form with an antisymmetric s on a triangle: affinity t = 6 decides non-reversibility exactly', () => {
    // s(0,1) = s(1,2) = s(2,0) = 1, s(y,x) = -s(x,y): around 0 -> 1 -> 2 -> 0, t = sum (s(x,y) - s(y,x)) = 6.
    const s = zeros(3);
    for (const [x, y] of [
      [0, 1],
      [1, 2],
      [2, 0],
    ] as const) {
      s[x]![y] = rat(1);
      s[y]![x] = rat(-1);
    }
    const instance: ResponseChainInstance = {
      n: 3,
      reference: {
        variant: 'hand',
        q: ones(3).map((r) => r.map((v) => v.div(3))),
        reversible: { conductance: ones(3), rho: [rat(3), rat(3), rat(3)] },
      },
      potential: { form: 'values', values: [rat(0), rat(1, 2), rat(-1)] },
      interaction: { kind: 'antisymmetric', form: 'values', values: s },
      reward: { kind: 'potential' },
      beta: rat(1, 3),
    };
    const verdict = property('detailed-balance-transcendental').predicate(instance);
    expect(verdict.status).toBe('fail');
    expect(['6', '-6']).toContain(exact(values(verdict)['cycle affinity t']));
  });
});
