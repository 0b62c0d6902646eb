/**
 * T9 through the runner (quick profile, default seed, with ablation), its
 * mutants at other seeds, and its predicates on hand-made instances against
 * closed forms evaluated independently with decimal.js.
 *
 * The hand-made prompt: q = (1/4, 1/4, 1/2) with C = {0, 1}, so p0 = 1/2,
 * H_C = log 2 and H_W = 0. Along the flow from q, logit p_t = eta_t and
 * H(pi_t) = h(p_t) + p_t log 2; the turning point logit p = log 2 is p = 2/3,
 * where pi_t is uniform and H = log 3.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { intervalArithmetic } from '../../src/arith/interval.js';
import { parseRational } from '../../src/arith/rational.js';
import { runMutant } from '../../src/runner/property.js';
import { PROFILES } from '../../src/runner/profiles.js';
import { runTheorem, type TheoremResult } from '../../src/runner/run.js';
import { catalogueProblems } from '../../src/runner/validate.js';
import { DEFAULT_SEED, deriveSeed } from '../../src/runner/seed.js';
import { seedName } from '../../src/runner/renames.js';
import type { FailVerdict, PropertySpec, Verdict } from '../../src/runner/theorem.js';
import { certifyIdentity } from '../../src/symbolic/index.js';
import type { Prompt } from '../../properties/index.js';
import { T9 } from '../../theorems/T9.js';
import type { BetaPairInstance } from '../../theorems/support/entropyTradeOff.js';
import { classEntropies, type FlowInstance } from '../../theorems/support/naturalGradientFlow.js';
import { D, dec, expectEncloses, sigmoid } from '../rlvr/helpers.js';

const R = parseRational;

const handPrompt: Prompt = {
  weight: R(1),
  reference: ['1/4', '1/4', '1/2'].map(R),
  correct: [true, true, false],
  p0: R('1/2'),
};

const along = (times: string[]): FlowInstance => ({ n: 3, beta: R('1/2'), prompts: [handPrompt], times: times.map(R) });
const optima = (E1: string, E2: string): BetaPairInstance => ({ n: 3, prompts: [handPrompt], E: [R(E1), R(E2)] });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const byName = (name: string): PropertySpec<any> =>
  [...T9.properties, ...T9.mutants].find((spec) => spec.name === name) ?? expect.fail(`no spec ${name}`);

const expectFail = (verdict: Verdict): FailVerdict => {
  expect(verdict.status).toBe('fail');
  return verdict as FailVerdict;
};

/** H along the hand-made flow at time t (beta = 1/2): h(p_t) + p_t log 2, p_t = sigma(eta_t). */
function entropyAt(t: string): InstanceType<typeof D> {
  const beta = new D('0.5');
  const eta = new D(1).sub(beta.neg().mul(dec(t)).exp()).div(beta);
  const p = sigmoid(eta);
  const q = new D(1).sub(p);
  return p
    .mul(p.ln())
    .add(q.mul(q.ln()))
    .neg()
    .add(p.mul(new D(2).ln()));
}

describe('T9 through the runner (quick profile, default seed)', () => {
  let result: TheoremResult;
  beforeAll(() => {
    result = runTheorem(T9, { seed: DEFAULT_SEED, profile: PROFILES.quick, certify: certifyIdentity, ablation: true });
  });

  it('is a consistent catalogue entry (unique kebab-case names, assumptions name its own properties)', () => {
    expect(catalogueProblems([T9])).toEqual([]);
  });

  it('is verified: identities certified, properties verified (exact or interval), mutants refuted', () => {
    expect(result.status).toBe('verified');
    expect(result.identities.map((i) => [i.name, i.status])).toEqual(T9.identities.map((i) => [i.name, 'certified']));
    for (const property of result.properties) {
      expect(property.status, property.name).toBe('verified');
      expect(['exact', 'interval'], property.name).toContain(property.mode);
      expect(property.runs, property.name).toBe(200);
    }
    expect(result.properties.find((p) => p.name === 'lower-beta-higher-accuracy')!.mode).toBe('exact');
    for (const mutant of result.mutants) expect(mutant.status, mutant.name).toBe('refuted');
  });

  it('ablation: from a start outside the tilt family the decomposition fails', () => {
    for (const ablation of result.ablations!) {
      expect(ablation.outcome, ablation.id).toBe('confirmed');
      for (const property of ablation.properties)
        expect(property.status, `${ablation.id}: ${property.name}`).toBe('falsified');
    }
  });

  it('every mutant is refuted within 200 runs at other master seeds too', () => {
    for (const master of [1, 2, 3]) {
      for (const mutant of T9.mutants) {
        const outcome = runMutant(mutant, { seed: deriveSeed(master, 'T9', 'mutant', seedName(mutant)), runs: 200 });
        expect(outcome.status, `${mutant.name} at master seed ${master}`).toBe('refuted');
      }
    }
  });
});

describe('T9 predicates on hand-made instances', () => {
  const ia = intervalArithmetic(50);

  it('H_C = log 2 and H_W = 0 for q = (1/4, 1/4, 1/2), C = {0, 1}', () => {
    const { HC, HW } = classEntropies(ia, handPrompt.reference, handPrompt.correct);
    expectEncloses(ia.toNumberObject(HC), new D(2).ln(), 'H_C');
    expect(ia.toNumberObject(HW).exact).toBe('0');
  });

  it('below the turning point (p_t < 2/3) the entropy rises, past it it falls; "always falls" is refuted on the first pair', () => {
    const below = along(['0', '1/2']); // p = 1/2, 0.6088
    const past = along(['2', '4']); // p = 0.7798, 0.8493
    expect(entropyAt('1/2').gt(entropyAt('0'))).toBe(true);
    expect(entropyAt('4').lt(entropyAt('2'))).toBe(true);
    for (const name of ['entropy-decomposition', 'entropy-derivative-brackets', 'entropy-falls-past-turning-point']) {
      expect(byName(name).predicate(below).status, `${name} below`).toBe('pass');
      expect(byName(name).predicate(past).status, `${name} past`).toBe('pass');
    }
    const refuted = expectFail(byName('entropy-always-falls').predicate(below));
    expectEncloses(refuted.values!.lhs as never, entropyAt('1/2'), 'H at t = 1/2');
    expectEncloses(refuted.values!.rhs as never, entropyAt('0'), 'H at t = 0');
    // p = 1/2 is not past a turning point at 1/2 when H_C > H_W: that mutant fails on the second pair of times
    expectFail(byName('turning-point-at-half').predicate(along(['1/2', '1'])));
    expectFail(byName('decomposition-without-binary-entropy').predicate(below));
    expectFail(byName('derivative-logit-sign-flipped').predicate(past));
  });

  it('lower beta: p* = p0 E/(1 - p0 + p0 E) rises exactly; at E = 2 pi* is uniform (the turning point, H = log 3)', () => {
    expect(byName('lower-beta-higher-accuracy').predicate(optima('3', '4'))).toEqual({ status: 'pass', margin: 0.05 }); // min(3/4 - 1/2, 4/5 - 3/4)
    const entropy = byName('lower-beta-lower-entropy-past-turning-point');
    expect(entropy.predicate(optima('3', '4')).status).toBe('pass'); // p* = 3/4, 4/5: past, H falls
    expect(entropy.predicate(optima('5/4', '3/2')).status).toBe('pass'); // p* = 5/9, 3/5: before, H rises
    // p* = 2/3 sits exactly on the turning point (pi* uniform): recognized exactly, so no claim rather than undecided
    expect(entropy.predicate(optima('2', '3')).status).toBe('pass');
  });

  it('uniform q sits exactly on its turning point at t = 0: the pair (0, t) carries no claim, decided exactly', () => {
    const uniform: Prompt = {
      weight: R(1),
      reference: ['1/3', '1/3', '1/3'].map(R),
      correct: [true, true, false],
      p0: R('2/3'),
    };
    const flow: FlowInstance = { n: 3, beta: R(1), prompts: [uniform], times: [R(0), R(1), R(2)] };
    expect(byName('entropy-falls-past-turning-point').predicate(flow).status).toBe('pass');
    expect(byName('entropy-derivative-brackets').predicate(flow).status).toBe('pass');
  });
});
