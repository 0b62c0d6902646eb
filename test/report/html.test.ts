/**
 * report.html as text: self-contained, escaped, complete per theorem, and
 * written by `check --report` with the figures of the run (end to end through
 * the command line on the real catalogue).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { CommandIO } from '../../src/cli/io.js';
import { catalogue } from '../../theorems/index.js';
import { runCatalogue } from '../../src/runner/run.js';
import { PROFILES } from '../../src/runner/profiles.js';
import { buildReport } from '../../src/report/model.js';
import { collectEnvironment } from '../../src/report/environment.js';
import { renderHtml, renderMath } from '../../src/report/html.js';
import type { Figure, FigureFailure } from '../../src/report/figures/index.js';
import type { Theorem } from '../../src/runner/theorem.js';
import { fakeCertify, falsifiedTheorem, identityTheorem, verifiedTheorem } from '../runner/fixtures.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ebm-lens-html-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hostile: Theorem = {
  ...verifiedTheorem,
  id: 'H1',
  title: 'a <script>alert(1)</script> title',
  statement: { text: 'x < y & "z"', latex: 'a < b,\\quad \\frac{1}{2} \\le c' },
};

function fixtureReport() {
  const result = runCatalogue([verifiedTheorem, falsifiedTheorem, identityTheorem('I1', ['certified']), hostile], {
    seed: 5,
    profile: PROFILES.quick,
    runs: 40,
    certify: fakeCertify,
  });
  return buildReport(result, collectEnvironment(), new Date(0));
}

const figure: Figure = {
  id: 'fig-F1-test',
  theoremId: 'F1',
  title: 'A test figure',
  caption: 'Caption <b>.',
  svg: '<svg xmlns="http://www.w3.org/2000/svg" id="fig-F1-test" class="chart"><title>t</title></svg>',
};
const failure: FigureFailure = { theoremId: 'F2', error: 'enclosures overlap <here>' };

describe('renderMath', () => {
  it('renders one MathML line per top-level \\quad-separated claim', () => {
    const html = renderMath('a = b,\\quad \\frac{x}{y} \\le \\mathbb{E}_\\mu[\\Phi];\\quad \\{c\\quad d\\}\\ ');
    expect((html.match(/<math\b/g) ?? []).length).toBe(3);
    expect(html).toContain('<mfrac>');
    expect(html).not.toContain('\\quad'); // separators consumed, no stray source
  });

  it('does not split inside a group', () => {
    for (const tex of [
      '\\text{a \\quad b} = c',
      '\\{a \\quad b\\}',
      '\\left( a \\quad b \\right)',
      '\\big[a \\quad b\\big]',
    ]) {
      expect((renderMath(tex).match(/<math\b/g) ?? []).length, tex).toBe(1);
    }
  });

  it('shows the LaTeX source when it cannot be read', () => {
    expect(renderMath('x\\')).toMatch(/^<pre class="latex"/); // a trailing backslash
    const html = renderMath('\\frac{1}{');
    expect(html).toMatch(/^<pre class="latex"/);
    expect(html).toContain('\\frac{1}{');
  });
});

describe('renderHtml', () => {
  const report = fixtureReport();
  const html = renderHtml(
    report,
    new Map<string, Figure | FigureFailure>([
      ['F1', figure],
      ['F2', failure],
    ]),
  );

  it('is self-contained: no script, a policy forbidding the network, styles inline', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">`,
    );
    expect(html).not.toMatch(/<link\b/i);
    expect(html).toMatch(/@font-face\s*{[^}]*url\(data:font\/woff2;base64,/);
    expect(html).toContain('@media print');
  });

  it('escapes every text from the report', () => {
    expect(html).toContain('a &lt;script&gt;alert(1)&lt;/script&gt; title');
    expect(html).toContain('x &lt; y &amp; &quot;z&quot;');
    expect(html).toContain('Caption &lt;b&gt;.');
    expect(html).toContain('could not be computed: enclosures overlap &lt;here&gt;');
  });

  it('has, per theorem, statement, math, assumptions, identities, properties, mutants and how to reproduce', () => {
    for (const id of ['F1', 'F2', 'I1', 'H1']) {
      const start = html.indexOf(`<section class="theorem" id="theorem-${id}"`);
      expect(start, id).toBeGreaterThan(0);
      const section = html.slice(start, html.indexOf('</section>', start));
      for (const heading of ['Assumptions', 'Identities', 'Properties', 'Mutants', 'Reproduce'])
        expect(section, `${id} ${heading}`).toContain(`<h3>${heading}</h3>`);
      expect(section).toContain(`ebm-lens check ${id} --seed 5 --profile quick --runs 40`);
    }
    const h1 = html.slice(html.indexOf('id="theorem-H1"'));
    expect((h1.slice(0, h1.indexOf('</section>')).match(/<math\b/g) ?? []).length).toBe(2);
    expect(html).toContain(figure.svg);
    expect(html).toMatch(
      /Replay: <code class="command">ebm-lens replay F2 --property below-five-hundred --seed -?\d+ --path \d+(:\d+)*<\/code>/,
    );
    expect(html).toContain('<span class="badge bad">falsified</span>');
  });

  it('cites the paper and the tool, and records the environment and the seed', () => {
    expect(html).toContain('@misc{tan2025theoretical,');
    expect(html).toContain('eprint={2512.18730}');
    expect(html).toContain('@software{ebm_lens,');
    expect(html).toContain(`version={${report.tool.version}}`);
    expect(html).toContain(`<dt>Seed</dt><dd><code>5</code></dd>`);
    expect(html).toContain(`<td>Node</td><td>${process.version}</td>`);
    for (const name of Object.keys(report.environment.dependencies)) expect(html).toContain(`<td>${name}</td>`);
  });

  it('is a pure function of the report and the figures', () => {
    expect(renderHtml(report, new Map([['F1', figure]]))).toBe(renderHtml(report, new Map([['F1', figure]])));
  });
});

describe("check --report writes report.html with the run's figures", () => {
  it('on a real theorem', async () => {
    let stdout = '';
    const io: CommandIO = { stdout: (t) => void (stdout += t), stderr: () => undefined, interactive: false };
    const out = join(dir, 'out');
    await main(['check', 'T8', '--runs', '20', '--seed', '7', '--report', out], io, catalogue);
    expect(stdout).toContain('(report.json, report.md, report.html, certificate.json)');
    expect(readdirSync(out).sort()).toEqual(['certificate.json', 'report.html', 'report.json', 'report.md']);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).toContain('id="fig-T8-gap"');
    expect(html).toContain('Sample prompt (seed 7)');
    expect(html).toContain('held at all 41 plotted times (decided rigorously)');
    expect(html).toContain('<h2 id="theorem-T8-heading">T8: ');
    expect(html).toMatch(/<div class="math-block">(<div class="math-line"><math[\s\S]*?<\/math><\/div>)+<\/div>/);
  });
});
