/**
 * The theorem catalogue: every theorem module of docs/catalogue.md, in
 * catalogue order.
 *
 * Main definitions
 * - `catalogue`: the theorems `ebm-lens list`, `check` and `replay` work on.
 *   The command line receives it from bin/ebm-lens.js (the engine in src/
 *   never imports theorems/).
 */
import type { Theorem } from '../src/runner/theorem.js';
import { T1 } from './T1.js';
import { T2 } from './T2.js';
import { T2q } from './T2q.js';
import { T3 } from './T3.js';
import { T4 } from './T4.js';
import { T5 } from './T5.js';
import { T6 } from './T6.js';
import { T7 } from './T7.js';
import { T8 } from './T8.js';
import { T9 } from './T9.js';

export const catalogue: Theorem[] = [T1, T2, T2q, T3, T4, T5, T6, T7, T8, T9];
