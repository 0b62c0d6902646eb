/**
 * The float stream of numpy's `default_rng(seed)`, so that the float64
 * benchmark instance is the very matrix of the numpy reference workload.
 *
 * Main definitions
 * - `seedSequenceState(seed, words)`: numpy's `SeedSequence(seed).generate_state(words)`
 *   as 32-bit words (a uint64 word is two of them, least significant first).
 * - `NumpyRandom`: the PCG64 generator (XSL-RR output) seeded as
 *   `numpy.random.default_rng(seed)` seeds it, with `random()` (a double in [0, 1)),
 *   `uniform(low, high)` and `fillUniform(target, low, high)` (that many
 *   uniform draws in a row) drawn as numpy draws them; `nextUint32()` and
 *   `fillIntegers(target, low, high)` (numpy's `integers(low, high, size)`,
 *   Lemire's method on 32-bit words) for the integer draws of W6.
 *
 * Main statements
 * - For an integer seed 0 <= seed < 2^32, `new NumpyRandom(seed).uniform(a, b)`
 *   repeated, or `fillUniform`, gives the same doubles as
 *   `default_rng(seed).uniform(a, b, size)` read in C order (checked in the
 *   tests on values printed by numpy and against a plain 128-bit model).
 *
 * Implementation details
 * SeedSequence hashes the entropy into a pool of four 32-bit words and draws
 * the PCG64 seed and increment from it (hash constants of numpy's
 * bit_generator). PCG64 steps a 128-bit LCG, state <- state * A + inc mod 2^128,
 * then outputs rotr64(high ^ low, state >> 122). A state is held as six 24-bit
 * limbs in doubles (the top one 8 bits), so the 21 limb products of one step
 * and their column sums (< 2^51) are exact. One step waits on the previous
 * one through a chain of carries; to keep the processor busy the generator
 * holds `LANES` consecutive states, each advanced by the jumped LCG
 * state <- state * A^LANES + inc (A^(LANES-1) + ... + 1), and draws from them
 * in turn, two lanes per loop pass with their carry chains interleaved: the
 * same sequence of states, hence the same outputs. Draws come in pairs; a
 * single draw keeps the pair's second double for the next one. A double is
 * (x >> 11) 2^-53, uniform(a, b) is a + (b - a) * double. Not for cryptography.
 */

const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const POOL_SIZE = 4;

/** PCG64's default multiplier. */
const MULTIPLIER = 0x2360ed051fc65da44385df649fccf645n;
const MASK_128 = (1n << 128n) - 1n;
/** Consecutive states stepped side by side (module comment); even. */
const LANES = 4;
/** Pairs of draws per call of `drawPairs` from `fillUniform`. */
const PAIRS_PER_CALL = 1024;
const LIMBS = 6;
const LIMB = 2 ** 24;
const INVERSE_LIMB = 2 ** -24;
const TOP_LIMB = 2 ** 8;
const INVERSE_TOP_LIMB = 2 ** -8;
const TWO_TO_MINUS_53 = 2 ** -53;

/** numpy's SeedSequence(seed).generate_state(words, uint32) for 0 <= seed < 2^32. */
export function seedSequenceState(seed: number, words: number): number[] {
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32)
    throw new RangeError(`seed must be an integer in [0, 2^32), got ${seed}`);
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
  /**
   * LANES states of six 24-bit limbs each (least significant first), drawn
   * from two at a time: lanes `lane` and `lane + 1` hold the states of the
   * next two outputs, the other pair those of the two after.
   */
  private readonly lanes = new Float64Array(LANES * LIMBS);
  private lane = 0;
  /** The second double of a pair whose first was used, or -1 when there is none. */
  private pending = -1;
  /** The limbs of A^LANES, then those of inc (A^(LANES-1) + ... + 1): LANES steps at once. */
  private readonly jump = new Float64Array(2 * LIMBS);
  private readonly pair = new Float64Array(2);

  /** Seeded as `numpy.random.default_rng(seed)`, 0 <= seed < 2^32. */
  constructor(seed: number) {
    const words = seedSequenceState(seed, 8).map((w) => BigInt(w));
    // uint64 words from little-endian pairs; PCG64 takes (seed high, seed low, inc high, inc low).
    const word = (k: number): bigint => (words[2 * k + 1]! << 32n) | words[2 * k]!;
    const initState = (word(0) << 64n) | word(1);
    const initSequence = (word(2) << 64n) | word(3);
    const increment = ((initSequence << 1n) | 1n) & MASK_128;
    const step = (state: bigint): bigint => (state * MULTIPLIER + increment) & MASK_128;
    // Seeding: state <- 0 * A + inc, plus the seed, then one step; each output is drawn after a step.
    let state = step((increment + initState) & MASK_128);
    let jumpMultiplier = 1n;
    let jumpIncrement = 0n;
    for (let lane = 0; lane < LANES; lane++) {
      state = step(state);
      this.lanes.set(limbsOf(state), lane * LIMBS);
      jumpMultiplier = (jumpMultiplier * MULTIPLIER) & MASK_128;
      jumpIncrement = step(jumpIncrement);
    }
    this.jump.set(limbsOf(jumpMultiplier), 0);
    this.jump.set(limbsOf(jumpIncrement), LIMBS);
  }

  /** A double uniform in [0, 1): the top 53 bits of one 64-bit output. */
  random(): number {
    const pending = this.pending;
    if (pending >= 0) {
      this.pending = -1;
      return pending;
    }
    if (this.wordsLeft > 0 || this.pendingWord >= 0)
      throw new Error('NumpyRandom: doubles right after 32-bit draws are not supported');
    this.drawPairs(this.pair, 0, 1, 0, 1);
    this.pending = this.pair[1]!;
    return this.pair[0]!;
  }

  /** low + (high - low) * random(), as numpy's Generator.uniform. */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.random();
  }

  /** target[k] <- uniform(low, high) for k = 0, 1, ... in turn. */
  fillUniform(target: Float64Array, low: number, high: number): void {
    if (this.wordsLeft > 0 || this.pendingWord >= 0)
      throw new Error('NumpyRandom: doubles right after 32-bit draws are not supported');
    const span = high - low;
    let k = 0;
    if (this.pending >= 0 && target.length > 0) target[k++] = low + span * this.random();
    // Pairs in chunks: many short calls let the engine optimize `drawPairs` as a whole.
    for (let pairs = (target.length - k) >> 1; pairs > 0; pairs -= PAIRS_PER_CALL) {
      const chunk = Math.min(pairs, PAIRS_PER_CALL);
      this.drawPairs(target, k, chunk, low, span);
      k += 2 * chunk;
    }
    if (k < target.length) target[k] = low + span * this.random();
  }

  /** Raw 64-bit outputs drawn in a pair and not yet used, as (low word, high word) pairs. */
  private readonly words = new Uint32Array(4);
  private wordsLeft = 0;
  /** The high word of an output whose low word `nextUint32` returned (numpy's has_uint32), or -1. */
  private pendingWord = -1;

  /**
   * numpy's bit generator `next_uint32` for PCG64: the low 32 bits of the next
   * 64-bit output, and on the following call its high 32 bits.
   */
  nextUint32(): number {
    if (this.pendingWord >= 0) {
      const word = this.pendingWord;
      this.pendingWord = -1;
      return word;
    }
    if (this.wordsLeft === 0) {
      if (this.pending >= 0)
        throw new Error('NumpyRandom: 32-bit draws right after an odd number of doubles are not supported');
      this.rawOutputs();
      this.wordsLeft = 2;
    }
    const at = this.wordsLeft === 2 ? 0 : 2;
    this.wordsLeft--;
    this.pendingWord = this.words[at + 1]!;
    return this.words[at]!;
  }

  /**
   * target[k] <- numpy's `Generator.integers(low, high, size)` (int64, high
   * exclusive) in turn, for 1 <= high - low <= 2^21: Lemire's bounded draw on
   * `nextUint32` (numpy's buffered_bounded_lemire_uint32; high - low = 1 draws nothing).
   */
  fillIntegers(target: Int32Array | Float64Array, low: number, high: number): void {
    const rangeExclusive = high - low;
    // the product of a 32-bit word and the range is exact in a double while the range is below 2^21
    if (!Number.isInteger(low) || !Number.isInteger(high) || rangeExclusive < 1 || rangeExclusive > 2 ** 21)
      throw new RangeError(`fillIntegers needs integers with 1 <= high - low <= 2^21 (got ${low}, ${high})`);
    if (rangeExclusive === 1) {
      target.fill(low);
      return;
    }
    const threshold = (2 ** 32 - rangeExclusive) % rangeExclusive; // (UINT32_MAX - rng) % rng_excl, rng = range - 1
    for (let k = 0; k < target.length; k++) {
      let product = this.nextUint32() * rangeExclusive;
      let leftover = product % 2 ** 32;
      if (leftover < rangeExclusive) {
        while (leftover < threshold) {
          product = this.nextUint32() * rangeExclusive;
          leftover = product % 2 ** 32;
        }
      }
      target[k] = low + Math.floor(product / 2 ** 32);
    }
  }

  /** The next two 64-bit outputs into `words` (low, high, low, high); both lanes jump. */
  private rawOutputs(): void {
    const lanes = this.lanes;
    for (let half = 0; half < 2; half++) {
      const b = (this.lane + half) * LIMBS;
      outputWords(
        lanes[b]!,
        lanes[b + 1]!,
        lanes[b + 2]!,
        lanes[b + 3]!,
        lanes[b + 4]!,
        lanes[b + 5]!,
        this.words,
        2 * half,
      );
      this.jumpLane(b);
    }
    this.lane = this.lane + 2 === LANES ? 0 : this.lane + 2;
  }

  /** One lane jumps LANES steps (the arithmetic of `drawPairs`, one lane). */
  private jumpLane(b: number): void {
    const lanes = this.lanes;
    const jump = this.jump;
    const a = Array.from({ length: LIMBS }, (_, k) => lanes[b + k]!);
    let carry = 0;
    for (let column = 0; column < LIMBS; column++) {
      let c = carry + jump[LIMBS + column]!;
      for (let k = 0; k <= column; k++) c += a[k]! * jump[column - k]!;
      if (column === LIMBS - 1) {
        lanes[b + column] = c - Math.floor(c * INVERSE_TOP_LIMB) * TOP_LIMB;
      } else {
        carry = Math.floor(c * INVERSE_LIMB);
        lanes[b + column] = c - carry * LIMB;
      }
    }
  }

  /**
   * target[offset + k] <- low + span * (the next double), for 2 * pairs
   * draws; the two lanes of a pair step side by side, their carry chains
   * interleaved (module comment).
   */
  private drawPairs(target: Float64Array, offset: number, pairs: number, low: number, span: number): void {
    const lanes = this.lanes;
    const jump = this.jump;
    const m0 = jump[0]!,
      m1 = jump[1]!,
      m2 = jump[2]!,
      m3 = jump[3]!,
      m4 = jump[4]!,
      m5 = jump[5]!;
    const i0 = jump[6]!,
      i1 = jump[7]!,
      i2 = jump[8]!,
      i3 = jump[9]!,
      i4 = jump[10]!,
      i5 = jump[11]!;
    let lane = this.lane;
    for (let p = 0; p < pairs; p++) {
      const b = lane * LIMBS;
      const d = b + LIMBS;
      const a0 = lanes[b]!,
        a1 = lanes[b + 1]!,
        a2 = lanes[b + 2]!,
        a3 = lanes[b + 3]!,
        a4 = lanes[b + 4]!,
        a5 = lanes[b + 5]!;
      const e0 = lanes[d]!,
        e1 = lanes[d + 1]!,
        e2 = lanes[d + 2]!,
        e3 = lanes[d + 3]!,
        e4 = lanes[d + 4]!,
        e5 = lanes[d + 5]!;
      target[offset + 2 * p] = low + span * outputDouble(a0, a1, a2, a3, a4, a5);
      target[offset + 2 * p + 1] = low + span * outputDouble(e0, e1, e2, e3, e4, e5);
      // Both lanes jump LANES steps: column sums of limb products (< 2^51, exact), carries by 2^24.
      let c = a0 * m0 + i0;
      let f = e0 * m0 + i0;
      let carryC = Math.floor(c * INVERSE_LIMB);
      let carryF = Math.floor(f * INVERSE_LIMB);
      lanes[b] = c - carryC * LIMB;
      lanes[d] = f - carryF * LIMB;
      c = carryC + a0 * m1 + a1 * m0 + i1;
      f = carryF + e0 * m1 + e1 * m0 + i1;
      carryC = Math.floor(c * INVERSE_LIMB);
      carryF = Math.floor(f * INVERSE_LIMB);
      lanes[b + 1] = c - carryC * LIMB;
      lanes[d + 1] = f - carryF * LIMB;
      c = carryC + a0 * m2 + a1 * m1 + a2 * m0 + i2;
      f = carryF + e0 * m2 + e1 * m1 + e2 * m0 + i2;
      carryC = Math.floor(c * INVERSE_LIMB);
      carryF = Math.floor(f * INVERSE_LIMB);
      lanes[b + 2] = c - carryC * LIMB;
      lanes[d + 2] = f - carryF * LIMB;
      c = carryC + a0 * m3 + a1 * m2 + a2 * m1 + a3 * m0 + i3;
      f = carryF + e0 * m3 + e1 * m2 + e2 * m1 + e3 * m0 + i3;
      carryC = Math.floor(c * INVERSE_LIMB);
      carryF = Math.floor(f * INVERSE_LIMB);
      lanes[b + 3] = c - carryC * LIMB;
      lanes[d + 3] = f - carryF * LIMB;
      c = carryC + a0 * m4 + a1 * m3 + a2 * m2 + a3 * m1 + a4 * m0 + i4;
      f = carryF + e0 * m4 + e1 * m3 + e2 * m2 + e3 * m1 + e4 * m0 + i4;
      carryC = Math.floor(c * INVERSE_LIMB);
      carryF = Math.floor(f * INVERSE_LIMB);
      lanes[b + 4] = c - carryC * LIMB;
      lanes[d + 4] = f - carryF * LIMB;
      c = carryC + a0 * m5 + a1 * m4 + a2 * m3 + a3 * m2 + a4 * m1 + a5 * m0 + i5;
      f = carryF + e0 * m5 + e1 * m4 + e2 * m3 + e3 * m2 + e4 * m1 + e5 * m0 + i5;
      lanes[b + 5] = c - Math.floor(c * INVERSE_TOP_LIMB) * TOP_LIMB;
      lanes[d + 5] = f - Math.floor(f * INVERSE_TOP_LIMB) * TOP_LIMB;
      lane = lane + 2 === LANES ? 0 : lane + 2;
    }
    this.lane = lane;
  }
}

/**
 * PCG64's output for the state with 24-bit limbs s0..s5, as a double in [0, 1):
 * the 32-bit words of the low and high 64 bits, xored, rotated right by
 * state >> 122 without branches (the rotation is random): swap the words when
 * it is 32 or more, then rotate by its low five bits (shifting by 1 + (31 - r)
 * so that r = 0 shifts everything out); then (x >> 11) 2^-53.
 */
function outputDouble(s0: number, s1: number, s2: number, s3: number, s4: number, s5: number): number {
  let lo = (s0 | (s1 << 24)) ^ ((s2 >>> 16) | (s3 << 8));
  let hi = ((s1 >>> 8) | (s2 << 16)) ^ (s4 | (s5 << 24));
  const rotation = s5 >>> 2;
  const swap = (lo ^ hi) & -(rotation >>> 5);
  lo ^= swap;
  hi ^= swap;
  const right = rotation & 31;
  const left = 31 - right;
  const rotatedLo = (lo >>> right) | ((hi << 1) << left);
  const rotatedHi = (hi >>> right) | ((lo << 1) << left);
  return ((rotatedHi >>> 0) * 2 ** 21 + (rotatedLo >>> 11)) * TWO_TO_MINUS_53;
}

/** PCG64's 64-bit output for the state s0..s5 as two 32-bit words (low, high) into out[at], out[at + 1] (see `outputDouble`). */
function outputWords(
  s0: number,
  s1: number,
  s2: number,
  s3: number,
  s4: number,
  s5: number,
  out: Uint32Array,
  at: number,
): void {
  let lo = (s0 | (s1 << 24)) ^ ((s2 >>> 16) | (s3 << 8));
  let hi = ((s1 >>> 8) | (s2 << 16)) ^ (s4 | (s5 << 24));
  const rotation = s5 >>> 2;
  const swap = (lo ^ hi) & -(rotation >>> 5);
  lo ^= swap;
  hi ^= swap;
  const right = rotation & 31;
  const left = 31 - right;
  out[at] = (lo >>> right) | ((hi << 1) << left);
  out[at + 1] = (hi >>> right) | ((lo << 1) << left);
}

/** Six limbs of 24 bits (the last one 8 bits) of a value below 2^128, least significant first. */
function limbsOf(value: bigint): number[] {
  return Array.from({ length: LIMBS }, (_, k) =>
    Number((value >> BigInt(24 * k)) & (k === LIMBS - 1 ? 0xffn : 0xffffffn)),
  );
}
