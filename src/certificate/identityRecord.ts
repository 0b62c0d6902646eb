/**
 * The certificate-file record of one identity, from the symbolic layer's certificate.
 *
 * Main definitions
 * - `identityRecord(spec, certificate)`: the `IdentityRecord` (format.ts, where
 *   the evidence is specified): the identity as written, the status, and the
 *   evidence a checker without the engine can re-examine: the points, the
 *   residual at each (exact, or an enclosure), the Schwartz-Zippel bound of a
 *   rational identity, and for a symbolically certified transcendental one the
 *   atomized residual with its atoms.
 *
 * Implementation details
 * Only data already in the certificate is copied; nothing is recomputed here,
 * so the record says exactly what the certifier did.
 */
import type { Certificate, IdentitySpec } from '../symbolic/certify.js';
import type { IdentityEvidence, IdentityRecord, SchwartzZippelEvidence } from './format.js';

/** "[lo, hi]" as written by the certifier, for certificates without structured enclosures. */
function parseEnclosure(text: string): { lo: string; hi: string } {
  const match = /^\[(.+), (.+)\]$/.exec(text);
  if (!match) throw new Error(`identity record: "${text}" is not an enclosure [lo, hi]`);
  return { lo: match[1]!, hi: match[2]! };
}

export function identityRecord(spec: IdentitySpec, certificate: Certificate): IdentityRecord {
  const k = certificate.points.length;
  const schwartzZippel: SchwartzZippelEvidence | undefined = certificate.schwartzZippel && {
    ...certificate.schwartzZippel,
    points: k,
  };
  let evidence: IdentityEvidence;
  if (certificate.evaluation === 'exact') {
    evidence = {
      kind: 'rational',
      ...(certificate.basis === 'exact-expansion' || certificate.basis === 'schwartz-zippel'
        ? { basis: certificate.basis }
        : {}),
      points: certificate.points.map((point) => ({ ...point })),
      residuals: [...certificate.residuals],
      casResidual: certificate.casResidual,
      ...(schwartzZippel ? { schwartzZippel } : {}),
      detail: certificate.detail,
    };
  } else {
    evidence = {
      kind: 'transcendental',
      ...(certificate.basis === 'exact-expansion' || certificate.basis === 'atomized-schwartz-zippel'
        ? { basis: certificate.basis }
        : {}),
      points: certificate.points.map((point) => ({ ...point })),
      residuals:
        certificate.enclosures?.map((e) => ({ lo: e.lo, hi: e.hi })) ?? certificate.residuals.map(parseEnclosure),
      digits: certificate.digits ?? 0,
      ...(certificate.widthBelow !== undefined ? { widthBelow: certificate.widthBelow } : {}),
      casResidual: certificate.casResidual,
      ...(certificate.atomized
        ? { atomized: { ...certificate.atomized, atoms: { ...certificate.atomized.atoms } } }
        : {}),
      ...(schwartzZippel ? { schwartzZippel } : {}),
      detail: certificate.detail,
    };
  }
  return {
    name: certificate.name,
    status: certificate.status,
    lhs: spec.lhs,
    rhs: spec.rhs,
    variables: { ...spec.variables },
    ...(spec.substitutions !== undefined ? { substitutions: { ...spec.substitutions } } : {}),
    evidence,
  };
}
