/**
 * Identities in a theorem check: the symbolic layer's certificate, read as a verdict.
 *
 * Main definitions
 * - `IdentitySpec`, `Certificate`, `CertifyOptions`: the types of the symbolic
 *   layer (src/symbolic/certify.ts), re-exported.
 * - `Certifier`: the certification function the runner calls.
 * - `IdentityResult`, `checkIdentity`: one identity certified, with exceptions
 *   turned into an "error" status (a bug, never a verdict).
 * - `identityHolds`, `identityFalsified`: how a certificate status counts.
 *
 * Implementation details
 * Only "certified" holds: "numerically-supported" (enclosures containing 0,
 * no symbolic proof) is evidence, not a proof, and leaves the theorem
 * undecided, like "undecided". "failed" and "cas-unsound" falsify.
 */
import type { Certificate, CertificateStatus, CertifyOptions, IdentitySpec } from '../symbolic/certify.js';

export type { Certificate, CertificateStatus, CertifyOptions, IdentitySpec } from '../symbolic/certify.js';

/** The certification function the runner calls (`certifyIdentity` of the symbolic layer, or a stand-in in tests). */
export type Certifier = (spec: IdentitySpec, options: CertifyOptions) => Certificate;

export type IdentityStatus = CertificateStatus | 'error';

export interface IdentityResult {
  name: string;
  status: IdentityStatus;
  seed: number;
  certificate?: Certificate;
  error?: string;
}

export function checkIdentity(
  spec: IdentitySpec,
  certify: Certifier,
  options: CertifyOptions & { seed: number },
): IdentityResult {
  try {
    const certificate = certify(spec, options);
    return { name: spec.name, status: certificate.status, seed: options.seed, certificate };
  } catch (error) {
    return { name: spec.name, status: 'error', seed: options.seed, error: errorMessage(error) };
  }
}

export function identityHolds(status: string): boolean {
  return status === 'certified';
}

export function identityFalsified(status: string): boolean {
  return status === 'failed' || status === 'cas-unsound';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
}
