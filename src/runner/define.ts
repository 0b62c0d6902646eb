/**
 * `defineTheorem`: a theorem module written outside this repository, checked
 * at the boundary.
 *
 * Main definitions
 * - `TheoremDefinition`: what a user writes. `identities`, `mutants` and
 *   `assumptions` may be left out (none); `statement` may be one string (its
 *   LaTeX is then the same text); `source` defaults to "user theorem".
 * - `defineTheorem(definition)`: the `Theorem`, or a `TheoremDefinitionError`
 *   listing every problem.
 * - `TheoremDefinitionError`: thrown for a definition that is not a theorem.
 * - `property(spec)`, `mutant(spec)`, `assumption(spec)`: the spec itself,
 *   typed: the instance type is inferred from the arbitrary, so that the
 *   predicate's parameter is typed too (inside a theorem's lists, whose specs
 *   each have their own instance type, it would otherwise be `any`).
 *
 * Main statements
 * - The result passes `theoremShapeProblems` and `catalogueProblems`
 *   (validate.ts), the checks the catalogue itself passes: names are one
 *   word, property and mutant names are unique together, identity names and
 *   assumption IDs unique, modes exact, interval or float, assumptions name
 *   only properties of the theorem.
 * - The returned theorem and its lists are frozen.
 */
import { catalogueProblems, theoremShapeProblems } from './validate.js';
import type {
  AssumptionSpec,
  IdentitySpec,
  MutantSpec,
  PropertySpec,
  SlotInstantiation,
  SlotOverrides,
  Theorem,
} from './theorem.js';

export interface TheoremDefinition {
  /** One word, e.g. "Pinsker2"; must not be a catalogue ID (T1, ..., T9, T2q) when checked from the command line. */
  readonly id: string;
  readonly title: string;
  /** The statement in words, or in words and LaTeX. */
  readonly statement: string | { readonly text: string; readonly latex: string };
  /** Where the claim comes from (a paper, a section, "my notes"). */
  readonly source?: string;
  readonly identities?: readonly IdentitySpec[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each spec has its own instance type (as in `Theorem`)
  readonly properties: readonly PropertySpec<any>[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each spec has its own instance type (as in `Theorem`)
  readonly mutants?: readonly MutantSpec<any>[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each spec has its own instance type (as in `Theorem`)
  readonly assumptions?: readonly AssumptionSpec<any>[];
  readonly slots?: readonly string[];
  readonly instantiate?: (overrides: SlotOverrides) => SlotInstantiation;
}

export class TheoremDefinitionError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`not a valid theorem: ${problems.join('; ')}`);
    this.name = 'TheoremDefinitionError';
  }
}

/** The theorem of a definition, validated as the catalogue is; throws `TheoremDefinitionError`. */
export function defineTheorem(definition: TheoremDefinition): Theorem {
  if (typeof definition !== 'object' || definition === null)
    throw new TheoremDefinitionError(['defineTheorem needs an object']);
  const given: unknown = definition.properties; // a JavaScript caller may pass anything
  const propertiesListed = Array.isArray(given);
  const statement =
    typeof definition.statement === 'string'
      ? { text: definition.statement, latex: definition.statement }
      : definition.statement;
  const theorem: Theorem = {
    id: definition.id,
    title: definition.title,
    statement:
      statement === undefined || statement === null
        ? statement
        : Object.freeze({ text: statement.text, latex: statement.latex }),
    source: definition.source ?? 'user theorem',
    identities: Object.freeze([...(definition.identities ?? [])]),
    properties: Object.freeze([...(propertiesListed ? definition.properties : [])]),
    mutants: Object.freeze([...(definition.mutants ?? [])]),
    assumptions: Object.freeze([...(definition.assumptions ?? [])]),
    ...(definition.slots !== undefined ? { slots: Object.freeze([...definition.slots]) } : {}),
    ...(definition.instantiate !== undefined ? { instantiate: definition.instantiate } : {}),
  };
  const problems = propertiesListed
    ? theoremShapeProblems(theorem)
    : [`${String(definition.id)}: properties is not an array`];
  if (problems.length === 0) problems.push(...catalogueProblems([theorem]));
  if (problems.length > 0) throw new TheoremDefinitionError(problems);
  return Object.freeze(theorem);
}

/** A property, its instance type inferred from `arbitrary` (module comment). */
export function property<I>(spec: PropertySpec<I>): PropertySpec<I> {
  return spec;
}

/** A mutant (a false variant of a claim), its instance type inferred from `arbitrary`. */
export function mutant<I>(spec: MutantSpec<I>): MutantSpec<I> {
  return spec;
}

/** An assumption, its instance type inferred from `violate`. */
export function assumption<I>(spec: AssumptionSpec<I>): AssumptionSpec<I> {
  return spec;
}
