/**
 * The benchmark's random streams reproduce the reference implementations:
 * expected values were printed by CPython 3.11 (`random.Random(seed).randint`)
 * and numpy 2.4 (`SeedSequence(seed).generate_state`, `default_rng(seed)`).
 * The batched PCG64 (limbs, lanes, pairs) is also checked draw by draw
 * against a plain 128-bit model of PCG64 written here with BigInt.
 */
import { describe, expect, it } from 'vitest';
import { NumpyRandom, seedSequenceState } from '../../src/bench/numpyRandom.js';
import { PythonRandom } from '../../src/bench/pythonRandom.js';

describe('PythonRandom', () => {
  it('draws randint as CPython does', () => {
    const one = new PythonRandom(1);
    expect(Array.from({ length: 10 }, () => one.randint(1, 64))).toEqual([18, 9, 33, 16, 64, 58, 61, 49, 27, 13]);
    const two = new PythonRandom(2);
    expect(Array.from({ length: 5 }, () => two.randint(1, 64))).toEqual([8, 12, 11, 47, 22]);
    expect(Array.from({ length: 5 }, () => two.randint(1, 9))).toEqual([5, 5, 4, 1, 3]);
  });

  it('seeds from integers above 2^32 as CPython does (two key words)', () => {
    const big = new PythonRandom(2 ** 40 + 5);
    expect(Array.from({ length: 3 }, () => big.randint(1, 64))).toEqual([35, 4, 6]);
  });

  it('rejects bad arguments', () => {
    expect(() => new PythonRandom(-1)).toThrow(RangeError);
    expect(() => new PythonRandom(1).randint(3, 2)).toThrow(RangeError);
  });
});

describe('NumpyRandom', () => {
  it('hashes seeds as SeedSequence does', () => {
    expect(seedSequenceState(3, 8)).toEqual([
      1576890651, 2902887791, 607385081, 2997055210, 20691373, 3548519947, 3811925775, 392971717,
    ]);
    expect(seedSequenceState(12345, 4)).toEqual([2688385916, 3048105090, 4196366895, 3152189807]);
  });

  it('draws the doubles of default_rng(seed), bit for bit', () => {
    const three = new NumpyRandom(3);
    expect([three.uniform(0.01, 1), three.uniform(0.01, 1)]).toEqual([0.09479267547218811, 0.24444240153013871]);
    expect([three.uniform(0.1, 10), three.uniform(0.1, 10)]).toEqual([8.03261720554333, 5.863404157037241]);
    const other = new NumpyRandom(12345);
    expect([other.random(), other.random(), other.random()]).toEqual([
      0.22733602246716966, 0.31675833970975287, 0.7973654573327341,
    ]);
  });

  it('fills arrays with the doubles numpy draws far into the W3 stream', () => {
    // default_rng(3).uniform(0.01, 1, (1000, 1000)) flattened, then uniform(0.1, 10, 1000)
    const random = new NumpyRandom(3);
    const conductance = new Float64Array(1_000_000);
    random.fillUniform(conductance, 0.01, 1);
    expect([conductance[0], conductance[5], conductance[123457], conductance[999998], conductance[999999]]).toEqual([
      0.09479267547218811, 0.4387956708341091, 0.8997333510289013, 0.6294187751113695, 0.31894417077274645,
    ]);
    const weights = new Float64Array(1000);
    random.fillUniform(weights, 0.1, 10);
    expect([weights[0], weights[1], weights[999]]).toEqual([6.618117304086455, 8.750591738630165, 6.235937822372384]);
    const other = new NumpyRandom(12345);
    other.fillUniform(new Float64Array(1000), 0, 1);
    expect([other.random(), other.random(), other.random()]).toEqual([
      0.1890045706378769, 0.9820542299106726, 0.018553161992176048,
    ]);
  });

  it('agrees draw by draw with a plain 128-bit PCG64, whatever the mix of single and batched draws', () => {
    /** PCG64 (XSL-RR 128/64) seeded as default_rng seeds it, on BigInt. */
    function plainPcg64(seed: number): () => number {
      const words = seedSequenceState(seed, 8).map((w) => BigInt(w));
      const word = (k: number): bigint => (words[2 * k + 1]! << 32n) | words[2 * k]!;
      const mask128 = (1n << 128n) - 1n;
      const mask64 = (1n << 64n) - 1n;
      const multiplier = (0x2360ed051fc65da4n << 64n) | 0x4385df649fccf645n;
      const increment = ((((word(2) << 64n) | word(3)) << 1n) | 1n) & mask128;
      let state = ((increment + ((word(0) << 64n) | word(1))) * multiplier + increment) & mask128;
      return () => {
        state = (state * multiplier + increment) & mask128;
        const xored = ((state >> 64n) ^ state) & mask64;
        const rotation = state >> 122n;
        const output = ((xored >> rotation) | (xored << ((64n - rotation) & 63n))) & mask64;
        return Number(output >> 11n) / 2 ** 53;
      };
    }
    for (const seed of [0, 7, 2 ** 32 - 1]) {
      const reference = plainPcg64(seed);
      const random = new NumpyRandom(seed);
      // Batches of every small length, odd and even, between single draws.
      for (const length of [1, 0, 2, 3, 5, 8, 13, 1, 1, 21, 34, 55, 89, 144, 4, 6, 7]) {
        const batch = new Float64Array(length);
        random.fillUniform(batch, -2, 3);
        batch.forEach((value) => expect(value).toBe(-2 + 5 * reference()));
        expect(random.random()).toBe(reference());
        expect(random.uniform(0.5, 1.5)).toBe(0.5 + 1 * reference());
      }
    }
  });
});
