/**
 * Precision escalation: doubles until decided, stops undecided at the cap,
 * never turns an undecidable question into an answer.
 */
import { describe, expect, it } from 'vitest';
import { UndecidedError } from '../../src/arith/arithmetic.js';
import { DEFAULT_CAP_DIGITS, DEFAULT_START_DIGITS, decideWithEscalation } from '../../src/arith/escalation.js';
import type { IntervalArithmetic } from '../../src/arith/interval.js';
import { parseRational } from '../../src/arith/rational.js';

describe('decideWithEscalation', () => {
  it('never decides the sign of ln 2 + ln 3 - ln 6 (it is exactly 0)', () => {
    const tried: number[] = [];
    const result = decideWithEscalation((ar) => {
      tried.push(ar.digits);
      const ln = (k: number) => ar.log(ar.fromInteger(k));
      return ar.sign(ar.sub(ar.add(ln(2), ln(3)), ln(6)));
    });
    expect(result.decided).toBe(false);
    expect(result.digits).toBe(640);
    expect(tried).toEqual([40, 80, 160, 320, 640]);
    expect(DEFAULT_START_DIGITS).toBe(40);
    expect(DEFAULT_CAP_DIGITS).toBe(640);
  });

  it('decides ln(1 + 1e-60) - 1e-60 < 0 only after escalating', () => {
    // ln(1+x) - x = -x^2/2 + ... = -5e-121 + ...; at 40 digits 1 + 1e-60 is not even representable.
    const tried: number[] = [];
    const compute = (ar: IntervalArithmetic) => {
      tried.push(ar.digits);
      const x = ar.point(parseRational('1e-60'));
      return ar.sign(ar.sub(ar.log(ar.add(ar.one, x)), x));
    };
    const result = decideWithEscalation(compute);
    expect(result).toEqual({ decided: true, value: -1, digits: 80 });
    expect(tried).toEqual([40, 80]);
  });

  it('retries on UndecidedError and reports its message at the cap', () => {
    const tried: number[] = [];
    const result = decideWithEscalation(
      (ar) => {
        tried.push(ar.digits);
        const zeroish = ar.sub(ar.fromInteger(1), ar.mul(ar.fromInteger(3), ar.div(ar.one, ar.fromInteger(3))));
        return ar.div(ar.one, zeroish); // 1 / (1 - 3 * (1/3)): the divisor's enclosure always contains 0
      },
      { startDigits: 10, capDigits: 100 },
    );
    expect(tried).toEqual([10, 20, 40, 80, 100]);
    expect(result.decided).toBe(false);
    if (!result.decided) expect(result.reason).toMatch(/may be 0 at interval\(100 digits\)/);
  });

  it('lets other errors through', () => {
    expect(() =>
      decideWithEscalation((ar) => {
        ar.log(ar.fromInteger(-1));
        return 1;
      }),
    ).toThrow(RangeError);
  });

  it('stops at the first decided precision', () => {
    const result = decideWithEscalation((ar) => (ar.digits >= 45 ? 'done' : undefined), {
      startDigits: 12,
      capDigits: 1000,
    });
    expect(result).toEqual({ decided: true, value: 'done', digits: 48 });
  });

  it('validates its options', () => {
    expect(() => decideWithEscalation(() => 1, { startDigits: 0 })).toThrow(RangeError);
    expect(() => decideWithEscalation(() => 1, { startDigits: 50, capDigits: 40 })).toThrow(RangeError);
    expect(() => decideWithEscalation(() => 1, { startDigits: 1.5 })).toThrow(RangeError);
  });

  it('an undecided computation throwing UndecidedError is not an answer', () => {
    const result = decideWithEscalation<number>(
      () => {
        throw new UndecidedError('never');
      },
      { startDigits: 5, capDigits: 5 },
    );
    expect(result).toEqual({ decided: false, digits: 5, reason: 'never' });
  });
});
