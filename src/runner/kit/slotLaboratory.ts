/**
 * The slot laboratory of a theorem: the optional `slots` and `instantiate`
 * members (`ebm-lens assume`), built from the slot families of its
 * properties.
 *
 * Main definitions
 * - `PropertyFamilies<I>`, `drawnFrom(spec, families, hypothesis?)`: a
 *   property and the families its instances are drawn from; with a
 *   `hypothesis`, the property is a conditional sub-claim, checked as an
 *   implication once a replaced slot no longer guarantees it.
 * - `slotLaboratory(properties, degrees?)`: `{ slots, instantiate }`.
 * - `touches(overrides, slots)`, `replaceSlot(overrides, slot, variant,
 *   label)`, `overridesLabel(overrides)`: helpers of degree ladders.
 * - `referenceEpsLevels(families, overrides)`: the levels of a degree of
 *   failure along a near-reversible reference (eps/1000 .. eps).
 *
 * Main statements
 * - `slots` lists every slot some family draws and does not pin, n first,
 *   in the order of properties/slots.ts.
 * - `instantiate(overrides)` rebuilds exactly the properties with a family
 *   using a replaced slot; one whose every such family cannot take the
 *   replacement is listed in `skipped` with the reasons.
 *
 * Implementation details
 * A property's families are alternatives: the rebuilt arbitrary is the one
 * ready family, or `fc.oneof` of those ready.
 */
import fc from 'fast-check';
import { parseRational } from '../../arith/rational.js';
import type {
  DegreeLevel,
  DegreeSpec,
  PropertySpec,
  SlotInstantiation,
  SlotOverrides,
  SlotProperty,
  SubClaimHypothesis,
  Theorem,
} from '../theorem.js';
import { instanceSlots, type SlotName } from '../../../properties/index.js';
import { realizeFamilies, type SlotFamily } from './slotFamily.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of PropertyFamilies mixes instance types (as the specs of `Theorem`); drawnFrom checks each
export interface PropertyFamilies<I = any> {
  readonly spec: PropertySpec<I>;
  readonly families: readonly SlotFamily<I>[];
  readonly hypothesis?: SubClaimHypothesis<I>;
}

/** A property and its families, the instance type checked between them. */
export function drawnFrom<I>(
  spec: PropertySpec<I>,
  families: readonly SlotFamily<I>[],
  hypothesis?: SubClaimHypothesis<I>,
): PropertyFamilies<I> {
  return hypothesis === undefined ? { spec, families } : { spec, families, hypothesis };
}

/** The property's arbitrary with the overrides, or why it is left out; undefined when it uses none. */
function realizeProperty(
  property: PropertyFamilies,
  overrides: SlotOverrides,
): SlotProperty | { skipped: string } | undefined {
  const ready: fc.Arbitrary<unknown>[] = [];
  const slots = new Set<string>();
  const reasons: string[] = [];
  for (const family of property.families) {
    const realized = family.realize(overrides);
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

/** The `slots` and `instantiate` members of a theorem (module comment); `degrees` gives the degrees of failure for the overrides. */
export function slotLaboratory(
  properties: readonly PropertyFamilies[],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each degree has its own instance type (as in `Theorem`)
  degrees: (overrides: SlotOverrides) => DegreeSpec<any>[] = () => [],
): Required<Pick<Theorem, 'slots' | 'instantiate'>> {
  const slots = new Set<string>(['n']);
  for (const property of properties) {
    for (const family of property.families) {
      for (const slot of Object.keys(family.slots)) if (!family.pinned.some((p) => p === slot)) slots.add(slot);
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

/** True when some override names one of `slots`. */
export function touches(overrides: SlotOverrides, slots: readonly string[]): boolean {
  return Object.keys(overrides).some((slot) => slots.includes(slot));
}

/** The overrides with `slot` replaced by a named variant. */
export function replaceSlot(overrides: SlotOverrides, slot: SlotName, variant: unknown, label: string): SlotOverrides {
  return { ...overrides, [slot]: { kind: 'variant', label, variant } };
}

/** The overrides' labels, e.g. "start nonTilt, times [1]": the label of a degree level. */
export function overridesLabel(overrides: SlotOverrides): string {
  return Object.values(overrides)
    .map((o) => o.label)
    .join(', ');
}

/**
 * The levels at which a degree of failure is measured. With a near-reversible
 * reference of size eps: eps/1000, eps/100, eps/10 and eps, so that the defect
 * is seen to grow with the violation; otherwise the one level the overrides
 * give. Levels whose families cannot be realized are left out.
 */
export function referenceEpsLevels<I>(families: readonly SlotFamily<I>[], overrides: SlotOverrides): DegreeLevel<I>[] {
  const reference = overrides.reference;
  const variant = reference?.kind === 'variant' ? reference.variant : undefined;
  const nearEps =
    typeof variant === 'object' && variant !== null && 'nearReversible' in variant
      ? parseRational(variant.nearReversible)
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
      : [{ label: overridesLabel(overrides), arbitrary: realizeFamilies(families, overrides) }];
  return levels.flatMap((level) =>
    level.arbitrary === undefined ? [] : [{ label: level.label, arbitrary: level.arbitrary }],
  );
}
