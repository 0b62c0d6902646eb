/**
 * Internal fixed-n builders of pairwise interactions s(x,y) and their
 * exponential weights v(x,y) = exp(s(x,y)/beta).
 *
 * Main definitions
 * - `InteractionKind`: 'none' | 'symmetric' | 'antisymmetric' | 'any'.
 * - `interactionValuesOn`, `interactionWeightsOn`.
 *
 * Implementation details
 * In value form: none is s = 0; symmetric mirrors the upper triangle (with
 * diagonal); antisymmetric negates the mirror and has s(x,x) = 0; any draws
 * every entry. In weight form the same structure is multiplicative:
 * v = 1, v(y,x) = v(x,y), v(y,x) = 1/v(x,y) with v(x,x) = 1, or free.
 */
import fc from 'fast-check';
import type { Rational } from '../../src/arith/rational.js';
import { ONE, ZERO, symmetricFromUpper, upperCount } from './exact.js';

export type InteractionKind = 'none' | 'symmetric' | 'antisymmetric' | 'any';
export const INTERACTION_KINDS: readonly InteractionKind[] = ['none', 'symmetric', 'antisymmetric', 'any'];

function square(n: number, entry: fc.Arbitrary<Rational>): fc.Arbitrary<Rational[][]> {
  return fc.array(fc.array(entry, { minLength: n, maxLength: n }), { minLength: n, maxLength: n });
}

function upper(n: number, withDiagonal: boolean, entry: fc.Arbitrary<Rational>): fc.Arbitrary<Rational[]> {
  const k = upperCount(n, withDiagonal);
  return fc.array(entry, { minLength: k, maxLength: k });
}

/** Structured matrix from an upper triangle: `mirror` maps an entry to its transpose partner. */
function fromUpper(
  n: number,
  values: readonly Rational[],
  mirror: (v: Rational) => Rational,
  diagonal: Rational,
): Rational[][] {
  const m = symmetricFromUpper(n, values, false, diagonal);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) m[i]![j] = mirror(m[j]![i]!);
  return m;
}

/** Interactions s in value form. */
export function interactionValuesOn(
  n: number,
  kind: InteractionKind,
  entry: fc.Arbitrary<Rational>,
): fc.Arbitrary<Rational[][]> {
  switch (kind) {
    case 'none':
      return fc.constant(Array.from({ length: n }, () => Array.from({ length: n }, () => ZERO)));
    case 'symmetric':
      return upper(n, true, entry).map((u) => symmetricFromUpper(n, u, true));
    case 'antisymmetric':
      return upper(n, false, entry).map((u) => fromUpper(n, u, (v) => v.neg(), ZERO));
    case 'any':
      return square(n, entry);
  }
}

/** Interactions in weight form v = exp(s/beta) > 0. */
export function interactionWeightsOn(
  n: number,
  kind: InteractionKind,
  weight: fc.Arbitrary<Rational>,
): fc.Arbitrary<Rational[][]> {
  switch (kind) {
    case 'none':
      return fc.constant(Array.from({ length: n }, () => Array.from({ length: n }, () => ONE)));
    case 'symmetric':
      return upper(n, true, weight).map((u) => symmetricFromUpper(n, u, true));
    case 'antisymmetric':
      return upper(n, false, weight).map((u) => fromUpper(n, u, (v) => v.inverse(), ONE));
    case 'any':
      return square(n, weight);
  }
}
