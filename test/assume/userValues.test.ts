import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { Rational } from '../../src/arith/rational.js';
import { convertSlotValue, energyFormOf, sizeOf } from '../../src/assume/userValues.js';
import type {
  InitialPolicy,
  InteractionSample,
  PromptSet,
  ReferenceSample,
  RewardSample,
} from '../../properties/index.js';

const r = (p: number, q = 1): Rational => new Rational(BigInt(p), BigInt(q));

function problem(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error('expected an InputError');
}

describe('convertSlotValue', () => {
  it('reads a reference exactly: 0.1 is 1/10, "1/3" is 1/3', () => {
    const q = convertSlotValue(
      'reference',
      [
        [0.1, 0.9],
        ['1/3', '2/3'],
      ],
      { n: 2 },
    ) as ReferenceSample;
    expect(q.variant).toBe('custom');
    expect(q.q[0]![0]!.equals(r(1, 10))).toBe(true);
    expect(q.q[1]![0]!.equals(r(1, 3))).toBe(true);
  });

  it('rejects a reference row that does not sum to 1, naming the row', () => {
    expect(
      problem(() =>
        convertSlotValue(
          'reference',
          [
            [0.5, 0.4],
            [0.5, 0.5],
          ],
          { n: 2 },
        ),
      ),
    ).toMatch(/^module reference\[0\]: sums to 9\/10, not 1/);
  });

  it('rejects a reducible reference and a value of the wrong size', () => {
    expect(
      problem(() =>
        convertSlotValue(
          'reference',
          [
            [1, 0],
            [0, 1],
          ],
          { n: 2 },
        ),
      ),
    ).toMatch(/not irreducible/);
    expect(
      problem(() =>
        convertSlotValue(
          'reference',
          [
            [1, 0],
            [0, 1],
          ],
          { n: 3 },
        ),
      ),
    ).toMatch(/has 2 rows, expected 3/);
  });

  it('tells the interaction kind from the values: antisymmetric, symmetric (weights), none', () => {
    const anti = convertSlotValue(
      'interaction',
      [
        [0, 1],
        [-1, 0],
      ],
      { n: 2 },
    ) as InteractionSample;
    expect(anti.kind).toBe('antisymmetric');
    expect(anti.form).toBe('values');
    const sym = convertSlotValue(
      'interaction',
      {
        weights: [
          [2, 3],
          [3, 1],
        ],
      },
      { n: 2 },
    ) as InteractionSample;
    expect([sym.kind, sym.form]).toEqual(['symmetric', 'weights']);
    expect(
      (
        convertSlotValue(
          'interaction',
          {
            values: [
              [0, 0],
              [0, 0],
            ],
          },
          { n: 2 },
        ) as InteractionSample
      ).kind,
    ).toBe('none');
    expect(
      problem(() =>
        convertSlotValue(
          'interaction',
          {
            weights: [
              [1, 0],
              [1, 1],
            ],
          },
          { n: 2 },
        ),
      ),
    ).toMatch(/must be > 0/);
  });

  it('reads a full reward matrix as the reward kind "any"', () => {
    const reward = convertSlotValue(
      'reward',
      [
        [0, 1],
        [1, 0],
      ],
      { n: 2 },
    ) as RewardSample;
    expect(reward.kind).toBe('any');
  });

  it('normalizes prompt weights exactly and computes p0', () => {
    const set = convertSlotValue(
      'prompts',
      [
        { weight: 1, reference: ['1/4', '3/4'], correct: [true, false] },
        { weight: 3, reference: [0.5, 0.5], correct: [false, false] },
      ],
      { n: 2 },
    ) as PromptSet;
    expect(set.prompts.map((p) => p.weight.toFraction())).toEqual(['1/4', '3/4']);
    expect(set.prompts.map((p) => p.p0.toFraction())).toEqual(['1/4', '0']);
    expect(
      problem(() => convertSlotValue('prompts', [{ reference: [0, 1], correct: [true, false] }], { n: 2 })),
    ).toMatch(/must be > 0/);
    expect(
      problem(() =>
        convertSlotValue('prompts', [{ reference: [0.5, 0.5], correct: [true, false], colour: 1 }], { n: 2 }),
      ),
    ).toMatch(/colour: is not a known field/);
  });

  it('gives each prompt its start law; q itself is the kind "reference"', () => {
    const prompts = convertSlotValue(
      'prompts',
      [
        { reference: ['1/4', '3/4'], correct: [true, false] },
        { reference: ['1/2', '1/2'], correct: [true, false] },
      ],
      { n: 2 },
    ) as PromptSet;
    const shared = convertSlotValue('start', ['1/4', '3/4'], { n: 2, prompts }) as InitialPolicy[];
    expect(shared.map((p) => p.kind)).toEqual(['reference', 'any']);
    expect(problem(() => convertSlotValue('start', [['1/4', '3/4']], { n: 2, prompts }))).toMatch(
      /gives 1 laws for 2 prompts/,
    );
  });

  it('wants strictly increasing times t >= 0 and n in 2..12', () => {
    expect((convertSlotValue('times', [0, '1/2', 3], { n: 2 }) as Rational[]).map((t) => t.toFraction())).toEqual([
      '0',
      '1/2',
      '3',
    ]);
    expect(problem(() => convertSlotValue('times', [1, 1], { n: 2 }))).toMatch(/not after 1/);
    expect(problem(() => convertSlotValue('n', 1.5, { n: 2 }))).toMatch(/integer in 2\.\.12/);
  });
});

describe('sizeOf and energyFormOf', () => {
  it('read the states a value fixes and the form of energies', () => {
    expect(sizeOf('reference', [[1]])).toBe(1);
    expect(sizeOf('potential', { weights: [1, 2, 3] })).toBe(3);
    expect(sizeOf('start', [[0.5, 0.5]])).toBe(2);
    expect(sizeOf('beta', 2)).toBeUndefined();
    expect(energyFormOf('potential', [1, 2])).toBe('values');
    expect(energyFormOf('potential', { weights: [1, 2] })).toBe('weights');
    expect(problem(() => energyFormOf('potential', 'big'))).toMatch(/module potential: must be an array of values/);
  });
});
