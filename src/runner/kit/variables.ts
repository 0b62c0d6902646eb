/**
 * `variables`: the variables of an identity that share a domain, for the
 * `variables` member of an `IdentitySpec` without a line per name.
 *
 * Main definitions
 * - `variables(domain, ...names)`: `{ [name]: domain }` for every name, in the
 *   order given; spread several into one record:
 *   `{ ...variables('real', 'theta1', 'theta2'), beta: 'positive' }`.
 *
 * Implementation details
 * The order of the names is kept (identities list their variables in a fixed
 * order, which reports print).
 */
import type { Domain } from '../../symbolic/certify.js';

export function variables<const D extends Domain>(domain: D, ...names: readonly string[]): Record<string, D> {
  return Object.fromEntries(names.map((name) => [name, domain]));
}
