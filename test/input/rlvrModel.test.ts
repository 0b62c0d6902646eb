/**
 * Validation of the rlvr MODEL.json: each bad input is rejected with an
 * InputError naming its JSON path (the bad-input rules of docs/inputs.md).
 */
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/arith/rational.js';
import { InputError } from '../../src/errors.js';
import { parseJsonText } from '../../src/input/readJson.js';
import { parseRlvrModel } from '../../src/input/rlvrModel.js';

const GOOD = {
  beta: '1/2',
  prompts: [{ weight: 2, reference: ['1/2', '1/4', '1/4'], correct: [false, true, false] }],
  times: [0, 1],
};

function failure(model: unknown): InputError {
  try {
    parseRlvrModel(parseJsonText(JSON.stringify(model), 'm.json'));
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseRlvrModel', () => {
  it('reads a valid instance exactly, weight defaulting to 1', () => {
    const model = parseRlvrModel(
      parseJsonText(JSON.stringify({ ...GOOD, prompts: [{ ...GOOD.prompts[0], weight: undefined }] }), 'm.json'),
    );
    expect(model.beta.equals(new Rational(1n, 2n))).toBe(true);
    expect(model.prompts[0]!.weight.equals(new Rational(1n))).toBe(true);
    expect(model.prompts[0]!.correct).toEqual([false, true, false]);
    expect(model.times.map(String)).toEqual(['0', '1']);
  });

  it.each([
    ['beta <= 0', { ...GOOD, beta: 0 }, 'beta'],
    ['beta missing', { ...GOOD, beta: undefined }, 'beta'],
    ['beta NaN string', { ...GOOD, beta: 'NaN' }, 'beta'],
    ['no prompts', { ...GOOD, prompts: [] }, 'prompts'],
    ['unknown key', { ...GOOD, time: [1] }, 'time'],
    ['unknown prompt key', { ...GOOD, prompts: [{ ...GOOD.prompts[0], refrence: [1] }] }, 'prompts[0].refrence'],
    [
      'reference not summing to 1',
      { ...GOOD, prompts: [{ ...GOOD.prompts[0], reference: ['1/2', '1/4', '1/8'] }] },
      'prompts[0].reference',
    ],
    [
      'negative reference',
      { ...GOOD, prompts: [{ ...GOOD.prompts[0], reference: ['3/2', '-1/4', '-1/4'] }] },
      'prompts[0].reference[1]',
    ],
    ['correct too short', { ...GOOD, prompts: [{ ...GOOD.prompts[0], correct: [true] }] }, 'prompts[0].correct'],
    [
      'correct not boolean',
      { ...GOOD, prompts: [{ ...GOOD.prompts[0], correct: [true, 'yes', false] }] },
      'prompts[0].correct[1]',
    ],
    [
      'initial not a distribution',
      { ...GOOD, prompts: [{ ...GOOD.prompts[0], initial: ['1/2', '1/2', '1/2'] }] },
      'prompts[0].initial',
    ],
    [
      'initial zero where q > 0',
      { ...GOOD, prompts: [{ ...GOOD.prompts[0], initial: [0, '1/2', '1/2'] }] },
      'prompts[0].initial[0]',
    ],
    ['negative weight', { ...GOOD, prompts: [{ ...GOOD.prompts[0], weight: -1 }] }, 'prompts[0].weight'],
    ['all weights zero', { ...GOOD, prompts: [{ ...GOOD.prompts[0], weight: 0 }] }, 'prompts'],
    ['negative time', { ...GOOD, times: [0, -1] }, 'times[1]'],
    ['times missing', { ...GOOD, times: undefined }, 'times'],
  ])('%s is rejected naming %s', (_name, model, field) => {
    expect(failure(model).field).toBe(field);
  });
});
