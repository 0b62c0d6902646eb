/**
 * Slot families: a property's instances described by the slots they are
 * drawn from (properties/slots.ts), so that `ebm-lens assume` can replace a
 * slot, by another named variant or by values from a user's arbitrary, and
 * rebuild every property that uses it.
 *
 * Main definitions
 * - `SlotFamily<I>`: the slots a family draws, those its claim pins, its
 *   instances, and `realize(overrides)`: its instances with the replaced
 *   slots ('ready'), 'unaffected' when it uses none of them, or 'skipped'
 *   with the reason when it cannot take them.
 * - `slotFamily(slots)`: the draws themselves, typed: a draw of
 *   `{ n, reference: 'reversible', beta: 'default' }` is
 *   `{ n: number; reference: ReferenceSample; beta: Rational }`.
 * - `slotFamily(slots, { build, pinned })`: the property's instance built
 *   from a typed draw (`build(draw, replaced)`).
 * - `familiesArbitrary(families)`, `realizeFamilies(families, overrides)`:
 *   the instances of several families with no slot replaced, or of those
 *   that take the overrides.
 *
 * Main statements
 * - With no slot replaced, a family's instances are exactly
 *   `instanceFromSlots(slots)` (then `build`), so a family reproduces the
 *   instances (and the seeds' counterexamples) of the arbitrary it describes.
 * - A draw always holds every slot of the family's selection: replacing a
 *   slot changes its variant or its values, never its presence. That is what
 *   makes the typed draw sound.
 *
 * Implementation details
 * A pinned slot is drawn but belongs to the claim's statement (e.g. "from
 * pi_0 = q"), so replacing it does not touch the family. Constraint objects
 * (beta, prompts, times, expOneOverBeta) are merged key by key over the
 * family's own. User values replace a slot after the rest is drawn: n is fixed
 * first when the values have one size; the slots that read another slot
 * (start reads the prompts, target the potential) are drawn again when what
 * they read was replaced. Energies (potential, interaction, reward) must come
 * in the family's form: a family drawing exact weights w = exp(Phi/beta)
 * cannot take Phi given by values, and a potential variant (a form) other
 * than the family's skips it. User values arrive as `unknown` already
 * converted to the slot's value type (src/assume/userValues.ts).
 */
import fc from 'fast-check';
import type { SlotOverride, SlotOverrides } from '../theorem.js';
import {
  defaultSlotVariants,
  instanceFromSlots,
  instanceSlots,
  type EnergyForm,
  type Instance,
  type SlotContext,
  type SlotDefinition,
  type SlotName,
  type SlotSelection,
} from '../../../properties/index.js';

export type Realized<I> =
  | { readonly kind: 'unaffected' }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'ready'; readonly arbitrary: fc.Arbitrary<I>; readonly slots: readonly string[] };

export interface SlotFamily<I> {
  /** Every slot drawn, with its variant ('default' allowed); n included. */
  readonly slots: SlotSelection;
  /** Slots fixed by the claim's statement: drawn, never replaced. */
  readonly pinned: readonly SlotName[];
  /** The instances with no slot replaced. */
  readonly instances: () => fc.Arbitrary<I>;
  /** The instances with the overrides the family uses (module comment). */
  readonly realize: (overrides: SlotOverrides) => Realized<I>;
}

export interface SlotFamilyOptions<S extends SlotSelection, I> {
  /** Slots fixed by the claim (module comment). */
  readonly pinned?: readonly SlotName[];
  /** The property's instance from a draw; `replaced` names the slots replaced in it. */
  readonly build: (draw: Instance<S>, replaced: ReadonlySet<string>) => fc.Arbitrary<I>;
}

/** The draws of `slots`, typed, as the instances. */
export function slotFamily<const S extends SlotSelection>(
  slots: S,
  options?: { readonly pinned?: readonly SlotName[] },
): SlotFamily<Instance<S>>;
/** The instances `build` makes of the draws of `slots`. */
export function slotFamily<const S extends SlotSelection, I>(slots: S, options: SlotFamilyOptions<S, I>): SlotFamily<I>;
export function slotFamily<const S extends SlotSelection, I>(
  slots: S,
  options: { readonly pinned?: readonly SlotName[]; readonly build?: SlotFamilyOptions<S, I>['build'] } = {},
): SlotFamily<I> | SlotFamily<Instance<S>> {
  const pinned = options.pinned ?? [];
  const build = options.build;
  if (build === undefined) {
    return {
      slots,
      pinned,
      instances: () => instanceFromSlots(slots),
      realize: (overrides) => realizeDraws(slots, pinned, overrides),
    };
  }
  return {
    slots,
    pinned,
    instances: () => instanceFromSlots(slots).chain((draw) => build(draw, new Set())),
    realize: (overrides) => {
      const realized = realizeDraws(slots, pinned, overrides);
      if (realized.kind !== 'ready') return realized;
      const replaced: ReadonlySet<string> = new Set(realized.slots);
      return {
        kind: 'ready',
        arbitrary: realized.arbitrary.chain((draw) => build(draw, replaced)),
        slots: realized.slots,
      };
    },
  };
}

/** The families' instances with no slot replaced (one family: its arbitrary as is). */
export function familiesArbitrary<I>(families: readonly SlotFamily<I>[]): fc.Arbitrary<I> {
  const arbitraries = families.map((family) => family.instances());
  return arbitraries.length === 1 ? arbitraries[0]! : fc.oneof(...arbitraries);
}

/** The instances of the families that take the overrides (undefined when none does). */
export function realizeFamilies<I>(
  families: readonly SlotFamily<I>[],
  overrides: SlotOverrides,
): fc.Arbitrary<I> | undefined {
  const ready = families.flatMap((family) => {
    const realized = family.realize(overrides);
    return realized.kind === 'ready' ? [realized.arbitrary] : [];
  });
  return ready.length === 0 ? undefined : ready.length === 1 ? ready[0]! : fc.oneof(...ready);
}

// ---------------------------------------------------------------- drawing with overrides

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

function isSlotName(slot: string): slot is SlotName {
  return Object.prototype.hasOwnProperty.call(instanceSlots, slot);
}

function mergeVariant(slot: SlotName, own: unknown, replacement: unknown): unknown {
  if (!CONSTRAINT_SLOTS.has(slot) || !isPlainObject(replacement)) return replacement;
  const base = own === undefined || own === 'default' ? defaultSlotVariants[slot] : own;
  return isPlainObject(base) ? { ...base, ...replacement } : replacement;
}

function energyForm(selection: SlotSelection): EnergyForm {
  const v = selection.potential;
  return v === undefined || v === 'default' ? defaultSlotVariants.potential : v;
}

/** The variant of a selected slot, 'default' resolved. */
function variantOf(selection: SlotSelection, slot: SlotName): unknown {
  const v = selection[slot];
  return v === 'default' ? defaultSlotVariants[slot] : v;
}

/** Fewest states the selected variants need. */
function minimumStates(selection: SlotSelection): number {
  let min = 2;
  for (const slot of Object.keys(selection)) {
    if (slot === 'n' || !isSlotName(slot) || selection[slot] === undefined) continue;
    min = Math.max(
      min,
      (instanceSlots[slot] as SlotDefinition<SlotName>).minStates(variantOf(selection, slot) as never),
    );
  }
  return min;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `draw` with some slot values replaced (the values are of the slots' types: module comment). */
function withValues<D extends object>(draw: D, slots: readonly string[], values: readonly unknown[]): D {
  const next = { ...draw };
  slots.forEach((slot, k) => Object.assign(next, { [slot]: values[k] }));
  return next;
}

/**
 * The draws of `slots` with the overrides the family uses applied. Throws
 * only for a variant properties/slots.ts rejects outright (the command line
 * validates them first); a family that cannot take a replacement is 'skipped'.
 */
function realizeDraws<S extends SlotSelection>(
  slots: S,
  pinned: readonly SlotName[],
  overrides: SlotOverrides,
): Realized<Instance<S>> {
  const uses = (slot: string): boolean =>
    slot === 'n' || (Object.prototype.hasOwnProperty.call(slots, slot) && !pinned.some((p) => p === slot));
  const replaced = Object.keys(overrides).filter(uses);
  if (replaced.length === 0) return { kind: 'unaffected' };
  // The same keys as `slots`, variants replaced: draws keep the type Instance<S>.
  const selection: S = { ...slots };
  const custom: [SlotName, ValuesOverride][] = [];
  const ownForm = energyForm(selection);
  for (const slot of replaced) {
    const override = overrides[slot]!;
    if (!isSlotName(slot)) continue;
    if (override.kind === 'variant')
      Object.assign(selection, { [slot]: mergeVariant(slot, selection[slot], override.variant) });
    else custom.push([slot, override]);
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
  if (sizes.size === 1) Object.assign(selection, { n: [...sizes][0]! });

  let base: fc.Arbitrary<Instance<S>>;
  try {
    const nValues = custom.find(([slot]) => slot === 'n')?.[1];
    if (nValues !== undefined && sizes.size === 0) {
      const min = minimumStates(selection);
      instanceFromSlots({ ...selection, n: min }); // validates the other variants now
      base = nValues
        .values({ n: min })
        .filter((n): n is number => typeof n === 'number' && n >= min)
        .chain((n) => instanceFromSlots({ ...selection, n }));
    } else {
      base = instanceFromSlots(selection);
    }
  } catch (error) {
    return { kind: 'skipped', reason: errorText(error) };
  }

  const values = custom.filter(([slot]) => slot !== 'n');
  const customSlots = new Set<string>(values.map(([slot]) => slot));
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
          : fc.tuple(...independent.map(([, o]) => o.values({ n: draw.n }))).map((vs) =>
              withValues(
                draw,
                independent.map(([slot]) => slot),
                vs,
              ),
            );
      if (redraw.length === 0) return first;
      return first.chain((d) => {
        const read: Partial<Record<SlotName, unknown>> = d;
        const parts = redraw.map(([slot]) => {
          const override = values.find(([s]) => s === slot)?.[1];
          if (override !== undefined) return override.values({ n: d.n, prompts: read.prompts });
          const ctx = {
            n: d.n,
            form,
            ...(read.potential !== undefined ? { potential: read.potential } : {}),
            ...(read.prompts !== undefined ? { prompts: read.prompts } : {}),
          } as SlotContext;
          return (instanceSlots[slot] as SlotDefinition<SlotName>).arbitrary(variantOf(selection, slot) as never, ctx);
        });
        return fc.tuple(...parts).map((vs) =>
          withValues(
            d,
            redraw.map(([slot]) => slot),
            vs,
          ),
        );
      });
    });
  }
  return { kind: 'ready', arbitrary: drawn, slots: replaced };
}
