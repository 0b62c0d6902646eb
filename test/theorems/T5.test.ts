/**
 * T5 (bounded hitting times to superior states): the theorem through the
 * runner at the quick profile, and its predicates on hand-made chains whose
 * hitting times and Dirichlet gaps are known in closed form.
 *
 * Known answers
 * - P = [[3/4, 1/4], [1/2, 1/2]], A = {1}: Q = [3/4], l_A = 1/4 = a; g = a + b = 3/4,
 *   mu = (2/3, 1/3), so g mu(A) = 1/4 = l_A (tight); E_0[tau_A] = 1/a = 4,
 *   E_mu[tau_A] = 8/3 = mu(A^c)/l_A (tight), and mu(A^c)/g = 8/9 < 8/3.
 * - Lazy walk on the path 0 - 1 - 2: P = [[1/2, 1/2, 0], [1/4, 1/2, 1/4], [0, 1/2, 1/2]],
 *   mu = (1/4, 1/2, 1/4), eigenvalues 1, 1/2, 0 (g = 1/2); A = {2}: first-step analysis
 *   gives E_0 = 8, E_1 = 6, E_mu = 5; Q = [[1/2, 1/2], [1/4, 1/2]] has
 *   rho(Q) = 1/2 + sqrt(2)/4, so l_A = 1/2 - sqrt(2)/4 = 0.146 >= g mu(A) = 1/8,
 *   mu(A^c)/l_A = 5.12 >= 5 and (1 - mu(A))/(g mu(A)) = 6 >= 5; P_0(tau_A > 1) = 1 > rho(Q).
 * - P = [[1/4, 5/8, 1/8], [1/2, 1/4, 1/4], [1/8, 1/8, 3/4]] (not reversible),
 *   mu = (10/37, 11/37, 16/37), A = {2}: E_mu[tau_A] = 110/37 = 2.97297... while
 *   rho(Q) = (1 + sqrt 5)/4 and mu(A^c)/l_A = (21/37)(4/(3 - sqrt 5)) = 2.97182...
 *   (by hand, checked with an independent exact computation).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Rational } from '../../src/arith/rational.js';
import { exactArithmetic } from '../../src/arith/exact.js';
import { perronRoot } from '../../src/linalg/perronRoot.js';
import { dirichletGap } from '../../src/markov/dirichletGap.js';
import { runTheorem, type TheoremResult } from '../../src/runner/run.js';
import { PROFILES } from '../../src/runner/profiles.js';
import { DEFAULT_SEED } from '../../src/runner/seed.js';
import type { FailVerdict, PropertySpec, Verdict } from '../../src/runner/theorem.js';
import { certifyIdentity } from '../../src/symbolic/index.js';
import { T5, type T5Instance } from '../../theorems/T5.js';
import { chainInstance, type ChainSource } from '../../theorems/support/spectralBounds.js';
import type { RationalEnclosure } from '../../src/arith/enclosure.js';

const r = (p: number, q = 1): Rational => new Rational(BigInt(p), BigInt(q));

function check(name: string, instance: T5Instance): Verdict {
  const found: PropertySpec<T5Instance> | undefined = [...T5.properties, ...T5.mutants].find((p) => p.name === name);
  if (found === undefined) throw new Error(`no property ${name}`);
  return found.predicate(instance);
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
  target: number[],
  horizon = 6,
): T5Instance {
  return { chain: chainInstance(source, kernel, mu), target, horizon };
}

const twoState = (a: Rational, b: Rational, target: number[]): T5Instance =>
  instance(
    'twoState',
    [
      [r(1).sub(a), a],
      [b, r(1).sub(b)],
    ],
    [b.div(a.add(b)), a.div(a.add(b))],
    target,
  );

const path = (): T5Instance =>
  instance(
    'sparsePrior',
    [
      [r(1, 2), r(1, 2), r(0)],
      [r(1, 4), r(1, 2), r(1, 4)],
      [r(0), r(1, 2), r(1, 2)],
    ],
    [r(1, 4), r(1, 2), r(1, 4)],
    [2],
  );

const PROPERTY_NAMES = T5.properties.map((p) => p.name);

describe('T5 through the runner (quick profile, default seed)', () => {
  let result: TheoremResult;
  beforeAll(() => {
    result = runTheorem(T5, { seed: DEFAULT_SEED, profile: PROFILES.quick, certify: certifyIdentity, ablation: true });
  }, 120_000);

  it('is verified', () => {
    expect(result.status).toBe('verified');
  });

  it('certifies every identity', () => {
    expect(result.identities.map((i) => [i.name, i.status])).toEqual(T5.identities.map((i) => [i.name, 'certified']));
  });

  it('verifies every property in exact or interval mode, with no undecided run', () => {
    for (const p of result.properties) {
      expect([p.name, p.status, p.undecided]).toEqual([p.name, 'verified', 0]);
      expect(['exact', 'interval']).toContain(p.mode);
    }
  });

  it('refutes every mutant', () => {
    expect(result.mutants.map((m) => [m.name, m.status])).toEqual(T5.mutants.map((m) => [m.name, 'refuted']));
  });

  it('finds counterexamples without reversibility or a proper target, and none without irreducibility', () => {
    const outcomes = Object.fromEntries(
      result.ablations!.map((a) => [a.id, [a.outcome, a.properties.map((p) => p.status)]]),
    );
    expect(outcomes).toEqual({
      reversible: ['confirmed', PROPERTY_NAMES.map(() => 'falsified')],
      'proper-target': ['confirmed', ['falsified']],
      irreducible: ['confirmed', PROPERTY_NAMES.map(() => 'verified')],
    });
  });
});

describe('T5 on a 2-state chain (every bound tight)', () => {
  const chain = twoState(r(1, 4), r(1, 2), [1]);

  it('holds every claim with equality, decided exactly', () => {
    for (const name of PROPERTY_NAMES) {
      const verdict = check(name, chain);
      expect([name, verdict.status]).toEqual([name, 'pass']);
      expect([name, (verdict as { margin?: number }).margin ?? 0]).toEqual([name, 0]);
    }
  });

  it('refutes l_A >= g (l_A = 1/4 < g = 3/4) and E_mu[tau_A] <= mu(A^c)/g (8/3 > 8/9)', () => {
    const gap = check('gap-missing-mu', chain);
    expect([failValue(gap, 'dirichletGap'), failValue(gap, 'spectralGap')]).toEqual(['1/4', '3/4']);
    expect(failValue(check('stationary-hitting-missing-mu', chain), 'stationaryHitting')).toBe('8/3');
  });

  it('fails l_A >= g mu(A) when A = X and l_2 < 0 (l_A = 1 < g = 3/2)', () => {
    const verdict = check('dirichlet-gap-lower-bound', twoState(r(3, 4), r(3, 4), [0, 1]));
    expect([failValue(verdict, 'dirichletGap'), failValue(verdict, 'spectralGap')]).toEqual(['1', '3/2']);
  });
});

describe('T5 on the lazy walk on a path (closed forms)', () => {
  /** lo <= root <= hi for the root of square(x) = value on the increasing branch, checked exactly. */
  const contains = (e: RationalEnclosure, square: (x: Rational) => Rational, value: number): void => {
    expect(square(e.lo).compare(value)).toBeLessThanOrEqual(0);
    expect(square(e.hi).compare(value)).toBeGreaterThanOrEqual(0);
  };

  it('encloses rho(Q) = 1/2 + sqrt(2)/4, as the engine Dirichlet gap does', () => {
    const Q = [
      [r(1, 2), r(1, 2)],
      [r(1, 4), r(1, 2)],
    ];
    const rho = perronRoot(Q, 30);
    // (4 rho - 2)^2 = 2 with 4 rho - 2 > 0.
    contains(rho, (x) => x.mul(4).sub(2).pow(2), 2);
    const engine = dirichletGap(exactArithmetic, path().chain.kernel, path().chain.mu, [2]) as RationalEnclosure;
    // Both enclose l_A = 1/2 - sqrt(2)/4, so they overlap; (2 - 4 l_A)^2 = 2 with 2 - 4 l_A > 0.
    expect(engine.lo.compare(r(1).sub(rho.lo))).toBeLessThanOrEqual(0);
    expect(engine.hi.compare(r(1).sub(rho.hi))).toBeGreaterThanOrEqual(0);
    contains({ lo: engine.hi, hi: engine.lo }, (x) => r(2).sub(x.mul(4)).pow(2), 2);
  });

  it('holds every claim', () => {
    for (const name of PROPERTY_NAMES) expect([name, check(name, path()).status]).toEqual([name, 'pass']);
  });

  it('has margin 6 - 5 = 1 in E_mu[tau_A] <= (1 - mu(A))/(g mu(A))', () => {
    expect((check('stationary-hitting-spectral-bound', path()) as { margin: number }).margin).toBeCloseTo(1, 12);
  });

  it('refutes the survival bound without its prefactor (P_0(tau_A > 1) = 1 > rho(Q)) and the inverted ratio', () => {
    const verdict = check('survival-without-prefactor', path());
    expect([failValue(verdict, 'x'), failValue(verdict, 't'), failValue(verdict, 'lhs')]).toEqual(['0', '1', '1']);
    const inverted = check('point-hitting-inverted-ratio', path());
    expect([failValue(inverted, 'x'), failValue(inverted, 'expectedHitting')]).toEqual(['0', '8']);
  });
});

describe('T5 without reversibility', () => {
  it('fails E_mu[tau_A] <= mu(A^c)/l_A on a circulating 3-state chain (110/37 > 2.9718)', () => {
    const P = [
      [r(1, 4), r(5, 8), r(1, 8)],
      [r(1, 2), r(1, 4), r(1, 4)],
      [r(1, 8), r(1, 8), r(3, 4)],
    ];
    const verdict = check(
      'stationary-hitting-dirichlet-bound',
      instance('nonReversible', P, [r(10, 37), r(11, 37), r(16, 37)], [2]),
    );
    expect(failValue(verdict, 'stationaryHitting')).toBe('110/37');
  });
});
