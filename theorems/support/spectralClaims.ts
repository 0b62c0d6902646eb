/**
 * Certificate claims on the exact chains of the spectral theorems T4
 * (exponential mixing) and T5 (hitting times): the pieces each claim is
 * assembled from, in the certificate language (src/certificate/).
 *
 * Main definitions
 * - `ClaimParts`: definitions, witnesses, instance values and premises that
 *   give a claim its named quantities; `chainClaim(chain, text, assert,
 *   ...parts)` assembles them over the instance P, mu (mu witnessed
 *   stationary).
 * - Spectral quantities: `extremeEigenvalues` (l_2, l_n and l*),
 *   `perronRootOn` (rho(P restricted to A^c)).
 * - Chains over time: `kernelPowers` (the rows of P^t), `lawsOverTime`
 *   (nu_t = nu_0 P^t), `rowTotalVariation` (TV(P^t(x, .), mu)).
 * - Small builders: `definition`, `powerOf`, `upTo`, `maskValue`.
 *
 * Main statements
 * - In a certificate the eigenvalues are brackets [lo, hi] verified by the
 *   checker's inertia count (`eigenvalueBracket`): they enter a claim as
 *   intervals, so a claim with one is decided in interval arithmetic. For
 *   n = 2 no witness is needed: the eigenvalues of a stochastic 2 x 2 matrix
 *   are 1 and tr P - 1 (det(P - l I) = (1 - l)(tr P - 1 - l), T4's identity
 *   twoStateCharacteristicPolynomial), so l_2 = l_n = tr P - 1 is a
 *   definition and the claim stays exact; likewise rho(Q) = max_y Q_yy for a
 *   diagonal block Q (1 x 1, or no moves inside A^c).
 *
 * Implementation details
 * The witnesses' brackets come from eigenvalue enclosures of width 10^-30
 * (`WITNESS_DIGITS`), with a margin of 10^-30 (`eigenvalueBracket`).
 */
import type { RationalEnclosure } from '../../src/arith/enclosure.js';
import { Rational, ZERO } from '../../src/arith/rational.js';
import { perronRoot } from '../../src/linalg/perronRoot.js';
import { abs, add, and, eq, matrixValue, max, mul, num, pow, ref, sub, sum } from '../../src/certificate/build.js';
import { vectorValue } from '../../src/certificate/build.js';
import { eigenvalueBracket, eigenvalueWitness } from '../../src/certificate/eigenvalueBracket.js';
import type { CertifiedClaim } from '../../src/certificate/evaluateClaim.js';
import type { BoolExpr, Definition, InstanceValue, NumExpr, Witness } from '../../src/certificate/format.js';
import { spectralEnclosures, type ChainInstance } from './spectralBounds.js';

/** Width 10^-digits of the eigenvalue enclosures behind the witnesses' brackets (and their margin). */
export const WITNESS_DIGITS = 30;
const WITNESS_MARGIN = new Rational(1n, 10n ** BigInt(WITNESS_DIGITS));

export const definition = (index: string[], body: NumExpr): Definition => ({ index, body });

/** Definitions and witnesses that give a claim its named quantities. */
export interface ClaimParts {
  readonly defs?: Record<string, Definition>;
  readonly witnesses?: Witness[];
  /** instance values beyond P and mu */
  readonly values?: Record<string, InstanceValue>;
  /** facts of the instance that the definitions rest on, checked before the assertion */
  readonly premise?: BoolExpr;
}

/** x^k, written 1 when k = 0 (so that a bound at t = 0 stays exact even when x is an enclosure). */
export function powerOf(x: NumExpr, k: number): NumExpr {
  return k === 0 ? num(1) : pow(x, k);
}

/** The conjunction of `body(t)` for t = from..to (true when empty). */
export function upTo(from: number, to: number, body: (t: number) => BoolExpr): BoolExpr {
  const parts = Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => body(from + k));
  return parts.length === 0 ? { and: [] } : and(...parts);
}

/**
 * A claim on a chain: the instance is P and mu (mu witnessed stationary, so
 * the checker also confirms that P is stochastic), plus the parts' values,
 * definitions and witnesses.
 */
export function chainClaim(
  chain: ChainInstance,
  text: string,
  assert: BoolExpr,
  ...parts: ClaimParts[]
): CertifiedClaim {
  const defs = Object.assign({}, ...parts.map((part) => part.defs ?? {})) as Record<string, Definition>;
  const values = Object.assign({}, ...parts.map((part) => part.values ?? {})) as Record<string, InstanceValue>;
  const premises = parts.flatMap((part) => (part.premise === undefined ? [] : [part.premise]));
  return {
    claim: {
      text,
      ...(Object.keys(defs).length === 0 ? {} : { defs }),
      assert: premises.length === 0 ? assert : and(...premises, assert),
    },
    instance: { P: matrixValue(chain.kernel), mu: vectorValue(chain.mu), ...values },
    witnesses: [{ kind: 'stationary', matrix: 'P', law: 'mu' }, ...parts.flatMap((part) => part.witnesses ?? [])],
  };
}

/** A witnessed eigenvalue of P (on the states of `mask` when given), bracketed from its enclosure. */
function witnessed(
  chain: ChainInstance,
  name: string,
  rank: number,
  enclosure: RationalEnclosure,
  mask?: { name: string; states: number[] },
): Witness {
  const bracket = eigenvalueBracket(chain.kernel, chain.mu, rank, enclosure, mask?.states, { margin: WITNESS_MARGIN });
  return eigenvalueWitness(
    { matrix: 'P', law: 'mu', rank, name, ...(mask === undefined ? {} : { states: mask.name }) },
    bracket,
  );
}

/**
 * l2 = l_2, ln = l_n (those asked for) and, with both, lstar = l* = max(|l_2|, |l_n|):
 * eigenvalue witnesses (ranks 2 and -1) for n >= 3, the definition tr P - 1 for n = 2.
 */
export function extremeEigenvalues(chain: ChainInstance, names: readonly ('l2' | 'ln')[] = ['l2', 'ln']): ClaimParts {
  const defs: Record<string, Definition> = {};
  if (names.includes('l2') && names.includes('ln')) defs.lstar = definition([], max(abs(ref('l2')), abs(ref('ln'))));
  if (chain.kernel.length === 2) {
    // the eigenvalues are 1 and tr P - 1: l_2 = l_n = tr P - 1
    const [first, ...rest] = names;
    if (first !== undefined) defs[first] = definition([], sub(add(ref('P', 0, 0), ref('P', 1, 1)), num(1)));
    for (const name of rest) defs[name] = definition([], ref(first!));
    return { defs };
  }
  const spectrum = spectralEnclosures(chain.kernel, WITNESS_DIGITS);
  const witnesses = names.map((name) =>
    name === 'l2' ? witnessed(chain, 'l2', 2, spectrum.lambda2) : witnessed(chain, 'ln', -1, spectrum.lambdaMin),
  );
  return { defs, witnesses };
}

/**
 * rhoQ = rho(Q), Q = P restricted to A^c (the instance mask `Ac`). When Q is
 * diagonal (A^c = {y}, or no move between two states of A^c: checked as a
 * premise, P(x, y) = 0 for x != y in A^c) its eigenvalues are its diagonal
 * entries and rhoQ = max_y Q_yy exactly; else a witness of the largest
 * eigenvalue of P on A^c (the Perron root: Q >= 0).
 */
export function perronRootOn(chain: ChainInstance, rest: readonly number[]): ClaimParts {
  const Q = rest.map((x) => rest.map((y) => chain.kernel[x]![y]!));
  if (Q.every((row, i) => row.every((q, j) => i === j || q.equals(ZERO)))) {
    const offDiagonal = rest.flatMap((x) => rest.filter((y) => y !== x).map((y) => eq(ref('P', x, y), num(0))));
    return {
      defs: {
        rhoQ: definition(
          [],
          rest.length === 1 ? ref('P', rest[0]!, rest[0]!) : max(...rest.map((y) => ref('P', y, y))),
        ),
      },
      ...(offDiagonal.length === 0 ? {} : { premise: and(...offDiagonal) }),
    };
  }
  const mask = chain.kernel.map((_, x) => (rest.includes(x) ? 1 : 0));
  return { witnesses: [witnessed(chain, 'rhoQ', 1, perronRoot(Q, WITNESS_DIGITS), { name: 'Ac', states: mask })] };
}

/** 0/1 indicator of `states` among n, as an instance vector. */
export function maskValue(n: number, states: readonly number[]): InstanceValue {
  return Array.from({ length: n }, (_, x) => (states.includes(x) ? '1' : '0'));
}

/** Pt0 = I (the instance value I) and Pt{t}(x, y) = sum_z Pt{t-1}(x, z) P(z, y) for t = 1..T: the rows of P^t. */
export function kernelPowers(n: number, T: number): ClaimParts {
  const defs: Record<string, Definition> = {};
  for (let t = 1; t <= T; t++)
    defs[`Pt${t}`] = definition(['x', 'y'], sum('z', 'mu', mul(ref(`Pt${t - 1}`, 'x', 'z'), ref('P', 'z', 'y'))));
  const identity = Array.from({ length: n }, (_, x) => Array.from({ length: n }, (_, y) => (x === y ? '1' : '0')));
  return { defs, values: { Pt0: identity } };
}

/** nu{t}(y) = sum_x nu{t-1}(x) P(x, y) for t = 1..T, from the instance law nu0. */
export function lawsOverTime(nu0: readonly Rational[], T: number): ClaimParts {
  const defs: Record<string, Definition> = {};
  for (let t = 1; t <= T; t++)
    defs[`nu${t}`] = definition(['y'], sum('x', 'mu', mul(ref(`nu${t - 1}`, 'x'), ref('P', 'x', 'y'))));
  return { defs, values: { nu0: vectorValue(nu0) } };
}

/** TV(P^t(x, .), mu) = (1/2) sum_y |P^t(x, y) - mu(y)| at the row index x (a bound name or a state). */
export function rowTotalVariation(t: number, x: string | number): NumExpr {
  return mul(num('1/2'), sum('y', 'mu', abs(sub(ref(`Pt${t}`, x, 'y'), ref('mu', 'y')))));
}
