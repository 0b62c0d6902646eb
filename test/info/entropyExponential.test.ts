/**
 * entropyExponentials against hand computation: exp(D H(c)) = prod c^{-D c}
 * with D the lcm of the denominators, e.g. 4 H(1/4, 3/4) = log 4 + 3 log(4/3),
 * so exp(4 H) = 4 (4/3)^3 = 256/27; and against the float entropy.
 */
import { describe, expect, it } from 'vitest';
import { parseRational, type Rational } from '../../src/arith/rational.js';
import { entropyExponentials } from '../../src/info/entropyExponential.js';

const R = parseRational;
const law = (...entries: string[]): Rational[] => entries.map(R);

describe('entropyExponentials', () => {
  it('one law: (1/2, 1/2) gives D = 2, exp(2 log 2) = 4; (1/4, 3/4) gives D = 4, 256/27', () => {
    const half = entropyExponentials([law('1/2', '1/2')], 100n)!;
    expect(half.power).toBe(2n);
    expect(half.values[0]!.equals(R(4))).toBe(true);
    const quarter = entropyExponentials([law('1/4', '3/4')], 100n)!;
    expect(quarter.power).toBe(4n);
    expect(quarter.values[0]!.equals(R('256/27'))).toBe(true);
  });

  it('several laws share D: (1/2, 1/2) and (1/3, 2/3) give D = 6, 64 and 9 (3/2)^4 = 729/16', () => {
    const both = entropyExponentials([law('1/2', '1/2'), law('1/3', '2/3')], 100n)!;
    expect(both.power).toBe(6n);
    expect(both.values.map((v) => v.toFraction())).toEqual(['64', '729/16']);
  });

  it('agrees with exp(D H) in float64 (D = 6, H(1/6, 1/3, 1/2))', () => {
    const c = [1 / 6, 1 / 3, 1 / 2];
    const H = -c.reduce((acc, x) => acc + x * Math.log(x), 0);
    const { power, values } = entropyExponentials([law('1/6', '1/3', '1/2')], 100n)!;
    expect(power).toBe(6n);
    expect(values[0]!.valueOf()).toBeCloseTo(Math.exp(6 * H), 9);
  });

  it('zero entries count as 0 log 0 = 0, the empty law gives 1; D above the cap gives undefined', () => {
    expect(entropyExponentials([law('0', '1')], 10n)!.values[0]!.equals(R(1))).toBe(true);
    expect(entropyExponentials([[]], 10n)!.values[0]!.equals(R(1))).toBe(true);
    expect(entropyExponentials([law('1/7', '6/7'), law('1/3', '2/3')], 20n)).toBeUndefined();
  });
});
