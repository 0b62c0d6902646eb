/**
 * Energies given exactly in one of two forms, and their conversion into any
 * arithmetic.
 *
 * Main definitions
 * - `EnergyVector`, `EnergyMatrix`: a real vector (Phi, c) or matrix (s, r)
 *   given by its rational values, or by its rational weights exp(value/beta).
 * - `energyWeights`, `energyValues`: the vector as weights or values in an `Arithmetic<T>`.
 * - `energyMatrixWeights`, `energyMatrixValues`: the same for matrices.
 * - `RewardSample`: how r(x,y) is composed from Phi, c and s.
 * - `rewardWeights`, `rewardValues`: exp(r(x,y)/beta) and r(x,y) of an instance.
 *
 * Implementation details
 * Weight form is what exact mode needs: w = exp(Phi/beta), v = exp(s/beta)
 * rational make the tuned kernel P(x,y) = q(y|x) exp(r(x,y)/beta)/Z(x)
 * rational. Crossing forms needs exp or log: exact mode then throws
 * `InexactError` (from the arithmetic), interval mode encloses. `beta` is only
 * read when forms are crossed, and is passed in the arithmetic (it may itself
 * be an enclosure, e.g. 1/log E).
 */
import type { Arithmetic } from '../src/arith/arithmetic.js';
import type { Rational } from '../src/arith/rational.js';

export type EnergyForm = 'values' | 'weights';

/** A real vector f given exactly: its values, or its weights exp(f/beta). */
export type EnergyVector = { form: 'values'; values: Rational[] } | { form: 'weights'; weights: Rational[] };

/** A real matrix given exactly: its values, or its weights exp(value/beta). */
export type EnergyMatrix = { form: 'values'; values: Rational[][] } | { form: 'weights'; weights: Rational[][] };

/**
 * How the reward is composed (assumption A1 and its violation):
 * - 'potential': r(x,y) = Phi(y) - Phi(x) + s(x,y) (the paper's case, c = -Phi);
 * - 'pairwise': r(x,y) = Phi(y) + c(x) + s(x,y), c given by `offset`;
 * - 'any': r(x,y) given entrywise by `reward` (Phi and s unused).
 */
export type RewardSample =
  { kind: 'potential' } | { kind: 'pairwise'; offset: EnergyVector } | { kind: 'any'; reward: EnergyMatrix };

function needBeta<T>(beta: T | undefined, what: string): T {
  if (beta === undefined) throw new Error(`${what}: beta is required to cross between value and weight forms`);
  return beta;
}

function toWeight<T>(ar: Arithmetic<T>, value: Rational, beta: T): T {
  return ar.exp(ar.div(ar.fromRational(value), beta));
}

function toValue<T>(ar: Arithmetic<T>, weight: Rational, beta: T): T {
  return ar.mul(beta, ar.log(ar.fromRational(weight)));
}

/** exp(f/beta) entrywise. */
export function energyWeights<T>(ar: Arithmetic<T>, e: EnergyVector, beta?: T): T[] {
  if (e.form === 'weights') return e.weights.map((w) => ar.fromRational(w));
  const b = needBeta(beta, 'energyWeights');
  return e.values.map((v) => toWeight(ar, v, b));
}

/** f entrywise. */
export function energyValues<T>(ar: Arithmetic<T>, e: EnergyVector, beta?: T): T[] {
  if (e.form === 'values') return e.values.map((v) => ar.fromRational(v));
  const b = needBeta(beta, 'energyValues');
  return e.weights.map((w) => toValue(ar, w, b));
}

/** exp(m/beta) entrywise. */
export function energyMatrixWeights<T>(ar: Arithmetic<T>, e: EnergyMatrix, beta?: T): T[][] {
  if (e.form === 'weights') return e.weights.map((row) => row.map((w) => ar.fromRational(w)));
  const b = needBeta(beta, 'energyMatrixWeights');
  return e.values.map((row) => row.map((v) => toWeight(ar, v, b)));
}

/** m entrywise. */
export function energyMatrixValues<T>(ar: Arithmetic<T>, e: EnergyMatrix, beta?: T): T[][] {
  if (e.form === 'values') return e.values.map((row) => row.map((v) => ar.fromRational(v)));
  const b = needBeta(beta, 'energyMatrixValues');
  return e.weights.map((row) => row.map((w) => toValue(ar, w, b)));
}

/** The parts of an instance that define r(x,y). */
export interface RewardParts {
  potential: EnergyVector;
  /** s; absent means s = 0. */
  interaction?: EnergyMatrix;
  reward: RewardSample;
}

/** exp(r(x,y)/beta) for every x, y. Exact when every part is in weight form. */
export function rewardWeights<T>(ar: Arithmetic<T>, parts: RewardParts, beta?: T): T[][] {
  const { reward } = parts;
  if (reward.kind === 'any') return energyMatrixWeights(ar, reward.reward, beta);
  const w = energyWeights(ar, parts.potential, beta);
  const n = w.length;
  const v = parts.interaction ? energyMatrixWeights(ar, parts.interaction, beta) : undefined;
  const c = reward.kind === 'pairwise' ? energyWeights(ar, reward.offset, beta) : w.map((wx) => ar.div(ar.one, wx));
  return Array.from({ length: n }, (_, x) =>
    Array.from({ length: n }, (_, y) => {
      const base = ar.mul(w[y]!, c[x]!);
      return v ? ar.mul(base, v[x]![y]!) : base;
    }),
  );
}

/** r(x,y) for every x, y. Exact when every part is in value form. */
export function rewardValues<T>(ar: Arithmetic<T>, parts: RewardParts, beta?: T): T[][] {
  const { reward } = parts;
  if (reward.kind === 'any') return energyMatrixValues(ar, reward.reward, beta);
  const phi = energyValues(ar, parts.potential, beta);
  const n = phi.length;
  const s = parts.interaction ? energyMatrixValues(ar, parts.interaction, beta) : undefined;
  const c = reward.kind === 'pairwise' ? energyValues(ar, reward.offset, beta) : phi.map((p) => ar.neg(p));
  return Array.from({ length: n }, (_, x) =>
    Array.from({ length: n }, (_, y) => {
      const base = ar.add(phi[y]!, c[x]!);
      return s ? ar.add(base, s[x]![y]!) : base;
    }),
  );
}
