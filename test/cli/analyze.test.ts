/**
 * `ebm-lens analyze` end to end, in process (plus one spawn of the built bin).
 *
 * Known answers, each from a closed form evaluated independently of the code:
 * - two-state chain P = [[1-a, a], [b, 1-b]]: mu = (b, a)/(a+b), lambda2 = 1 - a - b,
 *   nu_t - mu = (nu_0 - mu) lambda2^t, E_low[tau_high] = 1/a (geometric);
 * - lazy walk on the n-cycle: eigenvalues (1 + cos(2 pi k / n)) / 2, so the spectral
 *   gap is (1 - cos(2 pi / n)) / 2 (decimal.js);
 * - birth-death chain (up p, down q): E_k[tau_{k+1}] = sum_{j<=k} pi(j) / (p pi(k)),
 *   pi(j) = (p/q)^j (Levin-Peres-Wilmer, Section 2.5);
 * - uniform prior: mu = softmax(Phi / beta) (T2q), exactly w / sum w with rational weights;
 * - doubly stochastic kernels have the uniform stationary law.
 * Every bad input exits 2 with one line naming the field and nothing on stdout.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NumberObject } from '../../src/arith/numberObject.js';
import { Rational } from '../../src/arith/rational.js';
import { buildIfMissing, runMain } from '../support/cli.js';

const D = Decimal.clone({ precision: 300 }); // beyond the interval precision these runs reach
type Dec = InstanceType<typeof D>;

const run = (...argv: string[]) => runMain(argv);

/** The fields of `analyze --json` that these tests read (docs/outputs.md); a quantity may be omitted. */
interface AnalyzeReport {
  states: string[];
  mode: string;
  modes: { stationary?: string; spectrum?: string };
  kernel?: NumberObject[][];
  irreducible: boolean;
  closedClasses?: string[][];
  aperiodic?: boolean;
  stationary?: NumberObject[];
  reversible: boolean;
  reversibilityViolation?: { pair?: string[] };
  potential?: NumberObject[];
  potentialRatios?: NumberObject[];
  lambda2?: NumberObject;
  lambda2ResidualBound?: NumberObject;
  lambdaMin?: NumberObject;
  spectralGap?: NumberObject;
  absoluteGap?: NumberObject;
  hitting?: {
    target: string[];
    expected?: Record<string, NumberObject>;
    fromStationary?: NumberObject;
    dirichletGap?: NumberObject;
  };
  trajectory?: { kl: NumberObject[]; tv: NumberObject[]; chi2: NumberObject[] };
  omitted?: Record<string, string>;
}

async function analyzeJson(file: string, ...extra: string[]): Promise<AnalyzeReport> {
  const { code, stdout, stderr } = await run('analyze', file, '--json', ...extra);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as AnalyzeReport;
}

const dir = mkdtempSync(join(tmpdir(), 'ebm-analyze-'));
let fileCount = 0;
function modelFile(model: unknown): string {
  const path = join(dir, `model-${fileCount++}.json`);
  writeFileSync(path, typeof model === 'string' ? model : JSON.stringify(model));
  return path;
}

function encloses(number: NumberObject, value: Dec): boolean {
  return new D(number.lo).lte(value) && new D(number.hi).gte(value);
}
function width(number: NumberObject): Dec {
  return new D(number.hi).sub(new D(number.lo));
}
const frac = (p: number, q = 1) => new D(p).div(q);

describe('analyze examples/two-state.json (exact mode)', () => {
  // a = 1/4, b = 1/3
  it('mu = (b, a)/(a+b) exactly, lambda2 = 1 - a - b, hitting and trajectory in closed form', async () => {
    const json = await analyzeJson('examples/two-state.json');
    expect(json.mode).toBe('exact');
    expect(json.states).toEqual(['low', 'high']);
    expect(json.irreducible).toBe(true);
    expect(json.aperiodic).toBe(true);
    expect(json.reversible).toBe(true);
    expect(json.stationary!.map((x: NumberObject) => x.exact)).toEqual(['4/7', '3/7']);
    expect(json.kernel![0]!.map((x: NumberObject) => x.exact)).toEqual(['3/4', '1/4']);
    const lambda2 = frac(5, 12);
    for (const key of ['lambda2', 'lambdaMin'] as const) expect(encloses(json[key]!, lambda2)).toBe(true);
    expect(encloses(json.spectralGap!, frac(7, 12))).toBe(true);
    expect(encloses(json.absoluteGap!, frac(7, 12))).toBe(true);
    expect(json.potentialRatios!.map((x: NumberObject) => x.exact)).toEqual(['1', '3/4']);
    expect(json.potential![0]!.exact).toBe('0');
    expect(encloses(json.potential![1]!, frac(3, 4).ln())).toBe(true);
    const hitting = json.hitting!;
    expect(hitting.target).toEqual(['high']);
    expect(hitting.expected!.low!.exact).toBe('4');
    expect(hitting.expected!.high!.exact).toBe('0');
    expect(hitting.fromStationary!.exact).toBe('16/7');
    expect(encloses(hitting.dirichletGap!, frac(1, 4))).toBe(true);
    const trajectory = json.trajectory!;
    expect(trajectory.tv).toHaveLength(11);
    trajectory.tv.forEach((tv: NumberObject, t: number) => {
      const deviation = frac(3, 7).mul(lambda2.pow(t)); // nu_t(low) - mu(low)
      expect(new D(tv.approx).sub(deviation).abs().lt('1e-19')).toBe(true);
      expect(tv.exact).toBeDefined();
      expect(
        new D(trajectory.chi2[t]!.approx)
          .sub(frac(3, 4).mul(lambda2.pow(2 * t)))
          .abs()
          .lt('1e-19'),
      ).toBe(true);
      const nu = [frac(4, 7).add(deviation), frac(3, 7).sub(deviation)];
      const mu = [frac(4, 7), frac(3, 7)];
      const kl = nu.reduce((acc, p, i) => (p.isZero() ? acc : acc.add(p.mul(p.div(mu[i]!).ln()))), new D(0));
      expect(encloses(trajectory.kl[t]!, kl)).toBe(true);
      expect(width(trajectory.kl[t]!).lt('1e-40')).toBe(true);
    });
    expect(json.omitted).toBeUndefined();
  });

  it('prints a readable summary without --json', async () => {
    const { code, stdout } = await run('analyze', 'examples/two-state.json');
    expect(code).toBe(0);
    expect(stdout).toMatch(/2 states, mode exact/);
    expect(stdout).toMatch(/low\s+4\/7/);
    expect(stdout).toMatch(/lambda2 = 5\/12|lambda2 = 0\.41666666666/);
  });
});

/** The lazy walk on the n-cycle as a rational kernel. */
function lazyCycle(n: number) {
  return {
    kernel: Array.from({ length: n }, (_, x) =>
      Array.from({ length: n }, (_, y) =>
        x === y ? '1/2' : (y - x + n) % n === 1 || (x - y + n) % n === 1 ? '1/4' : 0,
      ),
    ),
  };
}

describe('lazy walk on the n-cycle: gap (1 - cos(2 pi / n)) / 2', () => {
  it.each([[5], [12]])(
    'n = %i (exact eigenvalue isolation): enclosures narrower than 1e-30 contain the closed form',
    async (n) => {
      const json = await analyzeJson(modelFile(lazyCycle(n)));
      expect(json.mode).toBe('exact');
      const pi = D.acos(-1);
      const gap = new D(1).sub(pi.mul(2).div(n).cos()).div(2);
      const lambdaMin = n % 2 === 0 ? new D(0) : new D(1).sub(pi.div(n).cos()).div(2);
      expect(encloses(json.spectralGap!, gap)).toBe(true);
      expect(encloses(json.lambda2!, new D(1).sub(gap))).toBe(true);
      expect(encloses(json.lambdaMin!, lambdaMin)).toBe(true);
      expect(width(json.lambda2!).lt('1e-30')).toBe(true);
      expect(width(json.lambdaMin!).lt('1e-30')).toBe(true);
      json.stationary!.forEach((x: NumberObject) => expect(x.exact).toBe(`1/${n}`));
    },
  );

  it('n = 30 (above the exact spectrum limit): exact stationary law, interval spectrum (rigorous enclosures)', async () => {
    const json = await analyzeJson(modelFile(lazyCycle(30)));
    expect(json.mode).toBe('interval');
    expect(json.modes).toMatchObject({ stationary: 'exact', spectrum: 'interval' });
    json.stationary!.forEach((x: NumberObject) => expect(x.exact).toBe('1/30'));
    const gap = new D(1).sub(D.acos(-1).mul(2).div(30).cos()).div(2);
    expect(encloses(json.spectralGap!, gap)).toBe(true);
    expect(width(json.spectralGap!).lt('1e-25')).toBe(true);
  });

  it('n = 60 (above the interval spectrum limit): float64 spectrum, labelled, with its residual bound, and within 1e-10 of the closed form', async () => {
    const json = await analyzeJson(modelFile(lazyCycle(60)));
    expect(json.mode).toBe('float');
    expect(json.modes).toMatchObject({ stationary: 'exact', spectrum: 'float' });
    expect(json.lambda2!.float64).toBe(true);
    expect(Number(json.lambda2ResidualBound!.approx)).toBeLessThan(1e-6);
    const lambda2 = (1 + Math.cos((2 * Math.PI) / 60)) / 2;
    expect(Math.abs(Number(json.lambda2!.approx) - lambda2)).toBeLessThanOrEqual(
      Number(json.lambda2ResidualBound!.approx) + 1e-12,
    );
    expect(json.omitted?.kernel).toBeUndefined();
    const gap = (1 - Math.cos((2 * Math.PI) / 60)) / 2;
    expect(Math.abs(Number(json.spectralGap!.approx) - gap)).toBeLessThan(1e-10);
  });
});

describe('birth-death chain hitting times', () => {
  it('E_x[tau_5] = sum_{k=x}^{4} 3 (2 - 2^-k) exactly (p = 1/3 up, q = 1/6 down)', async () => {
    const n = 6;
    const kernel = Array.from({ length: n }, (_, x) => {
      const row = Array.from({ length: n }, () => new Rational(0n));
      if (x < n - 1) row[x + 1] = new Rational(1n, 3n);
      if (x > 0) row[x - 1] = new Rational(1n, 6n);
      row[x] = new Rational(1n).sub(row.reduce((a, b) => a.add(b)));
      return row.map((q) => q.toFraction());
    });
    const json = await analyzeJson(modelFile({ kernel, target: ['5'] }));
    for (let x = 0; x < 5; x++) {
      let expected = new Rational(0n);
      for (let k = x; k < 5; k++)
        expected = expected.add(new Rational(3n).mul(new Rational(2n).sub(new Rational(1n, 2n ** BigInt(k)))));
      expect(json.hitting!.expected![String(x)]!.exact).toBe(expected.toFraction());
    }
    // T5: E_mu[tau_A] <= mu(A^c) / l_A
    const muA = new D(json.stationary![5]!.approx);
    expect(
      new D(json.hitting!.fromStationary!.approx).lte(new D(1).sub(muA).div(new D(json.hitting!.dirichletGap!.lo))),
    ).toBe(true);
  });
});

describe('uniform prior: mu = softmax(Phi / beta) (T2q)', () => {
  it('exact with rational weights: mu = w / sum w', async () => {
    const weights = ['1', '3/2', '2', '1/3'];
    const conductance = Array.from({ length: 4 }, () => [1, 1, 1, 1]);
    const json = await analyzeJson(modelFile({ conductance, weights }));
    expect(json.mode).toBe('exact');
    const total = weights.reduce((acc, w) => acc.add(new Rational(w)), new Rational(0n));
    expect(json.stationary!.map((x: NumberObject) => x.exact)).toEqual(
      weights.map((w) => new Rational(w).div(total).toFraction()),
    );
  });

  it('examples/ebm-potential.json (interval mode): enclosures contain softmax(Phi / beta), reversible decided exactly', async () => {
    const json = await analyzeJson('examples/ebm-potential.json');
    expect(json.mode).toBe('interval');
    expect(json.reversible).toBe(true);
    const phi = [0, 0.25, 0.5, 0.75, 1].map((x) => new D(x).mul(2).exp()); // beta = 1/2
    const total = phi.reduce((a, b) => a.add(b), new D(0));
    json.stationary!.forEach((x: NumberObject, i: number) => {
      expect(encloses(x, phi[i]!.div(total))).toBe(true);
      expect(width(x).lt('1e-40')).toBe(true);
    });
    // U(x) = log mu(x) / mu(0) = 2 Phi(x)
    expect(encloses(json.potential![4]!, new D(2))).toBe(true);
    // P = 1 mu^T has rank one: every other eigenvalue is 0
    expect(encloses(json.lambda2!, new D(0))).toBe(true);
    expect(json.hitting!.target).toEqual(['good', 'best']);
    expect(json.trajectory!.kl).toHaveLength(11);
  });
});

describe('examples/reversible-8.json', () => {
  it('reversible, stationary exact (mu proportional to w (C w)), lambda2 and lambdaMin narrower than 1e-30', async () => {
    const json = await analyzeJson('examples/reversible-8.json');
    expect(json.mode).toBe('exact');
    expect(json.reversible).toBe(true);
    const model = JSON.parse((await import('node:fs')).readFileSync('examples/reversible-8.json', 'utf8')) as {
      weights: (string | number)[];
      conductance: (string | number)[][];
    };
    const w = model.weights.map((x: string | number) => new Rational(String(x)));
    const C = model.conductance.map((row: (string | number)[]) => row.map((x) => new Rational(String(x))));
    const unnormalized = w.map((wx: Rational, x: number) =>
      wx.mul(C[x]!.reduce((acc: Rational, c: Rational, y: number) => acc.add(c.mul(w[y]!)), new Rational(0n))),
    );
    const total = unnormalized.reduce((a: Rational, b: Rational) => a.add(b));
    expect(json.stationary!.map((x: NumberObject) => x.exact)).toEqual(
      unnormalized.map((u: Rational) => u.div(total).toFraction()),
    );
    expect(width(json.lambda2!).lt('1e-30')).toBe(true);
    expect(width(json.lambdaMin!).lt('1e-30')).toBe(true);
    // an independent float64 eigen-solver (ml-matrix) on S = D^{1/2} P D^{-1/2}
    const mu = json.stationary!.map((x: NumberObject) => Number(x.approx));
    const P = json.kernel!.map((row: NumberObject[]) => row.map((x) => Number(x.approx)));
    const S = new Matrix(
      P.map((row: number[], i: number) => row.map((p, j) => (Math.sqrt(mu[i]!) * p) / Math.sqrt(mu[j]!))),
    );
    const eigenvalues = new EigenvalueDecomposition(S, { assumeSymmetric: true }).realEigenvalues.sort((a, b) => b - a);
    expect(Math.abs(Number(json.lambda2!.approx) - eigenvalues[1]!)).toBeLessThan(1e-12);
    expect(Math.abs(Number(json.lambdaMin!.approx) - eigenvalues[7]!)).toBeLessThan(1e-12);
    expect(json.hitting!.expected!.e!.exact).toBe('0');
    expect(json.trajectory!.kl).toHaveLength(21);
  });
});

describe('non-reversible and reducible chains', () => {
  it('examples/non-reversible.json: reversible false with the violating pair; mu, hitting times and trajectory present', async () => {
    const json = await analyzeJson('examples/non-reversible.json');
    expect(json.reversible).toBe(false);
    expect(json.reversibilityViolation!.pair).toHaveLength(2);
    expect(json.stationary!.map((x: NumberObject) => x.exact)).toEqual(['1/3', '1/3', '1/3']);
    // h_x = 1 + (2/3) h_y, h_y = 1 + (1/3) h_x
    expect(json.hitting!.expected!.x!.exact).toBe('15/7');
    expect(json.hitting!.expected!.y!.exact).toBe('12/7');
    expect(json.hitting!.fromStationary!.exact).toBe('9/7');
    expect(json.trajectory!.tv[0]!.exact).toBe('2/3');
    for (const key of ['lambda2', 'lambdaMin', 'spectralGap', 'absoluteGap', 'potential'] as const) {
      expect(json[key]).toBeUndefined();
      expect(json.omitted![key]).toMatch(/not reversible/);
    }
    expect(json.omitted!['hitting.dirichletGap']).toMatch(/not reversible/);
    expect(json.hitting!.dirichletGap).toBeUndefined();
  });

  it('examples/reducible.json: closed classes listed, quantities needing irreducibility omitted with reasons', async () => {
    const json = await analyzeJson('examples/reducible.json');
    expect(json.irreducible).toBe(false);
    expect(json.closedClasses).toEqual([['left', 'left2'], ['right']]);
    for (const key of ['stationary', 'lambda2', 'trajectory', 'hitting.expected', 'aperiodic'])
      expect(json.omitted![key]).toBeTruthy();
    expect(json.stationary).toBeUndefined();
    expect(json.trajectory).toBeUndefined();
    expect(json.omitted!['hitting.expected']).toMatch(/cannot be reached from left, left2/);
  });
});

describe('bad input: exit 2, one line naming the field, nothing on stdout', () => {
  const kernel = [
    ['1/2', '1/2'],
    ['1/3', '2/3'],
  ];
  it.each([
    ['empty file', '', /^ebm-lens: .*model-\d+\.json: the file is empty; /],
    ['invalid JSON', '{"kernel": [[1, 0], [0, 1]', /invalid JSON/],
    ['ragged matrix', { kernel: [['1/2', '1/2'], [1]] }, /^ebm-lens: kernel\[1\]: has 1 entries/],
    [
      'non-square matrix',
      {
        kernel: [
          ['1/2', '1/2', 0],
          ['1/2', '1/2', 0],
        ],
      },
      /^ebm-lens: kernel: is not square/,
    ],
    [
      'row not summing to 1',
      {
        kernel: [
          ['1/2', '1/3'],
          ['1/3', '2/3'],
        ],
      },
      /^ebm-lens: kernel\[0\]: sums to 5\/6, not 1; /,
    ],
    [
      'negative entry',
      {
        kernel: [
          ['3/2', '-1/2'],
          ['1/3', '2/3'],
        ],
      },
      /^ebm-lens: kernel\[0\]\[1\]: is negative/,
    ],
    [
      'NaN entry',
      {
        kernel: [
          ['NaN', 1],
          ['1/3', '2/3'],
        ],
      },
      /^ebm-lens: kernel\[0\]\[0\]: "NaN" is not a number/,
    ],
    ['beta <= 0', { reference: kernel, potential: [0, 1], beta: 0 }, /^ebm-lens: beta: must be > 0/],
    [
      'asymmetric conductance',
      {
        conductance: [
          [0, 1],
          [2, 0],
        ],
        weights: [1, 1],
      },
      /^ebm-lens: conductance\[1\]\[0\]: .*not symmetric/,
    ],
    [
      'unknown target state',
      { states: ['a', 'b'], kernel, target: ['c'] },
      /^ebm-lens: target\[0\]: unknown state "c"/,
    ],
    ['missing kernel', { states: ['a', 'b'] }, /^ebm-lens: kernel: is missing/],
    [
      'kernel and EBM pieces',
      { kernel, reference: kernel, beta: 1 },
      /^ebm-lens: kernel: is given together with the EBM pieces/,
    ],
    ['initial not a distribution', { kernel, initial: ['1/2', '1/3'] }, /^ebm-lens: initial: sums to 5\/6/],
    ['misspelt field', { kernel, taget: ['1'] }, /^ebm-lens: taget: is not a known field/],
  ])('%s', async (_name, model, message) => {
    const { code, stdout, stderr } = await run('analyze', modelFile(model), '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('a missing file', async () => {
    const { code, stdout, stderr } = await run('analyze', join(dir, 'nope.json'));
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/nope\.json: no such file; /);
  });

  it('--mode exact for a potential that needs exp, and an unknown mode', async () => {
    const ebm = modelFile({ reference: kernel, potential: [0, 1], beta: '1/2' });
    const exact = await run('analyze', ebm, '--mode', 'exact');
    expect([exact.code, exact.stdout]).toEqual([2, '']);
    expect(exact.stderr).toMatch(/^ebm-lens: --mode: exact mode needs rational inputs/);
    const unknown = await run('analyze', ebm, '--mode', 'fast');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^ebm-lens: --mode: unknown mode "fast"/);
  });
});

describe('smaller messages (issue 13, item 8)', () => {
  it('the number hint appears once in a bad-number message', async () => {
    const { code, stderr } = await run(
      'analyze',
      modelFile({
        kernel: [
          ['x', 1],
          ['1/3', '2/3'],
        ],
      }),
    );
    expect(code).toBe(2);
    expect(stderr.match(/like "0\.25"/g)).toHaveLength(1);
  });

  it('an entry of 1e400 gives a short row sum, not 400 digits', async () => {
    const { code, stderr } = await run('analyze', modelFile('{"kernel": [[1e400, 0], [0, 1]]}'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ebm-lens: kernel\[0\]: sums to about 1\.00000e\+400, not 1; /);
    expect(stderr.length).toBeLessThan(200);
    const negative = await run('analyze', modelFile('{"kernel": [[1, -2.5e300], [0, 1]]}'));
    expect(negative.stderr).toMatch(/is negative \(about -2\.50000e\+300\)/);
  });

  it('"a 1 x 1 matrix" and "an 8 x 8 matrix"', async () => {
    const one = await run('analyze', modelFile({ kernel: [[1, 0]] }));
    expect(one.stderr).toMatch(/give a 1 x 1 matrix/);
    const eight = await run('analyze', modelFile({ kernel: Array.from({ length: 8 }, () => [1]) }));
    expect(eight.stderr).toMatch(/give an 8 x 8 matrix/);
  });

  it('--mode is a ceiling: a quantity beyond its limit in that mode falls to the next mode, and says so', async () => {
    const big = await run('analyze', modelFile(lazyCycle(30)), '--mode', 'exact', '--json');
    expect([big.code, big.stderr]).toEqual([0, '']);
    const json = JSON.parse(big.stdout) as AnalyzeReport;
    expect(json.modes.stationary).toBe('exact');
    expect(json.modes.spectrum).toBe('interval');
    expect(json.mode).toBe('interval');
    const bigger = JSON.parse(
      (await run('analyze', modelFile(lazyCycle(41)), '--mode', 'interval', '--json')).stdout,
    ) as AnalyzeReport;
    expect(bigger.modes).toMatchObject({ stationary: 'interval', spectrum: 'float' });
    expect(bigger.lambda2!.float64).toBe(true);
  });
});

describe('bin/ebm-lens.js analyze (spawned)', () => {
  beforeAll(() => {
    buildIfMissing('dist/src/analysis/analyze.js', 'dist/theorems/index.js');
  });

  it('prints the JSON report and exits 0; bad input exits 2 with one line', () => {
    const ok = spawnSync(process.execPath, ['bin/ebm-lens.js', 'analyze', 'examples/two-state.json', '--json'], {
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as AnalyzeReport).stationary![0]!.exact).toBe('4/7');
    const bad = spawnSync(
      process.execPath,
      [
        'bin/ebm-lens.js',
        'analyze',
        modelFile({
          kernel: [
            [1, 1],
            [0, 1],
          ],
        }),
      ],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trimEnd().split('\n')).toEqual([
      'ebm-lens: kernel[0]: sums to 2, not 1; make the entries sum to 1 (within 1e-9, as float64 rounding leaves; write thirds as "1/3", not 0.333)',
    ]);
  });
});
