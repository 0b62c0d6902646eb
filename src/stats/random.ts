/**
 * A small seeded pseudo-random generator and the samplers the simulations need.
 *
 * Main definitions
 * - `Random`: uniform doubles in [0, 1) and integers in [0, n).
 * - `createRandom(seed)`: a deterministic generator (xoshiro128**, state seeded by splitmix32).
 * - `sampleCategorical(random, probabilities)`, `sampleMultinomial(random, trials, probabilities)`.
 *
 * Implementation details
 * xoshiro128** (Blackman and Vigna) on four 32-bit words with Math.imul; period 2^128 - 1.
 * A double uses 53 random bits from two outputs. The same seed gives the same stream on
 * every platform (only 32-bit integer operations are involved). Not for cryptography.
 */

export interface Random {
  /** Uniform in [0, 1), 53 random bits. */
  next(): number;
  /** Uniform integer in [0, n), n a positive safe integer. */
  int(n: number): number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;

/** A deterministic generator from a 32-bit integer seed (other numbers are reduced mod 2^32). */
export function createRandom(seed: number): Random {
  const init = splitmix32(seed);
  const s: number[] = [init(), init(), init(), init()];
  if (s[0] === 0 && s[1] === 0 && s[2] === 0 && s[3] === 0) s[0] = 1;
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s[1]!, 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1]! << 9) >>> 0;
    s[2] = (s[2]! ^ s[0]!) >>> 0;
    s[3] = (s[3]! ^ s[1]!) >>> 0;
    s[1] = (s[1]! ^ s[2]) >>> 0;
    s[0] = (s[0]! ^ s[3]) >>> 0;
    s[2] = (s[2] ^ t) >>> 0;
    s[3] = rotl(s[3], 11);
    return result;
  };
  const next = (): number => {
    const high = nextUint32() >>> 5; // 27 bits
    const low = nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  };
  return {
    next,
    int(n: number): number {
      if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`random.int: bound ${n} must be a positive integer`);
      return Math.floor(next() * n);
    },
  };
}

/** One draw from the law `probabilities` (non-negative, summing to 1 up to rounding): an index. */
export function sampleCategorical(random: Random, probabilities: readonly number[]): number {
  const u = random.next();
  let cumulative = 0;
  for (let i = 0; i < probabilities.length; i++) {
    cumulative += probabilities[i]!;
    if (u < cumulative) return i;
  }
  // rounding left the total a hair below 1: fall back to the last index with positive mass
  for (let i = probabilities.length - 1; i >= 0; i--) if (probabilities[i]! > 0) return i;
  throw new RangeError('sampleCategorical: no positive probability');
}

/** Counts of `trials` independent categorical draws. */
export function sampleMultinomial(random: Random, trials: number, probabilities: readonly number[]): number[] {
  const counts = new Array<number>(probabilities.length).fill(0);
  for (let t = 0; t < trials; t++) counts[sampleCategorical(random, probabilities)]! += 1;
  return counts;
}
