/**
 * The figure-data builders against closed forms, and the SVG chart layer.
 *
 * Known answers:
 * - 2-state chain P = [[1 - a, a], [b, 1 - b]]: l_2 = 1 - a - b, mu = (b, a)/(a + b),
 *   nu_t - mu = l_2^t (nu_0 - mu), so chi2(nu_t || mu) = l_2^(2t) chi2(nu_0 || mu) and
 *   TV(nu_t, mu) = |l_2|^t TV(nu_0, mu); from state 0 the time to hit {1} is geometric
 *   with mean 1/a, the Dirichlet gap of {1} is a, and g = a + b (Levin-Peres-Wilmer, ch. 1, 12).
 * - q(y|x) = 1/n (C all ones): mu = softmax(Phi/beta) exactly (T2q), E_rho[Phi] = mean of Phi.
 * - Bernoulli flow from q (T8): p_t = sigma(logit p0 + eta_t), eta_t = (1 - e^{-beta t})/beta,
 *   gap = beta kl(p_t || p*), evaluated here with decimal.js (an independent oracle).
 * - T9: four equally likely correct responses and one wrong: H_C = log 4, H_W = 0, so the
 *   turning point sigma(H_C - H_W) = 4/5 exactly, and h(1/2) + (H_C + H_W)/2 = 2 log 2.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { Rational, parseRational } from '../../src/arith/rational.js';
import { intervalArithmetic, type Interval } from '../../src/arith/interval.js';
import { renderChart } from '../../src/report/figures/chart.js';
import { lambdaStarOf, mixingData, klFromPointsData } from '../../src/report/figures/mixing.js';
import { hittingData } from '../../src/report/figures/hitting.js';
import { qualityData } from '../../src/report/figures/quality.js';
import { entropyData, gapData, sampleEntropyPrompt, sampleGapPrompt } from '../../src/report/figures/flow.js';
import { sampleChain, type ChainSample } from '../../src/report/figures/sampleChain.js';
import { buildFigures, FIGURE_BUILDERS, isFigure, theoremFigure } from '../../src/report/figures/index.js';
import { accuracyData, decompositionData, gibbsData } from '../../src/report/figures/policies.js';
import { balanceData, sampleBalance } from '../../src/report/figures/balance.js';
import { atMost, decisionSentence } from '../../src/report/figures/common.js';

const D = Decimal.clone({ precision: 60 });
const ar = intervalArithmetic(40);
const r = (text: string): Rational => parseRational(text);
const dec = (q: Rational): Decimal => new D((q.s * q.n).toString()).div(q.d.toString());

/** The interval encloses the decimal value (to the interval's own width plus 1e-45). */
function encloses(x: Interval, value: Decimal.Value): boolean {
  const v = new D(value);
  const slack = new D('1e-45');
  return new D(x.lo.toString()).lte(v.plus(slack)) && new D(x.hi.toString()).gte(v.minus(slack));
}

function twoState(a: Rational, b: Rational): ChainSample {
  const one = r('1');
  const kernel = [
    [one.sub(a), a],
    [b, one.sub(b)],
  ];
  const mu = [b.div(a.add(b)), a.div(a.add(b))];
  return { seed: 0, conductance: [], weights: [r('1'), r('2')], kernel, mu, split: 1 };
}

describe('mixing figure data (T3, T4)', () => {
  const a = r('1/4');
  const b = r('1/2');
  const chain = twoState(a, b); // l_2 = 1/4, mu = (2/3, 1/3)

  it('encloses l* = |1 - a - b| for a 2-state chain', () => {
    const l = lambdaStarOf(chain.kernel);
    expect(l.lo.compare(r('1/4'))).toBeLessThanOrEqual(0);
    expect(l.hi.compare(r('1/4'))).toBeGreaterThanOrEqual(0);
    expect(l.hi.sub(l.lo).compare(r('1e-29'))).toBeLessThan(0);
  });

  it('chi2 and TV follow l_2^t exactly, and an equality is never decided as a strict separation', () => {
    const start = [r('0'), r('1')];
    const data = mixingData(chain, 6, start);
    // chi2(delta_1 || mu) = (2/3)^2/(2/3) + (2/3)^2/(1/3) = 2/3 + 4/3 = 2; TV = 2/3.
    for (let t = 0; t <= 6; t++) {
      expect(encloses(data.chi2[t]!, new D(2).times(new D(1).div(16).pow(t)))).toBe(true);
      expect(encloses(data.tv[t]!, new D(2).div(3).times(new D(1).div(4).pow(t)))).toBe(true);
      // KL of the 2-state law (2/3 - (2/3) l^t, 1/3 + (2/3) l^t) from mu, by decimal.js.
      const p1 = new D(1).div(3).plus(new D(2).div(3).times(new D(1).div(4).pow(t)));
      const p0 = new D(1).minus(p1);
      const kl = (p0.isZero() ? new D(0) : p0.times(p0.div(new D(2).div(3)).ln())).plus(
        p1.times(p1.div(new D(1).div(3)).ln()),
      );
      expect(encloses(data.kl[t]!, kl)).toBe(true);
    }
    // The chi2 bound is attained (2 states): held by definition at t = 0, never 'fails', and
    // undecided rather than 'holds' where the enclosures of value and bound overlap.
    expect(data.decisions.chi2[0]).toBe('holds');
    expect(data.decisions.chi2).not.toContain('fails');
    expect(data.decisions.kl).not.toContain('fails');
    expect(data.decisions.tv.every((d) => d === 'holds')).toBe(true); // 2/3 l^t < (1/2) sqrt(2) l^t
  });

  it('on the seeded sample chain every bound holds and KL never increases from any start', () => {
    const sample = sampleChain(251218730, 'T4-mixing', 5);
    const data = mixingData(sample);
    expect(data.steps).toBeGreaterThanOrEqual(12);
    for (const key of ['chi2', 'tv', 'kl'] as const) expect(data.decisions[key].every((d) => d === 'holds')).toBe(true);
    const kls = klFromPointsData(sample, 10);
    expect(kls.kl).toHaveLength(5);
    expect(kls.monotone.flat().every((d) => d === 'holds')).toBe(true);
  });

  it('the sample chain is reversible with respect to its stationary law, with all entries positive', () => {
    const { kernel, mu } = sampleChain(7, 'T4-mixing', 5);
    for (let x = 0; x < 5; x++) {
      expect(kernel[x]!.reduce((s, v) => s.add(v), r('0')).equals(r('1'))).toBe(true);
      for (let y = 0; y < 5; y++) {
        expect(kernel[x]![y]!.compare(0)).toBeGreaterThan(0);
        expect(mu[x]!.mul(kernel[x]![y]!).equals(mu[y]!.mul(kernel[y]![x]!))).toBe(true);
      }
    }
  });
});

describe('hitting figure data (T5)', () => {
  it('matches the geometric hitting time of a 2-state chain', () => {
    const a = r('1/4');
    const b = r('1/2');
    const { rows, spectralGap } = hittingData(twoState(a, b));
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.target).toEqual([1]); // the state of larger weight
    // E_mu[tau] = mu(0) / a = (2/3) * 4 = 8/3; from state 0 it is 1/a = 4.
    expect(row.expectedFromMu.equals(r('8/3'))).toBe(true);
    expect(row.worstStart).toEqual({ state: 0, expected: r('4') });
    expect(row.dirichletGap.lo.compare(a)).toBeLessThanOrEqual(0);
    expect(row.dirichletGap.hi.compare(a)).toBeGreaterThanOrEqual(0);
    expect(spectralGap.lo.compare(r('3/4'))).toBeLessThanOrEqual(0);
    expect(spectralGap.hi.compare(r('3/4'))).toBeGreaterThanOrEqual(0);
    // (1 - mu(A)) / (g mu(A)) = (2/3) / ((3/4)(1/3)) = 8/3: both bounds are attained here.
    expect(row.spectralBound.lo.compare(r('8/3'))).toBeLessThanOrEqual(0);
    expect(row.spectralBound.hi.compare(r('8/3'))).toBeGreaterThanOrEqual(0);
    expect(Object.values(row.decisions)).not.toContain('fails');
  });

  it('on the seeded sample chain the sets shrink one state at a time and every claim holds', () => {
    const { rows } = hittingData(sampleChain(251218730, 'T5-hitting', 6));
    expect(rows.map((row) => row.target.length)).toEqual([5, 4, 3, 2, 1]);
    for (let k = 1; k < rows.length; k++) expect(rows[k]!.threshold).toBeGreaterThan(rows[k - 1]!.threshold);
    for (const row of rows) expect(Object.values(row.decisions)).toEqual(['holds', 'holds', 'holds']);
  });
});

describe('quality figure data (T2q)', () => {
  it('with uniform q, E_mu[Phi] is the softmax(Phi/beta) mean', () => {
    const ones = [r('1'), r('1'), r('1')].map(() => [r('1'), r('1'), r('1')]);
    const potential = [r('-1'), r('1/2'), r('2')];
    const betas = [r('1/3'), r('1'), r('4')];
    const data = qualityData({ seed: 0, conductance: ones, potential }, betas);
    expect(data.referenceLevel.equals(r('1/2'))).toBe(true);
    expect(data.maxPhi.equals(r('2'))).toBe(true);
    betas.forEach((beta, k) => {
      const w = potential.map((phi) => dec(phi).div(dec(beta)).exp());
      const mean = w
        .reduce((s, wx, x) => s.plus(wx.times(dec(potential[x]!))), new D(0))
        .div(w.reduce((s, wx) => s.plus(wx), new D(0)));
      expect(encloses(data.expected[k]!, mean)).toBe(true);
    });
    expect(data.aboveReference).toEqual(['holds', 'holds', 'holds']);
    expect(data.nonIncreasing).toEqual(['holds', 'holds']);
  });
});

describe('flow figure data (T8, T9)', () => {
  it('the gap along the flow from q is beta kl(p_t || p*) (decimal.js) and below e^{-2 beta t}/(8 beta)', () => {
    const sample = { seed: 0, reference: [r('1/5'), r('4/5')], correct: [true, false], beta: r('1/2') };
    const times = [r('0'), r('1'), r('3')];
    const data = gapData(sample, times);
    const beta = new D('0.5');
    const logit = (p: Decimal) => p.div(new D(1).minus(p)).ln();
    const sigma = (x: Decimal) => new D(1).div(new D(1).plus(x.neg().exp()));
    const bernoulliKl = (p: Decimal, q: Decimal) =>
      p.times(p.div(q).ln()).plus(new D(1).minus(p).times(new D(1).minus(p).div(new D(1).minus(q)).ln()));
    const pStar = sigma(logit(new D('0.2')).plus(new D(1).div(beta)));
    times.forEach((t, k) => {
      const tt = dec(t);
      const eta = new D(1).minus(beta.neg().times(tt).exp()).div(beta);
      const pt = sigma(logit(new D('0.2')).plus(eta));
      const expected = beta.times(bernoulliKl(pt, pStar));
      expect(encloses(data.gap[k]!, expected)).toBe(true);
      expect(encloses(data.bernoulliGap[k]!, expected)).toBe(true);
      expect(encloses(data.bound[k]!, new D(-2).times(beta).times(tt).exp().div(new D(8).times(beta)))).toBe(true);
    });
    expect(data.belowBound).toEqual(['holds', 'holds', 'holds']);
  });

  it('the turning point of four equally likely correct responses and one wrong one is 4/5', () => {
    const quarter = r('1/4');
    const p0 = r('1/5');
    const sample = {
      seed: 0,
      reference: [...[1, 2, 3, 4].map(() => quarter.mul(p0)), r('4/5')],
      correct: [true, true, true, true, false],
      beta: r('1/5'),
    };
    const data = entropyData(sample);
    expect(encloses(data.entropyCorrect, new D(4).ln())).toBe(true);
    expect(encloses(data.entropyWrong, 0)).toBe(true);
    expect(encloses(data.turningPoint, '0.8')).toBe(true);
    const half = data.curve.find(([p]) => p === 0.5)!;
    expect(encloses(half[1], new D(2).ln().times(2))).toBe(true);
    // The flow crosses p° (p0 = 1/5 < 4/5 < p*), and the entropy rises before it and falls after it.
    expect(ar.compare(data.pStar, ar.fromRational(r('4/5')))).toBe(1);
    expect(data.sides.length).toBeGreaterThan(10);
    expect(data.sides.every((d) => d === 'holds')).toBe(true);
  });

  it('the seeded prompts are valid and the T9 prompt crosses its turning point', () => {
    for (const seed of [1, 2, 3, 251218730]) {
      const gap = sampleGapPrompt(seed);
      expect(gap.reference.reduce((s, q) => s.add(q), r('0')).equals(r('1'))).toBe(true);
      expect(gap.correct.some(Boolean) && !gap.correct.every(Boolean)).toBe(true);
      const data = entropyData(sampleEntropyPrompt(seed));
      expect(ar.compare(data.pStar, data.turningPoint)).toBe(1);
      expect(ar.compare(data.accuracy[0]!, data.turningPoint)).toBe(-1);
    }
  });
});

describe('policy figure data (T1, T6, T7) and detailed balance (T2)', () => {
  const e = new D(1).exp();

  it('T1: J and KL to pi* match their closed forms for q = (1/2, 1/2), r = (0, 1), beta = 1', () => {
    const data = gibbsData({
      seed: 0,
      reference: [r('1/2'), r('1/2')],
      reward: [r('0'), r('1')],
      beta: r('1'),
      policies: [
        [r('1/2'), r('1/2')],
        [r('1/4'), r('3/4')],
      ],
    });
    const logZ = new D(1).plus(e).div(2).ln();
    expect(encloses(data.logZ, logZ)).toBe(true);
    // pi* = (1, e)/(1 + e); for pi = q: J = 1/2 and KL(q || pi*) = log Z - 1/2 (T1 with KL(q || q) = 0).
    expect(encloses(data.objective[0]!, '0.5')).toBe(true);
    const star = [new D(1).div(new D(1).plus(e)), e.div(new D(1).plus(e))];
    const klQ = new D('0.5')
      .times(new D('0.5').div(star[0]!).ln())
      .plus(new D('0.5').times(new D('0.5').div(star[1]!).ln()));
    expect(encloses(data.klToOptimum[0]!, klQ)).toBe(true);
    expect(encloses(data.klToOptimum[0]!, logZ.minus('0.5'))).toBe(true);
    expect(data.identity).toEqual(['holds', 'holds', 'holds']);
    expect(data.belowMaximum).toEqual(['holds', 'holds']);
  });

  it('T6: logit p* = logit p0 + 1/beta; p0 = 1/2, beta = 1 gives p* = e/(1 + e)', () => {
    const data = accuracyData([r('1/2')], [r('1'), r('2')]);
    expect(encloses(data.logit[0]![0]!, 1)).toBe(true);
    expect(encloses(data.logit[0]![1]!, 2)).toBe(true);
    expect(data.shift).toEqual(['holds', 'holds']);
    expect(data.above).toEqual(['holds', 'holds']);
  });

  it('T7: from pi = q the conditional terms vanish and KL(q || pi*) = kl(p0 || p*) = log Z - p0/beta', () => {
    const reference = [r('1/4'), r('1/4'), r('1/2')];
    const data = decompositionData({
      seed: 0,
      reference,
      correct: [true, false, false],
      beta: r('1/2'),
      policies: [reference, [r('1/2'), r('1/3'), r('1/6')]],
    });
    // p0 = 1/4, Z = 3/4 + e^2/4.
    const expected = new D('0.75').plus(e.pow(2).div(4)).ln().minus(new D('0.25').div('0.5'));
    for (const series of [data.total, data.bernoulli, data.sum]) expect(encloses(series[0]!, expected)).toBe(true);
    expect(data.identity).toEqual(['holds', 'holds']);
    expect(data.lowerBound[1]).toBe('holds');
  });

  it('T2: every pair balances under a symmetric interaction, and some pair does not without it', () => {
    const sample = sampleBalance(3);
    expect(balanceData(sample).every((p) => p.detailedBalance === 'holds' && p.canonicalPotential === 'holds')).toBe(
      true,
    );
    const one = r('1');
    const skewed = {
      ...sample,
      conductance: [
        [one, one, one],
        [one, one, one],
        [one, one, one],
      ],
      weights: [one, one, one],
      interactionWeights: [
        [one, r('4'), one],
        [one, one, r('4')],
        [r('4'), one, one],
      ],
    };
    // v circulates 0 -> 1 -> 2 -> 0: Kolmogorov's criterion fails, so P is not reversible.
    expect(balanceData(skewed).some((p) => p.detailedBalance === 'fails')).toBe(true);
  });
});

describe('figures', () => {
  it('exist for every theorem, depend only on the seed, and report every claim as held', () => {
    expect(Object.keys(FIGURE_BUILDERS).sort()).toEqual(['T1', 'T2', 'T2q', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9']);
    const a = buildFigures(11, ['X1', 'T4', 'T9']);
    const b = buildFigures(11, ['T4', 'T9']);
    expect([...a.keys()]).toEqual(['T4', 'T9']);
    for (const id of ['T4', 'T9']) {
      const figure = a.get(id)!;
      expect(isFigure(figure)).toBe(true);
      if (!isFigure(figure)) continue;
      expect(figure.svg).toBe((b.get(id) as typeof figure).svg);
      expect(figure.caption).toContain('seed 11');
      expect(figure.caption).not.toMatch(/FAILS|undecided/);
    }
    expect((theoremFigure('T8', 12) as { svg: string }).svg).not.toBe((theoremFigure('T8', 13) as { svg: string }).svg);
    expect(theoremFigure('X1', 11)).toBeUndefined();
    for (const id of ['T1', 'T2', 'T2q', 'T3', 'T5', 'T6', 'T7', 'T8']) {
      const figure = theoremFigure(id, 11)!;
      expect(isFigure(figure), id).toBe(true);
      expect((figure as { caption: string }).caption, id).not.toMatch(/FAILS|undecided/);
    }
  });

  it('state what was decided, honestly', () => {
    expect(decisionSentence('x', { holds: 3, fails: 0, undecided: 0 })).toBe(
      'x: held at all 3 plotted points (decided rigorously).',
    );
    expect(decisionSentence('x', { holds: 2, fails: 0, undecided: 1 })).toContain('undecided at 1');
    expect(decisionSentence('x', { holds: 2, fails: 1, undecided: 0 })).toContain('FAILS at 1 of 3');
    const overlapping = ar.fromBounds(r('1'), r('2'));
    expect(atMost(ar, overlapping, ar.fromBounds(r('3/2'), r('3')))).toBe('undecided');
    expect(atMost(ar, overlapping, ar.fromRational(r('5/2')))).toBe('holds');
    expect(atMost(ar, overlapping, ar.fromRational(r('1/2')))).toBe('fails');
  });
});

describe('renderChart', () => {
  const chart = (y: 'linear' | 'log', points: [number, number][]) =>
    renderChart({
      id: 'c1',
      title: 'A <title> & more',
      description: 'd',
      x: { label: 't', scale: 'linear' },
      y: { label: 'v', scale: y },
      series: [{ label: 's', points, style: 'line+markers' }],
    });

  it('puts log ticks on whole decades and labels the axis as logarithmic', () => {
    const svg = chart('log', [
      [0, 5],
      [1, 0.02],
      [2, 0.0015],
    ]);
    // Range 0.0015..5 -> decades 10^-3 .. 10^1.
    for (const label of [
      '10<tspan dy="-6" font-size="9">-3</tspan>',
      '10<tspan dy="-6" font-size="9">-2</tspan>',
      '>1<',
      '>10<',
    ])
      expect(svg).toContain(label);
    expect(svg).toContain('v (log scale)');
    expect(svg).toContain('A &lt;title&gt; &amp; more');
  });

  it('never draws a non-positive value on a log axis, and says so', () => {
    const svg = chart('log', [
      [0, 1],
      [1, 0],
      [2, 0.1],
    ]);
    expect(svg).toContain('(1 not drawable on the log scale: zero or negative)');
    const series = svg.slice(svg.indexOf('<g class="series"'), svg.indexOf('</g>', svg.indexOf('<g class="series"')));
    expect((series.match(/<circle/g) ?? []).length).toBe(2);
    expect(svg).toMatch(/d="M[\d. ]+M[\d. ]+"/); // the line breaks at the missing point
  });

  it('uses 1-2-5 ticks on a linear axis and is deterministic', () => {
    const points: [number, number][] = [
      [0, 0],
      [1, 0.9],
    ];
    const svg = chart('linear', points);
    for (const tick of ['>0.0<', '>0.2<', '>0.4<', '>0.6<', '>0.8<', '>1.0<']) expect(svg).toContain(tick);
    expect(chart('linear', points)).toBe(svg);
    expect(() =>
      renderChart({
        id: 'bad id',
        title: '',
        description: '',
        x: { label: '', scale: 'linear' },
        y: { label: '', scale: 'linear' },
        series: [],
      }),
    ).toThrow(RangeError);
  });
});
