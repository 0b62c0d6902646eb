/**
 * report.html in a real browser: headless Chromium opens the file written by
 * `check --report`, and every figure must render with visible content, every
 * statement's math must lay out, nothing may be logged as an error and no
 * network request may be made. The page is also printed to PDF (print
 * stylesheet: one theorem per page).
 *
 * Needs Chromium: the one the npm devDependency @sparticuz/chromium ships (so
 * `npm ci && npm test` runs it on a fresh machine), or a system Chromium named
 * by EBM_LENS_CHROMIUM (or found on PATH when the npm one cannot run). Without
 * any the test fails with one line saying so; it is skipped only when
 * EBM_LENS_BROWSER_TESTS=0 is set explicitly, and then says so on stderr.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogue } from '../../theorems/index.js';
import { runCatalogue } from '../../src/runner/run.js';
import { PROFILES } from '../../src/runner/profiles.js';
import type { Certifier } from '../../src/runner/identity.js';
import { buildReport } from '../../src/report/model.js';
import { collectEnvironment } from '../../src/report/environment.js';
import { writeReport } from '../../src/report/report.js';
import { FIGURE_BUILDERS } from '../../src/report/figures/index.js';
import { inspectPage, INSTALL_HINT, locateChromium } from './chromium.js';

const enabled = process.env.EBM_LENS_BROWSER_TESTS !== '0';
// never silently: an explicit skip is said where the test output shows it
if (!enabled) console.warn('report.html browser test SKIPPED: EBM_LENS_BROWSER_TESTS=0 is set');

/** Reports every identity as undecided, with one evaluation point to show. */
const standInCertify: Certifier = (spec, options) => ({
  name: spec.name,
  status: 'undecided',
  casResidual: `${spec.lhs} - (${spec.rhs})`,
  evaluation: 'exact',
  points: [{ x: '1/2' }],
  residuals: ['0'],
  detail: `not certified in this rendering test (seed ${options.seed})`,
});

interface Box {
  width: number;
  height: number;
}
interface Measured {
  mathML: boolean;
  figures: {
    id: string;
    box: Box;
    plot: Box;
    series: (Box & { label: string; marks: number })[];
    texts: number;
    axisLabels: string[];
  }[];
  math: Box[];
  theorems: number;
  overflow: { scrollWidth: number; clientWidth: number; offenders: string[] };
}

/** Runs in the page: sizes as laid out and painted by the browser. */
const MEASURE = `(() => {
  const box = (r) => ({ width: r.width, height: r.height });
  return {
    mathML: typeof MathMLElement !== 'undefined' && document.querySelector('math') instanceof MathMLElement,
    figures: [...document.querySelectorAll('figure.chart-figure svg')].map((svg) => ({
      id: svg.id,
      box: box(svg.getBoundingClientRect()),
      plot: box(svg.querySelector('g.plot').getBBox()),
      series: [...svg.querySelectorAll('g.series')].map((g) => ({ label: g.dataset.label, marks: g.childElementCount, ...box(g.getBBox()) })),
      texts: svg.querySelectorAll('text').length,
      axisLabels: [...svg.querySelectorAll('text.axis-label')].map((t) => t.textContent),
    })),
    math: [...document.querySelectorAll('.math-block math')].map((m) => box(m.getBoundingClientRect())),
    theorems: document.querySelectorAll('section.theorem').length,
    overflow: {
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      // the innermost elements sticking out on the right, for the failure message
      offenders: [...document.querySelectorAll('body *')]
        .filter((e) => !e.closest('.table-wrap, pre') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 && ![...e.children].some((c) => c.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5))
        .slice(0, 5)
        .map((e) => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 60)),
    },
  };
})()`;

describe.skipIf(!enabled)('report.html in headless Chromium', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ebm-lens-browser-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders every figure and every statement, with no console error and no network request', async () => {
    const located = await locateChromium();
    if (located === undefined) throw new Error(INSTALL_HINT);
    const chromium = located.path;

    // A quick real run of the catalogue (few runs: rendering is what is tested here). The computer
    // algebra is replaced by a stand-in to keep the test fast; html.test.ts renders real certificates.
    const theorems = catalogue.filter((t) => Object.prototype.hasOwnProperty.call(FIGURE_BUILDERS, t.id));
    expect(theorems.map((t) => t.id).sort()).toEqual(Object.keys(FIGURE_BUILDERS).sort());
    const result = runCatalogue(theorems, {
      seed: 251218730,
      profile: PROFILES.quick,
      runs: 5,
      certify: standInCertify,
    });
    writeReport(dir, buildReport(result, collectEnvironment()));
    const file = join(dir, 'report.html');

    const { value, problems, screenshot, pdf } = await inspectPage<Measured>(chromium, file, MEASURE);
    expect(problems).toEqual([]);
    expect(value.mathML).toBe(true);
    expect(value.theorems).toBe(theorems.length);

    expect(value.figures.map((f) => f.id.split('-')[1]).sort()).toEqual(theorems.map((t) => t.id).sort());
    for (const figure of value.figures) {
      expect(figure.box.width, figure.id).toBeGreaterThan(300);
      expect(figure.box.height, figure.id).toBeGreaterThan(200);
      expect(figure.plot.width, figure.id).toBeGreaterThan(100);
      expect(figure.plot.height, figure.id).toBeGreaterThan(50);
      expect(figure.axisLabels, figure.id).toHaveLength(2);
      expect(figure.texts, figure.id).toBeGreaterThan(8);
      expect(figure.series.length, figure.id).toBeGreaterThan(0);
      for (const series of figure.series) {
        expect(series.marks, `${figure.id}: ${series.label}`).toBeGreaterThan(0);
        // Painted: a marker has extent along both axes, a line is long along at least one.
        const painted = (series.width > 0 && series.height > 0) || series.width + series.height > 20;
        expect(painted, `${figure.id}: ${series.label} (${series.width} x ${series.height})`).toBe(true);
      }
    }

    expect(value.math.length).toBeGreaterThanOrEqual(theorems.length);
    for (const box of value.math) {
      expect(box.width).toBeGreaterThan(10);
      expect(box.height).toBeGreaterThan(5);
    }
    // Readable on a laptop: nothing wider than a 1000 px window.
    expect(value.overflow.scrollWidth, value.overflow.offenders.join(' | ')).toBeLessThanOrEqual(
      value.overflow.clientWidth,
    );

    // The screenshot: a PNG of the 1000 x 1400 first screen.
    expect(screenshot.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(screenshot.readUInt32BE(16)).toBe(1000);
    expect(screenshot.readUInt32BE(20)).toBe(1400);
    writeFileSync(join(dir, 'report.png'), screenshot);

    // On paper: each theorem starts a page, so there are more pages than theorems.
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
    expect(pages).toBeGreaterThan(theorems.length);

    // Self-contained: nothing in the file points outside it except the paper's link.
    const html = readFileSync(file, 'utf8');
    expect(html.match(/(?:src|href)="(?!#|data:)[^"]*"/g) ?? []).toEqual(['href="https://arxiv.org/abs/2512.18730"']);
  });
});
