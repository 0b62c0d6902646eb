import { describe, expect, it } from 'vitest';
import { exactArithmetic as E } from '../../src/arith/exact.js';
import { floatArithmetic as F } from '../../src/arith/float.js';
import { InputError } from '../../src/errors.js';
import { stepDistribution, validateDistribution, validateKernel } from '../../src/markov/kernel.js';
import { asStrings, qm, qv } from './helpers.js';

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('validateKernel', () => {
  it('accepts a stochastic matrix, exactly', () => {
    expect(
      validateKernel(
        E,
        qm([
          ['1/3', '2/3'],
          [1, 0],
        ]),
      ),
    ).toEqual({ n: 2, rowSums: 'exact' });
  });

  it('names the field of each problem', () => {
    expect(inputError(() => validateKernel(E, qm([['1/2', '1/2'], [1]]))).field).toBe('kernel[1]');
    expect(inputError(() => validateKernel(E, qm([['1/2', '1/2']]))).field).toBe('kernel[0]');
    expect(inputError(() => validateKernel(E, []))).toBeInstanceOf(InputError);
    expect(
      inputError(() =>
        validateKernel(
          E,
          qm([
            ['3/2', '-1/2'],
            [0, 1],
          ]),
        ),
      ).field,
    ).toBe('kernel[0][1]');
    const sum = inputError(() =>
      validateKernel(
        E,
        qm([
          ['1/2', '1/3'],
          [0, 1],
        ]),
      ),
    );
    expect(sum.field).toBe('kernel[0]');
    expect(sum.problem).toContain('not 1');
  });

  it('uses a 1e-12 tolerance in float64, and says so', () => {
    expect(
      validateKernel(F, [
        [0.1 + 0.2, 0.7],
        [0.5, 0.5],
      ]).rowSums,
    ).toBe('float64 within 1e-12');
    expect(() =>
      validateKernel(F, [
        [0.5, 0.5 + 1e-9],
        [0.5, 0.5],
      ]),
    ).toThrow(InputError);
    expect(() =>
      validateKernel(F, [
        [Number.NaN, 1],
        [0.5, 0.5],
      ]),
    ).toThrow(InputError);
  });

  it('checks distributions', () => {
    expect(() => validateDistribution(E, qv(['1/2', '1/2']), 2, 'initial')).not.toThrow();
    expect(inputError(() => validateDistribution(E, qv(['1/2', '1/3']), 2, 'initial')).field).toBe('initial');
    expect(inputError(() => validateDistribution(E, qv([1]), 2, 'initial')).field).toBe('initial');
  });
});

describe('stepDistribution', () => {
  it('is nu P', () => {
    // (1/2, 1/2) [[1/4, 3/4], [1, 0]] = (5/8, 3/8)
    expect(
      asStrings(
        stepDistribution(
          E,
          qv(['1/2', '1/2']),
          qm([
            ['1/4', '3/4'],
            [1, 0],
          ]),
        ),
      ),
    ).toEqual(['5/8', '3/8']);
  });
});
