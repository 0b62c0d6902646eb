/**
 * RLVR instances along the natural gradient flow (T8, T9): arbitraries, slot
 * families for `assume`, and the levels of their degrees of failure.
 *
 * Main definitions
 * - `FlowInstance`, `flowInstance(options)`: beta, prompts (q, C, optional
 *   pi_0) and strictly increasing times, drawn as beta t = s in [0, maxDecay]
 *   so that e^{-beta t} stays in a range where the claims are decidable.
 * - `withDegeneratePrompt(arbitrary)`: the same instances with the first
 *   prompt's correct set made empty (p0 = 0).
 * - `flowFamily(options)`: the same instances as a slot family (n, prompts,
 *   start, beta, times), for `assume`.
 * - `decayLevels`, `startDegrees`: the levels beta t = 0 .. 4 of a degree of
 *   failure, and the degrees of a replaced start.
 * - `fromATilt`: the hypothesis "pi_0 is q or a tilt of q" (exact).
 * - `describeFlowInstance`: the JSON view of an instance (exact "p/q" strings).
 *
 * Implementation details
 * A start of kind 'nonTilt' needs three responses, so its prompts have at
 * least three. A replaced times slot gives the times t themselves; otherwise
 * beta t is drawn and t = (beta t) / beta, as for the arbitraries.
 */
import fc from 'fast-check';
import { Rational, ZERO } from '../../src/arith/rational.js';
import { overridesLabel, realizeFamilies, slotFamily, touches, type SlotFamily } from '../../src/runner/kit/index.js';
import type { DegreeLevel, DegreeSpec, SlotOverrides, SubClaimHypothesis } from '../../src/runner/theorem.js';
import {
  beta as betaArbitrary,
  instanceToJson,
  promptSet,
  times as timesArbitrary,
  type BetaConstraints,
  type InitialPolicyKind,
  type Prompt,
  type SlotSelection,
} from '../../properties/index.js';

// ---------------------------------------------------------------- instances

/** An RLVR instance along the flow: every prompt shares n responses. */
export interface FlowInstance {
  n: number;
  beta: Rational;
  prompts: Prompt[];
  /** times t >= 0, strictly increasing */
  times: Rational[];
}

export interface FlowInstanceOptions {
  /** start kinds to draw from (one kind per instance); 'reference' is the flow from q. Default ['reference']. */
  starts?: readonly InitialPolicyKind[];
  /** responses per prompt; default 2..4 */
  minStates?: number;
  maxStates?: number;
  /** default 2 */
  maxPrompts?: number;
  /** allow p0 in {0, 1}; default true */
  degenerate?: boolean;
  /** times per instance; default 1..2 */
  minTimes?: number;
  maxTimes?: number;
  /** largest beta t; default 6 */
  maxDecay?: number;
  /** default [1/16, 16] */
  beta?: BetaConstraints;
}

/** Instances along the flow (see the module comment); shrink toward one prompt from q, beta = 1, t = 0. */
export function flowInstance(options: FlowInstanceOptions = {}): fc.Arbitrary<FlowInstance> {
  const starts = options.starts ?? ['reference'];
  const minStates = options.minStates ?? 2;
  const maxStates = options.maxStates ?? 4;
  const prompts = fc.constantFrom(...starts).chain((kind) =>
    promptSet({
      minStates: kind === 'nonTilt' ? Math.max(3, minStates) : minStates,
      maxStates: kind === 'nonTilt' ? Math.max(3, maxStates) : maxStates,
      maxPrompts: options.maxPrompts ?? 2,
      degenerate: options.degenerate ?? true,
      initial: kind,
      maxWeight: 16,
    }),
  );
  const decays = timesArbitrary({
    max: options.maxDecay ?? 6,
    minLength: options.minTimes ?? 1,
    maxLength: options.maxTimes ?? 2,
  });
  return fc
    .record({ prompts, beta: betaArbitrary(options.beta ?? { min: '1/16', max: 16 }), decays })
    .map(({ prompts: set, beta, decays: s }) => ({
      n: set.responses,
      beta,
      prompts: set.prompts,
      times: s.map((decay) => decay.div(beta)),
    }));
}

/**
 * The instances of `arbitrary` with the first prompt's correct set emptied
 * (p0 = 0, so pi* = q). The empty set rather than the full one: p_t and p*
 * are then the empty sum, an exact 0, so "p_t < p*" is decidedly false; with
 * C = everything both are 1 as sums of enclosures, equal but not decidable.
 */
export function withDegeneratePrompt(arbitrary: fc.Arbitrary<FlowInstance>): fc.Arbitrary<FlowInstance> {
  return arbitrary.map((instance) => {
    const [first, ...rest] = instance.prompts;
    const correct = first!.reference.map(() => false);
    return { ...instance, prompts: [{ ...first!, correct, p0: ZERO }, ...rest] };
  });
}

export interface FlowFamilyOptions extends Omit<FlowInstanceOptions, 'starts' | 'beta'> {
  /** the start slot's variant (pi_0 of each prompt) */
  start: InitialPolicyKind;
  /** the claim is about this start (e.g. "from q"): it is never replaced */
  pinStart?: boolean;
  /** the claim's times are pinned (t small, e.g. an integration's range) */
  pinTimes?: boolean;
}

/** The slots a flow family draws. */
type FlowSlots = Required<Pick<SlotSelection, 'n' | 'prompts' | 'start' | 'beta' | 'times'>>;

/**
 * Flow instances drawn from slots (for `assume`): n (default 2..4), the
 * prompts slot, the start slot (pi_0 of each prompt), beta in [1/16, 16], and
 * the times. Unless the times slot is replaced, beta t = s is drawn in
 * [0, maxDecay] and t = s / beta (as `flowInstance` does); a replaced times
 * slot gives the times t themselves.
 */
export function flowFamily(options: FlowFamilyOptions): SlotFamily<FlowInstance> {
  const minTimes = options.minTimes ?? 1;
  const maxTimes = options.maxTimes ?? 2;
  const pinned = [...(options.pinStart ? (['start'] as const) : []), ...(options.pinTimes ? (['times'] as const) : [])];
  const slots: FlowSlots = {
    n: { min: options.minStates ?? 2, max: options.maxStates ?? 4 },
    prompts: { maxPrompts: options.maxPrompts ?? 2, degenerate: options.degenerate ?? true, maxWeight: 16 },
    start: options.start,
    beta: { min: '1/16', max: 16 },
    times: { minLength: minTimes, maxLength: maxTimes },
  };
  return slotFamily<FlowSlots, FlowInstance>(slots, {
    pinned,
    build: (draw, replaced) => {
      const { n, beta } = draw;
      const prompts = draw.prompts.prompts.map((p, i) => ({ ...p, initial: draw.start[i]! }));
      if (replaced.has('times')) return fc.constant({ n, beta, prompts, times: draw.times });
      const decays = timesArbitrary({ max: options.maxDecay ?? 6, minLength: minTimes, maxLength: maxTimes });
      return decays.map((s) => ({ n, beta, prompts, times: s.map((decay) => decay.div(beta)) }));
    },
  });
}

// ---------------------------------------------------------------- degrees of failure

/** beta t at which a degree of failure is measured: the defect shrinks as pi_t approaches pi*. */
const DECAYS = ['0', '1/2', '1', '2', '4'];

/** The instances at each beta t = s of the ladder (one time t = s / beta). */
export function decayLevels(instances: fc.Arbitrary<FlowInstance>, prefix = ''): DegreeLevel<FlowInstance>[] {
  return DECAYS.map((text) => {
    const [p, q] = text.split('/');
    const s = new Rational(BigInt(p!), BigInt(q ?? '1'));
    const arbitrary = instances.map((instance) => ({ ...instance, times: [s.div(instance.beta)] }));
    return { label: `${prefix}beta t = ${text}`, arbitrary };
  });
}

/**
 * The degrees of failure of a replaced start: `degree` measured on the
 * `families` with the overrides, along beta t (or at the replaced times).
 */
export function startDegrees(
  families: readonly SlotFamily<FlowInstance>[],
  degree: (levels: DegreeLevel<FlowInstance>[]) => DegreeSpec<FlowInstance>,
): (overrides: SlotOverrides) => DegreeSpec<FlowInstance>[] {
  return (overrides) => {
    if (!touches(overrides, ['start'])) return [];
    const instances = realizeFamilies(families, overrides);
    if (instances === undefined) return [];
    const text = overridesLabel(overrides);
    return [
      degree(
        touches(overrides, ['times']) ? [{ label: text, arbitrary: instances }] : decayLevels(instances, `${text}, `),
      ),
    ];
  };
}

/**
 * pi_0 is q or a tilt of q at every prompt: pi_0(y) q(y') = pi_0(y') q(y) for
 * y, y' in the same class (exact; cross-multiplied, so zeros of q need no
 * division). The hypothesis of T8's claims "from pi_0 = q (or any tilt of
 * q)", checked as implications once the start is replaced.
 */
export const fromATilt: SubClaimHypothesis<FlowInstance> = {
  text: 'pi_0 is q or a tilt of q at every prompt',
  slots: ['start'],
  holds: (instance) =>
    instance.prompts.every(({ initial, reference: q, correct }) => {
      const pi0 = initial?.pi0;
      const sameRatio = (y: number, z: number) =>
        correct[y] !== correct[z] || pi0![y]!.mul(q[z]!).equals(pi0![z]!.mul(q[y]!));
      return pi0 === undefined || q.every((_, y) => q.every((_, z) => sameRatio(y, z)));
    }),
};

export function describeFlowInstance(instance: unknown): unknown {
  return instanceToJson(instance);
}
