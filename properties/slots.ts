/**
 * Instance slots: one named place per ingredient of a theorem's instance, each
 * with variants, and the builder that assembles an instance from a choice of
 * variants. Theorem files build their arbitraries here; replacing one slot's
 * variant (an ablation, or a user's assumption) changes one ingredient only.
 *
 * Main definitions
 * - `SlotVariants`, `SlotValues`, `SlotName`, `SlotSelection`, `Instance`.
 * - `defaultSlotVariants`, `instanceSlots`: the slots, their variants and defaults.
 * - `instanceFromSlots`: fc.Arbitrary of instances with the selected slots.
 * - `parseSlotVariant`, `slotVariantLabel`: variants from and to text.
 *
 * Slots (value type; variants, default first)
 * - n (number): state count (responses per prompt for RLVR), `{ min, max }`
 *   or a fixed number; default `{ min: 2, max: 6 }`. Always present. A range's
 *   min is raised to 3 where a variant needs three states (reference
 *   nonReversible or nearReversible, start nonTilt); a fixed n below that throws.
 * - reference (`ReferenceSample`): q(y|x).
 *   'reversible' dense reversible prior (A2, A3) | 'symmetric' rho uniform |
 *   'reversibleSparse' spanning tree plus extra edges (A2 without A3, may be
 *   periodic) | 'uniform' q = 1/n | 'any' random positive stochastic matrix
 *   (no structure) | 'nonReversible' positive, certified non-reversible |
 *   `{ nearReversible: eps }` reversible plus a circulation of relative size eps.
 * - potential (`EnergyVector`): Phi. 'weights' w = exp(Phi/beta) positive
 *   rationals (exact mode) | 'values' Phi rational (interval mode). The
 *   interaction and reward slots use the same form.
 * - interaction (`InteractionSample`): s, or v = exp(s/beta).
 *   'symmetric' (A1) | 'none' | 'antisymmetric' | 'any'.
 * - reward (`RewardSample`): r(x,y). 'pairwise' Phi(y) + c(x) + s(x,y) (A1) |
 *   'potential' Phi(y) - Phi(x) + s(x,y) (the paper's case) | 'any' r free.
 * - beta (Rational): `BetaConstraints`, default [1/1000, 1000], shrinks to 1.
 * - expOneOverBeta (Rational): E = e^{1/beta} > 1, `ExpOneOverBetaConstraints`.
 * - chainStart (`StartDistribution`): nu_0. 'any' | 'point' |
 *   'nearDegenerate' | 'random' | 'stationary'.
 * - target (`SuperiorSet`): A. 'levelSet' A_u of the potential (needs the
 *   potential slot; threshold in the potential's form; a constant potential
 *   falls back to an arbitrary set) | 'any' nonempty proper subset.
 * - prompts (`PromptSet`): `PromptSlotConstraints` (prompt count, degenerate sets).
 * - start (`InitialPolicy[]`, one per prompt; needs the prompts slot): pi_0.
 *   'tilt' (T8's assumption; shrinks to q) | 'reference' | 'any' | 'nonTilt'.
 * - times (Rational[], strictly increasing): `TimesConstraints`, default [0, 20].
 *
 * Implementation details
 * n is drawn first and every slot is built for that n, so all parts agree and
 * shrinking tries fewer states first. Slots that read another slot's value
 * (target, start) are chained after the rest. Every variant is validated when
 * `instanceFromSlots` is called, not during a run.
 */
import fc from 'fast-check';
import type { Rational } from '../src/arith/rational.js';
import { parseRational } from '../src/arith/rational.js';
import { uniformPrior, type KolmogorovWitness, type ReversiblePrior } from './_internals/priors.js';
import { INTERACTION_KINDS, type InteractionKind } from './_internals/interactions.js';
import { INITIAL_POLICY_KINDS, type InitialPolicy, type InitialPolicyKind, type PromptSet } from './_internals/rlvr.js';
import type { StartDistribution, StartKind } from './_internals/distributions.js';
import { constraintError, rationalConstraint, type RationalInput } from './_internals/validate.js';
import { ONE, ZERO } from './_internals/exact.js';
import { beta, type BetaConstraints } from './beta.js';
import { expOneOverBeta, type ExpOneOverBetaConstraints } from './expOneOverBeta.js';
import type { EnergyForm, EnergyMatrix, EnergyVector, RewardSample } from './energy.js';
import { initialPolicy } from './initialPolicy.js';
import { interaction } from './interaction.js';
import { interactionWeights } from './interactionWeights.js';
import { nearReversiblePrior } from './nearReversiblePrior.js';
import { nonReversiblePrior } from './nonReversiblePrior.js';
import { positiveWeights } from './positiveWeights.js';
import { potential } from './potential.js';
import { promptSet, type PromptSetConstraints } from './promptSet.js';
import { reversiblePrior } from './reversiblePrior.js';
import { startDistribution } from './startDistribution.js';
import { stochasticMatrix } from './stochasticMatrix.js';
import { superiorLevelSet, properThresholds, superiorSet, type SuperiorSet } from './superiorSet.js';
import { symmetricPrior } from './symmetricPrior.js';
import { times, type TimesConstraints } from './times.js';

const FN = 'instanceFromSlots';

export type ReferenceVariant =
  | 'reversible'
  | 'symmetric'
  | 'reversibleSparse'
  | 'uniform'
  | 'any'
  | 'nonReversible'
  | { nearReversible: RationalInput };
export type PotentialVariant = EnergyForm;
export type InteractionVariant = InteractionKind;
export type RewardVariant = 'pairwise' | 'potential' | 'any';
export type ChainStartVariant = StartKind | 'any';
export type TargetVariant = 'levelSet' | 'any';
export type StartVariant = InitialPolicyKind;
/** Prompt-set constraints of the prompts slot (n comes from the n slot, pi_0 from the start slot). */
export type PromptSlotConstraints = Omit<PromptSetConstraints, 'n' | 'minStates' | 'maxStates' | 'initial'>;

/** The variant type of every slot. */
export interface SlotVariants {
  n: number | { min?: number; max?: number };
  reference: ReferenceVariant;
  potential: PotentialVariant;
  interaction: InteractionVariant;
  reward: RewardVariant;
  beta: BetaConstraints;
  expOneOverBeta: ExpOneOverBetaConstraints;
  chainStart: ChainStartVariant;
  target: TargetVariant;
  prompts: PromptSlotConstraints;
  start: StartVariant;
  times: TimesConstraints;
}

export type SlotName = keyof SlotVariants;

/** The reference kernel q(y|x) of an instance. */
export interface ReferenceSample {
  /** The variant's label, e.g. 'reversible' or 'nearReversible(1/100)'. */
  variant: string;
  /** q(y|x): n x n, rows sum to exactly 1. */
  q: Rational[][];
  /** Present when q is reversible by construction: C symmetric, rho(x) q(y|x) = C(x,y). */
  reversible?: { conductance: Rational[][]; rho: Rational[] };
  /** Present for nonReversible and nearReversible: the circulation and its Kolmogorov certificate. */
  circulation?: {
    eps: Rational;
    flux: Rational;
    stationary: Rational[];
    witness: KolmogorovWitness;
    base: ReversiblePrior;
  };
}

/** The interaction s (value form) or v = exp(s/beta) (weight form), with its kind. */
export type InteractionSample = { kind: InteractionKind } & EnergyMatrix;

/** The value type of every slot. */
export interface SlotValues {
  n: number;
  reference: ReferenceSample;
  potential: EnergyVector;
  interaction: InteractionSample;
  reward: RewardSample;
  beta: Rational;
  expOneOverBeta: Rational;
  chainStart: StartDistribution;
  target: SuperiorSet;
  prompts: PromptSet;
  start: InitialPolicy[];
  times: Rational[];
}

/** Which slots an instance has, each with a variant or 'default'. */
export type SlotSelection = { [K in SlotName]?: SlotVariants[K] | 'default' };

/** An instance: n and the value of every selected slot. */
export type Instance<S extends SlotSelection> = { n: number } & { [K in Extract<keyof S, SlotName>]: SlotValues[K] };

/** The default variant of every slot. */
export const defaultSlotVariants: { readonly [K in SlotName]: SlotVariants[K] } = {
  n: { min: 2, max: 6 },
  reference: 'reversible',
  potential: 'weights',
  interaction: 'symmetric',
  reward: 'pairwise',
  beta: {},
  expOneOverBeta: {},
  chainStart: 'any',
  target: 'levelSet',
  prompts: {},
  start: 'tilt',
  times: {},
};

/** What a slot's arbitrary may read: n, the energy form, and the values of the slots it depends on. */
export interface SlotContext {
  n: number;
  form: EnergyForm;
  potential?: EnergyVector;
  prompts?: PromptSet;
}

/** One slot: its named variants, default, and how a variant becomes an arbitrary. */
export interface SlotDefinition<K extends SlotName> {
  description: string;
  /** Named variants, default first (constraint-object slots list none). */
  variants: readonly string[];
  defaultVariant: SlotVariants[K];
  /** Slots whose values `arbitrary` reads from the context. */
  dependsOn: readonly ('potential' | 'prompts')[];
  /** Fewest states the variant needs. */
  minStates(variant: SlotVariants[K]): number;
  /** Validate the variant; throws an Error naming the slot. */
  validate(variant: SlotVariants[K]): void;
  arbitrary(variant: SlotVariants[K], ctx: SlotContext): fc.Arbitrary<SlotValues[K]>;
}

const REFERENCE_NAMES = ['reversible', 'symmetric', 'reversibleSparse', 'uniform', 'any', 'nonReversible'] as const;
const CHAIN_START_NAMES: readonly ChainStartVariant[] = ['any', 'point', 'nearDegenerate', 'random', 'stationary'];

function named<T extends string>(slot: string, variant: unknown, allowed: readonly T[], extra = ''): T {
  if (typeof variant !== 'string' || !allowed.includes(variant as T)) {
    throw constraintError(
      FN,
      slot,
      `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}${extra} (got ${JSON.stringify(variant)})`,
    );
  }
  return variant as T;
}

function nearEps(variant: ReferenceVariant): Rational | undefined {
  if (typeof variant === 'object' && variant !== null && 'nearReversible' in variant)
    return rationalConstraint(FN, 'reference.nearReversible', variant.nearReversible, 0);
  return undefined;
}

function fromReversible(variant: string, p: ReversiblePrior): ReferenceSample {
  return { variant, q: p.reference, reversible: { conductance: p.conductance, rho: p.rho } };
}

function requireObject(slot: string, variant: unknown): void {
  if (typeof variant !== 'object' || variant === null || Array.isArray(variant))
    throw constraintError(FN, slot, `must be a constraints object (got ${JSON.stringify(variant)})`);
}

/** Every slot, keyed by name. */
export const instanceSlots: { readonly [K in SlotName]: SlotDefinition<K> } = {
  n: {
    description: 'number of states (responses per prompt for RLVR)',
    variants: [],
    defaultVariant: defaultSlotVariants.n,
    dependsOn: [],
    minStates: (v) => (typeof v === 'number' ? v : (v.min ?? 2)),
    validate: (v) => {
      if (typeof v === 'number') {
        if (!Number.isInteger(v) || v < 2) throw constraintError(FN, 'n', `must be an integer >= 2 (got ${v})`);
        return;
      }
      requireObject('n', v);
      const min = v.min ?? 2;
      const max = v.max ?? Math.max(6, min);
      if (!Number.isInteger(min) || min < 2)
        throw constraintError(FN, 'n.min', `must be an integer >= 2 (got ${String(v.min)})`);
      if (!Number.isInteger(max) || max < min)
        throw constraintError(FN, 'n.max', `must be an integer >= n.min (got ${String(v.max)})`);
    },
    arbitrary: (_v, ctx) => fc.constant(ctx.n),
  },
  reference: {
    description: 'reference kernel q(y|x)',
    variants: [...REFERENCE_NAMES, 'nearReversible(eps)'],
    defaultVariant: defaultSlotVariants.reference,
    dependsOn: [],
    minStates: (v) => (v === 'nonReversible' || nearEps(v) !== undefined ? 3 : 2),
    validate: (v) => {
      const eps = nearEps(v);
      if (eps !== undefined) {
        if (eps.lt(ZERO) || eps.gt(ONE))
          throw constraintError(FN, 'reference.nearReversible', `must lie in [0, 1] (got ${eps.toFraction()})`);
        return;
      }
      named('reference', v, REFERENCE_NAMES, ', or { nearReversible: eps }');
    },
    arbitrary: (v, { n }) => {
      const eps = nearEps(v);
      if (eps !== undefined) {
        return nearReversiblePrior({ n, eps }).map((p) => ({
          variant: `nearReversible(${eps.toFraction()})`,
          q: p.reference,
          circulation: { eps: p.eps, flux: p.circulation, stationary: p.stationary, witness: p.witness, base: p.base },
        }));
      }
      switch (v as (typeof REFERENCE_NAMES)[number]) {
        case 'reversible':
          return reversiblePrior({ n }).map((p) => fromReversible('reversible', p));
        case 'symmetric':
          return symmetricPrior({ n }).map((p) => fromReversible('symmetric', p));
        case 'reversibleSparse':
          return reversiblePrior({ n, shape: 'sparse' }).map((p) => fromReversible('reversibleSparse', p));
        case 'uniform':
          return fc.constant(fromReversible('uniform', uniformPrior(n)));
        case 'any':
          return stochasticMatrix({ n }).map((q) => ({ variant: 'any', q }));
        case 'nonReversible':
          return nonReversiblePrior({ n }).map((p) => ({
            variant: 'nonReversible',
            q: p.reference,
            circulation: {
              eps: p.eps,
              flux: p.circulation,
              stationary: p.stationary,
              witness: p.witness,
              base: p.base,
            },
          }));
      }
    },
  },
  potential: {
    description: "potential Phi: 'weights' gives w = exp(Phi/beta), 'values' gives Phi",
    variants: ['weights', 'values'],
    defaultVariant: defaultSlotVariants.potential,
    dependsOn: [],
    minStates: () => 2,
    validate: (v) => void named('potential', v, ['weights', 'values'] as const),
    arbitrary: (v, { n }) =>
      v === 'weights'
        ? positiveWeights({ n }).map((weights): EnergyVector => ({ form: 'weights', weights }))
        : potential({ n }).map((values): EnergyVector => ({ form: 'values', values })),
  },
  interaction: {
    description: 'pairwise interaction s(x,y) (or v = exp(s/beta)), in the potential form',
    variants: ['symmetric', 'none', 'antisymmetric', 'any'],
    defaultVariant: defaultSlotVariants.interaction,
    dependsOn: [],
    minStates: () => 2,
    validate: (v) => void named('interaction', v, INTERACTION_KINDS),
    arbitrary: (kind, { n, form }) =>
      form === 'weights'
        ? interactionWeights({ n, kind }).map((weights): InteractionSample => ({ kind, form: 'weights', weights }))
        : interaction({ n, kind }).map((values): InteractionSample => ({ kind, form: 'values', values })),
  },
  reward: {
    description: "reward r(x,y): 'pairwise' Phi(y) + c(x) + s(x,y), 'potential' Phi(y) - Phi(x) + s(x,y), 'any' free",
    variants: ['pairwise', 'potential', 'any'],
    defaultVariant: defaultSlotVariants.reward,
    dependsOn: [],
    minStates: () => 2,
    validate: (v) => void named('reward', v, ['pairwise', 'potential', 'any'] as const),
    arbitrary: (v, { n, form }) => {
      switch (v) {
        case 'potential':
          return fc.constant<RewardSample>({ kind: 'potential' });
        case 'pairwise':
          return form === 'weights'
            ? positiveWeights({ n }).map((weights): RewardSample => ({
                kind: 'pairwise',
                offset: { form: 'weights', weights },
              }))
            : potential({ n }).map((values): RewardSample => ({
                kind: 'pairwise',
                offset: { form: 'values', values },
              }));
        case 'any':
          return form === 'weights'
            ? interactionWeights({ n, kind: 'any', maxNumerator: 64, maxDenominator: 64 }).map(
                (weights): RewardSample => ({ kind: 'any', reward: { form: 'weights', weights } }),
              )
            : interaction({ n, kind: 'any', min: -5, max: 5, maxDenominator: 8 }).map((values): RewardSample => ({
                kind: 'any',
                reward: { form: 'values', values },
              }));
      }
    },
  },
  beta: {
    description: 'inverse temperature beta (rational)',
    variants: [],
    defaultVariant: defaultSlotVariants.beta,
    dependsOn: [],
    minStates: () => 2,
    validate: (v) => {
      requireObject('beta', v);
      beta(v);
    },
    arbitrary: (v) => beta(v),
  },
  expOneOverBeta: {
    description: 'E = e^{1/beta} > 1 (rational), for exact RLVR closed forms',
    variants: [],
    defaultVariant: defaultSlotVariants.expOneOverBeta,
    dependsOn: [],
    minStates: () => 2,
    validate: (v) => {
      requireObject('expOneOverBeta', v);
      expOneOverBeta(v);
    },
    arbitrary: (v) => expOneOverBeta(v),
  },
  chainStart: {
    description: 'start law nu_0 of the chain',
    variants: CHAIN_START_NAMES,
    defaultVariant: defaultSlotVariants.chainStart,
    dependsOn: [],
    minStates: () => 2,
    validate: (v) => void named('chainStart', v, CHAIN_START_NAMES),
    arbitrary: (kind, { n }) => startDistribution({ n, kind }),
  },
  target: {
    description: 'superior set A (nonempty, proper)',
    variants: ['levelSet', 'any'],
    defaultVariant: defaultSlotVariants.target,
    dependsOn: ['potential'],
    minStates: () => 2,
    validate: (v) => void named('target', v, ['levelSet', 'any'] as const),
    arbitrary: (v, { n, potential: phi }) => {
      const anySet = superiorSet({ n }).map((states): SuperiorSet => ({ states }));
      if (v === 'any') return anySet;
      if (phi === undefined) throw constraintError(FN, 'target', "'levelSet' needs the potential slot");
      const values = phi.form === 'weights' ? phi.weights : phi.values;
      return properThresholds(values).length > 0 ? superiorLevelSet(values) : anySet;
    },
  },
  prompts: {
    description: 'RLVR prompt set (n responses per prompt)',
    variants: [],
    defaultVariant: defaultSlotVariants.prompts,
    dependsOn: [],
    minStates: () => 2,
    validate: (v) => {
      requireObject('prompts', v);
      for (const key of ['n', 'minStates', 'maxStates', 'initial']) {
        if (key in v) throw constraintError(FN, `prompts.${key}`, 'is set by another slot (n, start), not here');
      }
      promptSet({ ...v, n: 2 });
    },
    arbitrary: (v, { n }) => promptSet({ ...v, n }),
  },
  start: {
    description: 'initial policy pi_0 of each prompt',
    variants: ['tilt', 'reference', 'any', 'nonTilt'],
    defaultVariant: defaultSlotVariants.start,
    dependsOn: ['prompts'],
    minStates: (v) => (v === 'nonTilt' ? 3 : 2),
    validate: (v) => void named('start', v, INITIAL_POLICY_KINDS),
    arbitrary: (kind, { prompts }) => {
      if (prompts === undefined) throw constraintError(FN, 'start', 'needs the prompts slot');
      return fc.tuple(...prompts.prompts.map((p) => initialPolicy(p, { kind }))).map((policies) => [...policies]);
    },
  },
  times: {
    description: 'times t along the flow (strictly increasing)',
    variants: [],
    defaultVariant: defaultSlotVariants.times,
    dependsOn: [],
    minStates: () => 2,
    validate: (v) => {
      requireObject('times', v);
      times(v);
    },
    arbitrary: (v) => times(v),
  },
};

const SLOT_NAMES = Object.keys(instanceSlots) as SlotName[];

type ResolvedSlots = { [K in SlotName]?: SlotVariants[K] };

function resolve(slots: SlotSelection): ResolvedSlots {
  if (typeof slots !== 'object' || slots === null)
    throw constraintError(FN, 'slots', 'must be an object of slot variants');
  const resolved: Record<string, unknown> = {};
  for (const [name, variant] of Object.entries(slots)) {
    if (!SLOT_NAMES.includes(name as SlotName))
      throw constraintError(FN, name, `is not a slot (slots: ${SLOT_NAMES.join(', ')})`);
    if (variant === undefined) continue;
    const slot = name as SlotName;
    const v = variant === 'default' ? defaultSlotVariants[slot] : variant;
    (instanceSlots[slot] as SlotDefinition<SlotName>).validate(v);
    resolved[slot] = v;
  }
  return resolved;
}

function build<K extends SlotName>(slot: K, variant: SlotVariants[K], ctx: SlotContext): fc.Arbitrary<SlotValues[K]> {
  return (instanceSlots[slot] as SlotDefinition<K>).arbitrary(variant, ctx);
}

/**
 * Instances with the selected slots (each a variant, or 'default'), all sharing
 * n. Example: `instanceFromSlots({ reference: 'reversible', potential: 'weights',
 * interaction: 'symmetric', reward: 'potential' })` gives
 * `{ n, reference, potential, interaction, reward }`.
 */
export function instanceFromSlots<S extends SlotSelection>(slots: S): fc.Arbitrary<Instance<S>> {
  const chosen = resolve(slots);
  const nVariant = chosen.n ?? defaultSlotVariants.n;
  let min = typeof nVariant === 'number' ? nVariant : (nVariant.min ?? 2);
  const max = typeof nVariant === 'number' ? nVariant : (nVariant.max ?? Math.max(6, min));
  const needs: string[] = [];
  for (const slot of SLOT_NAMES) {
    const variant = chosen[slot];
    if (slot === 'n' || variant === undefined) continue;
    const need = (instanceSlots[slot] as SlotDefinition<SlotName>).minStates(variant);
    if (need > min) {
      if (typeof nVariant === 'number')
        throw constraintError(
          FN,
          'n',
          `must be at least ${need} for ${slot} '${slotVariantLabel(slot, variant)}' (got ${nVariant})`,
        );
      needs.push(`${slot} '${slotVariantLabel(slot, variant)}'`);
      min = need;
    }
  }
  if (max < min) throw constraintError(FN, 'n.max', `must be at least ${min} for ${needs.join(', ')} (got ${max})`);
  for (const slot of ['target', 'start'] as const) {
    const dep = instanceSlots[slot].dependsOn;
    if (chosen[slot] !== undefined && !dep.every((d) => chosen[d] !== undefined)) {
      if (!(slot === 'target' && chosen.target === 'any'))
        throw constraintError(FN, slot, `needs the ${dep.join(', ')} slot`);
    }
  }
  const form: EnergyForm = chosen.potential ?? 'weights';
  // Build once at both ends of the range so a bad variant throws now, not in a run.
  for (const n of new Set([min, max])) {
    for (const slot of SLOT_NAMES)
      if (chosen[slot] !== undefined && instanceSlots[slot].dependsOn.length === 0)
        build(slot, chosen[slot] as never, { n, form });
  }
  const independent = SLOT_NAMES.filter(
    (s) => s !== 'n' && chosen[s] !== undefined && instanceSlots[s].dependsOn.length === 0,
  );
  const dependent = SLOT_NAMES.filter((s) => chosen[s] !== undefined && instanceSlots[s].dependsOn.length > 0);
  const byN = (n: number): fc.Arbitrary<Instance<S>> => {
    const ctx: SlotContext = { n, form };
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const slot of independent) record[slot] = build(slot, chosen[slot] as never, ctx);
    const first = fc.record(record) as fc.Arbitrary<Record<string, unknown>>;
    const complete =
      dependent.length === 0
        ? first
        : first.chain((values) => {
            const dctx: SlotContext = {
              n,
              form,
              potential: values.potential as EnergyVector | undefined,
              prompts: values.prompts as PromptSet | undefined,
            };
            const rest: Record<string, fc.Arbitrary<unknown>> = {};
            for (const slot of dependent) rest[slot] = build(slot, chosen[slot] as never, dctx);
            return fc.record(rest).map((more) => ({ ...values, ...more }));
          });
    return complete.map((values) => ({ n, ...values }) as Instance<S>);
  };
  return min === max ? byN(min) : fc.integer({ min, max }).chain(byN);
}

/** A short label of a variant, e.g. 'reversible', 'nearReversible(1/100)', '2..6'. */
export function slotVariantLabel(slot: SlotName, variant: unknown): string {
  if (typeof variant === 'string') return variant;
  if (typeof variant === 'number') return String(variant);
  if (slot === 'reference' && typeof variant === 'object' && variant !== null && 'nearReversible' in variant) {
    return `nearReversible(${parseRational((variant as { nearReversible: RationalInput }).nearReversible).toFraction()})`;
  }
  if (slot === 'n' && typeof variant === 'object' && variant !== null) {
    const v = variant as { min?: number; max?: number };
    return `${v.min ?? 2}..${v.max ?? Math.max(6, v.min ?? 2)}`;
  }
  return JSON.stringify(variant, (_k, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

function parseRangeText(slot: string, text: string): [string, string] {
  const m = /^\s*([^.\s][^\s]*?)\s*\.\.\s*([^\s]+)\s*$/.exec(text);
  if (!m) throw constraintError('parseSlotVariant', slot, `expects a range "min..max" (got ${JSON.stringify(text)})`);
  return [m[1]!, m[2]!];
}

/**
 * Read a variant from text, as a command line gives it: a variant name
 * ('symmetric'), 'nearReversible(1/100)', a state count '4' or '3..5', or a
 * range 'min..max' for beta, expOneOverBeta, times and (prompt counts) prompts.
 */
export function parseSlotVariant<K extends SlotName>(slot: K, text: string): SlotVariants[K] {
  const fn = 'parseSlotVariant';
  if (!SLOT_NAMES.includes(slot))
    throw constraintError(fn, 'slot', `must be one of ${SLOT_NAMES.join(', ')} (got ${JSON.stringify(slot)})`);
  const t = text.trim();
  let variant: unknown;
  switch (slot) {
    case 'n': {
      if (/^\d+$/.test(t)) variant = Number(t);
      else {
        const [a, b] = parseRangeText('n', t);
        variant = { min: Number(a), max: Number(b) };
      }
      break;
    }
    case 'reference': {
      const m = /^nearReversible\(\s*([^)]+?)\s*\)$/.exec(t);
      variant = m ? { nearReversible: m[1]! } : t;
      break;
    }
    case 'beta':
    case 'expOneOverBeta':
    case 'times': {
      const [a, b] = parseRangeText(slot, t);
      variant = { min: a, max: b };
      break;
    }
    case 'prompts': {
      const [a, b] = parseRangeText(slot, t);
      variant = { minPrompts: Number(a), maxPrompts: Number(b) };
      break;
    }
    default:
      variant = t;
  }
  try {
    (instanceSlots[slot] as SlotDefinition<SlotName>).validate(variant as never);
  } catch (error) {
    throw new Error(`${fn}: ${slot} ${JSON.stringify(text)} is not a valid variant (${(error as Error).message})`);
  }
  return variant as SlotVariants[K];
}
