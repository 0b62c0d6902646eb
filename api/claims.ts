/**
 * `ebm-lens/claims`: the claim language of certificates (docs/certificates.md),
 * for a property's `certify`.
 *
 * Main definitions
 * - Numbers: `num`, `ref`, `add`, `sub`, `mul`, `div`, `neg`, `abs`, `log`,
 *   `exp`, `sqrt`, `pow`, `xlogy`, `min`, `max`, `sum`, `ifThen`.
 * - Truth values: `lt`, `le`, `eq`, `eq30`, `ne`, `ge`, `gt`, `and`, `or`,
 *   `not`, `implies`, `all`, `any`, `truth`.
 * - Quantities: `klDivergence`, `chiSquare`, `totalVariation`, `entropy`,
 *   `bernoulliKl`, `dotProduct`.
 * - Instance values: `rationalValue`, `vectorValue`, `matrixValue`.
 * - `decideClaim`: the engine's decision of a claim (ebm-lens-verify decides
 *   it again, independently).
 * - Types: `CertifiedClaim`, `Claim`, `NumExpr`, `BoolExpr`, `Definition`,
 *   `InstanceValue(s)`, `Witness`.
 */
export * from '../src/certificate/build.js';
export { ClaimError, decideClaim, type CertifiedClaim, type ClaimDecision } from '../src/certificate/evaluateClaim.js';
export type {
  BoolExpr,
  Claim,
  Comparison,
  Decision,
  Definition,
  Index,
  InstanceValue,
  InstanceValues,
  NumExpr,
  Range,
  Witness,
} from '../src/certificate/format.js';
