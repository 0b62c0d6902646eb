/**
 * The theorem kit's slot families and slot laboratory
 * (src/runner/kit/slotFamily.ts, src/runner/kit/slotLaboratory.ts): which
 * families a replaced slot touches, what the replaced draws are, and which
 * properties a laboratory rebuilds or skips.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rational } from '../../../src/arith/rational.js';
import type { PropertySpec, SlotOverrides } from '../../../src/runner/theorem.js';
import {
  drawnFrom,
  familiesArbitrary,
  slotFamily,
  slotLaboratory,
  type Realized,
  type SlotFamily,
} from '../../../src/runner/kit/index.js';
import { instanceFromSlots, type PromptSet } from '../../../properties/index.js';

const chainSlots = {
  n: { min: 2, max: 4 },
  reference: 'reversible',
  potential: 'weights',
  interaction: 'symmetric',
  reward: 'pairwise',
  beta: 'default',
} as const;
const ONE = new Rational(1n);

function sample<T>(arbitrary: fc.Arbitrary<T>, numRuns = 30): T[] {
  return fc.sample(arbitrary, { seed: 7, numRuns });
}

function ready<T>(realized: Realized<T>): fc.Arbitrary<T> {
  if (realized.kind !== 'ready') throw new Error(`expected a ready family, got ${JSON.stringify(realized)}`);
  return realized.arbitrary;
}

describe('SlotFamily.realize', () => {
  it('leaves a family alone when no replaced slot is one it draws', () => {
    const family = slotFamily(chainSlots);
    expect(family.realize({ start: { kind: 'variant', label: 'start any', variant: 'any' } }).kind).toBe('unaffected');
  });

  it('replaces a variant: an antisymmetric interaction has v(x,y) v(y,x) = 1 and v(x,x) = 1 exactly', () => {
    const family = slotFamily(chainSlots);
    const overrides: SlotOverrides = {
      interaction: { kind: 'variant', label: 'interaction antisymmetric', variant: 'antisymmetric' },
    };
    const realized = family.realize(overrides);
    expect(realized.kind === 'ready' && realized.slots).toEqual(['interaction']);
    const draws = sample(ready(realized));
    for (const draw of draws) {
      expect(draw.interaction.kind).toBe('antisymmetric');
      expect(draw.interaction.form).toBe('weights');
      if (draw.interaction.form !== 'weights') continue;
      const v = draw.interaction.weights;
      expect(v).toHaveLength(draw.n);
      v.forEach((row, x) => {
        expect(row).toHaveLength(draw.n);
        expect(row[x]!.equals(ONE)).toBe(true);
        row.forEach((value, y) => expect(value.mul(v[y]![x]!).equals(ONE)).toBe(true));
      });
    }
  });

  it('never replaces a pinned slot', () => {
    const family = slotFamily(chainSlots, { pinned: ['reference'] });
    expect(family.realize({ reference: { kind: 'variant', label: 'reference any', variant: 'any' } }).kind).toBe(
      'unaffected',
    );
  });

  it('merges constraint objects key by key over the family', () => {
    const family = slotFamily({ n: 3, prompts: { maxPrompts: 1, degenerate: false }, beta: { min: '1/16', max: 16 } });
    const overrides: SlotOverrides = {
      beta: { kind: 'variant', label: 'beta', variant: { min: 2, max: 3 } },
      prompts: { kind: 'variant', label: 'prompts', variant: { degenerate: true } },
    };
    const draws = sample(ready(family.realize(overrides)), 60);
    for (const draw of draws) {
      expect(draw.beta.gte(2) && draw.beta.lte(3)).toBe(true);
      expect(draw.prompts.prompts).toHaveLength(1); // maxPrompts kept from the family
    }
    // degenerate sets now occur: p0 = 0 or 1 somewhere
    expect(draws.some((d) => d.prompts.prompts.some((p) => p.p0.n === 0n || p.p0.equals(ONE)))).toBe(true);
  });

  it('takes user values of one size: n is fixed to it and the value replaces the slot', () => {
    const q = [
      [new Rational(1n, 2n), new Rational(1n, 2n), new Rational(0n)],
      [new Rational(0n), new Rational(1n, 2n), new Rational(1n, 2n)],
      [new Rational(1n, 2n), new Rational(0n), new Rational(1n, 2n)],
    ];
    const overrides: SlotOverrides = {
      reference: {
        kind: 'values',
        label: 'reference from the module',
        values: () => fc.constant({ variant: 'custom', q }),
        states: 3,
      },
    };
    const draws = sample(ready(slotFamily(chainSlots).realize(overrides)));
    for (const draw of draws) {
      expect(draw.n).toBe(3);
      expect(draw.reference.q).toBe(q);
      expect(draw.potential.form === 'weights' && draw.potential.weights.length).toBe(3);
    }
  });

  it('skips a family whose energy form differs from the user values', () => {
    const overrides: SlotOverrides = {
      potential: {
        kind: 'values',
        label: 'potential',
        values: ({ n }) => fc.constant({ form: 'values', values: Array.from({ length: n }, () => ONE) }),
        form: 'values',
      },
    };
    const realized = slotFamily(chainSlots).realize(overrides);
    expect(realized.kind).toBe('skipped');
    expect(realized.kind === 'skipped' && realized.reason).toContain('exact weights');
  });

  it('skips a family when the potential variant (its energy form) is not its own', () => {
    const realized = slotFamily(chainSlots).realize({
      potential: { kind: 'variant', label: 'potential values', variant: 'values' },
    });
    expect(realized.kind === 'skipped' && realized.reason).toMatch(/draws Phi as exact weights/);
    expect(
      slotFamily({ ...chainSlots, potential: 'values' }).realize({
        potential: { kind: 'variant', label: 'potential values', variant: 'values' },
      }).kind,
    ).toBe('ready');
  });

  it('draws the start slot again from user prompts, so pi_0 matches each prompt', () => {
    const prompts = (n: number): PromptSet => ({
      responses: n,
      prompts: [0, 1].map(() => ({
        weight: new Rational(1n, 2n),
        reference: Array.from({ length: n }, () => new Rational(1n, BigInt(n))),
        correct: Array.from({ length: n }, (_, y) => y === 0),
        p0: new Rational(1n, BigInt(n)),
      })),
    });
    const overrides: SlotOverrides = {
      prompts: { kind: 'values', label: 'prompts', values: ({ n }) => fc.constant(prompts(n)) },
    };
    const family = slotFamily({ n: { min: 2, max: 3 }, prompts: { maxPrompts: 1 }, start: 'reference' });
    for (const draw of sample(ready(family.realize(overrides)))) {
      expect(draw.start).toHaveLength(2);
      draw.start.forEach((policy, i) => expect(policy.pi0).toEqual(draw.prompts.prompts[i]!.reference));
    }
  });
});

describe('familiesArbitrary', () => {
  it('draws exactly what instanceFromSlots draws for one family (same seed, same instances)', () => {
    expect(sample(familiesArbitrary([slotFamily(chainSlots)]), 10)).toEqual(sample(instanceFromSlots(chainSlots), 10));
  });
});

describe('slotLaboratory', () => {
  /** A property that passes on every instance of `families`. */
  function property<I>(name: string, families: readonly SlotFamily<I>[]) {
    const spec: PropertySpec<I> = {
      name,
      claim: 'c',
      mode: 'exact',
      arbitrary: familiesArbitrary(families),
      predicate: () => ({ status: 'pass' }),
    };
    return drawnFrom(spec, families);
  }
  const lab = slotLaboratory([
    property('p', [slotFamily(chainSlots)]),
    property('q', [slotFamily({ n: 3, prompts: {}, start: 'tilt' }, { pinned: ['start'] })]),
  ]);

  it('lists the slots drawn (pinned ones excepted), in slot order', () => {
    expect(lab.slots).toEqual(['n', 'reference', 'potential', 'interaction', 'reward', 'beta', 'prompts']);
  });

  it('rebuilds exactly the properties that use a replaced slot', () => {
    const result = lab.instantiate({ interaction: { kind: 'variant', label: 'interaction none', variant: 'none' } });
    expect(result.properties.map((p) => p.spec.name)).toEqual(['p']);
    expect(result.properties[0]!.slots).toEqual(['interaction']);
    expect(result.skipped).toEqual([]);
    const unused = lab.instantiate({ start: { kind: 'variant', label: 'start any', variant: 'any' } });
    expect(unused.properties).toEqual([]);
    expect(unused.skipped).toEqual([]);
  });

  it('reports why a property cannot take a replacement', () => {
    const result = slotLaboratory([property('p', [slotFamily({ ...chainSlots, n: 2 })])]).instantiate({
      reference: { kind: 'variant', label: 'reference nonReversible', variant: 'nonReversible' },
    });
    expect(result.properties).toEqual([]);
    expect(result.skipped.map((s) => s.name)).toEqual(['p']);
    expect(result.skipped[0]!.reason).toMatch(/at least 3/);
  });
});
