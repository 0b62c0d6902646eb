import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Theorem } from '../../src/runner/theorem.js';
import { catalogue as realCatalogue } from '../../theorems/index.js';
import { fixtureCatalogue as fixtures } from '../runner/fixtures.js';
import { buildIfMissing, runBin, runMain } from '../support/cli.js';

const run = (argv: string[], catalogue: readonly Theorem[] = fixtures) => runMain(argv, { catalogue });

function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ebm-lens-parallel-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the shards of a check, writes each part to a file, and returns the files. */
async function shards(
  args: string[],
  count: number,
  catalogue: readonly Theorem[] = fixtures,
  tag = 'p',
): Promise<string[]> {
  const files: string[] = [];
  for (let i = 1; i <= count; i += 1) {
    const part = await run(['check', ...args, '--shard', `${i}/${count}`, '--json'], catalogue);
    expect(part.code).toBe(0);
    const file = join(dir, `${tag}-${i}-of-${count}.json`);
    writeFileSync(file, part.stdout);
    files.push(file);
  }
  return files;
}

describe('check --shard i/N and merge', () => {
  it('merges 1/3, 2/3 and 3/3 into the unsharded JSON, byte for byte, with its exit code', async () => {
    const whole = await run(['check', '--json', '--runs', '150', '--seed', '11']);
    const parts = await shards(['--runs', '150', '--seed', '11'], 3);
    const merged = await run(['merge', ...parts.reverse(), '--json']);
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toBe(whole.stdout);
    expect(merged.code).toBe(whole.code);
    const text = await run(['merge', ...parts]);
    expect(text.stdout).toBe((await run(['check', '--runs', '150', '--seed', '11'])).stdout);
  });

  it('merges parts made with --records into the same certificate', async () => {
    const certificate = join(dir, 'whole.certificate.json');
    const whole = await run(['check', 'F1', 'F2', 'F5', '--json', '--certificate', certificate]);
    const parts = await shards(['F1', 'F2', 'F5', '--records'], 2, fixtures, 'r');
    const mergedCertificate = join(dir, 'merged.certificate.json');
    const merged = await run(['merge', ...parts, '--json', '--certificate', mergedCertificate]);
    expect(merged.stdout).toBe(whole.stdout);
    expect(merged.code).toBe(whole.code);
    expect(readFileSync(mergedCertificate, 'utf8')).toBe(readFileSync(certificate, 'utf8'));
  });

  it('merges the shards of catalogue theorems into the unsharded JSON', async () => {
    const whole = await run(['check', 'T1', 'T2q', '--json', '--runs', '100'], realCatalogue);
    const parts = await shards(['T1', 'T2q', '--runs', '100'], 3, realCatalogue, 'catalogue');
    const merged = await run(['merge', ...parts, '--json'], realCatalogue);
    expect(merged.stdout).toBe(whole.stdout);
    expect(merged.code).toBe(whole.code);
  });

  it('refuses a bad --shard, and --shard without --json, in one line and exit 2', async () => {
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1/3/2', '2']) {
      const { code, stderr } = await run(['check', '--shard', bad, '--json']);
      expect(code).toBe(2);
      expect(oneLine(stderr)).toContain(`ebm-lens: --shard: expected i/N with 1 <= i <= N, got '${bad}'`);
    }
    expect(oneLine((await run(['check', '--shard', '1/2'])).stderr)).toBe(
      'ebm-lens: --shard: a shard prints its part as JSON; add --json and save it for ebm-lens merge',
    );
    const certificate = await run(['check', '--shard', '1/2', '--json', '--certificate', join(dir, 'c.json')]);
    expect(certificate.code).toBe(2);
    expect(oneLine(certificate.stderr)).toContain('ebm-lens: --certificate: a shard writes only its part');
    expect(oneLine((await run(['check', '--records'])).stderr)).toContain('ebm-lens: --records: only a shard takes it');
  });

  it('refuses parts of different runs, missing or repeated shards, and files that are no parts', async () => {
    const parts = await shards(['--runs', '40'], 3, fixtures, 'm');
    const [other] = await shards(['--runs', '40', '--seed', '3'], 3, fixtures, 'seed3');
    const [four] = await shards(['--runs', '40'], 4, fixtures, 'four');
    const refuse = async (argv: string[], message: string) => {
      const result = await run(['merge', ...argv]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(oneLine(result.stderr)).toBe(message);
    };
    await refuse([parts[0]!, parts[1]!], 'ebm-lens: merge: shard 3/3 missing; give all 3 parts');
    await refuse(
      [parts[0]!, parts[1]!, parts[2]!, parts[1]!],
      `ebm-lens: ${parts[1]}: repeats shard 2/3 of ${parts[1]}; give each shard once`,
    );
    await refuse(
      [parts[0]!, other!, parts[2]!],
      `ebm-lens: ${other}: is a part of another run: its seed is 3, ${parts[0]} has 251218730; merge the parts of one check`,
    );
    await refuse(
      [parts[0]!, four!, parts[2]!],
      `ebm-lens: ${four}: is a part of another run: its shard count is 4, ${parts[0]} has 3; merge the parts of one check`,
    );
    await refuse(
      [...parts, '--certificate', join(dir, 'x.json')],
      'ebm-lens: --certificate: the parts carry no run records; run the shards with --records (check --shard i/N --records --json)',
    );
    const notPart = join(dir, 'not-a-part.json');
    writeFileSync(notPart, (await run(['check', 'F1', '--json', '--runs', '10'])).stdout);
    await refuse(
      [notPart],
      `ebm-lens: ${notPart}: is not a part of a sharded check; give the files check --shard i/N --json wrote`,
    );
    await refuse(
      [join(dir, 'missing.json')],
      `ebm-lens: ${join(dir, 'missing.json')}: no such file; give the files check --shard i/N --json wrote`,
    );
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, readFileSync(parts[1]!, 'utf8').replace('"version": "', '"version": "0.0.0-'));
    const result = await run(['merge', edited, parts[0]!, parts[2]!]);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toMatch(
      /: was written by ebm-lens 0\.0\.0-.*; merge with the version that ran the shards$/,
    );
  });
});

describe('--workers', () => {
  it('refuses a bad number in one line and exit 2', async () => {
    for (const bad of ['0', '-1', 'two', '1.5', '257']) {
      for (const command of [['check'], ['ablate', 'all'], ['assume', 'examples/assume/near-reversible.json']]) {
        const { code, stderr } = await run([...command, '--workers', bad]);
        expect(code).toBe(2);
        expect(oneLine(stderr)).toBe(
          `ebm-lens: --workers: expected a whole number from 1 to 256, got '${bad}'; e.g. --workers 2 (default: the number of cores)`,
        );
      }
    }
  });

  it('runs in this thread by default when no catalogue module is given (tests, library use), and says why it cannot do more', async () => {
    expect((await run(['check', 'F1', '--json', '--runs', '20'])).stdout).toBe(
      (await run(['check', 'F1', '--json', '--runs', '20', '--workers', '1'])).stdout,
    );
    const { code, stderr } = await run(['check', 'F1', '--workers', '2']);
    expect(code).toBe(2);
    expect(oneLine(stderr)).toBe(
      'ebm-lens: --workers: parallel runs need the built command line (bin/ebm-lens.js: the worker script and the catalogue as a module); use --workers 1',
    );
  });
});

describe('bin/ebm-lens.js with worker threads', () => {
  // `npm test` builds dist/ before vitest runs; build here only when it is missing (vitest run alone).
  beforeAll(() => {
    buildIfMissing('dist/src/cli/worker.js', 'dist/theorems/index.js');
  });
  const cli = runBin;

  it('check --workers 2 prints the JSON and writes the certificate of --workers 1, byte for byte', async () => {
    const results = [];
    for (const workers of [1, 2]) {
      const certificate = join(dir, `bin-w${workers}.certificate.json`);
      const result = await cli([
        'check',
        'T1',
        'T3',
        '--profile',
        'quick',
        '--workers',
        String(workers),
        '--json',
        '--quiet',
        '--certificate',
        certificate,
      ]);
      results.push({
        status: result.status,
        stdout: result.stdout,
        stderr: result.stderr,
        certificate: readFileSync(certificate, 'utf8'),
      });
    }
    expect(results[0]!.stderr).toBe('');
    expect(results[1]!.stderr).toBe('');
    expect(results[1]!.stdout).toBe(results[0]!.stdout);
    expect(results[1]!.certificate).toBe(results[0]!.certificate);
    expect(results[1]!.status).toBe(results[0]!.status);
    expect((JSON.parse(results[0]!.stdout) as { theorems: { id: string }[] }).theorems.map((t) => t.id)).toEqual([
      'T1',
      'T3',
    ]);
  });

  it('ablate and assume --workers 2 print what --workers 1 prints', async () => {
    for (const args of [
      ['ablate', 'T1', 'T3', '--runs', '30', '--json'],
      ['assume', 'examples/assume/heavy-start.ts', 'T7', 'T9', '--runs', '30', '--json'],
    ]) {
      const one = await cli([...args, '--workers', '1', '--quiet']);
      const two = await cli([...args, '--workers', '2', '--quiet']);
      expect(two.stderr).toBe('');
      expect(two.stdout).toBe(one.stdout);
      expect(two.status).toBe(one.status);
    }
  });

  it('a shard run on worker threads gives the part of one thread', async () => {
    const one = await cli(['check', 'T1', '--runs', '120', '--shard', '2/2', '--workers', '1', '--json', '--quiet']);
    const two = await cli(['check', 'T1', '--runs', '120', '--shard', '2/2', '--workers', '2', '--json', '--quiet']);
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });
});
