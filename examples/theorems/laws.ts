/**
 * Random pairs of laws (p, q) on the same n states, q > 0, with exact
 * rational masses; shared by the example theorems of this folder.
 *
 * Integer weights are drawn per state and normalized. They shrink toward
 * two states, p's weights toward 0 (then p is the point mass at state 0) and
 * q's toward 1 (the uniform law), so a counterexample ends up small.
 */
import { fc, Rational, rationalToString } from 'ebm-lens';

export type Pair = readonly [p: Rational[], q: Rational[]];

function normalize(weights: readonly number[]): Rational[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return weights.map((_, i) => new Rational(i === 0 ? 1 : 0));
  return weights.map((w) => new Rational(w, total));
}

/** (p, q) on 2..maxStates states, weights up to 16. */
export function lawPairs(maxStates = 6): fc.Arbitrary<Pair> {
  return fc
    .array(fc.tuple(fc.nat({ max: 16 }), fc.integer({ min: 1, max: 16 })), { minLength: 2, maxLength: maxStates })
    .map((cells): Pair => [normalize(cells.map(([a]) => a)), normalize(cells.map(([, b]) => b))]);
}

/** The JSON view of an instance: exact "p/q" strings. */
export const describePair = ([p, q]: Pair) => ({ p: p.map(rationalToString), q: q.map(rationalToString) });
