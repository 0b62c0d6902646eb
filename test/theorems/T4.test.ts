/**
 * T4 (exponential mixing governed by the spectral gap): the theorem through
 * the runner at the quick profile, and its predicates on hand-made chains
 * whose spectra, chi2/TV trajectories and mixing times are known in closed form.
 *
 * Known answers
 * - P = [[3/4, 1/4], [1/2, 1/2]]: eigenvalues 1 and 1 - a - b = 1/4, mu = (2/3, 1/3);
 *   from x = 0, nu_t(0) - mu(0) = (1/3)(1/4)^t, so chi2_t = (1/2)(1/16)^t and
 *   TV_t = (1/3)(1/4)^t.
 * - C = [[0, 1, 2], [1, 0, 3], [2, 3, 0]], P = C/rho: det(x I - P) =
 *   (x - 1)(x^2 + x + 1/5), so l_2 = (-5 + sqrt 5)/10, l_3 = (-5 - sqrt 5)/10;
 *   from x = 0, chi2_0 = 3 and chi2_1 = 2/5 (by hand: nu_1 = (0, 1/3, 2/3), mu = (1/4, 1/3, 5/12)).
 * - P = [[1/8, 7/8], [7/8, 1/8]]: l_2 = -3/4, mu uniform, d(t) = (1/2)(3/4)^t, so
 *   t_mix(1/4) = 3 and t_mix(1/8) = 5; t_rel = 4.
 * - P = [[1/2, 1/2], [1/2, 1/2]]: l* = 0, t_rel = 1, t_mix(1/4) = 1.
 * - P = [[1/2, 3/8, 1/8], [1/2, 3/8, 1/8], [3/8, 1/4, 3/8]] (not reversible; rows 1 and 2
 *   equal, trace 5/4, so its eigenvalues are 1, 1/4, 0 and l* = 1/4), mu = (23/48, 17/48, 1/6):
 *   from x = 2, chi2_0 = 5 and chi2_1 = 3925/12512 > l*^2 chi2_0 = 5/16 (computed by hand
 *   and checked with an independent rational computation).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Rational } from '../../src/arith/rational.js';
import { runTheorem, type TheoremResult } from '../../src/runner/run.js';
import { PROFILES } from '../../src/runner/profiles.js';
import { DEFAULT_SEED } from '../../src/runner/seed.js';
import type { FailVerdict, PropertySpec, Verdict } from '../../src/runner/theorem.js';
import { certifyIdentity } from '../../src/symbolic/index.js';
import { T4, type T4Instance } from '../../theorems/T4.js';
import { chainInstance, spectralEnclosures, type ChainSource } from '../../theorems/support/spectralBounds.js';

const r = (p: number, q = 1): Rational => new Rational(BigInt(p), BigInt(q));

function spec(name: string): PropertySpec<T4Instance> {
  const found = [...T4.properties, ...T4.mutants].find((p) => p.name === name);
  if (found === undefined) throw new Error(`no property ${name}`);
  return found as PropertySpec<T4Instance>;
}

function check(name: string, instance: T4Instance): Verdict {
  return spec(name).predicate(instance);
}

function failValue(verdict: Verdict, key: string): string | undefined {
  expect(verdict.status).toBe('fail');
  const value = (verdict as FailVerdict).values?.[key];
  return typeof value === 'string' ? value : value?.exact;
}

function instance(
  source: ChainSource,
  kernel: Rational[][],
  mu: Rational[],
  options: { from?: number; horizon?: number; eps?: Rational } = {},
): T4Instance {
  const { from = 0, horizon = 4, eps = r(1, 4) } = options;
  const nu = mu.map((_, x) => (x === from ? r(1) : r(0)));
  return { chain: chainInstance(source, kernel, mu), start: { kind: 'point', state: from, nu }, horizon, eps };
}

const twoState = (a: Rational, b: Rational, options?: Parameters<typeof instance>[3]): T4Instance =>
  instance(
    'twoState',
    [
      [r(1).sub(a), a],
      [b, r(1).sub(b)],
    ],
    [b.div(a.add(b)), a.div(a.add(b))],
    options,
  );

const loopless = (): T4Instance =>
  instance(
    'loopless',
    [
      [r(0), r(1, 3), r(2, 3)],
      [r(1, 4), r(0), r(3, 4)],
      [r(2, 5), r(3, 5), r(0)],
    ],
    [r(1, 4), r(1, 3), r(5, 12)],
  );

describe('T4 through the runner (quick profile, default seed)', () => {
  let result: TheoremResult;
  beforeAll(() => {
    result = runTheorem(T4, { seed: DEFAULT_SEED, profile: PROFILES.quick, certify: certifyIdentity, ablation: true });
  }, 120_000);

  it('is verified', () => {
    expect(result.status).toBe('verified');
  });

  it('certifies every identity', () => {
    expect(result.identities.map((i) => [i.name, i.status])).toEqual(T4.identities.map((i) => [i.name, 'certified']));
  });

  it('verifies every property in exact or interval mode, with no undecided run', () => {
    for (const p of result.properties) {
      expect([p.name, p.status, p.undecided]).toEqual([p.name, 'verified', 0]);
      expect(['exact', 'interval']).toContain(p.mode);
    }
  });

  it('refutes every mutant', () => {
    expect(result.mutants.map((m) => [m.name, m.status])).toEqual(T4.mutants.map((m) => [m.name, 'refuted']));
  });

  it('finds a counterexample to every property relying on each needed assumption', () => {
    for (const ablation of result.ablations!) {
      expect([ablation.id, ablation.outcome]).toEqual([ablation.id, 'confirmed']);
      if (ablation.needed)
        for (const p of ablation.properties)
          expect([ablation.id, p.name, p.status]).toEqual([ablation.id, p.name, 'falsified']);
    }
  });
});

describe('T4 spectra (closed forms)', () => {
  it('encloses l_2 = 1 - a - b of a 2-state chain exactly', () => {
    const s = spectralEnclosures(twoState(r(1, 4), r(1, 2)).chain.kernel, 30);
    expect([s.lambda2.lo, s.lambda2.hi, s.lStar.lo, s.spectralGap.lo]).toEqual([r(1, 4), r(1, 4), r(1, 4), r(3, 4)]);
  });

  it('encloses l* = (5 + sqrt 5)/10 and l_2 = (-5 + sqrt 5)/10 of the loopless chain', () => {
    const s = spectralEnclosures(loopless().chain.kernel, 30);
    // 10 l* - 5 = sqrt 5: (10 lo - 5)^2 <= 5 <= (10 hi - 5)^2.
    const shifted = (x: Rational): Rational => x.mul(10).sub(5);
    expect(shifted(s.lStar.lo).pow(2).compare(5)).toBeLessThanOrEqual(0);
    expect(shifted(s.lStar.hi).pow(2).compare(5)).toBeGreaterThanOrEqual(0);
    // 10 l_2 + 5 = sqrt 5.
    expect(s.lambda2.lo.mul(10).add(5).pow(2).compare(5)).toBeLessThanOrEqual(0);
    expect(s.lambda2.hi.mul(10).add(5).pow(2).compare(5)).toBeGreaterThanOrEqual(0);
    expect(s.lStar.hi.sub(s.lStar.lo).compare(r(1, 10).pow(30))).toBeLessThanOrEqual(0);
  });

  it('accepts the real spectrum of reversible chains, including l_n = -1 of a periodic one', () => {
    expect(check('spectrum-real-in-unit-interval', loopless()).status).toBe('pass');
    expect(check('spectrum-real-in-unit-interval', twoState(r(1), r(1))).status).toBe('pass');
    expect(check('symmetrized-kernel-is-symmetric', loopless()).status).toBe('pass');
  });

  it('rejects a cyclic (non-reversible) chain: S is not symmetric and its eigenvalues are complex', () => {
    const h = r(1, 2);
    const cyclic = instance(
      'nonReversible',
      [
        [h, h, r(0)],
        [r(0), h, h],
        [h, r(0), h],
      ],
      [r(1, 3), r(1, 3), r(1, 3)],
    );
    expect(check('symmetrized-kernel-is-symmetric', cyclic).status).toBe('fail');
    expect(failValue(check('spectrum-real-in-unit-interval', cyclic), 'realEigenvalues')).toBe('1');
    expect(check('chi2-contraction', cyclic).status).toBe('undecided');
  });
});

describe('T4 decay bounds (closed forms)', () => {
  const chain = twoState(r(1, 4), r(1, 2), { horizon: 6 });

  it('holds with equality for chi2 on a 2-state chain, and the l*^(4t) variant fails at t = 1', () => {
    expect(check('chi2-contraction', chain).status).toBe('pass');
    const verdict = check('chi2-double-exponent', chain);
    expect(failValue(verdict, 't')).toBe('1');
    expect(failValue(verdict, 'lhs')).toBe('1/32');
  });

  it('checks TV with the factor 1/2; the factor 1/4 fails at t = 0 ((4 TV_0)^2 = 16/9 > chi2_0 = 1/2)', () => {
    expect(check('tv-bound', chain).status).toBe('pass');
    expect(check('point-tv-bound', chain).status).toBe('pass');
    const verdict = check('tv-quarter-factor', chain);
    expect(failValue(verdict, 't')).toBe('0');
    expect(failValue(verdict, 'lhs')).toBe('16/9');
  });

  it('needs l*, not |l_2|, when |l_n| > |l_2|: chi2_1 = 2/5 > |l_2|^2 chi2_0', () => {
    expect(check('chi2-contraction', loopless()).status).toBe('pass');
    expect(check('tv-bound', loopless()).status).toBe('pass');
    const verdict = check('chi2-second-eigenvalue', loopless());
    expect(failValue(verdict, 't')).toBe('1');
    expect(failValue(verdict, 'lhs')).toBe('2/5');
    expect(check('tv-second-eigenvalue', loopless()).status).toBe('fail');
  });

  it('bounds KL (equality at t = 0 from a point, decided exactly); reversed KL is infinite at a point mass', () => {
    expect(check('kl-bound', chain).status).toBe('pass');
    expect(check('kl-bound', loopless()).status).toBe('pass');
    const verdict = check('kl-reversed', chain);
    expect(failValue(verdict, 't')).toBe('0');
    expect(failValue(verdict, 'state')).toBe('1');
  });

  it('fails the chi2 bound on a non-reversible chain with real spectrum (chi2_1 = 3925/12512 > 5/16)', () => {
    const P = [
      [r(1, 2), r(3, 8), r(1, 8)],
      [r(1, 2), r(3, 8), r(1, 8)],
      [r(3, 8), r(1, 4), r(3, 8)],
    ];
    const nonReversible = instance('nonReversible', P, [r(23, 48), r(17, 48), r(1, 6)], { from: 2 });
    expect(check('spectrum-real-in-unit-interval', nonReversible).status).toBe('pass');
    const verdict = check('chi2-contraction', nonReversible);
    expect(failValue(verdict, 't')).toBe('1');
    expect(failValue(verdict, 'lhs')).toBe('3925/12512');
    expect(failValue(verdict, 'rhsUpperBound')).toBe('5/16');
  });
});

describe('T4 mixing times (closed forms)', () => {
  it('bounds t_mix(1/4) = 3 and t_mix(1/8) = 5 of a nearly periodic 2-state chain; 1/g in place of t_rel fails', () => {
    // (1/g) log(1/(eps mu_min)) = (4/7) log 8 = 1.19 < 3, and (4/7) log 16 = 1.58: iteration stops at step 3, t_mix >= 4.
    for (const [eps, key, value] of [
      [r(1, 4), 'tMix', '3'],
      [r(1, 8), 'tMixAtLeast', '4'],
    ] as const) {
      const chain = twoState(r(7, 8), r(7, 8), { eps });
      expect(check('mixing-time-lower-bound', chain).status).toBe('pass');
      expect(check('mixing-time-upper-bound', chain).status).toBe('pass');
      expect(failValue(check('mixing-upper-spectral-gap', chain), key)).toBe(value);
    }
  });

  it('decides the bounds against the exact t_mix: they fail for a claimed t_rel that is too small', () => {
    // t_mix(1/8) = 5 for a = b = 7/8; (t_rel - 1) log 4 = 3 log 4 = 4.16 <= 5 <= 4 log 16 = 11.1.
    const chain = twoState(r(7, 8), r(7, 8), { eps: r(1, 8) });
    expect(check('mixing-time-lower-bound', chain)).toMatchObject({ status: 'pass' });
    expect((check('mixing-time-lower-bound', chain) as { margin: number }).margin).toBeCloseTo(5 - 3 * Math.log(4), 10);
    expect((check('mixing-time-upper-bound', chain) as { margin: number }).margin).toBeCloseTo(
      4 * Math.log(16) - 5,
      10,
    );
  });

  it('refutes (t_rel + 1) log 2 <= t_mix(1/4) when l* = 0 (t_mix = 1 < 2 log 2)', () => {
    const chain = twoState(r(1, 2), r(1, 2));
    expect(check('mixing-time-lower-bound', chain).status).toBe('pass');
    expect(failValue(check('mixing-lower-plus-one', chain), 'tMix')).toBe('1');
  });

  it('reports no finite mixing bound for a periodic chain, whose decay bounds still hold', () => {
    const periodic = twoState(r(1), r(1));
    expect(check('mixing-time-upper-bound', periodic).status).toBe('fail');
    expect(check('chi2-contraction', periodic).status).toBe('pass');
    expect(check('tv-bound', periodic).status).toBe('pass');
  });
});
