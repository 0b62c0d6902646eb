/**
 * Internal fixed-n builders of RLVR instances: prompts with weights D(x),
 * reference laws q(.|x), correct sets C_x, and initial policies pi_0.
 *
 * Main definitions
 * - `Prompt`, `PromptSet`, `InitialPolicy`, `InitialPolicyKind`.
 * - `promptSetOn`, `initialPolicyOn`.
 *
 * Implementation details
 * The size of C_x is drawn uniformly from 0..n (1..n-1 without degenerate
 * sets) in the order 1, 2, ..., n, 0, so it shrinks toward one correct
 * response; its members are the states with the smallest random keys,
 * shrinking toward {0}. A tilt multiplies q by a on C_x and by b on W_x and
 * renormalizes; a non-tilt then multiplies one response of a class with at
 * least two members by f = 1 + k/m != 1, which breaks the proportions inside
 * that class.
 */
import fc from 'fast-check';
import { Rational } from '../../src/arith/rational.js';
import { ONE, normalize, ratio, total } from './exact.js';
import { distributionOn, smallestKeys } from './distributions.js';
import { weightFrom, type WeightBounds } from './weights.js';

/** One prompt x of an RLVR instance. */
export interface Prompt {
  /** D(x) > 0; the weights of a prompt set sum to exactly 1. */
  weight: Rational;
  /** q(.|x): every entry > 0, sums to exactly 1. */
  reference: Rational[];
  /** correct[y] iff r(x,y) = 1 (y in C_x); any size 0..n unless degenerate sets are excluded. */
  correct: boolean[];
  /** p0(x) = q(C_x|x). */
  p0: Rational;
  /** pi_0(.|x) when an initial policy was asked for. */
  initial?: InitialPolicy;
}

/** Prompts sharing one response space of size `responses`. */
export interface PromptSet {
  responses: number;
  prompts: Prompt[];
}

export type InitialPolicyKind = 'reference' | 'tilt' | 'any' | 'nonTilt';
export const INITIAL_POLICY_KINDS: readonly InitialPolicyKind[] = ['reference', 'tilt', 'any', 'nonTilt'];

/** An initial policy pi_0(.|x); every entry > 0 and the entries sum to exactly 1. */
export type InitialPolicy =
  | { kind: 'reference'; pi0: Rational[] }
  | { kind: 'tilt'; pi0: Rational[]; correctFactor: Rational; wrongFactor: Rational }
  | { kind: 'any'; pi0: Rational[] }
  | { kind: 'nonTilt'; pi0: Rational[]; perturbed: number; factor: Rational };

/** Prompt sets with n responses per prompt. */
export function promptSetOn(
  n: number,
  minPrompts: number,
  maxPrompts: number,
  degenerate: boolean,
  maxWeight: number,
): fc.Arbitrary<PromptSet> {
  const correctSet = fc
    .tuple(
      fc.integer({ min: 0, max: degenerate ? n : n - 2 }),
      fc.array(fc.nat({ max: n }), { minLength: n, maxLength: n }),
    )
    .map(([j, keys]) => {
      const size = degenerate ? (j + 1) % (n + 1) : j + 1;
      const members = new Set(smallestKeys(keys, size));
      return Array.from({ length: n }, (_, y) => members.has(y));
    });
  const prompt = fc.record({
    weight: fc.integer({ min: 1, max: maxWeight }),
    reference: distributionOn(n, true, maxWeight),
    correct: correctSet,
  });
  return fc.array(prompt, { minLength: minPrompts, maxLength: maxPrompts }).map((raw) => {
    const weights = normalize(raw.map((p) => ratio(p.weight)));
    const prompts = raw.map((p, i) => ({
      weight: weights[i]!,
      reference: p.reference,
      correct: p.correct,
      p0: total(p.reference.filter((_, y) => p.correct[y])),
    }));
    return { responses: n, prompts };
  });
}

/** True when some class (C_x or W_x) has two members, i.e. a non-tilt exists. */
export function admitsNonTilt(correct: readonly boolean[]): boolean {
  const c = correct.filter(Boolean).length;
  return c >= 2 || correct.length - c >= 2;
}

/** Initial policies of one kind for a prompt (reference > 0). */
export function initialPolicyOn(
  reference: readonly Rational[],
  correct: readonly boolean[],
  kind: InitialPolicyKind,
  bounds: WeightBounds,
): fc.Arbitrary<InitialPolicy> {
  const factor = weightFrom(bounds);
  const tilt = fc.tuple(factor, factor).map(([a, b]) => ({
    correctFactor: a,
    wrongFactor: b,
    pi0: normalize(reference.map((q, y) => q.mul(correct[y] ? a : b))),
  }));
  switch (kind) {
    case 'reference':
      return fc.constant({ kind: 'reference' as const, pi0: [...reference] });
    case 'tilt':
      return tilt.map((t) => ({ kind: 'tilt' as const, ...t }));
    case 'any':
      return distributionOn(reference.length, true, 64).map((pi0) => ({ kind: 'any' as const, pi0 }));
    case 'nonTilt': {
      // Responses sharing their class with another response: perturbing one breaks the tilt form.
      const candidates = correct.flatMap((c, y) => (correct.filter((d) => d === c).length >= 2 ? [y] : []));
      return fc
        .tuple(
          tilt,
          fc.integer({ min: 0, max: candidates.length - 1 }),
          fc.integer({ min: 1, max: 8 }),
          fc.integer({ min: 1, max: 8 }),
        )
        .map(([t, i, k, m]) => {
          const perturbed = candidates[i]!;
          const f = ONE.add(new Rational(BigInt(k), BigInt(m)));
          const pi0 = normalize(t.pi0.map((p, y) => (y === perturbed ? p.mul(f) : p)));
          return { kind: 'nonTilt' as const, pi0, perturbed, factor: f };
        });
    }
  }
}
