// Until T1, T6 and T7 import rlvrInstances.ts, rlvrClaims.ts and src/runner/decideComparisons.ts directly.
export * from './rlvrInstances.js';
export * from './rlvrClaims.js';
export { decideComparisons, type Comparison } from '../../src/runner/decideComparisons.js';
