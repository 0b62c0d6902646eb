/**
 * fast-check arbitraries for the instances of the theorem catalogue, with
 * exact rational numbers throughout, and the predicates they promise.
 *
 * Main definitions
 * - Scalars: `stateCount`, `rational`, `positiveRational`, `beta`, `expOneOverBeta`, `time`, `times`.
 * - Vectors: `potential` (Phi), `positiveWeights` (w = exp(Phi/beta)),
 *   `distribution`, `startDistribution` (nu_0), `superiorSet`,
 *   `superiorLevelSet`, `levelSet`.
 * - Kernels: `conductance`, `reversiblePrior`, `symmetricPrior`,
 *   `stochasticMatrix`, `nonReversiblePrior`, `nearReversiblePrior`.
 * - Interactions: `interaction` (s), `interactionWeights` (v = exp(s/beta)).
 * - RLVR: `promptSet`, `initialPolicy`.
 * - Instances: `instanceSlots`, `defaultSlotVariants`, `instanceFromSlots`,
 *   `parseSlotVariant`, `slotVariantLabel`.
 * - Energies across forms: `energyWeights`, `energyValues`,
 *   `energyMatrixWeights`, `energyMatrixValues`, `rewardWeights`, `rewardValues`.
 * - Predicates: `isDistribution`, `isStochastic`, `isSymmetric`,
 *   `satisfiesDetailedBalance`, `kolmogorovCycle`, `isIrreducible`, `isTilt`.
 * - Views: `instanceToJson`, `instanceToFloat`.
 *
 * Implementation details
 * Each arbitrary takes one constraints object with documented defaults,
 * validates it when called (an Error naming the constraint), and shrinks
 * toward the smallest meaningful instance: few states, values 0, 1, 1/2,
 * uniform laws. Arbitraries on n states accept `{ n }` to share n, or
 * `{ minStates, maxStates }` to draw it.
 */
export type { RationalInput, StateCountConstraints } from './_internals/validate.js';
export { stateCount, type StateCountRangeConstraints } from './stateCount.js';
export { rational, type RationalConstraints } from './rational.js';
export { positiveRational, type PositiveRationalConstraints } from './positiveRational.js';
export { beta, type BetaConstraints } from './beta.js';
export { expOneOverBeta, type ExpOneOverBetaConstraints } from './expOneOverBeta.js';
export { time, times, type TimeConstraints, type TimesConstraints } from './times.js';
export { potential, type PotentialConstraints } from './potential.js';
export { positiveWeights, type PositiveWeightsConstraints } from './positiveWeights.js';
export { distribution, type DistributionConstraints } from './distribution.js';
export {
  startDistribution,
  type StartDistribution,
  type StartDistributionConstraints,
  type StartKind,
} from './startDistribution.js';
export { levelSet, properThresholds, superiorLevelSet, superiorSet, type SuperiorSet } from './superiorSet.js';
export { conductance, type ConductanceConstraints, type ConductanceShape, type SelfLoops } from './conductance.js';
export { reversiblePrior, type ReversiblePrior } from './reversiblePrior.js';
export { symmetricPrior } from './symmetricPrior.js';
export { stochasticMatrix, type StochasticMatrixConstraints } from './stochasticMatrix.js';
export {
  nonReversiblePrior,
  type CirculatedPrior,
  type KolmogorovWitness,
  type NonReversiblePriorConstraints,
} from './nonReversiblePrior.js';
export { nearReversiblePrior, type NearReversiblePriorConstraints } from './nearReversiblePrior.js';
export { interaction, type InteractionConstraints, type InteractionKind } from './interaction.js';
export { interactionWeights, type InteractionWeightsConstraints } from './interactionWeights.js';
export {
  promptSet,
  type InitialPolicy,
  type InitialPolicyKind,
  type Prompt,
  type PromptSet,
  type PromptSetConstraints,
} from './promptSet.js';
export { initialPolicy, type InitialPolicyConstraints } from './initialPolicy.js';
export {
  energyMatrixValues,
  energyMatrixWeights,
  energyValues,
  energyWeights,
  rewardValues,
  rewardWeights,
  type EnergyForm,
  type EnergyMatrix,
  type EnergyVector,
  type RewardParts,
  type RewardSample,
} from './energy.js';
export {
  defaultSlotVariants,
  instanceFromSlots,
  instanceSlots,
  parseSlotVariant,
  slotVariantLabel,
  type ChainStartVariant,
  type Instance,
  type InteractionSample,
  type InteractionVariant,
  type PotentialVariant,
  type PromptSlotConstraints,
  type ReferenceSample,
  type ReferenceVariant,
  type RewardVariant,
  type SlotContext,
  type SlotDefinition,
  type SlotName,
  type SlotSelection,
  type SlotValues,
  type SlotVariants,
  type StartVariant,
  type TargetVariant,
} from './slots.js';
export {
  isDistribution,
  isIrreducible,
  isStochastic,
  isSymmetric,
  isTilt,
  kolmogorovCycle,
  satisfiesDetailedBalance,
} from './predicates.js';
export { instanceToJson, instanceToFloat } from './views.js';
