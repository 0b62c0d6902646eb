/**
 * Per-theorem documentation generated from the theorem modules themselves,
 * so the pages cannot drift from the code they describe.
 *
 * Main definitions
 * - `DocFile`: a path relative to the docs directory and its full text.
 * - `theoremDocs(catalogue, seed)`: one Markdown page per theorem (statement
 *   with its LaTeX, assumptions and whether each is needed, identities,
 *   properties with their arithmetic modes and claims, mutants, a figure,
 *   how to reproduce, a link to the theorem's statement, assumptions and
 *   proof sketch in docs/catalogue.md), an index page, and the figures as SVG
 *   files in img/.
 * - `DOCS_SEED`: the seed of the figures (the default master seed).
 *
 * Implementation details
 * Pure function of the catalogue and the seed: no clock, no version, no
 * machine, so regenerating on any machine gives the same bytes and a test can
 * compare the committed pages with a fresh generation. The engine never
 * imports theorems/: the catalogue is passed in by the command line. Text
 * from the modules goes into Markdown table cells escaped (pipes, newlines).
 */
import type { Theorem } from '../runner/theorem.js';
import { precisionOf } from '../runner/property.js';
import { DEFAULT_SEED } from '../runner/seed.js';
import { PAPER } from '../report/citation.js';
import { isFigure, theoremFigure } from '../report/figures/index.js';

export interface DocFile {
  /** Relative to the docs directory: "T3.md", "README.md" or "img/T3.svg". */
  readonly path: string;
  readonly content: string;
}

export const DOCS_SEED = DEFAULT_SEED;

const GENERATED = 'Generated from the theorem modules in theorems/ by `npm run docs`; do not edit by hand.';

const MODE_TEXT: Readonly<Record<string, string>> = {
  exact: 'exact rational arithmetic: decided with no rounding at all',
  interval: 'rigorous interval enclosures: decided only when the enclosures separate, precision escalated otherwise; never a pass when undecided',
  float: 'float64: evidence only, never reported as verified; a float64 fail counts only when confirmed by an exact or interval re-check',
};

export function theoremDocs(catalogue: readonly Theorem[], seed: number = DOCS_SEED): DocFile[] {
  const files: DocFile[] = [];
  const index: string[] = [
    `<!-- ${GENERATED} -->`,
    '# The theorem catalogue',
    '',
    `Claims from the abstract of ${PAPER.authors.join(' and ')}, *${PAPER.title}* (arXiv:${PAPER.arxiv}), formalized, ` +
      'together with the standard results they rest on. Each page says what is claimed, under which assumptions, and how ebm-lens checks it: ' +
      'certified symbolic identities, property suites on random instances, and mutants (false variants) that must be refuted.',
    '',
    'The statements with their assumptions and proof sketches are in [the catalogue](../catalogue.md); how a check reaches its verdict is in [architecture.md](../architecture.md).',
    '',
    '| ID | title | identities | properties | mutants | figure |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const theorem of catalogue) {
    const figure = theoremFigure(theorem.id, seed);
    const svgPath = figure !== undefined && isFigure(figure) ? `img/${theorem.id}.svg` : undefined;
    if (figure !== undefined && isFigure(figure)) files.push({ path: svgPath!, content: `${figure.svg}\n` });
    files.push({ path: `${theorem.id}.md`, content: theoremPage(theorem, seed, figure === undefined ? undefined : isFigure(figure) ? { ...figure, path: svgPath! } : { error: figure.error }) });
    index.push(
      row([`[${theorem.id}](${theorem.id}.md)`, md(theorem.title), String(theorem.identities.length), String(theorem.properties.length), String(theorem.mutants.length), svgPath === undefined ? '-' : 'yes']),
    );
  }
  index.push('', 'Check them all with `npm run check` (quick profile) or `ebm-lens check`; `--report DIR` writes report.json, report.md and report.html.', '');
  files.push({ path: 'README.md', content: index.join('\n') });
  return files;
}

type PageFigure = { title: string; caption: string; path: string } | { error: string } | undefined;

function theoremPage(theorem: Theorem, seed: number, figure: PageFigure): string {
  const lines: string[] = [`<!-- ${GENERATED} -->`, `# ${theorem.id}: ${md(theorem.title)}`, ''];
  lines.push(
    `A claim from the abstract of arXiv:${PAPER.arxiv}, formalized. Its statement, assumptions and proof sketch: ` +
      `[the catalogue](../catalogue.md#${theorem.id.toLowerCase()}). [All theorems](README.md).`,
    '',
  );

  lines.push('## Statement', '', md(theorem.statement.text), '');
  // A math fence: rendered as math where supported, shown as LaTeX source elsewhere, never mangled by Markdown.
  if (theorem.statement.latex.trim() !== '') lines.push('```math', theorem.statement.latex, '```', '');
  lines.push(`**Formalizes (abstract):** ${md(theorem.source)}`, '');

  lines.push('## Assumptions', '');
  if (theorem.assumptions.length === 0) lines.push('None.', '');
  else {
    lines.push(
      'Each assumption comes with instances that violate it. Ablation runs the properties that rely on it on those instances: ' +
        'for a needed assumption they must fail, for one that is not needed they must still hold.',
      '',
      '| assumption | needed | relied on by | statement |',
      '| --- | --- | --- | --- |',
      ...theorem.assumptions.map((a) => row([`**${a.id}**`, a.needed ? 'yes' : 'no', a.properties.map((p) => `\`${p}\``).join(', ') || '-', md(a.text)])),
      '',
    );
  }

  lines.push('## What is checked and how', '');
  lines.push('### Identities', '');
  if (theorem.identities.length === 0) lines.push('None.', '');
  else {
    lines.push(
      'Each identity is certified only when two independent steps agree: a computer-algebra reduction of LHS - RHS to 0 ' +
        "(logs of products split by the project's own rewrite first; the CAS is never trusted alone), and an evaluation of the residual " +
        'that does not use the CAS, exactly at random rational points (with the Schwartz-Zippel bound) or as rigorous enclosures of width ' +
        'below 10^-p containing 0. A CAS zero that evaluation contradicts is reported as CAS-unsound, a failure.',
      '',
      '| identity | LHS | RHS | variables | what it says |',
      '| --- | --- | --- | --- | --- |',
      ...theorem.identities.map((i) =>
        row([
          `\`${i.name}\``,
          code(i.lhs),
          code(i.rhs),
          Object.entries(i.variables)
            .map(([v, domain]) => `${v}: ${domain}`)
            .join(', ') + (i.substitutions !== undefined && Object.keys(i.substitutions).length > 0 ? `; ${Object.entries(i.substitutions).map(([v, e]) => `${v} = ${e}`).join(', ')}` : ''),
          md(i.description ?? ''),
        ]),
      ),
      '',
    );
  }

  lines.push('### Properties', '');
  if (theorem.properties.length === 0) lines.push('None.', '');
  else {
    lines.push(
      'Each property is run by fast-check on random instances (the seed of each is derived from the master seed and its name, and a failure is shrunk ' +
        'and printed with its `replay` command). A property is verified only when every run was decided and passed in exact or interval arithmetic.',
      '',
      '| property | claim | mode | precision |',
      '| --- | --- | --- | --- |',
      ...theorem.properties.map((p) => row([`\`${p.name}\``, md(p.claim), p.mode, md(precisionOf(p))])),
      '',
    );
    const modes = [...new Set(theorem.properties.map((p) => p.mode))].sort();
    lines.push('Modes used:', '', ...modes.map((m) => `- **${m}**: ${MODE_TEXT[m] ?? m}`), '');
  }

  lines.push('## Mutants', '');
  if (theorem.mutants.length === 0) lines.push('None.', '');
  else {
    lines.push(
      'False variants of the claim, run like properties; each must be refuted (a counterexample found). A mutant that survives means the suite ' +
        'cannot tell a false claim from the true one: the theorem is reported check-too-weak (not falsified).',
      '',
      '| mutant | false claim | mode |',
      '| --- | --- | --- |',
      ...theorem.mutants.map((m) => row([`\`${m.name}\``, md(m.claim), m.mode])),
      '',
    );
  }

  lines.push('## Figure', '');
  if (figure === undefined) {
    lines.push('No figure: the claims of this theorem are identities and inequalities checked instance by instance; the report lists their results.', '');
  } else if ('error' in figure) {
    lines.push(`The figure could not be computed: ${figure.error}`, '');
  } else {
    lines.push(`![${md(figure.title)}](${figure.path})`, '', `*${md(figure.title)}.* ${md(figure.caption)}`, '');
    lines.push(`Drawn by the engine on a sample instance derived from seed ${seed}; \`ebm-lens check ${theorem.id} --report DIR\` draws it from the run's own seed in report.html.`, '');
  }

  lines.push('## Reproduce', '', '```sh', `ebm-lens check ${theorem.id} --seed ${seed}`, `ebm-lens check ${theorem.id} --seed ${seed} --report out   # report.json, report.md, report.html`, '```', '');
  return lines.join('\n');
}

/** Prose from the modules, with the characters Markdown would read as markup escaped (pi* ... pi* is not emphasis). */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>#~])/g, '\\$1');
}

/** A Markdown table row; cells may hold Markdown, so only pipes and line breaks are escaped. */
function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')).join(' | ')} |`;
}

/** A code span that survives a table cell (backticks inside widen the fence). */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.replace(/\r?\n/g, ' ')}${fence}`;
}
