/**
 * `ebm-lens empirical COUNTS [--json]`: detailed balance and the potential from measured
 * transition counts.
 *
 * Main definitions
 * - `registerEmpirical(program, context)`: adds the command.
 *
 * Implementation details
 * Options: --trials FILE (JSON map or CSV state,trials), --trials-equal N, --alpha A
 * (default 0.05, within [1e-10, 0.5]; also sets the confidence 1 - A of intervals and
 * bounds), --reversible-mle,
 * --json. Everything is read and validated before anything is printed, so bad input gives
 * one line and exit 2 and no partial report. Exit code: 0 consistent, 1 rejected,
 * 3 not-testable (undecided).
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { readMatrixFile } from '../../input/matrixFile.js';
import type { Command } from 'commander';
import type { CommandContext } from '../io.js';
import { EXIT, InputError } from '../../errors.js';
import { parseRational, Rational, RationalParseError } from '../../arith/rational.js';
import {
  MAX_STATES,
  buildCountData,
  parseCountsText,
  parseTrialsText,
  type TrialsSpec,
} from '../../empirical/counts.js';
import { analyzeCounts } from '../../empirical/analysis.js';
import { empiricalJson, empiricalTable } from '../../empirical/report.js';

interface EmpiricalCliOptions {
  json?: boolean;
  trials?: string;
  trialsEqual?: string;
  alpha?: string;
  reversibleMle?: boolean;
}

export function registerEmpirical(program: Command, context: CommandContext): void {
  program
    .command('empirical')
    .description(
      'test detailed balance and estimate the potential from measured transition counts (CSV from,to,count or JSON)',
    )
    .argument(
      '<COUNTS>',
      'CSV file of from,to,count rows (header optional), JSON { "counts": [[from, to, n], ...], "trials": {...} }, or an n x n count matrix as .npy (int64)',
    )
    .option(
      '--trials <FILE>',
      'trials started from each state: JSON map { "state": n } or CSV state,trials (default: row totals)',
    )
    .option('--trials-equal <N>', 'the same number of trials N from every state')
    .option('--alpha <A>', 'test level; intervals and bounds at confidence 1 - A', '0.05')
    .option('--reversible-mle', 'also fit the reversible maximum likelihood kernel (counts from trajectories)')
    .option('--json', 'print JSON (number objects, float64)')
    .action((countsPath: string, options: EmpiricalCliOptions) => {
      const alpha = readAlpha(options.alpha ?? '0.05');
      const parsed = parseCountsText(countsText(countsPath), basename(countsPath));
      const given = [
        parsed.trials !== undefined,
        options.trials !== undefined,
        options.trialsEqual !== undefined,
      ].filter(Boolean).length;
      if (given > 1) {
        throw new InputError(
          'trials',
          'given more than once (the JSON "trials" map, --trials, --trials-equal)',
          'give the trials in one way only',
        );
      }
      let spec: TrialsSpec = { kind: 'row sums' };
      if (parsed.trials !== undefined)
        spec = { kind: 'map', trials: parsed.trials, source: `${basename(countsPath)}: trials` };
      if (options.trials !== undefined) {
        const source = basename(options.trials);
        spec = { kind: 'map', trials: parseTrialsText(readText(options.trials, '--trials'), source), source };
      }
      if (options.trialsEqual !== undefined) spec = { kind: 'equal', trials: readTrialsEqual(options.trialsEqual) };
      const data = buildCountData(parsed, spec);
      const analysis = analyzeCounts(data, { alpha, reversibleMle: options.reversibleMle === true });
      const text = options.json ? `${JSON.stringify(empiricalJson(analysis), null, 2)}\n` : empiricalTable(analysis);
      context.io.stdout(text);
      context.setExitCode(
        analysis.verdict === 'consistent' ? EXIT.ok : analysis.verdict === 'rejected' ? EXIT.falsified : EXIT.undecided,
      );
    });
}

/** The COUNTS text; a count matrix in .npy (int64, or float64 with whole values) becomes 'from,to,count' lines, states named 0..n-1. */
function countsText(path: string): string {
  if (extname(path).toLowerCase() !== '.npy') return readText(path, 'COUNTS');
  const rows = readMatrixFile(path, 'counts', MAX_STATES);
  return rows.flatMap((row, i) => row.map((count, j) => `${i},${j},${count}`)).join('\n');
}

function readText(path: string, field: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(field, `cannot read "${path}"${code ? ` (${code})` : ''}`, 'check the file path');
  }
}

function readAlpha(text: string): Rational {
  let alpha: Rational;
  try {
    alpha = parseRational(text);
  } catch (error) {
    if (error instanceof RationalParseError)
      throw new InputError('--alpha', error.message, 'give a level such as 0.05');
    throw error;
  }
  // below 1e-10 the confidence 1 - alpha is too close to 1 for float64 bounds; above 1/2 the
  // "intervals" would be narrower than the point estimate's own noise
  if (alpha.compare(new Rational(1, 10_000_000_000)) < 0 || alpha.compare(new Rational(1, 2)) > 0) {
    throw new InputError('--alpha', `${text} is outside [1e-10, 0.5]`, 'give a level such as 0.05');
  }
  return alpha;
}

function readTrialsEqual(text: string): number {
  const fix = 'give a whole number of trials per state, at least the largest row total';
  let value: Rational;
  try {
    value = parseRational(text);
  } catch (error) {
    if (error instanceof RationalParseError) throw new InputError('--trials-equal', error.message, fix);
    throw error;
  }
  if (value.d !== 1n || value.compare(0) <= 0)
    throw new InputError('--trials-equal', `${text} is not a positive whole number`, fix);
  const n = Number(value.n);
  if (!Number.isSafeInteger(n)) throw new InputError('--trials-equal', `${text} exceeds 2^53`, fix);
  return n;
}
