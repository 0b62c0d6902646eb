import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { combineSlices, explore, type Exploration } from '../../src/runner/property.js';
import {
  isPlainData,
  replyTo,
  runCatalogueParallel,
  runQueue,
  sliceCount,
  slices,
  type Task,
  type TaskExecutor,
} from '../../src/runner/parallel.js';
import { runCatalogue, type RunOptions } from '../../src/runner/run.js';
import { PROFILES } from '../../src/runner/profiles.js';
import { fail, pass, undecided, type PropertySpec, type Theorem } from '../../src/runner/theorem.js';
import { certifyIdentity } from '../../src/symbolic/certify.js';
import { toJsonText } from '../../src/report/json.js';
import {
  belowFiveHundred,
  belowFiveHundredUndecidedLow,
  falsifiedTheorem,
  fixtureCatalogue,
  tenthsConfirmed,
  verifiedTheorem,
} from './fixtures.js';

/** Fails rarely (late in the runs), with several undecided reasons and margins on the way. */
const rareFailure: PropertySpec<number> = {
  name: 'rare-failure',
  claim: 'n is not 99_999 mod 100_000 ... (rarely false)',
  mode: 'exact',
  arbitrary: fc.integer({ min: 0, max: 1_000_000 }),
  predicate: (n) => {
    if (n % 997 === 5) return fail(`${n} is 5 mod 997`, { n: String(n) });
    if (n % 13 === 0) return undecided(`reason ${n % 5}`);
    return pass((n % 1000) - 500);
  },
};

function sliced<I>(spec: PropertySpec<I>, seed: number, runs: number, cuts: readonly number[]): Exploration {
  const bounds = [0, ...cuts, runs];
  const parts: { from: number; exploration: Exploration }[] = [];
  for (let k = 0; k + 1 < bounds.length; k += 1) {
    const exploration = explore(spec, spec.arbitrary, {
      seed,
      runs: bounds[k + 1]! - bounds[k]!,
      from: bounds[k]!,
      record: true,
    });
    parts.push({ from: bounds[k]!, exploration });
    if (exploration.failure !== undefined) break;
  }
  return combineSlices(seed, runs, parts);
}

describe('slices of a property run', () => {
  it('join into exactly the whole run: tallies, reasons, margin, failure path and shrinking', () => {
    const failedAt: number[] = [];
    for (const seed of [1, 42, -7, 251218730]) {
      const whole = explore(rareFailure, rareFailure.arbitrary, { seed, runs: 1000, record: true });
      if (whole.failure !== undefined) failedAt.push(Number(whole.failure.counterexample.path.split(':')[0]));
      for (const cuts of [[500], [1, 2, 3], [100, 250, 999], [333, 666], [50, 100, 150, 200, 250, 300, 350, 400]]) {
        expect(sliced(rareFailure, seed, 1000, cuts)).toEqual(whole);
      }
    }
    // every seed fails inside the runs (around run 50), so later slices find the failures
    expect(failedAt.length).toBe(4);
    expect(failedAt.every((run) => run > 3)).toBe(true);
  });

  it('also for passing, undecided and float properties', () => {
    for (const spec of [belowFiveHundred, belowFiveHundredUndecidedLow, tenthsConfirmed] as PropertySpec<unknown>[]) {
      const whole = explore(spec, spec.arbitrary, { seed: 9, runs: 300, record: true });
      expect(sliced(spec, 9, 300, [100, 200])).toEqual(whole);
    }
  });

  it('refuses slices that are not consecutive', () => {
    const a = explore(rareFailure, rareFailure.arbitrary, { seed: 3, runs: 10, from: 0 });
    expect(() =>
      combineSlices(3, 30, [
        { from: 0, exploration: a },
        { from: 20, exploration: a },
      ]),
    ).toThrow(RangeError);
    expect(() => combineSlices(3, 30, [{ from: 0, exploration: a }])).toThrow(RangeError);
  });

  it('cuts runs into slices by run index only', () => {
    expect(sliceCount(200, 1)).toBe(1);
    expect(sliceCount(5000, 2)).toBe(8);
    expect(sliceCount(60, 2)).toBe(1);
    const cut = slices(1001, 4);
    expect(cut.map((s) => s.from)).toEqual([0, 250, 500, 750]);
    expect(cut.reduce((n, s) => n + s.runs, 0)).toBe(1001);
  });
});

describe('isPlainData', () => {
  it('accepts what cloning keeps and refuses the rest', () => {
    expect(isPlainData({ a: [1, 'x', null, 2n, { b: true }], c: Number.POSITIVE_INFINITY })).toBe(true);
    expect(isPlainData({ f: () => 1 })).toBe(false);
    expect(isPlainData(new Map())).toBe(false);
    expect(isPlainData({ d: new Date(0) })).toBe(false);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(isPlainData(cycle)).toBe(false);
  });
});

/** An executor in this thread that clones every task and reply, answering in an order unrelated to the queue. */
function clonedExecutor(theorems: readonly Theorem[], workers: number): TaskExecutor & { count: number } {
  let count = 0;
  let tick = 0;
  return {
    workers,
    get count() {
      return count;
    },
    async run(task: Task) {
      count += 1;
      tick += 1;
      // later tasks sometimes answer first
      if (tick % 3 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      return structuredClone(replyTo(theorems, structuredClone(task), certifyIdentity));
    },
  };
}

describe('runCatalogueParallel', () => {
  const theorems = fixtureCatalogue;
  const withRare: Theorem = { ...verifiedTheorem, id: 'R1', properties: [rareFailure, ...verifiedTheorem.properties] };

  for (const record of [false, true]) {
    it(`gives runCatalogue's result for any number of workers${record ? ' (with certificate records)' : ''}`, async () => {
      const options: RunOptions = {
        seed: 5,
        profile: PROFILES.quick,
        runs: 400,
        certify: certifyIdentity,
        record,
        ablation: true,
      };
      const all = [...theorems, withRare];
      const expected = toJsonText(runCatalogue(all, options));
      for (const workers of [2, 3, 5]) {
        const executor = clonedExecutor(all, workers);
        const result = await runCatalogueParallel(all, options, executor, { identities: true });
        expect(toJsonText(result)).toBe(expected);
        expect(executor.count).toBeGreaterThan(all.length);
      }
    });
  }

  it('reports progress by finished steps, ending at the total', async () => {
    const events: { done: number; total: number }[] = [];
    const options: RunOptions = {
      seed: 5,
      profile: PROFILES.quick,
      runs: 200,
      certify: certifyIdentity,
      onProgress: (e) => events.push({ done: e.done, total: e.total }),
    };
    await runCatalogueParallel(
      [verifiedTheorem, falsifiedTheorem],
      options,
      clonedExecutor([verifiedTheorem, falsifiedTheorem], 2),
      { identities: true },
    );
    const total = events[0]!.total;
    expect(events.every((e) => e.total === total && e.done <= total)).toBe(true);
    expect(events.at(-1)!.done).toBe(total);
  });

  it('runs a step here when a worker cannot answer for it, with the same result', async () => {
    const options: RunOptions = { seed: 5, profile: PROFILES.quick, runs: 200, certify: certifyIdentity };
    const refusing: TaskExecutor = { workers: 2, run: () => Promise.resolve({ rerun: 'worker lost' }) };
    const result = await runCatalogueParallel(theorems, options, refusing, { identities: true });
    expect(toJsonText(result)).toBe(toJsonText(runCatalogue(theorems, options)));
  });
});

describe('runQueue', () => {
  it('answers in the order of the items', async () => {
    const replies = await runQueue([5, 1, 3, 0, 2], 2, async (n) => {
      await new Promise((resolve) => setTimeout(resolve, n));
      return n * 10;
    });
    expect(replies).toEqual([50, 10, 30, 0, 20]);
  });
});
