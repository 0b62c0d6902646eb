/**
 * Kernels and counts from numpy or PyTorch (issue 13, item 2): float64 rows
 * that sum to 1 only up to rounding are accepted in every mode, divided by
 * their exact sums and reported; .npy (float64, int64) and CSV inputs by
 * extension give the same analysis as the JSON numpy's json.dump writes.
 *
 * Known answers, by hand: 0.7 + 0.30000000000000004 = 1 + 4e-17, so that row
 * is renormalized with adjustment 4e-17 = 1/25000000000000000; three entries
 * 0.3333333333333333 sum to 1 - 1e-16 and become exactly 1/3 each. For the
 * two-state chain [[1 - a, a], [b, 1 - b]], mu = (b, a) / (a + b).
 * The .npy files are written here byte by byte from the format's definition
 * (magic, version 1.0, a little-endian header length, a Python dict literal
 * padded to 64 bytes, then the raw data), independently of the reader.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/arith/rational.js';
import { runMain } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ebm-lens-numpy-'));

function npy(descr: '<f8' | '<i8', rows: readonly (readonly (number | bigint)[])[], fortran = false): Buffer {
  const n = rows.length;
  const m = rows[0]!.length;
  let header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${n}, ${m}), }`;
  const total = 10 + header.length + 1;
  header += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const prefix = Buffer.alloc(10);
  prefix.write('\x93NUMPY', 0, 'latin1');
  prefix[6] = 1;
  prefix[7] = 0;
  prefix.writeUInt16LE(header.length, 8);
  const data = Buffer.alloc(8 * n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const k = fortran ? j * n + i : i * m + j;
      const v = rows[i]![j]!;
      if (descr === '<f8') data.writeDoubleLE(Number(v), 8 * k);
      else data.writeBigInt64LE(BigInt(v), 8 * k);
    }
  }
  return Buffer.concat([prefix, Buffer.from(header, 'latin1'), data]);
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const run = (...argv: string[]) => runMain(argv);

/** The fields of analyze's --json report these tests read (docs/outputs.md). */
interface AnalyzeReport {
  renormalized?: unknown;
  stationary: { exact?: string; approx: string }[];
  kernel: { exact?: string }[][];
}

const A = 0.1 + 0.2; // 0.30000000000000004, as numpy holds it
const twoState = [
  [0.7, A],
  [0.4, 0.6],
];
// what Python's json.dump writes for numpy's float rows (shortest round-trip decimals)
const dumped = `{"kernel": [[0.7, 0.30000000000000004], [0.4, 0.6]]}`;

describe('float64 rows within 1e-9 of 1', () => {
  it.each(['exact', 'interval', 'float'])('are accepted and renormalized exactly, --mode %s', async (mode) => {
    const { code, stdout, stderr } = await run('analyze', file(`two-${mode}.json`, dumped), '--json', '--mode', mode);
    expect([code, stderr]).toEqual([0, '']);
    const json = JSON.parse(stdout) as AnalyzeReport;
    expect(json.renormalized).toEqual({
      rows: 1,
      maxAdjustment: expect.objectContaining({ exact: '1/25000000000000000' }) as unknown,
    });
    // mu = (b, a) / (a + b) with a = 0.30000000000000004 / 1.00000000000000004 exactly and b = 0.4
    const a = new Rational(30000000000000004n, 100000000000000000n).div(
      new Rational(100000000000000004n, 100000000000000000n),
    );
    const b = new Rational(2n, 5n);
    const mu0 = b.div(a.add(b));
    if (mode === 'exact') expect(json.stationary[0]!.exact).toBe(mu0.toFraction());
    else expect(Math.abs(Number(json.stationary[0]!.approx) - mu0.valueOf())).toBeLessThan(1e-12);
  });

  it('the text says so, with the largest adjustment', async () => {
    const { code, stdout } = await run('analyze', file('two-text.json', dumped));
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^renormalized: 1 row summed to 1 only within 1e-9 \(float64 rounding\) .* largest \|sum - 1\| = 4e-17$/m,
    );
  });

  it('three float thirds become exactly 1/3: the uniform law, exactly', async () => {
    const third = 0.3333333333333333;
    const { code, stdout } = await run(
      'analyze',
      file(
        'thirds.npy',
        npy('<f8', [
          [third, third, third],
          [third, third, third],
          [third, third, third],
        ]),
      ),
      '--json',
    );
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as AnalyzeReport;
    expect(json.renormalized).toMatchObject({ rows: 3, maxAdjustment: { exact: '1/10000000000000000' } });
    expect(json.stationary.map((x) => x.exact)).toEqual(['1/3', '1/3', '1/3']);
  });

  it('rows further off are rejected as before, and an exact row is not counted', async () => {
    const off = await run('analyze', file('off.json', '{"kernel": [[0.7, 0.300001], [0.4, 0.6]]}'));
    expect(off.code).toBe(2);
    expect(off.stderr).toMatch(/^ebm-lens: kernel\[0\]: sums to 1000001\/1000000, not 1; /);
    const exact = await run('analyze', file('exact.json', '{"kernel": [[0.7, 0.3], [0.4, 0.6]]}'), '--json');
    expect((JSON.parse(exact.stdout) as AnalyzeReport).renormalized).toBeUndefined();
  });
});

describe('.npy and .csv kernels, by extension', () => {
  it('float64 .npy (C and Fortran order) and CSV give the same report as the JSON numpy writes', async () => {
    const fromJson = await run('analyze', file('k.json', dumped), '--json');
    const fromNpy = await run('analyze', file('k.npy', npy('<f8', twoState)), '--json');
    const fromFortran = await run('analyze', file('kf.npy', npy('<f8', twoState, true)), '--json');
    const fromCsv = await run(
      'analyze',
      file('k.csv', '# P from numpy.savetxt\n0.7,0.30000000000000004\n0.4, 0.6\n'),
      '--json',
    );
    expect(fromJson.code).toBe(0);
    for (const other of [fromNpy, fromFortran, fromCsv]) expect(other).toEqual(fromJson);
  });

  it('int64 .npy is read in full; a bad dtype, shape or size is one line, exit 2', async () => {
    const ints = await run(
      'analyze',
      file(
        'id.npy',
        npy('<i8', [
          [1n, 0n],
          [0n, 1n],
        ]),
      ),
      '--json',
    );
    expect(ints.code).toBe(0);
    expect((JSON.parse(ints.stdout) as AnalyzeReport).kernel[0]!.map((x) => x.exact)).toEqual(['1', '0']);
    const notSquare = await run('analyze', file('rect.npy', npy('<f8', [[0.5, 0.5, 0]])));
    expect(notSquare.code).toBe(2);
    expect(notSquare.stderr).toMatch(/rect\.npy: is not square \(1 rows of 3 entries\)/);
    const nan = await run(
      'analyze',
      file(
        'nan.npy',
        npy('<f8', [
          [Number.NaN, 1],
          [0, 1],
        ]),
      ),
    );
    expect(nan.stderr).toMatch(/^ebm-lens: kernel\[0\]\[0\]: is NaN in /);
    const garbage = await run('analyze', file('bad.npy', 'not numpy'));
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toMatch(/bad\.npy: is not a readable \.npy file/);
    const ragged = await run('analyze', file('ragged.csv', '0.5,0.5\n1\n'));
    expect(ragged.stderr).toMatch(/ragged\.csv line 2: has 1 entries but the matrix has 2 rows/);
    for (const r of [notSquare, nan, garbage, ragged]) expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('an int64 count matrix for empirical gives the same report as from,to,count CSV', async () => {
    const counts = [
      [0n, 30n, 10n],
      [25n, 0n, 5n],
      [12n, 8n, 0n],
    ];
    const csv = counts.flatMap((row, i) => row.map((c, j) => `${i},${j},${c}`)).join('\n');
    const fromNpy = await run('empirical', file('counts.npy', npy('<i8', counts)), '--json');
    const fromCsv = await run('empirical', file('counts.csv', csv), '--json');
    expect(fromNpy.stderr).toBe('');
    expect(fromNpy).toEqual(fromCsv);
  });
});
