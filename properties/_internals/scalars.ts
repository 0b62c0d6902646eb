/**
 * Internal scalar builders: rationals with small denominators in a range, and
 * log-scale rationals.
 *
 * Main definitions
 * - `floorOf`, `ceilOf`, `floorLog2`: exact integer parts.
 * - `rationalInRange`: p/q in [min, max] with q <= maxDenominator, shrinking to
 *   denominator 1 and then to the value nearest 0.
 * - `logScaleRational`: 2^k (m + j)/m clamped to [min, max], shrinking to 1.
 *
 * Implementation details
 * The denominator is drawn first and the numerator chained on it, so fast-check
 * shrinks the denominator to the smallest admissible one before the numerator
 * moves toward 0: the counterexamples read 0, 1, -1, 1/2, ...
 */
import fc from 'fast-check';
import { Rational, numeratorDenominator } from '../../src/arith/rational.js';
import { constraintError } from './validate.js';

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** floor(r) as a bigint. */
export function floorOf(r: Rational): bigint {
  const [p, d] = numeratorDenominator(r);
  return floorDiv(p, d);
}

/** ceil(r) as a bigint. */
export function ceilOf(r: Rational): bigint {
  return -floorOf(r.neg());
}

/** floor(log2 r) for r > 0, exactly. */
export function floorLog2(r: Rational): number {
  const [p, d] = numeratorDenominator(r);
  let k = p.toString(2).length - d.toString(2).length;
  // 2^k <= p/d < 2^(k+1), adjusted by at most one step.
  const le = (e: number): boolean => (e >= 0 ? d << BigInt(e) <= p : d <= p << BigInt(-e));
  if (!le(k)) k -= 1;
  else if (le(k + 1)) k += 1;
  return k;
}

function pow2(k: number): Rational {
  return k >= 0 ? new Rational(1n << BigInt(k), 1n) : new Rational(1n, 1n << BigInt(-k));
}

/** p/q in [min, max] with 1 <= q <= maxDenominator; throws (naming `fn`) when no such value exists. */
export function rationalInRange(
  fn: string,
  min: Rational,
  max: Rational,
  maxDenominator: number,
): fc.Arbitrary<Rational> {
  const admits = (q: number): boolean => ceilOf(min.mul(q)) <= floorOf(max.mul(q));
  let denominators: fc.Arbitrary<number>;
  if (max.sub(min).gte(1)) {
    denominators = fc.integer({ min: 1, max: maxDenominator });
  } else {
    const list: number[] = [];
    for (let q = 1; q <= maxDenominator; q++) if (admits(q)) list.push(q);
    if (list.length === 0)
      throw constraintError(
        fn,
        'maxDenominator',
        `admits no rational in [${min.toFraction()}, ${max.toFraction()}] (got ${maxDenominator})`,
      );
    denominators =
      list.length === maxDenominator
        ? fc.integer({ min: 1, max: maxDenominator })
        : fc.integer({ min: 0, max: list.length - 1 }).map((i) => list[i]!);
  }
  return denominators.chain((q) =>
    fc.bigInt({ min: ceilOf(min.mul(q)), max: floorOf(max.mul(q)) }).map((p) => new Rational(p, BigInt(q))),
  );
}

/**
 * Log-scale rationals in [min, max], 0 < min <= max: 2^k (m + j)/m with
 * 1 <= m <= maxMantissaDenominator, 0 <= j < m, clamped into the range (so the
 * bounds themselves occur). k is uniform over the octaves the range meets,
 * hence roughly log-uniform. Shrinks toward k = 0, j = 0: the value 1 (or the
 * bound nearest it).
 */
export function logScaleRational(min: Rational, max: Rational, maxMantissaDenominator: number): fc.Arbitrary<Rational> {
  const kMin = floorLog2(min);
  const kMax = floorLog2(max);
  return fc
    .tuple(
      fc.integer({ min: kMin, max: kMax }),
      fc.integer({ min: 1, max: maxMantissaDenominator }),
      fc.integer({ min: 0, max: maxMantissaDenominator - 1 }),
    )
    .map(([k, m, j]) => {
      const value = pow2(k).mul(new Rational(BigInt(m + (j % m)), BigInt(m)));
      return value.lt(min) ? min : value.gt(max) ? max : value;
    });
}
