/**
 * The integer stream of Python's `random.Random(seed)`, so that the benchmark
 * instances are the very instances of the Python reference workloads.
 *
 * Main definitions
 * - `PythonRandom`: Mersenne Twister MT19937 seeded as CPython seeds it from a
 *   non-negative integer, with `randint(a, b)` drawn as CPython draws it.
 *
 * Main statements
 * - For a non-negative integer seed below 2^53, `new PythonRandom(s)` yields
 *   the same `randint` values as CPython 3's `random.Random(s).randint`
 *   (checked in the tests on values printed by CPython).
 *
 * Implementation details
 * CPython turns an integer seed into its 32-bit words, least significant
 * first, and calls MT19937's `init_by_array` on them. `randint(a, b)` is
 * `a + randbelow(b - a + 1)`, where `randbelow(m)` draws k = bitLength(m) bits
 * (the top k bits of one 32-bit output, k <= 32) and rejects draws >= m. All
 * arithmetic is on 32-bit words with Math.imul, so it is exact. Not for
 * cryptography.
 */

const N = 624;
const M = 397;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
const MATRIX_A = 0x9908b0df;

export class PythonRandom {
  private readonly state = new Uint32Array(N);
  private index = N + 1;

  /** Seeded as `random.Random(seed)` for an integer 0 <= seed < 2^53. */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0)
      throw new RangeError(`seed must be a safe non-negative integer, got ${seed}`);
    const key = seed < 2 ** 32 ? [seed] : [seed % 2 ** 32, Math.floor(seed / 2 ** 32)];
    this.initByArray(key);
  }

  /** One 32-bit output (MT19937 genrand_uint32). */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.state[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A uniform integer in [a, b] (b - a + 1 < 2^32), drawn as CPython's randint. */
  randint(a: number, b: number): number {
    const range = b - a + 1;
    if (!Number.isInteger(a) || !Number.isInteger(b) || range < 1 || range >= 2 ** 32) {
      throw new RangeError(`randint needs integers a <= b with b - a + 1 < 2^32, got ${a}, ${b}`);
    }
    const k = bitLength(range);
    for (;;) {
      const draw = this.nextUint32() >>> (32 - k);
      if (draw < range) return a + draw;
    }
  }

  private initGenrand(seed: number): void {
    const mt = this.state;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const previous = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = (Math.imul(1812433253, previous) + i) >>> 0;
    }
    this.index = N;
  }

  private initByArray(key: readonly number[]): void {
    const mt = this.state;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const previous = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(previous, 1664525)) + key[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const previous = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(previous, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.index = N;
  }

  private twist(): void {
    const mt = this.state;
    for (let k = 0; k < N; k++) {
      const y = (mt[k]! & UPPER_MASK) | (mt[(k + 1) % N]! & LOWER_MASK);
      mt[k] = mt[(k + M) % N]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    this.index = 0;
  }
}

/** Bits of m, 1 <= m < 2^32. */
function bitLength(m: number): number {
  return 32 - Math.clz32(m);
}
