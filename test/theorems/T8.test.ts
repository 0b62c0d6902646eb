/**
 * T8 through the runner (quick profile, default seed, with ablation), its
 * mutants at other seeds, and its predicates on hand-made instances against
 * closed forms evaluated independently with decimal.js.
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
import { T8 } from '../../theorems/T8.js';
import {
  bernoulliGap,
  flowState,
  logisticAccuracy,
  promptFlow,
  suboptimalityGap,
  tiltParameter,
  tiltPolicy,
  type FlowInstance,
} from '../../theorems/support/naturalGradientFlow.js';
import {
  D,
  bernoulliKlOracle,
  dec,
  expectEncloses,
  klOracle,
  logit,
  sigmoid,
  tiltOracle,
  type Dec,
} from '../rlvr/helpers.js';

const R = parseRational;

function prompt(reference: string[], correct: boolean[], initial?: string[]): Prompt {
  const q = reference.map(R);
  const p0 = q.reduce((acc, x, y) => (correct[y] ? acc.add(x) : acc), R(0));
  return {
    weight: R(1),
    reference: q,
    correct,
    p0,
    ...(initial ? { initial: { kind: 'any' as const, pi0: initial.map(R) } } : {}),
  };
}

function instance(beta: string, prompts: Prompt[], times: string[]): FlowInstance {
  return { n: prompts[0]!.reference.length, beta: R(beta), prompts, times: times.map(R) };
}

const byName = (name: string): PropertySpec<FlowInstance> =>
  ([...T8.properties, ...T8.mutants].find((spec) => spec.name === name) as PropertySpec<FlowInstance> | undefined) ??
  expect.fail(`no spec ${name}`);

const expectFail = (verdict: Verdict): FailVerdict => {
  expect(verdict.status).toBe('fail');
  return verdict as FailVerdict;
};

/** J(pi) = pi(C) - beta KL(pi || q), from the definition. */
function objectiveOracle(pi: Dec[], q: Dec[], correct: boolean[], beta: Dec): Dec {
  const accuracy = pi.reduce((acc, x, y) => (correct[y] ? acc.add(x) : acc), new D(0));
  return accuracy.sub(beta.mul(klOracle(pi, q)));
}

describe('T8 through the runner (quick profile, default seed)', () => {
  let result: TheoremResult;
  beforeAll(() => {
    result = runTheorem(T8, { seed: DEFAULT_SEED, profile: PROFILES.quick, certify: certifyIdentity, ablation: true });
  });

  it('is a consistent catalogue entry (unique kebab-case names, assumptions name its own properties)', () => {
    expect(catalogueProblems([T8])).toEqual([]);
  });

  it('is verified: identities certified, properties verified in interval mode, mutants refuted', () => {
    expect(result.status).toBe('verified');
    expect(result.identities.map((i) => [i.name, i.status])).toEqual(T8.identities.map((i) => [i.name, 'certified']));
    for (const property of result.properties) {
      expect(property.status, property.name).toBe('verified');
      expect(property.mode, property.name).toBe('interval');
      expect(property.runs, property.name).toBe(200);
    }
    for (const mutant of result.mutants) expect(mutant.status, mutant.name).toBe('refuted');
  });

  it('ablation: dropping the tilt start or 0 < p0 < 1 falsifies every property relying on it', () => {
    for (const ablation of result.ablations!) {
      expect(ablation.outcome, ablation.id).toBe('confirmed');
      for (const property of ablation.properties)
        expect(property.status, `${ablation.id}: ${property.name}`).toBe('falsified');
    }
  });

  it('every mutant is refuted within 200 runs at other master seeds too', () => {
    for (const master of [1, 2, 3]) {
      for (const mutant of T8.mutants) {
        const outcome = runMutant(mutant, { seed: deriveSeed(master, 'T8', 'mutant', seedName(mutant)), runs: 200 });
        expect(outcome.status, `${mutant.name} at master seed ${master}`).toBe('refuted');
      }
    }
  });
});

describe('T8 identities can fail', () => {
  it('the Fisher identity with the field r - 2 beta (theta - log q) is refused', () => {
    const fisher = T8.identities[0]!;
    const wrong = { ...fisher, name: 'wrong field', lhs: fisher.lhs.replaceAll('beta*(theta', '2*beta*(theta') };
    expect(certifyIdentity(wrong, { points: 3 }).status).toBe('failed');
  });
});

describe('T8 predicates on hand-made instances', () => {
  const ia = intervalArithmetic(50);

  it('from q = (1/2, 1/4, 1/4), C = {1}, beta = 1/2, t = 1: the tilt, p_t and both gaps match closed forms', () => {
    const beta = dec('1/2');
    const reference = ['1/2', '1/4', '1/4'];
    const correct = [false, true, false];
    const eta = new D(1).sub(beta.neg().exp()).div(beta); // t = 1
    const pt = sigmoid(logit(dec('1/4')).add(eta));
    const pStar = sigmoid(logit(dec('1/4')).add(new D(1).div(beta)));
    const q = reference.map(dec);
    const piT = tiltOracle(q, correct, eta);
    const piStar = tiltOracle(q, correct, new D(1).div(beta));
    const gapOracle = objectiveOracle(piStar, q, correct, beta).sub(objectiveOracle(piT, q, correct, beta));

    const flow = promptFlow(ia, prompt(reference, correct), ia.fromRational(R('1/2')));
    const betaI = ia.fromRational(R('1/2'));
    const kappa = tiltParameter(ia, flow.kappa0, betaI, R(1));
    expectEncloses(ia.toNumberObject(kappa), eta, 'eta_1');
    expectEncloses(ia.toNumberObject(logisticAccuracy(ia, flow.p0, flow.w0, kappa)), pt, 'sigma(logit p0 + eta_t)');
    tiltPolicy(ia, flow.prompt.reference, flow.prompt.correct, kappa).forEach((p, y) =>
      expectEncloses(ia.toNumberObject(p), piT[y]!, `pi_t(${y})`),
    );
    const state = flowState(ia, flow, betaI, R(1));
    expectEncloses(ia.toNumberObject(state.correctMass), pt, 'engine p_t');
    expectEncloses(ia.toNumberObject(suboptimalityGap(ia, flow, betaI, state)), gapOracle, 'J(pi*) - J(pi_t)');
    expectEncloses(
      ia.toNumberObject(bernoulliGap(ia, betaI, state, flow.optimum)),
      beta.mul(bernoulliKlOracle(pt, pStar)),
      'beta kl(p_t || p*)',
    );

    const hand = instance('1/2', [prompt(reference, correct)], ['0', '1']);
    for (const name of [
      'closed-form-is-tilt',
      'accuracy-is-logistic',
      'accuracy-rises-to-optimum',
      'accuracy-converges-to-optimum',
      'gap-equals-bernoulli-kl',
      'gap-strictly-decreasing',
      'gap-exponential-bound',
      'kl-to-reference-is-bernoulli',
      'closed-form-matches-integration',
    ]) {
      expect(byName(name).predicate(hand).status, name).toBe('pass');
    }
    for (const name of ['gap-reversed-kl', 'gap-without-beta', 'eta-without-beta', 'bound-cubic-decay'])
      expect(byName(name).predicate(hand).status, name).toBe('fail');
  });

  it('the 1/8 bound is nearly tight at p0 = 1/2: beta kl(1/2 || sigma(1/beta)) = beta log cosh(1/(2 beta)), and 1/16 fails', () => {
    // q = (1/2, 1/2), C = {0}, beta = 4, t = 0: logit p* - logit p0 = 1/4 and kl(1/2 || sigma(d)) = log cosh(d/2).
    const hand = instance('4', [prompt(['1/2', '1/2'], [true, false])], ['0']);
    const lhs = new D(4).mul(new D('0.125').cosh().ln()); // 0.0311689...
    const verdict = byName('gap-exponential-bound').predicate(hand);
    expect(verdict.status).toBe('pass');
    const margin = (verdict as { margin: number }).margin;
    expect(Math.abs(margin - new D('0.03125').sub(lhs).toNumber())).toBeLessThan(1e-12);
    const refuted = expectFail(byName('bound-sixteenth').predicate(hand));
    expectEncloses(refuted.values!.lhs as never, lhs, 'beta kl(p0 || p*)');
    expect(refuted.values!.rhs).toMatchObject({ exact: '1/64' });
  });

  it('from a start outside the tilt family the gap exceeds beta kl(p_t || p*) and the tilt equalities fail', () => {
    // W = {0, 2}: q has ratio 2 : 1 there, pi_0 = (1/4, 1/4, 1/2) ratio 1 : 2, so pi_0 is no tilt of q.
    const reference = ['1/2', '1/4', '1/4'];
    const correct = [false, true, false];
    const start = ['1/4', '1/4', '1/2'];
    const hand = instance('1', [prompt(reference, correct, start)], ['1/2']);
    // pi_t proportional to q^{1-a} pi_0^a e^{eta r}, a = e^{-1/2}, eta = 1 - a (beta = 1).
    const a = new D('-0.5').exp();
    const weights = reference.map((q, y) =>
      dec(q)
        .pow(new D(1).sub(a))
        .mul(dec(start[y]!).pow(a))
        .mul(correct[y] ? new D(1).sub(a).exp() : 1),
    );
    const total = weights.reduce((acc, w) => acc.add(w), new D(0));
    const piT = weights.map((w) => w.div(total));
    const q = reference.map(dec);
    const piStar = tiltOracle(q, correct, new D(1));
    const gap = objectiveOracle(piStar, q, correct, new D(1)).sub(objectiveOracle(piT, q, correct, new D(1)));
    const bernoulli = bernoulliKlOracle(piT[1]!, piStar[1]!);
    expect(gap.sub(bernoulli).gt('1e-3')).toBe(true); // the excess p KL(pi|C) + (1 - p) KL(pi|W) is macroscopic here

    expect(byName('gap-exceeds-bernoulli-outside-tilts').predicate(hand).status).toBe('pass');
    expect(
      byName('gap-strictly-decreasing').predicate(instance('1', [prompt(reference, correct, start)], ['0', '1/2', '3']))
        .status,
    ).toBe('pass');
    const unequal = expectFail(byName('gap-equals-bernoulli-kl').predicate(hand));
    expectEncloses(unequal.values!.lhs as never, gap, 'J(pi*) - J(pi_t)');
    expectEncloses(unequal.values!.rhs as never, bernoulli, 'beta kl(p_t || p*)');
    expectFail(byName('closed-form-is-tilt').predicate(hand));
    expectFail(byName('kl-to-reference-is-bernoulli').predicate(hand));
  });

  it('a prompt with no correct response stands still: strict monotonicity fails, decidedly', () => {
    const hand = instance('1', [prompt(['1/3', '2/3'], [false, false])], ['0', '1']);
    // p_0 = p* = 0 (both the empty sum): already p_t < p* fails at t = 0
    expect(expectFail(byName('accuracy-rises-to-optimum').predicate(hand)).claim).toBe('p_t < p*');
    expect(expectFail(byName('gap-strictly-decreasing').predicate(hand)).claim).toMatch(/strictly decreasing/);
    // the non-strict claims still hold there
    expect(byName('gap-exponential-bound').predicate(hand).status).toBe('pass');
    expect(byName('gap-equals-bernoulli-kl').predicate(hand).status).toBe('pass');
  });
});
