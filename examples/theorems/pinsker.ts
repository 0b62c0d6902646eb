/**
 * Pinsker's inequality, KL(p || q) >= 2 TV(p, q)^2 (natural logarithm), for
 * laws p and q on n = 2..6 states with q > 0: a true statement, VERIFIED.
 *
 * Written against the public entry points only, as a user of the package
 * would write it:
 *
 *   npx ebm-lens check examples/theorems/pinsker.ts
 *
 * - Identities: the two-state KL written with logs of ratios equals its
 *   expansion in differences of logs (a transcendental identity, certified
 *   by the log rewrite), and the two-state chi-square closed form (a
 *   rational identity, certified exactly).
 * - Property `pinsker`, decided in rigorous intervals (p = q exactly: both
 *   sides are 0).
 * - Mutants: the constant 2 raised to 4, and TV in place of TV^2; both false,
 *   so the property's check must refute them.
 * - `certify` (property and mutants): the claim in the certificate language
 *   of `ebm-lens/claims`, so that a certificate of this run is re-checked,
 *   run by run, by ebm-lens-verify.
 * - The property and its mutants come from one template, `klAtLeast(c, k)`,
 *   built with the theorem kit (`specs`).
 */
import {
  decideInIntervals,
  defineTheorem,
  fail,
  kl,
  pass,
  specs,
  totalVariation,
  type IntervalArithmetic,
  type Predicate,
  type Rational,
  type SpecParts,
} from 'ebm-lens';
import { ge, klDivergence, mul, num, pow, totalVariation as tvClaim, vectorValue } from 'ebm-lens/claims';
import { describePair, lawPairs, type Pair } from './laws.js';

/** p any law, q a law with every mass positive, on the same n = 2..6 states. */
const pairs = lawPairs(6);

const same = (p: readonly Rational[], q: readonly Rational[]): boolean => p.every((x, i) => x.equals(q[i]!));

/** The theorem kit: every spec here is an interval claim on pairs, described alike. */
const kit = specs<Pair>({ mode: 'interval', describe: describePair });

/**
 * KL(p || q) >= c TV(p, q)^k: true for (c, k) = (2, 2), the property; the
 * mutants are other (c, k). The predicate decides it with escalating interval
 * precision; `certify` states it in the certificate language.
 */
function klAtLeast(c: number, k: number): SpecParts<Pair, Predicate<Pair>> {
  const claim = `KL(p || q) >= ${c === 1 ? '' : `${c} `}TV(p, q)${k === 1 ? '' : `^${k}`}`;
  return {
    claim,
    arbitrary: pairs,
    check: ([p, q]) => {
      if (same(p, q)) return pass(0);
      return decideInIntervals(claim, (ar: IntervalArithmetic) => {
        const P = p.map((x) => ar.fromRational(x));
        const Q = q.map((x) => ar.fromRational(x));
        const lhs = kl(ar, P, Q);
        const rhs = ar.mul(ar.fromInteger(c), ar.pow(totalVariation(ar, P, Q), k));
        const sign = ar.compare(lhs, rhs);
        if (sign === undefined) return undefined; // not separated yet: more digits
        if (sign >= 0) return pass(ar.toNumber(ar.sub(lhs, rhs)));
        return fail(claim, { 'KL(p || q)': ar.toNumberObject(lhs), [`${c} TV^${k}`]: ar.toNumberObject(rhs) });
      });
    },
    certify: ([p, q]) => ({
      claim: { text: claim, assert: ge(klDivergence('p', 'q'), mul(num(c), pow(tvClaim('p', 'q'), k))) },
      instance: { p: vectorValue(p), q: vectorValue(q) },
    }),
  };
}

export default defineTheorem({
  id: 'Pinsker',
  title: "Pinsker's inequality",
  statement: {
    text: 'For laws p, q on n states with q > 0: KL(p || q) >= 2 TV(p, q)^2.',
    latex: '\\mathrm{KL}(p \\,\\|\\, q) \\ge 2\\, \\mathrm{TV}(p, q)^2',
  },
  source: 'Pinsker (1964); Csiszar, Kemperman, Kullback (sharp constant)',
  identities: [
    {
      name: 'two-state-kl',
      description: 'KL of the laws (p, u) and (q, v): logs of ratios against differences of logs',
      lhs: 'p*log(p/q) + u*log(u/v)',
      rhs: 'p*log(p) - p*log(q) + u*log(u) - u*log(v)',
      variables: { p: 'positive', q: 'positive', u: 'positive', v: 'positive' },
    },
    {
      name: 'two-state-chi2',
      description: 'chi2 of two-state laws in closed form',
      lhs: '(p - q)^2/q + (q - p)^2/(1 - q)',
      rhs: '(p - q)^2/(q*(1 - q))',
      variables: { p: 'probability', q: 'probability' },
    },
  ],
  properties: [kit.property('pinsker', klAtLeast(2, 2))],
  mutants: [
    kit.mutant('constant-4', klAtLeast(4, 2), 'the constant 2 is sharp'),
    kit.mutant('linear-tv', klAtLeast(1, 1), 'KL is quadratic near q'),
  ],
});
