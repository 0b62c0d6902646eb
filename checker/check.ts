/**
 * Re-checking a whole certificate: every identity, every run record, every
 * recorded status.
 *
 * Main definitions
 * - `checkCertificate(certificate)`: a `Report` with, per theorem, its
 *   rejections (empty: the theorem's recorded status is confirmed), the
 *   summary's rejections, and how many run records were re-checked.
 *
 * Main statements
 * - A theorem is confirmed when every identity is confirmed (identity.ts),
 *   every run record of its properties and mutants is confirmed (run.ts), and
 *   every recorded status follows from them (verdicts.ts). Each rejection
 *   names the theorem, the property, mutant or identity, and the run.
 *
 * Implementation details
 * An unexpected exception while re-checking a run or an identity rejects it
 * (the checker could not confirm it) instead of aborting the whole check; a
 * `Malformed` identity expression still aborts (exit 2).
 */
import { recheckIdentity } from './identity.js';
import { recheckRun, type RunResult } from './run.js';
import { Malformed, type Certificate } from './shape.js';
import { expectedTheoremStatuses, suiteProblems, summaryProblems } from './verdicts.js';

export interface TheoremReport {
  readonly id: string;
  readonly status: string;
  readonly rejections: readonly string[];
}

export interface Report {
  readonly theorems: readonly TheoremReport[];
  readonly summary: readonly string[];
  /** run records re-checked and confirmed */
  readonly confirmedRuns: number;
  readonly totalRuns: number;
}

/** The certificate re-checked (module comment). */
export function checkCertificate(c: Certificate): Report {
  let confirmedRuns = 0;
  let totalRuns = 0;
  const theorems = c.theorems.map((t): TheoremReport => {
    const rejections: string[] = [];
    for (const identity of t.identities) {
      const problem = safely(() => recheckIdentity(identity, c.seed));
      if (problem !== undefined) rejections.push(`identity ${identity.name}: ${problem}`);
    }
    for (const [kind, suites] of [
      ['property', t.properties],
      ['mutant', t.mutants],
    ] as const) {
      for (const suite of suites) {
        const results = suite.records.map((run) => {
          const result = safely(
            () => recheckRun(run),
            (rejection): RunResult => ({ rejection }),
          );
          totalRuns++;
          if ('rejection' in result) rejections.push(`${kind} ${suite.name} run ${run.run}: ${result.rejection}`);
          else confirmedRuns++;
          return result;
        });
        rejections.push(...suiteProblems(kind, suite, results, c.minimumRuns));
      }
    }
    const expected = expectedTheoremStatuses(t);
    if (!expected.includes(t.status)) rejections.push(`status ${t.status}, its parts give ${expected.join(' or ')}`);
    return { id: t.id, status: t.status, rejections: rejections.map((r) => `${t.id} ${r}`) };
  });
  return { theorems, summary: summaryProblems(c), confirmedRuns, totalRuns };
}

/** f(), or the rejection of an unexpected exception: what the checker cannot evaluate it cannot confirm. */
function safely<T>(f: () => T, reject: (why: string) => T = (why) => why as T): T {
  try {
    return f();
  } catch (error) {
    if (error instanceof Malformed) throw error;
    return reject(`the checker could not evaluate it: ${(error as Error).message}`);
  }
}
