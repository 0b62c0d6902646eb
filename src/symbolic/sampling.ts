/**
 * Seeded sample points for identity certification: fresh random rationals.
 *
 * Main definitions
 * - `PointStream`: a deterministic stream of uniform integers (xoshiro128**,
 *   state seeded from a 32-bit seed by splitmix32); `below(n)` for n <= 2^32,
 *   `belowBig(n)` for any bigint n >= 1.
 * - `drawValue(domain, stream)`: a random rational p/q inside a declared
 *   domain. The denominator q is uniform in [2^30 + 1, 2^31]; given q, the
 *   numerator p is uniform in
 *     probability  1 <= p <= q - 1             (0 < x < 1)
 *     positive     ceil(q/4) <= p <= 4q         (1/4 <= x <= 4)
 *     real         -4q <= p <= 4q               (-4 <= x <= 4)
 *     nonzero      -4q <= p <= 4q, p != 0
 * - `pointMassBound(domains)`: the `N` of the statement below for a list of
 *   domains (the smallest over them).
 *
 * Main statements
 * - Point mass. For a fixed value v and a fixed q at most one numerator gives
 *   p/q = v, so P(x = v) <= max over q of 1/#numerators(q) = 1/N(domain), with
 *   #numerators(q) increasing in q, hence N(domain) = #numerators(2^30 + 1):
 *   2^30 for probability, more for the others. This is what the
 *   Schwartz-Zippel lemma needs (certify.ts): for independent coordinates each
 *   taking any single value with probability <= 1/N, a nonzero polynomial of
 *   total degree d vanishes with probability <= d/N (the usual induction on
 *   the variables, a univariate polynomial of degree <= d having <= d roots).
 *
 * Implementation details
 * Uniformity inside each range matters for that bound, so integers are drawn
 * by rejection (no modulo bias). The values are bounded (|x| <= 4, positive
 * values >= 1/4) so that exp(r / beta) and the like stay within a few dozen
 * digits: interval evaluation must resolve the cancellations of such terms.
 * The points come from a seeded stream standing in for independent uniform
 * draws; the same seed gives the same points.
 */
import { Rational } from '../arith/rational.js';
import type { Domain } from './expression.js';

export class PointStream {
  private readonly state: Uint32Array;

  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
    this.state = new Uint32Array(4);
    // splitmix32 expands the seed into a nonzero 128-bit state.
    let x = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      this.state[i] = (z ^ (z >>> 16)) >>> 0;
    }
    if (this.state.every((word) => word === 0)) this.state[0] = 1;
  }

  /** Next uniform 32-bit unsigned integer (xoshiro128**). */
  nextUint32(): number {
    // The state has exactly four words (constructor): indices 0..3 are always present.
    const s = this.state;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1]! << 9) >>> 0;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  }

  /** Uniform integer in [0, size), size <= 2^32, by rejection. */
  below(size: number): number {
    if (!(Number.isSafeInteger(size) && size >= 1 && size <= 2 ** 32)) throw new RangeError(`bad range size ${size}`);
    if (size === 2 ** 32) return this.nextUint32();
    const limit = 2 ** 32 - (2 ** 32 % size); // largest multiple of size not above 2^32
    for (;;) {
      const value = this.nextUint32();
      if (value < limit) return value % size;
    }
  }

  /** Uniform bigint in [0, size), size >= 1, by rejection on whole 32-bit words. */
  belowBig(size: bigint): bigint {
    if (size < 1n) throw new RangeError(`bad range size ${size}`);
    if (size <= 2n ** 32n) return BigInt(this.below(Number(size)));
    let words = 0;
    while (1n << BigInt(32 * words) < size) words++;
    const span = 1n << BigInt(32 * words);
    const limit = span - (span % size);
    for (;;) {
      let value = 0n;
      for (let i = 0; i < words; i++) value = (value << 32n) | BigInt(this.nextUint32());
      if (value < limit) return value % size;
    }
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

const DENOMINATOR_MIN = 2n ** 30n + 1n;
const DENOMINATOR_COUNT = 2 ** 30;
/** |x| <= BOUND, and positive values >= 1/BOUND. */
const BOUND = 4n;

/** Smallest numerator and number of numerators for denominator q (nonzero: 0 is skipped). */
function numerators(domain: Domain, q: bigint): { first: bigint; count: bigint } {
  switch (domain) {
    case 'probability':
      return { first: 1n, count: q - 1n };
    case 'positive': {
      const first = (q + BOUND - 1n) / BOUND;
      return { first, count: BOUND * q - first + 1n };
    }
    case 'real':
      return { first: -BOUND * q, count: 2n * BOUND * q + 1n };
    case 'nonzero':
      return { first: -BOUND * q, count: 2n * BOUND * q };
  }
}

/** A random rational in `domain` (module comment). */
export function drawValue(domain: Domain, stream: PointStream): Rational {
  const q = DENOMINATOR_MIN + BigInt(stream.below(DENOMINATOR_COUNT));
  const { first, count } = numerators(domain, q);
  let p = first + stream.belowBig(count);
  if (domain === 'nonzero' && p >= 0n) p += 1n;
  return new Rational(p, q);
}

/** N(domain): every value has probability <= 1/N(domain). */
export function pointMassBound(domain: Domain): bigint {
  return numerators(domain, DENOMINATOR_MIN).count;
}

/** The smallest N over the domains in use (all four when none is given). */
export function smallestPointMassBound(domains: Iterable<Domain>): bigint {
  let smallest: bigint | undefined;
  for (const domain of domains) {
    const n = pointMassBound(domain);
    if (smallest === undefined || n < smallest) smallest = n;
  }
  return smallest ?? pointMassBound('probability');
}

/** A description of the draw, for certificates. */
export const DRAW_DESCRIPTION =
  'p/q with q uniform in [2^30+1, 2^31] and p uniform given q: probability 1..q-1, ' +
  'positive ceil(q/4)..4q, real -4q..4q, nonzero the same without 0';
