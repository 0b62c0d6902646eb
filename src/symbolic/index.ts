/**
 * The certified symbolic layer: public API.
 *
 * Main definitions
 * - `certifyIdentity(spec, options)`: a `Certificate` for LHS = RHS (CAS
 *   reduction after the own log rewrite, checked by CAS-free evaluation);
 *   `decideStatus`, how its findings combine.
 * - `differentiate(expr, variable)`, `expand(expr)`: nerdamer's calculus, as
 *   strings in the identity syntax (results are certified, never trusted).
 * - `parseExpression`, `printExpression`, `evaluateExpression`: the expression
 *   trees and their evaluation in any `Arithmetic<T>`, with the error classes
 *   telling an undefined point from a domain error and an engine limit.
 */
export {
  certifyIdentity,
  decideStatus,
  DEFAULT_IDENTITY_SEED,
  IdentitySpecError,
  type Certificate,
  type CertificateBasis,
  type CertificateStatus,
  type CertifyOptions,
  type Domain,
  type Findings,
  type IdentitySpec,
  type SchwartzZippelBound,
} from './certify.js';
export { differentiate, expand } from './cas.js';
export { ExpressionSyntaxError, parseExpression, printExpression, type Expr } from './expression.js';
export { DefinitionDomainError, EngineLimitError, UndefinedPointError, evaluateExpression } from './evaluate.js';
