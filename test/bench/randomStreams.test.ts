/**
 * The benchmark's random streams reproduce the reference implementations:
 * expected values were printed by CPython 3.11 (`random.Random(seed).randint`)
 * and numpy 2.4 (`SeedSequence(seed).generate_state`, `default_rng(seed)`).
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
    expect(seedSequenceState(3, 8)).toEqual([1576890651, 2902887791, 607385081, 2997055210, 20691373, 3548519947, 3811925775, 392971717]);
    expect(seedSequenceState(12345, 4)).toEqual([2688385916, 3048105090, 4196366895, 3152189807]);
  });

  it('draws the doubles of default_rng(seed), bit for bit', () => {
    const three = new NumpyRandom(3);
    expect([three.uniform(0.01, 1), three.uniform(0.01, 1)]).toEqual([0.09479267547218811, 0.24444240153013871]);
    expect([three.uniform(0.1, 10), three.uniform(0.1, 10)]).toEqual([8.03261720554333, 5.863404157037241]);
    const other = new NumpyRandom(12345);
    expect([other.random(), other.random(), other.random()]).toEqual([0.22733602246716966, 0.31675833970975287, 0.7973654573327341]);
  });
});
