/**
 * Sparse analyze: closed forms (random walk on a cycle, complete graph,
 * Ehrenfest urn, birth-death chain), agreement with the dense exact path on
 * small rational chains, non-reversible and reducible chains, bad input, the
 * CLI dispatch, and the W6 instance (numpy's integer stream, scipy's lambda2).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { parseAnalyzeModel } from '../../src/input/analyzeModel.js';
import { runMain } from '../support/cli.js';
import { NumpyRandom } from '../../src/bench/numpyRandom.js';
import { sparseConductanceChain } from '../../src/bench/sparseInstance.js';
import { runWorkload } from '../../src/bench/workloads.js';
import { csrFromTriplets, multiplyTransposed, multiplyVector } from '../../src/sparse/csr.js';
import { analyzeSparse, type SparseAnalyzeJson } from '../../src/sparse/analyzeSparse.js';
import { jacobiEigen } from '../../src/sparse/lanczos.js';
import { parseSparseModel, readSparseModelFile } from '../../src/sparse/sparseModel.js';

type Triplet = [number, number, number];
const num = (x: { approx: string } | undefined): number => Number(x!.approx);
const run = (states: number, transitions: Triplet[], extra: Record<string, unknown> = {}): SparseAnalyzeJson =>
  analyzeSparse(parseSparseModel({ states, transitions, ...extra }));

function cycle(n: number): Triplet[] {
  return Array.from(
    { length: n },
    (_, i) =>
      [
        [i, (i + 1) % n, 0.5],
        [i, (i + n - 1) % n, 0.5],
      ] as Triplet[],
  ).flat();
}

describe('CSR', () => {
  it('sums duplicates, drops zeros, sorts rows, and multiplies', () => {
    const P = csrFromTriplets(
      3,
      Int32Array.from([2, 0, 0, 1, 0, 2]),
      Int32Array.from([0, 2, 2, 1, 1, 1]),
      Float64Array.from([1, 0.25, 0.25, 1, 0, 0]),
    );
    expect(Array.from(P.indptr)).toEqual([0, 1, 2, 3]);
    expect(Array.from(P.indices)).toEqual([2, 1, 0]);
    expect(Array.from(P.values)).toEqual([0.5, 1, 1]);
    const y = new Float64Array(3);
    multiplyVector(P, Float64Array.from([1, 2, 3]), y);
    expect(Array.from(y)).toEqual([1.5, 2, 1]);
    multiplyTransposed(P, Float64Array.from([1, 2, 3]), y);
    expect(Array.from(y)).toEqual([3, 2, 0.5]);
  });

  it('diagonalizes small symmetric matrices (Jacobi)', () => {
    const { values, vectors } = jacobiEigen(Float64Array.from([2, 1, 0, 1, 2, 1, 0, 1, 2]), 3);
    const sorted = Array.from(values).sort((a, b) => a - b);
    [2 - Math.SQRT2, 2, 2 + Math.SQRT2].forEach((v, i) => expect(sorted[i]).toBeCloseTo(v, 13));
    // A v = lambda v for each column
    for (let c = 0; c < 3; c++) {
      const v = [0, 1, 2].map((r) => vectors[r * 3 + c]!);
      const Av = [2 * v[0]! + v[1]!, v[0]! + 2 * v[1]! + v[2]!, v[1]! + 2 * v[2]!];
      Av.forEach((x, r) => expect(x).toBeCloseTo(values[c]! * v[r]!, 12));
    }
  });
});

describe('closed forms', () => {
  it('random walk on an odd cycle: uniform law, lambda2 = cos(2 pi / n), lambdaMin = cos(2 pi (n-1)/2 / n)', () => {
    const n = 101;
    const report = run(n, cycle(n));
    expect(report.irreducible).toBe(true);
    expect(report.aperiodic).toBe(true);
    expect(report.reversible).toBe(true);
    for (const m of report.stationary!) expect(num(m)).toBeCloseTo(1 / n, 15);
    expect(num(report.lambda2)).toBeCloseTo(Math.cos((2 * Math.PI) / n), 11);
    expect(num(report.lambdaMin)).toBeCloseTo(Math.cos((2 * Math.PI * 50) / n), 11);
    const spectrum = report.bounds.spectrum!;
    expect(spectrum.lambda2ResidualBound).toBeLessThan(1e-9);
    expect(Math.abs(num(report.lambda2) - Math.cos((2 * Math.PI) / n))).toBeLessThanOrEqual(
      (spectrum.lambda2ResidualBound as number) + 1e-15,
    );
    expect(report.bounds.stationary!.residualBound).toBeLessThan(1e-15);
  });

  it('an even cycle has period 2', () => {
    const report = run(8, cycle(8));
    expect(report.aperiodic).toBe(false);
    expect(report.period).toBe(2);
    expect(num(report.lambdaMin)).toBeCloseTo(-1, 10);
  });

  it('complete graph: every nontrivial eigenvalue is -1/(n-1)', () => {
    const n = 12;
    const t: Triplet[] = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) t.push([i, j, 1 / (n - 1)]);
    const report = run(n, t, { target: [0] });
    expect(num(report.lambda2)).toBeCloseTo(-1 / (n - 1), 12);
    expect(num(report.lambdaMin)).toBeCloseTo(-1 / (n - 1), 12);
    // E_x[tau_0] = n - 1 from every other state (geometric with success 1/(n-1))
    expect(num(report.hitting!.expected!['3'])).toBeCloseTo(n - 1, 9);
    expect(report.bounds.hitting!.errorBound).toBeLessThan(1e-8);
  });

  it('lazy Ehrenfest urn: binomial law, lambda2 = 1 - 1/N, lambdaMin = 0', () => {
    const N = 30;
    const t: Triplet[] = [];
    for (let k = 0; k <= N; k++) {
      t.push([k, k, 0.5]);
      if (k > 0) t.push([k, k - 1, k / N / 2]);
      if (k < N) t.push([k, k + 1, (N - k) / N / 2]);
    }
    const report = run(N + 1, t);
    let binomial = 1;
    for (let k = 0; k <= N; k++) {
      expect(num(report.stationary![k])).toBeCloseTo(binomial / 2 ** N, 14);
      binomial = (binomial * (N - k)) / (k + 1);
    }
    expect(num(report.lambda2)).toBeCloseTo(1 - 1 / N, 11);
    expect(num(report.lambdaMin)).toBeCloseTo(0, 10);
  });

  it('birth-death chain: geometric law, hitting times of 0 as the exact dense path gives them', () => {
    const n = 20;
    const [up, down] = [0.3, 0.5];
    const t: Triplet[] = [];
    for (let k = 0; k < n; k++) {
      const u = k < n - 1 ? up : 0;
      const d = k > 0 ? down : 0;
      t.push([k, k, 1 - u - d]);
      if (u) t.push([k, k + 1, u]);
      if (d) t.push([k, k - 1, d]);
    }
    const report = run(n, t, { target: [0] });
    const ratio = up / down;
    const z = (1 - ratio ** n) / (1 - ratio);
    for (let k = 0; k < n; k++) expect(num(report.stationary![k]) / (ratio ** k / z)).toBeCloseTo(1, 12);
    const kernel = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) =>
        String(t.filter(([a, b]) => a === i && b === j).reduce((s, [, , v]) => s + v, 0)),
      ),
    );
    const dense = analyze(parseAnalyzeModel({ kernel, target: ['0'] }), { mode: 'float' });
    for (let k = 1; k < n; k++)
      expect(num(report.hitting!.expected![String(k)]) / num(dense.hitting!.expected![String(k)])).toBeCloseTo(1, 9);
  });
});

describe('agreement with the dense exact path', () => {
  it('random rational reversible chains (conductances): law, spectrum, hitting times, Dirichlet gap', () => {
    const random = new NumpyRandom(7);
    for (let trial = 0; trial < 4; trial++) {
      const n = 6 + trial;
      const c: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      const draw = new Float64Array(1);
      for (let i = 0; i < n; i++) {
        for (let j = i; j < n; j++) {
          random.fillUniform(draw, 0, 1);
          const value = draw[0]! < 0.4 && j !== i + 1 && j !== i ? 0 : 1 + Math.floor(draw[0]! * 8);
          c[i]![j] = value;
          c[j]![i] = value;
        }
      }
      const rowSums = c.map((row) => row.reduce((s, v) => s + v, 0));
      const kernel = c.map((row, i) => row.map((v) => `${v}/${rowSums[i]}`));
      const dense = analyze(parseAnalyzeModel({ kernel, target: ['0', '2'] }), { mode: 'exact' });
      const transitions: Triplet[] = [];
      c.forEach((row, i) => row.forEach((v, j) => v > 0 && transitions.push([i, j, v / rowSums[i]!])));
      const sparse = run(n, transitions, { target: [0, 2] });
      expect(sparse.reversible).toBe(dense.reversible);
      dense.stationary!.forEach((m, x) => expect(num(sparse.stationary![x])).toBeCloseTo(num(m), 14));
      dense.potential!.forEach((u, x) => expect(num(sparse.potential![x])).toBeCloseTo(num(u), 12));
      expect(num(sparse.lambda2)).toBeCloseTo(num(dense.lambda2), 11);
      expect(num(sparse.lambdaMin)).toBeCloseTo(num(dense.lambdaMin), 11);
      for (const [name, h] of Object.entries(dense.hitting!.expected!))
        expect(num(sparse.hitting!.expected![name])).toBeCloseTo(num(h), 9);
      expect(num(sparse.hitting!.fromStationary)).toBeCloseTo(num(dense.hitting!.fromStationary), 9);
      expect(num(sparse.hitting!.dirichletGap)).toBeCloseTo(num(dense.hitting!.dirichletGap), 10);
    }
  });

  it('a non-reversible chain: law by power iteration, hitting times by BiCGSTAB, no spectrum', () => {
    const rows = [
      [0.1, 0.6, 0.3, 0],
      [0, 0.1, 0.6, 0.3],
      [0.3, 0, 0.1, 0.6],
      [0.6, 0.3, 0, 0.1],
    ];
    const transitions: Triplet[] = [];
    rows.forEach((row, i) => row.forEach((v, j) => v > 0 && transitions.push([i, j, v])));
    const sparse = run(4, transitions, { target: [3] });
    const dense = analyze(parseAnalyzeModel({ kernel: rows.map((r) => r.map(String)), target: ['3'] }), {
      mode: 'exact',
    });
    expect(sparse.reversible).toBe(false);
    expect(sparse.reversibilityViolation!.pair).toBeDefined();
    dense.stationary!.forEach((m, x) => expect(num(sparse.stationary![x])).toBeCloseTo(num(m), 13));
    for (const [name, h] of Object.entries(dense.hitting!.expected!))
      expect(num(sparse.hitting!.expected![name])).toBeCloseTo(num(h), 9);
    expect(sparse.lambda2).toBeUndefined();
    expect(sparse.omitted!.lambda2).toContain('not reversible');
    expect(sparse.bounds.stationary!.residualBound).toBeLessThan(1e-13);
  });
});

describe('reducible and bad input', () => {
  it('a reducible chain gets its closed classes and no stationary law', () => {
    const report = run(4, [
      [0, 1, 1],
      [1, 0, 1],
      [2, 2, 0.5],
      [2, 3, 0.5],
      [3, 3, 1],
    ]);
    expect(report.irreducible).toBe(false);
    expect(report.closedClasses).toEqual([['0', '1'], ['3']]);
    expect(report.stationary).toBeUndefined();
    expect(report.omitted!.stationary).toContain('reducible');
  });

  it('names the field of each error', () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [
        {
          states: 2,
          transitions: [
            [0, 1, 1],
            [1, 0, -1],
          ],
        },
        /^transitions\[1\]\[2\]: is negative/,
      ],
      [
        {
          states: 2,
          transitions: [
            [0, 2, 1],
            [1, 0, 1],
          ],
        },
        /^transitions\[0\]\[1\]: is 2/,
      ],
      [
        {
          states: 2,
          transitions: [
            [0, 1, 0.9],
            [1, 0, 1],
          ],
        },
        /^transitions \(row 0\): row 0 sums to 0\.9/,
      ],
      [{ states: 2, transitions: [[0, 1, 1]] }, /^transitions \(row 1\): state 1 has no transition/],
      [
        {
          states: 2,
          transitions: [
            [0, 1, 1],
            [1, 0],
          ],
        },
        /^transitions\[1\]: is \[1,0\], not a triplet/,
      ],
      [
        {
          states: 2,
          transitions: [
            [0, 1, 1],
            [1, 0, '1'],
          ],
        },
        /^transitions\[1\]\[2\]: is "1"/,
      ],
      [{ states: 0, transitions: [[0, 0, 1]] }, /^states: is 0/],
      [
        {
          states: 2,
          transitions: [
            [0, 1, 1],
            [1, 0, 1],
          ],
          initial: [1, 0],
        },
        /^initial: unknown key for a sparse model.*use only: states, transitions, target/,
      ],
      [
        {
          states: 2,
          transitions: [
            [0, 1, 1],
            [1, 0, 1],
          ],
          target: [0, 1],
        },
        /^target: contains every state/,
      ],
      [
        {
          states: 2,
          transitions: [
            [0, 1, 1],
            [1, 0, 1],
          ],
          target: [5],
        },
        /^target\[0\]: unknown state 5/,
      ],
    ];
    for (const [json, message] of bad) expect(() => parseSparseModel(json)).toThrow(message);
  });

  it('renormalizes rows within 1e-9 and counts them', () => {
    const model = parseSparseModel({
      states: 2,
      transitions: [
        [0, 1, 1 + 5e-10],
        [1, 0, 1],
      ],
    });
    expect(model.renormalized).toEqual({ rows: 1, maxAdjustment: expect.closeTo(5e-10, 15) as unknown });
    expect(model.kernel.values[0]).toBe(1);
  });
});

describe('the analyze command on a sparse file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ebm-lens-sparse-'));
  const cli = (argv: string[]) => runMain(argv);

  it('dispatches {states, transitions} to the sparse path (text and JSON)', async () => {
    const path = join(dir, 'cycle.json');
    writeFileSync(path, JSON.stringify({ states: 25, transitions: cycle(25), target: [0] }));
    const text = await cli(['analyze', path]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('25 states, 50 nonzeros (sparse input)');
    expect(text.stdout).toContain('the 10 states of largest mass (of 25; --json for all)');
    expect(text.stdout).toContain('lambda2 = 0.968583161129');
    const json = await cli(['analyze', path, '--json']);
    const report = JSON.parse(json.stdout) as SparseAnalyzeJson;
    expect(report.format).toBe('sparse');
    expect(report.stationary).toHaveLength(25);
    expect(Object.keys(report.hitting!.expected!)).toHaveLength(25);
  });

  it('reads the plain form from its bytes exactly as JSON.parse reads it', () => {
    const transitions: Triplet[] = [
      [1, 0, 0.1 + 0.2],
      [0, 1, 1 / 3],
      [0, 0, 2 / 3],
      [1, 1, 1 - (0.1 + 0.2)],
      [1, 0, 0],
    ];
    const path = join(dir, 'plain.json');
    // transitions first, whitespace, an exponent, a zero summed into a duplicate
    const text = `\n{ "transitions" : [ ${transitions.map((t) => `[${t.join(' , ')}]`).join(',\n')}, [0, 0, 0e-3] ],\t"states": 2 }\n`;
    writeFileSync(path, text);
    const plain = readSparseModelFile(path)!;
    const general = parseSparseModel(JSON.parse(text) as Record<string, unknown>);
    expect(plain.kernel).toEqual(general.kernel);
    expect(plain.states).toEqual(['0', '1']);
    expect(plain.renormalized).toEqual(general.renormalized);
    // anything else goes through the general reader: a target, a non-integer index
    writeFileSync(path, '{"states": 2, "transitions": [[0, 1, 1], [1, 0, 1]], "target": [1]}');
    expect(readSparseModelFile(path)!.target).toEqual([1]);
    writeFileSync(path, '{"states": 2, "transitions": [[0, 1, 1], [1.0, 0, 1]]}');
    expect(readSparseModelFile(path)!.kernel.indices).toEqual(Int32Array.from([1, 0]));
    writeFileSync(path, '{"states": 2, "transitions": [[0, 1, 1], [1, 2, 1]]}');
    expect(() => readSparseModelFile(path)).toThrow('transitions[1][1]');
  });

  it('bad sparse input: one line naming the field, exit 2', async () => {
    const path = join(dir, 'bad.json');
    writeFileSync(
      path,
      JSON.stringify({
        states: 2,
        transitions: [
          [0, 1, 1],
          [1, 0, -0.5],
        ],
      }),
    );
    const result = await cli(['analyze', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/transitions\[1\]\[2\]: is negative/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    const twice = join(dir, 'twice.json');
    writeFileSync(twice, '{"states": 2, "transitions": [[0, 1, 1], [1, 0, 1]], "states": 2}');
    expect((await cli(['analyze', twice])).stderr).toContain('the key appears twice');
    const mode = await cli(['analyze', join(dir, 'cycle.json'), '--mode', 'exact']);
    expect(mode.code).toBe(2);
    expect(mode.stderr).toContain('float64 only');
  });
});

describe('W6 instance', () => {
  it("draws numpy's integers(low, high, size), bit for bit", () => {
    const random = new NumpyRandom(20261206);
    const draw = (count: number, low: number, high: number) => {
      const target = new Float64Array(count);
      random.fillIntegers(target, low, high);
      return Array.from(target);
    };
    // printed by numpy 2.4: rng = default_rng(20261206); rng.integers(0, 100000, 7); rng.integers(0, 100000, 4); rng.integers(1, 10, 9)
    expect(draw(7, 0, 100000)).toEqual([78455, 85216, 38007, 25828, 19898, 81610, 4622]);
    expect(draw(4, 0, 100000)).toEqual([15036, 22841, 27308, 29114]);
    expect(draw(9, 1, 10)).toEqual([7, 4, 8, 2, 3, 5, 8, 5, 3]);
    const five = new NumpyRandom(5);
    const target = new Float64Array(5);
    five.fillIntegers(target, 0, 3);
    expect(Array.from(target)).toEqual([2, 2, 0, 2, 1]);
    const wide = new Float64Array(3);
    five.fillIntegers(wide, 0, 2 ** 21);
    expect(Array.from(wide)).toEqual([1080716, 1321696, 599368]);
  });

  it("is the reference's chain: nonzeros and lambda2 as scipy computes them (n = 2000)", () => {
    const { kernel } = sparseConductanceChain(2000);
    expect(kernel.indices.length).toBe(25912);
    const result = runWorkload('W6', 'tiny');
    expect(result.ok).toBe(true);
    // scipy.sparse eigsh (tol 1e-10) on the same instance: gap 0.3925508488927685
    expect(Number((result.value as { approx: string }).approx)).toBeCloseTo(0.3925508488927685, 11);
  });
});
