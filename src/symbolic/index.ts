/**
 * The certified symbolic layer: public API.
 *
 * Main definitions
 * - `certifyIdentity(spec, options)`: a `Certificate` for LHS = RHS (CAS
 *   reduction after the own log rewrite, checked by CAS-free evaluation).
 * - `differentiate(expr, variable)`, `expand(expr)`: nerdamer's calculus, as
 *   strings in the identity syntax (results are certified, never trusted).
 * - `parseExpression`, `printExpression`, `evaluateExpression`: the expression
 *   trees and their evaluation in any `Arithmetic<T>`.
 */
export {
  certifyIdentity,
  DEFAULT_IDENTITY_SEED,
  IdentitySpecError,
  type Certificate,
  type CertificateStatus,
  type CertifyOptions,
  type Domain,
  type IdentitySpec,
} from './certify.js';
export { differentiate, expand } from './cas.js';
export { ExpressionSyntaxError, parseExpression, printExpression, type Expr } from './expression.js';
export { evaluateExpression } from './evaluate.js';
