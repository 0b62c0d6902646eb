/**
 * What the printed commands say (issue 13, item 4): one default profile
 * (quick, as in the README's `npm run check`), and replay / reproduce lines
 * that work where the user stands: `npx ebm-lens` through npm or from a
 * checkout, plain `ebm-lens` only when that is the command on PATH.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CommandIO } from '../../src/cli/io.js';
import { NPX, PLAIN, detectInvocation, scriptIsOnPath } from '../../src/report/invocation.js';
import { DEFAULT_PROFILE, PROFILES } from '../../src/runner/profiles.js';
import { falsifiedTheorem, verifiedTheorem } from '../runner/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'ebm-lens-invocation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], invocation?: string) {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    interactive: false,
    ...(invocation ? { invocation } : {}),
  };
  const code = await main(argv, io, [verifiedTheorem, falsifiedTheorem]);
  return { code, stdout, stderr };
}

describe('default profile', () => {
  it('is quick, the profile the README promises for npm run check', async () => {
    expect(DEFAULT_PROFILE).toBe('quick');
    const { stdout } = await run(['check', 'F1']);
    expect(stdout).toContain(`(seed 251218730, profile quick, ${PROFILES.quick.runs} runs)`);
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain('quick = 200 runs per property and mutant (the default');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { check: string } };
    expect(pkg.scripts.check).toContain('--profile quick');
  });
});

describe('detectInvocation', () => {
  const never = () => false;
  it('says npx ebm-lens when npm runs it (npx sets npm_command=exec, npm run sets run-script)', () => {
    expect(detectInvocation({ npm_command: 'exec' }, '/x/bin/ebm-lens.js', () => true)).toBe(NPX);
    expect(detectInvocation({ npm_command: 'run-script' }, '/x/bin/ebm-lens.js', () => true)).toBe(NPX);
  });

  it('says npx ebm-lens for node bin/ebm-lens.js in a checkout, ebm-lens when that is the command on PATH', () => {
    expect(detectInvocation({}, '/x/bin/ebm-lens.js', never)).toBe(NPX);
    expect(detectInvocation({}, '/x/bin/ebm-lens.js', () => true)).toBe(PLAIN);
    expect(detectInvocation({}, undefined, () => true)).toBe(NPX);
  });

  it('scriptIsOnPath follows a PATH symlink to the script (a global install)', () => {
    const pkg = join(dir, 'lib', 'bin');
    mkdirSync(pkg, { recursive: true });
    const script = join(pkg, 'ebm-lens.js');
    writeFileSync(script, '#!/usr/bin/env node\n');
    chmodSync(script, 0o755);
    const binDir = join(dir, 'globalbin');
    mkdirSync(binDir);
    symlinkSync(script, join(binDir, 'ebm-lens'));
    expect(scriptIsOnPath(script, ['/nonexistent', binDir].join(delimiter))).toBe(true);
    expect(scriptIsOnPath(script, '/nonexistent')).toBe(false);
    const other = join(dir, 'other.js');
    writeFileSync(other, '');
    expect(scriptIsOnPath(other, binDir)).toBe(false);
  });
});

describe('printed commands follow the invocation', () => {
  it('replay lines in check output, the verify hint and the report reproduce lines', async () => {
    const npx = await run(['check', 'F2', '--runs', '100'], NPX);
    expect(npx.stdout).toMatch(
      /replay: npx ebm-lens replay F2 --property below-five-hundred --seed -?\d+ --path [\d:]+/,
    );
    const plain = await run(['check', 'F2', '--runs', '100']);
    expect(plain.stdout).toMatch(/replay: ebm-lens replay F2/);
    expect(plain.stdout).not.toContain('npx');

    const report = join(dir, 'rep');
    const certificate = join(dir, 'cert.json');
    const withFiles = await run(
      ['check', 'F1', '--runs', '100', '--report', report, '--certificate', certificate],
      NPX,
    );
    expect(withFiles.code).toBe(0);
    expect(withFiles.stdout).toContain(`(re-check it: npx ebm-lens-verify ${certificate})`);
    expect(readFileSync(join(report, 'report.md'), 'utf8')).toContain(
      'Reproduce with `npx ebm-lens check F1 --seed 251218730 --profile quick --runs 100`',
    );
    expect(readFileSync(join(report, 'report.html'), 'utf8')).toContain(
      'npx ebm-lens check F1 --seed 251218730 --profile quick --runs 100',
    );
  });
});
