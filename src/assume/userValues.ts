/**
 * User-drawn slot values: checked and converted to the value types of
 * properties/slots.ts, exactly.
 *
 * Main definitions
 * - `USER_SLOTS`: the slots a module may draw (module.ts `SlotValueTypes`).
 * - `convertSlotValue(slot, value, context)`: one value, checked against n
 *   (and the prompts, for start), as the theorems' instances hold it.
 * - `sizeOf(slot, value)`: the number of states a value fixes (undefined for
 *   scalars and for values that do not say).
 * - `energyFormOf(slot, value)`: 'values' or 'weights' for energies.
 * - `promptViews(set)`: the prompts as a start function sees them.
 *
 * Implementation details
 * Numbers go through the project's one reader (`parseRational`): no
 * rounding, ever. A bad value throws an `InputError` whose field is the slot
 * and the place in the value ("module reference[1][2]"), so one clear line
 * reaches the user even when the value was drawn in the middle of a run.
 * A reference must be irreducible (every claim about a stationary law needs
 * it); a start law and the prompts' q must be positive (the flow takes logs).
 */
import { InputError } from '../errors.js';
import { Rational, rationalToString } from '../arith/rational.js';
import {
  readBooleans,
  readMatrix,
  readRational,
  readVector,
  rejectUnknownKeys,
  requireArray,
  requireDistribution,
  requireObject,
} from '../input/fields.js';
import {
  isIrreducible,
  isSymmetric,
  type EnergyMatrix,
  type EnergyVector,
  type InitialPolicy,
  type InteractionSample,
  type Prompt,
  type PromptSet,
  type ReferenceSample,
  type RewardSample,
  type StartDistribution,
} from '../../properties/index.js';
import type { PromptView } from './module.js';

export const USER_SLOTS = [
  'n',
  'reference',
  'potential',
  'interaction',
  'reward',
  'beta',
  'start',
  'prompts',
  'times',
  'chainStart',
] as const;
export type UserSlot = (typeof USER_SLOTS)[number];

/** Largest n a module may draw: exact chains on more states get slow. */
export const MAX_USER_STATES = 12;

const ZERO = new Rational(0n);
const ONE = new Rational(1n);

export interface ConversionContext {
  readonly n: number;
  /** the prompts drawn (start slot) */
  readonly prompts?: PromptSet;
}

const field = (slot: string, path = ''): string => `module ${slot}${path}`;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The energy form a value is written in: a bare array or { values } is 'values', { weights } is 'weights'. */
export function energyFormOf(slot: string, value: unknown): 'values' | 'weights' {
  if (Array.isArray(value)) return 'values';
  if (isRecord(value)) {
    rejectUnknownKeys(
      value,
      Object.prototype.hasOwnProperty.call(value, 'weights') ? ['weights'] : ['values'],
      field(slot),
    );
    if (Object.prototype.hasOwnProperty.call(value, 'weights')) return 'weights';
    if (Object.prototype.hasOwnProperty.call(value, 'values')) return 'values';
  }
  throw new InputError(
    field(slot),
    `must be an array of values, { values: [...] } or { weights: [...] }, got ${describe(value)}`,
    'see docs/assumptions.md for the value of each slot',
  );
}

function energyPayload(slot: string, value: unknown): { form: 'values' | 'weights'; payload: unknown; path: string } {
  const form = energyFormOf(slot, value);
  if (Array.isArray(value)) return { form, payload: value, path: '' };
  return { form, payload: (value as Record<string, unknown>)[form], path: `.${form}` };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  // what typeof leaves: a primitive, or a function (String gives its source)
  const rest = value as string | number | bigint | boolean | symbol | undefined | ((...args: never[]) => unknown);
  return `${typeof value} ${String(rest).slice(0, 40)}`;
}

/** The number of states a value fixes, or undefined (scalars; a start law for every prompt says n too). */
export function sizeOf(slot: UserSlot, value: unknown): number | undefined {
  switch (slot) {
    case 'reference':
    case 'chainStart':
      return Array.isArray(value) ? value.length : undefined;
    case 'potential':
    case 'interaction':
    case 'reward': {
      const { payload } = energyPayload(slot, value);
      return Array.isArray(payload) ? payload.length : undefined;
    }
    case 'start':
      if (!Array.isArray(value) || value.length === 0) return undefined;
      return Array.isArray(value[0]) ? (value[0] as unknown[]).length : value.length;
    case 'prompts': {
      if (!Array.isArray(value) || value.length === 0 || !isRecord(value[0])) return undefined;
      const reference = value[0].reference;
      return Array.isArray(reference) ? reference.length : undefined;
    }
    default:
      return undefined;
  }
}

function readLaw(value: unknown, where: string, n: number, positive: boolean): Rational[] {
  const law = readVector(value, where, positive ? 'positive' : 'nonNegative', n);
  requireDistribution(law, where);
  return law;
}

function interactionKind(form: 'values' | 'weights', m: readonly (readonly Rational[])[]): InteractionSample['kind'] {
  const neutral = form === 'values' ? ZERO : ONE;
  if (m.every((row) => row.every((v) => v.equals(neutral)))) return 'none';
  if (isSymmetric(m)) return 'symmetric';
  const mirrored = (a: Rational, b: Rational): boolean =>
    form === 'values' ? a.add(b).n === 0n : a.mul(b).equals(ONE);
  const anti = m.every((row, x) => row.every((v, y) => mirrored(v, m[y]![x]!)));
  return anti ? 'antisymmetric' : 'any';
}

function readEnergyMatrix(slot: string, value: unknown, n: number): EnergyMatrix {
  const { form, payload, path } = energyPayload(slot, value);
  const m = readMatrix(payload, field(slot, path), form === 'weights' ? 'positive' : 'any', n);
  return form === 'weights' ? { form, weights: m } : { form, values: m };
}

function readPrompts(value: unknown, n: number): PromptSet {
  const entries = requireArray(value, field('prompts'), 'an array of prompts { weight?, reference, correct }');
  if (entries.length === 0) throw new InputError(field('prompts'), 'is empty', 'give at least one prompt');
  const raw = entries.map((entry, i) => {
    const where = field('prompts', `[${i}]`);
    const prompt = requireObject(entry, where);
    rejectUnknownKeys(prompt, ['weight', 'reference', 'correct'], where);
    const weight = prompt.weight === undefined ? ONE : readRational(prompt.weight, `${where}.weight`, 'positive');
    const reference = readLaw(prompt.reference, `${where}.reference`, n, true);
    const correct = readBooleans(prompt.correct, `${where}.correct`, n);
    return { weight, reference, correct };
  });
  const totalWeight = raw.reduce((acc, p) => acc.add(p.weight), ZERO);
  const prompts: Prompt[] = raw.map((p) => ({
    weight: p.weight.div(totalWeight),
    reference: p.reference,
    correct: p.correct,
    p0: p.reference.reduce((acc, q, y) => (p.correct[y] ? acc.add(q) : acc), ZERO),
  }));
  return { responses: n, prompts };
}

function readStart(value: unknown, context: ConversionContext): InitialPolicy[] {
  const prompts = context.prompts?.prompts;
  if (prompts === undefined)
    throw new InputError(
      field('start'),
      'has no prompts to start from',
      'a start law belongs to an RLVR instance (T6-T9)',
    );
  const list = requireArray(value, field('start'), 'a law pi_0, or one law per prompt');
  const perPrompt = list.length > 0 && Array.isArray(list[0]);
  if (perPrompt && list.length !== prompts.length) {
    throw new InputError(
      field('start'),
      `gives ${list.length} laws for ${prompts.length} prompts`,
      'give one law for every prompt, or a single law used for all (a function of context.prompts sees how many)',
    );
  }
  return prompts.map((prompt, i) => {
    const pi0 = readLaw(perPrompt ? list[i] : list, field('start', perPrompt ? `[${i}]` : ''), context.n, true);
    return pi0.every((p, y) => p.equals(prompt.reference[y]!)) ? { kind: 'reference', pi0 } : { kind: 'any', pi0 };
  });
}

function readTimes(value: unknown): Rational[] {
  const times = readVector(value, field('times'), 'nonNegative');
  times.forEach((t, k) => {
    if (k > 0 && !t.gt(times[k - 1]!)) {
      throw new InputError(
        field('times', `[${k}]`),
        `is ${rationalToString(t)}, not after ${rationalToString(times[k - 1]!)}`,
        'give strictly increasing times',
      );
    }
  });
  return times;
}

/** One drawn value as the slot holds it; an InputError naming the slot and place when it is not valid. */
export function convertSlotValue(slot: UserSlot, value: unknown, context: ConversionContext): unknown {
  const { n } = context;
  switch (slot) {
    case 'n': {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 2 || value > MAX_USER_STATES) {
        throw new InputError(
          field('n'),
          `must be an integer in 2..${MAX_USER_STATES}, got ${describe(value)}`,
          `draw n with e.g. fc.integer({ min: 3, max: 5 })`,
        );
      }
      return value;
    }
    case 'reference': {
      const q = readMatrix(value, field('reference'), 'nonNegative', n);
      q.forEach((row, x) => requireDistribution(row, field('reference', `[${x}]`)));
      if (!isIrreducible(q))
        throw new InputError(
          field('reference'),
          'is not irreducible (some response cannot reach another)',
          'every response must be reachable from every other through positive entries',
        );
      const sample: ReferenceSample = { variant: 'custom', q };
      return sample;
    }
    case 'potential': {
      const { form, payload, path } = energyPayload(slot, value);
      const v = readVector(payload, field(slot, path), form === 'weights' ? 'positive' : 'any', n);
      const energy: EnergyVector = form === 'weights' ? { form, weights: v } : { form, values: v };
      return energy;
    }
    case 'interaction': {
      const m = readEnergyMatrix(slot, value, n);
      const sample: InteractionSample = {
        kind: interactionKind(m.form, m.form === 'weights' ? m.weights : m.values),
        ...m,
      };
      return sample;
    }
    case 'reward': {
      const sample: RewardSample = { kind: 'any', reward: readEnergyMatrix(slot, value, n) };
      return sample;
    }
    case 'beta':
      return readRational(value, field('beta'), 'positive');
    case 'times':
      return readTimes(value);
    case 'prompts':
      return readPrompts(value, n);
    case 'start':
      return readStart(value, context);
    case 'chainStart': {
      const start: StartDistribution = { kind: 'random', nu: readLaw(value, field('chainStart'), n, false) };
      return start;
    }
  }
}

/** The prompts as a start function sees them (exact "p/q" strings). */
export function promptViews(set: PromptSet | undefined): PromptView[] | undefined {
  return set?.prompts.map((p) => ({
    weight: rationalToString(p.weight),
    reference: p.reference.map(rationalToString),
    correct: [...p.correct],
    p0: rationalToString(p.p0),
  }));
}
