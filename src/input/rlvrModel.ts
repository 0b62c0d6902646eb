/**
 * The MODEL.json of `ebm-lens rlvr`, validated.
 *
 *     { "beta": "1/2",
 *       "prompts": [{ "weight": 1, "reference": [...], "correct": [true, false, ...],
 *                     "initial": [...] }],
 *       "times": [0, 1, 2] }
 *
 * Main definitions
 * - `RlvrModel`: the exact data (rationals) of an instance and its times.
 * - `parseRlvrModel(json)`: validation; every failure is an `InputError` whose
 *   field is a JSON path such as `prompts[0].reference[2]`.
 *
 * Implementation details
 * weight defaults to 1 and is normalized with the others; reference and
 * initial must be distributions (entries >= 0, sum exactly 1); initial must
 * be positive exactly where reference is (the softmax flow starts from finite
 * logits on supp q); times must be >= 0. Limits on sizes keep a run short:
 * MAX_RESPONSES responses per prompt, MAX_PROMPTS prompts, MAX_TIMES times.
 */
import { InputError } from '../errors.js';
import type { Rational } from '../arith/rational.js';
import {
  readBooleans,
  readRational,
  readVector,
  rejectUnknownKeys,
  requireArray,
  requireDistribution,
  requireObject,
} from './fields.js';

export const MAX_RESPONSES = 10_000;
export const MAX_PROMPTS = 1_000;
export const MAX_TIMES = 1_000;

export interface RlvrModelPrompt {
  readonly weight: Rational;
  readonly reference: Rational[];
  readonly correct: boolean[];
  readonly initial?: Rational[];
}

export interface RlvrModel {
  readonly beta: Rational;
  readonly prompts: RlvrModelPrompt[];
  readonly times: Rational[];
}

export function parseRlvrModel(json: Record<string, unknown>): RlvrModel {
  rejectUnknownKeys(json, ['beta', 'prompts', 'times'], '');
  const beta = readRational(json.beta, 'beta', 'positive');
  if (json.prompts === undefined)
    throw new InputError('prompts', 'is missing', 'give "prompts": [{ "reference": [...], "correct": [...] }]');
  const rawPrompts = requireArray(json.prompts, 'prompts', 'an array of prompt objects');
  if (rawPrompts.length === 0) throw new InputError('prompts', 'is empty', 'give at least one prompt');
  if (rawPrompts.length > MAX_PROMPTS)
    throw new InputError(
      'prompts',
      `has ${rawPrompts.length} prompts, more than the limit ${MAX_PROMPTS}`,
      'split the instance into smaller files',
    );
  const prompts = rawPrompts.map((raw, k) => parsePrompt(raw, `prompts[${k}]`));
  if (prompts.every((p) => p.weight.n === 0n))
    throw new InputError('prompts', 'every weight is 0', 'give at least one prompt a positive weight');
  if (json.times === undefined)
    throw new InputError('times', 'is missing', 'give the flow times, e.g. "times": [0, 1, 2, 5]');
  const times = readVector(json.times, 'times', 'nonNegative');
  if (times.length > MAX_TIMES)
    throw new InputError('times', `has ${times.length} entries, more than the limit ${MAX_TIMES}`, 'give fewer times');
  return { beta, prompts, times };
}

function parsePrompt(raw: unknown, field: string): RlvrModelPrompt {
  const object = requireObject(raw, field);
  rejectUnknownKeys(object, ['weight', 'reference', 'correct', 'initial'], field);
  const weight =
    object.weight === undefined
      ? readRational(1, `${field}.weight`)
      : readRational(object.weight, `${field}.weight`, 'nonNegative');
  if (object.reference === undefined)
    throw new InputError(
      `${field}.reference`,
      'is missing',
      'give q(y|x) over the responses, e.g. "reference": ["1/2", "1/4", "1/4"]',
    );
  const reference = readVector(object.reference, `${field}.reference`, 'nonNegative');
  if (reference.length > MAX_RESPONSES) {
    throw new InputError(
      `${field}.reference`,
      `has ${reference.length} responses, more than the limit ${MAX_RESPONSES}`,
      'merge responses that the verifier treats alike',
    );
  }
  requireDistribution(reference, `${field}.reference`);
  if (object.correct === undefined)
    throw new InputError(`${field}.correct`, 'is missing', 'mark each response true (correct) or false');
  const correct = readBooleans(object.correct, `${field}.correct`, reference.length);
  if (object.initial === undefined) return { weight, reference, correct };
  const initial = readVector(object.initial, `${field}.initial`, 'nonNegative', reference.length);
  requireDistribution(initial, `${field}.initial`);
  initial.forEach((p, y) => {
    if ((p.n === 0n) !== (reference[y]!.n === 0n)) {
      throw new InputError(
        `${field}.initial[${y}]`,
        p.n === 0n ? 'is 0 where reference is positive' : 'is positive where reference is 0',
        'the flow starts from a softmax policy: initial must be positive exactly where reference is',
      );
    }
  });
  return { weight, reference, correct, initial };
}
