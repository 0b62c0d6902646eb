/**
 * The sparse MODEL of `ebm-lens analyze`: a kernel as (from, to, value)
 * triplets, as scipy's COO format exports them, validated into a CSR matrix.
 *
 *     { "states": 100000 | ["a", "b", ...],
 *       "transitions": [[0, 1, 0.5], [0, 0, 0.5], [1, 0, 1.0], ...],
 *       "target": [0, 7] | ["a"] }
 *
 * Main definitions
 * - `SparseModel`: n, state names, the kernel P (CSR, float64), the target
 *   set, the renormalization tally.
 * - `SPARSE_KEYS`, `MAX_SPARSE_STATES`, `MAX_TRANSITIONS`: the fields and limits.
 * - `isSparseJson(json)`: a model object with "transitions" (the sparse form).
 * - `parseSparseModel(json)`: validation; each failure is an `InputError`
 *   naming the field (`transitions[k][2]`, `transitions (row 12)`, ...).
 * - `normalizeKernelRows(P)`: the row-sum check and renormalization, in place.
 * - `readSparseModelFile(path)`: the model of a JSON file in the sparse form,
 *   or undefined when the file is not one (the dense readers take it then).
 *
 * Implementation details
 * A file of the plain form {"states": n, "transitions": [...]} is read from
 * its bytes into typed arrays (`scanPlainSparseModel`; no JSON value of 1.3
 * million small arrays, whose 40 MB of text JSON.parse would turn into a few
 * hundred MB of objects); every other file, and every file with an error, is
 * parsed once by JSON.parse and validated field by field, numbers as float64
 * (the sparse path is float64 throughout), so errors name their field.
 * Duplicate keys are rejected at the top level (the only level with keys).
 * Duplicate triplets (i, j) are summed, as scipy sums them; zero values are
 * dropped. Each row must sum to 1 within 1e-9 (`RENORMALIZE_TOLERANCE`, the
 * rule of the dense inputs); a row whose float64 sum (compensated) is not
 * exactly 1 is divided by that sum and counted in `renormalized`.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { csrFromTriplets, type CsrMatrix } from './csr.js';

export const SPARSE_KEYS = ['states', 'transitions', 'target'] as const;
/** The largest number of states of a sparse model. */
export const MAX_SPARSE_STATES = 10_000_000;
/** The largest number of triplets of a sparse model. */
export const MAX_TRANSITIONS = 50_000_000;
/** Row sums within this of 1 are renormalized (the dense inputs' 1e-9). */
export const SPARSE_RENORMALIZE_TOLERANCE = 1e-9;

export interface SparseModel {
  readonly n: number;
  /** state names: given, or "0" .. "n-1" */
  readonly states: readonly string[];
  readonly namesGiven: boolean;
  readonly kernel: CsrMatrix;
  readonly target?: number[];
  /** rows whose float64 sum was not exactly 1 (within 1e-9) and were divided by it */
  readonly renormalized?: { rows: number; maxAdjustment: number };
}

export function isSparseJson(json: Record<string, unknown>): boolean {
  return json.transitions !== undefined;
}

export function readSparseModelFile(path: string): SparseModel | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined; // the dense reader reports the file error
  }
  const plain = scanPlainSparseModel(bytes);
  if (plain) return sparseModelOf(plain.n, undefined, plain.rows, plain.columns, plain.values, plain.count, undefined);
  const text = bytes.toString('utf8');
  if (!text.includes('"transitions"')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined; // the dense reader reports the syntax error
  }
  if (
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    !isSparseJson(value as Record<string, unknown>)
  )
    return undefined;
  const duplicate = duplicateTopLevelKey(text);
  if (duplicate !== undefined)
    throw new InputError(
      `${path}: ${duplicate}`,
      'the key appears twice in the same object (JSON keeps only the last)',
      'give each field once',
    );
  return parseSparseModel(value as Record<string, unknown>);
}

interface PlainTriplets {
  n: number;
  rows: Int32Array;
  columns: Int32Array;
  values: Float64Array;
  count: number;
}

/**
 * The fast path of `readSparseModelFile`: a file of exactly the plain form
 * {"states": n, "transitions": [[i, j, v], ...]} (the two keys once each, in
 * either order, JSON whitespace anywhere), read from the bytes without
 * building the JSON value: indices are unsigned integer literals below n,
 * values nonnegative JSON numbers converted by the engine's correctly rounded
 * parseFloat (so each is the double JSON.parse gives). Anything else (another
 * key, names, a target, a negative or non-integer index, an out-of-range
 * field, invalid JSON, more than MAX_TRANSITIONS triplets) returns undefined,
 * and the general path reads the file and reports what is wrong.
 */
function scanPlainSparseModel(bytes: Buffer): PlainTriplets | undefined {
  const length = bytes.length;
  const text = bytes.toString('latin1');
  let at = 0;
  const space = (): void => {
    for (;;) {
      const c = bytes[at];
      if (c === 32 || c === 10 || c === 13 || c === 9) at++;
      else return;
    }
  };
  /** an unsigned JSON integer literal below `limit`, or -1 */
  const index = (limit: number): number => {
    const first = bytes[at];
    if (first === undefined || first < 48 || first > 57) return -1;
    let v = first - 48;
    at++;
    if (v === 0) {
      const c = bytes[at];
      return c !== undefined && c >= 48 && c <= 57 ? -1 : 0;
    }
    for (;;) {
      const c = bytes[at];
      if (c === undefined || c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
      if (v >= limit) return -1;
      at++;
    }
    return v < limit ? v : -1;
  };
  const digits = (): boolean => {
    const start = at;
    for (;;) {
      const c = bytes[at];
      if (c === undefined || c < 48 || c > 57) return at > start;
      at++;
    }
  };
  /** a nonnegative JSON number (no sign), or NaN */
  const number = (): number => {
    const start = at;
    const first = bytes[at];
    if (first === 48) at++;
    else if (!digits()) return NaN;
    if (bytes[at] === 46 /* . */) {
      at++;
      if (!digits()) return NaN;
    }
    if (bytes[at] === 101 || bytes[at] === 69 /* e E */) {
      at++;
      if (bytes[at] === 43 || bytes[at] === 45) at++;
      if (!digits()) return NaN;
    }
    return parseFloat(text.substring(start, at));
  };
  const key = (): string | undefined => {
    if (bytes[at] !== 34) return undefined;
    const end = bytes.indexOf(34, at + 1);
    if (end < 0) return undefined;
    const name = text.substring(at + 1, end);
    at = end + 1;
    return name;
  };

  space();
  if (bytes[at++] !== 123 /* { */) return undefined;
  let n = -1;
  let transitionsAt = -1;
  let triplets: Omit<PlainTriplets, 'n'> | undefined;
  for (let member = 0; member < 2; member++) {
    space();
    const name = key();
    space();
    if (bytes[at++] !== 58 /* : */) return undefined;
    space();
    if (name === 'states' && n < 0) {
      n = index(MAX_SPARSE_STATES + 1);
      if (n < 1) return undefined;
    } else if (name === 'transitions' && transitionsAt < 0) {
      transitionsAt = at;
      if (n > 0) {
        triplets = readTriplets(n);
        if (!triplets) return undefined;
      } else if (!skipArray()) return undefined; // read once n is known
    } else return undefined;
    space();
    if (bytes[at++] !== (member === 0 ? 44 /* , */ : 125) /* } */) return undefined;
  }
  space();
  if (at !== length) return undefined;
  if (!triplets) {
    at = transitionsAt;
    triplets = readTriplets(n);
  }
  return triplets ? { n, ...triplets } : undefined;

  /** past a bracketed value whose strings contain no brackets (checked when read) */
  function skipArray(): boolean {
    if (bytes[at] !== 91 /* [ */) return false;
    let depth = 0;
    for (let k = at; k < length; k++) {
      const c = bytes[k];
      if (c === 91) depth++;
      else if (c === 93 && --depth === 0) {
        at = k + 1;
        return true;
      } else if (c === 34 || c === 123) return false; // strings or objects: the general path
    }
    return false;
  }

  function readTriplets(states: number): Omit<PlainTriplets, 'n'> | undefined {
    let capacity = Math.max(16, Math.ceil(length / 24));
    let rows = new Int32Array(capacity);
    let columns = new Int32Array(capacity);
    let values = new Float64Array(capacity);
    let count = 0;
    if (bytes[at++] !== 91) return undefined;
    space();
    if (bytes[at] === 93) return undefined; // empty: the general path says so
    for (;;) {
      if (bytes[at++] !== 91) return undefined;
      space();
      const i = index(states);
      if (i < 0) return undefined;
      space();
      if (bytes[at++] !== 44) return undefined;
      space();
      const j = index(states);
      if (j < 0) return undefined;
      space();
      if (bytes[at++] !== 44) return undefined;
      space();
      const v = number();
      if (!(v <= Number.MAX_VALUE)) return undefined; // NaN or infinite
      space();
      if (bytes[at++] !== 93) return undefined;
      if (count === capacity) {
        if (capacity >= MAX_TRANSITIONS) return undefined;
        capacity = Math.min(MAX_TRANSITIONS, capacity * 2);
        rows = grow(rows, new Int32Array(capacity));
        columns = grow(columns, new Int32Array(capacity));
        values = grow(values, new Float64Array(capacity));
      }
      rows[count] = i;
      columns[count] = j;
      values[count] = v;
      count++;
      space();
      const c = bytes[at++];
      if (c === 93) return { rows, columns, values, count };
      if (c !== 44) return undefined;
      space();
    }
  }
}

function grow<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** The first key repeated at the top level of a valid JSON object text. */
function duplicateTopLevelKey(text: string): string | undefined {
  const keys = new Set<string>();
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      let j = i + 1;
      while (text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 /* \ */ ? 2 : 1;
      if (depth === 1 && expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (keys.has(key)) return key;
        keys.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth === 1) expectKey = true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
    else if (c === 44 /* , */ && depth === 1) expectKey = true;
  }
  return undefined;
}

export function parseSparseModel(json: Record<string, unknown>): SparseModel {
  for (const key of Object.keys(json)) {
    if (!(SPARSE_KEYS as readonly string[]).includes(key)) {
      const hint = ['initial', 'steps', 'kernel'].includes(key) ? ` ("${key}" belongs to the dense form)` : '';
      throw new InputError(key, `unknown key for a sparse model${hint}`, `use only: ${SPARSE_KEYS.join(', ')}`);
    }
  }
  const { n, names } = readStates(json.states);
  const transitions = json.transitions;
  if (!Array.isArray(transitions))
    throw new InputError('transitions', 'is not an array', 'give [[from, to, value], ...] triplets');
  if (transitions.length === 0) throw new InputError('transitions', 'is empty', 'give at least one triplet per state');
  if (transitions.length > MAX_TRANSITIONS)
    throw new InputError(
      'transitions',
      `has ${transitions.length} triplets, more than the limit ${MAX_TRANSITIONS}`,
      `give at most ${MAX_TRANSITIONS} triplets`,
    );
  const count = transitions.length;
  const rows = new Int32Array(count);
  const columns = new Int32Array(count);
  const values = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const t = transitions[k] as unknown;
    if (!Array.isArray(t) || t.length !== 3)
      throw new InputError(
        `transitions[${k}]`,
        `is ${shortJson(t)}, not a triplet`,
        'write each transition as [from, to, value]',
      );
    rows[k] = readIndex(t[0], `transitions[${k}][0]`, n);
    columns[k] = readIndex(t[1], `transitions[${k}][1]`, n);
    const v = t[2] as unknown;
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new InputError(`transitions[${k}][2]`, `is ${shortJson(v)}`, 'give a finite nonnegative number');
    if (v < 0)
      throw new InputError(`transitions[${k}][2]`, `is negative (${v})`, 'transition probabilities are nonnegative');
    values[k] = v;
  }
  return sparseModelOf(n, names, rows, columns, values, count, json.target);
}

/** The model of validated triplets (k < count): the CSR kernel, renormalized rows, the target. */
function sparseModelOf(
  n: number,
  names: string[] | undefined,
  rows: Int32Array,
  columns: Int32Array,
  values: Float64Array,
  count: number,
  targetJson: unknown,
): SparseModel {
  const kernel = csrFromTriplets(n, rows, columns, values, count);
  const renormalized = normalizeKernelRows(kernel);
  const target = targetJson === undefined ? undefined : readTarget(targetJson, n, names);
  return {
    n,
    states: names ?? Array.from({ length: n }, (_, i) => String(i)),
    namesGiven: names !== undefined,
    kernel,
    ...(target ? { target } : {}),
    ...(renormalized.rows > 0 ? { renormalized } : {}),
  };
}

function readStates(value: unknown): { n: number; names?: string[] } {
  if (value === undefined)
    throw new InputError('states', 'is missing', 'give "states": the number of states n (or an array of n names)');
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > MAX_SPARSE_STATES) {
      throw new InputError(
        'states',
        `is ${value}`,
        `give the number of states, an integer in [1, ${MAX_SPARSE_STATES}]`,
      );
    }
    return { n: value };
  }
  if (Array.isArray(value)) {
    if (value.length < 1 || value.length > MAX_SPARSE_STATES)
      throw new InputError('states', `has ${value.length} names`, `give 1 to ${MAX_SPARSE_STATES} names`);
    const seen = new Set<string>();
    value.forEach((name, i) => {
      if (typeof name !== 'string' || name === '')
        throw new InputError(`states[${i}]`, `is ${shortJson(name)}`, 'give each state a nonempty string name');
      if (seen.has(name))
        throw new InputError(
          `states[${i}]`,
          `repeats the name ${JSON.stringify(name)}`,
          'give each state a distinct name',
        );
      seen.add(name);
    });
    return { n: value.length, names: value as string[] };
  }
  throw new InputError('states', `is ${shortJson(value)}`, 'give the number of states n, or an array of n names');
}

function readIndex(value: unknown, field: string, n: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= n) {
    throw new InputError(field, `is ${shortJson(value)}`, `give a state index, an integer in [0, ${n - 1}]`);
  }
  return value;
}

/** Row sums checked and renormalized in place (module comment); InputError naming the row otherwise. */
export function normalizeKernelRows(P: CsrMatrix): { rows: number; maxAdjustment: number } {
  const { n, indptr, values } = P;
  let rows = 0;
  let maxAdjustment = 0;
  for (let i = 0; i < n; i++) {
    const from = indptr[i]!;
    const to = indptr[i + 1]!;
    // Neumaier's compensated sum
    let sum = 0;
    let compensation = 0;
    for (let k = from; k < to; k++) {
      const v = values[k]!;
      const t = sum + v;
      compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
      sum = t;
    }
    sum += compensation;
    if (to === from)
      throw new InputError(
        `transitions (row ${i})`,
        `state ${i} has no transition (its row sums to 0)`,
        'give every state its transitions, e.g. [i, i, 1] for an absorbing state',
      );
    const adjustment = Math.abs(sum - 1);
    if (adjustment > SPARSE_RENORMALIZE_TOLERANCE) {
      throw new InputError(
        `transitions (row ${i})`,
        `row ${i} sums to ${sum}, not 1`,
        'each row of the kernel must sum to 1 (within 1e-9, which is renormalized)',
      );
    }
    if (sum !== 1) {
      rows++;
      if (adjustment > maxAdjustment) maxAdjustment = adjustment;
      for (let k = from; k < to; k++) values[k] = values[k]! / sum;
    }
  }
  return { rows, maxAdjustment };
}

function readTarget(value: unknown, n: number, names: readonly string[] | undefined): number[] {
  if (!Array.isArray(value))
    throw new InputError('target', 'is not an array', 'give the target set A as an array of state indices or names');
  if (value.length === 0) throw new InputError('target', 'is empty', 'name at least one state of the target set A');
  const index = names ? new Map(names.map((name, i) => [name, i])) : undefined;
  const states = value.map((entry, k) => {
    if (typeof entry === 'number' && Number.isInteger(entry) && entry >= 0 && entry < n) return entry;
    if (typeof entry === 'string') {
      const i = index ? index.get(entry) : /^(0|[1-9]\d*)$/.test(entry) ? Number(entry) : undefined;
      if (i !== undefined && i < n) return i;
    }
    throw new InputError(
      `target[${k}]`,
      `unknown state ${shortJson(entry)}`,
      `give a state index in [0, ${n - 1}]${names ? ' or a name from "states"' : ''}`,
    );
  });
  const unique = [...new Set(states)].sort((a, b) => a - b);
  if (unique.length !== states.length)
    throw new InputError('target', 'names a state twice', 'list each target state once');
  if (unique.length === n)
    throw new InputError(
      'target',
      'contains every state',
      'hitting times need a target set A that is not the whole space',
    );
  return unique;
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
