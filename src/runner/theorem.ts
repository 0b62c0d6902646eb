/**
 * The contract every theorem module follows.
 *
 * A theorem module states one claim of the catalogue (docs/catalogue.md) and the
 * evidence the runner gathers for it: certified symbolic identities, property
 * suites run on random instances, assumptions with instances that violate
 * them (ablation), and mutants, false variants of the claim that must be
 * refuted so that a suite which cannot fail is noticed.
 *
 * Main definitions
 * - `Verdict`: the answer of a predicate on one instance: pass (with an optional
 *   float64 margin), fail (with the concrete sides), or undecided (never a pass).
 * - `PropertySpec<I>`: a claim checked on instances drawn from a fast-check
 *   arbitrary, in one arithmetic mode.
 * - `MutantSpec<I>`: a false variant of a claim; refuted when a fail is found.
 * - `AssumptionSpec<I>`: a hypothesis, the instances that violate it, and the
 *   properties that rely on it.
 * - `IdentitySpec`, `Certificate`: the symbolic layer's identity and its
 *   certificate (re-exported).
 * - `Theorem`: the module itself.
 * - `pass`, `fail`, `undecided`: verdict constructors.
 * - Optional, for the assumption laboratory (`ebm-lens ablate`, `assume`):
 *   `DegreeSpec` (how far a claim fails, measured over levels of a
 *   violation), `SlotOverride` and `SlotOverrides` (slots of the instances
 *   replaced by a named variant or by user-drawn values), `SlotInstantiation`
 *   (a theorem's properties rebuilt for replaced slots), and the members
 *   `AssumptionSpec.degree`, `Theorem.slots` and `Theorem.instantiate`.
 *
 * Implementation details
 * A predicate may also throw `UndecidedError` (src/arith/arithmetic.ts): the
 * runner reads it as an undecided verdict. Any other exception is a bug of the
 * theorem module or the engine and is reported as an error, never as a verdict.
 * Predicates must be deterministic: shrinking and replay call them again.
 */
import type * as fc from 'fast-check';
import type { NumberObject } from '../arith/numberObject.js';
import type { ArithmeticMode } from '../arith/arithmetic.js';
import type { IdentitySpec } from './identity.js';
import type { CertifiedClaim } from '../certificate/evaluateClaim.js';

export type { Certificate, IdentitySpec } from './identity.js';

/** The claim holds on this instance; `margin` says how far it is from failing (e.g. rhs - lhs), a float64 diagnostic. */
export interface PassVerdict {
  readonly status: 'pass';
  readonly margin?: number;
}

/** The claim is false on this instance; `values` are the concrete sides, exact or enclosed. */
export interface FailVerdict {
  readonly status: 'fail';
  readonly claim: string;
  readonly values?: Readonly<Record<string, NumberObject | string>>;
}

/** The arithmetic could not decide the claim on this instance. Never counted as a pass. */
export interface UndecidedVerdict {
  readonly status: 'undecided';
  readonly reason: string;
}

export type Verdict = PassVerdict | FailVerdict | UndecidedVerdict;

export function pass(margin?: number): PassVerdict {
  return margin === undefined ? { status: 'pass' } : { status: 'pass', margin };
}

export function fail(claim: string, values?: Record<string, NumberObject | string>): FailVerdict {
  return values === undefined ? { status: 'fail', claim } : { status: 'fail', claim, values };
}

export function undecided(reason: string): UndecidedVerdict {
  return { status: 'undecided', reason };
}

/**
 * A claim checked on random instances.
 * - mode 'exact' or 'interval': a property whose every run passes is "verified".
 * - mode 'float': a passing property is "passed-float64", never "verified"; a
 *   float64 fail counts as a counterexample only when `confirm` (an exact or
 *   interval re-check of the same instance) also fails. A float fail that
 *   `confirm` passes is a rounding artifact (counted, and a pass); without
 *   `confirm`, or when it is undecided, the run is undecided.
 */
export interface PropertySpec<I> {
  readonly name: string;
  /** The claim in words, as in docs/catalogue.md. */
  readonly claim: string;
  readonly mode: ArithmeticMode;
  readonly arbitrary: fc.Arbitrary<I>;
  readonly predicate: (instance: I) => Verdict;
  /** A JSON view of an instance, for counterexamples (default: fast-check's stringify). */
  readonly describe?: (instance: I) => unknown;
  /** float mode only: the rigorous re-check of a float64 fail. */
  readonly confirm?: (instance: I) => Verdict;
  /** Free text on the precision used, for the report (default: derived from the mode). */
  readonly precision?: string;
  /**
   * The claim on this instance in the certificate language, with the instance
   * in exact rationals and witnesses for anything expensive (src/certificate/).
   * `check --certificate` decides it independently of `predicate`; the two
   * must agree on every run.
   */
  readonly certify?: (instance: I) => CertifiedClaim;
  /**
   * Earlier names, oldest first (renames.ts): `replay --property` still
   * accepts them, and the oldest keys the derived seeds, so that a renamed
   * property draws the instances it drew before.
   */
  readonly formerNames?: readonly string[];
}

/** A false variant of a claim (reversed KL, wrong sign, wrong constant, ...). Refuted when a fail is found. */
export type MutantSpec<I> = PropertySpec<I>;

/**
 * A hypothesis of the theorem. Ablation runs each property named in
 * `properties` on instances from `violate` (so `I` is those properties'
 * instance type): for a `needed` assumption every one of them is expected to
 * fail; for one that is not needed every one is expected to hold.
 */
export interface AssumptionSpec<I> {
  readonly id: string;
  readonly text: string;
  readonly needed: boolean;
  readonly violate: fc.Arbitrary<I>;
  /** Names of the properties (of the same theorem) that rely on this assumption. */
  readonly properties: readonly string[];
  /** How far the claims fail without the assumption (optional; `ebm-lens ablate` reports it). */
  readonly degree?: DegreeSpec<I>;
  /** Earlier IDs, oldest first: as `PropertySpec.formerNames` (`replay --assumption`, seeds). */
  readonly formerNames?: readonly string[];
}

/** Instances at one level of a violation, e.g. "eps = 1/100". */
export interface DegreeLevel<I> {
  readonly label: string;
  readonly arbitrary: fc.Arbitrary<I>;
}

/**
 * A degree of failure: a defect that is 0 where the claim holds and grows with
 * the violation (e.g. max |log(mu(x) P(x,y) / (mu(y) P(y,x)))|), measured on
 * random instances at each level of a violation.
 */
export interface DegreeSpec<I> {
  readonly name: string;
  /** The defect in words, e.g. 'max over x, y of |log(mu(x) P(x,y) / (mu(y) P(y,x)))|'. */
  readonly measure: string;
  /**
   * The defect of one instance: exact, or a rigorous enclosure; 'infinite'
   * when it is +infinity (e.g. a one-way transition). May throw: the sample is
   * then not counted.
   */
  readonly defect: (instance: I) => NumberObject | 'infinite';
  /** Levels of the violation, weakest first. */
  readonly levels: readonly DegreeLevel<I>[];
}

/**
 * One slot of a theorem's instances replaced (`ebm-lens assume`):
 * - 'variant': a named variant of properties/slots.ts, already validated.
 *   Constraint objects (beta, prompts, times, expOneOverBeta) are merged over
 *   the theorem's own constraints for the slot; other variants replace them.
 * - 'values': values drawn by a user's arbitrary, already converted to the
 *   slot's value type (properties/slots.ts `SlotValues`). `values(context)`
 *   receives n (and, for the start slot, the prompts drawn). `states` fixes n
 *   when every value has that size; `form` is the energy form of potential,
 *   interaction and reward values (only properties drawn in that form use them).
 */
export type SlotOverride =
  | { readonly kind: 'variant'; readonly label: string; readonly variant: unknown }
  | {
      readonly kind: 'values';
      readonly label: string;
      readonly values: (context: SlotValueContext) => fc.Arbitrary<unknown>;
      readonly states?: number;
      readonly form?: 'weights' | 'values';
    };

/** What user-drawn slot values may depend on. */
export interface SlotValueContext {
  readonly n: number;
  /** The prompt set drawn (properties/slots.ts `PromptSet`), for the start slot. */
  readonly prompts?: unknown;
}

/** Replaced slots by name (n, reference, potential, interaction, reward, beta, start, prompts, times, ...). */
export type SlotOverrides = Readonly<Record<string, SlotOverride>>;

/** A property rebuilt for replaced slots: run `spec.predicate` on `arbitrary`. */
export interface SlotProperty {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the rebuilt properties have different instance types; `spec` runs only on its own `arbitrary`
  readonly spec: PropertySpec<any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the instances of `spec` (its own instance type)
  readonly arbitrary: fc.Arbitrary<any>;
  /** The replaced slots its instances use. */
  readonly slots: readonly string[];
  /**
   * Set when the property is a conditional sub-claim ("if pi is a tilt, then
   * equality") whose hypothesis its own instances used to guarantee, and a
   * replaced slot no longer does: `assume` then checks the implication, the
   * claim only on instances where `holds`, and says so (docs/assumptions.md).
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the hypothesis on the instances of `spec` (its own instance type)
  readonly hypothesis?: SubClaimHypothesis<any>;
}

/** The hypothesis of a conditional sub-claim, decided on one instance. */
export interface SubClaimHypothesis<I> {
  /** The hypothesis in words, e.g. 'pi is a tilt of q at every prompt'. */
  readonly text: string;
  /** The slots whose own variants guarantee it (replacing one may remove it). */
  readonly slots: readonly string[];
  /** Whether the instance satisfies it (decided exactly). */
  readonly holds: (instance: I) => boolean;
}

/** A theorem's properties for replaced slots; properties using none of them are left out. */
export interface SlotInstantiation {
  readonly properties: readonly SlotProperty[];
  /** Properties that use a replaced slot but cannot take its values, with the reason (e.g. an energy form). */
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  /** Degrees of failure to measure when a property fails. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each degree has its own instance type, as the specs of Theorem
  readonly degrees: readonly DegreeSpec<any>[];
}

/**
 * A theorem module. Property and mutant names and assumption IDs are
 * kebab-case ('gap-strictly-decreasing'); identity names are single words (no
 * whitespace or quotes). Property and mutant names are unique together within
 * a theorem, former names included; identity names and assumption IDs unique
 * within it, theorem IDs unique in the catalogue. Mutant claims state the
 * false variant without a "FALSE:" prefix: reports label mutants already
 * (validate.ts checks all this before anything runs).
 */
export interface Theorem {
  /** Stable ID of docs/catalogue.md: "T1", ..., "T9" (and "T2q"). */
  readonly id: string;
  readonly title: string;
  readonly statement: { readonly text: string; readonly latex: string };
  /** The claim of the paper's abstract this theorem formalizes. */
  readonly source: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each spec has its own instance type; the runner pairs a spec's arbitrary only with its own predicate
  readonly assumptions: readonly AssumptionSpec<any>[];
  readonly identities: readonly IdentitySpec[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each spec has its own instance type; the runner pairs a spec's arbitrary only with its own predicate
  readonly properties: readonly PropertySpec<any>[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each spec has its own instance type; the runner pairs a spec's arbitrary only with its own predicate
  readonly mutants: readonly MutantSpec<any>[];
  /** Optional: the slots its instances are built from (properties/slots.ts names). */
  readonly slots?: readonly string[];
  /**
   * Optional: the properties rebuilt with some slots replaced. Throws an Error
   * only for a bad variant; a property that cannot take a replacement is
   * listed in `skipped`.
   */
  readonly instantiate?: (overrides: SlotOverrides) => SlotInstantiation;
}
