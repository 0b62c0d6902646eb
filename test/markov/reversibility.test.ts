import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InexactError } from '../../src/arith/arithmetic.js';
import { exactArithmetic as E } from '../../src/arith/exact.js';
import { floatArithmetic as F } from '../../src/arith/float.js';
import { Rational } from '../../src/arith/rational.js';
import { ebmReversibleExact } from '../../src/markov/ebmReversibility.js';
import {
  canonicalPotential,
  detailedBalance,
  kolmogorovCriterion,
  potentialRatios,
} from '../../src/markov/reversibility.js';
import { stationaryDistribution } from '../../src/markov/stationaryDistribution.js';
import { ebmKernel, type EbmModel } from '../../src/models/ebm.js';
import { asStrings, q, qm, qv } from './helpers.js';

/** The lazy 3-cycle rotation: 0 -> 1 -> 2 -> 0 with holding 1/2. */
const rotation = qm([
  ['1/2', '1/2', 0],
  [0, '1/2', '1/2'],
  ['1/2', 0, '1/2'],
]);

/** Doubly stochastic with symmetric support; cycle 0 -> 1 -> 2 -> 0 has ratio (2/3)^3 / (1/3)^3 = 8. */
const biasedCycle = qm([
  [0, '2/3', '1/3'],
  ['1/3', 0, '2/3'],
  ['2/3', '1/3', 0],
]);

/** A symmetric-conductance EBM with rational weights: P(x,y) = C(x,y) w(y) / sum_z C(x,z) w(z). */
const conductanceModel: EbmModel = {
  conductance: qm([
    [1, 2, 0, 1],
    [2, 0, 3, 1],
    [0, 3, 1, '1/2'],
    [1, 1, '1/2', 2],
  ]),
  weights: qv([1, '1/2', 3, '7/4']),
};

describe('detailedBalance', () => {
  it('holds exactly for a symmetric-conductance EBM, with zero residual', () => {
    const { kernel } = ebmKernel(E, conductanceModel);
    const result = detailedBalance(E, stationaryDistribution(E, kernel), kernel);
    expect(result.reversible).toBe(true);
    expect(result.largestResidual.toFraction()).toBe('0');
    expect(result.violation).toBeUndefined();
  });

  it('fails for the 3-cycle rotation with a decided violating pair', () => {
    const mu = qv(['1/3', '1/3', '1/3']); // doubly stochastic
    const result = detailedBalance(E, mu, rotation);
    expect(result.reversible).toBe(false);
    // mu(0) P(0,1) - mu(1) P(1,0) = 1/6 - 0; every pair has |residual| = 1/6.
    expect(result.violation).toEqual({ x: 0, y: 1, residual: q('1/6') });
    expect(result.largestResidual.toFraction()).toBe('1/6');
  });

  it('float64: true within the tolerance for a reversible chain, false for the biased cycle', () => {
    const P = ebmKernel(F, conductanceModel).kernel;
    expect(detailedBalance(F, stationaryDistribution(F, P), P).reversible).toBe(true);
    const biased = biasedCycle.map((row) => row.map((v) => v.valueOf()));
    expect(detailedBalance(F, [1 / 3, 1 / 3, 1 / 3], biased).reversible).toBe(false);
  });
});

describe('potentials', () => {
  it('potentialRatios are mu(x) / mu(0), exactly', () => {
    expect(asStrings(potentialRatios(E, qv(['1/6', '1/3', '1/2'])))).toEqual(['1', '2', '3']);
  });

  it('canonicalPotential gives P(x,y) / P(y,x) = exp(U(y) - U(x)) on a birth-death chain (float64)', () => {
    // Up 1/4, down 1/2 (except at the ends): mu(k) proportional to (1/2)^k, so U(k) = -k log 2.
    const P = [
      [3 / 4, 1 / 4, 0, 0],
      [1 / 2, 1 / 4, 1 / 4, 0],
      [0, 1 / 2, 1 / 4, 1 / 4],
      [0, 0, 1 / 2, 1 / 2],
    ];
    const U = canonicalPotential(F, stationaryDistribution(F, P));
    U.forEach((u, k) => expect(u).toBeCloseTo(-k * Math.LN2, 12));
    expect(P[1]![2]! / P[2]![1]!).toBeCloseTo(Math.exp(U[2]! - U[1]!), 12);
  });

  it('exact mode refuses a non-trivial log', () => {
    expect(() => canonicalPotential(E, qv(['1/3', '2/3']))).toThrow(InexactError);
  });
});

describe('kolmogorovCriterion', () => {
  it('reports the one-way pair of the rotation', () => {
    const result = kolmogorovCriterion(E, rotation);
    expect(result).toMatchObject({ holds: false, symmetricSupport: false, oneWayPair: [0, 1] });
  });

  it('finds the unbalanced cycle of the biased 3-cycle, ratio 8', () => {
    const result = kolmogorovCriterion(E, biasedCycle);
    expect(result.holds).toBe(false);
    expect(result.violation!.cycle).toEqual([1, 2, 0]);
    expect(result.violation!.ratio.toFraction()).toBe('8');
  });

  it('holds for the conductance EBM, and its measure is proportional to mu', () => {
    const { kernel } = ebmKernel(E, conductanceModel);
    const result = kolmogorovCriterion(E, kernel);
    expect(result.holds).toBe(true);
    // Edges 0-1, 0-3, 1-2, 1-3, 2-3 (C(0,2) = 0): cycle rank 5 - 4 + 1 = 2.
    expect(result.cyclesChecked).toBe(2);
    const mu = stationaryDistribution(E, kernel);
    expect(asStrings(potentialRatios(E, result.measure!))).toEqual(asStrings(potentialRatios(E, mu)));
  });
});

describe('ebmReversibleExact', () => {
  const C = qm([
    [0, 1, 2],
    [1, 1, 1],
    [2, 1, 0],
  ]);
  const Phi = qv(['1/2', -1, 2]);

  it('is true for symmetric interaction s (A1, A2)', () => {
    const s = qm([
      [0, 3, '-1/2'],
      [3, 1, 5],
      ['-1/2', 5, 2],
    ]);
    expect(ebmReversibleExact({ conductance: C, potential: Phi, interaction: s, beta: q('1/3') }).reversible).toBe(
      true,
    );
  });

  it('is false for antisymmetric s around a cycle, with affinity t = 6', () => {
    const s = qm([
      [0, 1, -1],
      [-1, 0, 1],
      [1, -1, 0],
    ]);
    const result = ebmReversibleExact({ conductance: C, potential: Phi, interaction: s, beta: q(2) });
    expect(result.reversible).toBe(false);
    expect(result.cycle).toEqual([1, 2, 0]);
    // s(1,2)-s(2,1) + s(2,0)-s(0,2) + s(0,1)-s(1,0) = 2 + 2 + 2
    expect(result.affinity!.toFraction()).toBe('6');
    expect(result.ratio!.toFraction()).toBe('1');
  });

  it('is true for any two-state chain, even with antisymmetric s (no cycle)', () => {
    const model = {
      reference: qm([
        ['1/2', '1/2'],
        ['1/4', '3/4'],
      ]),
      interaction: qm([
        [0, 1],
        [-1, 0],
      ]),
      beta: q(1),
    };
    expect(ebmReversibleExact(model).reversible).toBe(true);
  });

  it('is false for a non-reversible reference q (ratio 8), and for a one-way q', () => {
    const result = ebmReversibleExact({ reference: biasedCycle, potential: Phi, beta: q(1) });
    expect(result).toMatchObject({ reversible: false, cycle: [1, 2, 0] });
    expect(result.ratio!.toFraction()).toBe('8');
    expect(result.affinity!.toFraction()).toBe('0');
    expect(ebmReversibleExact({ reference: rotation }).oneWayPair).toEqual([0, 1]);
  });

  it('a reward r(x,y) = Phi(y) - Phi(x) with symmetric q is reversible; a cyclic reward is not', () => {
    const reference = qm([
      ['1/3', '1/3', '1/3'],
      ['1/3', '1/3', '1/3'],
      ['1/3', '1/3', '1/3'],
    ]);
    const tilt = Phi.map((_, x) => Phi.map((phiY) => phiY.sub(Phi[x]!)));
    expect(ebmReversibleExact({ reference, reward: tilt, beta: q('1/5') }).reversible).toBe(true);
    const cyclic = qm([
      [0, 1, 0],
      [0, 0, 1],
      [1, 0, 0],
    ]);
    expect(ebmReversibleExact({ reference, reward: cyclic, beta: q('1/5') }).reversible).toBe(false);
  });

  it('agrees with exact detailed balance of the GTH law on random rational EBMs', () => {
    const positive = fc.integer({ min: 1, max: 6 }).map((k) => new Rational(BigInt(k), 2n));
    const square = (n: number, value: fc.Arbitrary<Rational>) =>
      fc.array(fc.array(value, { minLength: n, maxLength: n }), { minLength: n, maxLength: n });
    const symmetrize = (m: Rational[][]) => m.map((row, x) => row.map((_, y) => (x <= y ? m[x]![y]! : m[y]![x]!)));
    const model = fc.integer({ min: 2, max: 4 }).chain((n) =>
      fc.record({
        conductance: square(n, positive),
        weights: fc.array(positive, { minLength: n, maxLength: n }),
        interactionWeights: square(n, positive),
        symmetricC: fc.boolean(),
        symmetricV: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(model, ({ conductance, weights, interactionWeights, symmetricC, symmetricV }) => {
        const v = symmetricV ? symmetrize(interactionWeights) : interactionWeights;
        const m: EbmModel = symmetricC
          ? { conductance: symmetrize(conductance), weights, interactionWeights: v }
          : {
              reference: conductance.map((row) => row.map((c) => c.div(row.reduce((s, t) => s.add(t))))),
              weights,
              interactionWeights: v,
            };
        const { kernel } = ebmKernel(E, m);
        const balance = detailedBalance(E, stationaryDistribution(E, kernel), kernel);
        expect(ebmReversibleExact(m).reversible).toBe(balance.reversible);
        expect(kolmogorovCriterion(E, kernel).holds).toBe(balance.reversible);
      }),
      { numRuns: 80 },
    );
  });
});
