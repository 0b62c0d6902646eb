/**
 * The MODEL.json of `ebm-lens analyze`, validated: a kernel, or the pieces of
 * an energy-based model (docs/inputs.md).
 *
 *     { "states": ["a", "b", "c"],
 *       "kernel": [[...]]                                  P directly, or
 *       "beta", "reference" | "conductance",               q rows, or symmetric C
 *       "potential" | "weights",                           Phi, or w = exp(Phi / beta)
 *       "interaction" | "interactionWeights",              s, or v = exp(s / beta)
 *       "reward",                                          full r(x, y) instead of Phi and s
 *       "target": ["c"], "initial": [...], "steps": 20 }
 *
 * Main definitions
 * - `AnalyzeModel`: exact (rational) data; `ebm` holds the EBM pieces (the
 *   `EbmModel` of src/models/ebm.ts).
 * - `parseAnalyzeModel(json)`: validation; each failure is an `InputError`
 *   naming the JSON path of the offending field.
 * - `needsTranscendental(model)`: whether forming the kernel needs exp of an
 *   input (Phi, s or r with beta), which rules out exact mode.
 * - `MAX_STATES`: the largest n read at all (the float64 limit of analyze).
 *
 * Implementation details
 * Input numbers are rationals, so "rows sum to 1" and "C symmetric" are
 * checked exactly; a row of kernel, reference or initial within 1e-9 of 1
 * (float64 data from numpy or PyTorch) is divided by its exact sum and
 * reported in `renormalized`. Unknown keys are rejected so that a misspelt field is not
 * silently ignored. A missing potential means Phi = 0 (P = q with the
 * interaction tilt, if any). beta is required exactly when Phi, s or r is
 * given (w and v already contain it).
 */
import { InputError } from '../errors.js';
import type { Rational } from '../arith/rational.js';
import type { EbmModel } from '../models/ebm.js';
import {
  readInteger,
  readMatrix,
  readNames,
  readRational,
  readVector,
  rejectUnknownKeys,
  requireArray,
  emptyRenormalization,
  normalizeDistribution,
  normalizeStochastic,
  requireSymmetric,
  type Renormalization,
} from './fields.js';

/** The largest number of states `analyze` reads (the float64 mode limit). */
export const MAX_STATES = 2000;
/** The largest number of trajectory steps. */
export const MAX_STEPS = 100_000;
export const DEFAULT_STEPS = 20;

export interface AnalyzeModel {
  readonly n: number;
  readonly states: string[];
  readonly kernel?: Rational[][];
  readonly ebm?: EbmModel;
  /** indices of the target set A */
  readonly target?: number[];
  readonly initial?: Rational[];
  readonly steps: number;
  /** Rows (kernel, reference, initial) that summed to 1 only within 1e-9 and were divided by their exact sums. */
  readonly renormalized?: Renormalization;
}

const KEYS = [
  'states',
  'kernel',
  'beta',
  'reference',
  'conductance',
  'potential',
  'weights',
  'interaction',
  'interactionWeights',
  'reward',
  'target',
  'initial',
  'steps',
] as const;
const EBM_KEYS = [
  'beta',
  'reference',
  'conductance',
  'potential',
  'weights',
  'interaction',
  'interactionWeights',
  'reward',
] as const;

export function parseAnalyzeModel(json: Record<string, unknown>): AnalyzeModel {
  rejectUnknownKeys(json, KEYS, '');
  const given = (key: string) => json[key] !== undefined;
  const ebmGiven = EBM_KEYS.filter(given);
  if (given('kernel') && ebmGiven.length > 0) {
    throw new InputError(
      'kernel',
      `is given together with the EBM pieces ${ebmGiven.join(', ')}`,
      'give either "kernel" or the EBM pieces, not both',
    );
  }
  if (!given('kernel') && !given('reference') && !given('conductance')) {
    throw new InputError(
      'kernel',
      'is missing (and no "reference" or "conductance" is given)',
      'give "kernel": [[...]], or the EBM pieces "reference" (or "conductance") with "potential" (or "weights") and "beta"',
    );
  }
  exclusive(json, 'reference', 'conductance', 'q rows or a symmetric conductance C');
  exclusive(json, 'potential', 'weights', 'Phi, or w = exp(Phi/beta)');
  exclusive(json, 'interaction', 'interactionWeights', 's, or v = exp(s/beta)');
  for (const key of ['potential', 'weights', 'interaction', 'interactionWeights'] as const) {
    if (given('reward') && given(key))
      throw new InputError(
        'reward',
        `is given together with "${key}"`,
        'give the full reward r(x,y), or Phi and s, not both',
      );
  }

  const primary = given('kernel') ? 'kernel' : given('reference') ? 'reference' : 'conductance';
  const n = matrixSize(json[primary], primary);
  const states = given('states') ? readNames(json.states, 'states', n) : Array.from({ length: n }, (_, i) => String(i));

  let kernel: Rational[][] | undefined;
  let ebm: EbmModel | undefined;
  const tally = emptyRenormalization();
  if (primary === 'kernel') {
    kernel = normalizeStochastic(readMatrix(json.kernel, 'kernel', 'nonNegative', n), 'kernel', tally);
  } else {
    ebm = parseEbmPieces(json, n, tally);
  }
  const target = given('target') ? readTarget(json.target, states) : undefined;
  let initial: Rational[] | undefined;
  if (given('initial')) {
    initial = normalizeDistribution(readVector(json.initial, 'initial', 'nonNegative', n), 'initial', tally);
  }
  const steps = given('steps') ? readInteger(json.steps, 'steps', 0, MAX_STEPS) : DEFAULT_STEPS;
  return {
    n,
    states,
    ...(kernel ? { kernel } : {}),
    ...(ebm ? { ebm } : {}),
    ...(target ? { target } : {}),
    ...(initial ? { initial } : {}),
    steps,
    ...(tally.rows > 0 ? { renormalized: tally } : {}),
  };
}

/** True when forming the kernel needs exp of an input: Phi, s or r given (with beta). */
export function needsTranscendental(model: AnalyzeModel): boolean {
  const ebm = model.ebm;
  return (
    ebm !== undefined && (ebm.potential !== undefined || ebm.interaction !== undefined || ebm.reward !== undefined)
  );
}

function exclusive(json: Record<string, unknown>, a: string, b: string, what: string): void {
  if (json[a] !== undefined && json[b] !== undefined)
    throw new InputError(b, `is given together with "${a}"`, `give one of "${a}" and "${b}" (${what})`);
}

/** The number of rows, checked against the size limit before any entry is parsed. */
function matrixSize(value: unknown, field: string): number {
  const rows = requireArray(value, field, 'an array of rows (a square matrix)');
  if (rows.length === 0) throw new InputError(field, 'is empty', 'give a square matrix with one row per state');
  if (rows.length > MAX_STATES) {
    throw new InputError(
      field,
      `has ${rows.length} states, more than the limit ${MAX_STATES} of analyze`,
      `analyze chains with at most ${MAX_STATES} states`,
    );
  }
  return rows.length;
}

function parseEbmPieces(json: Record<string, unknown>, n: number, tally: Renormalization): EbmModel {
  const needsBeta = json.potential !== undefined || json.interaction !== undefined || json.reward !== undefined;
  if (needsBeta && json.beta === undefined) {
    throw new InputError(
      'beta',
      'is missing',
      'give the temperature "beta" (> 0); it is needed to form w = exp(Phi/beta) and v = exp(s/beta)',
    );
  }
  const beta = json.beta === undefined ? undefined : readRational(json.beta, 'beta', 'positive');
  let reference: Rational[][] | undefined;
  let conductance: Rational[][] | undefined;
  if (json.reference !== undefined) {
    reference = normalizeStochastic(readMatrix(json.reference, 'reference', 'nonNegative', n), 'reference', tally);
  } else {
    conductance = readMatrix(json.conductance, 'conductance', 'nonNegative', n);
    requireSymmetric(conductance, 'conductance');
    conductance.forEach((row, x) => {
      if (row.every((c) => c.n === 0n))
        throw new InputError(
          `conductance[${x}]`,
          'is all zero (state has no edge)',
          'give every state at least one positive conductance',
        );
    });
  }
  const pieces: EbmModel = {
    ...(beta ? { beta } : {}),
    ...(reference ? { reference } : {}),
    ...(conductance ? { conductance } : {}),
    ...(json.potential !== undefined ? { potential: readVector(json.potential, 'potential', 'any', n) } : {}),
    ...(json.weights !== undefined ? { weights: readVector(json.weights, 'weights', 'positive', n) } : {}),
    ...(json.interaction !== undefined ? { interaction: readMatrix(json.interaction, 'interaction', 'any', n) } : {}),
    ...(json.interactionWeights !== undefined
      ? { interactionWeights: readMatrix(json.interactionWeights, 'interactionWeights', 'positive', n) }
      : {}),
    ...(json.reward !== undefined ? { reward: readMatrix(json.reward, 'reward', 'any', n) } : {}),
  };
  return pieces;
}

function readTarget(value: unknown, states: readonly string[]): number[] {
  const names = requireArray(value, 'target', 'an array of state names');
  if (names.length === 0) throw new InputError('target', 'is empty', 'name at least one state of the target set A');
  const indices = names.map((name, i) => {
    const text = typeof name === 'string' ? name : undefined;
    const index = text === undefined ? -1 : states.indexOf(text);
    if (index < 0) {
      const shown = states.length <= 12 ? states.join(', ') : `${states.slice(0, 12).join(', ')}, ...`;
      throw new InputError(
        `target[${i}]`,
        `unknown state ${JSON.stringify(name)}`,
        `use names from "states" (${shown})`,
      );
    }
    return index;
  });
  const unique = [...new Set(indices)].sort((a, b) => a - b);
  if (unique.length !== indices.length)
    throw new InputError('target', 'names a state twice', 'list each target state once');
  if (unique.length === states.length)
    throw new InputError(
      'target',
      'contains every state',
      'hitting times need a target set A that is not the whole space',
    );
  return unique;
}
