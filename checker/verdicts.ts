/**
 * Whether the recorded statuses follow from the re-checked runs: properties,
 * mutants, theorems and the summary.
 *
 * Main definitions
 * - `suiteProblems(kind, suite, results, minimumRuns)`: what is wrong with a
 *   property's or mutant's status given its re-checked records.
 * - `expectedTheoremStatuses(theorem)`: the statuses a theorem may have.
 * - `summaryProblems(certificate)`: the record count and the overall status.
 *
 * Main statements (the rules; a status is confirmed only when they hold)
 * - property 'verified': records of runs 0..runs-1 all present and passing,
 *   runs >= minimumRuns; 'checked': the same with runs < minimumRuns;
 *   'falsified': a fail record the checker confirmed. A confirmed fail in a
 *   property not 'falsified' (or 'error') is a wrong status.
 * - mutant 'refuted': a fail record the checker confirmed; 'survived' must not
 *   have one.
 * - 'uncertified' (no claim to re-check): never confirmed; the theorem's
 *   status is then not compared with its parts.
 * - theorem: 'falsified' when a property is falsified or an identity failed
 *   or is CAS-unsound, or (unless a part is in error, which the engine ranks
 *   first) a mutant survived; else 'error' when a part is in error; else
 *   'verified' iff every identity is certified, every property verified and
 *   every mutant refuted; else 'undecided'.
 * - summary: `records` is the number of run records; `status` is the most
 *   serious theorem status, falsified > error > undecided > verified.
 */
import type { RunResult } from './run.js';
import type { Certificate, Suite, Theorem } from './shape.js';

/** Theorem statuses, most serious first. */
const SEVERITY = ['falsified', 'error', 'undecided', 'verified'];

const confirmedFail = (results: readonly RunResult[]): boolean =>
  results.some((r) => 'decision' in r && r.decision === 'fail');

/** The problems of a suite's recorded status (module comment); each names the suite. */
export function suiteProblems(
  kind: 'property' | 'mutant',
  suite: Suite,
  results: readonly RunResult[],
  minimumRuns: number,
): string[] {
  const where = `${kind} ${suite.name}`;
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const record of suite.records) {
    if (record.run >= 0 && seen.has(record.run)) problems.push(`${where} run ${record.run}: recorded twice`);
    seen.add(record.run);
  }
  if (suite.status === 'uncertified')
    return [`${where}: uncertified (no claim in the certificate language), its verdict cannot be re-checked`];
  const failed = confirmedFail(results);
  if (kind === 'mutant') {
    if (suite.status === 'refuted' && !failed) problems.push(`${where}: refuted, but no fail record is confirmed`);
    if (suite.status === 'survived' && failed) problems.push(`${where}: survived, but a fail record is confirmed`);
    return problems;
  }
  if (suite.status === 'falsified') {
    if (!failed) problems.push(`${where}: falsified, but no fail record is confirmed`);
    return problems;
  }
  if (failed && suite.status !== 'error') problems.push(`${where}: ${suite.status}, but a fail record is confirmed`);
  if (suite.status === 'verified' || suite.status === 'checked') {
    if ((suite.status === 'verified') !== suite.runs >= minimumRuns)
      problems.push(`${where}: ${suite.status} with ${suite.runs} runs (minimum for verified: ${minimumRuns})`);
    const byRun = new Map(suite.records.map((r) => [r.run, r] as const));
    for (let run = 0; run < suite.runs; run++) {
      const record = byRun.get(run);
      if (record === undefined) problems.push(`${where} run ${run}: missing`);
      else if (record.decision !== 'pass')
        problems.push(`${where} run ${run}: recorded ${record.decision} in a ${suite.status} property`);
    }
  }
  return problems;
}

/** A property falsified or an identity failed: the theorem is false, whatever else happened. */
const falsifiedOutright = (t: Theorem): boolean =>
  t.properties.some((p) => p.status === 'falsified') ||
  t.identities.some((i) => i.status === 'failed' || i.status === 'cas-unsound');

/** The statuses the theorem may have given its parts' recorded statuses (module comment); any when a part is uncertified. */
export function expectedTheoremStatuses(t: Theorem): readonly string[] {
  if ([...t.properties, ...t.mutants].some((part) => part.status === 'uncertified')) return SEVERITY;
  if (falsifiedOutright(t)) return ['falsified'];
  const survived = t.mutants.some((m) => m.status === 'survived');
  const error = [...t.identities, ...t.properties, ...t.mutants].some((part) => part.status === 'error');
  if (error) return survived ? ['error', 'falsified'] : ['error'];
  if (survived) return ['falsified'];
  const verified =
    t.identities.every((i) => i.status === 'certified') &&
    t.properties.every((p) => p.status === 'verified') &&
    t.mutants.every((m) => m.status === 'refuted');
  return verified ? ['verified'] : ['undecided'];
}

/** Problems of the summary: its record count and its status (module comment). */
export function summaryProblems(c: Certificate): string[] {
  const problems: string[] = [];
  const records = c.theorems.reduce(
    (n, t) => n + [...t.properties, ...t.mutants].reduce((m, s) => m + s.records.length, 0),
    0,
  );
  if (c.summary.records !== records)
    problems.push(`summary: records ${c.summary.records}, the file has ${records} run records`);
  const statuses = c.theorems.map((t) => t.status);
  // The engine ranks an error above a survived mutant, so a theorem falsified by a survived mutant alone may leave the summary at 'error'.
  const expected = c.theorems.some((t) => t.status === 'falsified' && falsifiedOutright(t))
    ? ['falsified']
    : statuses.includes('error')
      ? statuses.includes('falsified')
        ? ['error', 'falsified']
        : ['error']
      : [SEVERITY.find((s) => statuses.includes(s)) ?? 'verified'];
  if (!expected.includes(c.summary.status))
    problems.push(`summary: status ${c.summary.status}, the theorems give ${expected.join(' or ')}`);
  return problems;
}
