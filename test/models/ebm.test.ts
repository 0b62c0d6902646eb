import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InexactError } from '../../src/arith/arithmetic.js';
import { exactArithmetic as E } from '../../src/arith/exact.js';
import { floatArithmetic as F } from '../../src/arith/float.js';
import { Rational, parseRational } from '../../src/arith/rational.js';
import { InputError } from '../../src/errors.js';
import { stationaryDistribution } from '../../src/markov/stationaryDistribution.js';
import {
  ebmKernel,
  ebmStationaryClosedForm,
  optimalPolicy,
  validateEbmModel,
  type EbmModel,
} from '../../src/models/ebm.js';

const q = parseRational;
const qv = (values: (string | number)[]) => values.map(q);
const qm = (rows: (string | number)[][]) => rows.map(qv);
const fractions = (values: readonly Rational[]) => values.map((v) => v.toFraction());

function fieldOf(model: EbmModel): string {
  try {
    validateEbmModel(model);
  } catch (error) {
    if (error instanceof InputError) return error.field;
    throw error;
  }
  return 'no error';
}

const uniform3 = qm([
  ['1/3', '1/3', '1/3'],
  ['1/3', '1/3', '1/3'],
  ['1/3', '1/3', '1/3'],
]);

describe('optimalPolicy', () => {
  it('pi*(.|x) for q = (1/2, 1/2), r = (0, 1), beta = 1 is (1, e) / (1 + e)', () => {
    const { policy, Z } = optimalPolicy(F, [[0.5, 0.5]], [[0, 1]], 1);
    expect(policy[0]![1]!).toBeCloseTo(Math.E / (1 + Math.E), 15);
    expect(Z[0]!).toBeCloseTo((1 + Math.E) / 2, 15);
  });

  it('skips the exponential where q = 0 (exact mode stays exact when r vanishes on supp q)', () => {
    const { policy } = optimalPolicy(E, [[q(1), q(0)]], [[q(0), q(5)]], q(1));
    expect(fractions(policy[0]!)).toEqual(['1', '0']);
    expect(() => optimalPolicy(E, [[q('1/2'), q('1/2')]], [[q(0), q(1)]], q(1))).toThrow(InexactError);
  });
});

describe('EBM kernels and T2', () => {
  it('uniform prior with rational weights: mu = w / sum w exactly (GTH)', () => {
    const model: EbmModel = { reference: uniform3, weights: qv([1, '5/2', '1/7']) };
    const mu = stationaryDistribution(E, ebmKernel(E, model).kernel);
    // sum w = 1 + 5/2 + 1/7 = 51/14
    expect(fractions(mu)).toEqual(['14/51', '35/51', '2/51']);
  });

  it('uniform prior with a potential (float64): mu = softmax(Phi / beta), computed with decimal.js', () => {
    const Phi = qv(['0.3', '-1.2', '2', '0']);
    const beta = q('0.7');
    const reference = Phi.map(() => Phi.map(() => q('1/4')));
    const mu = stationaryDistribution(F, ebmKernel(F, { reference, potential: Phi, beta }).kernel);
    const D = Decimal.clone({ precision: 40 });
    const exps = Phi.map((phi) => new D(phi.toFraction().split('/')[0]!).div(new D(phi.d.toString())).div(0.7).exp());
    const total = exps.reduce((s, e) => s.add(e));
    exps.forEach((e, x) => expect(Math.abs(mu[x]! - e.div(total).toNumber())).toBeLessThan(1e-15));
  });

  it('T2q: symmetric conductance, s = 0: mu proportional to w (C w), exactly; closed form agrees', () => {
    const C = qm([
      [2, 1, 0],
      [1, 0, 3],
      [0, 3, 1],
    ]);
    const w = qv(['1/2', 2, 3]);
    const pieces = ebmKernel(E, { conductance: C, weights: w });
    // C w = (2*1/2 + 2, 1/2 + 9, 6 + 3) = (3, 19/2, 9); w (C w) = (3/2, 19, 27), sum 95/2.
    const expected = ['3/95', '2/5', '54/95']; // 38/95 = 2/5
    expect(fractions(stationaryDistribution(E, pieces.kernel))).toEqual(expected);
    expect(fractions(ebmStationaryClosedForm(E, pieces))).toEqual(expected);
    expect(fractions(pieces.rho!)).toEqual(['3', '4', '4']);
  });

  it('T2 with symmetric rational interaction weights: GTH equals rho w Z on random instances', () => {
    const positive = fc.integer({ min: 1, max: 8 }).map((k) => new Rational(BigInt(k), 3n));
    const instance = fc.integer({ min: 2, max: 4 }).chain((n) =>
      fc.record({
        C: fc.array(fc.array(positive, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
        V: fc.array(fc.array(positive, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
        w: fc.array(positive, { minLength: n, maxLength: n }),
      }),
    );
    const sym = (m: Rational[][]) => m.map((row, x) => row.map((_, y) => (x <= y ? m[x]![y]! : m[y]![x]!)));
    fc.assert(
      fc.property(instance, ({ C, V, w }) => {
        const pieces = ebmKernel(E, { conductance: sym(C), weights: w, interactionWeights: sym(V) });
        expect(fractions(stationaryDistribution(E, pieces.kernel))).toEqual(
          fractions(ebmStationaryClosedForm(E, pieces)),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('reversible reference rows get their reversing measure as rho; non-reversible rows get none', () => {
    // Birth-death q: rho(1)/rho(0) = q(1|0)/q(0|1) = (1/2)/(1/4) = 2, rho(2)/rho(1) = q(2|1)/q(1|2) = (1/2)/(1/4) = 2.
    const reference = qm([
      ['1/2', '1/2', 0],
      ['1/4', '1/4', '1/2'],
      [0, '1/4', '3/4'],
    ]);
    const pieces = ebmKernel(E, { reference, weights: qv([1, 2, 3]) });
    expect(fractions(pieces.rho!)).toEqual(['1', '2', '4']);
    expect(fractions(stationaryDistribution(E, pieces.kernel))).toEqual(fractions(ebmStationaryClosedForm(E, pieces)));
    const rotation = qm([
      [0, '2/3', '1/3'],
      ['1/3', 0, '2/3'],
      ['2/3', '1/3', 0],
    ]);
    expect(ebmKernel(E, { reference: rotation }).rho).toBeUndefined();
  });

  it('returns the pieces: kernel(x,y) = q(y|x) w(y) v(x,y) / Z(x)', () => {
    const pieces = ebmKernel(E, {
      reference: qm([
        ['1/2', '1/2'],
        ['1/4', '3/4'],
      ]),
      weights: qv([1, 2]),
      interactionWeights: qm([
        [1, 3],
        [3, 1],
      ]),
    });
    // Z(0) = 1/2 + (1/2)(2)(3) = 7/2; Z(1) = (1/4)(3) + (3/4)(2) = 9/4.
    expect(fractions(pieces.Z)).toEqual(['7/2', '9/4']);
    expect(pieces.kernel.map(fractions)).toEqual([
      ['1/7', '6/7'],
      ['1/3', '2/3'],
    ]);
  });
});

describe('validateEbmModel', () => {
  const C = qm([
    [1, 2],
    [2, 1],
  ]);
  it('names the field of each problem', () => {
    expect(fieldOf({ conductance: C })).toBe('no error');
    expect(fieldOf({})).toBe('reference');
    expect(
      fieldOf({
        conductance: C,
        reference: qm([
          [1, 0],
          [0, 1],
        ]),
      }),
    ).toBe('reference');
    expect(
      fieldOf({
        conductance: qm([
          [1, 2],
          [3, 1],
        ]),
      }),
    ).toBe('conductance[0][1]');
    expect(
      fieldOf({
        conductance: qm([
          [1, -2],
          [-2, 1],
        ]),
      }),
    ).toBe('conductance[0][1]');
    expect(fieldOf({ conductance: qm([[1, 2], [2]]) })).toBe('conductance[1]');
    expect(
      fieldOf({
        conductance: qm([
          [0, 0],
          [0, 1],
        ]),
      }),
    ).toBe('conductance[0]');
    expect(
      fieldOf({
        reference: qm([
          ['1/2', '1/3'],
          [0, 1],
        ]),
      }),
    ).toBe('reference[0]');
    expect(fieldOf({ conductance: C, potential: qv([0, 1]) })).toBe('beta');
    expect(fieldOf({ conductance: C, potential: qv([0, 1]), beta: q(0) })).toBe('beta');
    expect(fieldOf({ conductance: C, potential: qv([0, 1]), beta: q(-1) })).toBe('beta');
    expect(fieldOf({ conductance: C, potential: qv([0]), beta: q(1) })).toBe('potential');
    expect(fieldOf({ conductance: C, weights: qv([1, 0]) })).toBe('weights[1]');
    expect(fieldOf({ conductance: C, weights: qv([1, 1]), potential: qv([0, 0]), beta: q(1) })).toBe('weights');
    expect(
      fieldOf({
        conductance: C,
        interactionWeights: qm([
          [1, -1],
          [1, 1],
        ]),
      }),
    ).toBe('interactionWeights[0][1]');
    expect(
      fieldOf({
        conductance: C,
        interaction: qm([
          [0, 1, 2],
          [1, 0, 2],
          [2, 2, 0],
        ]),
        beta: q(1),
      }),
    ).toBe('interaction');
    expect(
      fieldOf({
        conductance: C,
        reward: qm([
          [0, 1],
          [1, 0],
        ]),
        potential: qv([0, 1]),
        beta: q(1),
      }),
    ).toBe('reward');
  });

  it('the error message carries problem and fix', () => {
    try {
      validateEbmModel({
        conductance: qm([
          [1, 2],
          [3, 1],
        ]),
      });
    } catch (error) {
      expect((error as InputError).message).toMatch(/^conductance\[0\]\[1\]: conductance not symmetric.*; /);
    }
  });
});
