/**
 * `ebm-lens/vitest`: a theorem's identities, properties and mutants as vitest
 * tests. The test cases are checked here directly (messages carry the seed,
 * path and replay line), and once through a real vitest run in a folder
 * outside the repository, where a falsified property fails the run.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { theoremTestCases } from '../../api/vitest.js';
import { defineTheorem } from '../../src/runner/define.js';
import { fail, pass } from '../../src/runner/theorem.js';

const ROOT = join(import.meta.dirname, '..', '..');

const squares = defineTheorem({
  id: 'Squares',
  title: 'squares',
  statement: 'n^2 >= n for integers n >= 0, and (a + b)^2 = a^2 + 2ab + b^2',
  identities: [{ name: 'binomial', lhs: '(a + b)^2', rhs: 'a^2 + 2*a*b + b^2', variables: { a: 'real', b: 'real' } }],
  properties: [
    {
      name: 'square-at-least',
      claim: 'n^2 >= n',
      mode: 'exact',
      arbitrary: fc.nat(1000),
      predicate: (n: number) => (n * n >= n ? pass(n * n - n) : fail('n^2 >= n')),
    },
    {
      name: 'square-below-10n',
      claim: 'n^2 <= 10 n (false)',
      mode: 'exact',
      arbitrary: fc.nat(1000),
      predicate: (n: number) => (n * n <= 10 * n ? pass() : fail('n^2 <= 10 n', { n: String(n) })),
    },
  ],
  mutants: [
    {
      name: 'square-below-n',
      claim: 'n^2 <= n (false)',
      mode: 'exact',
      arbitrary: fc.nat(1000),
      predicate: (n: number) => (n * n <= n ? pass() : fail('n^2 <= n')),
    },
    {
      name: 'always-true',
      claim: 'n >= 0 (not false: survives)',
      mode: 'exact',
      arbitrary: fc.nat(1000),
      predicate: () => pass(),
    },
  ],
});

describe('theoremTestCases', () => {
  const cases = theoremTestCases(squares, { runs: 100, file: 'lemmas/squares.ts' });
  const byName = Object.fromEntries(cases.map((c) => [c.name, c]));

  it('one case per identity, property and mutant', () => {
    expect(cases.map((c) => c.name)).toEqual([
      'identity binomial',
      'property square-at-least',
      'property square-below-10n',
      'mutant square-below-n is refuted',
      'mutant always-true is refuted',
    ]);
  });

  it('a certified identity, a verified property and a refuted mutant pass', () => {
    expect(() => byName['identity binomial']!.run()).not.toThrow();
    expect(() => byName['property square-at-least']!.run()).not.toThrow();
    expect(() => byName['mutant square-below-n is refuted']!.run()).not.toThrow();
  });

  it('a falsified property throws the shrunk counterexample with seed, path and the replay line of the CLI', () => {
    let message = '';
    try {
      byName['property square-below-10n']!.run();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /^Squares square-below-10n: counterexample \(shrunk \d+ times\): n\^2 <= 10 n\n {2}instance: "11"\n {2}n = 11\n/,
    );
    expect(message).toMatch(/seed -?\d+, path [\d:]+/);
    expect(message).toMatch(
      /replay: npx ebm-lens replay lemmas\/squares\.ts Squares --property square-below-10n --seed -?\d+ --path [\d:]+/,
    );
  });

  it('a surviving mutant fails: the check is too weak', () => {
    expect(() => byName['mutant always-true is refuted']!.run()).toThrow(/survived 100 runs: the check is too weak/);
  });
});

describe('a real vitest run through ebm-lens/vitest', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ebm-lens-vitest-'));
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', 'ebm-lens'), 'dir');
    symlinkSync(join(ROOT, 'node_modules', 'vitest'), join(dir, 'node_modules', 'vitest'), 'dir');
    cpSync(join(ROOT, 'examples', 'theorems'), join(dir, 'theorems'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(
      join(dir, 'lemmas.test.ts'),
      [
        "import { theoremTests } from 'ebm-lens/vitest';",
        "import pinsker from './theorems/pinsker.js';",
        "import klHalfChi2 from './theorems/kl-half-chi2.js';",
        "theoremTests(pinsker, { file: 'theorems/pinsker.ts' });",
        "theoremTests(klHalfChi2, { file: 'theorems/kl-half-chi2.ts' });",
        '',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes the true theorem and fails the run on the false one, with the seed in the message', async () => {
    // asynchronous: a synchronous spawn would stall this vitest worker for the whole inner run
    const out = await new Promise<{ status: number | null; text: string }>((done) => {
      execFile(
        process.execPath,
        [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', dir, '--reporter', 'verbose'],
        { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
        (error, stdout, stderr) =>
          done({
            status: error === null ? 0 : typeof error.code === 'number' ? error.code : null,
            text: `${stdout}\n${stderr}`,
          }),
      );
    });
    const text = out.text;
    expect(out.status).toBe(1);
    expect(text).toMatch(/✓ .*Pinsker.*property pinsker/);
    expect(text).toMatch(/✓ .*Pinsker.*mutant constant-4 is refuted/);
    expect(text).toMatch(/× .*KLHalfChi2.*property kl-at-most-half-chi2/);
    expect(text).toContain('KLHalfChi2 kl-at-most-half-chi2: counterexample (shrunk');
    expect(text).toContain('instance: {"p":["1","0"],"q":["1/2","1/2"]}');
    expect(text).toMatch(/seed -?\d+, path [\d:]+/);
    expect(text).toMatch(
      /replay: npx ebm-lens replay theorems\/kl-half-chi2\.ts KLHalfChi2 --property kl-at-most-half-chi2 --seed -?\d+ --path [\d:]+/,
    );
    expect(text).toMatch(/Tests {2}1 failed \| 5 passed/);
  });
});
