/**
 * A plausible but false statement: KL(p || q) <= chi2(p || q) / 2.
 *
 * Near q the two sides agree to second order (KL = chi2/2 + O(|p - q|^3)),
 * which makes the bound look right; the third-order term has either sign,
 * and far from q it fails outright: p = (1, 0), q = (1/2, 1/2) gives
 * KL = log 2 = 0.693... > chi2/2 = 1/2. The true bound is
 * KL(p || q) <= log(1 + chi2(p || q)) <= chi2(p || q).
 *
 *   npx ebm-lens check examples/theorems/kl-half-chi2.ts    # FALSIFIED, exit 1
 *
 * chi2 is rational for rational laws; KL is enclosed in rigorous intervals.
 */
import { chiSquare, decideInIntervals, defineTheorem, fail, kl, pass, property } from 'ebm-lens';
import { describePair, lawPairs } from './laws.js';

/** p any law, q a law with every mass positive, on the same n = 2..5 states. */
const pairs = lawPairs(5);

const claim = 'KL(p || q) <= chi2(p || q) / 2';

export default defineTheorem({
  id: 'KLHalfChi2',
  title: 'KL below half the chi-square divergence (false)',
  statement: 'For laws p, q on n states with q > 0: KL(p || q) <= chi2(p || q) / 2.',
  source: 'a tempting second-order guess',
  properties: [
    // property(...) infers the instance type from the arbitrary: p and q below are Rational[]
    property({
      name: 'kl-at-most-half-chi2',
      claim,
      mode: 'interval',
      arbitrary: pairs,
      describe: describePair,
      predicate: ([p, q]) =>
        decideInIntervals(claim, (ar) => {
          const P = p.map((x) => ar.fromRational(x));
          const Q = q.map((x) => ar.fromRational(x));
          const lhs = kl(ar, P, Q);
          const rhs = ar.div(chiSquare(ar, P, Q), ar.fromInteger(2));
          const sign = ar.compare(lhs, rhs);
          if (sign === undefined) return undefined;
          if (sign <= 0) return pass(ar.toNumber(ar.sub(rhs, lhs)));
          return fail(claim, { 'KL(p || q)': ar.toNumberObject(lhs), 'chi2(p || q) / 2': ar.toNumberObject(rhs) });
        }),
    }),
  ],
});
