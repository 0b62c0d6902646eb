/**
 * Rigorous isolation of the real roots of a rational polynomial, with
 * multiplicities, to any requested width.
 *
 * Main definitions
 * - `isolateRealRoots(p, options)`: the real roots of p as disjoint rational
 *   intervals [lo, hi] (lo = hi when the root was found exactly), sorted
 *   descending, each of width <= 10^-widthDigits, with multiplicities; plus
 *   honest counts of the real roots (Sturm, or the sign certificate below), so a caller can tell whether p is
 *   real-rooted.
 *
 * Main statements
 * - Every returned interval contains exactly one root of p, and the roots in
 *   distinct intervals are distinct. Every real root of p is returned (unless
 *   `maxRoots` asks for the largest ones only).
 * - Soundness rests on exact integer arithmetic only: Sturm counts on the
 *   squarefree part q (`polynomial.ts`), exact signs of q at dyadic points,
 *   and the Cauchy bound |z| < 1 + max_i |q_i / q_d| for every root z.
 * - Sign certificate: if q (squarefree, degree m) takes nonzero values at
 *   points t_0 > ... > t_k with exactly m sign changes between consecutive
 *   points, then all roots of q are real and each interval with a change holds
 *   exactly one (a change brackets an odd number of roots; m odd numbers
 *   adding up to at most m are all 1).
 *
 * Implementation details
 * 1. q = squarefree part of p in Z[x]: p itself when a gcd computed modulo a
 *    prime proves gcd(p, p') = 1 (the common case), else p / gcd(p, p');
 *    multiplicities then come from Yun's decomposition p ~ f_1 f_2^2 ...
 * 2. With hints (approximate roots, e.g. float64 eigenvalues), the sign
 *    certificate is tried on the midpoints of consecutive hints and +-B, B = 2^k
 *    above the Cauchy bound: m + 1 exact evaluations instead of Sturm
 *    sequences, whose coefficients grow to about m times those of q. Without
 *    hints, or when the certificate fails, (-B, B] is bisected, larger half
 *    first, with Sturm counts until each piece holds one root of q.
 * 3. Each piece (a, b] is refined by sign bisection on q (exact signs at
 *    dyadic midpoints), after trying a narrow bracket around its hint: a
 *    midpoint that is a root ends the search exactly; otherwise the root stays
 *    strictly inside. The lower end is always moved off its starting point,
 *    so intervals of different roots are disjoint.
 * 4. The simplest rational in the final interval is tried as an exact root
 *    (when its denominator divides lc(q), the rational root theorem's
 *    necessary condition); rational roots with moderate denominators are thus
 *    found exactly even when bisection never lands on them.
 * 5. The factor f_m of Yun's decomposition that changes sign across the final
 *    interval (or vanishes at the exact root) gives the multiplicity m.
 */
import { Rational } from '../arith/rational.js';
import {
  squarefreeModularCertificate,
  integerHomogeneousValue,
  integerSquarefreeDecomposition,
  integerSquarefreePart,
  integerSturmSequence,
  primitiveIntegerPolynomial,
  type IntegerPolynomial,
  type Polynomial,
  type SturmSequence,
} from './polynomial.js';

export interface IsolatedRoot {
  /** lo <= root <= hi; lo = hi exactly when the root is that rational. */
  readonly lo: Rational;
  readonly hi: Rational;
  /** Multiplicity of the root in p. */
  readonly multiplicity: number;
}

export interface RealRootIsolation {
  /** Distinct real roots, largest first (the largest `maxRoots` ones if asked). */
  readonly roots: readonly IsolatedRoot[];
  /** deg p. */
  readonly degree: number;
  /** Number of distinct real roots of p (all of them, whatever `maxRoots`). */
  readonly distinctRealRoots: number;
  /** Number of real roots of p counted with multiplicity. */
  readonly realRootsWithMultiplicity: number;
  /** True iff every root of p is real. */
  readonly realRooted: boolean;
}

export interface IsolationOptions {
  /** Each interval is refined to width <= 10^-widthDigits. Default 40. */
  readonly widthDigits?: number;
  /** Return only the largest `maxRoots` distinct real roots. */
  readonly maxRoots?: number;
  /**
   * Approximate roots (e.g. float64 eigenvalues), with multiplicity. They only
   * steer the search: every claim is still proven exactly, and bad hints merely
   * fall back to Sturm bisection.
   */
  readonly hints?: readonly number[];
}

/** Default decimal digits of root enclosures. */
export const DEFAULT_WIDTH_DIGITS = 40;

/**
 * Isolate and refine the real roots of p (p != 0).
 * Precision contract: each root lies in [lo, hi] with hi - lo <= 10^-widthDigits,
 * proven with exact arithmetic; lo = hi means the root equals that rational.
 */
export function isolateRealRoots(p: Polynomial, options: IsolationOptions = {}): RealRootIsolation {
  const widthDigits = options.widthDigits ?? DEFAULT_WIDTH_DIGITS;
  if (!Number.isInteger(widthDigits) || widthDigits < 0) {
    throw new RangeError(`widthDigits must be a non-negative integer (got ${widthDigits})`);
  }
  const maxRoots = options.maxRoots ?? Infinity;
  if (!(maxRoots >= 0)) throw new RangeError(`maxRoots must be non-negative (got ${maxRoots})`);
  if (p.length === 0) throw new RangeError('the zero polynomial has every number as a root');
  const degree = p.length - 1;
  if (degree === 0) {
    return { roots: [], degree, distinctRealRoots: 0, realRootsWithMultiplicity: 0, realRooted: true };
  }
  const integer = primitiveIntegerPolynomial(p);
  const squarefree = squarefreeModularCertificate(integer);
  const q = squarefree ? integer : integerSquarefreePart(integer);
  const factors = q.length - 1 < degree ? integerSquarefreeDecomposition(integer) : [q];
  const bound = cauchyBoundExponent(q);
  const lower: Dyadic = { m: -(1n << BigInt(bound)), k: 0 };
  const upper: Dyadic = { m: 1n << BigInt(bound), k: 0 };

  let pieces = options.hints === undefined ? undefined : certifiedPieces(q, options.hints, lower, upper);
  let distinctRealRoots = q.length - 1;
  if (pieces === undefined) {
    const sturm = integerSturmSequence(q);
    const vLower = signChanges(sturm, lower);
    const vUpper = signChanges(sturm, upper);
    distinctRealRoots = vLower - vUpper;
    pieces = isolate(sturm, lower, vLower, upper, vUpper, maxRoots);
  }
  const realRooted = distinctRealRoots === q.length - 1;
  const tolerance = 10n ** BigInt(widthDigits);
  const roots: IsolatedRoot[] = pieces.slice(0, Math.min(pieces.length, maxRoots)).map((piece) => {
    const root =
      piece.exact !== undefined ? { exact: piece.exact } : refine(q, piece.a, piece.b, tolerance, piece.hint);
    const multiplicity = multiplicityOf(factors, root);
    if ('exact' in root) {
      const value = new Rational(root.exact[0], root.exact[1]);
      return { lo: value, hi: value, multiplicity };
    }
    return { lo: toRational(root.lo), hi: toRational(root.hi), multiplicity };
  });

  let realRootsWithMultiplicity = degree;
  if (!realRooted) {
    realRootsWithMultiplicity = 0;
    factors.forEach((f, index) => {
      if (f.length <= 1) return;
      const s = integerSturmSequence(f);
      realRootsWithMultiplicity += (index + 1) * (signChanges(s, lower) - signChanges(s, upper));
    });
  }
  return { roots, degree, distinctRealRoots, realRootsWithMultiplicity, realRooted };
}

/**
 * A piece (a, b] holding exactly one root of q (both ends non-roots when it
 * comes from the sign certificate), or the root itself when known exactly.
 */
interface Piece {
  readonly a: Dyadic;
  readonly b: Dyadic;
  readonly hint?: number;
  readonly exact?: readonly [bigint, bigint];
}

/**
 * Isolation certified by signs alone: with points t_0 > t_1 > ... (the root
 * bound, midpoints of consecutive hints, minus the bound) and q nonzero at the
 * kept points, each sign change brackets an odd number of roots. If there are
 * deg q sign changes, every root is real and each bracket holds exactly one
 * (brackets without a change hold none); a separator where q vanishes is the
 * root of its bracket. Returns undefined when the count falls short.
 */
function certifiedPieces(
  q: IntegerPolynomial,
  hints: readonly number[],
  lower: Dyadic,
  upper: Dyadic,
): Piece[] | undefined {
  const m = q.length - 1;
  const sorted = hints.filter((h) => Number.isFinite(h)).sort((x, y) => y - x);
  if (sorted.length < m) return undefined;
  const points: Dyadic[] = [upper];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const separator = dyadicFromNumber((sorted[i]! + sorted[i + 1]!) / 2);
    if (compareDyadic(separator, lower) > 0 && compareDyadic(separator, points[points.length - 1]!) < 0)
      points.push(separator);
  }
  points.push(lower);
  const pieces: Piece[] = [];
  let above = upper;
  let signAbove = signAt(q, upper);
  let zeros: Dyadic[] = [];
  for (const point of points.slice(1)) {
    const sign = signAt(q, point);
    if (sign === 0) {
      zeros.push(point);
      continue;
    }
    if (sign !== signAbove) {
      if (zeros.length > 1) return undefined; // impossible once the count checks out; be defensive
      const hint = sorted.find(
        (h) => compareDyadic(dyadicFromNumber(h), point) > 0 && compareDyadic(dyadicFromNumber(h), above) < 0,
      );
      const exact = zeros.length === 1 ? ([zeros[0]!.m, 1n << BigInt(zeros[0]!.k)] as const) : undefined;
      pieces.push({
        a: point,
        b: above,
        ...(hint === undefined ? {} : { hint }),
        ...(exact === undefined ? {} : { exact }),
      });
    } else if (zeros.length > 0) {
      return undefined;
    }
    zeros = [];
    above = point;
    signAbove = sign;
  }
  return pieces.length === m ? pieces : undefined;
}

/** The exact dyadic value of a finite float64. */
function dyadicFromNumber(x: number): Dyadic {
  let k = 0;
  while (!Number.isInteger(x)) {
    x *= 2; // exact: only the exponent changes
    k++;
  }
  return { m: BigInt(x), k };
}

function compareDyadic(a: Dyadic, b: Dyadic): number {
  const k = Math.max(a.k, b.k);
  const left = a.m << BigInt(k - a.k);
  const right = b.m << BigInt(k - b.k);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** m / 2^k with k >= 0. */
interface Dyadic {
  readonly m: bigint;
  readonly k: number;
}

function toRational(x: Dyadic): Rational {
  return new Rational(x.m, 1n << BigInt(x.k));
}

function midpoint(a: Dyadic, b: Dyadic): Dyadic {
  const k = Math.max(a.k, b.k);
  let m = (a.m << BigInt(k - a.k)) + (b.m << BigInt(k - b.k));
  let e = k + 1;
  while (e > 0 && (m & 1n) === 0n) {
    m >>= 1n;
    e -= 1;
  }
  return { m, k: e };
}

/** b - a <= 1 / tolerance. */
function narrowEnough(a: Dyadic, b: Dyadic, tolerance: bigint): boolean {
  const k = Math.max(a.k, b.k);
  const width = (b.m << BigInt(k - b.k)) - (a.m << BigInt(k - a.k));
  return width * tolerance <= 1n << BigInt(k);
}

/** Exact sign of f(x) at a dyadic x, from 2^(k d) f(m / 2^k). */
function signAt(f: IntegerPolynomial, x: Dyadic): -1 | 0 | 1 {
  const d = f.length - 1;
  if (d < 0) return 0;
  let acc = f[d]!;
  for (let i = d - 1; i >= 0; i--) acc = acc * x.m + (f[i]! << BigInt(x.k * (d - i)));
  return acc === 0n ? 0 : acc < 0n ? -1 : 1;
}

function signChanges(sturm: SturmSequence, x: Dyadic): number {
  let changes = 0;
  let previous = 0;
  for (const s of sturm.polynomials) {
    const sign = signAt(s, x);
    if (sign === 0) continue;
    if (previous !== 0 && sign !== previous) changes++;
    previous = sign;
  }
  return changes;
}

/** k with 2^k > 1 + max_{i<d} |q_i| / |q_d|, so every root lies in (-2^k, 2^k). */
function cauchyBoundExponent(q: IntegerPolynomial): number {
  const d = q.length - 1;
  let largest = 0n;
  for (let i = 0; i < d; i++) {
    const c = q[i]! < 0n ? -q[i]! : q[i]!;
    if (c > largest) largest = c;
  }
  const lead = q[d]! < 0n ? -q[d]! : q[d]!;
  // largest < 2^bits(largest), lead >= 2^(bits(lead)-1): the ratio is < 2^e.
  const e = Math.max(0, bitLength(largest) - bitLength(lead) + 1);
  return e + 1;
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/**
 * A safe upper bound on -log2 of the distance between distinct roots of q
 * (Mahler: sep > sqrt(3) d^(-(d+2)/2) |q|_2^(1-d)), plus margin: bisection
 * never needs more levels than this, so exceeding it signals a bug.
 */
function separationBits(q: IntegerPolynomial): number {
  const d = q.length - 1;
  let largest = 0;
  for (const c of q) largest = Math.max(largest, bitLength(c < 0n ? -c : c));
  const normBits = largest + Math.ceil(Math.log2(d + 1) / 2) + 1;
  return Math.ceil(((d + 2) / 2) * Math.log2(Math.max(d, 2))) + (d - 1) * normBits + 64;
}

/** Pieces (a, b] holding exactly one root of q each, largest first, at most maxRoots. */
function isolate(
  sturm: SturmSequence,
  lower: Dyadic,
  vLower: number,
  upper: Dyadic,
  vUpper: number,
  maxRoots: number,
): Piece[] {
  const pieces: Piece[] = [];
  const stack: [Dyadic, number, Dyadic, number][] = [[lower, vLower, upper, vUpper]];
  const depthLimit = separationBits(sturm.polynomials[0]!) + upper.m.toString(2).length;
  while (stack.length > 0 && pieces.length < maxRoots) {
    const [a, va, b, vb] = stack.pop()!;
    const count = va - vb;
    if (count < 0 || b.k > depthLimit) throw new Error('internal: Sturm bisection inconsistent');
    if (count === 0) continue;
    if (count === 1) {
      pieces.push({ a, b });
      continue;
    }
    const m = midpoint(a, b);
    const vm = signChanges(sturm, m);
    stack.push([a, va, m, vm]); // lower half, popped after the upper half
    stack.push([m, vm, b, vb]);
  }
  return pieces;
}

/**
 * Refine (a, b], holding exactly one root r of the squarefree q, to [lo, hi]
 * with lo < r < hi (or lo = r = hi), hi - lo <= 1/tolerance and lo > a.
 */
function refine(q: IntegerPolynomial, a: Dyadic, b: Dyadic, tolerance: bigint, hint?: number): Refined {
  let signB = signAt(q, b);
  if (signB === 0) return { exact: [b.m, 1n << BigInt(b.k)] };
  let lo = a;
  let hi = b;
  let moved = false;
  if (hint !== undefined) {
    // Try a bracket of relative width 2^-39 around the hint; keep it only if it provably holds the root.
    const epsilon = 2 ** -40 * Math.max(1, Math.abs(hint));
    const [left, right] = [dyadicFromNumber(hint - epsilon), dyadicFromNumber(hint + epsilon)];
    if (compareDyadic(a, left) < 0 && compareDyadic(left, right) < 0 && compareDyadic(right, b) < 0) {
      const [signLeft, signRight] = [signAt(q, left), signAt(q, right)];
      if (signLeft === 0) return { exact: [left.m, 1n << BigInt(left.k)] };
      if (signRight === 0) return { exact: [right.m, 1n << BigInt(right.k)] };
      if (signLeft !== signRight) {
        // The unique root of q in (a, b) lies in (left, right).
        [lo, hi, signB, moved] = [left, right, signRight, true];
      }
    }
  }
  // Invariant: r in (lo, hi), sign q(hi) = signB != 0; q has no other root in (lo, hi].
  // Since r is simple, q changes sign at r only: sign q(m) = signB iff r < m.
  const widthBits = Math.max(bitLength(a.m < 0n ? -a.m : a.m), bitLength(b.m < 0n ? -b.m : b.m)) + 1;
  const stepLimit = separationBits(q) + widthBits + 4 * tolerance.toString().length + 64;
  for (let step = 0; !moved || !narrowEnough(lo, hi, tolerance); step++) {
    if (step > stepLimit) throw new Error('internal: root refinement did not converge');
    const m = midpoint(lo, hi);
    const signM = signAt(q, m);
    if (signM === 0) return { exact: [m.m, 1n << BigInt(m.k)] };
    if (signM === signB) hi = m;
    else {
      lo = m;
      moved = true;
    }
  }
  const exact = simplestRationalRoot(q, lo, hi);
  return exact === undefined ? { lo, hi } : { exact };
}

/** A refined root: an exact rational u/v (v > 0), or an open dyadic interval holding it. */
type Refined = { readonly exact: readonly [bigint, bigint] } | { readonly lo: Dyadic; readonly hi: Dyadic };

/**
 * The simplest rational c in (lo, hi), if q(c) = 0 (c is then the root).
 * Skipped when c's denominator does not divide lc(q): a rational root u/v in
 * lowest terms of an integer polynomial has v | lc(q).
 */
function simplestRationalRoot(q: IntegerPolynomial, lo: Dyadic, hi: Dyadic): [bigint, bigint] | undefined {
  const [u, v] = simplestBetween(lo.m, 1n << BigInt(lo.k), hi.m, 1n << BigInt(hi.k));
  if (q[q.length - 1]! % v !== 0n) return undefined;
  return integerHomogeneousValue(q, u, v) === 0n ? [u, v] : undefined;
}

/**
 * The rational with the smallest denominator in the closed interval
 * [p1/q1, p2/q2] (q1, q2 > 0, p1/q1 <= p2/q2), by continued fractions.
 */
export function simplestBetween(p1: bigint, q1: bigint, p2: bigint, q2: bigint): [bigint, bigint] {
  if (p1 * q2 > p2 * q1) throw new RangeError('simplestBetween needs lo <= hi');
  if (p1 <= 0n && p2 >= 0n) return [0n, 1n];
  if (p2 < 0n) {
    const [u, v] = simplestBetween(-p2, q2, -p1, q1);
    return [-u, v];
  }
  // 0 < lo <= hi.
  const floorLo = p1 / q1;
  if (floorLo * q1 === p1) return [floorLo, 1n];
  if ((floorLo + 1n) * q2 <= p2) return [floorLo + 1n, 1n];
  // lo, hi in (f, f + 1): c = f + 1 / simplest(1 / (hi - f), 1 / (lo - f)).
  const [u, v] = simplestBetween(q2, p2 - floorLo * q2, q1, p1 - floorLo * q1);
  return [floorLo * u + v, u];
}

/** Multiplicity: the Yun factor that vanishes at the exact root or changes sign across (lo, hi). */
function multiplicityOf(factors: readonly IntegerPolynomial[], root: Refined): number {
  if (factors.length === 1) return 1;
  for (let index = 0; index < factors.length; index++) {
    const f = factors[index]!;
    if (f.length <= 1) continue;
    const found =
      'exact' in root
        ? integerHomogeneousValue(f, root.exact[0], root.exact[1]) === 0n
        : signAt(f, root.lo) !== signAt(f, root.hi);
    if (found) return index + 1;
  }
  throw new Error('internal: no squarefree factor vanishes at an isolated root');
}
