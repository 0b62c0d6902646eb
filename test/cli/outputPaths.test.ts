/**
 * Output paths are checked before any work starts (issue 13, item 5): a
 * dangling symlink, a path on /proc (where Node's recursive mkdir would spin
 * forever), a file where a directory is needed, a read-only directory; each
 * one line and exit 2, with no property run and nothing written.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Rational } from '../../src/arith/rational.js';
import { main } from '../../src/cli/main.js';
import type { CommandIO } from '../../src/cli/io.js';
import { checkOutputDirectory, checkOutputFile } from '../../src/cli/outputPaths.js';
import { InputError } from '../../src/errors.js';
import type { Theorem } from '../../src/runner/theorem.js';
import { binomialSquare, verifiedTheorem } from '../runner/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'ebm-lens-outputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A theorem that counts its property's runs: any run means work started. */
let calls = 0;
const spy: Theorem = {
  ...verifiedTheorem,
  properties: [
    { ...binomialSquare, predicate: (x: [Rational, Rational]) => ((calls += 1), binomialSquare.predicate(x)) },
  ],
};

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), interactive: false };
  calls = 0;
  const started = Date.now();
  const code = await main(argv, io, [spy]);
  return { code, stdout, stderr, calls, ms: Date.now() - started };
}

function expectRefused(result: Awaited<ReturnType<typeof run>>, message: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.calls).toBe(0);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
}

const dangling = join(dir, 'd');
symlinkSync(join(dir, 'no-such-target'), dangling);

describe('check: output paths refused before any run', () => {
  it('--report under a dangling symlink, and the dangling symlink itself', async () => {
    expectRefused(
      await run(['check', 'F1', '--report', join(dangling, 'rep')]),
      /^ebm-lens: --report: '.*\/d' is a symlink to '.*no-such-target', which does not exist \(a dangling symlink\); /,
    );
    expectRefused(await run(['check', 'F1', '--report', dangling]), /dangling symlink/);
    expect(readdirSync(dir)).toEqual(['d']);
  });

  it('--report and --certificate on /proc: one line at once (no spinning mkdir)', async () => {
    const report = await run(['check', 'F1', '--report', '/proc/ebm-lens-nope/rep']);
    expectRefused(report, /^ebm-lens: --report: '\/proc\/ebm-lens-nope\/rep' is on the kernel file system procfs/);
    expect(report.ms).toBeLessThan(5000);
    expectRefused(
      await run(['check', 'F1', '--certificate', '/proc/ebm-lens-cert.json']),
      /^ebm-lens: --certificate: .* is on the kernel file system procfs/,
    );
  });

  it('--certificate in a dangling-symlink directory, and both options checked before the run', async () => {
    expectRefused(
      await run(['check', 'F1', '--certificate', join(dangling, 'c.json')]),
      /^ebm-lens: --certificate: .*dangling symlink/,
    );
    expectRefused(
      await run(['check', 'F1', '--report', join(dir, 'fine'), '--certificate', '/proc/c.json']),
      /--certificate: .*procfs/,
    );
  });

  it('a report file name taken by a directory', async () => {
    const rep = join(dir, 'taken');
    mkdirSync(join(rep, 'report.html'), { recursive: true });
    expectRefused(
      await run(['check', 'F1', '--report', rep]),
      /^ebm-lens: --report: '.*report\.html' is a directory; /,
    );
  });

  it('a good --report still runs and writes', async () => {
    const out = join(dir, 'new', 'nested');
    const ok = await run(['check', 'F1', '--runs', '20', '--report', out]);
    expect(ok.code).toBe(0);
    expect(ok.calls).toBeGreaterThan(0);
    expect(readdirSync(out).sort()).toEqual(['certificate.json', 'report.html', 'report.json', 'report.md']);
  });
});

describe('docs DIR refused before generating anything', () => {
  it('/proc/nope and a dangling symlink', async () => {
    const proc = await run(['docs', '/proc/nope']);
    expectRefused(proc, /^ebm-lens: DIR: '\/proc\/nope' is on the kernel file system procfs/);
    expect(proc.ms).toBeLessThan(5000);
    expectRefused(await run(['docs', join(dangling, 'theorems')]), /^ebm-lens: DIR: .*dangling symlink/);
  });
});

describe('checkOutputDirectory / checkOutputFile', () => {
  const refuse = (f: () => void): string => {
    try {
      f();
    } catch (error) {
      if (error instanceof InputError) return error.message;
      throw error;
    }
    throw new Error('expected an InputError');
  };
  it('accept a missing directory under a writable one and create nothing', () => {
    checkOutputDirectory('--report', join(dir, 'later', 'deeper'));
    checkOutputFile('--certificate', join(dir, 'c.json'));
    expect(readdirSync(dir)).not.toContain('later');
  });
  it('refuse /sys, a file as a directory, a name that is no file, and an empty name', () => {
    expect(refuse(() => checkOutputDirectory('DIR', '/sys/ebm-lens'))).toMatch(/kernel file system sysfs/);
    const file = join(dir, 'plain');
    writeFileSync(file, '');
    expect(refuse(() => checkOutputDirectory('--report', join(file, 'x')))).toMatch(/exists and is not a directory/);
    expect(refuse(() => checkOutputFile('--certificate', `${dir}/`))).toMatch(/is not a file name/);
    expect(refuse(() => checkOutputDirectory('--report', ' '))).toMatch(/the directory name is empty/);
  });
});
