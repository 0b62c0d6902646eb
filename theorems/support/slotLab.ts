/**
 * Slot families: a property's instances described by the slots they are drawn
 * from (properties/slots.ts), so that one slot can be replaced, by another
 * named variant or by values from a user's arbitrary, and every property that
 * uses it rebuilt (`ebm-lens assume`).
 *
 * Main definitions
 * - `SlotDraw`: n and the values of the drawn slots.
 * - `SlotFamily<I>`, `slotFamily(slots, options)`: the slot variants a family
 *   of instances is drawn with, the slots pinned by the claim itself, and how a
 *   draw becomes the property's instance.
 * - `realizeFamily(family, overrides)`: the family's arbitrary with the
 *   replaced slots, 'unaffected' when it uses none of them, or 'skipped' with
 *   the reason when it cannot take them.
 * - `familiesArbitrary(families)`: the arbitrary of the families with no slot
 *   replaced.
 * - `PropertyFamilies`, `slotLaboratory(properties, degrees)`: the optional
 *   `slots` and `instantiate` members of a theorem module; a property may be
 *   a conditional sub-claim with its `hypothesis`, checked as an implication
 *   once a replaced slot no longer guarantees it.
 * - `realizeFamilies(families, overrides)`: the instances of the families that
 *   take the overrides (for degrees of failure).
 * - `replaceSlot`, `touches`: overrides with one more named variant (degree
 *   ladders); whether overrides name some slot.
 *
 * Implementation details
 * A family lists every slot it draws. A pinned slot is drawn but belongs to
 * the claim's statement (e.g. "from pi_0 = q"), so replacing it does not touch
 * the family. Constraint objects (beta, prompts, times, expOneOverBeta) are
 * merged key by key over the family's own. User values replace a slot after
 * the rest is drawn: n is fixed first when the values have one size; the
 * slots that read another slot (start reads the prompts, target the
 * potential) are drawn again when what they read was replaced. Energies
 * (potential, interaction, reward) must come in the family's form: a family
 * drawing exact weights w = exp(Phi/beta) cannot take Phi given by values,
 * and a potential variant (a form) other than the family's skips it.
 * With no custom values, the arbitrary is exactly `instanceFromSlots` of the
 * selection (then `build`), so a family reproduces the instances it describes.
 */
import fc from 'fast-check';
import { parseRational } from '../../src/arith/rational.js';
import type {
  DegreeLevel,
  DegreeSpec,
  PropertySpec,
  SlotInstantiation,
  SlotOverride,
  SlotOverrides,
  SlotProperty,
  SubClaimHypothesis,
  Theorem,
} from '../../src/runner/theorem.js';
import {
  defaultSlotVariants,
  instanceFromSlots,
  instanceSlots,
  type EnergyForm,
  type SlotContext,
  type SlotDefinition,
  type SlotName,
  type SlotSelection,
  type SlotValues,
  type SlotVariants,
} from '../../properties/index.js';

/** n and the values of the slots a family draws. */
export type SlotDraw = { n: number } & Partial<Omit<SlotValues, 'n'>>;

export interface SlotFamily<I> {
  /** Every slot drawn, with its variant ('default' allowed); n included. */
  readonly slots: SlotSelection;
  /** Slots fixed by the claim's statement: drawn, never replaced. */
  readonly pinned: readonly SlotName[];
  /** The property's instance from a draw (`replaced`: the slots replaced in it); the draw itself when absent. */
  readonly build?: (draw: SlotDraw, replaced: ReadonlySet<string>) => fc.Arbitrary<I>;
}

/** A family; `build` turns a draw into the property's instance. */
export function slotFamily<I = SlotDraw>(
  slots: SlotSelection,
  options: {
    pinned?: readonly SlotName[];
    build?: (draw: SlotDraw, replaced: ReadonlySet<string>) => fc.Arbitrary<I>;
  } = {},
): SlotFamily<I> {
  return { slots, pinned: options.pinned ?? [], ...(options.build !== undefined ? { build: options.build } : {}) };
}

export type Realized<I> =
  | { readonly kind: 'unaffected' }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'ready'; readonly arbitrary: fc.Arbitrary<I>; readonly slots: readonly string[] };

const CONSTRAINT_SLOTS: ReadonlySet<string> = new Set(['beta', 'expOneOverBeta', 'prompts', 'times']);
/** Slots that read another slot's value, and the slot they read. */
const DEPENDENT: readonly (readonly [SlotName, SlotName])[] = [
  ['start', 'prompts'],
  ['target', 'potential'],
];

type ValuesOverride = Extract<SlotOverride, { kind: 'values' }>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeVariant(slot: string, own: unknown, replacement: unknown): unknown {
  if (!CONSTRAINT_SLOTS.has(slot) || !isPlainObject(replacement)) return replacement;
  const base = own === undefined || own === 'default' ? defaultSlotVariants[slot as SlotName] : own;
  return isPlainObject(base) ? { ...base, ...replacement } : replacement;
}

function usesSlot(family: SlotFamily<unknown>, slot: string): boolean {
  return (
    slot === 'n' ||
    (Object.prototype.hasOwnProperty.call(family.slots, slot) && !family.pinned.includes(slot as SlotName))
  );
}

function energyForm(selection: Record<string, unknown>): EnergyForm {
  const v = selection.potential;
  return v === undefined || v === 'default' ? defaultSlotVariants.potential : (v as EnergyForm);
}

/** Fewest states the selected variants need. */
function minimumStates(selection: Record<string, unknown>): number {
  let min = 2;
  for (const [slot, variant] of Object.entries(selection)) {
    if (slot === 'n' || variant === undefined) continue;
    const v = variant === 'default' ? defaultSlotVariants[slot as SlotName] : variant;
    min = Math.max(min, (instanceSlots[slot as SlotName] as SlotDefinition<SlotName>).minStates(v as never));
  }
  return min;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The family's arbitrary with the overrides it uses applied. Throws only for
 * a variant that properties/slots.ts rejects outright (validated beforehand by
 * the command line); a family that cannot take a replacement is 'skipped'.
 */
export function realizeFamily<I>(family: SlotFamily<I>, overrides: SlotOverrides): Realized<I> {
  const replaced = Object.keys(overrides).filter((slot) => usesSlot(family, slot));
  if (replaced.length === 0) return { kind: 'unaffected' };
  const selection: Record<string, unknown> = { ...family.slots };
  const custom: [SlotName, ValuesOverride][] = [];
  const ownForm = energyForm(selection);
  for (const slot of replaced) {
    const override = overrides[slot]!;
    if (override.kind === 'variant') selection[slot] = mergeVariant(slot, selection[slot], override.variant);
    else custom.push([slot as SlotName, override]);
  }
  const form = energyForm(selection);
  if (form !== ownForm) {
    // The potential slot's variants are the energy forms; a property's checks are written for its own.
    return {
      kind: 'skipped',
      reason: `draws Phi as ${ownForm === 'weights' ? 'exact weights exp(Phi/beta)' : 'values'}, not ${form}`,
    };
  }
  for (const [slot, override] of custom) {
    if (override.form !== undefined && override.form !== form) {
      return {
        kind: 'skipped',
        reason: `draws the energies as ${form === 'weights' ? 'exact weights exp(value/beta)' : 'values'}, but the ${slot} values are given as ${override.form}`,
      };
    }
  }
  const sizes = new Set(custom.flatMap(([, o]) => (o.states === undefined ? [] : [o.states])));
  if (sizes.size > 1)
    return { kind: 'skipped', reason: `the replaced slots have different sizes (${[...sizes].join(', ')} states)` };
  if (sizes.size === 1) selection.n = [...sizes][0]!;

  let base: fc.Arbitrary<SlotDraw>;
  try {
    const nValues = custom.find(([slot]) => slot === 'n')?.[1];
    if (nValues !== undefined && sizes.size === 0) {
      const min = minimumStates(selection);
      instanceFromSlots({ ...selection, n: min }); // validates the other variants now
      base = (nValues.values({ n: min }) as fc.Arbitrary<number>)
        .filter((n) => n >= min)
        .chain((n) => instanceFromSlots({ ...selection, n }) as fc.Arbitrary<SlotDraw>);
    } else {
      base = instanceFromSlots(selection as SlotSelection);
    }
  } catch (error) {
    return { kind: 'skipped', reason: errorText(error) };
  }

  const values = custom.filter(([slot]) => slot !== 'n');
  const customSlots = new Set(values.map(([slot]) => slot));
  const independent = values.filter(([slot]) => !DEPENDENT.some(([d]) => d === slot));
  const redraw = DEPENDENT.filter(
    ([slot, reads]) => customSlots.has(slot) || (customSlots.has(reads) && selection[slot] !== undefined),
  );
  let drawn = base;
  if (values.length > 0) {
    drawn = base.chain((draw) => {
      const first =
        independent.length === 0
          ? fc.constant(draw)
          : fc.tuple(...independent.map(([, o]) => o.values({ n: draw.n }))).map((vs) => {
              const next: Record<string, unknown> = { ...draw };
              independent.forEach(([slot], k) => (next[slot] = vs[k]));
              return next as SlotDraw;
            });
      if (redraw.length === 0) return first;
      return first.chain((d) => {
        const parts = redraw.map(([slot]) => {
          const override = values.find(([s]) => s === slot)?.[1];
          if (override !== undefined) return override.values({ n: d.n, prompts: d.prompts });
          const ctx: SlotContext = {
            n: d.n,
            form,
            ...(d.potential !== undefined ? { potential: d.potential } : {}),
            ...(d.prompts !== undefined ? { prompts: d.prompts } : {}),
          };
          const variant = selection[slot] === 'default' ? defaultSlotVariants[slot] : selection[slot];
          return (instanceSlots[slot] as SlotDefinition<SlotName>).arbitrary(variant as SlotVariants[SlotName], ctx);
        });
        return fc.tuple(...parts).map((vs) => {
          const next: Record<string, unknown> = { ...d };
          redraw.forEach(([slot], k) => (next[slot] = vs[k]));
          return next as SlotDraw;
        });
      });
    });
  }
  const replacedSet: ReadonlySet<string> = new Set(replaced);
  const arbitrary =
    family.build === undefined
      ? (drawn as unknown as fc.Arbitrary<I>)
      : drawn.chain((draw) => family.build!(draw, replacedSet));
  return { kind: 'ready', arbitrary, slots: replaced };
}

/** The families' instances with no slot replaced (one family: its arbitrary as is). */
export function familiesArbitrary<I>(families: readonly SlotFamily<I>[]): fc.Arbitrary<I> {
  const arbitraries = families.map((family) => {
    const base = instanceFromSlots(family.slots) as fc.Arbitrary<SlotDraw>;
    return family.build === undefined
      ? (base as unknown as fc.Arbitrary<I>)
      : base.chain((draw) => family.build!(draw, new Set()));
  });
  return arbitraries.length === 1 ? arbitraries[0]! : fc.oneof(...arbitraries);
}

/**
 * A property and the families its instances are drawn from (for `assume`).
 * `hypothesis`: the property is a conditional sub-claim of the theorem (the
 * theorem's statement covers every instance, this part only those where the
 * hypothesis holds, which its families guarantee); when an override replaces
 * one of `hypothesis.slots`, `assume` checks the implication.
 */
export interface PropertyFamilies {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each property has its own instance type (as the specs of `Theorem`)
  readonly spec: PropertySpec<any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the families of `spec` draw its instance type
  readonly families: readonly SlotFamily<any>[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the hypothesis on the instances of `spec`
  readonly hypothesis?: SubClaimHypothesis<any>;
}

/** The instances of the families that take the overrides (undefined when none does). */
export function realizeFamilies<I>(
  families: readonly SlotFamily<I>[],
  overrides: SlotOverrides,
): fc.Arbitrary<I> | undefined {
  const ready = families.flatMap((family) => {
    const realized = realizeFamily(family, overrides);
    return realized.kind === 'ready' ? [realized.arbitrary] : [];
  });
  return ready.length === 0 ? undefined : ready.length === 1 ? ready[0]! : fc.oneof(...ready);
}

/** The property's arbitrary with the overrides, or why it is left out. */
export function realizeProperty(
  property: PropertyFamilies,
  overrides: SlotOverrides,
): SlotProperty | { skipped: string } | undefined {
  const ready: fc.Arbitrary<unknown>[] = [];
  const slots = new Set<string>();
  const reasons: string[] = [];
  for (const family of property.families) {
    const realized = realizeFamily(family, overrides);
    if (realized.kind === 'ready') {
      ready.push(realized.arbitrary);
      for (const slot of realized.slots) slots.add(slot);
    } else if (realized.kind === 'skipped' && !reasons.includes(realized.reason)) {
      reasons.push(realized.reason);
    }
  }
  if (ready.length > 0) {
    const hypothesis =
      property.hypothesis !== undefined && touches(overrides, property.hypothesis.slots)
        ? { hypothesis: property.hypothesis }
        : {};
    return {
      spec: property.spec,
      arbitrary: ready.length === 1 ? ready[0]! : fc.oneof(...ready),
      slots: [...slots],
      ...hypothesis,
    };
  }
  if (reasons.length > 0) return { skipped: reasons.join('; ') };
  return undefined;
}

/**
 * The `slots` and `instantiate` members of a theorem: the slots some family
 * draws (pinned ones excepted), and for given overrides every property with a
 * family that uses one of them, rebuilt. `degrees` lists the degrees of
 * failure that apply to the overrides.
 */
export function slotLaboratory(
  properties: readonly PropertyFamilies[],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each degree has its own instance type (as in `Theorem`)
  degrees: (overrides: SlotOverrides) => DegreeSpec<any>[] = () => [],
): Required<Pick<Theorem, 'slots' | 'instantiate'>> {
  const slots = new Set<string>(['n']);
  for (const property of properties) {
    for (const family of property.families) {
      for (const slot of Object.keys(family.slots)) if (!family.pinned.includes(slot as SlotName)) slots.add(slot);
    }
  }
  const order = Object.keys(instanceSlots);
  return {
    slots: [...slots].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
    instantiate: (overrides: SlotOverrides): SlotInstantiation => {
      const rebuilt: SlotProperty[] = [];
      const skipped: { name: string; reason: string }[] = [];
      for (const property of properties) {
        const result = realizeProperty(property, overrides);
        if (result === undefined) continue;
        if ('skipped' in result) skipped.push({ name: property.spec.name, reason: result.skipped });
        else rebuilt.push(result);
      }
      return { properties: rebuilt, skipped, degrees: rebuilt.length > 0 ? degrees(overrides) : [] };
    },
  };
}

/** The overrides with `slot` replaced by a named variant. */
export function replaceSlot(overrides: SlotOverrides, slot: SlotName, variant: unknown, label: string): SlotOverrides {
  return { ...overrides, [slot]: { kind: 'variant', label, variant } };
}

/**
 * The levels at which a degree of failure is measured. With a near-reversible
 * reference of size eps: eps/1000, eps/100, eps/10 and eps, so that the defect
 * is seen to grow with the violation; otherwise the one level the overrides
 * give. Levels whose families cannot be realized are left out.
 */
export function referenceEpsLevels<I>(families: readonly SlotFamily<I>[], overrides: SlotOverrides): DegreeLevel<I>[] {
  const reference = overrides.reference;
  const nearEps =
    reference?.kind === 'variant' &&
    typeof reference.variant === 'object' &&
    reference.variant !== null &&
    'nearReversible' in reference.variant
      ? parseRational(reference.variant.nearReversible)
      : undefined;
  const levels =
    nearEps !== undefined
      ? [1000n, 100n, 10n, 1n].map((k) => {
          const eps = nearEps.div(k).toFraction();
          return {
            label: `eps = ${eps}`,
            arbitrary: realizeFamilies(
              families,
              replaceSlot(overrides, 'reference', { nearReversible: eps }, `nearReversible(${eps})`),
            ),
          };
        })
      : [
          {
            label: Object.values(overrides)
              .map((o) => o.label)
              .join(', '),
            arbitrary: realizeFamilies(families, overrides),
          },
        ];
  return levels.flatMap((level) =>
    level.arbitrary === undefined ? [] : [{ label: level.label, arbitrary: level.arbitrary }],
  );
}

/** True when some override names one of `slots`. */
export function touches(overrides: SlotOverrides, slots: readonly string[]): boolean {
  return Object.keys(overrides).some((slot) => slots.includes(slot));
}
