/**
 * Seeds: one documented master seed, and a seed per property derived from it.
 *
 * Main definitions
 * - `DEFAULT_SEED`: the master seed used when `--seed` is not given (the digits
 *   of the paper's arXiv number 2512.18730), so plain `ebm-lens check` is
 *   deterministic.
 * - `deriveSeed(master, ...parts)`: the fast-check seed of one property,
 *   mutant, identity or ablation run.
 *
 * Implementation details
 * A derived seed is the first 32 bits of SHA-256 over the master seed and the
 * names (theorem ID, kind, name), read as a signed 32-bit integer (fast-check's
 * seed range). So a property's instances depend only on the master seed and its
 * own name: adding, removing or reordering other properties does not change them.
 */
import { createHash } from 'node:crypto';

export const DEFAULT_SEED = 251218730;

export const SEED_MIN = -(2 ** 31);
export const SEED_MAX = 2 ** 31 - 1;

export function deriveSeed(master: number, ...parts: readonly string[]): number {
  const hash = createHash('sha256');
  hash.update(String(master));
  for (const part of parts) hash.update(`\u0000${part}`);
  return hash.digest().readInt32BE(0);
}
