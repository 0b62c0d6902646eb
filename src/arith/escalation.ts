/**
 * Precision escalation for interval computations: retry with twice the
 * digits until the question is decided, and say "undecided" at the cap.
 *
 * Main definitions
 * - `EscalationOptions`: start and cap of the precision, in significant digits.
 * - `Escalated<R>`: a decided value with the digits that decided it, or an
 *   undecided outcome with the last digits tried and the reason.
 * - `decideWithEscalation`: the loop.
 *
 * Main statements
 * - A decided result is whatever `compute` returned at some precision; it is
 *   as sound as `compute` is for a rigorous interval arithmetic. At the cap the
 *   outcome is `{ decided: false }`, never a guess.
 *
 * Implementation details
 * Precisions run startDigits, 2 startDigits, 4 startDigits, ... and the cap
 * itself is always the last one tried (so a cap that is not a power-of-two
 * multiple of the start is still reached). Only `UndecidedError` (and an
 * `undefined` result) trigger a retry; any other error propagates.
 */
import { UndecidedError } from './arithmetic.js';
import { intervalArithmetic, type IntervalArithmetic } from './interval.js';

/** Default first precision: 40 significant digits. */
export const DEFAULT_START_DIGITS = 40;
/** Default cap: 640 significant digits (40 doubled four times). */
export const DEFAULT_CAP_DIGITS = 640;

export interface EscalationOptions {
  /** First precision in significant digits; default 40 (`DEFAULT_START_DIGITS`). */
  startDigits?: number;
  /** Highest precision tried; default 640 (`DEFAULT_CAP_DIGITS`). */
  capDigits?: number;
}

export type Escalated<R> =
  { decided: true; value: R; digits: number } | { decided: false; digits: number; reason: string };

/**
 * Run `compute` in interval arithmetic at startDigits, doubling the digits
 * while it returns undefined or throws UndecidedError, up to capDigits.
 */
export function decideWithEscalation<R>(
  compute: (ar: IntervalArithmetic) => R | undefined,
  options: EscalationOptions = {},
): Escalated<R> {
  const startDigits = options.startDigits ?? DEFAULT_START_DIGITS;
  const capDigits = options.capDigits ?? DEFAULT_CAP_DIGITS;
  if (!Number.isInteger(startDigits) || startDigits < 1) {
    throw new RangeError(`startDigits must be a positive integer, got ${startDigits}`);
  }
  if (!Number.isInteger(capDigits) || capDigits < startDigits || capDigits > 100_000) {
    throw new RangeError(`capDigits must be an integer in [startDigits, 100000], got ${capDigits}`);
  }
  let digits = startDigits;
  for (;;) {
    const ar = intervalArithmetic(digits);
    let reason: string;
    try {
      const value = compute(ar);
      if (value !== undefined) return { decided: true, value, digits };
      reason = `undecided at ${ar.label}`;
    } catch (error) {
      if (!(error instanceof UndecidedError)) throw error;
      reason = error.message;
    }
    if (digits >= capDigits) return { decided: false, digits, reason };
    digits = Math.min(capDigits, digits * 2);
  }
}
