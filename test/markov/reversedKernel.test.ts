import { describe, expect, it } from 'vitest';
import { exactArithmetic as E } from '../../src/arith/exact.js';
import { stepDistribution } from '../../src/markov/kernel.js';
import { klDropVanishes, reversedKernels } from '../../src/markov/reversedKernel.js';
import { asStrings, qm, qv } from './helpers.js';

// P = [[3/4, 1/4], [1/2, 1/2]], mu = (2/3, 1/3) (mu P = mu by hand).
// From nu = (1, 0): nu P = (3/4, 1/4) and both reversed kernels of nu are (1, 0).
// mu~_0 = (2/3 * 3/4, 1/3 * 1/2) / (2/3) = (3/4, 1/4); mu~_1 = (2/3 * 1/4, 1/3 * 1/2) / (1/3) = (1/2, 1/2).
const P = qm([
  ['3/4', '1/4'],
  ['1/2', '1/2'],
]);
const mu = qv(['2/3', '1/3']);
const swap = qm([
  [0, 1],
  [1, 0],
]);
const strings = (laws: (ReturnType<typeof qv> | undefined)[]) =>
  laws.map((law) => (law === undefined ? undefined : asStrings(law)));

describe('reversedKernels', () => {
  it('of nu = (1, 0): (1, 0) at both y', () => {
    expect(strings(reversedKernels(E, qv([1, 0]), P))).toEqual([
      ['1', '0'],
      ['1', '0'],
    ]);
  });

  it('of the stationary mu with masses mu: (3/4, 1/4) and (1/2, 1/2), each a law', () => {
    expect(strings(reversedKernels(E, mu, P, mu))).toEqual([
      ['3/4', '1/4'],
      ['1/2', '1/2'],
    ]);
    expect(strings(reversedKernels(E, mu, P))).toEqual(strings(reversedKernels(E, mu, P, mu)));
  });

  it('undefined where the mass is 0: nu = (1, 0) under P = [[1, 0], [1/2, 1/2]] never reaches y = 1', () => {
    expect(
      strings(
        reversedKernels(
          E,
          qv([1, 0]),
          qm([
            [1, 0],
            ['1/2', '1/2'],
          ]),
        ),
      ),
    ).toEqual([['1', '0'], undefined]);
  });
});

describe('klDropVanishes', () => {
  it('the swap from (1, 0) to the uniform law: the drop is 0 (KL stays log 2)', () => {
    const nu = qv([1, 0]);
    expect(klDropVanishes(E, nu, stepDistribution(E, nu, swap), qv(['1/2', '1/2']), swap)).toBe(true);
  });

  it('P from (1, 0): nu~ = (1, 0) differs from mu~, the drop is positive', () => {
    const nu = qv([1, 0]);
    expect(klDropVanishes(E, nu, stepDistribution(E, nu, P), mu, P)).toBe(false);
  });

  it('nu = mu: nu~_y = mu~_y for every y', () => {
    expect(klDropVanishes(E, mu, stepDistribution(E, mu, P), mu, P)).toBe(true);
  });
});
