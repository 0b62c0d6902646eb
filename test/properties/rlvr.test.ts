/**
 * RLVR instances: prompt weights and reference laws are exact distributions,
 * correct sets take every size, initial policies are (or are not) tilts of q.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rational } from '../../src/arith/rational.js';
import { initialPolicy, promptSet, type InitialPolicy, type PromptSet } from '../../properties/index.js';
import { eq, int, oracleDistribution, oracleTilt, q, sumQ, total } from './oracle.js';

const RUNS = { numRuns: 150 };

describe('prompt sets', () => {
  it('D normalized, q(.|x) positive distributions, p0 = q(C_x|x), n responses each', () => {
    fc.assert(
      fc.property(
        promptSet(),
        (set) =>
          oracleDistribution(
            set.prompts.map((p) => p.weight),
            true,
          ) &&
          set.prompts.length >= 1 &&
          set.prompts.length <= 4 &&
          set.prompts.every(
            (p) =>
              p.reference.length === set.responses &&
              p.correct.length === set.responses &&
              oracleDistribution(p.reference, true) &&
              eq(q(p.p0), sumQ(p.reference.filter((_, y) => p.correct[y]))),
          ),
      ),
      RUNS,
    );
  });

  it('correct sets of every size 0..n occur, so p0 = 0 and p0 = 1 occur', () => {
    for (let n = 2; n <= 6; n++) {
      const sizes = new Set(
        fc
          .sample(promptSet({ n }), { numRuns: 120, seed: n })
          .flatMap((s) => s.prompts.map((p) => p.correct.filter(Boolean).length)),
      );
      expect([...sizes].sort((a, b) => a - b)).toEqual(Array.from({ length: n + 1 }, (_, k) => k));
    }
    const p0s = fc.sample(promptSet(), { numRuns: 200, seed: 1 }).flatMap((s) => s.prompts.map((p) => p.p0));
    expect(p0s.some((p) => eq(q(p), int(0)))).toBe(true);
    expect(p0s.some((p) => eq(q(p), int(1)))).toBe(true);
  });

  it('degenerate: false keeps 0 < |C_x| < n', () => {
    fc.assert(
      fc.property(promptSet({ degenerate: false }), (set) =>
        set.prompts.every((p) => p.correct.some(Boolean) && !p.correct.every(Boolean)),
      ),
      RUNS,
    );
  });

  it('shrinks to one prompt, two responses, uniform q and C_x = {0}', () => {
    const out = fc.check(
      fc.property<[PromptSet]>(promptSet(), () => false),
      { seed: 3 },
    );
    const set = out.counterexample![0];
    expect(set.responses).toBe(2);
    expect(set.prompts.length).toBe(1);
    expect(set.prompts[0]!.correct).toEqual([true, false]);
    expect(set.prompts[0]!.reference.map((v) => v.valueOf())).toEqual([0.5, 0.5]);
  });

  it('attached initial policies are positive distributions of the asked kind', () => {
    fc.assert(
      fc.property(promptSet({ initial: 'tilt' }), (set) =>
        set.prompts.every(
          (p) =>
            p.initial?.kind === 'tilt' &&
            oracleDistribution(p.initial.pi0, true) &&
            oracleTilt(p.initial.pi0, p.reference, p.correct),
        ),
      ),
      RUNS,
    );
  });
});

describe('initial policies', () => {
  const prompt = { reference: [1n, 2n, 3n, 4n].map((k) => new Rational(k, 10n)), correct: [true, false, true, false] };

  it('reference is q itself', () => {
    fc.assert(
      fc.property(initialPolicy(prompt, { kind: 'reference' }), (p) =>
        p.pi0.every((v, y) => eq(q(v), q(prompt.reference[y]!))),
      ),
      { numRuns: 5 },
    );
  });

  it('tilt keeps the proportions of q inside C and inside W, and shrinks to q', () => {
    fc.assert(
      fc.property(initialPolicy(prompt, { kind: 'tilt' }), (p) => {
        if (p.kind !== 'tilt') return false;
        // pi0(y) proportional to q(y) a^[y in C] b^[y in W]: check against the recorded factors.
        const unnormalized = prompt.reference.map((v, y) =>
          q(v.mul(prompt.correct[y] ? p.correctFactor : p.wrongFactor)),
        );
        const z = total(unnormalized);
        return (
          oracleDistribution(p.pi0, true) &&
          oracleTilt(p.pi0, prompt.reference, prompt.correct) &&
          p.pi0.every((v, y) => eq([q(v)[0] * z[0], q(v)[1] * z[1]], unnormalized[y]!))
        );
      }),
      RUNS,
    );
    const out = fc.check(
      fc.property<[InitialPolicy]>(initialPolicy(prompt, { kind: 'tilt' }), () => false),
      { seed: 1 },
    );
    expect(out.counterexample![0].pi0.map((v) => v.valueOf())).toEqual([0.1, 0.2, 0.3, 0.4]);
  });

  it('nonTilt is never a tilt', () => {
    fc.assert(
      fc.property(
        initialPolicy(prompt, { kind: 'nonTilt' }),
        (p) => oracleDistribution(p.pi0, true) && !oracleTilt(p.pi0, prompt.reference, prompt.correct),
      ),
      RUNS,
    );
    const lonely = { reference: prompt.reference.slice(0, 2).map((v) => v.mul(10).div(3)), correct: [true, true] };
    fc.assert(
      fc.property(
        initialPolicy(lonely, { kind: 'nonTilt' }),
        (p) => !oracleTilt(p.pi0, lonely.reference, lonely.correct),
      ),
      { numRuns: 50 },
    );
  });

  it('any gives positive distributions, some of them not tilts', () => {
    const samples = fc.sample(initialPolicy(prompt, { kind: 'any' }), { numRuns: 100, seed: 4 });
    expect(samples.every((p) => oracleDistribution(p.pi0, true))).toBe(true);
    expect(samples.some((p) => !oracleTilt(p.pi0, prompt.reference, prompt.correct))).toBe(true);
  });
});
