import { describe, expect, it } from 'vitest';
import { ONE, Rational, ZERO } from '../../src/arith/rational.js';
import { equalVectors, normalize, total } from '../../src/arith/rationalVector.js';

const q = (n: bigint, d = 1n): Rational => new Rational(n, d);

describe('rational vectors', () => {
  it('ZERO and ONE are 0 and 1', () => {
    expect(ZERO.equals(q(0n))).toBe(true);
    expect(ONE.equals(q(1n))).toBe(true);
  });

  it('total: 1/2 + 1/3 + 1/6 = 1, and the empty sum is 0', () => {
    expect(total([q(1n, 2n), q(1n, 3n), q(1n, 6n)]).equals(ONE)).toBe(true);
    expect(total([]).equals(ZERO)).toBe(true);
  });

  it('normalize: (1, 2, 3) / 6', () => {
    const law = normalize([q(1n), q(2n), q(3n)]);
    expect(equalVectors(law, [q(1n, 6n), q(1n, 3n), q(1n, 2n)])).toBe(true);
  });

  it('normalize of a zero vector throws (division by zero)', () => {
    expect(() => normalize([ZERO, ZERO])).toThrow();
  });

  it('equalVectors compares entrywise and lengths', () => {
    expect(equalVectors([q(2n, 4n)], [q(1n, 2n)])).toBe(true);
    expect(equalVectors([q(1n, 2n)], [q(1n, 3n)])).toBe(false);
    expect(equalVectors([q(1n)], [q(1n), q(1n)])).toBe(false);
  });
});
