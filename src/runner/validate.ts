/**
 * Consistency of a theorem catalogue, checked before anything runs.
 *
 * Main definitions
 * - `catalogueProblems(theorems)`: every problem found, one sentence each.
 * - `validateCatalogue(theorems)`: throws an Error listing them (a bug in a
 *   theorem module, never a verdict).
 *
 * Implementation details
 * Names key seeds, replay and reports, so they must be unique where they are
 * looked up: theorem IDs in the catalogue; property and mutant names together
 * within a theorem (`replay --property` looks in both); identity names and
 * assumption IDs within a theorem. Names are single words (no whitespace or
 * quotes) so that printed replay commands need no quoting. An assumption may
 * only name properties of its own theorem.
 */
import type { Theorem } from './theorem.js';

const NAME = /^[^\s'"`\\]+$/;
const MODES: ReadonlySet<string> = new Set(['exact', 'interval', 'float']);

export function catalogueProblems(theorems: readonly Theorem[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const theorem of theorems) {
    const id = theorem.id;
    if (!NAME.test(id)) problems.push(`theorem ID '${id}' must be one word`);
    if (ids.has(id.toLowerCase())) problems.push(`theorem ID '${id}' appears twice`);
    ids.add(id.toLowerCase());
    const unique = (kind: string, names: readonly string[]): void => {
      const seen = new Set<string>();
      for (const name of names) {
        if (!NAME.test(name)) problems.push(`${id}: ${kind} name '${name}' must be one word`);
        if (seen.has(name)) problems.push(`${id}: ${kind} name '${name}' appears twice`);
        seen.add(name);
      }
    };
    unique('property or mutant', [...theorem.properties.map((p) => p.name), ...theorem.mutants.map((m) => m.name)]);
    unique('identity', theorem.identities.map((i) => i.name));
    unique('assumption', theorem.assumptions.map((a) => a.id));
    for (const spec of [...theorem.properties, ...theorem.mutants]) {
      if (!MODES.has(spec.mode)) problems.push(`${id}: '${spec.name}' has mode '${String(spec.mode)}'; use exact, interval or float`);
      if (spec.confirm !== undefined && spec.mode !== 'float') problems.push(`${id}: '${spec.name}' has confirm but is not in float mode`);
    }
    const propertyNames = new Set(theorem.properties.map((p) => p.name));
    for (const assumption of theorem.assumptions) {
      for (const name of assumption.properties) {
        if (!propertyNames.has(name)) problems.push(`${id}: assumption ${assumption.id} names unknown property '${name}'`);
      }
    }
  }
  return problems;
}

export function validateCatalogue(theorems: readonly Theorem[]): void {
  const problems = catalogueProblems(theorems);
  if (problems.length > 0) throw new Error(`the theorem catalogue is inconsistent: ${problems.join('; ')}`);
}
