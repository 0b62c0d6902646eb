/**
 * The certificate file of a check, assembled from its results.
 *
 * Main definitions
 * - `buildCertificate(result, theorems, version)`: the `CertificateFile` of a
 *   run made with certificate records (`RunOptions.record`).
 * - `withoutRecords(result)`: the same results without the records, for the
 *   other outputs (JSON, reports), which never carry them.
 *
 * Implementation details
 * Equal claims are stored once per property (most runs of a property share
 * one claim) and runs refer to them by position. The theorem status and the
 * summary are the runner's; checker/ recomputes both from the records.
 */
import type { CatalogueResult, TheoremResult } from '../runner/run.js';
import { overallStatus } from '../runner/run.js';
import { MINIMUM_RUNS_FOR_VERIFIED, type CertifiedRun } from '../runner/property.js';
import type { Theorem } from '../runner/theorem.js';
import { identityRecord } from './identityRecord.js';
import {
  CERTIFICATE_FORMAT,
  type CertificateFile,
  type Claim,
  type MutantRecord,
  type PropertyRecord,
  type RunRecord,
  type TheoremRecord,
} from './format.js';

export function buildCertificate(
  result: CatalogueResult,
  theorems: readonly Theorem[],
  version: string,
): CertificateFile {
  let records = 0;
  const theoremRecords = result.theorems.map((t): TheoremRecord => {
    const theorem = theorems.find((candidate) => candidate.id === t.id);
    if (theorem === undefined) throw new Error(`certificate: theorem ${t.id} is not in the catalogue given`);
    const identities = t.identities.map((identity) => {
      const spec = theorem.identities.find((candidate) => candidate.name === identity.name)!;
      if (identity.certificate === undefined) {
        return {
          name: identity.name,
          status: identity.status,
          lhs: spec.lhs,
          rhs: spec.rhs,
          variables: { ...spec.variables },
          evidence: { error: identity.error ?? 'no certificate' },
        };
      }
      return identityRecord(spec, identity.certificate);
    });
    const stated = (name: string, specs: readonly { name: string; certify?: unknown }[]): boolean =>
      specs.find((spec) => spec.name === name)?.certify !== undefined;
    const properties = t.properties.map((p) => {
      const { claims, runs } = shareClaims(p.records ?? []);
      records += runs.length;
      const status: PropertyRecord['status'] = stated(p.name, theorem.properties) ? p.status : 'uncertified';
      return { name: p.name, mode: p.mode, status, runs: p.runs, claims, records: runs };
    });
    const mutants = t.mutants.map((m) => {
      const { claims, runs } = shareClaims(m.records ?? []);
      records += runs.length;
      const status: MutantRecord['status'] = stated(m.name, theorem.mutants) ? m.status : 'uncertified';
      return { name: m.name, status, runs: m.runs, claims, records: runs };
    });
    return { id: t.id, title: t.title, status: certificateStatus(t), identities, properties, mutants };
  });
  return {
    format: CERTIFICATE_FORMAT,
    tool: { name: 'ebm-lens', version },
    seed: result.seed,
    profile: result.profile.name,
    runsPerProperty: result.runs,
    minimumRuns: MINIMUM_RUNS_FOR_VERIFIED,
    theorems: theoremRecords,
    summary: { status: certificateStatus({ status: overallStatus(result.theorems.map((t) => t.status)) }), records },
  };
}

/** The four statuses of the file: 'checked' and 'check-too-weak' are not verified, and read as undecided and falsified. */
function certificateStatus(t: Pick<TheoremResult, 'status'>): TheoremRecord['status'] {
  switch (t.status) {
    case 'checked':
      return 'undecided';
    case 'check-too-weak':
      return 'falsified';
    default:
      return t.status;
  }
}

function shareClaims(runs: readonly CertifiedRun[]): { claims: Claim[]; runs: RunRecord[] } {
  const claims: Claim[] = [];
  const positions = new Map<string, number>();
  const records = runs.map(({ certified, ...rest }): RunRecord => {
    const key = JSON.stringify(certified.claim);
    let position = positions.get(key);
    if (position === undefined) {
      position = claims.length;
      positions.set(key, position);
      claims.push(certified.claim);
    }
    return {
      run: rest.run,
      claim: position,
      instance: certified.instance,
      ...(certified.witnesses === undefined || certified.witnesses.length === 0
        ? {}
        : { witnesses: certified.witnesses }),
      decision: rest.decision,
      ...(rest.digits === undefined ? {} : { digits: rest.digits }),
      ...(rest.atom === undefined ? {} : { atom: rest.atom }),
      ...(rest.reason === undefined ? {} : { reason: rest.reason }),
    };
  });
  return { claims, runs: records };
}

/** The results without certificate records (JSON output and reports never carry them). */
export function withoutRecords(result: CatalogueResult): CatalogueResult {
  return {
    ...result,
    theorems: result.theorems.map((t) => ({
      ...t,
      properties: t.properties.map(dropRecords),
      mutants: t.mutants.map(dropRecords),
    })),
  };
}

/** A copy of a property's or a mutant's result without its records. */
function dropRecords<R extends { records?: CertifiedRun[] }>(result: R): R {
  const copy = { ...result };
  delete copy.records;
  return copy;
}
