import { describe, expect, it } from 'vitest';
import { supportCycles } from '../../src/markov/supportCycles.js';

/** A 0/1 kernel pattern (only the support matters). */
const pattern = (rows: string[]): number[][] => rows.map((row) => [...row].map(Number));
const nonzero = (value: number): boolean => value !== 0;

describe('supportCycles: the fundamental cycles of the support graph (worked by hand)', () => {
  it('a triangle 0-1-2: BFS from 0 makes 0-1, 0-2 tree edges, so the one cycle is 1 -> 2 -> 0', () => {
    expect(supportCycles(pattern(['011', '101', '110']), nonzero)).toEqual([[1, 2, 0]]);
  });

  it('a 4-cycle 0 -> 1 -> 2 -> 3 -> 0 of one-way transitions: the support is the undirected square, its cycle 2 -> 3 -> 0 -> 1', () => {
    expect(supportCycles(pattern(['0100', '0010', '0001', '1000']), nonzero)).toEqual([[2, 3, 0, 1]]);
  });

  it('a path and a star (trees) have no cycle; self-loops count for nothing', () => {
    expect(supportCycles(pattern(['110', '111', '011']), nonzero)).toEqual([]);
    expect(supportCycles(pattern(['1111', '1100', '1010', '1001']), nonzero)).toEqual([]);
  });

  it('the complete graph on 4 states: m - n + c = 6 - 4 + 1 = 3 cycles, each through the root 0', () => {
    const cycles = supportCycles(pattern(['0111', '1011', '1101', '1110']), nonzero);
    expect(cycles).toEqual([
      [1, 2, 0],
      [1, 3, 0],
      [2, 3, 0],
    ]);
  });

  it('two components (a triangle and an edge): one cycle, from the first component', () => {
    expect(supportCycles(pattern(['01100', '10100', '11000', '00001', '00010']), nonzero)).toEqual([[1, 2, 0]]);
  });
});
