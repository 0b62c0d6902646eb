/**
 * `specs`: the builders of a theorem module's properties, mutants and
 * assumptions over one instance type, sharing its mode, description and way
 * of deciding a check.
 *
 * Main definitions
 * - `SpecParts<I, C>`: a claim, its instances, its check (of type `C`) and
 *   optionally its certificate claim, precision line, mode, instance view,
 *   float64 confirmation and former names.
 * - `SpecDefaults<I, C>`: what every spec of the kit shares; `decide` turns a
 *   check into a predicate (absent: the check is the predicate).
 * - `SpecKit<I, C>`, `specs(defaults)`: `property(name, parts)`,
 *   `mutant(name, parts, mutation?)`, `assumption(id, text, parts)`.
 * - `intervalSpecs(defaults)`: a kit whose checks are `IntervalCheck`s
 *   (checks.ts), decided in interval arithmetic with precision escalation.
 *
 * Main statements
 * - A parametrized claim is a function returning `SpecParts`: the same
 *   function gives the property (true parameters) and its mutants (false
 *   ones), so the claim text, the check and the certificate claim cannot
 *   drift apart: `kit.property('bound', bound(2, 8))`,
 *   `kit.mutant('bound-halved', bound(2, 16), 'the constant 1/8 halved')`.
 * - The specs are plain `PropertySpec`, `MutantSpec` and `AssumptionSpec`
 *   values: the runner and validate.ts treat them like hand-written ones.
 *
 * Implementation details
 * A mutant's claim is the parts' claim with the mutation in parentheses; it
 * carries no "FALSE:" prefix (validate.ts), since every report labels mutants
 * as false variants. `decide` receives the spec's own claim, so an undecided
 * run names the claim it could not decide. Names are not checked here:
 * validate.ts checks the whole theorem (kebab-case, uniqueness, former names)
 * before anything runs.
 */
import type fc from 'fast-check';
import type { ArithmeticMode } from '../../arith/arithmetic.js';
import type { CertifiedClaim } from '../../certificate/evaluateClaim.js';
import type { AssumptionSpec, DegreeSpec, MutantSpec, PropertySpec, Verdict } from '../theorem.js';
import { intervalCheck, PRECISION_STRICT, type IntervalCheck } from './checks.js';

/** A predicate: the verdict of the claim on one instance. */
export type Predicate<I> = (instance: I) => Verdict;

export interface SpecParts<I, C> {
  /** The claim in words (for a mutant: the false variant, without "FALSE:"). */
  readonly claim: string;
  readonly arbitrary: fc.Arbitrary<I>;
  /** The check, turned into the predicate by the kit's `decide`. */
  readonly check: C;
  /** The claim in the certificate language (src/certificate/). */
  readonly certify?: (instance: I) => CertifiedClaim;
  /** Overrides the kit's precision line. */
  readonly precision?: string;
  /** Overrides the kit's mode. */
  readonly mode?: ArithmeticMode;
  /** Overrides the kit's instance view. */
  readonly describe?: (instance: I) => unknown;
  /** float mode: the rigorous re-check of a float64 fail (as a predicate). */
  readonly confirm?: Predicate<I>;
  /** Earlier names, oldest first (renames.ts): replay accepts them, the oldest keys the seeds. */
  readonly formerNames?: readonly string[];
}

export interface SpecDefaults<I, C> {
  readonly mode: ArithmeticMode;
  /** How a check becomes the predicate; `claim` is the spec's claim. */
  readonly decide: (claim: string, check: C) => Predicate<I>;
  readonly describe?: (instance: I) => unknown;
  readonly precision?: string;
}

export interface AssumptionParts<I> {
  /** Needed: every property below must fail on `violate`; not needed: every one must hold. */
  readonly needed: boolean;
  /** Instances that violate the assumption (the properties' instance type). */
  readonly violate: fc.Arbitrary<I>;
  /** The properties that rely on it: names, or the specs themselves. */
  readonly properties: readonly (string | PropertySpec<I>)[];
  readonly degree?: DegreeSpec<I>;
  /** Earlier IDs, oldest first. */
  readonly formerNames?: readonly string[];
}

export interface SpecKit<I, C> {
  property(name: string, parts: SpecParts<I, C>): PropertySpec<I>;
  /** A false variant; `mutation` (what was changed) is appended to the claim in parentheses. */
  mutant(name: string, parts: SpecParts<I, C>, mutation?: string): MutantSpec<I>;
  assumption(id: string, text: string, parts: AssumptionParts<I>): AssumptionSpec<I>;
}

/** A kit whose checks are predicates. */
export function specs<I>(defaults: Omit<SpecDefaults<I, Predicate<I>>, 'decide'>): SpecKit<I, Predicate<I>>;
/** A kit whose checks `decide` turns into predicates. */
export function specs<I, C>(defaults: SpecDefaults<I, C>): SpecKit<I, C>;
export function specs<I, C>(
  defaults: Omit<SpecDefaults<I, C>, 'decide'> & { decide?: SpecDefaults<I, C>['decide'] },
): SpecKit<I, C> {
  const decide = defaults.decide ?? ((_claim: string, check: C) => check as Predicate<I>);
  const build = (name: string, claim: string, parts: SpecParts<I, C>): PropertySpec<I> => {
    const describe = parts.describe ?? defaults.describe;
    const precision = parts.precision ?? defaults.precision;
    return {
      name,
      claim,
      mode: parts.mode ?? defaults.mode,
      arbitrary: parts.arbitrary,
      predicate: decide(claim, parts.check),
      ...(describe !== undefined ? { describe } : {}),
      ...(precision !== undefined ? { precision } : {}),
      ...(parts.certify !== undefined ? { certify: parts.certify } : {}),
      ...(parts.confirm !== undefined ? { confirm: parts.confirm } : {}),
      ...(parts.formerNames !== undefined ? { formerNames: [...parts.formerNames] } : {}),
    };
  };
  return {
    property: (name, parts) => build(name, parts.claim, parts),
    mutant: (name, parts, mutation) =>
      build(name, mutation === undefined ? parts.claim : `${parts.claim} (${mutation})`, parts),
    assumption: (id, text, parts) => ({
      id,
      text,
      needed: parts.needed,
      violate: parts.violate,
      properties: parts.properties.map((p) => (typeof p === 'string' ? p : p.name)),
      ...(parts.degree !== undefined ? { degree: parts.degree } : {}),
      ...(parts.formerNames !== undefined ? { formerNames: [...parts.formerNames] } : {}),
    }),
  };
}

/**
 * A kit of interval properties whose checks are `IntervalCheck`s, decided
 * with precision escalation; precision line `PRECISION_STRICT` unless given.
 */
export function intervalSpecs<I>(
  defaults: { readonly describe?: (instance: I) => unknown; readonly precision?: string } = {},
): SpecKit<I, IntervalCheck<I>> {
  return specs<I, IntervalCheck<I>>({
    mode: 'interval',
    decide: intervalCheck,
    precision: PRECISION_STRICT,
    ...defaults,
  });
}
