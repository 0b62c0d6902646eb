import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CommandIO } from '../../src/cli/io.js';
import { parseRational } from '../../src/arith/rational.js';
import type { Theorem } from '../../src/runner/theorem.js';
import { catalogue } from '../../theorems/index.js';
import { assumptionTheorem, verifiedTheorem } from '../runner/fixtures.js';

async function run(argv: string[], theorems: readonly Theorem[]) {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), interactive: false };
  const code = await main(argv, io, theorems);
  return { code, stdout, stderr };
}

const fixtures = [verifiedTheorem, assumptionTheorem];

/** The fields of `ablate --json` that these tests read. */
interface AblateReport {
  ablations: {
    assumption: string;
    necessary: boolean;
    needed: boolean;
    counterexample?: { claim: string; instance: unknown; values: unknown; replay: string };
    degree?: { levels: { label: string; largest: { lo: string; hi: string } }[] };
  }[];
}

describe('ablate on fixtures', () => {
  it('--json: a needed assumption broken, a not-needed one kept, a needed one not broken (exit 1)', async () => {
    const { code, stdout, stderr } = await run(['ablate', 'F7', '--json', '--runs', '50'], fixtures);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as AblateReport;
    expect(
      json.ablations.map((a: { assumption: string; necessary: boolean; needed: boolean }) => [
        a.assumption,
        a.necessary,
        a.needed,
      ]),
    ).toEqual([
      ['non-negative', true, true],
      ['small', false, false],
      ['bogus', false, true],
    ]);
    const [n, small] = json.ablations;
    expect(n).toMatchObject({ theorem: 'F7', runs: 50, counterexample: { property: 'sqrt-square' } });
    // sqrt(n^2) = n fails for every negative n; fast-check shrinks toward the largest negative, -1
    expect(n!.counterexample!.instance).toBe('-1');
    expect(n!.counterexample!.replay).toMatch(
      /^ebm-lens replay F7 --property sqrt-square --assumption non-negative --seed -?\d+ --path [\d:]+$/,
    );
    expect(small!.counterexample).toBeUndefined();
  });

  it('text names what could not be broken', async () => {
    const { code, stdout } = await run(['ablate', 'all', '--runs', '30'], fixtures);
    expect(code).toBe(1);
    expect(stdout).toContain('F7 non-negative  necessary: sqrt-square fails');
    expect(stdout).toContain('F7 bogus  no counterexample in 30 runs -- NOT BROKEN, though the catalogue says needed');
    expect(stdout).toContain('1 of 2 needed assumptions broken; 0 of 1 not-needed ones broken');
    expect(stdout).toContain('could not break: F7 small (not needed), F7 bogus (needed!)');
  });

  it('bad usage: one line, exit 2', async () => {
    for (const argv of [
      ['ablate', 'T99'],
      ['ablate', 'F7', '--runs', '0'],
      ['ablate', 'F7', '--seed', 'x'],
      ['ablate'],
    ]) {
      const { code, stdout, stderr } = await run(argv, fixtures);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});

describe('ablate T2 (the real theorem)', () => {
  it('breaks reward-potential and reversible-reference with exact counterexamples, keeps full-support, and measures detailed balance failing more as eps grows', async () => {
    const { code, stdout } = await run(['ablate', 'T2', '--json', '--runs', '40'], catalogue);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as AblateReport;
    const byId = Object.fromEntries(json.ablations.map((a) => [a.assumption, a]));
    expect([
      byId['reward-potential']!.necessary,
      byId['reversible-reference']!.necessary,
      byId['full-support']!.necessary,
    ]).toEqual([true, true, false]);
    for (const id of ['reward-potential', 'reversible-reference']) {
      const c = byId[id]!.counterexample!;
      expect(typeof c.claim).toBe('string');
      expect((c.instance as { n: number }).n).toBeGreaterThanOrEqual(3);
      const exact = Object.values(c.values as Record<string, { exact?: string }>).filter(
        (v) => typeof v === 'object' && v.exact !== undefined,
      );
      expect(exact.length).toBeGreaterThanOrEqual(2); // both sides, exact rationals
    }
    const levels = byId['reversible-reference']!.degree!.levels;
    expect(levels.map((l) => l.label)).toEqual(['eps = 1/1000', 'eps = 1/100', 'eps = 1/10', 'eps = 1/2', 'eps = 1']);
    // a hundredfold larger circulation: a decidedly larger defect
    expect(parseRational(levels[2]!.largest.lo).gt(parseRational(levels[0]!.largest.hi))).toBe(true);
  });
});
