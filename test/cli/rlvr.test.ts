/**
 * `ebm-lens rlvr` end to end, in process (plus one spawn of the built bin).
 *
 * Known answers from closed forms evaluated with decimal.js: p* = sigma(logit p0 + 1/beta),
 * log Z = log(1 - p0 + p0 e^{1/beta}), accuracy from q p_t = sigma(logit p0 + eta_t),
 * eta_t = (1 - e^{-beta t}) / beta, and T8's gap = beta kl(p_t || p*).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NumberObject } from '../../src/arith/numberObject.js';
import { buildIfMissing, runMain } from '../support/cli.js';

const D = Decimal.clone({ precision: 300 }); // beyond the interval precision these runs reach
type Dec = InstanceType<typeof D>;

const run = (...argv: string[]) => runMain(argv);

const dir = mkdtempSync(join(tmpdir(), 'ebm-rlvr-'));
let fileCount = 0;
function modelFile(model: unknown): string {
  const path = join(dir, `model-${fileCount++}.json`);
  writeFileSync(path, typeof model === 'string' ? model : JSON.stringify(model));
  return path;
}

/** The fields of `rlvr --json` that these tests read (docs/outputs.md). */
interface RlvrPoint {
  t: NumberObject;
  accuracy: NumberObject;
  gap: NumberObject;
  bernoulliGap: NumberObject;
  klToReference: NumberObject;
}
interface RlvrReport {
  mode: string;
  prompts: { weight: NumberObject; p0: NumberObject; pStar: NumberObject; logZ: NumberObject; series: RlvrPoint[] }[];
  total: { series: RlvrPoint[] };
}

const encloses = (x: NumberObject, value: Dec) => new D(x.lo).lte(value) && new D(x.hi).gte(value);
const sigmoid = (x: Dec) => new D(1).div(new D(1).add(x.neg().exp()));
const logit = (p: Dec) => p.div(new D(1).sub(p)).ln();
const bernoulliKl = (a: Dec, b: Dec) =>
  a.mul(a.div(b).ln()).add(new D(1).sub(a).mul(new D(1).sub(a).div(new D(1).sub(b)).ln()));

describe('rlvr examples/rlvr.json', () => {
  it('prints the keys of docs/outputs.md with enclosures of the closed forms', async () => {
    const { code, stdout, stderr } = await run('rlvr', 'examples/rlvr.json', '--json');
    expect([code, stderr]).toEqual([0, '']);
    const json = JSON.parse(stdout) as RlvrReport;
    expect(json.mode).toBe('interval');
    expect(Object.keys(json.prompts[0]!)).toEqual(expect.arrayContaining(['p0', 'pStar', 'logZ', 'series']));
    expect(Object.keys(json.total.series[0]!).sort()).toEqual([
      'accuracy',
      'bernoulliGap',
      'entropy',
      'gap',
      'klToReference',
      't',
    ]);
    // prompt 0: p0 = 1/4 + 1/8 = 3/8, beta = 1/2, from q
    const p0 = new D(3).div(8);
    const pStar = sigmoid(logit(p0).add(2));
    const first = json.prompts[0]!;
    expect(first.p0.exact).toBe('3/8');
    expect(first.weight.exact).toBe('2/3');
    expect(encloses(first.pStar, pStar)).toBe(true);
    expect(
      encloses(
        first.logZ,
        new D(1)
          .sub(p0)
          .add(p0.mul(new D(2).exp()))
          .ln(),
      ),
    ).toBe(true);
    const times = ['0', '0.5', '1', '2', '5', '10'];
    first.series.forEach((point: RlvrPoint, i: number) => {
      expect(point.t.exact).toBe(times[i] === '0.5' ? '1/2' : times[i]);
      const eta = new D(1).sub(new D(times[i]!).div(-2).exp()).mul(2);
      const pt = sigmoid(logit(p0).add(eta));
      expect(encloses(point.accuracy, pt)).toBe(true);
      expect(encloses(point.gap, bernoulliKl(pt, pStar).div(2))).toBe(true);
      expect(encloses(point.bernoulliGap, bernoulliKl(pt, pStar).div(2))).toBe(true);
      expect(new D(point.gap.hi).sub(point.gap.lo).lte(new D(point.gap.approx).abs().mul('1e-20'))).toBe(true);
    });
    // prompt 1 starts outside the tilt family: gap > bernoulliGap (T7)
    json.prompts[1]!.series.forEach((point: RlvrPoint) =>
      expect(new D(point.gap.lo).gt(new D(point.bernoulliGap.hi))).toBe(true),
    );
    // total at t = 0: accuracy (2/3)(3/8) + (1/3)(1/4) = 1/3
    expect(encloses(json.total.series[0]!.accuracy, new D(1).div(3))).toBe(true);
  });

  it('prints a table without --json, and float mode on request', async () => {
    const table = await run('rlvr', 'examples/rlvr.json');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/prompt 0 \(weight 2\/3\): p0 = 3\/8, p\* = 0\.81595431/);
    expect(table.stdout).toMatch(/total \(prompt-weighted\)/);
    const float = await run('rlvr', 'examples/rlvr.json', '--json', '--mode', 'float');
    expect(float.code).toBe(0);
    expect((JSON.parse(float.stdout) as RlvrReport).prompts[0]!.pStar.float64).toBe(true);
  });

  it('degenerate prompts (no correct response, all correct) have p* = p0 and zero gaps, exactly', async () => {
    const file = modelFile({
      beta: 1,
      prompts: [
        { reference: ['1/2', '1/2'], correct: [false, false] },
        { reference: ['1/2', '1/2'], correct: [true, true] },
      ],
      times: [0, 3],
    });
    const json = JSON.parse((await run('rlvr', file, '--json')).stdout) as RlvrReport;
    expect(json.prompts[0]!.pStar.exact).toBe('0');
    expect(json.prompts[1]!.pStar.exact).toBe('1');
    expect(json.prompts[1]!.logZ.exact).toBe('1');
    for (const prompt of json.prompts) {
      for (const point of prompt.series)
        expect([point.gap.exact, point.bernoulliGap.exact, point.klToReference.exact]).toEqual(['0', '0', '0']);
    }
  });
});

describe('rlvr bad input: exit 2, one line, nothing on stdout', () => {
  const prompt = { reference: ['1/2', '1/2'], correct: [true, false] };
  it.each([
    ['empty file', '', /the file is empty/],
    ['invalid JSON', '{"beta": 1,', /invalid JSON/],
    ['beta <= 0', { beta: '-1', prompts: [prompt], times: [0] }, /^ebm-lens: beta: must be > 0/],
    [
      'reference not summing to 1',
      { beta: 1, prompts: [{ ...prompt, reference: ['1/2', '1/3'] }], times: [0] },
      /^ebm-lens: prompts\[0\]\.reference: sums to 5\/6, not 1/,
    ],
    [
      'negative reference',
      { beta: 1, prompts: [{ ...prompt, reference: ['3/2', '-1/2'] }], times: [0] },
      /^ebm-lens: prompts\[0\]\.reference\[1\]: is negative/,
    ],
    [
      'correct of the wrong length',
      { beta: 1, prompts: [{ ...prompt, correct: [true] }], times: [0] },
      /^ebm-lens: prompts\[0\]\.correct: has 1 entries, expected 2/,
    ],
    [
      'initial not a distribution',
      { beta: 1, prompts: [{ ...prompt, initial: [1, 1] }], times: [0] },
      /^ebm-lens: prompts\[0\]\.initial: sums to 2/,
    ],
    ['missing times', { beta: 1, prompts: [prompt] }, /^ebm-lens: times: is missing/],
    ['missing prompts', { beta: 1, times: [0] }, /^ebm-lens: prompts: is missing/],
  ])('%s', async (_name, model, message) => {
    const { code, stdout, stderr } = await run('rlvr', modelFile(model), '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('--mode exact is refused with the reason', async () => {
    const { code, stderr } = await run('rlvr', 'examples/rlvr.json', '--mode', 'exact');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ebm-lens: --mode: exact mode cannot run rlvr/);
  });
});

describe('bin/ebm-lens.js rlvr (spawned)', () => {
  beforeAll(() => {
    buildIfMissing('dist/src/analysis/rlvr.js', 'dist/theorems/index.js');
  });

  it('prints the JSON report and exits 0', () => {
    const result = spawnSync(process.execPath, ['bin/ebm-lens.js', 'rlvr', 'examples/rlvr.json', '--json'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as RlvrReport).prompts).toHaveLength(2);
  });
});
