import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { replay, runMutant, runProperty, evaluate } from '../../src/runner/property.js';
import { deriveSeed, DEFAULT_SEED } from '../../src/runner/seed.js';
import { fail, pass, type PropertySpec, type Verdict } from '../../src/runner/theorem.js';
import { parseRational } from '../../src/arith/rational.js';
import {
  alwaysUndecided,
  belowFiveHundred,
  belowFiveHundredUndecidedLow,
  belowThousand,
  binomialSquare,
  crashes,
  floatCommutes,
  missingCrossTerm,
  notAMutant,
  tenthsConfirmed,
  tenthsOffByOne,
  tenthsUnconfirmed,
  throwsUndecided,
} from './fixtures.js';

const options = { seed: 12345, runs: 200 };

describe('runProperty', () => {
  it('a true exact property is verified, every run a pass', () => {
    const result = runProperty(binomialSquare, options);
    expect(result.status).toBe('verified');
    expect(result).toMatchObject({
      runs: 200,
      passes: 200,
      undecided: 0,
      requestedRuns: 200,
      seed: 12345,
      mode: 'exact',
    });
    expect(result.counterexample).toBeUndefined();
  });

  it('records the smallest margin seen (1000 - 7 over n in {3, 5, 7})', () => {
    expect(runProperty(belowThousand, options).smallestMargin).toBe(993);
    expect(runProperty(binomialSquare, options).smallestMargin).toBe(0);
    expect(runProperty(alwaysUndecided, options).smallestMargin).toBeNull();
  });

  it('a false property is falsified with a shrunk counterexample: n < 500 on [0, 1000] fails first at 500', () => {
    const result = runProperty(belowFiveHundred, options);
    expect(result.status).toBe('falsified');
    expect(result.counterexample?.instance).toEqual({ n: 500 });
    expect(result.counterexample?.claim).toBe('500 >= 500');
    expect(result.counterexample?.values).toEqual({ n: '500' });
    expect(result.counterexample?.seed).toBe(12345);
    expect(result.counterexample?.path).toMatch(/^\d+(:\d+)*$/);
    expect(result.runs).toBeLessThanOrEqual(200);
    expect(result.passes).toBe(result.runs - 1);
  });

  it('never shrinks toward undecided instances', () => {
    const result = runProperty(belowFiveHundredUndecidedLow, options);
    expect(result.status).toBe('falsified');
    expect(result.counterexample?.instance).toBe('500');
  });

  it('an always-undecided property is undecided and no run counts as a pass', () => {
    const result = runProperty(alwaysUndecided, options);
    expect(result.status).toBe('undecided');
    expect(result.passes).toBe(0);
    expect(result.undecided).toBe(200);
    expect(result.undecidedReasons).toEqual(['enclosures overlap']);
  });

  it('an UndecidedError thrown by a predicate is an undecided run, not a failure', () => {
    const result = runProperty(throwsUndecided, options);
    expect(result.status).toBe('undecided');
    expect(result.undecided).toBeGreaterThan(0);
    expect(result.passes + result.undecided).toBe(200);
    expect(result.counterexample).toBeUndefined();
  });

  it('a passing float-mode property is passed-float64, never verified', () => {
    const result = runProperty(floatCommutes, options);
    expect(result.status).toBe('passed-float64');
    expect(result.precision).toMatch(/float64/);
  });

  it('a float64 fail without a rigorous re-check is not a counterexample', () => {
    const result = runProperty(tenthsUnconfirmed, options);
    expect(result.status).toBe('undecided');
    expect(result.unconfirmed).toBeGreaterThan(0);
    expect(result.counterexample).toBeUndefined();
  });

  it('a float64 fail that the exact re-check passes is a rounding artifact, counted as a pass', () => {
    const result = runProperty(tenthsConfirmed, options);
    expect(result.status).toBe('passed-float64');
    expect(result.artifacts).toBeGreaterThan(0);
    expect(result.passes).toBe(200);
  });

  it('a float64 fail confirmed exactly is a counterexample, with the exact values', () => {
    const result = runProperty(tenthsOffByOne, options);
    expect(result.status).toBe('falsified');
    expect(result.counterexample?.instance).toBe('1');
    expect(result.counterexample?.values?.difference).toMatchObject({ exact: '-1' });
  });

  it('an exception is an error (a bug), shrunk to the smallest crashing instance, never a verdict', () => {
    const result = runProperty(crashes, options);
    expect(result.status).toBe('error');
    expect(result.error).toBe('TypeError: boom');
    expect(result.counterexample?.instance).toBe('6');
  });

  it('a predicate returning something other than a verdict is an error', () => {
    const bad: PropertySpec<number> = {
      name: 'bad',
      claim: 'x',
      mode: 'exact',
      arbitrary: fc.nat(),
      predicate: () => true as unknown as Verdict,
    };
    expect(runProperty(bad, options).status).toBe('error');
  });

  it('is deterministic for a seed and depends on it', () => {
    expect(runProperty(belowFiveHundred, options)).toEqual(runProperty(belowFiveHundred, options));
    const a = runProperty(belowFiveHundred, { seed: 1, runs: 200 });
    const b = runProperty(belowFiveHundred, { seed: 2, runs: 200 });
    expect(a.counterexample?.path === b.counterexample?.path && a.runs === b.runs).toBe(false);
  });
});

describe('runMutant', () => {
  it('a false variant is refuted with a counterexample where a, b != 0 (2ab != 0)', () => {
    const result = runMutant(missingCrossTerm, options);
    expect(result.refuted).toBe(true);
    expect(result.status).toBe('refuted');
    const { a, b } = result.counterexample?.instance as { a: string; b: string };
    expect(parseRational(a).mul(parseRational(b)).equals(0)).toBe(false);
    // shrinking makes the instance small: a = b = 1 would be the floor of the search, nothing smaller fails
    expect(result.counterexample?.values?.lhs).toBeDefined();
  });

  it('a true claim posing as a mutant survives', () => {
    const result = runMutant(notAMutant, options);
    expect(result).toMatchObject({ refuted: false, status: 'survived', runs: 200 });
  });

  it('a mutant that is never decided is undecided, not refuted', () => {
    expect(runMutant(alwaysUndecided, options)).toMatchObject({ refuted: false, status: 'undecided' });
  });
});

describe('replay', () => {
  it('the seed and path of a counterexample reproduce it exactly', () => {
    const result = runProperty(belowFiveHundredUndecidedLow, { seed: 777, runs: 300 });
    const c = result.counterexample!;
    const again = replay(belowFiveHundredUndecidedLow, belowFiveHundredUndecidedLow.arbitrary, c.seed, c.path);
    expect(again.outcome).toBe('fail');
    expect(again.counterexample).toEqual(c);
  });

  it('replays an unshrunk counterexample (a path with one segment)', () => {
    const alwaysFails: PropertySpec<number> = {
      name: 'always-fails',
      claim: 'false',
      mode: 'exact',
      arbitrary: fc.integer({ min: 10, max: 20 }),
      predicate: (n) => fail(`fails at ${n}`),
    };
    const found = runProperty(alwaysFails, options).counterexample!;
    expect(found.instance).toBe('10');
    expect(replay(alwaysFails, alwaysFails.arbitrary, found.seed, found.path).counterexample).toEqual(found);
  });

  it('rejects a path that is not a fast-check path', () => {
    expect(() => replay(belowFiveHundred, belowFiveHundred.arbitrary, 1, 'x:1')).toThrow(RangeError);
  });
});

describe('evaluate', () => {
  it('reads verdicts', () => {
    expect(evaluate(belowFiveHundred, 3)).toEqual({ kind: 'pass', margin: 497 });
    expect(evaluate({ ...belowFiveHundred, predicate: () => pass() }, 3)).toEqual({ kind: 'pass' });
    expect(evaluate(belowFiveHundred, 600)).toMatchObject({ kind: 'fail' });
  });
});

describe('deriveSeed', () => {
  it('is the first 32 bits of SHA-256 over the master seed and names (values from Python hashlib)', () => {
    expect(deriveSeed(DEFAULT_SEED, 'T1', 'property', 'x')).toBe(-493318812);
    expect(deriveSeed(42)).toBe(1934056628);
    expect(deriveSeed(0, 'a', 'b')).toBe(-1337506133);
  });
});
