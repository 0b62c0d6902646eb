/**
 * The theorem catalogue: every theorem module of THEOREMS.md, in catalogue order.
 *
 * Main definitions
 * - `catalogue`: the theorems `ebm-lens list`, `check` and `replay` work on.
 *   The command line receives it from bin/ebm-lens.js (the engine in src/
 *   never imports theorems/).
 */
import type { Theorem } from '../src/runner/theorem.js';

export const catalogue: Theorem[] = [];
