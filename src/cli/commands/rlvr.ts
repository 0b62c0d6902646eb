/**
 * `ebm-lens rlvr MODEL.json [--json] [--mode interval|float]`: one RLVR
 * instance along the natural gradient flow (T6-T9).
 *
 * Main definitions
 * - `registerRlvr(program, context)`: the command.
 *
 * Implementation details
 * The whole report is computed before anything is printed, so bad input or an
 * undecided run never leaves a partial report. Exit codes: 0 report printed,
 * 2 bad input, 3 a sign the computation needs stayed undecided at the top
 * precision (no report).
 */
import type { Command } from 'commander';
import { UndecidedError } from '../../arith/arithmetic.js';
import type { NumberObject } from '../../arith/numberObject.js';
import { displayNumber } from '../../analysis/precision.js';
import { readJsonFile } from '../../input/readJson.js';
import { parseRlvrModel } from '../../input/rlvrModel.js';
import { runRlvr, type RlvrJson, type RlvrMode, type RlvrPointJson } from '../../analysis/rlvr.js';
import { EXIT, InputError } from '../../errors.js';
import type { CommandContext } from '../io.js';

export function registerRlvr(program: Command, context: CommandContext): void {
  program
    .command('rlvr')
    .description(
      'one RLVR instance over time: p*, accuracy, suboptimality and Bernoulli gaps, entropy, KL to the reference',
    )
    .argument(
      '<MODEL.json>',
      'the instance: { "beta", "prompts": [{ "weight", "reference", "correct", "initial" }], "times" }',
    )
    .option('--json', 'print the JSON report (every real as a number object)')
    .option('--mode <mode>', 'interval (rigorous enclosures, the default) or float (float64, unverified)', 'interval')
    .action((file: string, options: { json?: boolean; mode: string }) => {
      const mode = parseMode(options.mode);
      const model = parseRlvrModel(readJsonFile(file));
      let report: RlvrJson;
      try {
        report = runRlvr(model, mode);
      } catch (error) {
        if (!(error instanceof UndecidedError)) throw error;
        context.io.stderr(`ebm-lens: rlvr: undecided at the highest precision (${error.message}); no report\n`);
        context.setExitCode(EXIT.undecided);
        return;
      }
      context.io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : table(report));
    });
}

function parseMode(mode: string): RlvrMode {
  if (mode === 'interval' || mode === 'float') return mode;
  if (mode === 'exact') {
    throw new InputError(
      '--mode',
      'exact mode cannot run rlvr (p*, the flow and the entropies need exp and log)',
      'use --mode interval (the default) or --mode float',
    );
  }
  throw new InputError('--mode', `unknown mode "${mode}"`, 'use --mode interval or --mode float');
}

const COLUMNS: [keyof RlvrPointJson, string][] = [
  ['t', 't'],
  ['accuracy', 'accuracy p_t'],
  ['gap', 'gap J*-J(pi_t)'],
  ['bernoulliGap', 'beta kl(p_t||p*)'],
  ['entropy', 'entropy H(pi_t)'],
  ['klToReference', 'KL(pi_t||q)'],
];

function show(x: NumberObject | undefined): string {
  return displayNumber(x, 10);
}

function seriesTable(series: readonly RlvrPointJson[]): string[] {
  const cells = [COLUMNS.map(([, title]) => title), ...series.map((point) => COLUMNS.map(([key]) => show(point[key])))];
  const widths = COLUMNS.map((_, c) => Math.max(...cells.map((row) => row[c]!.length)));
  return cells.map((row) => `  ${row.map((cell, c) => cell.padStart(widths[c]!)).join('  ')}`);
}

function table(report: RlvrJson): string {
  const lines: string[] = [];
  const modeText =
    report.mode === 'interval'
      ? `interval, rigorous enclosures (${report.precision}); midpoints shown, 10 digits`
      : 'float64 (unverified)';
  lines.push(`RLVR instance: beta = ${show(report.beta)}, ${report.prompts.length} prompt(s); mode ${modeText}`);
  report.prompts.forEach((prompt, k) => {
    lines.push('');
    lines.push(
      `prompt ${k} (weight ${show(prompt.weight)}): p0 = ${show(prompt.p0)}, p* = ${show(prompt.pStar)}, log Z = ${show(prompt.logZ)}`,
    );
    lines.push(...seriesTable(prompt.series));
  });
  lines.push('');
  lines.push('total (prompt-weighted):');
  lines.push(...seriesTable(report.total.series));
  lines.push('');
  lines.push(
    'gap = J(pi*) - J(pi_t); from pi_0 = q it equals beta kl(p_t||p*) (T8), otherwise it is at least that (T7).',
  );
  return `${lines.join('\n')}\n`;
}
