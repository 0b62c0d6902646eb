/**
 * Renamed properties, mutants and assumptions: old names stay reachable and
 * seeds stay stable.
 *
 * Main definitions
 * - `Renamable`: a spec with a name (`name`, or `id` for an assumption) and
 *   optional `formerNames`, oldest first.
 * - `currentName(spec)`: its name now.
 * - `seedName(spec)`: the name its derived seeds are keyed by: the oldest
 *   former name, else the name.
 * - `findByName(specs, name)`: the spec named `name`, or the one that was
 *   named so, with the old name it was found by (`renamedFrom`).
 * - `renameNote(theoremId, kind, lookup)`: the one-line note a command prints
 *   when it resolved an old name.
 *
 * Main statements
 * - A rename with `formerNames` changes no derived seed (seed.ts hashes the
 *   seed name), so a renamed property draws the same instances, and a replay
 *   line printed before the rename (`--property OLD --seed S --path P`)
 *   reproduces the same counterexample.
 *
 * Implementation details
 * validate.ts keeps names and former names unique together within a
 * theorem (properties with mutants; assumptions apart), so a lookup is
 * never ambiguous. A current name wins over a former one.
 */

export interface Renamable {
  readonly name?: string;
  readonly id?: string;
  readonly formerNames?: readonly string[];
}

export function currentName(spec: Renamable): string {
  return spec.name ?? spec.id ?? '';
}

export function seedName(spec: Renamable): string {
  return spec.formerNames?.[0] ?? currentName(spec);
}

export interface NameLookup<S> {
  readonly spec: S;
  /** The former name `name` was, when it was not the current one. */
  readonly renamedFrom?: string;
}

export function findByName<S extends Renamable>(specs: readonly S[], name: string): NameLookup<S> | undefined {
  const current = specs.find((spec) => currentName(spec) === name);
  if (current !== undefined) return { spec: current };
  const former = specs.find((spec) => spec.formerNames?.includes(name) === true);
  return former === undefined ? undefined : { spec: former, renamedFrom: name };
}

/** "note: T8 property 'closedFormIsTilt' is now named 'closed-form-is-tilt'" (empty when nothing was renamed). */
export function renameNote(theoremId: string, kind: string, lookup: NameLookup<Renamable>): string {
  if (lookup.renamedFrom === undefined) return '';
  return `note: ${theoremId} ${kind} '${lookup.renamedFrom}' is now named '${currentName(lookup.spec)}'\n`;
}
