/**
 * The closed-form natural gradient flow (T8) against (1) closed forms
 * evaluated with decimal.js and (2) an independent numerical integration of
 * d theta / dt = r - beta (theta - log q) (extrapolated midpoint, src/ode/).
 */
import { describe, expect, it } from 'vitest';
import { floatArithmetic as fa } from '../../src/arith/float.js';
import { intervalArithmetic } from '../../src/arith/interval.js';
import { parseRational } from '../../src/arith/rational.js';
import { rungeKuttaWithErrorEstimate } from '../../src/ode/rungeKutta.js';
import { integrateNaturalGradientFlow } from '../../src/rlvr/flowIntegration.js';
import {
  flowCoefficients,
  flowLogits,
  flowPolicy,
  naturalGradientField,
  softmaxPolicy,
} from '../../src/rlvr/naturalGradientFlow.js';
import { restrictToSupport } from '../../src/rlvr/prompt.js';
import { D, dec, expectEncloses, expectWidthBelow, logit, sigmoid, tiltOracle } from './helpers.js';

const ia = intervalArithmetic(60);
const lift = (text: string) => ia.fromRational(parseRational(text));

const REFERENCE = ['1/2', '1/4', '1/8', '1/8'];
const CORRECT = [false, true, false, true];
const START = ['1/10', '2/5', '3/10', '1/5'];

const fromReference = restrictToSupport(ia, { weight: ia.one, reference: REFERENCE.map(lift), correct: CORRECT });
const fromStart = restrictToSupport(ia, {
  weight: ia.one,
  reference: REFERENCE.map(lift),
  correct: CORRECT,
  initial: START.map(lift),
});

describe('flowPolicy from pi_0 = q (T8 closed form)', () => {
  it.each([['0'], ['1/3'], ['2'], ['15']])(
    't = %s: accuracy p_t = sigma(logit p0 + eta_t), pi_t = q e^{eta_t r} / Z',
    (t) => {
      const beta = dec('1/2');
      const eta = new D(1).sub(beta.neg().mul(dec(t)).exp()).div(beta);
      const state = flowPolicy(ia, fromReference, lift('1/2'), lift(t));
      expectEncloses(ia.toNumberObject(state.correctMass), sigmoid(logit(dec('3/8')).add(eta)), 'p_t');
      const expected = tiltOracle(REFERENCE.map(dec), CORRECT, eta);
      state.policy.forEach((p, y) => expectEncloses(ia.toNumberObject(p), expected[y]!, `pi_t(${y})`));
      expectWidthBelow(ia.toNumberObject(state.correctMass), '1e-50');
    },
  );

  it('t = 0 returns q itself, exactly', () => {
    const state = flowPolicy(ia, fromReference, lift('1/2'), ia.zero);
    expect(state.isReference).toBe(true);
    const coefficients = flowCoefficients(ia, lift('1/2'), ia.zero);
    expect(ia.toNumberObject(coefficients.eta).exact).toBe('0');
  });
});

describe('flowPolicy from a start outside the tilt family', () => {
  it('pi_t is proportional to q^{1-a} pi_0^a e^{eta_t r}, a = e^{-beta t}', () => {
    const beta = dec('1/2');
    const t = dec('3/2');
    const a = beta.neg().mul(t).exp();
    const eta = new D(1).sub(a).div(beta);
    const weights = REFERENCE.map((q, y) =>
      dec(q)
        .pow(new D(1).sub(a))
        .mul(dec(START[y]!).pow(a))
        .mul(CORRECT[y] ? eta.exp() : 1),
    );
    const total = weights.reduce((acc, w) => acc.add(w), new D(0));
    const state = flowPolicy(ia, fromStart, lift('1/2'), lift('3/2'));
    state.policy.forEach((p, y) => expectEncloses(ia.toNumberObject(p), weights[y]!.div(total), `pi_t(${y})`));
  });

  it('theta_t = theta* + e^{-beta t}(theta_0 - theta*) and softmax(theta_t) = pi_t', () => {
    const theta = flowLogits(ia, fromStart, lift('1/2'), lift('3/2'));
    const fromLogits = softmaxPolicy(ia, theta);
    const state = flowPolicy(ia, fromStart, lift('1/2'), lift('3/2'));
    fromLogits.forEach((p, y) => {
      const difference = ia.toNumberObject(ia.sub(p, state.policy[y]!));
      expectEncloses(difference, new D(0));
      expectWidthBelow(difference, '1e-50');
    });
  });
});

describe('closed form against an independent ODE integration', () => {
  it.each([
    { start: 'q', prompt: fromReference, beta: '1/2', t: '4' },
    { start: 'pi_0', prompt: fromStart, beta: '1/2', t: '4' },
    { start: 'pi_0', prompt: fromStart, beta: '3', t: '2' },
  ])('from $start, beta = $beta, t = $t: extrapolated midpoint (order 20) agrees to 1e-30', ({ prompt, beta, t }) => {
    const integrated = integrateNaturalGradientFlow(ia, prompt, lift(beta), lift(t));
    const closedTheta = flowLogits(ia, prompt, lift(beta), lift(t));
    integrated.logits.forEach((theta, y) => {
      const difference = ia.toNumberObject(ia.abs(ia.sub(theta, closedTheta[y]!)));
      const estimate = ia.toNumberObject(integrated.errorEstimate[y]!);
      // the closed form lies within the integrator's (heuristic) error estimate, and both are tiny
      expect(new D(difference.lo).lte(new D(estimate.hi).add('1e-45'))).toBe(true);
      expect(new D(difference.hi).lt('1e-30')).toBe(true);
    });
    const closed = flowPolicy(ia, prompt, lift(beta), lift(t));
    integrated.policy.forEach((p, y) =>
      expect(new D(ia.toNumberObject(ia.abs(ia.sub(p, closed.policy[y]!))).hi).lt('1e-30')).toBe(true),
    );
  });

  it('classical RK4 in float64 agrees to 1e-9 with step-halving error estimate', () => {
    const prompt = restrictToSupport(fa, {
      weight: 1,
      reference: [0.5, 0.25, 0.125, 0.125],
      correct: CORRECT,
      initial: [0.1, 0.4, 0.3, 0.2],
    });
    const start = prompt.initial!.map(Math.log);
    const { y, errorEstimate } = rungeKuttaWithErrorEstimate(
      fa,
      naturalGradientField(fa, prompt, 0.5),
      start,
      0,
      4,
      200,
    );
    const closed = flowPolicy(fa, prompt, 0.5, 4).policy;
    softmaxPolicy(fa, y).forEach((p, k) => expect(Math.abs(p - closed[k]!)).toBeLessThan(1e-9));
    expect(Math.max(...errorEstimate)).toBeLessThan(1e-8);
  });
});
