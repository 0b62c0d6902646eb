/**
 * `ebm-lens analyze MODEL.json [--json] [--mode exact|interval|float]`: one
 * kernel or EBM instance (docs/inputs.md, docs/outputs.md#analyze).
 *
 * Main definitions
 * - `registerAnalyze(program, context)`: the command.
 *
 * Implementation details
 * The report is computed in full before anything is printed, so bad input
 * (exit 2) or an undecided run (exit 3) never leaves a partial report behind.
 */
import type { Command } from 'commander';
import { UndecidedError } from '../../arith/arithmetic.js';
import type { NumberObject } from '../../arith/numberObject.js';
import { analyze, type AnalyzeJson } from '../../analysis/analyze.js';
import { QUANTITY_LIMITS } from '../../analysis/modes.js';
import { displayNumber } from '../../analysis/precision.js';
import { readModelFile } from '../../input/matrixFile.js';
import { MAX_STATES, parseAnalyzeModel } from '../../input/analyzeModel.js';
import { analyzeSparse, sparseTable } from '../../sparse/analyzeSparse.js';
import { readSparseModelFile } from '../../sparse/sparseModel.js';
import { EXIT, InputError } from '../../errors.js';
import type { CommandContext } from '../io.js';

export function registerAnalyze(program: Command, context: CommandContext): void {
  program
    .command('analyze')
    .description(
      'one kernel or EBM instance: structure, stationary law, reversibility, potential, spectrum, hitting times, trajectory',
    )
    .argument(
      '<MODEL>',
      'MODEL.json: a kernel or the EBM pieces (see examples/ and docs/inputs.md); or a kernel as .npy (float64, int64) or .csv',
    )
    .option('--json', 'print the JSON report (every real as a number object)')
    .option(
      '--mode <mode>',
      `the strongest arithmetic any quantity may use: exact (rational inputs), interval or float (n <= ${QUANTITY_LIMITS.stationary.float}); default: exact when the inputs are rational, interval when exp is needed; each quantity then uses the strongest mode its size allows (docs/inputs.md)`,
    )
    .action((file: string, options: { json?: boolean; mode?: string }) => {
      const sparse = readSparseModelFile(file);
      if (sparse) {
        if (options.mode !== undefined && options.mode !== 'float')
          throw new InputError(
            '--mode',
            `a sparse model ("transitions") is analyzed in float64 only, not --mode ${options.mode}`,
            'omit --mode, or give --mode float',
          );
        const sparseReport = analyzeSparse(sparse);
        context.io.stdout(options.json ? `${JSON.stringify(sparseReport, null, 2)}\n` : sparseTable(sparseReport));
        return;
      }
      const model = parseAnalyzeModel(readModelFile(file, MAX_STATES));
      let report: AnalyzeJson;
      try {
        report = analyze(model, options.mode === undefined ? {} : { mode: options.mode });
      } catch (error) {
        if (!(error instanceof UndecidedError)) throw error;
        context.io.stderr(`ebm-lens: analyze: undecided at the highest precision (${error.message}); no report\n`);
        context.setExitCode(EXIT.undecided);
        return;
      }
      context.io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : table(report));
    });
}

function show(x: NumberObject | undefined): string {
  return displayNumber(x, 12);
}

function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map(
    (row) => `  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')}`,
  );
}

function table(report: AnalyzeJson): string {
  const lines: string[] = [];
  const modeText =
    report.mode === 'exact'
      ? 'exact (rationals; logs and eigenvalues as rigorous enclosures)'
      : report.mode === 'interval'
        ? `interval (rigorous enclosures, ${report.precision}; midpoints shown)`
        : Object.values(report.modes).every((mode) => mode === 'float')
          ? 'float64 (unverified)'
          : 'float64 for some quantities (unverified; see below)';
  lines.push(`${report.states.length} states, mode ${modeText}`);
  const modeName = (mode: string) => (mode === 'float' ? 'float64' : mode);
  lines.push(
    `arithmetic per quantity: ${Object.entries(report.modes)
      .map(([key, mode]) => `${key} ${modeName(mode)}`)
      .join(', ')}`,
  );
  if (report.renormalized) {
    const { rows, maxAdjustment } = report.renormalized;
    const largest = String(Number(Number(maxAdjustment.approx).toPrecision(3)));
    lines.push(
      `renormalized: ${rows} ${rows === 1 ? 'row' : 'rows'} summed to 1 only within 1e-9 (float64 rounding) and ${rows === 1 ? 'was' : 'were'} divided by ${rows === 1 ? 'its exact sum' : 'their exact sums'}; largest |sum - 1| = ${largest}`,
    );
  }
  const yes = (b: boolean | undefined) => (b === undefined ? '-' : b ? 'yes' : 'no');
  lines.push(
    `irreducible: ${yes(report.irreducible)}   aperiodic: ${yes(report.aperiodic)}   reversible: ${yes(report.reversible)}`,
  );
  if (report.closedClasses)
    lines.push(`closed classes: ${report.closedClasses.map((c) => `{${c.join(', ')}}`).join(' ')}`);
  if (report.reversibilityViolation) lines.push(`not reversible: ${report.reversibilityViolation.reason}`);
  if (report.stationary) {
    lines.push('');
    const header = ['state', 'stationary mu', ...(report.potential ? ['potential U'] : [])];
    const rows = report.states.map((name, x) => [
      name,
      show(report.stationary![x]),
      ...(report.potential ? [show(report.potential[x])] : []),
    ]);
    lines.push(...columns([header, ...rows]));
  }
  if (report.lambda2) {
    lines.push('');
    const residual = report.lambda2ResidualBound
      ? ` (float64; residual bound ${Number(Number(report.lambda2ResidualBound.approx).toPrecision(3))})`
      : '';
    lines.push(`lambda2 = ${show(report.lambda2)}${residual}   lambdaMin = ${show(report.lambdaMin)}`);
    lines.push(`spectral gap = ${show(report.spectralGap)}   absolute gap = ${show(report.absoluteGap)}`);
  }
  if (report.hitting) {
    const h = report.hitting;
    lines.push('');
    lines.push(`hitting the target {${h.target.join(', ')}}:`);
    if (h.expected)
      lines.push(
        ...columns([
          ['state', 'E_x[tau_A]'],
          ...Object.entries(h.expected).map(([name, value]) => [name, show(value)]),
        ]),
      );
    if (h.fromStationary) lines.push(`  from stationarity E_mu[tau_A] = ${show(h.fromStationary)}`);
    if (h.dirichletGap) lines.push(`  Dirichlet gap l_A = ${show(h.dirichletGap)}`);
  }
  if (report.trajectory) {
    const tr = report.trajectory;
    lines.push('');
    lines.push('trajectory from the initial law (distance to mu):');
    lines.push(
      ...columns([
        ['t', 'KL(nu_t||mu)', 'TV(nu_t, mu)', 'chi2(nu_t||mu)'],
        ...tr.tv.map((_, t) => [String(t), show(tr.kl[t]), show(tr.tv[t]), show(tr.chi2[t])]),
      ]),
    );
  }
  if (report.omitted) {
    lines.push('');
    lines.push('omitted:');
    for (const [key, reason] of Object.entries(report.omitted)) lines.push(`  ${key}: ${reason}`);
  }
  return `${lines.join('\n')}\n`;
}
