/**
 * Shared pieces of the response-chain theorems: T2 (detailed balance with a
 * canonical potential), T2q (the high-quality stationary law) and T3
 * (monotone KL convergence). The chain and its assumptions are set out in
 * docs/catalogue.md (the response chain).
 *
 * Main definitions
 * - `ResponseChainInstance`, `responseChains(slots)`: instances built from the
 *   slots of properties/ (reference q, potential Phi, interaction s, reward
 *   form, beta), in the weight form (w, v, c rational: P exact) or the value
 *   form (Phi, s, c, beta rational: P transcendental).
 * - `chainFamily(variants)`, `CHAIN_STATES`: the same chains as a slot family
 *   (`assume`), n in 2..5.
 * - `ebmModelOf`: the instance as the engine's `EbmModel` (the full reward, so
 *   the engine builds P = pi* itself, c(x) included).
 * - `referenceMeasureOf`, `edgeMeasureOf`: rho (the reversing measure of q, or
 *   q's stationary law when q is not reversible) and C(x,y) = rho(x) q(y|x).
 * - `canonicalTilt`, `canonicalPotential`: Z_Phi, e^U = rho w Z_Phi and U in
 *   any arithmetic.
 * - `exactChain`: P (by `ebmKernel`), mu (by GTH, `stationaryDistribution`)
 *   and the closed-form pieces, exactly, for weight-form instances.
 * - `interactionVanishes`, `potentialIsConstant`: s = 0 and Phi constant, exactly.
 * - `stationaryLawAt`: the stationary law of P = pi* at any beta (the engine's
 *   `optimalPolicy`, then GTH), in any arithmetic.
 * - `exactValue`, `describeInstance`.
 * The chain in the certificate language is `ChainClaim` (chainClaim.ts).
 *
 * Implementation details
 * Nothing here computes a quantity from the closed form it is meant to test:
 * the kernel comes from `ebmKernel` / `optimalPolicy` (src/models/ebm.ts), the
 * stationary law from GTH state reduction (src/markov/stationaryDistribution.ts),
 * and only the comparison value is built from rho, w, Z_Phi.
 */
import type fc from 'fast-check';
import type { Arithmetic } from '../../src/arith/arithmetic.js';
import { exactArithmetic } from '../../src/arith/exact.js';
import { exactNumberObject, type NumberObject } from '../../src/arith/numberObject.js';
import { ONE, Rational } from '../../src/arith/rational.js';
import { stationaryDistribution } from '../../src/markov/stationaryDistribution.js';
import { ebmKernel, optimalPolicy, type EbmModel } from '../../src/models/ebm.js';
import {
  energyMatrixWeights,
  energyWeights,
  instanceFromSlots,
  instanceToJson,
  rewardValues,
  rewardWeights,
  type BetaConstraints,
  type EnergyVector,
  type InteractionSample,
  type InteractionVariant,
  type PotentialVariant,
  type ReferenceSample,
  type ReferenceVariant,
  type RewardParts,
  type RewardSample,
  type RewardVariant,
  type SlotName,
} from '../../properties/index.js';
import { slotFamily, type SlotFamily } from '../../src/runner/kit/index.js';

// ---------------------------------------------------------------- exact helpers

/** The JSON number object of an exact rational. */
export function exactValue(q: Rational): NumberObject {
  return exactNumberObject(q);
}

/** The JSON view of an instance: every rational as "p/q". */
export function describeInstance(instance: unknown): unknown {
  return instanceToJson(instance);
}

// ---------------------------------------------------------------- instances

/** One response chain: q, Phi, s, the reward form and beta (all exact). */
export interface ResponseChainInstance {
  readonly n: number;
  readonly reference: ReferenceSample;
  readonly potential: EnergyVector;
  readonly interaction: InteractionSample;
  readonly reward: RewardSample;
  readonly beta: Rational;
}

/** Slot variants of a response chain (see properties/slots.ts). */
export interface ResponseChainSlots {
  readonly n?: number | { min?: number; max?: number };
  readonly reference: ReferenceVariant;
  readonly potential: PotentialVariant;
  readonly interaction: InteractionVariant;
  /** default 'pairwise': r(x,y) = Phi(y) + c(x) + s(x,y) with a random offset c */
  readonly reward?: RewardVariant;
  readonly beta?: BetaConstraints;
}

/** Response chains with the given slot variants (n defaults to 2..6). */
export function responseChains(slots: ResponseChainSlots): fc.Arbitrary<ResponseChainInstance> {
  return instanceFromSlots({
    n: slots.n ?? 'default',
    reference: slots.reference,
    potential: slots.potential,
    interaction: slots.interaction,
    reward: slots.reward ?? 'pairwise',
    beta: slots.beta ?? 'default',
  });
}

/** States of the T2 and T2q chains: 2..5 keeps exact GTH and the interval exponentials cheap. */
export const CHAIN_STATES = { min: 2, max: 5 } as const;

/** The variants of one slot family of response chains (n in CHAIN_STATES, beta by default). */
export interface ChainVariants {
  readonly reference: ReferenceVariant;
  readonly potential: PotentialVariant;
  readonly interaction: InteractionVariant;
  readonly reward: RewardVariant;
}

/** Response chains as a slot family (`assume`); its instances are `responseChains` of the same slots. */
export function chainFamily(
  { reference, potential, interaction, reward }: ChainVariants,
  pinned: readonly SlotName[] = [],
): SlotFamily<ResponseChainInstance> {
  return slotFamily({ n: CHAIN_STATES, reference, potential, interaction, reward, beta: 'default' }, { pinned });
}

/** The parts r(x,y) is built from. */
function rewardParts(instance: ResponseChainInstance): RewardParts {
  return { potential: instance.potential, interaction: instance.interaction, reward: instance.reward };
}

/**
 * The instance as the engine's model. The full reward is handed over (weights
 * exp(r/beta) = c(x) w(y) v(x,y) in the weight form, values r with beta in the
 * value form), so the engine builds P = pi* with c(x) and its own normalizer Z(x).
 * A reversible reference is given by its conductance (q = C / row sums), any
 * other by its rows.
 */
export function ebmModelOf(instance: ResponseChainInstance): EbmModel {
  const { reference } = instance;
  const base: EbmModel =
    reference.reversible !== undefined ? { conductance: reference.reversible.conductance } : { reference: reference.q };
  if (instance.potential.form === 'weights')
    return { ...base, interactionWeights: rewardWeights(exactArithmetic, rewardParts(instance)) };
  return { ...base, reward: rewardValues(exactArithmetic, rewardParts(instance)), beta: instance.beta };
}

/**
 * rho: the reversing measure of q under A2 (row sums of C), or, when q is not
 * reversible, its stationary law (the untilted limit beta -> infinity). Not normalized.
 */
export function referenceMeasureOf(reference: ReferenceSample): Rational[] {
  if (reference.reversible !== undefined) return reference.reversible.rho;
  if (reference.circulation !== undefined) return reference.circulation.stationary;
  return stationaryDistribution(exactArithmetic, reference.q);
}

/** C(x,y) = rho(x) q(y|x): the conductance under A2 (symmetric), the flux of q otherwise. */
export function edgeMeasureOf(reference: ReferenceSample, rho: readonly Rational[]): Rational[][] {
  if (reference.reversible !== undefined) return reference.reversible.conductance;
  return reference.q.map((row, x) => row.map((value) => rho[x]!.mul(value)));
}

/**
 * Z_Phi(x) = sum_y q(y|x) w(y) v(x,y) and e^{U(x)} = rho(x) w(x) Z_Phi(x), the
 * canonical potential's exponential (T2), in any arithmetic.
 * Precision contract: sums of products of nonnegative numbers, no cancellation.
 */
export function canonicalTilt<T>(
  ar: Arithmetic<T>,
  q: readonly (readonly T[])[],
  rho: readonly T[],
  w: readonly T[],
  v: readonly (readonly T[])[],
): { zPhi: T[]; tilt: T[] } {
  const zPhi = q.map((row, x) =>
    row.reduce((acc, qxy, y) => ar.add(acc, ar.mul(ar.mul(qxy, w[y]!), v[x]![y]!)), ar.zero),
  );
  const tilt = zPhi.map((z, x) => ar.mul(ar.mul(rho[x]!, w[x]!), z));
  return { zPhi, tilt };
}

/**
 * T2's canonical potential U(x) = log rho(x) + Phi(x)/beta + log Z_Phi(x) of
 * an instance, in any arithmetic with logarithms (Phi/beta exact in the value
 * form, log w in the weight form).
 */
export function canonicalPotential<T>(ar: Arithmetic<T>, instance: ResponseChainInstance): T[] {
  const beta = ar.fromRational(instance.beta);
  const rho = referenceMeasureOf(instance.reference);
  const w = energyWeights(ar, instance.potential, beta);
  const v = energyMatrixWeights(ar, instance.interaction, beta);
  const enclose = (row: readonly Rational[]) => row.map((value) => ar.fromRational(value));
  const { zPhi } = canonicalTilt(ar, instance.reference.q.map(enclose), enclose(rho), w, v);
  const potential = instance.potential;
  const phiOverBeta =
    potential.form === 'values'
      ? potential.values.map((phi) => ar.fromRational(phi.div(instance.beta)))
      : w.map((wx) => ar.log(wx));
  return zPhi.map((z, x) => ar.add(ar.add(ar.log(ar.fromRational(rho[x]!)), phiOverBeta[x]!), ar.log(z)));
}

/** Everything about a weight-form chain, exactly. */
export interface ExactChain {
  readonly q: Rational[][];
  /** P = pi*, by the engine (`ebmKernel`). */
  readonly P: Rational[][];
  /** The stationary law of P by GTH, computed without the closed form. */
  readonly mu: Rational[];
  readonly w: Rational[];
  readonly v: Rational[][];
  readonly rho: Rational[];
  readonly C: Rational[][];
  readonly zPhi: Rational[];
  /** e^U = rho w Z_Phi (not normalized). */
  readonly tilt: Rational[];
}

/** The exact chain of a weight-form instance (w, v, c rational); an Error for the value form. */
export function exactChain(instance: ResponseChainInstance): ExactChain {
  if (instance.potential.form !== 'weights' || instance.interaction.form !== 'weights') {
    throw new Error('exactChain: the instance must be in the weight form (w, v rational) to be exact');
  }
  const ar = exactArithmetic;
  const P = ebmKernel(ar, ebmModelOf(instance)).kernel;
  const mu = stationaryDistribution(ar, P);
  const q = instance.reference.q;
  const w = energyWeights(ar, instance.potential);
  const v = energyMatrixWeights(ar, instance.interaction);
  const rho = referenceMeasureOf(instance.reference);
  const { zPhi, tilt } = canonicalTilt(ar, q, rho, w, v);
  return { q, P, mu, w, v, rho, C: edgeMeasureOf(instance.reference, rho), zPhi, tilt };
}

/** The interaction is s = 0 exactly (v = 1 in the weight form). */
export function interactionVanishes(instance: ResponseChainInstance): boolean {
  const s = instance.interaction;
  return s.form === 'weights'
    ? s.weights.every((row) => row.every((v) => v.equals(ONE)))
    : s.values.every((row) => row.every((v) => v.n === 0n));
}

/** Phi is constant (w constant in the weight form). */
export function potentialIsConstant(potential: EnergyVector): boolean {
  const values = potential.form === 'weights' ? potential.weights : potential.values;
  return values.every((v) => v.equals(values[0]!));
}

// ---------------------------------------------------------------- interval helpers

/** P = pi* at temperature `beta` (the instance's rewards r, exact or beta0 log of the weights), by `optimalPolicy`. */
function kernelAt<T>(ar: Arithmetic<T>, instance: ResponseChainInstance, beta: T): T[][] {
  const r = rewardValues(ar, rewardParts(instance), ar.fromRational(instance.beta));
  const q = instance.reference.q.map((row) => row.map((value) => ar.fromRational(value)));
  return optimalPolicy(ar, q, r, beta).policy;
}

/** The stationary law of P = pi* at temperature `beta`, by GTH (enclosures in interval mode). */
export function stationaryLawAt<T>(ar: Arithmetic<T>, instance: ResponseChainInstance, beta: T): T[] {
  return stationaryDistribution(ar, kernelAt(ar, instance, beta));
}
