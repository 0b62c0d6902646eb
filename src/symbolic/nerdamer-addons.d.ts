/**
 * Type declarations for nerdamer's add-on modules.
 *
 * Main definitions
 * - 'nerdamer/Calculus.js' and 'nerdamer/Algebra.js': loaded for their side
 *   effect (they register diff, simplify, ... on the nerdamer core); they export
 *   nothing the project uses, and ship no types.
 */
declare module 'nerdamer/Calculus.js';
declare module 'nerdamer/Algebra.js';
