/**
 * Measured transition counts and trials per state: reading and validating the input of
 * `ebm-lens empirical`.
 *
 * Data: N(x, y) transitions observed from x to y (x = y allowed) out of trials(x) trials
 * started from x. The rate estimate is P(x, y) = N(x, y) / trials(x).
 *
 * Main definitions
 * - `CountData`: states (first-appearance order), the dense count matrix, trials per state.
 * - `parseCountsText(text, source)`: CSV `from,to,count` (header optional) or JSON
 *   `{ "counts": [[from, to, n], ...], "trials": { state: n } }`.
 * - `parseTrialsText(text, source)`: a JSON map `{ state: n }` or CSV `state,trials`.
 * - `buildCountData(parsed, trials)`: checks the trials against the counts.
 *
 * Implementation details
 * Every rejection is an `InputError` naming the line or JSON field, what is wrong and the
 * fix, so the command prints one line and exits 2 before any output. Rules:
 * counts are non-negative integers (JSON numbers or strings such as "12"); a (from, to)
 * pair may appear only once (duplicates are rejected, not summed: a repeated row is more
 * often a copy-paste slip than intended, and summing would hide it); state names are
 * non-empty strings; trials are non-negative integers, at least the row total of their
 * state, given for every state with a positive row total, and only for states that occur
 * in the counts. Without trials the row totals are used, which presumes every outcome of
 * every trial, self-transitions included, was counted.
 */
import { InputError } from '../errors.js';
import { duplicateKeyPath } from '../input/readJson.js';
import { parseRational, RationalParseError } from '../arith/rational.js';

/** More states than this are refused: the analysis keeps dense n x n matrices. */
export const MAX_STATES = 1000;

export interface CountRow {
  readonly from: string;
  readonly to: string;
  readonly count: number;
  /** Where the row came from, for messages: "counts.csv line 4" or "counts[3]". */
  readonly where: string;
}

export interface ParsedCounts {
  readonly rows: readonly CountRow[];
  /** The `trials` map of a JSON input, if present. */
  readonly trials?: ReadonlyMap<string, TrialsEntry>;
}

export interface TrialsEntry {
  readonly trials: number;
  readonly where: string;
}

export type TrialsSpec =
  | { readonly kind: 'row sums' }
  | { readonly kind: 'map'; readonly trials: ReadonlyMap<string, TrialsEntry>; readonly source: string }
  | { readonly kind: 'equal'; readonly trials: number };

export interface CountData {
  /** State names in order of first appearance in the counts. */
  readonly states: readonly string[];
  /** counts[x][y] = N(x, y). */
  readonly counts: readonly (readonly number[])[];
  /** trials[x]; 0 for a state never started from. */
  readonly trials: readonly number[];
  /** How trials were given: the row totals, a map, or one number for every state. */
  readonly trialsSource: 'row sums' | 'map' | 'equal';
}

const JSON_KEYS = new Set(['counts', 'trials', 'description']);

/** Read counts from CSV or JSON text (JSON when the first non-blank character is "{"). */
export function parseCountsText(text: string, source: string): ParsedCounts {
  const body = stripBom(text);
  if (body.trim() === '') {
    throw new InputError(
      source,
      'the file is empty',
      'give one \'from,to,count\' line per observed pair, or JSON { "counts": [[from, to, n], ...] }',
    );
  }
  return body.trimStart().startsWith('{') ? parseCountsJson(body, source) : parseCountsCsv(body, source);
}

/** Read a trials file: JSON `{ state: n }` (or `{ "trials": { ... } }`) or CSV `state,trials`. */
export function parseTrialsText(text: string, source: string): ReadonlyMap<string, TrialsEntry> {
  const body = stripBom(text);
  if (body.trim() === '') {
    throw new InputError(
      source,
      'the trials file is empty',
      'give one \'state,trials\' line per state, or a JSON map { "state": n }',
    );
  }
  if (body.trimStart().startsWith('{')) {
    const value = parseJson(body, source);
    const map =
      isPlainObject(value) && Object.keys(value).length === 1 && isPlainObject(value.trials) ? value.trials : value;
    return readTrialsMap(map, source);
  }
  const entries = new Map<string, TrialsEntry>();
  let headerAllowed = true;
  for (const { fields, lineNumber } of csvRecords(body, source)) {
    const where = `${source} line ${lineNumber}`;
    if (headerAllowed && isHeader(fields, ['state', 'trials'])) {
      headerAllowed = false;
      continue;
    }
    headerAllowed = false;
    if (fields.length !== 2) {
      throw new InputError(
        where,
        `expected 2 fields 'state,trials', found ${fields.length}`,
        'write one state name and its number of trials per line',
      );
    }
    const state = readStateName(fields[0]!, `${where} (state)`);
    addTrials(entries, state, readCount(fields[1]!, `${where} (trials)`, 'trials'), where);
  }
  if (entries.size === 0)
    throw new InputError(source, 'the trials file has no rows', "give one 'state,trials' line per state");
  return entries;
}

/**
 * Check the trials against the counts and assemble the dense data.
 * Throws `InputError` for: too many states, a trials entry for a state absent from the
 * counts, a state with counts but no trials, trials below a row total, no positive count.
 */
export function buildCountData(parsed: ParsedCounts, spec: TrialsSpec): CountData {
  const index = new Map<string, number>();
  const states: string[] = [];
  const intern = (name: string): number => {
    let i = index.get(name);
    if (i === undefined) {
      i = states.length;
      index.set(name, i);
      states.push(name);
    }
    return i;
  };
  for (const row of parsed.rows) {
    intern(row.from);
    intern(row.to);
  }
  const n = states.length;
  if (n > MAX_STATES) {
    throw new InputError(
      'counts',
      `${n} states, more than the limit of ${MAX_STATES}`,
      'split the data into smaller groups of states or lump rare states',
    );
  }
  const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const row of parsed.rows) counts[index.get(row.from)!]![index.get(row.to)!] = row.count;
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  if (rowTotals.every((total) => total === 0)) {
    throw new InputError('counts', 'every count is 0', 'give at least one observed transition (a positive count)');
  }
  for (let x = 0; x < n; x++) {
    if (!Number.isSafeInteger(rowTotals[x]!)) {
      throw new InputError(
        `counts from "${states[x]}"`,
        'the row total exceeds 2^53',
        'rescale is not possible for counts; split the data',
      );
    }
  }

  let trials: number[];
  let trialsSource: CountData['trialsSource'];
  if (spec.kind === 'row sums') {
    trials = rowTotals;
    trialsSource = 'row sums';
  } else if (spec.kind === 'equal') {
    trials = new Array<number>(n).fill(spec.trials);
    trialsSource = 'equal';
    const worst = rowTotals.reduce((best, total, x) => (total > rowTotals[best]! ? x : best), 0);
    if (rowTotals[worst]! > spec.trials) {
      throw new InputError(
        '--trials-equal',
        `${spec.trials} trials per state, but ${rowTotals[worst]} transitions were counted from "${states[worst]}"`,
        `give at least ${rowTotals[worst]} (every counted transition is one trial)`,
      );
    }
  } else {
    trialsSource = 'map';
    trials = new Array<number>(n).fill(0);
    for (const [state, entry] of spec.trials) {
      const x = index.get(state);
      if (x === undefined) {
        throw new InputError(
          entry.where,
          `state "${state}" does not occur in the counts`,
          'remove it, or add its transitions (self-transitions as a row from the state to itself)',
        );
      }
      trials[x] = entry.trials;
    }
    for (let x = 0; x < n; x++) {
      const entry = spec.trials.get(states[x]!);
      if (entry === undefined && rowTotals[x]! > 0) {
        throw new InputError(
          spec.source,
          `state "${states[x]}" has ${rowTotals[x]} counted transitions but no trials`,
          `add "${states[x]}" with at least ${rowTotals[x]} trials`,
        );
      }
      if (entry !== undefined && entry.trials < rowTotals[x]!) {
        throw new InputError(
          entry.where,
          `${entry.trials} trials for "${states[x]}" but ${rowTotals[x]} transitions were counted from it`,
          `give at least ${rowTotals[x]} trials (every counted transition is one trial)`,
        );
      }
    }
  }
  return { states, counts, trials, trialsSource };
}

function parseCountsCsv(text: string, source: string): ParsedCounts {
  const rows: CountRow[] = [];
  const seen = new Map<string, string>();
  let headerAllowed = true;
  for (const { fields, lineNumber } of csvRecords(text, source)) {
    const where = `${source} line ${lineNumber}`;
    if (headerAllowed && isHeader(fields, ['from', 'to', 'count'])) {
      headerAllowed = false;
      continue;
    }
    headerAllowed = false;
    if (fields.length !== 3) {
      throw new InputError(
        where,
        `expected 3 fields 'from,to,count', found ${fields.length}`,
        "write one 'from,to,count' triple per line (quote names that contain commas)",
      );
    }
    const from = readStateName(fields[0]!, `${where} (from)`);
    const to = readStateName(fields[1]!, `${where} (to)`);
    const count = readCount(fields[2]!, `${where} (count)`, 'count');
    addRow(rows, seen, { from, to, count, where });
  }
  if (rows.length === 0)
    throw new InputError(
      source,
      'no count rows (only a header, blank lines or comments)',
      "add one 'from,to,count' line per observed pair",
    );
  return { rows };
}

function parseCountsJson(text: string, source: string): ParsedCounts {
  const value = parseJson(text, source);
  if (!isPlainObject(value)) {
    throw new InputError(
      source,
      'the JSON is not an object',
      'write { "counts": [[from, to, n], ...] } with an optional "trials" map',
    );
  }
  for (const key of Object.keys(value)) {
    if (!JSON_KEYS.has(key)) {
      throw new InputError(`${source}: "${key}"`, 'unknown key', 'use only "counts", "trials" (and "description")');
    }
  }
  const list = value.counts;
  if (list === undefined) throw new InputError(`${source}: counts`, 'missing', 'add "counts": [[from, to, n], ...]');
  if (!Array.isArray(list))
    throw new InputError(`${source}: counts`, 'is not an array', 'write "counts": [[from, to, n], ...]');
  if (list.length === 0)
    throw new InputError(`${source}: counts`, 'is empty', 'give one [from, to, n] triple per observed pair');
  const rows: CountRow[] = [];
  const seen = new Map<string, string>();
  list.forEach((entry: unknown, i: number) => {
    const where = `${source}: counts[${i}]`;
    if (!Array.isArray(entry) || entry.length !== 3) {
      throw new InputError(where, 'is not a triple', 'write each entry as [from, to, n] with state names as strings');
    }
    const from = readJsonState(entry[0], `${where}[0]`);
    const to = readJsonState(entry[1], `${where}[1]`);
    const count = readCount(entry[2], `${where}[2]`, 'count');
    addRow(rows, seen, { from, to, count, where });
  });
  const trials = value.trials === undefined ? undefined : readTrialsMap(value.trials, `${source}: trials`);
  return trials === undefined ? { rows } : { rows, trials };
}

function readTrialsMap(value: unknown, source: string): Map<string, TrialsEntry> {
  if (!isPlainObject(value))
    throw new InputError(source, 'is not a map of state names to trials', 'write { "state": n, ... }');
  const entries = new Map<string, TrialsEntry>();
  for (const [state, raw] of Object.entries(value)) {
    const where = `${source}."${state}"`;
    readStateName(state, where);
    addTrials(entries, state, readCount(raw, where, 'trials'), where);
  }
  if (entries.size === 0)
    throw new InputError(
      source,
      'is empty',
      'give the number of trials of each state, or leave trials out to use the row totals',
    );
  return entries;
}

function addRow(rows: CountRow[], seen: Map<string, string>, row: CountRow): void {
  const key = JSON.stringify([row.from, row.to]);
  const first = seen.get(key);
  if (first !== undefined) {
    throw new InputError(
      row.where,
      `duplicate pair "${row.from}" -> "${row.to}" (first given at ${first})`,
      'give each pair once, with the summed count if both rows are meant',
    );
  }
  seen.set(key, row.where);
  rows.push(row);
}

function addTrials(entries: Map<string, TrialsEntry>, state: string, trials: number, where: string): void {
  const first = entries.get(state);
  if (first !== undefined)
    throw new InputError(where, `trials for "${state}" given twice (first at ${first.where})`, 'give each state once');
  entries.set(state, { trials, where });
}

/** A non-negative integer count or number of trials. */
function readCount(raw: unknown, where: string, what: 'count' | 'trials'): number {
  const fix = `write the ${what === 'count' ? 'number of observed transitions' : 'number of trials'} as a non-negative whole number`;
  if (typeof raw === 'string' && raw.trim() === '') throw new InputError(where, `empty ${what}`, fix);
  let q;
  try {
    q = parseRational(raw);
  } catch (error) {
    if (error instanceof RationalParseError)
      throw new InputError(where, `${what} is not a number (${error.message})`, fix);
    throw error;
  }
  if (q.s < 0n && q.n !== 0n) throw new InputError(where, `negative ${what} ${String(raw)}`, fix);
  if (q.d !== 1n) throw new InputError(where, `fractional ${what} ${String(raw)}`, fix);
  const value = Number(q.n);
  if (!Number.isSafeInteger(value))
    throw new InputError(
      where,
      `${what} ${String(raw)} exceeds 2^53`,
      'counts this large cannot be processed; split the data',
    );
  return value;
}

function readStateName(raw: string, where: string): string {
  const name = raw.trim();
  if (name === '') throw new InputError(where, 'empty state name', 'give every state a non-empty name');
  return name;
}

function readJsonState(raw: unknown, where: string): string {
  if (typeof raw !== 'string') {
    throw new InputError(
      where,
      `state name ${JSON.stringify(raw)} is not a string`,
      `write state names as strings, e.g. "${String(raw)}"`,
    );
  }
  return readStateName(raw, where);
}

function isHeader(fields: readonly string[], names: readonly string[]): boolean {
  return fields.length === names.length && fields.every((field, i) => field.trim().toLowerCase() === names[i]);
}

function parseJson(text: string, source: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(source, `invalid JSON (${message})`, 'fix the JSON syntax');
  }
  const duplicate = duplicateKeyPath(text);
  if (duplicate !== undefined) {
    throw new InputError(
      `${source}: ${duplicate}`,
      'the key appears twice in the same object (JSON keeps only the last)',
      'give each key once',
    );
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Non-blank, non-comment ('#') CSV lines split into fields; double quotes may enclose a field ("" is a quote). */
function* csvRecords(text: string, source: string): Generator<{ fields: string[]; lineNumber: number }> {
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    yield { fields: splitCsvLine(line, `${source} line ${i + 1}`), lineNumber: i + 1 };
  }
}

function splitCsvLine(line: string, where: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length)
          throw new InputError(
            where,
            'unterminated quoted field',
            'close the quote (write "" for a quote inside a name)',
          );
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += line[i];
        i++;
      }
      while (line[i] === ' ' || line[i] === '\t') i++;
      if (i < line.length && line[i] !== ',')
        throw new InputError(where, 'text after a closing quote', 'put the whole name inside the quotes');
    } else {
      while (i < line.length && line[i] !== ',') {
        if (line[i] === '"')
          throw new InputError(
            where,
            'a quote inside an unquoted field',
            'quote the whole field and write "" for a quote',
          );
        field += line[i];
        i++;
      }
    }
    fields.push(field);
    if (i >= line.length) return fields;
    i++; // the comma
  }
}
