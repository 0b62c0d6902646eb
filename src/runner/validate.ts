/**
 * Consistency of a theorem catalogue, checked before anything runs.
 *
 * Main definitions
 * - `catalogueProblems(theorems)`: every problem found, one sentence each.
 * - `validateCatalogue(theorems)`: throws an Error listing them (a bug in a
 *   theorem module, never a verdict).
 * - `theoremShapeProblems(value)`: what keeps a value that nobody here wrote
 *   (a user's theorem module) from being a `Theorem` at all: missing or
 *   mistyped members, arbitraries that are not fast-check arbitraries,
 *   predicates that are not functions. Empty when it has the shape; the
 *   catalogue's own checks come after.
 *
 * - `KEBAB_CASE`, `isKebabCase(name)`: the naming convention of property,
 *   mutant and assumption names: lowercase words and digits joined by single
 *   hyphens ('gap-strictly-decreasing', 'a1-no-interaction').
 * - `FALSE_PREFIX`: the prefix mutant claims must not carry ("FALSE:",
 *   "FALSE VARIANT:"): every report already labels mutants as false
 *   variants, so the claim states the variant alone.
 *
 * Implementation details
 * Names key seeds, replay and reports, so they must be unique where they are
 * looked up: theorem IDs in the catalogue; property and mutant names together
 * within a theorem (`replay --property` looks in both), with their former
 * names (renames.ts); identity names and assumption IDs within a theorem,
 * assumption IDs with their former ones. Names are single words (no
 * whitespace or quotes) so that printed replay commands need no quoting;
 * property, mutant and assumption names are moreover kebab-case, and former
 * names (from before the convention) single words. An assumption may only
 * name properties of its own theorem. Theorem IDs and identity names keep
 * their own style (T2q, gibbs-identity-n3).
 */
import type { Theorem } from './theorem.js';

const NAME = /^[^\s'"`\\]+$/;
export const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const FALSE_PREFIX = /^\s*false(\s+variant)?\s*:/i;
const MODES: ReadonlySet<string> = new Set(['exact', 'interval', 'float']);

/**
 * Catalogue modules not yet rewritten on the theorem kit: their names and
 * mutant claims are checked as before (single words, any prefix). Each is
 * removed from here when its module is renamed; empty, the convention holds
 * everywhere.
 */
const NOT_YET_RENAMED: ReadonlySet<string> = new Set([]);

export function isKebabCase(name: string): boolean {
  return KEBAB_CASE.test(name);
}

export function catalogueProblems(theorems: readonly Theorem[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const theorem of theorems) {
    const id = theorem.id;
    if (!NAME.test(id)) problems.push(`theorem ID '${id}' must be one word`);
    if (ids.has(id.toLowerCase())) problems.push(`theorem ID '${id}' appears twice`);
    ids.add(id.toLowerCase());
    const convention = !NOT_YET_RENAMED.has(id);
    const unique = (
      kind: string,
      names: readonly string[],
      formerNames: readonly string[] = [],
      kebab = false,
    ): void => {
      const seen = new Set<string>();
      for (const name of names) {
        if (!NAME.test(name)) problems.push(`${id}: ${kind} name '${name}' must be one word`);
        else if (kebab && !isKebabCase(name))
          problems.push(
            `${id}: ${kind} name '${name}' must be kebab-case (lowercase words and digits joined by hyphens)`,
          );
        if (seen.has(name)) problems.push(`${id}: ${kind} name '${name}' appears twice`);
        seen.add(name);
      }
      for (const name of formerNames) {
        if (!NAME.test(name)) problems.push(`${id}: former ${kind} name '${name}' must be one word`);
        if (seen.has(name)) problems.push(`${id}: former ${kind} name '${name}' is also another name`);
        seen.add(name);
      }
    };
    const formerOf = (specs: readonly { readonly formerNames?: readonly string[] }[]): string[] =>
      specs.flatMap((spec) => [...(spec.formerNames ?? [])]);
    const specs = [...theorem.properties, ...theorem.mutants];
    unique(
      'property or mutant',
      specs.map((p) => p.name),
      formerOf(specs),
      convention,
    );
    unique(
      'identity',
      theorem.identities.map((i) => i.name),
    );
    unique(
      'assumption',
      theorem.assumptions.map((a) => a.id),
      formerOf(theorem.assumptions),
      convention,
    );
    for (const spec of specs) {
      if (!MODES.has(spec.mode))
        problems.push(`${id}: '${spec.name}' has mode '${String(spec.mode)}'; use exact, interval or float`);
      if (spec.confirm !== undefined && spec.mode !== 'float')
        problems.push(`${id}: '${spec.name}' has confirm but is not in float mode`);
    }
    for (const spec of convention ? theorem.mutants : []) {
      if (FALSE_PREFIX.test(spec.claim))
        problems.push(
          `${id}: mutant '${spec.name}' claim starts with '${spec.claim.split(':')[0]}:'; state the false variant alone (reports label mutants)`,
        );
    }
    const propertyNames = new Set(theorem.properties.map((p) => p.name));
    for (const assumption of theorem.assumptions) {
      for (const name of assumption.properties) {
        if (!propertyNames.has(name))
          problems.push(`${id}: assumption ${assumption.id} names unknown property '${name}'`);
      }
    }
  }
  return problems;
}

export function validateCatalogue(theorems: readonly Theorem[]): void {
  const problems = catalogueProblems(theorems);
  if (problems.length > 0) throw new Error(`the theorem catalogue is inconsistent: ${problems.join('; ')}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** fast-check arbitraries of any copy of fast-check: objects with generate, canShrinkWithoutContext and shrink. */
function isArbitrary(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { generate?: unknown }).generate === 'function' &&
    typeof (value as { shrink?: unknown }).shrink === 'function' &&
    typeof (value as { canShrinkWithoutContext?: unknown }).canShrinkWithoutContext === 'function'
  );
}

function specProblems(where: string, value: unknown): string[] {
  if (!isRecord(value)) return [`${where} is not an object`];
  const problems: string[] = [];
  const name = typeof value.name === 'string' ? value.name : '?';
  if (typeof value.name !== 'string') problems.push(`${where} has no name (a string)`);
  if (typeof value.claim !== 'string') problems.push(`${where} '${name}' has no claim (a string)`);
  if (typeof value.mode !== 'string') problems.push(`${where} '${name}' has no mode ('exact', 'interval' or 'float')`);
  if (!isArbitrary(value.arbitrary)) problems.push(`${where} '${name}': arbitrary is not a fast-check arbitrary`);
  if (typeof value.predicate !== 'function') problems.push(`${where} '${name}': predicate is not a function`);
  for (const key of ['describe', 'confirm', 'certify'] as const) {
    if (value[key] !== undefined && typeof value[key] !== 'function')
      problems.push(`${where} '${name}': ${key} is not a function`);
  }
  if (!isNameList(value.formerNames)) problems.push(`${where} '${name}': formerNames is not an array of names`);
  return problems;
}

/** Absent, or an array of strings. */
function isNameList(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.every((name) => typeof name === 'string'));
}

function listProblems(
  id: string,
  key: string,
  value: unknown,
  each: (where: string, item: unknown) => string[],
): string[] {
  if (!Array.isArray(value)) return [`${id}: ${key} is not an array`];
  return value.flatMap((item, k) => each(`${id}: ${key}[${k}]`, item));
}

/** Why `value` is not a Theorem (empty when it has the shape). */
export function theoremShapeProblems(value: unknown): string[] {
  if (!isRecord(value))
    return [`not a theorem (got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value})`];
  const problems: string[] = [];
  const id = typeof value.id === 'string' ? value.id : '(no id)';
  if (typeof value.id !== 'string' || value.id === '') problems.push('a theorem needs an id (a non-empty string)');
  if (typeof value.title !== 'string') problems.push(`${id}: title is not a string`);
  const statement = value.statement;
  if (!isRecord(statement) || typeof statement.text !== 'string' || typeof statement.latex !== 'string') {
    problems.push(`${id}: statement is not { text, latex } (two strings)`);
  }
  if (typeof value.source !== 'string') problems.push(`${id}: source is not a string`);
  problems.push(
    ...listProblems(id, 'identities', value.identities, (where, item) => {
      if (!isRecord(item)) return [`${where} is not an object`];
      const bad = ['name', 'lhs', 'rhs'].filter((key) => typeof item[key] !== 'string');
      const out = bad.map((key) => `${where}: ${key} is not a string`);
      if (!isRecord(item.variables)) out.push(`${where}: variables is not an object of domains`);
      return out;
    }),
    ...listProblems(id, 'properties', value.properties, specProblems),
    ...listProblems(id, 'mutants', value.mutants, specProblems),
    ...listProblems(id, 'assumptions', value.assumptions, (where, item) => {
      if (!isRecord(item)) return [`${where} is not an object`];
      const out: string[] = [];
      if (typeof item.id !== 'string') out.push(`${where}: id is not a string`);
      if (typeof item.text !== 'string') out.push(`${where}: text is not a string`);
      if (typeof item.needed !== 'boolean') out.push(`${where}: needed is not a boolean`);
      if (!isArbitrary(item.violate)) out.push(`${where}: violate is not a fast-check arbitrary`);
      if (!Array.isArray(item.properties) || !item.properties.every((p) => typeof p === 'string'))
        out.push(`${where}: properties is not an array of names`);
      if (!isNameList(item.formerNames)) out.push(`${where}: formerNames is not an array of names`);
      return out;
    }),
  );
  if (value.instantiate !== undefined && typeof value.instantiate !== 'function')
    problems.push(`${id}: instantiate is not a function`);
  return problems;
}
