/**
 * `ebm-lens empirical` end to end, in process: the JSON contract of docs/empirical.md, exit codes,
 * and the bad-input rules (one line naming the field, exit 2, nothing on stdout).
 *
 * Known answers: the tree example's potential is the sum of log-ratios
 * log(N(x, y) trials(y) / (trials(x) N(y, x))) (closed form); exit codes from docs/empirical.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../support/cli.js';

const run = (...argv: string[]) => runMain(argv);

const dir = mkdtempSync(join(tmpdir(), 'ebm-empirical-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A number as the JSON output prints it (the fields read here). */
interface PrintedNumber {
  approx: string;
  exact?: string;
}
/** The fields of `empirical --json` these tests read (docs/empirical.md). */
interface EmpiricalJson {
  verdict: string;
  alpha: PrintedNumber;
  potential: Record<string, { value: PrintedNumber; se: PrintedNumber; component: number }>;
  unidentified: string[];
  oneWay: { from: string; to: string; count: number; bound: unknown }[];
  cycles: { affinity: unknown; se: unknown }[];
  test: { df: number; statistic: unknown; pValue: unknown };
  reversibleMle: { converged: boolean; components: string[][]; kernel: (PrintedNumber[] | null)[] };
  notes: string[];
  trialsSource: string;
}
const parse = (stdout: string): EmpiricalJson => JSON.parse(stdout) as EmpiricalJson;

const isFloatNumber = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  (value as { float64?: boolean }).float64 === true &&
  typeof (value as { approx?: unknown }).approx === 'string';

describe('empirical: shipped examples', () => {
  it('reversible.csv: consistent, exit 0, the JSON keys of docs/empirical.md', async () => {
    const { code, stdout, stderr } = await run('empirical', 'examples/counts/reversible.csv', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = parse(stdout);
    expect(Object.keys(json.potential).sort()).toEqual(['a', 'b', 'c', 'd']);
    for (const entry of Object.values(json.potential)) {
      expect(isFloatNumber(entry.value) && isFloatNumber(entry.se)).toBe(true);
      expect(entry.component).toBe(0);
    }
    expect(json.potential.a!.value.approx).toBe('0');
    expect(json.oneWay).toEqual([]);
    expect(json.cycles).toHaveLength(2);
    for (const cycle of json.cycles) expect(isFloatNumber(cycle.affinity) && isFloatNumber(cycle.se)).toBe(true);
    expect(json.test.df).toBe(2);
    expect(isFloatNumber(json.test.statistic) && isFloatNumber(json.test.pValue)).toBe(true);
    expect(json.verdict).toBe('consistent');
    expect(json.alpha.exact).toBe('1/20');
  });

  it('nonreversible.csv: rejected, exit 1, one-way pair z -> w with a bound', async () => {
    const { code, stdout } = await run('empirical', 'examples/counts/nonreversible.csv', '--json');
    expect(code).toBe(1);
    const json = parse(stdout);
    expect(json.verdict).toBe('rejected');
    expect(json.oneWay).toHaveLength(1);
    expect(json.oneWay[0]).toMatchObject({ from: 'z', to: 'w', count: 4 });
    expect(isFloatNumber(json.oneWay[0]!.bound)).toBe(true);
    expect(json.unidentified).toEqual(['w']);
    expect(json.potential.w).toBeUndefined();
  });

  it('prints a readable table without --json and the reversible MLE on request', async () => {
    const { code, stdout } = await run('empirical', 'examples/counts/nonreversible.csv', '--reversible-mle');
    expect(code).toBe(1);
    expect(stdout).toContain('verdict: rejected');
    expect(stdout).toContain('Reversible MLE');
    const json = parse((await run('empirical', 'examples/counts/reversible.csv', '--json', '--reversible-mle')).stdout);
    expect(json.reversibleMle.converged).toBe(true);
    for (const row of json.reversibleMle.kernel) {
      expect(row!.reduce((total: number, p: PrintedNumber) => total + Number(p.approx), 0)).toBeCloseTo(1, 12);
    }
  });
});

describe('empirical: reversible MLE by communicating class', () => {
  it('leaves out moves between classes and gives no row for a state without data in its class', async () => {
    // f -> a is never undone: f is a class of its own with no counted outcome inside it
    const path = file('classes.csv', 'a,b,5\nb,a,5\nb,b,10\nf,a,2\n');
    const json = parse((await run('empirical', path, '--json', '--reversible-mle')).stdout);
    const fit = json.reversibleMle;
    expect(fit.components).toEqual([['a', 'b'], ['f']]);
    expect(fit.kernel[2]).toBeNull();
    // a <-> b alone: a tree, so the reversible MLE is N/trials: P(a, b) = 1, P(b, a) = 1/3
    expect(Number(fit.kernel[0]![1]!.approx)).toBeCloseTo(1, 14);
    expect(Number(fit.kernel[1]![0]!.approx)).toBeCloseTo(1 / 3, 14);
    expect(json.notes.some((note) => note.includes('between classes'))).toBe(true);
  });
});

describe('empirical: inputs and trials', () => {
  it('a tree is not testable (exit 3) and its potential is the sum of log-ratios', async () => {
    const path = file(
      'tree.json',
      JSON.stringify({
        counts: [
          ['a', 'a', 70],
          ['a', 'b', 30],
          ['b', 'a', 10],
          ['b', 'b', 50],
          ['b', 'c', 40],
          ['c', 'b', 20],
          ['c', 'c', 80],
        ],
      }),
    );
    const { code, stdout } = await run('empirical', path, '--json');
    expect(code).toBe(3);
    const json = parse(stdout);
    expect(json.verdict).toBe('not-testable');
    expect(json.test).toMatchObject({ statistic: null, df: 0, pValue: null });
    expect(Number(json.potential.c!.value.approx)).toBeCloseTo(Math.log(3) + Math.log(2), 14);
  });

  it('reads trials from JSON, from --trials (JSON or CSV) and --trials-equal', async () => {
    const csv = file('pair.csv', 'x,y,10\ny,x,20\n');
    // trials x 50, y 40: U(y) - U(x) = log(10/50) - log(20/40) = log(0.4) < 0, so y is the reference
    const expected = -Math.log(0.4);
    const viaJson = parse(
      (
        await run(
          'empirical',
          file(
            'pair.json',
            JSON.stringify({
              counts: [
                ['x', 'y', 10],
                ['y', 'x', 20],
              ],
              trials: { x: 50, y: 40 },
            }),
          ),
          '--json',
        )
      ).stdout,
    );
    const viaFile = parse(
      (await run('empirical', csv, '--trials', file('t.json', '{"x": 50, "y": 40}'), '--json')).stdout,
    );
    const viaCsv = parse(
      (await run('empirical', csv, '--trials', file('t.csv', 'state,trials\nx,50\ny,40\n'), '--json')).stdout,
    );
    for (const json of [viaJson, viaFile, viaCsv]) {
      expect(json.potential.y!.value.approx).toBe('0');
      expect(Number(json.potential.x!.value.approx)).toBeCloseTo(expected, 14);
      // se^2 = 1/10 - 1/50 + 1/20 - 1/40
      expect(Number(json.potential.x!.se.approx)).toBeCloseTo(Math.sqrt(1 / 10 - 1 / 50 + 1 / 20 - 1 / 40), 14);
    }
    // equal trials cancel: U(x) - U(y) = log(20/10)
    const equal = parse((await run('empirical', csv, '--trials-equal', '100', '--json')).stdout);
    expect(Number(equal.potential.x!.value.approx)).toBeCloseTo(Math.log(2), 14);
    expect(equal.trialsSource).toBe('equal');
  });
});

describe('empirical: bad input gives one line, exit 2, no output', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['empty file', () => [file('empty.csv', '  \n')], /empty/],
    ['malformed line', () => [file('bad.csv', 'from,to,count\na,b,3\na;b;4\n')], /line 3/],
    ['negative count', () => [file('neg.csv', 'a,b,-3\n')], /line 1.*negative/],
    ['fractional count', () => [file('frac.csv', 'a,b,2.5\n')], /fractional/],
    ['non-numeric count', () => [file('word.csv', 'a,b,three\n')], /line 1/],
    [
      'duplicate pair',
      () => [file('dup.csv', 'a,b,1\nb,a,2\na,b,3\n')],
      /line 3: duplicate pair "a" -> "b" \(first given at .* line 1\)/,
    ],
    [
      'unknown state in trials',
      () => [file('c1.csv', 'a,b,1\nb,a,1\n'), '--trials', file('t1.json', '{"a": 5, "b": 5, "q": 3}')],
      /"q" does not occur/,
    ],
    [
      'count from a state with no trials',
      () => [file('c2.csv', 'a,b,1\nb,a,1\n'), '--trials', file('t2.json', '{"a": 5}')],
      /"b" has 1 counted transitions but no trials/,
    ],
    [
      'trials below the row total',
      () => [file('c3.csv', 'a,b,7\nb,a,1\n'), '--trials', file('t3.csv', 'a,5\nb,5\n')],
      /5 trials for "a" but 7/,
    ],
    [
      'trials-equal below a row total',
      () => [file('c4.csv', 'a,b,7\nb,a,1\n'), '--trials-equal', '6'],
      /--trials-equal/,
    ],
    [
      'trials given twice',
      () => [file('c5.json', '{"counts": [["a", "b", 1]], "trials": {"a": 3}}'), '--trials-equal', '6'],
      /more than once/,
    ],
    ['state name not a string', () => [file('c6.json', '{"counts": [[0, 1, 1]]}')], /counts\[0\]\[0\]/],
    ['unknown JSON key', () => [file('c7.json', '{"counts": [["a", "b", 1]], "trails": {}}')], /"trails"/],
    ['missing file', () => [join(dir, 'nope.csv')], /cannot read/],
    ['alpha out of range', () => [file('c8.csv', 'a,b,1\n'), '--alpha', '1.5'], /--alpha/],
    [
      'alpha too small for float64 bounds',
      () => [file('c9.csv', 'a,b,1\n'), '--alpha', '1e-12'],
      /--alpha.*\[1e-10, 0\.5\]/,
    ],
    ['all counts zero', () => [file('zero.csv', 'a,b,0\n')], /every count is 0/],
  ];
  for (const [name, args, pattern] of cases) {
    it(name, async () => {
      const { code, stdout, stderr } = await run('empirical', ...args(), '--json');
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(pattern);
    });
  }
});
