/**
 * `ebm-lens check FILE` (and list, replay, ablate) on theorem modules written
 * against the public entry points, through the built command line as a user
 * runs it. Bad modules: one line on stderr, exit 2, never a verdict.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const TRUE_ONE = 'examples/theorems/pinsker.ts';
const FALSE_ONE = 'examples/theorems/kl-half-chi2.ts';

/** The built command line, run asynchronously (a synchronous spawn would stall the vitest worker). */
function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin/ebm-lens.js'), ...args],
      { cwd: ROOT, encoding: 'utf8' },
      (error, stdout, stderr) => {
        done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
      },
    );
  });
}

let dir: string;
beforeAll(() => {
  // A folder outside the repository where 'ebm-lens' resolves to this checkout, as after npm install.
  dir = mkdtempSync(join(tmpdir(), 'ebm-lens-modules-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'ebm-lens'), 'dir');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('check FILE', () => {
  it('the true example is VERIFIED (exit 0): identities certified, property verified, mutants refuted', async () => {
    const { code, stdout, stderr } = await cli('check', TRUE_ONE);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Pinsker {2}Pinsker's inequality: VERIFIED/);
    expect(stdout).toContain('identities  2/2 certified');
    expect(stdout).toContain('mutants     2/2 refuted');
  });

  it('the false example is FALSIFIED (exit 1) with the shrunk counterexample and a replay line naming the file', async () => {
    const { code, stdout } = await cli('check', FALSE_ONE);
    expect(code).toBe(1);
    expect(stdout).toContain('KLHalfChi2  KL below half the chi-square divergence (false): FALSIFIED');
    expect(stdout).toContain('instance: {"p":["1","0"],"q":["1/2","1/2"]}');
    expect(stdout).toContain('chi2(p || q) / 2 = 1/2');
    const replay = /replay: (?:npx )?ebm-lens replay (\S+) (\S+) --property (\S+) --seed (\S+) --path (\S+)/.exec(
      stdout,
    );
    expect(replay?.slice(1, 4)).toEqual([FALSE_ONE, 'KLHalfChi2', 'kl-at-most-half-chi2']);
    const again = await cli(
      'replay',
      replay![1]!,
      replay![2]!,
      '--property',
      replay![3]!,
      '--seed',
      replay![4]!,
      '--path',
      replay![5]!,
    );
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('counterexample reproduced');
    expect(again.stdout).toContain('instance: {"p":["1","0"],"q":["1/2","1/2"]}');
    // one theorem in the file: the ID may be left out
    expect((await cli('replay', FALSE_ONE, '--seed', replay![4]!, '--path', replay![5]!)).code).toBe(1);
  });

  it('--json names the module; --report writes replay lines naming the file (markdown and HTML)', async () => {
    const out = join(dir, 'report');
    const { code, stdout } = await cli('check', FALSE_ONE, '--json', '--report', out);
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as { theorems: { id: string; module?: string; status: string }[] };
    expect(json.theorems).toEqual([
      expect.objectContaining({ id: 'KLHalfChi2', module: FALSE_ONE, status: 'falsified' }),
    ]);
    const line = `replay ${FALSE_ONE} KLHalfChi2 --property kl-at-most-half-chi2 --seed`;
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain(line);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(line);
  });

  it('list FILE lists the module, --json too; ablate FILE runs (no assumptions here)', async () => {
    const listed = await cli('list', TRUE_ONE, '--json');
    expect(listed.code).toBe(0);
    const json = JSON.parse(listed.stdout) as { theorems: { id: string; properties: { name: string }[] }[] };
    expect(json.theorems.map((t) => t.id)).toEqual(['Pinsker']);
    expect(json.theorems[0]!.properties.map((p) => p.name)).toEqual(['pinsker']);
    expect((await cli('ablate', TRUE_ONE)).code).toBe(0);
  });
});

describe('a module shares the engine', () => {
  it("an UndecidedError from 'ebm-lens' thrown by a predicate is an undecided run, not a crash (exit 3)", async () => {
    const file = write(
      'undecided.ts',
      "import { defineTheorem, fc, pass, UndecidedError } from 'ebm-lens';\n" +
        "export default defineTheorem({ id: 'Open', title: 't', statement: 's', properties: [{ name: 'p', claim: 'c', mode: 'exact', arbitrary: fc.nat(), predicate: (n: number) => { if (n > 3) throw new UndecidedError('too wide'); return pass(); } }] });\n",
    );
    const { code, stdout } = await cli('check', file, '--runs', '30');
    expect(code).toBe(3);
    expect(stdout).toContain('Open  t: UNDECIDED');
    expect(stdout).toMatch(/p: \d+ runs undecided, e\.g\. too wide/);
  });
});

describe('bad modules: one line, exit 2, no verdict', () => {
  const cases: [string, string, string, RegExp][] = [
    [
      'throws on import',
      'throws.ts',
      "throw new Error('no data');\n",
      /^ebm-lens: .*throws\.ts: throws on import: no data; /,
    ],
    [
      'not a theorem',
      'shape.mjs',
      "export default { id: 'X', title: 1 };\n",
      /^ebm-lens: .*shape\.mjs: its default export is not a theorem: X: title is not a string/,
    ],
    ['no default export', 'none.mjs', 'export const x = 1;\n', /has no default export/],
    [
      'a catalogue ID',
      'collide.mjs',
      "import { catalogue } from 'ebm-lens';\nexport default { ...catalogue[0] };\n",
      /theorem ID 'T1' is already taken by a theorem of the catalogue; give your theorem another ID/,
    ],
    [
      'a property that throws',
      'thrower.ts',
      "import { defineTheorem, fc, pass } from 'ebm-lens';\n" +
        "export default defineTheorem({ id: 'Thrower', title: 't', statement: 's', properties: [{ name: 'p', claim: 'c', mode: 'exact', arbitrary: fc.nat(), predicate: (n: number) => { if (n > 3) throw new Error('bad at ' + n); return pass(); } }] });\n",
      /^ebm-lens: .*thrower\.ts: Thrower property 'p' throws: bad at \d+; fix the module/,
    ],
    [
      'defineTheorem refusing a module',
      'twice.ts',
      "import { defineTheorem, fc, pass } from 'ebm-lens';\n" +
        "const p = { name: 'p', claim: 'c', mode: 'exact' as const, arbitrary: fc.nat(), predicate: () => pass() };\n" +
        "export default defineTheorem({ id: 'Twice', title: 't', statement: 's', properties: [p, p] });\n",
      /throws on import: not a valid theorem: Twice: property or mutant name 'p' appears twice/,
    ],
  ];
  for (const [what, name, text, message] of cases) {
    it(what, async () => {
      const { code, stdout, stderr } = await cli('check', write(name, text), '--runs', '20');
      expect(code, stderr).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
    });
  }

  it('a missing file', async () => {
    const { code, stderr } = await cli('check', 'no-such-theorem.ts');
    expect(code, stderr).toBe(2);
    expect(stderr).toBe(
      'ebm-lens: no-such-theorem.ts: no such file; give the path of a .ts, .mts, .js or .mjs theorem module\n',
    );
  });
});
