/**
 * Confidence bounds for pairs seen in one direction only.
 *
 * When N(x, y) > 0 but N(y, x) = 0 the log-ratio log P(x, y) - log P(y, x) = U(y) - U(x) has
 * no finite estimate; the data only say that P(y, x) is small. With trials(y) > 0 trials
 * from y, a one-sided lower bound follows:
 *   U(y) - U(x) >= log p_lo(x, y) - log p_up(y, x),
 * p_lo a lower Clopper-Pearson bound for P(x, y) from N(x, y) of trials(x), p_up an upper
 * bound for P(y, x) from 0 of trials(y) (1 - (1 - c')^(1/trials(y)), the exact form of the
 * rule of three).
 *
 * Main definitions
 * - `OneWayPair`, `oneWayBounds(data, confidence)`.
 *
 * Main statements
 * - Each one-sided bound is taken at level c' = sqrt(confidence). The rows of x and y are
 *   independent, so both hold together with probability >= c' * c' = confidence, and then
 *   the bound on U(y) - U(x) holds: it has coverage >= confidence (per pair, not jointly
 *   over pairs). It is a bound, never a point value.
 *
 * Implementation details
 * Float64 (binomialBounds.ts). A pair whose reverse direction had no trials at all
 * (trials(y) = 0) gets no bound.
 */
import type { CountData } from './counts.js';
import { binomialLowerBound, binomialUpperBound } from '../stats/binomialBounds.js';

export interface OneWayPair {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  /** trials(to): how often the unseen direction could have happened. */
  readonly reverseTrials: number;
  /** Lower bound on U(to) - U(from) at the given confidence; undefined when reverseTrials = 0. */
  readonly bound: number | undefined;
}

/** All one-way pairs in (from, to) order, with their bounds. Precision: float64. */
export function oneWayBounds(data: CountData, confidence: number): OneWayPair[] {
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`one-way bounds: confidence ${confidence} must lie strictly between 0 and 1`);
  const each = Math.sqrt(confidence);
  const pairs: OneWayPair[] = [];
  const n = data.states.length;
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < n; y++) {
      const count = data.counts[x]![y]!;
      if (x === y || count === 0 || data.counts[y]![x]! > 0) continue;
      const reverseTrials = data.trials[y]!;
      const bound =
        reverseTrials === 0
          ? undefined
          : Math.log(binomialLowerBound(count, data.trials[x]!, each)) -
            Math.log(binomialUpperBound(0, reverseTrials, each));
      pairs.push({ from: x, to: y, count, reverseTrials, bound });
    }
  }
  return pairs;
}
