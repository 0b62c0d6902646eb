/**
 * The command line of the independent checker:
 * `ebm-lens-verify FILE [--quiet] [--json]`.
 *
 * Main definitions
 * - `main(argv, write)`: runs the check and returns the exit code: 0 every
 *   recorded verdict confirmed, 1 one was not, 2 a malformed certificate or
 *   bad usage (one line naming the JSON path and the problem).
 *
 * Main statements
 * - Output: one line per theorem (its status, then "confirmed" or its first
 *   rejection), the summary's rejections, and last `K/N runs re-checked`
 *   (N run records, K of them confirmed). --quiet prints only the last line;
 *   --json a JSON summary instead.
 *
 * Implementation details
 * Nothing here imports the engine (test/checker/independence.test.ts).
 */
import { readFileSync } from 'node:fs';
import { checkCertificate, type Report } from './check.js';
import { Malformed, readCertificate } from './shape.js';

const USAGE = 'usage: ebm-lens-verify FILE [--quiet] [--json]';

/** Check the certificate named in argv; the exit code (module comment). A throw rejects the promise. */
export function main(
  argv: readonly string[],
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<number> {
  return new Promise((resolve) => resolve(check(argv, write)));
}

function check(argv: readonly string[], write: (line: string) => void): number {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const files = argv.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => f !== '--quiet' && f !== '--json');
  if (files.length !== 1 || unknown.length > 0) {
    write(unknown.length > 0 ? `unknown option ${unknown[0]}; ${USAGE}` : USAGE);
    return 2;
  }
  const file = files[0]!;
  const fail = (line: string, code: number): number => {
    write(flags.has('--json') ? JSON.stringify({ file, confirmed: false, error: line }) : line);
    return code;
  };
  let report: Report;
  try {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      return fail(
        `${file}: ${e.code === 'ENOENT' ? 'no such file' : e instanceof SyntaxError ? `not JSON (${e.message})` : e.message}`,
        2,
      );
    }
    report = checkCertificate(readCertificate(json));
  } catch (error) {
    if (!(error instanceof Malformed))
      return fail(`${file}: not confirmed: the checker failed (${(error as Error).message})`, 1);
    return fail(`${file}: malformed certificate: ${error.message}`, 2);
  }
  const confirmed = report.theorems.every((t) => t.rejections.length === 0) && report.summary.length === 0;
  const last = `${report.confirmedRuns}/${report.totalRuns} runs re-checked${confirmed ? '' : ' (not confirmed)'}`;
  if (flags.has('--json')) {
    write(
      JSON.stringify(
        {
          file,
          confirmed,
          runs: { confirmed: report.confirmedRuns, total: report.totalRuns },
          theorems: report.theorems,
          summary: report.summary,
        },
        null,
        2,
      ),
    );
  } else {
    if (!flags.has('--quiet')) {
      for (const t of report.theorems) {
        const more = t.rejections.length > 1 ? ` (and ${t.rejections.length - 1} more)` : '';
        write(
          `${t.id}  ${t.status}  ${t.rejections.length === 0 ? 'confirmed' : `NOT CONFIRMED: ${t.rejections[0]}${more}`}`,
        );
      }
      for (const line of report.summary) write(`NOT CONFIRMED: ${line}`);
    }
    write(last);
  }
  return confirmed ? 0 : 1;
}
