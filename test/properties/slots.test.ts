/**
 * Instance slots: all parts share n, variants keep their contracts, shrinking
 * reaches n = 3 for a claim failing from n = 3 on, bad variants are refused.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  defaultSlotVariants,
  instanceFromSlots,
  instanceSlots,
  instanceToJson,
  parseSlotVariant,
  slotVariantLabel,
  type SlotName,
} from '../../properties/index.js';
import {
  eq,
  int,
  lt,
  mul,
  oracleDetailedBalance,
  oracleDistribution,
  oracleStochastic,
  oracleSymmetric,
  oracleTilt,
  oracleTriangle,
  q,
  sign,
} from './oracle.js';

const RUNS = { numRuns: 100 };

describe('instanceFromSlots', () => {
  it('every part of an instance shares n', () => {
    const arb = instanceFromSlots({
      reference: 'default',
      potential: 'default',
      interaction: 'default',
      reward: 'default',
      chainStart: 'default',
      target: 'default',
      prompts: 'default',
      start: 'default',
      times: 'default',
      beta: 'default',
      expOneOverBeta: 'default',
    });
    fc.assert(
      fc.property(arb, (inst) => {
        const n = inst.n;
        const pot = inst.potential.form === 'weights' ? inst.potential.weights : inst.potential.values;
        const inter = inst.interaction.form === 'weights' ? inst.interaction.weights : inst.interaction.values;
        const offset =
          inst.reward.kind === 'pairwise'
            ? inst.reward.offset.form === 'weights'
              ? inst.reward.offset.weights
              : inst.reward.offset.values
            : [];
        return (
          n >= 2 &&
          n <= 6 &&
          inst.reference.q.length === n &&
          inst.reference.q.every((row) => row.length === n) &&
          pot.length === n &&
          inter.length === n &&
          (offset.length === 0 || offset.length === n) &&
          (inst.chainStart.kind === 'stationary' || inst.chainStart.nu.length === n) &&
          inst.target.states.every((x) => x < n) &&
          inst.prompts.responses === n &&
          inst.start.length === inst.prompts.prompts.length &&
          inst.start.every((p) => p.pi0.length === n)
        );
      }),
      RUNS,
    );
  });

  it('only the selected slots (and n) are present', () => {
    const [inst] = fc.sample(instanceFromSlots({ reference: 'symmetric', beta: 'default' }), { numRuns: 1, seed: 1 });
    expect(Object.keys(inst!).sort()).toEqual(['beta', 'n', 'reference']);
  });

  it('the default variants keep the assumptions of T2: reversible q, symmetric v, weight form', () => {
    const arb = instanceFromSlots({
      reference: 'default',
      potential: 'default',
      interaction: 'default',
      reward: 'default',
    });
    fc.assert(
      fc.property(
        arb,
        ({ reference, potential, interaction, reward }) =>
          reference.variant === 'reversible' &&
          oracleStochastic(reference.q, true) &&
          oracleDetailedBalance(reference.reversible!.rho, reference.q) &&
          potential.form === 'weights' &&
          interaction.kind === 'symmetric' &&
          interaction.form === 'weights' &&
          oracleSymmetric(interaction.weights) &&
          reward.kind === 'pairwise',
      ),
      RUNS,
    );
  });

  it('reference variants keep their contracts', () => {
    for (const variant of ['symmetric', 'reversibleSparse', 'uniform'] as const) {
      fc.assert(
        fc.property(
          instanceFromSlots({ reference: variant }),
          ({ reference }) =>
            oracleStochastic(reference.q) && oracleDetailedBalance(reference.reversible!.rho, reference.q),
        ),
        { numRuns: 50 },
      );
    }
    fc.assert(
      fc.property(instanceFromSlots({ reference: 'uniform' }), ({ n, reference }) =>
        reference.q.every((row) => row.every((v) => eq(mul(q(v), int(n)), int(1)))),
      ),
      { numRuns: 20 },
    );
    fc.assert(
      fc.property(instanceFromSlots({ reference: 'any' }), ({ reference }) => oracleStochastic(reference.q, true)),
      { numRuns: 50 },
    );
    fc.assert(
      fc.property(instanceFromSlots({ reference: 'nonReversible' }), ({ n, reference }) => {
        const { forward, backward } = oracleTriangle(reference.q, reference.circulation!.witness.cycle);
        return n >= 3 && !eq(forward, backward) && oracleStochastic(reference.q, true);
      }),
      { numRuns: 50 },
    );
    fc.assert(
      fc.property(instanceFromSlots({ reference: { nearReversible: '1/10' } }), ({ reference }) => {
        const { forward, backward } = oracleTriangle(reference.q, reference.circulation!.witness.cycle);
        return (
          reference.variant === 'nearReversible(1/10)' &&
          lt(backward, forward) &&
          eq(q(reference.circulation!.eps), [1n, 10n])
        );
      }),
      { numRuns: 50 },
    );
  });

  it('value form: potential, interaction and reward all carry values', () => {
    fc.assert(
      fc.property(
        instanceFromSlots({ potential: 'values', interaction: 'antisymmetric', reward: 'any' }),
        ({ potential, interaction, reward }) =>
          potential.form === 'values' &&
          interaction.form === 'values' &&
          reward.kind === 'any' &&
          reward.reward.form === 'values' &&
          interaction.values.every((row, x) => row.every((v, y) => sign(q(v.add(interaction.values[y]![x]!))) === 0)),
      ),
      { numRuns: 50 },
    );
  });

  it('level-set targets are A_u of the potential, nonempty and proper', () => {
    fc.assert(
      fc.property(instanceFromSlots({ potential: 'default', target: 'levelSet' }), ({ n, potential, target }) => {
        if (potential.form !== 'weights') return false;
        const ok = target.states.length >= 1 && target.states.length < n;
        if (target.threshold === undefined)
          return ok && potential.weights.every((w) => w.equals(potential.weights[0]!));
        const expected = potential.weights.flatMap((w, x) => (lt(q(w), q(target.threshold!)) ? [] : [x]));
        return ok && JSON.stringify(expected) === JSON.stringify(target.states);
      }),
      RUNS,
    );
  });

  it('start variants: tilt keeps proportions, nonTilt breaks them (n raised to 3)', () => {
    fc.assert(
      fc.property(instanceFromSlots({ prompts: 'default', start: 'tilt' }), ({ prompts, start }) =>
        start.every(
          (pi, i) =>
            oracleDistribution(pi.pi0, true) &&
            oracleTilt(pi.pi0, prompts.prompts[i]!.reference, prompts.prompts[i]!.correct),
        ),
      ),
      RUNS,
    );
    fc.assert(
      fc.property(
        instanceFromSlots({ prompts: 'default', start: 'nonTilt' }),
        ({ n, prompts, start }) =>
          n >= 3 &&
          start.every((pi, i) => !oracleTilt(pi.pi0, prompts.prompts[i]!.reference, prompts.prompts[i]!.correct)),
      ),
      RUNS,
    );
  });

  it('shrinks toward small n: a property failing for n >= 3 reports n = 3', () => {
    const arb = instanceFromSlots({
      reference: 'default',
      potential: 'default',
      interaction: 'default',
      reward: 'default',
      chainStart: 'default',
      target: 'default',
    });
    for (const seed of [1, 2, 3]) {
      const out = fc.check(
        fc.property(arb, (inst) => inst.n < 3),
        { seed },
      );
      expect(out.failed).toBe(true);
      expect(out.counterexample![0].n).toBe(3);
    }
  });

  it('a shrunk instance is simple: uniform-like weights, point start at 0', () => {
    const arb = instanceFromSlots({ potential: 'default', chainStart: 'default', beta: 'default' });
    const out = fc.check(
      fc.property(arb, () => false),
      { seed: 4 },
    );
    expect(instanceToJson(out.counterexample![0])).toEqual({
      n: 2,
      potential: { form: 'weights', weights: ['1', '1'] },
      beta: '1',
      chainStart: { kind: 'point', state: 0, nu: ['1', '0'] },
    });
  });

  it('rejects unknown slots, unknown variants and impossible n', () => {
    expect(() => instanceFromSlots({ reference: 'bogus' as never })).toThrow(
      /instanceFromSlots: reference must be one of/,
    );
    expect(() => instanceFromSlots({ colour: 'red' } as never)).toThrow(/instanceFromSlots: colour is not a slot/);
    expect(() => instanceFromSlots({ n: 2, reference: 'nonReversible' })).toThrow(
      /instanceFromSlots: n must be at least 3/,
    );
    expect(() => instanceFromSlots({ n: { min: 2, max: 2 }, start: 'nonTilt', prompts: {} })).toThrow(
      /instanceFromSlots: n.max must be at least 3/,
    );
    expect(() => instanceFromSlots({ start: 'tilt' })).toThrow(/instanceFromSlots: start needs the prompts slot/);
    expect(() => instanceFromSlots({ target: 'levelSet' })).toThrow(
      /instanceFromSlots: target needs the potential slot/,
    );
    expect(() => instanceFromSlots({ beta: { min: 0 } })).toThrow(/beta: min must be > 0/);
    expect(() => instanceFromSlots({ reference: { nearReversible: 2 } })).toThrow(
      /reference.nearReversible must lie in \[0, 1\]/,
    );
    expect(() => instanceFromSlots({ prompts: { n: 3 } as never })).toThrow(/prompts.n is set by another slot/);
  });
});

describe('slot catalogue and parsing', () => {
  it('every slot has a default that validates', () => {
    for (const name of Object.keys(instanceSlots) as SlotName[]) {
      expect(instanceSlots[name].defaultVariant).toEqual(defaultSlotVariants[name]);
      expect(() => (instanceSlots[name].validate as (v: unknown) => void)(defaultSlotVariants[name])).not.toThrow();
    }
  });

  it('parses variants as a command line gives them', () => {
    expect(parseSlotVariant('reference', 'symmetric')).toBe('symmetric');
    expect(parseSlotVariant('reference', 'nearReversible(1/100)')).toEqual({ nearReversible: '1/100' });
    expect(parseSlotVariant('n', '4')).toBe(4);
    expect(parseSlotVariant('n', '3..5')).toEqual({ min: 3, max: 5 });
    expect(parseSlotVariant('beta', '1/10..10')).toEqual({ min: '1/10', max: '10' });
    expect(parseSlotVariant('prompts', '2..3')).toEqual({ minPrompts: 2, maxPrompts: 3 });
    expect(parseSlotVariant('interaction', 'antisymmetric')).toBe('antisymmetric');
    expect(() => parseSlotVariant('interaction', 'skew')).toThrow(
      /parseSlotVariant: interaction "skew" is not a valid variant/,
    );
    expect(() => parseSlotVariant('beta', '0..1')).toThrow(/beta: min must be > 0/);
    expect(() => parseSlotVariant('n', 'many')).toThrow(/parseSlotVariant: n expects a range/);
    expect(slotVariantLabel('reference', { nearReversible: '0.01' })).toBe('nearReversible(1/100)');
    expect(slotVariantLabel('n', { min: 3, max: 5 })).toBe('3..5');
  });
});
