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
import type { Prompt } from '../../properties/index.js';
import { T7 } from '../../theorems/T7.js';
import {
  conditional,
  exactOptimum,
  isTiltPolicy,
  type PolicyKind,
  type RlvrPolicyInstance,
} from '../../theorems/support/rlvrInstances.js';

/**
 * Known answers: worked by hand from the definitions and evaluated with
 * decimal.js at 60 digits (independent of the interval code).
 * q = (1/3, 1/3, 1/3), C = {0}, beta = 1: pi* = (e, 1, 1)/(e + 2), p* = e/(e + 2).
 */
const D = Decimal.clone({ precision: 60 });
const e = new D(1).exp();
const rat = (p: number, q = 1): Rational => new Rational(BigInt(p), BigInt(q));
const f = (p: number, q = 1): Decimal => new D(p).div(q);

function expectEncloses(value: NumberObject | string | undefined, expected: Decimal): void {
  expect(typeof value).toBe('object');
  const { lo, hi } = value as NumberObject;
  expect(new D(lo).lte(expected), `lo ${lo} > ${expected.toString()}`).toBe(true);
  expect(new D(hi).gte(expected), `hi ${hi} < ${expected.toString()}`).toBe(true);
}

/** KL(a || b) from the definition, 0 log 0 = 0. */
const klOracle = (a: Decimal[], b: Decimal[]): Decimal =>
  a.reduce((acc, x, i) => (x.isZero() ? acc : acc.add(x.mul(x.div(b[i]!).ln()))), new D(0));

const property = (name: string): PropertySpec<RlvrPolicyInstance> =>
  T7.properties.find((p) => p.name === name) as PropertySpec<RlvrPolicyInstance>;
const mutant = (name: string): PropertySpec<RlvrPolicyInstance> =>
  T7.mutants.find((p) => p.name === name) as PropertySpec<RlvrPolicyInstance>;
const values = (verdict: Verdict): Record<string, NumberObject | string> =>
  verdict.status === 'fail' ? (verdict.values ?? {}) : {};

function single(
  reference: Rational[],
  correct: boolean[],
  pi: Rational[],
  kind: PolicyKind = 'any',
): RlvrPolicyInstance {
  const p0 = reference.filter((_, y) => correct[y]).reduce((a, b) => a.add(b), rat(0));
  const prompt: Prompt = { weight: rat(1), reference, correct, p0 };
  return {
    responses: reference.length,
    prompts: [prompt],
    temperature: { form: 'beta', beta: rat(1) },
    policies: [{ kind, pi }],
  };
}

const thirds = [rat(1, 3), rat(1, 3), rat(1, 3)];
const firstCorrect = [true, false, false];
const piStar = [e, f(1), f(1)].map((v) => v.div(e.add(2)));
const pStar = e.div(e.add(2));
const bernoulli = (p: Decimal): Decimal => klOracle([p, new D(1).sub(p)], [pStar, new D(1).sub(pStar)]);

describe('T7 through the runner (quick profile, default seed)', () => {
  let result: TheoremResult;
  beforeAll(() => {
    result = runTheorem(T7, { seed: DEFAULT_SEED, profile: PROFILES.quick, certify: certifyIdentity, ablation: true });
  });

  test('verified: identities certified, properties verified rigorously, mutants refuted', () => {
    expect(result.status).toBe('verified');
    expect(result.identities.map((i) => i.status)).toEqual(result.identities.map(() => 'certified'));
    for (const p of result.properties) {
      expect(p.status, p.name).toBe('verified');
      expect(['exact', 'interval']).toContain(p.mode);
    }
    for (const m of result.mutants) expect(m.status, m.name).toBe('refuted');
  });

  test('ablation: the equality needs pi to be a tilt of q', () => {
    expect(result.ablations!.map((a) => [a.id, a.needed, a.outcome])).toEqual([['policy-is-tilt', true, 'confirmed']]);
  });

  test('every mutant is refuted within 200 runs at other seeds too', () => {
    for (const seed of [1, 2, 3, 20251218]) {
      for (const m of T7.mutants)
        expect(runMutant(m, { seed, runs: 200 }).status, `${m.name} at seed ${seed}`).toBe('refuted');
    }
  });
});

describe('T7 predicates on hand-made instances', () => {
  test("a tilt pi = (1/2, 1/4, 1/4): conditionals are q's and the gap equals beta kl(p_pi || p*)", () => {
    const tilt = single(thirds, firstCorrect, [rat(1, 2), rat(1, 4), rat(1, 4)], 'tilt');
    expect(isTiltPolicy(tilt.policies[0]!.pi, tilt.prompts[0]!)).toBe(true);
    expect(conditional(tilt.policies[0]!.pi, firstCorrect, false)!.map((v) => v.toFraction())).toEqual(['1/2', '1/2']);
    for (const name of ['kl-decomposition', 'gap-lower-bound', 'tilt-equality']) {
      const verdict = property(name).predicate(tilt);
      expect(verdict.status, name).toBe('pass');
      expect(verdict.status === 'pass' && verdict.margin!, name).toBeLessThan(1e-30);
    }
    // beta dropped: gap = beta kl = kl here (beta = 1), so that mutant holds on this instance.
    expect(mutant('beta-dropped').predicate(tilt).status).toBe('pass');
  });

  test('a non-tilt pi = (1/2, 1/3, 1/6): gap - beta kl = (1/2) KL((2/3, 1/3) || (1/2, 1/2)) > 0', () => {
    const pi = [f(1, 2), f(1, 3), f(1, 6)];
    const nonTilt = single(thirds, firstCorrect, [rat(1, 2), rat(1, 3), rat(1, 6)]);
    const excess = f(1, 2).mul(klOracle([f(2, 3), f(1, 3)], [f(1, 2), f(1, 2)]));
    const bound = property('gap-lower-bound').predicate(nonTilt);
    expect(bound.status).toBe('pass');
    expect(bound.status === 'pass' && bound.margin!).toBeCloseTo(excess.toNumber(), 12);
    const equality = property('tilt-equality').predicate(nonTilt);
    expect(equality.status).toBe('fail');
    expectEncloses(values(equality)['J(pi*) - J(pi)'], klOracle(pi, piStar));
    expectEncloses(values(equality)['beta E_x kl(p_pi||p*)'], bernoulli(f(1, 2)));
    expect(property('kl-decomposition').predicate(nonTilt).status).toBe('pass');
  });

  test('missing factor p_pi: off by -(1 - p_pi) KL(pi(.|C) || q(.|C))', () => {
    const quarters = [rat(1, 4), rat(1, 4), rat(1, 4), rat(1, 4)];
    const instance = single(quarters, [true, true, false, false], [rat(1, 8), rat(3, 8), rat(1, 4), rat(1, 4)]);
    const verdict = mutant('missing-accuracy-factor').predicate(instance);
    expect(verdict.status).toBe('fail');
    expectEncloses(
      values(verdict)['lhs - rhs'],
      f(1, 2)
        .mul(klOracle([f(1, 4), f(3, 4)], [f(1, 2), f(1, 2)]))
        .neg(),
    );
  });

  test('pi = q(.|C) = (1, 0, 0): p_pi = 1, the reversed Bernoulli KL is infinite; the true decomposition holds', () => {
    const conditionalLaw = single(thirds, firstCorrect, [rat(1), rat(0), rat(0)], 'classConditional');
    expect(property('kl-decomposition').predicate(conditionalLaw).status).toBe('pass');
    expect(property('gap-lower-bound').predicate(conditionalLaw).status).toBe('pass');
    const verdict = mutant('bernoulli-kl-reversed').predicate(conditionalLaw);
    expect(verdict.status).toBe('fail');
    expect(values(verdict)['kl(p*||p_pi) + p_pi KL_C + (1-p_pi) KL_W at prompt 0']).toBe('+Infinity');
    expectEncloses(values(verdict)['KL(pi||pi*) at prompt 0'], pStar.ln().neg());
  });

  test('E = 5, q = (1/6, 1/3, 1/2), C = {1, 2}: pi* = (1/26, 5/13, 15/26), pi*(.|C) = q(.|C) = (2/5, 3/5)', () => {
    const reference = [rat(1, 6), rat(1, 3), rat(1, 2)];
    const correct = [false, true, true];
    const base = single(reference, correct, reference, 'reference');
    const instance: RlvrPolicyInstance = { ...base, temperature: { form: 'exp', E: rat(5) } };
    expect(exactOptimum(instance.prompts[0]!, rat(5)).policy.map((v) => v.toFraction())).toEqual([
      '1/26',
      '5/13',
      '15/26',
    ]);
    expect(
      conditional(exactOptimum(instance.prompts[0]!, rat(5)).policy, correct, true)!.map((v) => v.toFraction()),
    ).toEqual(['2/5', '3/5']);
    expect(property('optimal-conditionals').predicate(instance)).toEqual({ status: 'pass', margin: 0 });
  });
});
