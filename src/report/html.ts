/**
 * The self-contained HTML report (report.html): one file, readable on a
 * screen and on paper, with rendered math and the run's figures.
 *
 * Main definitions
 * - `renderHtml(report, figures)`: the HTML text of a `Report`, with the
 *   figures of its theorems (src/report/figures/) drawn inline as SVG.
 * - `renderMath(latex)`: a LaTeX statement as MathML (one block per claim).
 *
 * Implementation details
 * Self-contained: no script at all, no external reference; styles, the
 * figures (inline SVG) and the one font the math needs (temml's script-letter
 * font, as a data URI) are inside the file, and a Content-Security-Policy
 * forbids every network request, so a reader's browser fetches nothing. Math
 * is converted to MathML ahead of time by temml (MathML Core, rendered natively
 * by current browsers); a statement temml cannot read is shown as its LaTeX
 * source. A statement is split at its top-level `\quad` separators into one
 * line per claim, and each line may wrap at relations, so nothing runs off a
 * page. A print stylesheet starts each theorem on a new page, keeps figures
 * and table rows whole and prints link targets. Every piece of text from the
 * report is escaped. Pure function of its inputs: the same report and figures
 * give the same text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import temml from 'temml';
import type { Report } from './model.js';
import type { TheoremResult } from '../runner/run.js';
import type { Certificate } from '../runner/identity.js';
import type { Counterexample, MutantResult, PropertyResult } from '../runner/property.js';
import type { NumberObject } from '../arith/numberObject.js';
import { toJsonText } from './json.js';
import { formatMargin, replayCommand, replayTargetOf } from './markdown.js';
import { invocation } from './invocation.js';
import { isFigure, type Figure, type FigureFailure } from './figures/index.js';

export function renderHtml(report: Report, figures: ReadonlyMap<string, Figure | FigureFailure> = new Map()): string {
  const { run, summary, environment } = report;
  const counts = Object.entries(summary.counts)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  const reproduce = `${invocation()} check ${run.theorems.map((id) => `${id} `).join('')}--seed ${run.seed} --profile ${run.profile.name}${run.runs !== run.profile.runs ? ` --runs ${run.runs}` : ''}`;
  const body: string[] = [];
  body.push(
    '<header>',
    '<h1>ebm-lens report</h1>',
    `<p class="lead">Claims of the abstract of <a href="https://arxiv.org/abs/${esc(report.paper.arxiv)}">arXiv:${esc(report.paper.arxiv)}</a> ` +
      `(&ldquo;${esc(report.paper.title)}&rdquo;, ${esc(report.paper.authors.join(' and '))}), formalized and checked: certified symbolic identities, ` +
      'property suites on random instances, and mutants (false variants) that must be refuted.</p>',
    '<dl class="summary">',
    `<dt>Overall</dt><dd>${run.theorems.length === 0 ? 'nothing checked (no theorems)' : `${badge(summary.status)} <span>${esc(counts)}</span>`}</dd>`,
    `<dt>Seed</dt><dd><code>${run.seed}</code></dd>`,
    `<dt>Profile</dt><dd>${esc(run.profile.name)}: ${run.runs} runs per property and per mutant; identities at ${run.profile.identityPoints} points, enclosures narrower than 10<sup>&minus;${run.profile.identityWidthDigits}</sup></dd>`,
    `<dt>Reproduce</dt><dd><code class="command">${esc(reproduce)}</code></dd>`,
    `<dt>Generated</dt><dd>${esc(report.generatedAt)} by ${esc(report.tool.name)} ${esc(report.tool.version)}</dd>`,
    '</dl>',
    '</header>',
  );

  if (report.theorems.length > 0) {
    body.push(
      '<nav aria-label="Theorems"><h2>Theorems</h2><table class="overview"><thead><tr><th>ID</th><th>claim</th><th>status</th><th>identities</th><th>properties</th><th>mutants refuted</th><th>figure</th></tr></thead><tbody>',
    );
    for (const t of report.theorems) {
      const certified = t.identities.filter((i) => i.status === 'certified').length;
      const verified = t.properties.filter((p) => p.status === 'verified').length;
      const refuted = t.mutants.filter((m) => m.refuted).length;
      const figure = figures.get(t.id);
      body.push(
        `<tr><td><a href="#${anchor(t.id)}">${esc(t.id)}</a></td><td>${esc(t.title)}</td><td>${badge(t.status)}</td>` +
          `<td>${certified}/${t.identities.length} certified</td><td>${verified}/${t.properties.length} verified</td><td>${refuted}/${t.mutants.length}</td>` +
          `<td>${figure === undefined ? '&ndash;' : isFigure(figure) ? `<a href="#${esc(figure.id)}">figure</a>` : 'not computed'}</td></tr>`,
      );
    }
    body.push('</tbody></table></nav>');
  }

  body.push('<main>');
  for (const theorem of report.theorems)
    body.push(
      renderTheorem(
        theorem,
        run.seed,
        run.profile.name,
        run.runs !== run.profile.runs ? run.runs : undefined,
        figures.get(theorem.id),
      ),
    );
  body.push('</main>');

  body.push('<section class="environment" id="environment"><h2>Environment</h2>');
  body.push(
    table(
      ['component', 'version'],
      [
        [esc(environment.package.name), esc(environment.package.version)],
        ['git commit', environment.gitCommit === null ? 'unavailable' : `<code>${esc(environment.gitCommit)}</code>`],
        ['Node', esc(environment.node)],
        ...Object.entries(environment.dependencies).map(([name, version]) => [esc(name), esc(version ?? 'not found')]),
      ],
    ),
  );
  body.push(
    `<p>Every figure is computed by the engine on a sample instance derived from the master seed ${run.seed}; the same seed gives the same figures. ` +
      'Plotted coordinates are float64 approximations of exact values or enclosures; whatever a caption says held was decided exactly or with separated enclosures.</p>',
    '</section>',
  );

  body.push(
    '<section class="citation" id="citation"><h2>Citation</h2>',
    '<p>The paper whose claims are checked:</p>',
    `<pre class="bibtex">${esc(report.paper.bibtex)}</pre>`,
    '<p>This tool:</p>',
    `<pre class="bibtex">${esc(report.tool.bibtex)}</pre>`,
    '</section>',
  );

  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // No network at all: inline styles, data: fonts and images only, no scripts.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>ebm-lens report: ${esc(run.theorems.join(', ') || 'no theorems')} (${esc(summary.status)})</title>`,
    `<style>${mathStylesheet()}\n${STYLESHEET}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- theorem

function renderTheorem(
  theorem: TheoremResult,
  seed: number,
  profile: string,
  runs: number | undefined,
  figure: Figure | FigureFailure | undefined,
): string {
  const id = anchor(theorem.id);
  const out: string[] = [];
  out.push(`<section class="theorem" id="${id}" aria-labelledby="${id}-heading">`);
  out.push(`<h2 id="${id}-heading">${esc(theorem.id)}: ${esc(theorem.title)} ${badge(theorem.status)}</h2>`);
  out.push(`<p class="statement">${esc(theorem.statement.text)}</p>`);
  if (theorem.statement.latex.trim() !== '') {
    out.push(`<div class="math-block">${renderMath(theorem.statement.latex)}</div>`);
    out.push(
      `<details class="latex-source"><summary>LaTeX source</summary><pre>${esc(theorem.statement.latex)}</pre></details>`,
    );
  }
  out.push(`<p class="source"><strong>Formalizes (abstract):</strong> ${esc(theorem.source)}</p>`);

  if (figure !== undefined) {
    if (isFigure(figure)) {
      out.push(
        `<figure class="chart-figure" id="${esc(figure.id)}-figure">`,
        figure.svg,
        `<figcaption><strong>${esc(figure.title)}.</strong> ${esc(figure.caption)}</figcaption>`,
        '</figure>',
      );
    } else {
      out.push(
        `<p class="figure-failure">The figure of ${esc(theorem.id)} could not be computed: ${esc(figure.error)}</p>`,
      );
    }
  }

  out.push('<h3>Assumptions</h3>');
  if (theorem.assumptions.length === 0) out.push('<p>None.</p>');
  else {
    out.push('<ul class="assumptions">');
    for (const a of theorem.assumptions) {
      out.push(
        `<li><strong>${esc(a.id)}</strong> (${a.needed ? 'needed' : 'not needed'}; relied on by ${esc(a.properties.join(', ') || 'no property')}): ${esc(a.text)}</li>`,
      );
    }
    out.push('</ul>');
  }

  out.push('<h3>Identities</h3>');
  if (theorem.identities.length === 0) out.push('<p>None.</p>');
  else {
    out.push(
      table(
        ['identity', 'status', 'seed', 'certificate'],
        theorem.identities.map((i) => [
          `<code>${esc(i.name)}</code>`,
          statusText(i.status),
          `<code>${i.seed}</code>`,
          i.error !== undefined
            ? `error (a bug, not a verdict): ${esc(i.error)}`
            : i.certificate !== undefined
              ? certificateHtml(i.certificate)
              : '',
        ]),
      ),
    );
  }

  out.push('<h3>Properties</h3>');
  if (theorem.properties.length === 0) out.push('<p>None.</p>');
  else {
    out.push(propertyTable(theorem.properties));
    for (const p of theorem.properties) out.push(failureHtml(replayTargetOf(theorem), p));
  }

  out.push('<h3>Mutants</h3>');
  if (theorem.mutants.length === 0) out.push('<p>None.</p>');
  else {
    out.push(
      `<p>${theorem.mutants.filter((m) => m.refuted).length}/${theorem.mutants.length} refuted (each is a false variant of the claim; a surviving mutant means the suite cannot tell it apart).</p>`,
    );
    out.push(
      table(
        ['mutant', 'claim', 'mode', 'runs', 'seed', 'status'],
        theorem.mutants.map((m) => [
          `<code>${esc(m.name)}</code>`,
          esc(m.claim),
          esc(m.mode),
          String(m.runs),
          `<code>${m.seed}</code>`,
          statusText(m.status),
        ]),
      ),
    );
    for (const m of theorem.mutants) out.push(mutantHtml(replayTargetOf(theorem), m));
  }

  if (theorem.ablations !== undefined) {
    out.push('<h3>Ablations</h3>');
    if (theorem.ablations.length === 0) out.push('<p>No assumptions to ablate.</p>');
    else {
      out.push('<ul>');
      for (const a of theorem.ablations) {
        out.push(
          `<li><strong>${esc(a.id)}</strong> (${a.needed ? 'needed' : 'not needed'}): ${esc(a.outcome)}${a.error !== undefined ? ` (${esc(a.error)})` : ''}</li>`,
        );
      }
      out.push('</ul>');
      for (const a of theorem.ablations) {
        if (a.properties.length === 0) continue;
        out.push(`<p>Without ${esc(a.id)}:</p>`, propertyTable(a.properties));
        for (const p of a.properties) out.push(failureHtml(replayTargetOf(theorem), p, a.id));
      }
    }
  }

  out.push(
    '<h3>Reproduce</h3>',
    `<p><code class="command">${esc(invocation())} check ${esc(theorem.id)} --seed ${seed} --profile ${esc(profile)}${runs !== undefined ? ` --runs ${runs}` : ''}</code> ` +
      'reruns this theorem: every property, mutant and identity seed above is derived from the master seed and its own name, so it does not depend on which other theorems run. ' +
      'The environment it ran in is listed <a href="#environment">below</a>.</p>',
  );
  out.push('</section>');
  return out.join('\n');
}

function propertyTable(properties: readonly PropertyResult[]): string {
  return table(
    ['property', 'claim', 'mode', 'precision', 'runs', 'passed', 'undecided', 'smallest margin', 'seed', 'status'],
    properties.map((p) => [
      `<code>${esc(p.name)}</code>`,
      esc(p.claim),
      esc(p.mode),
      esc(p.precision),
      String(p.runs),
      String(p.passes),
      String(p.undecided),
      esc(formatMargin(p.smallestMargin)),
      `<code>${p.seed}</code>`,
      statusText(p.status),
    ]),
  );
}

function certificateHtml(c: Certificate): string {
  const parts = [`<div>${esc(c.detail)}</div>`];
  parts.push(
    `<div class="small">CAS residual: <code>${esc(c.casResidual)}</code>; evaluation: ${esc(c.evaluation)}${c.widthBelow !== undefined ? `, enclosures narrower than ${esc(c.widthBelow)}` : ''}</div>`,
  );
  if (c.schwartzZippel !== undefined) {
    const sz = c.schwartzZippel;
    parts.push(
      `<div class="small">Schwartz&ndash;Zippel: degree ${sz.degree}, sample set size ${esc(sz.sampleSetSize)}, bound ${esc(sz.bound)}</div>`,
    );
  }
  if (c.points.length > 0) {
    const rows = c.points.map((point, k) => [
      esc(
        Object.entries(point)
          .map(([v, q]) => `${v} = ${q}`)
          .join(', '),
      ),
      `<code>${esc(c.residuals[k] ?? '')}</code>`,
    ]);
    parts.push(
      `<details><summary>${c.points.length} evaluation points</summary>${table(['point', 'residual'], rows)}</details>`,
    );
  }
  return parts.join('');
}

function failureHtml(theoremId: string, p: PropertyResult, assumption?: string): string {
  const out: string[] = [];
  if (p.error !== undefined)
    out.push(
      `<p class="bad"><strong>property <code>${esc(p.name)}</code>: error</strong> (a bug, not a verdict): ${esc(p.error)}</p>`,
    );
  if (p.undecidedReasons.length > 0) {
    out.push(
      `<p>Undecided runs of <code>${esc(p.name)}</code> (${p.undecided}), first reasons:</p><ul>${p.undecidedReasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>`,
    );
  }
  if (p.counterexample !== undefined)
    out.push(counterexampleHtml(theoremId, p.name, p.counterexample, p.status === 'falsified', assumption));
  return out.join('\n');
}

function mutantHtml(theoremId: string, m: MutantResult): string {
  const out: string[] = [];
  if (m.error !== undefined)
    out.push(
      `<p class="bad"><strong>mutant <code>${esc(m.name)}</code>: error</strong> (a bug, not a verdict): ${esc(m.error)}</p>`,
    );
  if (m.counterexample === undefined) return out.join('\n');
  // A refuting instance is the expected outcome: folded away, but one click from view.
  const block = counterexampleHtml(theoremId, m.name, m.counterexample, m.refuted);
  out.push(
    m.refuted
      ? `<details class="refutation"><summary>Refuting instance of <code>${esc(m.name)}</code></summary>${block}</details>`
      : block,
  );
  return out.join('\n');
}

function counterexampleHtml(
  theoremId: string,
  name: string,
  c: Counterexample,
  isFail: boolean,
  assumption?: string,
): string {
  const out: string[] = ['<div class="counterexample">'];
  out.push(
    `<p><strong>${isFail ? 'Counterexample to' : 'Failing instance of'} <code>${esc(name)}</code></strong> (seed ${c.seed}, path ${esc(c.path)}, shrunk ${c.shrinks} times): ${esc(c.claim)}</p>`,
  );
  out.push(`<pre>${esc(toJsonText(c.instance))}</pre>`);
  if (c.values !== undefined && Object.keys(c.values).length > 0) {
    out.push(
      table(
        ['value', 'approx', 'enclosure', 'exact'],
        Object.entries(c.values).map(([k, v]) => valueRow(k, v)),
      ),
    );
  }
  out.push(
    `<p>Replay: <code class="command">${esc(replayCommand(theoremId, name, c, assumption))}</code></p>`,
    '</div>',
  );
  return out.join('\n');
}

function valueRow(name: string, value: NumberObject | string): string[] {
  if (typeof value === 'string') return [esc(name), esc(value), '', ''];
  return [
    esc(name),
    esc(value.approx),
    esc(`[${value.lo}, ${value.hi}]`),
    esc(value.exact ?? (value.float64 ? 'float64' : '')),
  ];
}

// ---------------------------------------------------------------- math

/**
 * MathML of a statement: one line per top-level `\quad`-separated claim, each
 * allowed to wrap (temml's soft breaks after top-level relations and binary
 * operators, laid out by its flex-wrap stylesheet; it omits them when asked
 * for a TeX annotation, so the source is shown beside the math instead).
 * Falls back to the whole statement on one line when a piece does not parse
 * alone, and to the LaTeX source when temml cannot read it.
 */
export function renderMath(latex: string): string {
  const pieces = splitTopLevel(latex);
  const render = (tex: string) => temml.renderToString(tex, { displayMode: false, throwOnError: true, wrap: 'tex' });
  try {
    return pieces.map((piece) => `<div class="math-line">${render(piece)}</div>`).join('');
  } catch {
    try {
      return `<div class="math-line">${render(latex)}</div>`;
    } catch (error) {
      return `<pre class="latex" title="${esc(error instanceof Error ? error.message : String(error))}">${esc(latex)}</pre>`;
    }
  }
}

/**
 * Split at `\quad` outside every group: braces, `\{ \}`, `\left ... \right` and
 * `\big( ... \big)`-style pairs; empty pieces dropped.
 */
function splitTopLevel(latex: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < latex.length; k++) {
    const ch = latex[k];
    if (ch === '{') depth += 1;
    else if (ch === '}') depth -= 1;
    else if (ch === '\\') {
      const name = /^\\([a-zA-Z]+|.)/.exec(latex.slice(k))?.[1] ?? '';
      const after = latex[k + 1 + name.length] ?? '';
      if (name === 'quad' && depth === 0) {
        pieces.push(latex.slice(start, k));
        start = k + 5;
      } else if (name === '{' || name === 'left') depth += 1;
      else if (name === '}' || name === 'right') depth -= 1;
      else if (/^[bB]igg?l?$/.test(name) && /[([]/.test(after)) depth += 1;
      else if (/^[bB]igg?r?$/.test(name) && /[)\]]/.test(after)) depth -= 1;
      k += name.length;
    }
  }
  pieces.push(latex.slice(start));
  // Separators and spacing commands at either end of a piece are dropped: each piece starts its own line.
  const edges = /^(?:\s|[,;]|\\[,;:! ]|\\q?quad(?![a-zA-Z]))+|(?:\s|[,;]|\\[,;:! ]|\\q?quad(?![a-zA-Z]))+$/g;
  return pieces.map((p) => p.replace(edges, '')).filter((p) => p !== '');
}

let mathCss: string | undefined;

/** temml's stylesheet, with its font inlined as a data URI (read once from the installed package). */
function mathStylesheet(): string {
  if (mathCss !== undefined) return mathCss;
  try {
    const require = createRequire(import.meta.url);
    const cssPath = require.resolve('temml/dist/Temml-Local.css');
    const font = readFileSync(join(dirname(cssPath), 'Temml.woff2')).toString('base64');
    mathCss = readFileSync(cssPath, 'utf8').replace(
      /url\(['"]?Temml\.woff2['"]?\)/g,
      `url(data:font/woff2;base64,${font})`,
    );
  } catch {
    mathCss = 'math { font-family: math; }';
  }
  return mathCss;
}

// ---------------------------------------------------------------- helpers

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function anchor(id: string): string {
  return `theorem-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

const GOOD = new Set(['verified', 'refuted', 'certified', 'confirmed']);
const BAD = new Set(['falsified', 'survived', 'failed', 'cas-unsound', 'error', 'contradicted']);

function statusClass(status: string): string {
  return GOOD.has(status) ? 'good' : BAD.has(status) ? 'bad' : 'neutral';
}

function badge(status: string): string {
  return `<span class="badge ${statusClass(status)}">${esc(status)}</span>`;
}

function statusText(status: string): string {
  return `<span class="status ${statusClass(status)}">${esc(status)}</span>`;
}

/** Cells are HTML already (escaped by the caller). */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `<div class="table-wrap"><table><thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`)
    .join('')}</tbody></table></div>`;
}

const STYLESHEET = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #ccc; --good: #0a6b2f; --bad: #a4161a; --neutral: #7a4f00; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem 1.25rem 3rem; color: var(--ink); background: #fff;
  font-family: "DejaVu Serif", Georgia, "Times New Roman", serif; font-size: 16px; line-height: 1.5; }
h1, h2, h3 { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; line-height: 1.25; }
h1 { font-size: 1.9rem; margin: 0 0 .5rem; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 .75rem; padding-top: .5rem; border-top: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
a { color: #0b5394; }
code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85em; }
pre { background: #f6f6f6; border: 1px solid var(--rule); padding: .6rem .8rem; overflow-x: auto; white-space: pre-wrap; word-break: break-word; }
code.command { background: #f3f3f3; padding: .1rem .3rem; border-radius: 3px; word-break: break-word; }
.lead { font-size: 1.05rem; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 1rem 0; }
dl.summary dt { font-weight: bold; font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; }
dl.summary dd { margin: 0; }
.badge { display: inline-block; font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: .8rem; font-weight: bold; letter-spacing: .03em;
  text-transform: uppercase; padding: .1rem .45rem; border: 1.5px solid currentColor; border-radius: 3px; vertical-align: middle; }
.good { color: var(--good); } .bad { color: var(--bad); } .neutral { color: var(--neutral); }
.status { font-weight: bold; }
.table-wrap { overflow-x: auto; margin: .5rem 0 1rem; }
table { border-collapse: collapse; font-size: .85rem; width: 100%; }
th, td { border: 1px solid var(--rule); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; }
.small { font-size: .8rem; color: var(--muted); word-break: break-word; }
.statement { font-style: italic; }
.math-block { margin: .75rem 0 1rem; padding: .5rem .75rem; border-left: 3px solid var(--rule); font-size: 1.1rem; }
.math-line { margin: .3rem 0; }
figure.chart-figure { margin: 1.25rem 0; padding: .5rem; border: 1px solid var(--rule); }
figure.chart-figure svg { display: block; width: 100%; max-width: 680px; height: auto; margin: 0 auto; }
figcaption { font-size: .85rem; color: #333; margin-top: .5rem; }
.counterexample { border-left: 3px solid var(--bad); padding-left: .75rem; margin: .75rem 0; }
.figure-failure { color: var(--bad); }
details summary { cursor: pointer; color: var(--muted); }
@media (max-width: 40rem) { body { font-size: 15px; padding: 1rem .75rem; } dl.summary { grid-template-columns: 1fr; } }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { margin-top: 0; }
  section.theorem, section.environment, section.citation { break-before: page; }
  figure.chart-figure, tr, .counterexample, .math-block, pre { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  .lead a::after { content: " (" attr(href) ")"; font-size: .85em; }
  .table-wrap { overflow: visible; }
  table { font-size: 7.5pt; }
  th, td { overflow-wrap: anywhere; padding: .2rem .3rem; }
  pre { white-space: pre-wrap; }
}
`;
