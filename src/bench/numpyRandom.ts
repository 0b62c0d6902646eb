/**
 * The float stream of numpy's `default_rng(seed)`, so that the float64
 * benchmark instance is the very matrix of the numpy reference workload.
 *
 * Main definitions
 * - `seedSequenceState(seed, words)`: numpy's `SeedSequence(seed).generate_state(words)`
 *   as 32-bit words (a uint64 word is two of them, least significant first).
 * - `NumpyRandom`: the PCG64 generator (XSL-RR output) seeded as
 *   `numpy.random.default_rng(seed)` seeds it, with `random()` (a double in [0, 1))
 *   and `uniform(low, high)` drawn as numpy draws them.
 *
 * Main statements
 * - For an integer seed 0 <= seed < 2^32, `new NumpyRandom(seed).uniform(a, b)`
 *   repeated gives the same doubles as `default_rng(seed).uniform(a, b, size)`
 *   read in C order (checked in the tests on values printed by numpy).
 *
 * Implementation details
 * SeedSequence hashes the entropy into a pool of four 32-bit words and draws
 * the PCG64 seed and increment from it (hash constants of numpy's
 * bit_generator). PCG64 steps a 128-bit LCG, state <- state * A + inc mod 2^128,
 * then outputs rotr64(high ^ low, state >> 122). The state is held as eight
 * 16-bit limbs in doubles, so the 36 limb products of one step and their
 * column sums (< 2^38) are exact. A double is (x >> 11) 2^-53, uniform(a, b)
 * is a + (b - a) * double. Not for cryptography.
 */

const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const POOL_SIZE = 4;

/** PCG64's default multiplier, and its 16-bit limbs M0 (least significant) .. M7. */
const MULTIPLIER_BIG = 0x2360ed051fc65da44385df649fccf645n;
const [M0, M1, M2, M3, M4, M5, M6, M7] = limbsOf(MULTIPLIER_BIG) as [number, number, number, number, number, number, number, number];
const TWO_TO_MINUS_53 = 2 ** -53;

/** numpy's SeedSequence(seed).generate_state(words, uint32) for 0 <= seed < 2^32. */
export function seedSequenceState(seed: number, words: number): number[] {
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) throw new RangeError(`seed must be an integer in [0, 2^32), got ${seed}`);
  const entropy = [seed >>> 0];
  let hashConst = INIT_A;
  const hashmix = (value: number): number => {
    value = (value ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_A) >>> 0;
    value = Math.imul(value, hashConst) >>> 0;
    return (value ^ (value >>> 16)) >>> 0;
  };
  const mix = (x: number, y: number): number => {
    const result = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
    return (result ^ (result >>> 16)) >>> 0;
  };
  const pool = Array.from({ length: POOL_SIZE }, (_, i) => hashmix(i < entropy.length ? entropy[i]! : 0));
  for (let source = 0; source < POOL_SIZE; source++) {
    for (let target = 0; target < POOL_SIZE; target++) {
      if (source !== target) pool[target] = mix(pool[target]!, hashmix(pool[source]!));
    }
  }
  let hash = INIT_B;
  return Array.from({ length: words }, (_, i) => {
    let value = (pool[i % POOL_SIZE]! ^ hash) >>> 0;
    hash = Math.imul(hash, MULT_B) >>> 0;
    value = Math.imul(value, hash) >>> 0;
    return (value ^ (value >>> 16)) >>> 0;
  });
}

export class NumpyRandom {
  // The 128-bit LCG state, 16-bit limbs s0 (least significant) .. s7; the increment likewise.
  private s0 = 0; private s1 = 0; private s2 = 0; private s3 = 0;
  private s4 = 0; private s5 = 0; private s6 = 0; private s7 = 0;
  private readonly increment: number[];

  /** Seeded as `numpy.random.default_rng(seed)`, 0 <= seed < 2^32. */
  constructor(seed: number) {
    const words = seedSequenceState(seed, 8).map((w) => BigInt(w));
    // uint64 words from little-endian pairs; PCG64 takes (seed high, seed low, inc high, inc low).
    const word = (k: number): bigint => (words[2 * k + 1]! << 32n) | words[2 * k]!;
    const initState = (word(0) << 64n) | word(1);
    const initSequence = (word(2) << 64n) | word(3);
    const mask = (1n << 128n) - 1n;
    const increment = ((initSequence << 1n) | 1n) & mask;
    let state = increment; // 0 * A + inc
    state = (state + initState) & mask;
    state = (state * MULTIPLIER_BIG + increment) & mask;
    [this.s0, this.s1, this.s2, this.s3, this.s4, this.s5, this.s6, this.s7] = limbsOf(state);
    this.increment = limbsOf(increment);
  }

  /** A double uniform in [0, 1): the top 53 bits of one 64-bit output. */
  random(): number {
    this.step();
    const low = ((this.s1 * 65536 + this.s0) ^ (this.s5 * 65536 + this.s4)) >>> 0;
    const high = ((this.s3 * 65536 + this.s2) ^ (this.s7 * 65536 + this.s6)) >>> 0;
    let rotation = this.s7 >>> 10; // state >> 122
    let lo = low;
    let hi = high;
    if (rotation >= 32) {
      lo = high;
      hi = low;
      rotation -= 32;
    }
    if (rotation > 0) {
      const newLo = ((lo >>> rotation) | (hi << (32 - rotation))) >>> 0;
      hi = ((hi >>> rotation) | (lo << (32 - rotation))) >>> 0;
      lo = newLo;
    }
    // (x >> 11) as an exact double, then scaled by 2^-53.
    return (hi * 2 ** 21 + (lo >>> 11)) * TWO_TO_MINUS_53;
  }

  /** low + (high - low) * random(), as numpy's Generator.uniform. */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.random();
  }

  /** state <- state * A + inc mod 2^128: column sums of limb products (< 2^38, exact), carries by 2^16. */
  private step(): void {
    const { s0, s1, s2, s3, s4, s5, s6, s7 } = this;
    const inc = this.increment;
    let c = s0 * M0 + inc[0]!;
    let carry = Math.floor(c / 65536);
    this.s0 = c - carry * 65536;
    c = carry + s0 * M1 + s1 * M0 + inc[1]!;
    carry = Math.floor(c / 65536);
    this.s1 = c - carry * 65536;
    c = carry + s0 * M2 + s1 * M1 + s2 * M0 + inc[2]!;
    carry = Math.floor(c / 65536);
    this.s2 = c - carry * 65536;
    c = carry + s0 * M3 + s1 * M2 + s2 * M1 + s3 * M0 + inc[3]!;
    carry = Math.floor(c / 65536);
    this.s3 = c - carry * 65536;
    c = carry + s0 * M4 + s1 * M3 + s2 * M2 + s3 * M1 + s4 * M0 + inc[4]!;
    carry = Math.floor(c / 65536);
    this.s4 = c - carry * 65536;
    c = carry + s0 * M5 + s1 * M4 + s2 * M3 + s3 * M2 + s4 * M1 + s5 * M0 + inc[5]!;
    carry = Math.floor(c / 65536);
    this.s5 = c - carry * 65536;
    c = carry + s0 * M6 + s1 * M5 + s2 * M4 + s3 * M3 + s4 * M2 + s5 * M1 + s6 * M0 + inc[6]!;
    carry = Math.floor(c / 65536);
    this.s6 = c - carry * 65536;
    c = carry + s0 * M7 + s1 * M6 + s2 * M5 + s3 * M4 + s4 * M3 + s5 * M2 + s6 * M1 + s7 * M0 + inc[7]!;
    this.s7 = c - Math.floor(c / 65536) * 65536;
  }
}

function limbsOf(value: bigint): number[] {
  return Array.from({ length: 8 }, (_, k) => Number((value >> BigInt(16 * k)) & 0xffffn));
}
