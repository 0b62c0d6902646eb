/**
 * Figure of T5 (bounded hitting times to superior states): expected hitting
 * times of the superior sets A_u = {x : Phi(x) >= u} of the sample chain
 * against T5's bounds, as the threshold u rises and A_u shrinks.
 *
 * Main definitions
 * - `HittingRow`: for one superior set, mu(A), E_mu[tau_A], max over x of
 *   E_x[tau_A], the Dirichlet gap l_A and the bounds mu(A^c)/l_A and
 *   (1 - mu(A))/(g mu(A)), with the decisions of each claim.
 * - `hittingData(sample)`: one row per threshold (A = X excluded).
 * - `t5Figure(seed)`: the rendered figure.
 *
 * Implementation details
 * Hitting times solve (I - Q) h = 1 exactly over the rationals
 * (src/markov/hittingTimes.ts); l_A and g = 1 - l_2 are rational enclosures
 * from exact root isolation. A claim value <= c / l with l in [lo, hi] holds
 * when value <= c / hi and fails when value > c / lo. The pointwise claim
 * E_x[tau_A] <= sqrt(mu(A^c)/mu(x)) / l_A is compared through squares.
 * Phi = log w (beta = 1): the threshold axis is a float64 coordinate only.
 */
import type { RationalEnclosure } from '../../arith/enclosure.js';
import { exactArithmetic } from '../../arith/exact.js';
import { ONE, Rational } from '../../arith/rational.js';
import { dirichletGap } from '../../markov/dirichletGap.js';
import { expectedHittingTimeFrom, expectedHittingTimes } from '../../markov/hittingTimes.js';
import { kernelSpectrum } from '../../markov/spectrum.js';
import { renderChart } from './chart.js';
import {
  decisionSentence,
  enclosureMidpoint,
  rationalToNumber,
  tallyDecisions,
  type Decision,
  type Figure,
} from './common.js';
import { chainDescription, sampleChain, type ChainSample } from './sampleChain.js';

export interface HittingRow {
  /** The states of A (0-based), best first. */
  readonly target: number[];
  /** The threshold u = Phi of the worst state of A. */
  readonly threshold: number;
  readonly muA: Rational;
  readonly expectedFromMu: Rational;
  readonly worstStart: { readonly state: number; readonly expected: Rational };
  readonly dirichletGap: RationalEnclosure;
  /** mu(A^c) / l_A, enclosed. */
  readonly dirichletBound: RationalEnclosure;
  /** (1 - mu(A)) / (g mu(A)), enclosed. */
  readonly spectralBound: RationalEnclosure;
  readonly decisions: {
    /** E_mu[tau_A] <= mu(A^c) / l_A */
    readonly fromMu: Decision;
    /** l_A >= g mu(A) */
    readonly gap: Decision;
    /** E_x[tau_A] <= sqrt(mu(A^c)/mu(x)) / l_A for every x in A^c */
    readonly pointwise: Decision;
  };
}

export interface HittingData {
  readonly spectralGap: RationalEnclosure;
  readonly rows: HittingRow[];
}

/** c / l for l in [lo, hi] with lo > 0: [c / hi, c / lo]. */
function quotient(c: Rational, l: RationalEnclosure): RationalEnclosure {
  return { lo: c.div(l.hi), hi: c.div(l.lo) };
}

function atMostEnclosure(value: Rational, bound: RationalEnclosure): Decision {
  return value.compare(bound.lo) <= 0 ? 'holds' : value.compare(bound.hi) > 0 ? 'fails' : 'undecided';
}

function combine(decisions: readonly Decision[]): Decision {
  return decisions.includes('fails') ? 'fails' : decisions.includes('undecided') ? 'undecided' : 'holds';
}

export function hittingData(sample: ChainSample): HittingData {
  const { kernel, mu, weights } = sample;
  const n = mu.length;
  const g = kernelSpectrum({ mode: 'exact', kernel }, { widthDigits: 30 }).spectralGap;
  const byQuality = weights.map((w, x) => ({ w, x })).sort((a, b) => b.w.compare(a.w) || a.x - b.x);
  const rows: HittingRow[] = [];
  for (let k = n - 1; k >= 1; k--) {
    // A_u for u = Phi of the k-th best state (weights are distinct, so |A_u| = k).
    const threshold = byQuality[k - 1]!.w;
    const target = byQuality.filter((s) => s.w.compare(threshold) >= 0).map((s) => s.x);
    const inA = new Set(target);
    const muA = target.reduce((total, x) => total.add(mu[x]!), new Rational(0n));
    const muAc = ONE.sub(muA);
    const h = expectedHittingTimes(exactArithmetic, kernel, target);
    const expectedFromMu = expectedHittingTimeFrom(exactArithmetic, mu, h);
    const lA = dirichletGap(exactArithmetic, kernel, mu, target) as RationalEnclosure;
    const rest = mu.map((_, x) => x).filter((x) => !inA.has(x));
    let worst = rest[0]!;
    for (const x of rest) if (h[x]!.compare(h[worst]!) > 0) worst = x;
    // E_x^2 <= mu(A^c) / (mu(x) l_A^2): holds when E_x^2 <= mu(A^c) / (mu(x) hi^2).
    const pointwise = combine(
      rest.map((x) => {
        const c = muAc.div(mu[x]!);
        return atMostEnclosure(h[x]!.pow(2), { lo: c.div(lA.hi.pow(2)), hi: c.div(lA.lo.pow(2)) });
      }),
    );
    const gMuA = { lo: g.lo.mul(muA), hi: g.hi.mul(muA) };
    rows.push({
      target,
      threshold: Math.log(rationalToNumber(threshold)),
      muA,
      expectedFromMu,
      worstStart: { state: worst, expected: h[worst]! },
      dirichletGap: lA,
      dirichletBound: quotient(muAc, lA),
      spectralBound: quotient(muAc, gMuA),
      decisions: {
        fromMu: atMostEnclosure(expectedFromMu, quotient(muAc, lA)),
        gap: lA.lo.compare(gMuA.hi) >= 0 ? 'holds' : lA.hi.compare(gMuA.lo) < 0 ? 'fails' : 'undecided',
        pointwise,
      },
    });
  }
  return { spectralGap: g, rows };
}

export function t5Figure(seed: number): Figure {
  const sample = sampleChain(seed, 'T5-hitting', 6);
  const data = hittingData(sample);
  const at = (value: (row: HittingRow) => number) => data.rows.map((row) => [row.threshold, value(row)] as const);
  const svg = renderChart({
    id: 'fig-T5-hitting',
    title: 'T5: hitting times of superior sets against the bounds',
    description:
      'Expected hitting times of A_u = {x : Phi(x) >= u} on a sample reversible chain as u rises, with the bounds of T5.',
    x: { label: 'quality threshold u  (A_u = {x : Φ(x) ≥ u} shrinks to the right)', scale: 'linear' },
    y: { label: 'expected steps to reach A_u', scale: 'log' },
    series: [
      { label: 'E_μ[τ_A]', points: at((r) => rationalToNumber(r.expectedFromMu)), style: 'line+markers', color: 0 },
      {
        label: 'max_x E_x[τ_A]',
        points: at((r) => rationalToNumber(r.worstStart.expected)),
        style: 'line+markers',
        color: 2,
      },
      { label: 'μ(Aᶜ) / λ_A', points: at((r) => enclosureMidpoint(r.dirichletBound)), style: 'dashed', color: 0 },
      {
        label: '(1 − μ(A)) / (g μ(A))',
        points: at((r) => enclosureMidpoint(r.spectralBound)),
        style: 'dotted',
        color: 1,
      },
    ],
  });
  const decided = (key: keyof HittingRow['decisions']) => tallyDecisions(data.rows.map((r) => r.decisions[key]));
  const caption = [
    chainDescription(sample),
    `Phi = log w (beta = 1); the superior sets are the top ${data.rows.length} to 1 states by Phi. g = 1 - l_2 = ${enclosureMidpoint(data.spectralGap).toPrecision(6)}.`,
    decisionSentence('E_mu[tau_A] <= mu(A^c) / l_A', decided('fromMu'), 'superior sets'),
    decisionSentence('l_A >= g mu(A)', decided('gap'), 'superior sets'),
    decisionSentence(
      'E_x[tau_A] <= sqrt(mu(A^c)/mu(x)) / l_A for every x outside A',
      decided('pointwise'),
      'superior sets',
    ),
  ].join(' ');
  return { id: 'fig-T5-hitting', theoremId: 'T5', title: 'Hitting times of shrinking superior sets', caption, svg };
}
