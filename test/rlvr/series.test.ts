/**
 * The RLVR series: T8's equalities and bound, T7's inequality, T9's entropy
 * decomposition, the prompt-weighted total, and the degenerate prompts.
 * Expected values are closed forms evaluated with decimal.js.
 */
import { describe, expect, it } from 'vitest';
import { floatArithmetic as fa } from '../../src/arith/float.js';
import { intervalArithmetic } from '../../src/arith/interval.js';
import { parseRational } from '../../src/arith/rational.js';
import { rlvrSeries } from '../../src/rlvr/series.js';
import {
  D,
  bernoulliKlOracle,
  dec,
  entropyOracle,
  expectEncloses,
  expectWidthBelow,
  klOracle,
  logit,
  sigmoid,
  tiltOracle,
} from './helpers.js';

const ia = intervalArithmetic(60);
const lift = (text: string) => ia.fromRational(parseRational(text));
const num = (x: Parameters<typeof ia.toNumberObject>[0]) => ia.toNumberObject(x);

const REFERENCE = ['1/2', '1/4', '1/8', '1/8'];
const CORRECT = [false, true, false, true];
const TIMES = ['0', '1/2', '2', '10'];
const BETA = '1/2';

const report = rlvrSeries(
  ia,
  {
    beta: lift(BETA),
    prompts: [
      { weight: lift('2'), reference: REFERENCE.map(lift), correct: CORRECT },
      {
        weight: lift('1'),
        reference: REFERENCE.map(lift),
        correct: CORRECT,
        initial: ['1/10', '2/5', '3/10', '1/5'].map(lift),
      },
      { weight: lift('1'), reference: ['1/3', '2/3'].map(lift), correct: [false, false] },
    ],
  },
  TIMES.map(lift),
);

const eta = (t: string) => new D(1).sub(dec(BETA).neg().mul(dec(t)).exp()).div(dec(BETA));
const p0 = dec('3/8');
const pStar = sigmoid(logit(p0).add(new D(1).div(dec(BETA))));

describe('rlvrSeries from pi_0 = q', () => {
  const prompt = report.prompts[0]!;
  it.each(TIMES.map((t, i) => [t, i]))(
    't = %s: gap = bernoulliGap = beta kl(p_t || p*) and KL(pi_t || q) = kl(p_t || p0) (T8)',
    (t, i) => {
      const point = prompt.series[i]!;
      const pt = sigmoid(logit(p0).add(eta(t)));
      const expected = dec(BETA).mul(bernoulliKlOracle(pt, pStar));
      expectEncloses(num(point.accuracy), pt, 'accuracy');
      expectEncloses(num(point.gap), expected, 'gap');
      expectEncloses(num(point.bernoulliGap), expected, 'bernoulliGap');
      expectEncloses(num(point.klToReference), bernoulliKlOracle(pt, p0), 'klToReference');
      expectWidthBelow(num(point.gap), '1e-45');
    },
  );

  it('entropy H(pi_t) = h(p_t) + p_t H_C + (1 - p_t) H_W (T9)', () => {
    const qC = [dec('1/4'), dec('1/8')].map((q) => q.div(p0));
    const qW = [dec('1/2'), dec('1/8')].map((q) => q.div(new D(1).sub(p0)));
    TIMES.forEach((t, i) => {
      const pt = sigmoid(logit(p0).add(eta(t)));
      const h = entropyOracle([pt, new D(1).sub(pt)]);
      const expected = h.add(pt.mul(entropyOracle(qC))).add(new D(1).sub(pt).mul(entropyOracle(qW)));
      expectEncloses(num(prompt.series[i]!.entropy), expected, `H at t = ${t}`);
      // and directly from the tilted law
      expectEncloses(num(prompt.series[i]!.entropy), entropyOracle(tiltOracle(REFERENCE.map(dec), CORRECT, eta(t))));
    });
  });

  it('the gap obeys beta kl(p_t || p*) <= e^{-2 beta t} / (8 beta) and decreases', () => {
    TIMES.forEach((t, i) => {
      const bound = dec(BETA).mul(-2).mul(dec(t)).exp().div(dec(BETA).mul(8));
      expect(new D(num(prompt.series[i]!.gap).hi).lte(bound)).toBe(true);
      if (i > 0) expect(ia.compare(prompt.series[i]!.gap, prompt.series[i - 1]!.gap)).toBe(-1);
    });
  });

  it('reports p0, p* and log Z', () => {
    expect(ia.toRational(prompt.p0)?.toFraction()).toBe('3/8');
    expectEncloses(num(prompt.pStar), pStar);
    expectEncloses(
      num(prompt.logZ),
      new D(1)
        .sub(p0)
        .add(p0.mul(new D(2).exp()))
        .ln(),
    );
  });
});

describe('rlvrSeries from a start outside the tilt family (T7)', () => {
  const prompt = report.prompts[1]!;
  it('gap > bernoulliGap, decided, at every time, and the gap decreases', () => {
    prompt.series.forEach((point, i) => {
      expect(ia.compare(point.gap, point.bernoulliGap)).toBe(1);
      if (i > 0) expect(ia.compare(point.gap, prompt.series[i - 1]!.gap)).toBe(-1);
    });
  });

  it('gap = J(pi*) - J(pi_t) with J(pi) = pi(C) - beta KL(pi || q), at t = 0', () => {
    const start = ['1/10', '2/5', '3/10', '1/5'].map(dec);
    const q = REFERENCE.map(dec);
    const objective = (pi: Dec[]) => pi[1]!.add(pi[3]!).sub(dec(BETA).mul(klOracle(pi, q)));
    const optimum = tiltOracle(q, CORRECT, new D(2));
    expectEncloses(num(prompt.series[0]!.gap), objective(optimum).sub(objective(start)));
    expectEncloses(num(prompt.series[0]!.klToReference), klOracle(start, q));
  });
});
type Dec = InstanceType<typeof D>;

describe('degenerate prompt (no correct response) and the total', () => {
  it('p* = p0 = 0 and the gaps are exactly 0', () => {
    const prompt = report.prompts[2]!;
    expect(num(prompt.pStar).exact).toBe('0');
    expect(num(prompt.logZ).exact).toBe('0');
    prompt.series.forEach((point) => {
      expect(num(point.gap).exact).toBe('0');
      expect(num(point.bernoulliGap).exact).toBe('0');
      expect(num(point.klToReference).exact).toBe('0');
      expectEncloses(num(point.entropy), entropyOracle([dec('1/3'), dec('2/3')]));
    });
  });

  it('total = prompt-weighted mean with weights 2/4, 1/4, 1/4', () => {
    TIMES.forEach((_, i) => {
      const expected = report.prompts.reduce(
        (acc, p, k) => acc.add(new D([2, 1, 1][k]!).div(4).mul(new D(num(p.series[i]!.accuracy).approx))),
        new D(0),
      );
      expect(new D(num(report.total.series[i]!.accuracy).approx).sub(expected).abs().lt('1e-18')).toBe(true);
    });
  });

  it('float64 mode agrees with the enclosures to 1e-12', () => {
    const floatReport = rlvrSeries(
      fa,
      { beta: 0.5, prompts: [{ weight: 1, reference: [0.5, 0.25, 0.125, 0.125], correct: CORRECT }] },
      [0, 0.5, 2, 10],
    );
    floatReport.prompts[0]!.series.forEach((point, i) => {
      expect(Math.abs(point.gap - Number(num(report.prompts[0]!.series[i]!.gap).approx))).toBeLessThan(1e-12);
      expect(Math.abs(point.entropy - Number(num(report.prompts[0]!.series[i]!.entropy).approx))).toBeLessThan(1e-12);
    });
  });
});
