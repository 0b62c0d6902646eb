import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../checker/main.js';
import { copy, validCertificate, type CertificateDocument } from './fixtures.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ebm-lens-verify-'));
/** A file holding `content` (JSON-encoded unless a string). */
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
/** main() with its output captured. */
async function run(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await main(argv, (line) => lines.push(line));
  return { code, lines };
}

describe('malformed input: exit 2, one line naming the problem', () => {
  it('a missing file, bad JSON, a wrong format string', async () => {
    expect(await run(join(dir, 'absent.json'))).toEqual({
      code: 2,
      lines: [`${join(dir, 'absent.json')}: no such file`],
    });
    const bad = await run(file('bad.json', '{"format": '));
    expect(bad.code).toBe(2);
    expect(bad.lines).toEqual([expect.stringMatching(/bad\.json: not JSON/)]);
    const format = await run(file('format.json', { ...validCertificate(), format: 'ebm-lens-certificate/0' }));
    expect(format).toEqual({
      code: 2,
      lines: [
        expect.stringMatching(
          /malformed certificate: \$\.format: expected "ebm-lens-certificate\/1", found "ebm-lens-certificate\/0"$/,
        ),
      ],
    });
  });

  it('a wrong shape, named by its JSON path', async () => {
    const cases: [(c: CertificateDocument) => void, RegExp][] = [
      [
        (c) => (c.theorems[0]!.properties[0]!.records[1]!.decision = 'maybe'),
        /\$\.theorems\[0\]\.properties\[0\]\.records\[1\]\.decision: expected one of pass, fail, undecided, found "maybe"/,
      ],
      [
        (c) => (c.theorems[0]!.properties[1]!.claims[0]!.assert.and![0]!.args = []),
        /\$\.theorems\[0\]\.properties\[1\]\.claims\[0\]\.assert\.and\[0\]\.args: a comparison takes 2 arguments, found 0/,
      ],
      [
        (c) => ((c.theorems[0]!.properties[0]!.records[0]!.instance.P as string[][])[0]![1] = 'one third'),
        /instance\.P\[0\]\[1\]: not a rational number/,
      ],
      [
        (c) => (c.theorems[0]!.properties[0]!.records[0]!.claim = 4),
        /records\[0\]\.claim: claim 4 does not exist \(1 claims\)/,
      ],
      [(c) => Reflect.deleteProperty(c, 'summary'), /\$\.summary: expected an object, found nothing/],
      [
        (c) => (c.theorems[0]!.identities[0]!.lhs = '(a +'),
        /\$\.theorems\[0\]\.identities\[0\]\.lhs: expected a number/,
      ],
    ];
    for (const [change, message] of cases) {
      const c = copy(validCertificate());
      change(c);
      const result = await run(file('shape.json', c));
      expect(result.code).toBe(2);
      expect(result.lines).toEqual([expect.stringMatching(message)]);
    }
  });

  it('bad usage', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('a.json', '--verbose')).lines).toEqual([
      'unknown option --verbose; usage: ebm-lens-verify FILE [--quiet] [--json]',
    ]);
    const json = await run(join(dir, 'absent.json'), '--json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.lines[0]!)).toEqual({
      file: join(dir, 'absent.json'),
      confirmed: false,
      error: `${join(dir, 'absent.json')}: no such file`,
    });
  });
});

describe('ebm-lens-verify end to end (the built launcher)', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'bin/ebm-lens-verify.js'), ...args], { encoding: 'utf8' });

  it('confirms a valid certificate: one line per theorem, then the run count; exit 0', () => {
    const path = file('valid.json', validCertificate());
    const out = cli(path);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout.trim().split('\n')).toEqual([
      'TA  verified  confirmed',
      'TB  falsified  confirmed',
      '12/12 runs re-checked',
    ]);
    expect(cli(path, '--quiet').stdout).toBe('12/12 runs re-checked\n');
    const json: unknown = JSON.parse(cli(path, '--json').stdout);
    expect(json).toMatchObject({ confirmed: true, runs: { confirmed: 12, total: 12 }, summary: [] });
  });

  it('rejects a tampered one naming the run; exit 1', () => {
    const c = copy(validCertificate());
    c.theorems[0]!.properties[0]!.records[1]!.instance.mu = ['1/7', '6/7'];
    const out = cli(file('tampered.json', c));
    expect(out.status).toBe(1);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^TA {2}verified {2}NOT CONFIRMED: TA property two-state-balance run 1: witness rejected/);
    expect(lines.at(-1)).toBe('11/12 runs re-checked (not confirmed)');
  });

  it('a malformed file: exit 2, one line, no stack trace', () => {
    const out = cli(file('empty.json', '[]'));
    expect(out.status).toBe(2);
    expect(out.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/empty\.json: malformed certificate: \$: expected an object, found an array/),
    ]);
    expect(out.stderr).toBe('');
  });
});
