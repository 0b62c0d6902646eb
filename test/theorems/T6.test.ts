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
import { T6 } from '../../theorems/T6.js';
import { exactOptimum, type RlvrPolicyInstance, type Temperature } from '../../theorems/support/rlvrInstances.js';

/**
 * Known answers: closed forms worked by hand (exact rationals), and values
 * evaluated with decimal.js at 60 digits (independent of the interval code).
 * For q = (1/2, 1/2), C = {0}, E = e^{1/beta} = 3: q E^r = (3/2, 1/2), Z = 2,
 * pi* = (3/4, 1/4), p* = 3/4, odds 3 = 3 * 1.
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

const property = (name: string): PropertySpec<RlvrPolicyInstance> =>
  T6.properties.find((p) => p.name === name) as PropertySpec<RlvrPolicyInstance>;
const mutant = (name: string): PropertySpec<RlvrPolicyInstance> =>
  T6.mutants.find((p) => p.name === name) as PropertySpec<RlvrPolicyInstance>;
const values = (verdict: Verdict): Record<string, NumberObject | string> =>
  verdict.status === 'fail' ? (verdict.values ?? {}) : {};

function prompt(weight: Rational, reference: Rational[], correct: boolean[]): Prompt {
  const p0 = reference.filter((_, y) => correct[y]).reduce((a, b) => a.add(b), rat(0));
  return { weight, reference, correct, p0 };
}

function instance(temperature: Temperature, prompts: Prompt[], policies?: Rational[][]): RlvrPolicyInstance {
  return {
    responses: prompts[0]!.reference.length,
    prompts,
    temperature,
    policies: prompts.map((p, i) => ({ kind: policies ? 'any' : 'reference', pi: policies?.[i] ?? [...p.reference] })),
  };
}

const halfHalf = prompt(rat(1), [rat(1, 2), rat(1, 2)], [true, false]);

describe('T6 through the runner (quick profile, default seed)', () => {
  let result: TheoremResult;
  beforeAll(() => {
    result = runTheorem(T6, { seed: DEFAULT_SEED, profile: PROFILES.quick, certify: certifyIdentity, ablation: true });
  });

  test('verified: identities certified, properties verified rigorously, mutants refuted', () => {
    expect(result.status).toBe('verified');
    expect(result.identities.map((i) => i.status)).toEqual(result.identities.map(() => 'certified'));
    for (const p of result.properties) {
      expect(p.status, p.name).toBe('verified');
      expect(['exact', 'interval']).toContain(p.mode);
    }
    expect(result.properties.filter((p) => p.mode === 'exact').map((p) => p.name)).toEqual([
      'partition-and-accuracy',
      'logit-shift',
      'accuracy-increases',
    ]);
    for (const m of result.mutants) expect(m.status, m.name).toBe('refuted');
  });

  test('ablation: 0 < p0 < 1 and beta > 0 are both needed for p* > p0', () => {
    for (const a of result.ablations!) {
      expect(a.needed, a.id).toBe(true);
      expect(a.outcome, a.id).toBe('confirmed');
    }
    expect(result.ablations!.map((a) => a.id)).toEqual(['interior-accuracy', 'beta-positive']);
  });

  test('every mutant is refuted within 200 runs at other seeds too', () => {
    for (const seed of [1, 2, 3, 20251218]) {
      for (const m of T6.mutants)
        expect(runMutant(m, { seed, runs: 200 }).status, `${m.name} at seed ${seed}`).toBe('refuted');
    }
  });
});

describe('T6 predicates on hand-made instances', () => {
  test('q = (1/2, 1/2), C = {0}, E = 3: Z = 2, pi* = (3/4, 1/4), and every exact claim holds', () => {
    const optimum = exactOptimum(halfHalf, rat(3));
    expect([optimum.Z, optimum.pStar, optimum.pStarWrong, ...optimum.policy].map((v) => v.toFraction())).toEqual([
      '2',
      '3/4',
      '1/4',
      '3/4',
      '1/4',
    ]);
    const exact = instance({ form: 'exp', E: rat(3) }, [halfHalf]);
    expect(property('partition-and-accuracy').predicate(exact)).toEqual({ status: 'pass', margin: 0 });
    expect(property('logit-shift').predicate(exact)).toEqual({ status: 'pass', margin: 0 });
    expect(property('accuracy-increases').predicate(exact)).toEqual({ status: 'pass', margin: 0.25 });
  });

  test('degenerate prompts: p0 = 0 gives p* = 0, p0 = 1 gives p* = 1 and Z = E; p* > p0 then fails', () => {
    const none = prompt(rat(1, 2), [rat(1, 3), rat(2, 3)], [false, false]);
    const all = prompt(rat(1, 2), [rat(1, 3), rat(2, 3)], [true, true]);
    expect(exactOptimum(none, rat(5)).pStar.toFraction()).toBe('0');
    expect([exactOptimum(all, rat(5)).pStar, exactOptimum(all, rat(5)).Z].map((v) => v.toFraction())).toEqual([
      '1',
      '5',
    ]);
    const degenerate = instance({ form: 'exp', E: rat(5) }, [none, all]);
    expect(property('logit-shift').predicate(degenerate).status).toBe('pass');
    expect(property('partition-and-accuracy').predicate(degenerate).status).toBe('pass');
    const verdict = property('accuracy-increases').predicate(degenerate);
    expect(verdict.status).toBe('fail');
    expect((values(verdict)['p*'] as NumberObject).exact).toBe('0');
  });

  test('E = 1/2 (beta < 0): q E^r = (1/4, 1/2), p* = 1/3 < p0 = 1/2', () => {
    const verdict = property('accuracy-increases').predicate(instance({ form: 'exp', E: rat(1, 2) }, [halfHalf]));
    expect(verdict.status).toBe('fail');
    expect((values(verdict)['p*'] as NumberObject).exact).toBe('1/3');
  });

  test('beta = 1: KL(pi*||q) = kl(p*||p0) = p* - log Z holds, and the sign mutant fails with the true values', () => {
    const one = instance({ form: 'beta', beta: rat(1) }, [halfHalf]);
    expect(property('kl-to-reference').predicate(one).status).toBe('pass');
    const pStar = e.div(e.add(1));
    const logZ = e.add(1).div(2).ln();
    const verdict = mutant('kl-to-reference-sign').predicate(one);
    expect(verdict.status).toBe('fail');
    expectEncloses(values(verdict)['KL(pi*||q) at prompt 0'], pStar.sub(logZ));
    expectEncloses(values(verdict)['p*/beta + log Z at prompt 0'], pStar.add(logZ));
  });

  test('two prompts, beta = 2: the objective identity holds; without beta it fails, J(pi) from the definition', () => {
    const first = prompt(rat(1, 3), [rat(1, 4), rat(1, 4), rat(1, 2)], [true, false, false]);
    const second = prompt(rat(2, 3), [rat(1, 2), rat(1, 4), rat(1, 4)], [true, true, false]);
    const policies = [
      [rat(1, 2), rat(1, 6), rat(1, 3)],
      [rat(1, 5), rat(3, 5), rat(1, 5)],
    ];
    const two = instance({ form: 'beta', beta: rat(2) }, [first, second], policies);
    expect(property('objective-identity').predicate(two).status).toBe('pass');
    // J(pi) = sum_x D(x) [pi(C) - beta KL(pi || q)], every input an exact decimal.js quotient.
    const f = (p: number, q: number) => new D(p).div(q);
    const klTerm = (pi: Decimal[], q: Decimal[]) =>
      pi.reduce((acc, p, y) => acc.add(p.mul(p.div(q[y]!).ln())), new D(0));
    const J = f(1, 3)
      .mul(f(1, 2).sub(klTerm([f(1, 2), f(1, 6), f(1, 3)], [f(1, 4), f(1, 4), f(1, 2)]).mul(2)))
      .add(f(2, 3).mul(f(4, 5).sub(klTerm([f(1, 5), f(3, 5), f(1, 5)], [f(1, 2), f(1, 4), f(1, 4)]).mul(2))));
    const verdict = mutant('objective-without-beta').predicate(two);
    expect(verdict.status).toBe('fail');
    expectEncloses(values(verdict)['J(pi)'], J);
  });
});
