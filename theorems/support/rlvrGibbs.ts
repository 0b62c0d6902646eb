// Until T1, T6 and T7 import rlvrInstances.ts and rlvrClaims.ts directly.
export * from './rlvrInstances.js';
