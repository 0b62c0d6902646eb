/**
 * Energies across the value and weight forms, against products computed by hand,
 * and the JSON and float views.
 */
import { describe, expect, it } from 'vitest';
import { InexactError } from '../../src/arith/arithmetic.js';
import { exactArithmetic } from '../../src/arith/exact.js';
import { floatArithmetic } from '../../src/arith/float.js';
import { Rational } from '../../src/arith/rational.js';
import {
  energyValues,
  energyWeights,
  instanceToFloat,
  instanceToJson,
  rewardValues,
  rewardWeights,
  type EnergyMatrix,
  type EnergyVector,
} from '../../properties/index.js';

const r = (p: number, d = 1): Rational => new Rational(BigInt(p), BigInt(d));
const text = (rows: Rational[][]): string[][] => rows.map((row) => row.map((v) => v.toFraction()));

describe('energies across forms', () => {
  const w: EnergyVector = { form: 'weights', weights: [r(1), r(2)] };
  const v: EnergyMatrix = {
    form: 'weights',
    weights: [
      [r(1), r(3)],
      [r(3), r(1)],
    ],
  };

  it('potential reward in weight form: exp(r/beta) = w(y) v(x,y) / w(x), exactly', () => {
    // [[1, 2*3], [3/2, 1]] by hand.
    expect(
      text(rewardWeights(exactArithmetic, { potential: w, interaction: v, reward: { kind: 'potential' } })),
    ).toEqual([
      ['1', '6'],
      ['3/2', '1'],
    ]);
    expect(text(rewardWeights(exactArithmetic, { potential: w, reward: { kind: 'potential' } }))).toEqual([
      ['1', '2'],
      ['1/2', '1'],
    ]);
  });

  it('pairwise reward: w(y) exp(c(x)/beta) v(x,y)', () => {
    const offset: EnergyVector = { form: 'weights', weights: [r(5), r(7)] };
    // [[1*5*1, 2*5*3], [1*7*3, 2*7*1]].
    expect(
      text(rewardWeights(exactArithmetic, { potential: w, interaction: v, reward: { kind: 'pairwise', offset } })),
    ).toEqual([
      ['5', '30'],
      ['21', '14'],
    ]);
  });

  it('any reward is taken entrywise', () => {
    const reward: EnergyMatrix = {
      form: 'weights',
      weights: [
        [r(2), r(1, 3)],
        [r(4), r(5)],
      ],
    };
    expect(text(rewardWeights(exactArithmetic, { potential: w, reward: { kind: 'any', reward } }))).toEqual([
      ['2', '1/3'],
      ['4', '5'],
    ]);
  });

  it('value form: r exact, exp(r/beta) in float64 and inexact in exact mode', () => {
    const phi: EnergyVector = { form: 'values', values: [r(0), r(1)] };
    const s: EnergyMatrix = {
      form: 'values',
      values: [
        [r(0), r(1, 2)],
        [r(1, 2), r(0)],
      ],
    };
    const parts = { potential: phi, interaction: s, reward: { kind: 'potential' as const } };
    // r(0,1) = 1 + 1/2, r(1,0) = -1 + 1/2.
    expect(text(rewardValues(exactArithmetic, parts))).toEqual([
      ['0', '3/2'],
      ['-1/2', '0'],
    ]);
    const weights = rewardWeights(floatArithmetic, parts, 2);
    expect(weights[0]![1]).toBeCloseTo(Math.exp(3 / 4), 14);
    expect(weights[1]![0]).toBeCloseTo(Math.exp(-1 / 4), 14);
    expect(() => rewardWeights(exactArithmetic, parts, r(2))).toThrow(InexactError);
    expect(() => rewardWeights(floatArithmetic, parts)).toThrow(/beta is required/);
  });

  it('weights to values: beta log w', () => {
    const values = energyValues(floatArithmetic, w, 2);
    expect(values[0]).toBe(0);
    expect(values[1]).toBeCloseTo(2 * Math.LN2, 14);
    expect(energyWeights(exactArithmetic, w).map((x) => x.toFraction())).toEqual(['1', '2']);
  });
});

describe('views', () => {
  it('JSON view writes rationals exactly, float view approximately', () => {
    const value = { beta: r(1, 3), q: [[r(1, 2), r(1, 2)]], kind: 'x', n: 2 };
    expect(instanceToJson(value)).toEqual({ beta: '1/3', q: [['1/2', '1/2']], kind: 'x', n: 2 });
    expect(instanceToFloat(value)).toEqual({ beta: 1 / 3, q: [[0.5, 0.5]], kind: 'x', n: 2 });
  });
});
