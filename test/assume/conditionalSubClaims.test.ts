/**
 * Under a user's assumptions a theorem is falsified only when a claim of it,
 * as stated, fails (issue 13, item 9). A conditional sub-claim whose
 * hypothesis a replaced slot removes is checked as the implication it is, or
 * reported as "its hypothesis no longer holds".
 *
 * Known answers by hand: on integers, "if n is even then n^2 is even" holds
 * for every n (vacuously for odd n); "if n is even then n < 10" fails at 10;
 * with only odd n drawn, the hypothesis never holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assumeTheorems } from '../../src/assume/assume.js';
import { fail, pass, type PropertySpec, type SlotOverrides, type Theorem } from '../../src/runner/theorem.js';
import { main } from '../../src/cli/main.js';
import { catalogue } from '../../theorems/index.js';
import { verifiedTheorem } from '../runner/fixtures.js';

const even = (n: number): boolean => n % 2 === 0;
const squareEven: PropertySpec<number> = {
  name: 'square-even',
  claim: 'n^2 is even',
  mode: 'exact',
  arbitrary: fc.integer({ min: 0, max: 50 }).map((k) => 2 * k),
  predicate: (n) => (even(n * n) ? pass(0) : fail(`${n}^2 is odd`)),
};
const belowTen: PropertySpec<number> = {
  name: 'below-ten',
  claim: 'n < 10',
  mode: 'exact',
  arbitrary: fc.integer({ min: 0, max: 4 }).map((k) => 2 * k),
  predicate: (n) => (n < 10 ? pass(10 - n) : fail(`${n} >= 10`)),
};
const hypothesis = { text: 'n is even', slots: ['n'], holds: even };

/** A theorem whose two sub-claims are conditional on "n even", with n replaced by `values`. */
function conditionalTheorem(values: fc.Arbitrary<number>): Theorem {
  return {
    ...verifiedTheorem,
    id: 'C1',
    slots: ['n'],
    instantiate: (overrides: SlotOverrides) =>
      overrides.n === undefined
        ? { properties: [], skipped: [], degrees: [] }
        : {
            properties: [squareEven, belowTen].map((spec) => ({ spec, arbitrary: values, slots: ['n'], hypothesis })),
            skipped: [],
            degrees: [],
          },
  };
}
const overrides: SlotOverrides = { n: { kind: 'variant', label: 'n replaced', variant: 'any' } };

describe('conditional sub-claims under replaced slots', () => {
  it('checked as implications: vacuous where the hypothesis fails, falsified only by an instance meeting it', () => {
    const [report] = assumeTheorems([conditionalTheorem(fc.integer({ min: 0, max: 30 }))], overrides, {
      seed: 7,
      runs: 60,
      degreeSamples: 5,
    });
    const byName = Object.fromEntries(report!.properties.map((p) => [p.name, p]));
    expect(byName['square-even']!.status).toBe('checked'); // fewer than 100 runs met the hypothesis
    expect(byName['square-even']!.hypothesis!.met).toBeGreaterThan(0);
    expect(byName['square-even']!.hypothesis!.met).toBeLessThan(byName['square-even']!.hypothesis!.runs);
    expect(byName['below-ten']!.status).toBe('falsified');
    expect(report!.status).toBe('falsified');
    // the counterexample meets the hypothesis: an even n >= 10 (never an odd one, which is a vacuous pass)
    expect(report!.counterexample!.property).toBe('below-ten');
    const n = Number(report!.counterexample!.instance);
    expect(even(n) && n >= 10).toBe(true);
  });

  it('"its hypothesis no longer holds" when no instance meets it: not a verdict on the theorem', () => {
    const odd = fc.integer({ min: 0, max: 30 }).map((k) => 2 * k + 1);
    const [report] = assumeTheorems([conditionalTheorem(odd)], overrides, { seed: 7, runs: 40, degreeSamples: 5 });
    expect(report!.properties.map((p) => p.hypothesis)).toEqual([
      { text: 'n is even', met: 0, runs: 40 },
      { text: 'n is even', met: 0, runs: 40 },
    ]);
    expect(report!.status).toBe('holds');
  });
});

describe('the catalogue: T7 with {"start": "any"}', () => {
  it('is not FALSIFIED: the decomposition and the bound hold for every pi, the equality is checked where pi is a tilt', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ebm-lens-t7-')), 'any.json');
    writeFileSync(file, '{"start": "any"}');
    let stdout = '';
    const code = await main(
      ['assume', file, 'T7', '--runs', '30'],
      { stdout: (t) => void (stdout += t), stderr: () => undefined, interactive: false },
      catalogue,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^T7 {2}holds: 3 properties using start, no counterexample in 30 runs each$/m);
    expect(stdout).toMatch(
      /tilt-equality: (checked as the implication it is, if pi is a tilt of q at every prompt \(met in \d+ of 30 runs\)|its hypothesis no longer holds)/,
    );
    expect(stdout).not.toContain('FALSIFIED');
  });
});
