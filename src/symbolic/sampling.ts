/**
 * Seeded sample points for identity certification.
 *
 * Main definitions
 * - `PointStream`: a deterministic stream of uniform integers (xoshiro128**,
 *   state seeded from a 32-bit seed by splitmix32).
 * - `SampleSet`: a finite set of rationals inside a declared domain, indexed
 *   0..size-1; `RATIONAL_SETS` (2^32 elements each, for Schwartz-Zippel) and
 *   `INTERVAL_SETS` (small, moderate values, for transcendental residuals).
 *
 * Implementation details
 * Uniformity matters for the Schwartz-Zippel bound, so indices are drawn by
 * rejection (no modulo bias). The large sets are
 *   positive    j / 2^16,               j = 1 .. 2^32
 *   probability j / (2^32 + 1),         j = 1 .. 2^32      (inside (0, 1))
 *   real        j / 2^16,               j = -2^31 .. 2^31 - 1
 *   nonzero     +-j / 2^16,             j = 1 .. 2^31
 * The interval sets keep exp(r / beta) and the like within a few dozen digits:
 *   positive j/8 (j = 1..32), probability j/32 (j = 1..31),
 *   real j/8 (j = -32..32), nonzero the same without 0.
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
    const s = this.state;
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
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
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

export interface SampleSet {
  readonly size: number;
  /** The element of index j, 0 <= j < size. */
  element(j: number): Rational;
  readonly description: string;
}

const TWO16 = 65536n;
const TWO31 = 2n ** 31n;
const TWO32 = 2n ** 32n;

export const RATIONAL_SETS: Readonly<Record<Domain, SampleSet>> = {
  positive: {
    size: 2 ** 32,
    element: (j) => new Rational(BigInt(j) + 1n, TWO16),
    description: 'j/2^16, j = 1..2^32',
  },
  probability: {
    size: 2 ** 32,
    element: (j) => new Rational(BigInt(j) + 1n, TWO32 + 1n),
    description: 'j/(2^32+1), j = 1..2^32',
  },
  real: {
    size: 2 ** 32,
    element: (j) => new Rational(BigInt(j) - TWO31, TWO16),
    description: 'j/2^16, j = -2^31..2^31-1',
  },
  nonzero: {
    size: 2 ** 32,
    element: (j) => {
      const k = BigInt(j);
      return k < TWO31 ? new Rational(-(k + 1n), TWO16) : new Rational(k - TWO31 + 1n, TWO16);
    },
    description: '+-j/2^16, j = 1..2^31',
  },
};

export const INTERVAL_SETS: Readonly<Record<Domain, SampleSet>> = {
  positive: { size: 32, element: (j) => new Rational(BigInt(j) + 1n, 8n), description: 'j/8, j = 1..32' },
  probability: { size: 31, element: (j) => new Rational(BigInt(j) + 1n, 32n), description: 'j/32, j = 1..31' },
  real: { size: 65, element: (j) => new Rational(BigInt(j) - 32n, 8n), description: 'j/8, j = -32..32' },
  nonzero: {
    size: 64,
    element: (j) => (j < 32 ? new Rational(-BigInt(j) - 1n, 8n) : new Rational(BigInt(j) - 31n, 8n)),
    description: '+-j/8, j = 1..32',
  },
};

/** The smallest set size over the domains in use (the |S| of Schwartz-Zippel). */
export function smallestSetSize(sets: Readonly<Record<Domain, SampleSet>>, domains: Iterable<Domain>): number {
  let smallest = Infinity;
  for (const domain of domains) smallest = Math.min(smallest, sets[domain].size);
  return smallest;
}
