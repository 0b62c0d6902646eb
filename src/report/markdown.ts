/**
 * The human-readable report (report.md).
 *
 * Main definitions
 * - `renderMarkdown(report)`: Markdown text of a `Report`.
 * - `formatMargin(margin)`: a smallest margin as text (at most 6 significant digits).
 * - `replayCommand(theoremId, name, counterexample)`: the command that reproduces a counterexample.
 *
 * Implementation details
 * Pure function of the report: same report, same text. Table cells are escaped
 * (pipes, newlines) so a claim or a value cannot break a table.
 */
import type { Report } from './model.js';
import type { TheoremResult } from '../runner/run.js';
import type { Counterexample, MutantResult, PropertyResult } from '../runner/property.js';
import { toJsonText } from './json.js';
import { invocation } from './invocation.js';
import type { NumberObject } from '../arith/numberObject.js';

export function formatMargin(margin: number | null): string {
  return margin === null ? '-' : String(Number(margin.toPrecision(6)));
}

/** What `replay` needs to find a theorem again: its ID, or "FILE ID" for a theorem of a module file. */
export function replayTargetOf(theorem: { readonly id: string; readonly module?: string }): string {
  return theorem.module === undefined ? theorem.id : `${shellWord(theorem.module)} ${theorem.id}`;
}

/** `assumption`: the counterexample was found on instances violating it (ablation). */
export function replayCommand(
  theoremId: string,
  name: string,
  counterexample: Counterexample,
  assumption?: string,
): string {
  const without = assumption === undefined ? '' : ` --assumption ${shellWord(assumption)}`;
  return `${invocation()} replay ${theoremId} --property ${shellWord(name)}${without} --seed ${counterexample.seed} --path ${counterexample.path}`;
}

function shellWord(text: string): string {
  return /^[\w.:/=+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

function cell(text: string | number): string {
  return String(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function row(cells: readonly (string | number)[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string[] {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)];
}

export function renderMarkdown(report: Report): string {
  const lines: string[] = [];
  const { run, summary, environment } = report;
  lines.push('# ebm-lens report', '');
  lines.push(
    `Claims of the abstract of arXiv:${report.paper.arxiv} ("${report.paper.title}", ${report.paper.authors.join(' and ')}), ` +
      'formalized and checked: certified symbolic identities, property suites on random instances, and mutants (false variants) that must be refuted.',
    '',
  );
  const counts = Object.entries(summary.counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  lines.push(
    run.theorems.length === 0
      ? '- Overall: nothing checked (no theorems)'
      : `- Overall: **${summary.status}** (${counts})`,
  );
  lines.push(`- Theorems: ${run.theorems.length === 0 ? '(none)' : run.theorems.join(', ')}`);
  lines.push(`- Seed: ${run.seed}; profile: ${run.profile.name}; ${run.runs} runs per property and per mutant`);
  lines.push(
    `- Identities: ${run.profile.identityPoints} evaluation points; enclosures narrower than 1e-${run.profile.identityWidthDigits}`,
  );
  lines.push(`- Generated: ${report.generatedAt}`, '');
  lines.push(
    `Reproduce with \`${invocation()} check ${run.theorems.map((id) => `${id} `).join('')}--seed ${run.seed} --profile ${run.profile.name}${run.runs !== run.profile.runs ? ` --runs ${run.runs}` : ''}\`.`,
    '',
  );

  lines.push('## Environment', '');
  lines.push(
    ...table(
      ['component', 'version'],
      [
        [environment.package.name, environment.package.version],
        ['git commit', environment.gitCommit ?? 'unavailable'],
        ['Node', environment.node],
        ...Object.entries(environment.dependencies).map(([name, version]) => [name, version ?? 'not found']),
      ],
    ),
    '',
  );

  for (const theorem of report.theorems) lines.push(...renderTheorem(theorem), '');

  lines.push('## Citation', '');
  lines.push('The paper whose claims are checked:', '', '```bibtex', report.paper.bibtex, '```', '');
  lines.push('This tool:', '', '```bibtex', report.tool.bibtex, '```', '');
  return lines.join('\n');
}

function renderTheorem(theorem: TheoremResult): string[] {
  const lines: string[] = [];
  lines.push(`## ${theorem.id}: ${theorem.title} (${theorem.status})`, '');
  lines.push(theorem.statement.text, '');
  if (theorem.statement.latex.trim() !== '') lines.push('$$', theorem.statement.latex, '$$', '');
  lines.push(`Formalizes (abstract): ${theorem.source}`, '');

  lines.push('### Assumptions', '');
  if (theorem.assumptions.length === 0) lines.push('None.', '');
  else {
    for (const a of theorem.assumptions) {
      lines.push(
        `- **${a.id}** (${a.needed ? 'needed' : 'not needed'}; relied on by ${a.properties.join(', ') || 'no property'}): ${a.text}`,
      );
    }
    lines.push('');
  }

  lines.push('### Identities', '');
  if (theorem.identities.length === 0) lines.push('None.', '');
  else {
    lines.push(
      ...table(
        ['identity', 'status', 'seed', 'detail'],
        theorem.identities.map((i) => [i.name, i.status, i.seed, i.error ?? i.certificate?.detail ?? '']),
      ),
      '',
    );
    lines.push(
      '<details><summary>Certificates</summary>',
      '',
      '```json',
      toJsonText(theorem.identities.map((i) => i.certificate ?? null)),
      '```',
      '',
      '</details>',
      '',
    );
  }

  lines.push('### Properties', '');
  if (theorem.properties.length === 0) lines.push('None.', '');
  else {
    lines.push(...propertyTable(theorem.properties), '');
    for (const p of theorem.properties) lines.push(...failureBlock(replayTargetOf(theorem), p, 'property'));
  }

  lines.push('### Mutants', '');
  if (theorem.mutants.length === 0) lines.push('None.', '');
  else {
    const refuted = theorem.mutants.filter((m) => m.refuted).length;
    lines.push(`${refuted}/${theorem.mutants.length} refuted.`, '');
    lines.push(
      ...table(
        ['mutant', 'claim', 'mode', 'runs', 'seed', 'status'],
        theorem.mutants.map((m) => [m.name, m.claim, m.mode, m.runs, m.seed, m.status]),
      ),
      '',
    );
    for (const m of theorem.mutants) lines.push(...mutantBlock(replayTargetOf(theorem), m));
  }

  if (theorem.ablations !== undefined) {
    lines.push('### Ablations', '');
    if (theorem.ablations.length === 0) lines.push('No assumptions to ablate.', '');
    for (const ablation of theorem.ablations) {
      lines.push(
        `- **${ablation.id}** (${ablation.needed ? 'needed' : 'not needed'}): ${ablation.outcome}${ablation.error !== undefined ? ` (${ablation.error})` : ''}`,
      );
    }
    lines.push('');
    for (const ablation of theorem.ablations) {
      if (ablation.properties.length === 0) continue;
      lines.push(`Without ${ablation.id}:`, '', ...propertyTable(ablation.properties), '');
      for (const p of ablation.properties)
        lines.push(...failureBlock(replayTargetOf(theorem), p, 'property', ablation.id));
    }
  }
  return lines;
}

function propertyTable(properties: readonly PropertyResult[]): string[] {
  return table(
    ['property', 'claim', 'mode', 'precision', 'runs', 'passed', 'undecided', 'smallest margin', 'seed', 'status'],
    properties.map((p) => [
      p.name,
      p.claim,
      p.mode,
      p.precision,
      p.runs,
      p.passes,
      p.undecided,
      formatMargin(p.smallestMargin),
      p.seed,
      p.status,
    ]),
  );
}

function failureBlock(theoremId: string, p: PropertyResult, what: string, assumption?: string): string[] {
  const lines: string[] = [];
  if (p.error !== undefined) lines.push(`**${what} \`${p.name}\`: error** (a bug, not a verdict): ${p.error}`, '');
  if (p.undecidedReasons.length > 0) {
    lines.push(
      `Undecided runs of \`${p.name}\` (${p.undecided}), first reasons:`,
      '',
      ...p.undecidedReasons.map((r) => `- ${r}`),
      '',
    );
  }
  if (p.counterexample !== undefined)
    lines.push(...counterexampleBlock(theoremId, p.name, p.counterexample, p.status === 'falsified', assumption));
  return lines;
}

function mutantBlock(theoremId: string, m: MutantResult): string[] {
  const lines: string[] = [];
  if (m.error !== undefined) lines.push(`**mutant \`${m.name}\`: error** (a bug, not a verdict): ${m.error}`, '');
  if (m.counterexample !== undefined)
    lines.push(...counterexampleBlock(theoremId, m.name, m.counterexample, m.refuted));
  return lines;
}

function counterexampleBlock(
  theoremId: string,
  name: string,
  c: Counterexample,
  isFail: boolean,
  assumption?: string,
): string[] {
  const lines: string[] = [];
  lines.push(
    `${isFail ? 'Counterexample to' : 'Failing instance of'} \`${name}\` (seed ${c.seed}, path ${c.path}, shrunk ${c.shrinks} times): ${c.claim}`,
    '',
  );
  lines.push('```json', toJsonText(c.instance), '```', '');
  if (c.values !== undefined && Object.keys(c.values).length > 0) {
    lines.push(
      ...table(
        ['value', 'approx', 'enclosure', 'exact'],
        Object.entries(c.values).map(([k, v]) => valueRow(k, v)),
      ),
      '',
    );
  }
  lines.push(`Replay: \`${replayCommand(theoremId, name, c, assumption)}\``, '');
  return lines;
}

function valueRow(name: string, value: NumberObject | string): string[] {
  if (typeof value === 'string') return [name, value, '', ''];
  return [name, value.approx, `[${value.lo}, ${value.hi}]`, value.exact ?? (value.float64 ? 'float64' : '')];
}
