import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCatalogue } from '../../src/runner/run.js';
import { PROFILES } from '../../src/runner/profiles.js';
import { buildReport } from '../../src/report/model.js';
import { collectEnvironment } from '../../src/report/environment.js';
import { writeReport } from '../../src/report/report.js';
import { writeFilesAtomically } from '../../src/report/write.js';
import { toJsonText } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { assumptionTheorem, fakeCertify, falsifiedTheorem, identityTheorem, verifiedTheorem } from './fixtures.js';

/** The fields of report.json these tests read. */
interface ReportJson {
  run: unknown;
  summary: unknown;
  theorems: {
    statement: unknown;
    properties: { counterexample: { instance: unknown; path: unknown } }[];
    identities: { certificate: { status: string } }[];
  }[];
}

/** The fields of a package.json these tests read. */
interface PackageManifest {
  version: string;
  dependencies: Record<string, string>;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ebm-lens-report-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const theorems = [verifiedTheorem, falsifiedTheorem, identityTheorem('I1', ['certified'])];
function report(generatedAt: Date) {
  const result = runCatalogue(theorems, { seed: 5, profile: PROFILES.quick, runs: 100, certify: fakeCertify });
  return buildReport(result, collectEnvironment(), generatedAt);
}

describe('report', () => {
  it('writes report.json and report.md and leaves no temporary file', () => {
    writeReport(join(dir, 'out'), report(new Date(0)));
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['report.html', 'report.json', 'report.md']);
    const json = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as ReportJson;
    expect(json.run).toMatchObject({ seed: 5, runs: 100, theorems: ['F1', 'F2', 'I1'], profile: { name: 'quick' } });
    expect(json.summary).toEqual({
      status: 'falsified',
      counts: { verified: 2, checked: 0, falsified: 1, 'check-too-weak': 0, undecided: 0, error: 0 },
    });
    const f2 = json.theorems[1]!;
    expect(f2.statement).toEqual({ text: 'statement of F2', latex: '\\text{F2}' });
    expect(f2.properties[0]).toMatchObject({
      mode: 'exact',
      precision: 'exact rationals (no rounding)',
      status: 'falsified',
    });
    expect(f2.properties[0]!.counterexample.instance).toEqual({ n: 500 });
    expect(typeof f2.properties[0]!.counterexample.path).toBe('string');
    expect(json.theorems[2]!.identities[0]!.certificate.status).toBe('certified');
  });

  it('two runs with the same seed give the same report apart from the timestamp', () => {
    writeReport(join(dir, 'a'), report(new Date(0)));
    writeReport(join(dir, 'b'), report(new Date(86_400_000)));
    const a = readFileSync(join(dir, 'a', 'report.json'), 'utf8');
    const b = readFileSync(join(dir, 'b', 'report.json'), 'utf8');
    expect(a).not.toBe(b); // the timestamps differ ...
    const strip = (text: string) => text.replace(/"generatedAt": "[^"]*"/, '').replace(/- Generated: .*/, '');
    expect(strip(a)).toBe(strip(b)); // ... and nothing else
    expect(strip(readFileSync(join(dir, 'a', 'report.md'), 'utf8'))).toBe(
      strip(readFileSync(join(dir, 'b', 'report.md'), 'utf8')),
    );
  });

  it('report.md cites the paper and shows counterexamples with their replay command', () => {
    const text = renderMarkdown(report(new Date(0)));
    expect(text).toContain('@misc{tan2025theoretical,');
    expect(text).toContain('title={A Theoretical Lens for RL-Tuned Language Models via Energy-Based Models}');
    expect(text).toContain('author={Tan, Z. and Hong, Y.}');
    expect(text).toContain('eprint={2512.18730}');
    expect(text).toContain('@software{ebm_lens,');
    expect(text).toMatch(/Replay: `ebm-lens replay F2 --property below-five-hundred --seed -?\d+ --path \d+(:\d+)*`/);
    expect(text).toContain('## F2: a false bound (falsified)');
  });

  it('renders ablations when they were run', () => {
    const result = runCatalogue([assumptionTheorem], {
      seed: 1,
      profile: PROFILES.quick,
      runs: 30,
      certify: fakeCertify,
      ablation: true,
    });
    const text = renderMarkdown(buildReport(result, collectEnvironment(), new Date(0)));
    expect(text).toContain('- **bogus** (needed): contradicted');
  });

  it('records the environment: Node, installed dependency versions, git commit', () => {
    const env = collectEnvironment();
    expect(env.node).toBe(process.version);
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as PackageManifest;
    expect(env.package).toEqual({ name: 'ebm-lens', version: manifest.version });
    expect(Object.keys(env.dependencies)).toEqual(Object.keys(manifest.dependencies).sort());
    for (const name of Object.keys(manifest.dependencies)) {
      expect(env.dependencies[name]).toBe(
        (JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')) as PackageManifest).version,
      );
    }
    let head: string | null;
    try {
      head = execFileSync('git', ['rev-parse', 'HEAD'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      head = null;
    }
    expect(env.gitCommit).toBe(head);
  });
});

describe('writeFilesAtomically', () => {
  it('replaces existing files whole', () => {
    writeFileSync(join(dir, 'report.md'), 'old');
    writeFilesAtomically(dir, [{ name: 'report.md', content: 'new' }]);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('fails without writing anything when the directory cannot be created', () => {
    writeFileSync(join(dir, 'file'), 'x');
    expect(() => writeFilesAtomically(join(dir, 'file', 'sub'), [{ name: 'report.json', content: '{}' }])).toThrow();
    expect(readdirSync(dir)).toEqual(['file']);
  });

  it('refuses a file name that is not a plain name, before writing anything', () => {
    expect(() =>
      writeFilesAtomically(dir, [
        { name: 'report.json', content: '{}' },
        { name: '../escape.md', content: '' },
      ]),
    ).toThrow(RangeError);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('toJsonText', () => {
  it('spells bigints and non-finite numbers instead of losing them', () => {
    expect(toJsonText({ a: 10n ** 30n, b: Infinity, c: Number.NaN, d: 1.5 }, 0)).toBe(
      '{"a":"1000000000000000000000000000000","b":"Infinity","c":"NaN","d":1.5}',
    );
  });
});
