/**
 * Shared instances of the spectral theorems T4 (exponential mixing governed
 * by the spectral gap) and T5 (bounded hitting times to superior states):
 * exact rational chains with their stationary law and their eigenvalue
 * enclosures. Their certificate claims are assembled with spectralClaims.ts.
 * The general tools they use are in src/: `perronRoot`
 * (src/linalg/perronRoot.ts), `decideRefining`, `decidePowerSeries`,
 * `smallerMargin` (src/runner/decideRefining.ts), `PowerTable`
 * (src/arith/powerTable.ts), `absEnclosure`, `nonNegativeEnclosure`
 * (src/arith/enclosure.ts).
 *
 * Main definitions
 * - `ChainInstance`: a rational kernel P with a stationary law mu > 0 (a
 *   reversing law for every reversible source), and how it was built.
 * - Chain arbitraries: `priorChain`, `ebmChain`, `twoStateChain`,
 *   `looplessChain`, `reversibleChain` (a mixture), and the assumption
 *   violations `circulatedTriangle`, `reducibleChain`, `bipartiteChain`;
 *   `chainInstance` for hand-made chains (checked exactly).
 * - `spectralEnclosures(P, width)`: l_2, l_n, l* = max(|l_2|, |l_n|), g = 1 - l_2,
 *   g* = 1 - l*, as rational enclosures (exact root isolation);
 *   `whenRealSpectrum(compute, why)`: a verdict that needs them, undecided
 *   when the spectrum is not real; `decideEvery(items, decide)`: the first
 *   verdict that is not a pass, else the pass with the smallest margin.
 * - Small exact helpers: `massOf`, `isStationary`, `toFloat`, `numberOf`.
 * - `SPECTRAL_SOURCE`: the sentence of the paper's abstract both theorems
 *   formalize, and `spectralTheorem(id, title, members)`, a theorem with it
 *   as its source; `TWO_STATE_LAW`: mu = (b, a)/(a + b) of the 2-state chain, as
 *   identity substitutions.
 *
 * Implementation details
 * Every chain is exact: P and mu are rationals and `isStationary` (mu P = mu,
 * sum mu = 1, mu > 0) is checked exactly when an instance is built, so a
 * construction error can never pass for a counterexample (detailed balance by
 * `detailedBalance` of src/markov/reversibility.ts). Eigenvalues come from
 * `kernelSpectrum` (exact characteristic polynomial, Sturm isolation), which
 * throws `NotRealSpectrumError` for a non-real spectrum; callers turn that into
 * a decided fail (when realness is the claim) or an undecided run (when a
 * modulus of a complex eigenvalue would be needed). Enclosure widths start at
 * 10^-30 and double in digits up to 10^-240; the cost is a few milliseconds per
 * chain for n <= 5.
 */
import fc from 'fast-check';
import { enclosureNumberObject, type RationalEnclosure } from '../../src/arith/enclosure.js';
import { exactArithmetic } from '../../src/arith/exact.js';
import { exactNumberObject, type NumberObject } from '../../src/arith/numberObject.js';
import { ONE, Rational, ZERO } from '../../src/arith/rational.js';
import { normalize, total } from '../../src/arith/rationalVector.js';
import { NotRealSpectrumError } from '../../src/linalg/symmetricEnclosure.js';
import { detailedBalance } from '../../src/markov/reversibility.js';
import { kernelSpectrum } from '../../src/markov/spectrum.js';
import { ebmKernel, ebmStationaryClosedForm } from '../../src/models/ebm.js';
import { smallerMargin } from '../../src/runner/decideRefining.js';
import { pass, undecided, type Theorem, type Verdict } from '../../src/runner/theorem.js';
import { conductance, nearReversiblePrior, positiveRational, positiveWeights } from '../../properties/index.js';
import { reversiblePrior, type ConductanceConstraints } from '../../properties/index.js';

/** How a chain was built: reversible sources first, then the assumption violations. */
export type ChainSource =
  'prior' | 'sparsePrior' | 'ebm' | 'twoState' | 'loopless' | 'nonReversible' | 'reducible' | 'bipartite';

/** An exact chain: kernel P (rows sum to 1) and a stationary law mu > 0. */
export interface ChainInstance {
  readonly source: ChainSource;
  readonly kernel: Rational[][];
  /** Stationary (mu P = mu), positive, summing to 1; reversing for every reversible source. */
  readonly mu: Rational[];
  /** EBM weights w = exp(Phi/beta) (source 'ebm'): they order the states by quality. */
  readonly weights?: Rational[];
}

// ---------------------------------------------------------------- exact helpers

/** mu(S) for a set of states S. */
export function massOf(mu: readonly Rational[], states: readonly number[]): Rational {
  return total(states.map((x) => mu[x]!));
}

/** mu > 0, sum mu = 1 and mu P = mu, exactly. */
export function isStationary(kernel: readonly (readonly Rational[])[], mu: readonly Rational[]): boolean {
  const n = kernel.length;
  if (mu.length !== n || mu.some((m) => m.compare(ZERO) <= 0) || !total(mu).equals(ONE)) return false;
  for (let y = 0; y < n; y++) {
    let flow = ZERO;
    for (let x = 0; x < n; x++) flow = flow.add(mu[x]!.mul(kernel[x]![y]!));
    if (!flow.equals(mu[y]!)) return false;
  }
  return true;
}

/**
 * Build a chain and check its contract exactly: rows are distributions, mu is a
 * positive stationary law, and for every source but 'nonReversible' detailed
 * balance holds. A failure is a bug of the construction (an Error), never a verdict.
 */
export function chainInstance(
  source: ChainSource,
  kernel: Rational[][],
  mu: Rational[],
  weights?: Rational[],
): ChainInstance {
  kernel.forEach((row, x) => {
    if (row.some((v) => v.compare(ZERO) < 0) || !total(row).equals(ONE))
      throw new Error(`${source} chain: row ${x} is not a distribution`);
  });
  if (!isStationary(kernel, mu)) throw new Error(`${source} chain: mu is not a positive stationary law`);
  const reversible = source !== 'nonReversible';
  if (reversible && detailedBalance(exactArithmetic, mu, kernel).reversible !== true)
    throw new Error(`${source} chain: detailed balance fails`);
  return weights === undefined ? { source, kernel, mu } : { source, kernel, mu, weights };
}

// ---------------------------------------------------------------- arbitraries

/** P = q of a reversible prior (q(y|x) = C(x,y)/rho(x)), mu = rho normalized. */
export function priorChain(
  constraints: ConductanceConstraints = {},
  source: ChainSource = 'prior',
): fc.Arbitrary<ChainInstance> {
  return reversiblePrior(constraints).map((prior) => chainInstance(source, prior.reference, normalize(prior.rho)));
}

/**
 * The EBM response chain P(x,y) = q(y|x) w(y) / Z(x) with q reversible (A2) and
 * rational weights w (A1 with s = 0); mu proportional to rho w Z (T2's closed form).
 * Small numerators keep the characteristic polynomial's coefficients small.
 */
export function ebmChain(range: { minStates: number; maxStates: number }): fc.Arbitrary<ChainInstance> {
  return fc
    .integer({ min: range.minStates, max: range.maxStates })
    .chain((n) =>
      fc.tuple(
        conductance({ n, maxNumerator: 8, maxDenominator: 4 }),
        positiveWeights({ n, maxNumerator: 8, maxDenominator: 4 }),
      ),
    )
    .map(([c, w]) => {
      const pieces = ebmKernel(exactArithmetic, { conductance: c, weights: w });
      return chainInstance('ebm', pieces.kernel, ebmStationaryClosedForm(exactArithmetic, pieces), w);
    });
}

/** Rationals p/q in [atLeast, 1) with 2 <= q <= 16 (atLeast in (0, 1)); shrink toward small q. */
function unitRational(atLeast: Rational): fc.Arbitrary<Rational> {
  const lowest = (q: number): number => Math.max(1, Number(atLeast.mul(q).ceil().valueOf()));
  const denominators = Array.from({ length: 15 }, (_, i) => i + 2).filter((q) => lowest(q) <= q - 1);
  return fc
    .constantFrom(...denominators)
    .chain((q) => fc.integer({ min: lowest(q), max: q - 1 }).map((p) => new Rational(BigInt(p), BigInt(q))));
}

/**
 * P = [[1 - a, a], [b, 1 - b]] with a, b in [atLeast, 1) (denominators <= 16),
 * mu = (b, a)/(a + b); l_2 = 1 - a - b. With atLeast >= 3/4, l_2 <= -1/2: nearly periodic.
 */
export function twoStateChain(atLeast: Rational = new Rational(1n, 16n)): fc.Arbitrary<ChainInstance> {
  return fc.tuple(unitRational(atLeast), unitRational(atLeast)).map(([a, b]) =>
    chainInstance(
      'twoState',
      [
        [ONE.sub(a), a],
        [b, ONE.sub(b)],
      ],
      [b.div(a.add(b)), a.div(a.add(b))],
    ),
  );
}

/** Dense reversible priors without self-loops (n >= 3): trace 0, so l_n <= -1/(n-1) and |l_n| > |l_2| for n = 3. */
export function looplessChain(range: { minStates: number; maxStates: number }): fc.Arbitrary<ChainInstance> {
  return priorChain({ ...range, shape: 'dense', selfLoops: 'none' }, 'loopless');
}

export type ReversibleKind = 'prior' | 'sparsePrior' | 'ebm' | 'twoState' | 'loopless';

/**
 * Reversible irreducible chains of the given kinds (n <= 5): dense priors, sparse
 * priors (a spanning tree plus edges, random self-loops: possibly periodic), EBM
 * chains, two-state chains, loopless dense priors.
 */
export function reversibleChain(kinds: readonly ReversibleKind[]): fc.Arbitrary<ChainInstance> {
  const byKind: Record<ReversibleKind, fc.Arbitrary<ChainInstance>> = {
    prior: priorChain({ minStates: 2, maxStates: 5 }),
    sparsePrior: priorChain({ minStates: 3, maxStates: 5, shape: 'sparse' }, 'sparsePrior'),
    ebm: ebmChain({ minStates: 2, maxStates: 4 }),
    twoState: twoStateChain(),
    loopless: looplessChain({ minStates: 3, maxStates: 4 }),
  };
  const arbitraries = kinds.map((k) => byKind[k]);
  return arbitraries.length === 1 ? arbitraries[0]! : fc.oneof(...arbitraries);
}

/**
 * Strongly non-reversible 3-state kernels: a circulation of relative size
 * 3/4, 7/8 or 15/16 around the triangle (entries stay positive).
 */
export function circulatedTriangle(): fc.Arbitrary<ChainInstance> {
  return fc
    .oneof(...['3/4', '7/8', '15/16'].map((eps) => nearReversiblePrior({ n: 3, eps })))
    .map((prior) => chainInstance('nonReversible', prior.reference, prior.stationary));
}

/**
 * Reducible reversible chains: two dense reversible priors (2 or 3 states each)
 * side by side, no transitions between them; mu = (alpha mu_1, (1 - alpha) mu_2),
 * alpha in (0, 1), is stationary and reversing but not unique. l_1 = l_2 = 1.
 */
export function reducibleChain(): fc.Arbitrary<ChainInstance> {
  const block = reversiblePrior({ minStates: 2, maxStates: 3 });
  return fc.tuple(block, block, unitRational(new Rational(1n, 16n))).map(([first, second, alpha]) => {
    const n1 = first.n;
    const n = n1 + second.n;
    const kernel = Array.from({ length: n }, (_, x) =>
      Array.from({ length: n }, (_, y) => {
        if (x < n1 && y < n1) return first.reference[x]![y]!;
        if (x >= n1 && y >= n1) return second.reference[x - n1]![y - n1]!;
        return ZERO;
      }),
    );
    const mu = [
      ...normalize(first.rho).map((m) => m.mul(alpha)),
      ...normalize(second.rho).map((m) => m.mul(ONE.sub(alpha))),
    ];
    return chainInstance('reducible', kernel, mu);
  });
}

/**
 * Periodic reversible chains: a complete bipartite conductance between
 * {0..k-1} and {k..n-1} (n in 2..5, positive rational weights, no self-loops),
 * q(y|x) = C(x,y)/rho(x). Irreducible with period 2, so l_n = -1.
 */
export function bipartiteChain(): fc.Arbitrary<ChainInstance> {
  return fc
    .integer({ min: 2, max: 5 })
    .chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.integer({ min: 1, max: n - 1 }),
        fc.array(positiveRational({ maxNumerator: 16, maxDenominator: 4 }), { minLength: n * n, maxLength: n * n }),
      ),
    )
    .map(([n, k, weights]) => {
      const c = Array.from({ length: n }, (_, x) =>
        Array.from({ length: n }, (_, y) => (x < k !== y < k ? weights[Math.min(x, y) * n + Math.max(x, y)]! : ZERO)),
      );
      const rho = c.map(total);
      return chainInstance(
        'bipartite',
        c.map((row, x) => row.map((v) => v.div(rho[x]!))),
        normalize(rho),
      );
    });
}

// ---------------------------------------------------------------- spectra

/** Enclosures of the spectral quantities of T4/T5 (rational endpoints). */
export interface SpectralEnclosures {
  /** All eigenvalues, largest first, with multiplicity. */
  readonly eigenvalues: RationalEnclosure[];
  readonly lambda2: RationalEnclosure;
  readonly lambdaMin: RationalEnclosure;
  /** l* = max(|l_2|, |l_n|) */
  readonly lStar: RationalEnclosure;
  /** g = 1 - l_2 */
  readonly spectralGap: RationalEnclosure;
  /** g* = 1 - l* */
  readonly absoluteGap: RationalEnclosure;
}

/**
 * The spectrum of P by exact isolation, every enclosure of width <= 10^-widthDigits.
 * Throws NotRealSpectrumError when P has non-real eigenvalues.
 */
export function spectralEnclosures(kernel: Rational[][], widthDigits: number): SpectralEnclosures {
  const spectrum = kernelSpectrum({ mode: 'exact', kernel }, { widthDigits });
  const g = spectrum.absoluteGap;
  return {
    eigenvalues: spectrum.eigenvalues,
    lambda2: spectrum.lambda2,
    lambdaMin: spectrum.lambdaMin,
    lStar: { lo: ONE.sub(g.hi), hi: ONE.sub(g.lo) },
    spectralGap: spectrum.spectralGap,
    absoluteGap: g,
  };
}

/** `compute`, or undecided when P has non-real eigenvalues (`why` turns the error's message into the reason). */
export function whenRealSpectrum(compute: () => Verdict, why: (message: string) => string): Verdict {
  try {
    return compute();
  } catch (error) {
    if (error instanceof NotRealSpectrumError) return undecided(why(error.message));
    throw error;
  }
}

/**
 * Each item's verdict by `decide`, in order: the first that is not a pass
 * (a fail, or undefined: not decided at this width), else a pass with the
 * smallest margin.
 */
export function decideEvery<X>(
  items: readonly X[],
  decide: (item: X, index: number) => Verdict | undefined,
): Verdict | undefined {
  let margin: number | undefined;
  for (const [index, item] of items.entries()) {
    const verdict = decide(item, index);
    if (verdict === undefined || verdict.status !== 'pass') return verdict;
    margin = smallerMargin(margin, verdict.margin);
  }
  return margin === undefined ? pass() : pass(margin);
}

// ---------------------------------------------------------------- views

/** The nearest float64 of a rational (diagnostics only). */
export function toFloat(q: Rational): number {
  return q.valueOf();
}

/** The number object of a rational or an enclosure. */
export function numberOf(value: Rational | RationalEnclosure): NumberObject {
  return value instanceof Rational ? exactNumberObject(value) : enclosureNumberObject(value);
}

// ---------------------------------------------------------------- shared statement pieces

/** The sentence of the paper's abstract that T4 and T5 formalize (their `source`). */
export const SPECTRAL_SOURCE =
  'Claims from the paper\'s abstract, formalized: "This yields monotonic KL convergence to a high-quality stationary distribution, ' +
  'bounded hitting times to superior states, and exponential mixing governed by the spectral gap."';

/** The stationary law mu = (m1, m2) = (b, a)/(a + b) of P = [[1 - a, a], [b, 1 - b]], as identity variables and substitutions. */
export const TWO_STATE_LAW = {
  variables: { a: 'probability', b: 'probability' },
  substitutions: { m1: 'b/(a + b)', m2: 'a/(a + b)' },
} as const;

/** A theorem formalizing that sentence: T4 and T5, `SPECTRAL_SOURCE` their source. */
export function spectralTheorem(id: string, title: string, members: Omit<Theorem, 'id' | 'title' | 'source'>): Theorem {
  return { id, title, source: SPECTRAL_SOURCE, ...members };
}
