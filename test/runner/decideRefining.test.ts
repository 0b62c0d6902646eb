import { describe, expect, it } from 'vitest';
import { parseRational as q } from '../../src/arith/rational.js';
import {
  REFINEMENT_WIDTHS,
  decidePowerSeries,
  decideRefining,
  smallerMargin,
} from '../../src/runner/decideRefining.js';
import { pass } from '../../src/runner/theorem.js';

describe('decideRefining', () => {
  it('tries 30, 60, 120 digits and returns the first verdict', () => {
    const tried: number[] = [];
    const verdict = decideRefining((width) => {
      tried.push(width);
      return width >= 120 ? pass(1) : undefined;
    }, 'claim');
    expect(tried).toEqual([30, 60, 120]);
    expect(verdict).toEqual(pass(1));
  });

  it('undecided at every width: an undecided verdict naming the claim and 1e-240', () => {
    const verdict = decideRefining(() => undefined, 'the claim');
    expect(REFINEMENT_WIDTHS).toEqual([30, 60, 120, 240]);
    expect(verdict.status).toBe('undecided');
    expect(JSON.stringify(verdict)).toContain('the claim');
    expect(JSON.stringify(verdict)).toContain('1e-240');
  });
});

describe('decidePowerSeries: lhs[t] <= c rate^t', () => {
  const point = (x: string) => ({ lo: q(x), hi: q(x) });
  const claim = (t: number) => `fails at ${t}`;

  it('(1, 1/2, 1/4) <= (1/2)^t holds with equality: a pass', () => {
    expect(decidePowerSeries([q(1), q('1/2'), q('1/4')], q(1), point('1/2'), (t) => t, claim)?.status).toBe('pass');
  });

  it('(1, 1/4) <= (1/2)^t: a pass with margin 1/2 - 1/4', () => {
    expect(decidePowerSeries([q(1), q('1/4')], q(1), point('1/2'), (t) => t, claim)).toEqual(pass(0.25));
  });

  it('(1, 3/4) against (1/2)^t: a fail at t = 1 (3/4 > 1/2)', () => {
    const verdict = decidePowerSeries([q(1), q('3/4')], q(1), point('1/2'), (t) => t, claim);
    expect(verdict?.status).toBe('fail');
    expect(JSON.stringify(verdict)).toContain('fails at 1');
  });

  it('1/2 against rate in [49/100, 51/100]: neither side decided, undefined', () => {
    expect(
      decidePowerSeries([q(1), q('1/2')], q(1), { lo: q('49/100'), hi: q('51/100') }, (t) => t, claim),
    ).toBeUndefined();
  });
});

describe('smallerMargin', () => {
  it('the smaller of two, or the one given', () => {
    expect(smallerMargin(1, 2)).toBe(1);
    expect(smallerMargin(undefined, 2)).toBe(2);
    expect(smallerMargin(3, undefined)).toBe(3);
    expect(smallerMargin(undefined, undefined)).toBeUndefined();
  });
});
