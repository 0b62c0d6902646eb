import { describe, expect, it } from 'vitest';
import { absEnclosure, nonNegativeEnclosure } from '../../src/arith/enclosure.js';
import { PowerTable } from '../../src/arith/powerTable.js';
import { parseRational as q } from '../../src/arith/rational.js';

describe('PowerTable', () => {
  it('(2/3)^3 = 8/27 as parts, (2/3)^2 = 4/9, x^0 = 1', () => {
    const table = new PowerTable(q('2/3'));
    expect(table.parts(3)).toEqual([8n, 27n]);
    expect(table.get(2).toFraction()).toBe('4/9');
    expect(table.get(0).toFraction()).toBe('1');
  });

  it('a negative base keeps its sign on the numerator: (-1/2)^3 = -1/8', () => {
    expect(new PowerTable(q('-1/2')).parts(3)).toEqual([-1n, 8n]);
  });

  it('compareScaled: sign of y - c x^k', () => {
    const table = new PowerTable(q('2/3'));
    expect(table.compareScaled(q('8/27'), q(1), 3)).toBe(0);
    expect(table.compareScaled(q('1/3'), q(2), 2)).toBe(-1); // 1/3 < 8/9
    expect(table.compareScaled(q('1/2'), q('1/2'), 1)).toBe(1); // 1/2 > 1/3
  });
});

describe('enclosure operations', () => {
  const e = (lo: string, hi: string) => ({ lo: q(lo), hi: q(hi) });
  const show = (x: { lo: { toFraction(): string }; hi: { toFraction(): string } }) => [
    x.lo.toFraction(),
    x.hi.toFraction(),
  ];

  it('absEnclosure: the range of |t|', () => {
    expect(show(absEnclosure(e('1/4', '1/3')))).toEqual(['1/4', '1/3']);
    expect(show(absEnclosure(e('-1/2', '-1/3')))).toEqual(['1/3', '1/2']);
    expect(show(absEnclosure(e('-1/2', '1/3')))).toEqual(['0', '1/2']);
    expect(show(absEnclosure(e('-1/3', '1/2')))).toEqual(['0', '1/2']);
  });

  it('nonNegativeEnclosure: the ends clamped at 0', () => {
    expect(show(nonNegativeEnclosure(e('1/4', '1/3')))).toEqual(['1/4', '1/3']);
    expect(show(nonNegativeEnclosure(e('-1/10', '1/2')))).toEqual(['0', '1/2']);
    expect(show(nonNegativeEnclosure(e('-1', '-1/2')))).toEqual(['0', '0']);
  });
});
