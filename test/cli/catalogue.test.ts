import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SEED } from '../../src/runner/seed.js';
import { main as verify } from '../../checker/main.js';
import { fixtureCatalogue as catalogue, verifiedTheorem } from '../runner/fixtures.js';
import { buildIfMissing, runMain } from '../support/cli.js';

const run = (argv: string[], interactive = false) => runMain(argv, { catalogue, interactive });

/** The fields of the --json outputs (and of report.json and the certificate) that these tests read. */
interface ListReport {
  theorems: { id: string }[];
}
interface CounterexampleJson {
  instance: unknown;
  seed: number;
  path: string;
}
interface TheoremResultJson {
  properties: { seed: number; counterexample?: CounterexampleJson }[];
  mutants: { name: string; counterexample?: CounterexampleJson }[];
}
interface CheckReport {
  seed: number;
  profile: string;
  theorems: TheoremResultJson[];
}
interface ReportFile {
  run: unknown;
  theorems: TheoremResultJson[];
}
interface CertificateFile {
  theorems: { properties: { records: unknown[] }[] }[];
  summary: { records: number };
}
interface ReplayReport {
  counterexample: CounterexampleJson;
}

function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ebm-lens-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('list', () => {
  it('prints ids, titles, statements and assumptions', async () => {
    const { code, stdout } = await run(['list']);
    expect(code).toBe(0);
    expect(stdout).toContain('F1  binomial square');
    expect(stdout).toContain('    statement of F1');
    expect(stdout).toContain('assumption non-negative: n >= 0');
  });

  it('--json', async () => {
    const { code, stdout } = await run(['list', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as ListReport;
    expect(json.theorems.map((t: { id: string }) => t.id)).toEqual(catalogue.map((t) => t.id));
    expect(json.theorems[6]).toMatchObject({
      id: 'F7',
      title: 'with assumptions',
      statement: { text: 'statement of F7', latex: '\\text{F7}' },
      assumptions: [
        { id: 'non-negative', text: 'n >= 0', needed: true, properties: ['sqrt-square'] },
        { id: 'small' },
        { id: 'bogus' },
      ],
    });
  });
});

describe('check', () => {
  it('--json has the stable shape and exit 0 when all hold', async () => {
    const { code, stdout, stderr } = await run(['check', 'F1', '--json', '--runs', '100'], true);
    expect(code).toBe(0);
    expect(stderr).toBe(''); // no progress bar with --json, even on a terminal
    const json = JSON.parse(stdout) as CheckReport;
    expect(Object.keys(json).sort()).toEqual(['profile', 'seed', 'theorems']);
    expect(json.seed).toBe(DEFAULT_SEED);
    expect(json.profile).toBe('quick'); // the default, as in the README's npm run check
    const [t] = json.theorems;
    expect(t).toMatchObject({ id: 'F1', status: 'verified', identities: [] });
    expect(t!.properties[0]).toMatchObject({ name: 'binomial-square', runs: 100, mode: 'exact', status: 'verified' });
    expect(t!.properties[0]!.counterexample).toBeUndefined();
    expect(t!.mutants[0]).toMatchObject({ name: 'missing-cross-term', refuted: true });
  });

  it('falsified: exit 1, shrunk counterexample with seed and path, and replay reproduces it', async () => {
    const { code, stdout } = await run(['check', 'F2', '--json', '--runs', '100', '--seed', '5']);
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as CheckReport;
    expect(json.seed).toBe(5);
    // the property's own seed: SHA-256 of "5\0F2\0property\0below-five-hundred" (Python hashlib); negative, so
    // the replay below also checks that `--seed -N` is read as a value, not as an option
    expect(json.theorems[0]!.properties[0]!.seed).toBe(-517223349);
    const property = json.theorems[0]!.properties[0]!;
    expect(property).toMatchObject({ name: 'below-five-hundred', status: 'falsified' });
    expect(property.counterexample!.instance).toEqual({ n: 500 });
    const { seed, path } = property.counterexample!;

    const replayed = await run(['replay', 'F2', '--seed', String(seed), '--path', path, '--json']);
    expect(replayed.code).toBe(1);
    expect(JSON.parse(replayed.stdout)).toMatchObject({
      id: 'F2',
      kind: 'property',
      name: 'below-five-hundred',
      outcome: 'fail',
      counterexample: { instance: { n: 500 }, claim: '500 >= 500', seed, path },
    });
    // without --json, and naming the property
    const text = await run([
      'replay',
      'f2',
      '--property',
      'below-five-hundred',
      '--seed',
      String(seed),
      '--path',
      path,
    ]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('counterexample reproduced');
    expect(text.stdout).toContain('instance: {"n":500}');
  });

  it('prints a table with the counterexample and its replay command', async () => {
    const { code, stdout } = await run(['check', 'F2', 'F1', '--runs', '100']);
    expect(code).toBe(1);
    expect(stdout.indexOf('F1  binomial square: VERIFIED')).toBeLessThan(
      stdout.indexOf('F2  a false bound: FALSIFIED'),
    );
    expect(stdout).toMatch(/below-five-hundred\s+exact\s+\d+\s+0\s+\d+\s+falsified/);
    expect(stdout).toContain('mutants     1/1 refuted');
    expect(stdout).toMatch(/replay: ebm-lens replay F2 --property below-five-hundred --seed -?\d+ --path [\d:]+/);
    expect(stdout).toContain('falsified: 1 verified, 1 falsified, 0 undecided');
  });

  it('an always-undecided property: status undecided, never counted as a pass, exit 3', async () => {
    const { code, stdout } = await run(['check', 'F3', '--json', '--runs', '30']);
    expect(code).toBe(3);
    const property = (JSON.parse(stdout) as CheckReport).theorems[0]!.properties[0];
    expect(property).toMatchObject({ status: 'undecided', runs: 30, passes: 0, undecided: 30 });
  });

  it('a float64-only theorem is not verified (exit 3)', async () => {
    const { code, stdout } = await run(['check', 'F4', '--json', '--runs', '30']);
    expect(code).toBe(3);
    expect((JSON.parse(stdout) as CheckReport).theorems[0]).toMatchObject({
      status: 'undecided',
      properties: [{ status: 'passed-float64', mode: 'float' }],
    });
  });

  it('a surviving mutant says the check is too weak, not that the theorem is false: exit 1', async () => {
    const { code, stdout } = await run(['check', 'F5', '--runs', '100']);
    expect(code).toBe(1);
    expect(stdout).toContain('F5  weak suite: CHECK TOO WEAK (a false variant survived; the theorem is not falsified)');
    expect(stdout).toContain('not-a-mutant: SURVIVED 100 runs: the check is too weak');
    expect(stdout).not.toContain('FALSIFIED');
    expect(stdout).toContain('check-too-weak: 0 verified, 0 falsified, 1 check-too-weak, 0 undecided');
  });

  it('fewer than 100 runs: "checked in N runs", never VERIFIED, exit 0', async () => {
    const { code, stdout } = await run(['check', 'F1', '--runs', '99']);
    expect(code).toBe(0);
    expect(stdout).toContain('F1  binomial square: CHECKED in 99 runs (below the 100 needed for VERIFIED)');
    expect(stdout).toContain('binomial-square: checked in 99 runs (below the 100 needed for VERIFIED)');
    expect(stdout).not.toContain('VERIFIED\n');
    expect(stdout).toContain('checked: 0 verified, 1 checked, 0 falsified, 0 undecided');
  });

  it('an exception in a check is a bug: exit 4, status error', async () => {
    const { code, stdout } = await run(['check', 'F6', '--runs', '30']);
    expect(code).toBe(4);
    expect(stdout).toContain('crashes: error (a bug, not a verdict): TypeError: boom');
    expect(stdout).toContain('crashes: smallest instance that crashes it');
  });

  it('falsified wins over undecided in the exit code', async () => {
    expect((await run(['check', 'F3', 'F2', '--runs', '30'])).code).toBe(1);
  });

  it('draws a progress bar on stderr only when interactive', async () => {
    const interactive = await run(['check', 'F1', '--runs', '20'], true);
    expect(interactive.stderr).toContain('\r');
    expect(interactive.stderr).toContain('F1 property binomial-square');
    expect(interactive.stdout).not.toContain('\r');
    expect((await run(['check', 'F1', '--runs', '20'])).stderr).toBe('');
  });

  it('--report writes both files, identical across runs with the same seed apart from timestamps', async () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    expect((await run(['check', 'F1', 'F2', '--runs', '40', '--seed', '11', '--report', a])).code).toBe(1);
    expect((await run(['check', 'F1', 'F2', '--runs', '40', '--seed', '11', '--report', b, '--json'])).code).toBe(1);
    expect(readdirSync(a).sort()).toEqual(['certificate.json', 'report.html', 'report.json', 'report.md']);
    expect(readFileSync(join(a, 'certificate.json'), 'utf8')).toBe(readFileSync(join(b, 'certificate.json'), 'utf8'));
    const strip = (text: string) => text.replace(/"generatedAt": "[^"]*"/, '').replace(/- Generated: .*/, '');
    for (const file of ['report.json', 'report.md']) {
      expect(strip(readFileSync(join(a, file), 'utf8'))).toBe(strip(readFileSync(join(b, file), 'utf8')));
    }
    const report = JSON.parse(readFileSync(join(a, 'report.json'), 'utf8')) as ReportFile;
    expect(report.run).toMatchObject({ seed: 11, runs: 40, theorems: ['F1', 'F2'] });
    expect(report.theorems[1]!.properties[0]!.counterexample!.instance).toEqual({ n: 500 });
  });

  it('--certificate writes a certificate that the independent checker confirms, and a falsified one too', async () => {
    const file = join(dir, 'certificate.json');
    const checked = await run(['check', 'F1', 'F2', '--runs', '100', '--certificate', file]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(`certificate written to ${file}`);
    const certificate = JSON.parse(readFileSync(file, 'utf8')) as CertificateFile;
    expect(certificate).toMatchObject({
      format: 'ebm-lens-certificate/1',
      seed: DEFAULT_SEED,
      runsPerProperty: 100,
      minimumRuns: 100,
    });
    const f2 = certificate.theorems[1]!;
    expect(f2.properties[0]).toMatchObject({ name: 'below-five-hundred', status: 'falsified' });
    expect(f2.properties[0]!.records.at(-1)).toMatchObject({ run: -1, decision: 'fail', instance: { n: '500' } });
    const lines: string[] = [];
    expect(await verify([file], (line) => lines.push(line))).toBe(0);
    expect(lines.at(-1)).toBe(`${certificate.summary.records}/${certificate.summary.records} runs re-checked`);
  });

  it('--certificate into a missing directory: exit 2, one line, before any run', async () => {
    const { code, stdout, stderr } = await run(['check', 'F1', '--certificate', join(dir, 'missing', 'c.json')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(oneLine(stderr)).toMatch(/--certificate: the directory .* does not exist/);
  });

  it('--report onto a file: exit 2, one line, nothing run', async () => {
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, '');
    const { code, stdout, stderr } = await run(['check', 'F1', '--report', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(oneLine(stderr)).toMatch(/^ebm-lens: --report: .* is not a directory; /);
  });

  it.each([
    [['check', '--profile', 'fast'], /^ebm-lens: --profile: 'fast' is not a profile; use quick, standard or deep$/],
    [
      ['check', '--runs', '0'],
      /^ebm-lens: --runs: '0' is not a whole number of runs in \[1, \d+\]; pass e.g. --runs 200$/,
    ],
    [['check', '--runs', 'many'], /^ebm-lens: --runs: 'many'/],
    [['check', '--seed', '1.5'], /^ebm-lens: --seed: '1.5' is not an integer/],
    [['check', '--seed', '99999999999'], /^ebm-lens: --seed: /],
    [['check', 'T99'], /^ebm-lens: ID: unknown theorem 'T99'; valid IDs: F1, F2, F3, F4, F5, F6, F7$/],
    [['replay', 'T99', '--seed', '1', '--path', '0'], /^ebm-lens: ID: unknown theorem 'T99'; valid IDs: F1, /],
    [['replay', 'F2', '--seed', '1'], /--path/],
    [['replay', 'F2', '--seed', '1', '--path', 'a:b'], /^ebm-lens: --path: 'a:b' is not a fast-check path/],
    [
      ['replay', 'F2', '--seed', '1', '--path', '0', '--property', 'nope'],
      /^ebm-lens: --property: F2 has no property or mutant 'nope'; use one of: below-five-hundred, binomial-square$/,
    ],
    [['check', '--bogus'], /--bogus/],
  ])('bad usage %j: exit 2 with one line', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(oneLine(stderr)).toMatch(message);
  });
});

describe('a malformed catalogue', () => {
  it('is a bug of ebm-lens: exit 4 with one line, nothing run', async () => {
    const { code, stdout, stderr } = await runMain(['check'], { catalogue: [verifiedTheorem, verifiedTheorem] });
    expect(code).toBe(4);
    expect(stdout).toBe('');
    expect(oneLine(stderr)).toMatch(
      /^ebm-lens: internal error: the theorem catalogue is inconsistent: theorem ID 'F1' appears twice/,
    );
  });
});

describe('replay', () => {
  it('replays a mutant counterexample by name', async () => {
    const { stdout } = await run(['check', 'F1', '--json', '--runs', '50']);
    const mutant = (JSON.parse(stdout) as CheckReport).theorems[0]!.mutants[0]!;
    const replayed = await run([
      'replay',
      'F1',
      '--property',
      mutant.name,
      '--seed',
      String(mutant.counterexample!.seed),
      '--path',
      mutant.counterexample!.path,
      '--json',
    ]);
    expect(replayed.code).toBe(1);
    expect(JSON.parse(replayed.stdout)).toMatchObject({
      kind: 'mutant',
      outcome: 'fail',
      counterexample: mutant.counterexample,
    });
  });

  it('replays an ablation counterexample with --assumption', async () => {
    const replayed = await run([
      'replay',
      'F7',
      '--assumption',
      'non-negative',
      '--seed',
      '3',
      '--path',
      '0',
      '--json',
    ]);
    expect(replayed.code).toBe(1);
    expect(replayed.stderr).toBe('');
    const json = JSON.parse(replayed.stdout) as ReplayReport;
    expect(json).toMatchObject({ name: 'sqrt-square', assumption: 'non-negative', outcome: 'fail' });
    expect(Number(json.counterexample.instance)).toBeLessThan(0);
  });

  it('a former name still replays, with a note on stderr: the same instance and verdict', async () => {
    const now = await run(['replay', 'F7', '--assumption', 'non-negative', '--seed', '3', '--path', '0', '--json']);
    const before = await run(['replay', 'F7', '--assumption', 'N', '--seed', '3', '--path', '0', '--json']);
    expect(before.code).toBe(now.code);
    expect(before.stdout).toBe(now.stdout);
    expect(before.stderr).toBe("note: F7 assumption 'N' is now named 'non-negative'\n");
  });

  it('an instance that passes is reported as such (exit 0)', async () => {
    const replayed = await run(['replay', 'F1', '--property', 'binomial-square', '--seed', '3', '--path', '0']);
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).toContain('pass, not a counterexample');
  });

  it('without --property, asks for one when no property fails there', async () => {
    const { code, stderr } = await run(['replay', 'F2', '--seed', '3', '--path', '0']);
    expect(code).toBe(2);
    expect(oneLine(stderr)).toBe(
      'ebm-lens: --property: no property of F2 fails at seed 3, path 0; name the property or mutant with --property NAME',
    );
  });
});

describe('bin/ebm-lens.js end to end', () => {
  // `npm test` builds dist/ before vitest runs; build here only when it is missing (vitest run alone).
  beforeAll(() => {
    buildIfMissing('dist/src/cli/main.js', 'dist/theorems/index.js');
  });

  it('lists the catalogue bin/ebm-lens.js injects, and rejects an unknown ID with exit 2', () => {
    const result = spawnSync(process.execPath, ['bin/ebm-lens.js', 'list', '--json'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as ListReport;
    expect(Array.isArray(json.theorems)).toBe(true);
    const unknown = spawnSync(process.execPath, ['bin/ebm-lens.js', 'check', 'NOPE'], { encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^ebm-lens: ID: unknown theorem 'NOPE'; valid IDs: /);
    expect(unknown.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
