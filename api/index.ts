/**
 * The public entry point of the package: `import { ... } from 'ebm-lens'`.
 *
 * Main definitions
 * - The catalogue: `catalogue` (the theorems of arXiv:2512.18730, T1 to T9
 *   and T2q).
 * - Writing a theorem: `defineTheorem`, `TheoremDefinitionError`, the typed
 *   spec helpers `property`, `mutant`, `assumption`, the theorem kit
 *   (`specs`, `intervalSpecs`, `IntervalChecks`, `intervalCheck`,
 *   `PRECISION_EQUAL`, `PRECISION_STRICT`), the verdicts
 *   `pass`, `fail`, `undecided`, and the types of the theorem module
 *   (`Theorem`, `PropertySpec`, `MutantSpec`, `AssumptionSpec`,
 *   `IdentitySpec`, `DegreeSpec`, `Verdict`, ...).
 * - Deciding a claim: `decideInIntervals`, `equalTo30Digits`,
 *   `EQUALITY_DIGITS`, `EQUALITY_PRECISION`, `decidedSign`, `decidedLess`,
 *   `UndecidedError`, `InexactError`.
 * - Checking: `checkTheorem` (identities, properties and mutants of one
 *   theorem, as `ebm-lens check` does), `certifyIdentity`, `PROFILES`,
 *   `DEFAULT_SEED`.
 * - Instances: `fc` (the fast-check ebm-lens runs with) and every arbitrary
 *   and predicate of properties/.
 * - Arithmetic: `exactArithmetic`, `intervalArithmetic`, `floatArithmetic`,
 *   `Rational`, `parseRational`, number objects.
 * - Tools: divergences (`kl`, `chiSquare`, `totalVariation`, `entropy`, ...),
 *   Markov chains (stationary law, reversibility, spectrum, hitting and
 *   mixing times, trajectories), the EBM (`optimalPolicy`, `ebmKernel`) and
 *   RLVR (`rlvrObjective`, `optimalReasoningPolicy`, the natural-gradient
 *   flow).
 * - Assumption modules for `ebm-lens assume`: `AssumptionModule` and its types.
 *
 * The claim language of certificates is the sub-entry `ebm-lens/claims`;
 * vitest integration is `ebm-lens/vitest`. Anything not exported here or
 * there is internal and may change without notice.
 */
import fc from 'fast-check';
import { catalogue as catalogueTheorems } from '../theorems/index.js';
import type { Theorem } from '../src/runner/theorem.js';
import { certifyIdentity } from '../src/symbolic/certify.js';
import { runTheorem, type TheoremResult } from '../src/runner/run.js';
import { PROFILES, type Profile } from '../src/runner/profiles.js';
import { DEFAULT_SEED } from '../src/runner/seed.js';

export { fc };

/** The theorems of the paper's claims, in catalogue order. */
export const catalogue: readonly Theorem[] = Object.freeze([...catalogueTheorems]);

// ---- theorem modules
export {
  assumption,
  defineTheorem,
  mutant,
  property,
  TheoremDefinitionError,
  type TheoremDefinition,
} from '../src/runner/define.js';
export {
  intervalCheck,
  IntervalChecks,
  intervalSpecs,
  PRECISION_EQUAL,
  PRECISION_STRICT,
  specs,
  type AssumptionParts,
  type CheckContext,
  type IntervalCheck,
  type Predicate,
  type SpecDefaults,
  type SpecKit,
  type SpecParts,
} from '../src/runner/kit/index.js';
export {
  fail,
  pass,
  undecided,
  type AssumptionSpec,
  type DegreeLevel,
  type DegreeSpec,
  type FailVerdict,
  type MutantSpec,
  type PassVerdict,
  type PropertySpec,
  type SlotInstantiation,
  type SlotOverride,
  type SlotOverrides,
  type SlotProperty,
  type SlotValueContext,
  type Theorem,
  type UndecidedVerdict,
  type Verdict,
} from '../src/runner/theorem.js';
export type { Certificate, CertificateStatus, CertifyOptions, Domain, IdentitySpec } from '../src/symbolic/certify.js';
export type { CertifiedClaim } from '../src/certificate/evaluateClaim.js';

// ---- decisions
export {
  decideInIntervals,
  equalTo30Digits,
  EQUALITY_DIGITS,
  EQUALITY_PRECISION,
} from '../src/runner/decideInIntervals.js';
export {
  decidedLess,
  decidedSign,
  InexactError,
  UndecidedError,
  type Arithmetic,
  type ArithmeticMode,
  type Sign,
} from '../src/arith/arithmetic.js';

// ---- checking
export type { TheoremResult, TheoremStatus } from '../src/runner/run.js';
export type {
  Counterexample,
  MutantResult,
  MutantStatus,
  PropertyResult,
  PropertyStatus,
} from '../src/runner/property.js';
export type { IdentityResult, IdentityStatus } from '../src/runner/identity.js';
export { MINIMUM_RUNS_FOR_VERIFIED } from '../src/runner/property.js';
export { PROFILES, type Profile, type ProfileName } from '../src/runner/profiles.js';
export { DEFAULT_SEED } from '../src/runner/seed.js';
export { certifyIdentity };

export interface CheckOptions {
  /** master seed (default 251218730); the same seed gives the same result */
  readonly seed?: number;
  /** 'quick' (200 runs), 'standard' (1000) or 'deep' (5000); default 'quick' */
  readonly profile?: Profile | 'quick' | 'standard' | 'deep';
  /** runs per property and per mutant (overrides the profile) */
  readonly runs?: number;
}

/**
 * Check one theorem as `ebm-lens check` does: identities through the
 * certifier, properties and mutants on random instances, seeds derived from
 * the master seed and the names. Throws only for a bug (a malformed theorem
 * is caught by `defineTheorem`); an exception inside a predicate is the
 * 'error' status of that property, never a verdict.
 */
export function checkTheorem(theorem: Theorem, options: CheckOptions = {}): TheoremResult {
  const profile = typeof options.profile === 'string' ? PROFILES[options.profile] : (options.profile ?? PROFILES.quick);
  return runTheorem(theorem, {
    seed: options.seed ?? DEFAULT_SEED,
    profile,
    certify: certifyIdentity,
    ...(options.runs !== undefined ? { runs: options.runs } : {}),
  });
}

// ---- instances (properties/)
export * from '../properties/index.js';

// ---- arithmetic and number objects
export { exactArithmetic } from '../src/arith/exact.js';
export { intervalArithmetic, Interval, type IntervalArithmetic } from '../src/arith/interval.js';
export { floatArithmetic } from '../src/arith/float.js';
export { parseRational, Rational, rationalToString } from '../src/arith/rational.js';
export {
  exactNumberObject,
  floatNumberObject,
  rationalToDecimal,
  type NumberObject,
} from '../src/arith/numberObject.js';
export type { RationalEnclosure } from '../src/arith/enclosure.js';

// ---- information
export {
  bernoulliKl,
  binaryEntropy,
  chiSquare,
  entropy,
  InfiniteDivergenceError,
  kl,
  totalVariation,
} from '../src/info/divergences.js';

// ---- Markov chains
export { stationaryDistribution, ReducibleChainError } from '../src/markov/stationaryDistribution.js';
export { stepDistribution, validateKernel } from '../src/markov/kernel.js';
export { trajectory, type Trajectory } from '../src/markov/trajectory.js';
export { mixingTime, distanceToStationarity, type MixingTimeResult } from '../src/markov/mixingTime.js';
export {
  detailedBalance,
  kolmogorovCriterion,
  canonicalPotential,
  type DetailedBalanceResult,
  type KolmogorovResult,
} from '../src/markov/reversibility.js';
export { expectedHittingTimes, expectedHittingTimeFrom, UnreachableTargetError } from '../src/markov/hittingTimes.js';
export {
  kernelSpectrum,
  largestEigenvalue,
  type KernelSpectrum,
  type SpectrumInput,
  type SpectrumOptions,
} from '../src/markov/spectrum.js';
export { chainStructure, type ChainStructure, type CommunicatingClass } from '../src/markov/communicatingClasses.js';

// ---- energy-based models
export { ebmKernel, ebmStationaryClosedForm, optimalPolicy, type EbmModel, type EbmPieces } from '../src/models/ebm.js';

// ---- RLVR
export { rlvrObjective } from '../src/rlvr/objective.js';
export {
  exponentialTilt,
  optimalReasoningPolicy,
  type OptimalReasoning,
  type Tilt,
} from '../src/rlvr/optimalPolicy.js';
export {
  restrictToSupport,
  splitMass,
  type RlvrInstance,
  type RlvrPrompt,
  type SupportedPrompt,
} from '../src/rlvr/prompt.js';
export {
  flowCoefficients,
  flowLogits,
  flowPolicy,
  softmaxPolicy,
  type FlowCoefficients,
  type FlowState,
} from '../src/rlvr/naturalGradientFlow.js';
export { integrateNaturalGradientFlow, type IntegratedFlow } from '../src/rlvr/flowIntegration.js';

// ---- assumption modules (ebm-lens assume FILE)
export type {
  AssumptionModule,
  AssumptionSlots,
  Energies,
  Matrix,
  ModuleContext,
  Num,
  PromptInput,
  PromptView,
  SlotSource,
  SlotValueTypes,
  Vector,
} from '../src/assume/module.js';
