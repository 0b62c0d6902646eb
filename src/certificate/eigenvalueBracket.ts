/**
 * Eigenvalue witnesses for certificates: a rational bracket [lo, hi] around
 * one eigenvalue, in the form the checker verifies (format.ts, 'eigenvalue').
 *
 * Main definitions
 * - `eigenvalueBracket(matrix, law, rank, enclosure, states?, options?)`: from
 *   a rigorous enclosure of the eigenvalue of the given rank (the engine's:
 *   `exactKernelEigenvalues`, `perronRoot`, `kernelSpectrum`, ...), rationals
 *   lo < hi with lo below and hi above the enclosure, verified by the same
 *   exact inertia count as the checker's.
 * - `eigenvalueWitness(names, bracket)`: the `Witness` object.
 *
 * Main statements
 * - The count rule (format.ts): with k the rank from the top, the eigenvalue
 *   l_k of M restricted to the states lies in [lo, hi] iff #{eig > hi} <= k - 1
 *   and #{eig > lo} >= k. Widening a correct enclosure [a, b] keeps it correct,
 *   so lo = a - m and hi = b + m (m > 0) satisfy the rule; it is checked here
 *   exactly (`eigenvalueCountAbove`), never assumed.
 * - A shift s meets a zero pivot of LDL^T(diag(w) (M - s I)) only when a
 *   leading principal minor of that matrix vanishes: the j-th minor is a
 *   polynomial of degree j in s with leading coefficient +-(w_1 ... w_j) != 0,
 *   so at most 1 + 2 + ... + n = n(n+1)/2 shifts are bad. Trying that many
 *   distinct shifts plus one, each further out, always succeeds.
 *
 * Implementation details
 * The margin m is the enclosure's width, or 10^-30 max(1, |a|, |b|) when the
 * enclosure is a point (a rational eigenvalue, which the count cannot confirm
 * as a point: the shift would be singular) or narrower than that; callers may
 * pass their own. The j-th candidate for hi is the simplest rational (least
 * denominator, by continued fractions) in [b + (j + 1/2) m, b + (j + 1) m], for
 * lo the same below a: disjoint windows, so distinct shifts, and denominators
 * about the square root of 1/m, which keeps the exact counts (here and in the
 * checker) cheap. A window is left only when its shift meets a zero pivot.
 */
import type { RationalEnclosure } from '../arith/enclosure.js';
import { Rational, ZERO, numeratorDenominator, rationalToString } from '../arith/rational.js';
import { eigenvalueCountAbove } from '../linalg/inertia.js';
import type { Witness } from './format.js';

export interface EigenvalueBracketOptions {
  /** Widen the enclosure by this much on each side (> 0). Default: the width, at least 10^-30 max(1, |a|, |b|). */
  readonly margin?: Rational;
}

const RELATIVE_MARGIN = new Rational(1n, 10n ** 30n);

/** The rational with the least denominator in [x, y] (x <= y), by the continued fraction expansions of the ends. */
export function simplestRational(x: Rational, y: Rational): Rational {
  if (x.compare(y) > 0) throw new RangeError('simplestRational needs x <= y');
  if (x.compare(ZERO) <= 0 && y.compare(ZERO) >= 0) return ZERO;
  if (y.compare(ZERO) < 0) return simplestRational(y.neg(), x.neg()).neg();
  const [p1, q1] = numeratorDenominator(x);
  const [p2, q2] = numeratorDenominator(y);
  const [p, q] = simplestPositive(p1, q1, p2, q2);
  return new Rational(p, q);
}

/** [p, q] with p/q the simplest rational in [p1/q1, p2/q2], 0 < p1/q1 <= p2/q2 (no gcd needed). */
function simplestPositive(p1: bigint, q1: bigint, p2: bigint, q2: bigint): [bigint, bigint] {
  const whole = p1 / q1;
  if (whole * q1 === p1) return [whole, 1n];
  if ((whole + 1n) * q2 <= p2) return [whole + 1n, 1n];
  // whole < x <= y < whole + 1: x = whole + 1/r with r simplest in [1/(y - whole), 1/(x - whole)]
  const [p, q] = simplestPositive(q2, p2 - whole * q2, q1, p1 - whole * q1);
  return [whole * p + q, p];
}

/** The rank counted from the top (1 = largest; -1 = smallest) among `size` eigenvalues. */
function rankFromTop(rank: number, size: number): number {
  const k = rank > 0 ? rank : size + 1 + rank;
  if (!Number.isInteger(rank) || rank === 0 || k < 1 || k > size)
    throw new RangeError(`rank ${rank} is out of range for ${size} eigenvalues`);
  return k;
}

/** The default margin: the enclosure's width, at least 10^-30 max(1, |a|, |b|). */
function defaultMargin(enclosure: RationalEnclosure): Rational {
  const scale = [new Rational(1n), enclosure.lo.abs(), enclosure.hi.abs()].reduce((a, b) =>
    a.compare(b) >= 0 ? a : b,
  );
  const floor = scale.mul(RELATIVE_MARGIN);
  const width = enclosure.hi.sub(enclosure.lo);
  return width.compare(floor) >= 0 ? width : floor;
}

/**
 * Rationals lo < hi bracketing the eigenvalue of `matrix` restricted to
 * `states` (a 0/1 mask; default all states) of the given rank, checked by the
 * count rule. `law` > 0 on the states with diag(law) matrix symmetric there
 * (a reversible kernel and its stationary law). `enclosure` must contain that
 * eigenvalue. Throws RangeError when the enclosure does not hold the
 * eigenvalue or the symmetry fails, Error when no shift avoids a zero pivot
 * (impossible by the module comment, so a bug).
 */
export function eigenvalueBracket(
  matrix: readonly (readonly Rational[])[],
  law: readonly Rational[],
  rank: number,
  enclosure: RationalEnclosure,
  states?: readonly (number | Rational)[],
  options: EigenvalueBracketOptions = {},
): RationalEnclosure {
  if (enclosure.lo.compare(enclosure.hi) > 0) throw new RangeError('the enclosure has lo > hi');
  const chosen = law.flatMap((_, x) => (states === undefined || Number(states[x]!.valueOf()) === 1 ? [x] : []));
  const block = chosen.map((x) => chosen.map((y) => matrix[x]![y]!));
  const weights = chosen.map((x) => law[x]!);
  const k = rankFromTop(rank, chosen.length);
  const margin = options.margin ?? defaultMargin(enclosure);
  if (margin.compare(new Rational(0n)) <= 0) throw new RangeError('the margin must be positive');
  const tries = (chosen.length * (chosen.length + 1)) / 2 + 1;

  /** The first shift without a zero pivot among the simplest rationals of the windows beyond `end` (module comment), and its count. */
  const countedShift = (end: Rational, direction: 1 | -1): { shift: Rational; count: number } => {
    for (let j = 0; j < tries; j++) {
      const near = end.add(margin.mul(new Rational(BigInt(direction * (2 * j + 1)), 2n)));
      const far = end.add(margin.mul(new Rational(BigInt(direction * (j + 1)))));
      const shift = direction > 0 ? simplestRational(near, far) : simplestRational(far, near);
      const count = eigenvalueCountAbove(block, weights, shift);
      if (count !== undefined) return { shift, count };
    }
    throw new Error(`eigenvalueBracket: ${tries} shifts all met a zero pivot (impossible for distinct shifts)`);
  };

  const high = countedShift(enclosure.hi, 1);
  const low = countedShift(enclosure.lo, -1);
  if (!(high.count <= k - 1 && low.count >= k)) {
    throw new RangeError(
      `eigenvalueBracket: the eigenvalue of rank ${rank} is not in [${enclosure.lo.toFraction()}, ${enclosure.hi.toFraction()}] ` +
        `(${high.count} eigenvalues above the upper shift, ${low.count} above the lower; need <= ${k - 1} and >= ${k})`,
    );
  }
  return { lo: low.shift, hi: high.shift };
}

/** The names an eigenvalue witness refers to (instance values or definitions of the claim). */
export interface EigenvalueWitnessNames {
  readonly matrix: string;
  readonly law: string;
  readonly states?: string;
  readonly rank: number;
  /** the name under which the bracket enters the claim */
  readonly name: string;
}

/** The 'eigenvalue' witness of format.ts for a bracket from `eigenvalueBracket`. */
export function eigenvalueWitness(names: EigenvalueWitnessNames, bracket: RationalEnclosure): Witness {
  return {
    kind: 'eigenvalue',
    matrix: names.matrix,
    law: names.law,
    ...(names.states === undefined ? {} : { states: names.states }),
    rank: names.rank,
    name: names.name,
    lo: rationalToString(bracket.lo),
    hi: rationalToString(bracket.hi),
  };
}
