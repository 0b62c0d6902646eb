/**
 * Exact checks of a response chain's kernel and laws (T2, T2q), and the
 * measures of how far a chain is from reversibility and from T2q's closed
 * form (their degrees of failure).
 *
 * Main definitions
 * - `firstDifference(actual, expected, failAt)`, `sameLawVerdict`: two laws
 *   equal entrywise; the first differing state as a fail.
 * - `detailedBalanceVerdict(P, law, name)`: law(x) P(x,y) = law(y) P(y,x).
 * - `ratioVerdict(P, g, name)`: P(x,y) / P(y,x) = g(y) / g(x).
 * - `edgeMeasureVerdict(chain, edge, name)`: mu(x) P(x,y) proportional to E.
 * - `kolmogorovCycles(P)`, `fundamentalCycles(P)`, `kolmogorovVerdict(P)`:
 *   Kolmogorov's criterion on every triangle and every fundamental cycle of
 *   the support.
 * - `detailedBalanceDefect`, `closedFormDefect`, `epsLadderDegrees`: the
 *   degrees of failure and their levels along near-reversible priors.
 *
 * Implementation details
 * Every comparison is between BigInt rationals (P by `ebmKernel`, mu by GTH:
 * `exactChain`), so a pass is exact and a fail is a decided counterexample.
 * The per-pair checks take P and the law apart from an instance so that tests
 * can hand them kernels with a single violation at a chosen pair.
 */
import { intervalArithmetic } from '../../src/arith/interval.js';
import type { NumberObject } from '../../src/arith/numberObject.js';
import { ONE, ZERO, type Rational } from '../../src/arith/rational.js';
import { normalize, total } from '../../src/arith/rationalVector.js';
import { supportCycles } from '../../src/markov/supportCycles.js';
import { referenceEpsLevels, type SlotFamily } from '../../src/runner/kit/index.js';
import {
  fail,
  pass,
  type DegreeSpec,
  type FailVerdict,
  type SlotOverrides,
  type Verdict,
} from '../../src/runner/theorem.js';
import { kolmogorovCycle } from '../../properties/index.js';
import { exactChain, exactValue, type ExactChain, type ResponseChainInstance } from './responseChain.js';

type Matrix = readonly (readonly Rational[])[];

/** The first state where two laws differ, as `failAt(x)`; a pass when they are equal. */
export function firstDifference(
  actual: readonly Rational[],
  expected: readonly Rational[],
  failAt: (x: number) => FailVerdict,
): Verdict {
  const x = actual.findIndex((value, k) => !value.equals(expected[k]!));
  return x < 0 ? pass(0) : failAt(x);
}

/** Two laws equal entrywise, exactly; the first differing state as a fail. */
export function sameLawVerdict(
  actual: readonly Rational[],
  expected: readonly Rational[],
  names: readonly [string, string],
): Verdict {
  return firstDifference(actual, expected, (x) =>
    fail(`${names[0]} != ${names[1]} at state ${x}`, {
      [names[0]]: exactValue(actual[x]!),
      [names[1]]: exactValue(expected[x]!),
      state: String(x),
    }),
  );
}

/** The first pair x < y for which `check` returns a fail. */
function firstPair(n: number, check: (x: number, y: number) => FailVerdict | undefined): Verdict {
  for (let x = 0; x < n; x++) {
    for (let y = x + 1; y < n; y++) {
      const failure = check(x, y);
      if (failure) return failure;
    }
  }
  return pass(0);
}

/** law(x) P(x,y) = law(y) P(y,x) for all pairs, exactly; the first violation as a fail. */
export function detailedBalanceVerdict(P: Matrix, law: readonly Rational[], name: string): Verdict {
  return firstPair(P.length, (x, y) => {
    const forward = law[x]!.mul(P[x]![y]!);
    const backward = law[y]!.mul(P[y]![x]!);
    if (forward.equals(backward)) return undefined;
    return fail(`${name}(${x}) P(${x},${y}) != ${name}(${y}) P(${y},${x})`, {
      [`${name}(x) P(x,y)`]: exactValue(forward),
      [`${name}(y) P(y,x)`]: exactValue(backward),
      x: String(x),
      y: String(y),
    });
  });
}

/**
 * P(x,y) / P(y,x) = g(y) / g(x) for every pair with P(y,x) > 0, as
 * P(x,y) g(x) = P(y,x) g(y); a pair with exactly one of P(x,y), P(y,x) zero fails.
 */
export function ratioVerdict(P: Matrix, g: readonly Rational[], name: string): Verdict {
  return firstPair(P.length, (x, y) => {
    const [forward, backward] = [P[x]![y]!, P[y]![x]!];
    if (forward.n === 0n && backward.n === 0n) return undefined;
    if (forward.n === 0n || backward.n === 0n) {
      return fail(
        `one-way transition: P(${x},${y}) = ${forward.toFraction()}, P(${y},${x}) = ${backward.toFraction()}`,
        {
          'P(x,y)': exactValue(forward),
          'P(y,x)': exactValue(backward),
        },
      );
    }
    const ratio = forward.div(backward);
    const expected = g[y]!.div(g[x]!);
    if (ratio.equals(expected)) return undefined;
    return fail(`P(${x},${y}) / P(${y},${x}) != ${name}(${y}) / ${name}(${x})`, {
      'P(x,y)/P(y,x)': exactValue(ratio),
      [`${name}(y)/${name}(x)`]: exactValue(expected),
      x: String(x),
      y: String(y),
    });
  });
}

/** mu(x) P(x,y) = E(x,y) / sum E for all x, y (the edge measure is proportional to E). */
export function edgeMeasureVerdict(chain: ExactChain, edge: (x: number, y: number) => Rational, name: string): Verdict {
  const n = chain.P.length;
  const E = Array.from({ length: n }, (_, x) => Array.from({ length: n }, (_, y) => edge(x, y)));
  const S = total(E.flat());
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < n; y++) {
      const flow = chain.mu[x]!.mul(chain.P[x]![y]!);
      const expected = E[x]![y]!.div(S);
      if (!flow.equals(expected)) {
        return fail(`mu(${x}) P(${x},${y}) is not proportional to ${name}`, {
          'mu(x) P(x,y)': exactValue(flow),
          [`${name} / sum`]: exactValue(expected),
          x: String(x),
          y: String(y),
        });
      }
    }
  }
  return pass(0);
}

/** The fundamental cycles of the support of P (x ~ y when P(x,y) > 0 or P(y,x) > 0): src/markov/supportCycles.ts. */
export const fundamentalCycles = (P: Matrix): number[][] => supportCycles(P, (value) => value.n !== 0n);

/** The cycles Kolmogorov's criterion is checked on: all triangles, and the fundamental cycles of the support. */
export function kolmogorovCycles(P: Matrix): number[][] {
  const n = P.length;
  const cycles: number[][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) for (let c = b + 1; c < n; c++) cycles.push([a, b, c]);
  return [...cycles, ...fundamentalCycles(P)];
}

/**
 * Equal forward and backward products of P around every cycle of `kolmogorovCycles`; the first unequal one as a
 * fail.
 */
export function kolmogorovVerdict(P: Rational[][]): Verdict {
  for (const cycle of kolmogorovCycles(P)) {
    const { forward, backward } = kolmogorovCycle(P, cycle);
    if (!forward.equals(backward)) {
      return fail(`cycle ${[...cycle, cycle[0]].join(' -> ')}: forward product != backward product`, {
        forward: exactValue(forward),
        backward: exactValue(backward),
        cycle: cycle.join(','),
      });
    }
  }
  return pass(0);
}

// ---------------------------------------------------------------- degrees of failure

export const DETAILED_BALANCE_DEFECT =
  'max over x, y of |log(mu(x) P(x,y) / (mu(y) P(y,x)))|, mu the stationary law of P (GTH, exact); 0 iff P is reversible';

/**
 * The detailed-balance defect of a weight-form chain: the largest
 * |log(mu(x) P(x,y) / (mu(y) P(y,x)))| over pairs with a transition either
 * way; 'infinite' for a one-way transition. The ratio is an exact rational;
 * its log is enclosed at 40 digits (directed rounding).
 */
export function detailedBalanceDefect(instance: ResponseChainInstance): NumberObject | 'infinite' {
  const { P, mu } = exactChain(instance);
  let worst = ONE;
  for (let x = 0; x < P.length; x++) {
    for (let y = x + 1; y < P.length; y++) {
      const forward = mu[x]!.mul(P[x]![y]!);
      const backward = mu[y]!.mul(P[y]![x]!);
      if (forward.n === 0n && backward.n === 0n) continue;
      if (forward.n === 0n || backward.n === 0n) return 'infinite';
      const ratio = forward.gt(backward) ? forward.div(backward) : backward.div(forward);
      if (ratio.gt(worst)) worst = ratio;
    }
  }
  if (worst.equals(ONE)) return exactValue(ZERO);
  const ar = intervalArithmetic(40);
  return ar.toNumberObject(ar.log(ar.fromRational(worst)));
}

export const CLOSED_FORM_DEFECT =
  'TV(mu, w (C w) / sum) = (1/2) sum_x |mu(x) - w(x)(C w)(x)/sum|, mu the stationary law of P (GTH), exact; 0 iff the closed form holds';

/** T2q's closed form w (C w) / sum (s = 0) of an exact chain. */
export function noInteractionClosedForm({ w, C }: ExactChain): Rational[] {
  return normalize(w.map((wx, x) => wx.mul(total(C[x]!.map((c, y) => c.mul(w[y]!))))));
}

/** How far the stationary law is from the closed form w (C w) / sum, in total variation, exactly (weight form). */
export function closedFormDefect(instance: ResponseChainInstance): NumberObject {
  const chain = exactChain(instance);
  const closed = noInteractionClosedForm(chain);
  return exactValue(total(chain.mu.map((m, x) => m.sub(closed[x]!).abs())).div(2));
}

/**
 * The degree of failure `name` on the families with the replaced slots (the
 * `assume` degrees of T2 and T2q); a near-reversible prior of size eps is
 * measured at eps/1000, eps/100, eps/10 and eps.
 */
export function epsLadderDegrees<I>(
  degree: Omit<DegreeSpec<I>, 'levels'>,
  families: readonly SlotFamily<I>[],
): (overrides: SlotOverrides) => DegreeSpec<I>[] {
  return (overrides) => {
    const levels = referenceEpsLevels(families, overrides);
    return levels.length === 0 ? [] : [{ ...degree, levels }];
  };
}
