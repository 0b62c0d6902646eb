/**
 * `theoremModule`: a theorem module's `Theorem`, from its header and its
 * members.
 *
 * Main definitions
 * - `TheoremHeader`: id, title, statement and source, what names the theorem.
 * - `TheoremMembers`: assumptions, identities, properties, mutants and the
 *   optional slot laboratory (`slots`, `instantiate`).
 * - `theoremModule(header, members)`: the `Theorem`.
 *
 * Main statements
 * - The result has the members in the order of `Theorem` (header first),
 *   the order every report and JSON output lists them in, whatever order the
 *   module wrote them in.
 *
 * Implementation details
 * The modules of the catalogue end with the same object of nine members; this
 * writes it as its two parts, `theoremModule({ id, title, statement, source },
 * { assumptions, identities, properties, mutants, ...laboratory })`.
 */
import type { Theorem } from '../theorem.js';

export type TheoremHeader = Pick<Theorem, 'id' | 'title' | 'statement' | 'source'>;
export type TheoremMembers = Omit<Theorem, keyof TheoremHeader>;

export function theoremModule(header: TheoremHeader, members: TheoremMembers): Theorem {
  const { id, title, statement, source } = header;
  const { assumptions, identities, properties, mutants, slots, instantiate } = members;
  return {
    id,
    title,
    statement,
    source,
    assumptions,
    identities,
    properties,
    mutants,
    ...(slots !== undefined ? { slots } : {}),
    ...(instantiate !== undefined ? { instantiate } : {}),
  };
}
