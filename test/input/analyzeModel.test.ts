/**
 * Validation of the analyze MODEL.json: shapes, exact row sums and symmetry,
 * signs, exclusive fields, state names, size limit; each failure names its JSON path.
 */
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/arith/rational.js';
import { InputError } from '../../src/errors.js';
import { MAX_STATES, needsTranscendental, parseAnalyzeModel } from '../../src/input/analyzeModel.js';
import { parseJsonText } from '../../src/input/readJson.js';

const KERNEL = [
  ['1/2', '1/2', 0],
  ['1/4', '1/2', '1/4'],
  [0, '1/2', '1/2'],
];

function parse(model: unknown) {
  return parseAnalyzeModel(parseJsonText(JSON.stringify(model), 'm.json'));
}

function failure(model: unknown): InputError {
  try {
    parse(model);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseAnalyzeModel', () => {
  it('reads a kernel model with names, target and initial law', () => {
    const model = parse({ states: ['a', 'b', 'c'], kernel: KERNEL, target: ['c', 'a'], initial: [1, 0, 0], steps: 5 });
    expect(model.n).toBe(3);
    expect(model.kernel![1]![2]!.equals(new Rational(1n, 4n))).toBe(true);
    expect(model.target).toEqual([0, 2]);
    expect(model.steps).toBe(5);
    expect(needsTranscendental(model)).toBe(false);
  });

  it('defaults names to "0", "1", ... and accepts numeric target names', () => {
    const model = parse({ kernel: KERNEL, target: [2] });
    expect(model.states).toEqual(['0', '1', '2']);
    expect(model.target).toEqual([2]);
  });

  it('classifies EBM inputs: weights are rational, a potential needs exp', () => {
    const conductance = [
      [0, 1, 2],
      [1, 0, 1],
      [2, 1, 0],
    ];
    expect(needsTranscendental(parse({ conductance, weights: [1, 2, 3] }))).toBe(false);
    expect(needsTranscendental(parse({ conductance, potential: [0, 1, 2], beta: 1 }))).toBe(true);
    expect(
      needsTranscendental(
        parse({
          conductance,
          interaction: [
            [0, 1, 0],
            [1, 0, 0],
            [0, 0, 0],
          ],
          beta: 1,
        }),
      ),
    ).toBe(true);
    expect(
      needsTranscendental(
        parse({
          reference: KERNEL,
          interactionWeights: [
            [1, 2, 1],
            [2, 1, 1],
            [1, 1, 1],
          ],
        }),
      ),
    ).toBe(false);
  });

  it.each([
    ['ragged kernel', { kernel: [['1/2', '1/2', 0], [1], [0, 0, 1]] }, 'kernel[1]'],
    [
      'non-square kernel',
      {
        kernel: [
          ['1/2', '1/2', 0],
          ['1/2', '1/2', 0],
        ],
      },
      'kernel',
    ],
    [
      'row not summing to 1',
      {
        kernel: [
          ['1/2', '1/3'],
          ['1/2', '1/2'],
        ],
      },
      'kernel[0]',
    ],
    [
      'decimals that only nearly sum to 1',
      { kernel: [['0.333333', '0.333333', '0.333333'], KERNEL[1], KERNEL[2]] },
      'kernel[0]',
    ],
    [
      'negative entry',
      {
        kernel: [
          ['3/2', '-1/2'],
          ['1/2', '1/2'],
        ],
      },
      'kernel[0][1]',
    ],
    [
      'NaN entry',
      {
        kernel: [
          ['NaN', 1],
          ['1/2', '1/2'],
        ],
      },
      'kernel[0][0]',
    ],
    ['empty kernel', { kernel: [] }, 'kernel'],
    ['nothing given', { states: ['a'] }, 'kernel'],
    ['kernel and EBM pieces', { kernel: KERNEL, beta: 1, potential: [0, 1, 2] }, 'kernel'],
    ['beta <= 0', { reference: KERNEL, potential: [0, 1, 2], beta: '-1/2' }, 'beta'],
    ['beta missing with a potential', { reference: KERNEL, potential: [0, 1, 2] }, 'beta'],
    [
      'asymmetric conductance',
      {
        conductance: [
          [0, 1],
          [2, 0],
        ],
        weights: [1, 1],
      },
      'conductance[1][0]',
    ],
    [
      'reference and conductance',
      {
        reference: KERNEL,
        conductance: [
          [0, 1, 0],
          [1, 0, 1],
          [0, 1, 0],
        ],
      },
      'conductance',
    ],
    ['potential and weights', { reference: KERNEL, potential: [0, 1, 2], weights: [1, 1, 1], beta: 1 }, 'weights'],
    ['reward and potential', { reference: KERNEL, potential: [0, 1, 2], reward: KERNEL, beta: 1 }, 'reward'],
    ['zero weight', { reference: KERNEL, weights: [1, 0, 1] }, 'weights[1]'],
    ['potential of the wrong length', { reference: KERNEL, potential: [0, 1], beta: 1 }, 'potential'],
    ['unknown target state', { states: ['a', 'b', 'c'], kernel: KERNEL, target: ['d'] }, 'target[0]'],
    ['target = every state', { kernel: KERNEL, target: ['0', '1', '2'] }, 'target'],
    ['initial not a distribution', { kernel: KERNEL, initial: ['1/2', '1/4', 0] }, 'initial'],
    ['initial too short', { kernel: KERNEL, initial: [1, 0] }, 'initial'],
    ['wrong number of names', { states: ['a', 'b'], kernel: KERNEL }, 'states'],
    ['duplicate names', { states: ['a', 'b', 'a'], kernel: KERNEL }, 'states[2]'],
    ['misspelt field', { kernel: KERNEL, intial: [1, 0, 0] }, 'intial'],
    ['negative steps', { kernel: KERNEL, initial: [1, 0, 0], steps: -1 }, 'steps'],
    ['huge n', { kernel: Array.from({ length: MAX_STATES + 1 }, () => [1]) }, 'kernel'],
  ])('%s is rejected naming %s', (_name, model, field) => {
    const error = failure(model);
    expect(error.field).toBe(field);
    expect(error.message).toBe(`${error.field}: ${error.problem}; ${error.fix}`);
  });
});
