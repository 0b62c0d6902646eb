import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rational, parseRational } from '../../src/arith/rational.js';
import { exactNumberObject, type NumberObject } from '../../src/arith/numberObject.js';
import { measureDegree } from '../../src/assume/degree.js';
import type { DegreeSpec } from '../../src/runner/theorem.js';
import { closedFormDefect, detailedBalanceDefect } from '../../theorems/support/exactChainChecks.js';
import { flowGapExcess } from '../../theorems/support/naturalGradientFlow.js';
import type { ResponseChainInstance } from '../../theorems/support/responseChain.js';

const r = (p: number, q = 1): Rational => new Rational(BigInt(p), BigInt(q));

/** lo <= value <= hi, for a known constant given to 40 digits. */
function encloses(object: NumberObject | 'infinite', value: string): boolean {
  if (object === 'infinite') return false;
  const v = parseRational(value);
  return parseRational(object.lo).lte(v) && v.lte(parseRational(object.hi));
}

describe('measureDegree', () => {
  const spec: DegreeSpec<number> = {
    name: 'square',
    measure: 'x^2 / 100, exact',
    defect: (x) => {
      if (x === 13) throw new Error('thirteen');
      return x === 99 ? 'infinite' : exactNumberObject(r(x * x, 100));
    },
    levels: [
      { label: 'small', arbitrary: fc.integer({ min: 0, max: 9 }) },
      { label: 'with an infinite one', arbitrary: fc.constantFrom(3, 99) },
      { label: 'all fail', arbitrary: fc.constant(13) },
    ],
  };

  it('keeps the largest defect of each level, infinite ones included, and counts the failures', () => {
    const result = measureDegree(spec, { seed: 1, samples: 40, scope: 'test' });
    const [small, infinite, failing] = result.levels;
    expect(small!.samples).toBe(40);
    // 40 draws of 0..9 reach 9 (the integer arbitrary's bias favours the bounds): 81/100
    expect(small!.largest).toMatchObject({ exact: '81/100' });
    expect(infinite!.largest).toBe('infinite');
    expect(failing).toMatchObject({ samples: 0, failed: 40, reason: 'thirteen' });
    expect(failing!.largest).toBeUndefined();
  });

  it('is reproducible from the seed', () => {
    expect(measureDegree(spec, { seed: 5, samples: 10, scope: 'x' })).toEqual(
      measureDegree(spec, { seed: 5, samples: 10, scope: 'x' }),
    );
  });
});

describe('defects with known values', () => {
  // q = [[0, 2/3, 1/3], [1/3, 0, 2/3], [2/3, 1/3, 0]] is doubly stochastic: mu uniform; with w = v = 1, P = q,
  // so mu(x) P(x,y) / (mu(y) P(y,x)) is 2 or 1/2 for every pair and the defect is log 2.
  const q = [
    [r(0), r(2, 3), r(1, 3)],
    [r(1, 3), r(0), r(2, 3)],
    [r(2, 3), r(1, 3), r(0)],
  ];
  const ones = [0, 1, 2].map(() => [r(1), r(1), r(1)]);
  const circulant: ResponseChainInstance = {
    n: 3,
    reference: { variant: 'custom', q },
    potential: { form: 'weights', weights: [r(1), r(1), r(1)] },
    interaction: { kind: 'none', form: 'weights', weights: ones },
    reward: { kind: 'potential' },
    beta: r(1),
  };

  it('detailed-balance defect of a circulant chain is log 2', () => {
    expect(encloses(detailedBalanceDefect(circulant), '0.6931471805599453094172321214581765680755')).toBe(true);
  });

  it('is exactly 0 for a reversible chain', () => {
    const symmetric: ResponseChainInstance = {
      ...circulant,
      reference: { variant: 'custom', q: [0, 1, 2].map(() => [r(1, 3), r(1, 3), r(1, 3)]) },
    };
    expect(detailedBalanceDefect(symmetric)).toMatchObject({ exact: '0' });
  });

  it('closed-form defect: w = 1 makes the closed form rho, which is mu (TV 0); a non-uniform w on the circulant gives a positive TV', () => {
    expect(closedFormDefect(circulant)).toMatchObject({ exact: '0' });
    const tilted = { ...circulant, potential: { form: 'weights' as const, weights: [r(1), r(2), r(4)] } };
    expect(parseRational(closedFormDefect(tilted).exact!).gt(r(0))).toBe(true);
  });

  it('gap excess of the flow at t = 0 is (1 - p) KL(pi_0(.|W) || q(.|W)) = log(4/3)/2 + log(2/3)/4 (T7, beta = 1)', () => {
    const instance = {
      n: 3,
      beta: r(1),
      prompts: [
        {
          weight: r(1),
          reference: [r(1, 3), r(1, 3), r(1, 3)],
          correct: [true, false, false],
          p0: r(1, 3),
          initial: { kind: 'any' as const, pi0: [r(1, 4), r(1, 2), r(1, 4)] },
        },
      ],
      times: [r(0)],
    };
    expect(encloses(flowGapExcess(instance), '0.04247475919884936822510622413082643160876')).toBe(true);
  });
});
