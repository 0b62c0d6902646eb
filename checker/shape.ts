/**
 * Reading a certificate file (src/certificate/format.ts) into the checker's
 * own typed form, refusing anything of the wrong shape.
 *
 * Main definitions
 * - `readCertificate(json)`: the parsed JSON as a `Certificate`; claims become
 *   `Num` / `Bool` trees, instance values exact Fractions, number objects
 *   exact bounds.
 * - `Malformed`: the JSON path of the first bad field and what is wrong.
 *
 * Main statements
 * - Nothing here decides anything: a value that reads back is the value
 *   written (numbers are read exactly, `numbers.ts`), and every later step may
 *   rely on the shapes checked here (arities, integer indices, known names of
 *   operations and comparisons).
 *
 * Implementation details
 * The types are declared here, not imported from the engine, so the checker
 * stays independent of it. Unknown extra fields are ignored.
 */
import type Fraction from 'fraction.js';
import type { Comparison } from './enclosure.js';
import { readRational } from './numbers.js';

export const FORMAT = 'ebm-lens-certificate/1';

export type Index = number | string;
export type Range = { readonly n: number } | { readonly len: string };
export type Op =
  'add' | 'mul' | 'min' | 'max' | 'sub' | 'div' | 'xlogy' | 'neg' | 'abs' | 'log' | 'exp' | 'sqrt' | 'pow';
export type Num =
  | { readonly t: 'q'; readonly q: Fraction }
  | { readonly t: 'v'; readonly name: string; readonly at: readonly Index[] }
  | { readonly t: 'op'; readonly op: Op; readonly args: readonly Num[]; readonly k: number }
  | { readonly t: 'sum'; readonly index: string; readonly range: Range; readonly body: Num }
  | { readonly t: 'if'; readonly cond: Bool; readonly then: Num; readonly else: Num };
export type Bool =
  | { readonly t: 'cmp'; readonly cmp: Comparison; readonly args: readonly [Num, Num]; readonly digits?: number }
  | { readonly t: 'and' | 'or'; readonly parts: readonly Bool[] }
  | { readonly t: 'not'; readonly part: Bool }
  | { readonly t: 'implies'; readonly parts: readonly [Bool, Bool] }
  | { readonly t: 'all' | 'any'; readonly index: string; readonly range: Range; readonly body: Bool }
  | { readonly t: 'const'; readonly value: boolean };

export interface Claim {
  readonly defs: ReadonlyMap<string, { readonly index: readonly string[]; readonly body: Num }>;
  readonly assert: Bool;
}
export type Entry = Fraction | readonly Fraction[] | readonly (readonly Fraction[])[];
export type Witness =
  | { readonly kind: 'stationary'; readonly matrix: string; readonly law: string }
  | { readonly kind: 'hitting'; readonly matrix: string; readonly target: string; readonly value: string }
  | {
      readonly kind: 'eigenvalue';
      readonly matrix: string;
      readonly law: string;
      readonly states?: string;
      readonly rank: number;
      readonly name: string;
      readonly lo: Fraction;
      readonly hi: Fraction;
    };
/** A recorded number object: exact bounds, the exact value if given, or a float64 label (no enclosure claimed). */
export interface Recorded {
  readonly lo: Fraction;
  readonly hi: Fraction;
  readonly exact?: Fraction;
  readonly float64: boolean;
}
export interface Atom {
  readonly index: number;
  readonly cmp: Comparison;
  readonly digits?: number;
  readonly left: Recorded;
  readonly right: Recorded;
  readonly holds: boolean;
}
export type Decision = 'pass' | 'fail' | 'undecided';
export interface Run {
  readonly run: number;
  readonly claim: Claim;
  readonly instance: ReadonlyMap<string, Entry>;
  readonly witnesses: readonly Witness[];
  readonly decision: Decision;
  readonly atom?: Atom;
}
export interface Suite {
  readonly name: string;
  readonly status: string;
  readonly runs: number;
  readonly records: readonly Run[];
}
export interface Identity {
  readonly name: string;
  readonly status: string;
  readonly lhs: string;
  readonly rhs: string;
  readonly variables: ReadonlyMap<string, string>;
  readonly substitutions: ReadonlyMap<string, string>;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly path: string;
}
export interface Theorem {
  readonly id: string;
  readonly status: string;
  readonly identities: readonly Identity[];
  readonly properties: readonly Suite[];
  readonly mutants: readonly Suite[];
}
export interface Certificate {
  readonly seed: number;
  readonly minimumRuns: number;
  readonly theorems: readonly Theorem[];
  readonly summary: { readonly status: string; readonly records: number };
}

export class Malformed extends Error {
  constructor(path: string, what: string) {
    super(`${path}: ${what}`);
  }
}

// Readers of one JSON value each: the value typed, or Malformed naming its path. They only check shapes;
// numbers are read exactly (`rational`), so what is read is what was written.
const fail = (path: string, what: string): never => {
  throw new Malformed(path, what);
};
const describe = (v: unknown): string =>
  Array.isArray(v) ? 'an array' : v === null ? 'null' : v === undefined ? 'nothing' : `a ${typeof v}`;

export function object(v: unknown, path: string): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : fail(path, `expected an object, found ${describe(v)}`);
}
export function array(v: unknown, path: string): readonly unknown[] {
  return Array.isArray(v) ? v : fail(path, `expected an array, found ${describe(v)}`);
}
export function text(v: unknown, path: string): string {
  return typeof v === 'string' ? v : fail(path, `expected a string, found ${describe(v)}`);
}
function integer(v: unknown, path: string, least = -Infinity): number {
  return Number.isSafeInteger(v) && (v as number) >= least
    ? (v as number)
    : fail(path, `expected an integer >= ${least}, found ${JSON.stringify(v)}`);
}
function oneOf<T extends string>(v: unknown, path: string, options: readonly T[]): T {
  return options.includes(v as T)
    ? (v as T)
    : fail(path, `expected one of ${options.join(', ')}, found ${JSON.stringify(v)}`);
}
export function rational(v: unknown, path: string): Fraction {
  return readRational(text(v, path)) ?? fail(path, `not a rational number: ${JSON.stringify(v)}`);
}
const entries = (v: unknown, path: string): [string, unknown][] => Object.entries(object(v, path));

const COMPARISONS: readonly Comparison[] = ['<', '<=', '=', '!=', '>=', '>'];
const ARITY: Readonly<Record<Op, number>> = {
  add: -1,
  mul: -1,
  min: -1,
  max: -1,
  sub: 2,
  div: 2,
  xlogy: 2,
  neg: 1,
  abs: 1,
  log: 1,
  exp: 1,
  sqrt: 1,
  pow: 1,
};

// The claim language (format.ts): every node's kind, arity and index types checked, so that evaluate.ts
// can rely on them.
function range(v: unknown, path: string): Range {
  const r = object(v, path);
  if ('n' in r) return { n: integer(r.n, `${path}.n`, 0) };
  return { len: text(r.len, `${path}.len`) };
}

function num(v: unknown, path: string): Num {
  const e = object(v, path);
  if ('q' in e) return { t: 'q', q: rational(e.q, `${path}.q`) };
  if ('v' in e) {
    const at = e.at === undefined ? [] : array(e.at, `${path}.at`);
    const indices = at.map((i, k) => (typeof i === 'string' ? i : integer(i, `${path}.at[${k}]`, 0)));
    return { t: 'v', name: text(e.v, `${path}.v`), at: indices };
  }
  if ('if' in e)
    return {
      t: 'if',
      cond: bool(e.if, `${path}.if`),
      then: num(e.then, `${path}.then`),
      else: num(e.else, `${path}.else`),
    };
  const op = oneOf(e.op, `${path}.op`, [...Object.keys(ARITY), 'sum'] as (Op | 'sum')[]);
  if (op === 'sum')
    return {
      t: 'sum',
      index: text(e.index, `${path}.index`),
      range: range(e.range, `${path}.range`),
      body: num(e.body, `${path}.body`),
    };
  const args = array(e.args, `${path}.args`).map((a, k) => num(a, `${path}.args[${k}]`));
  const arity = ARITY[op];
  if (arity < 0 ? args.length < 1 : args.length !== arity)
    fail(`${path}.args`, `${op} takes ${arity < 0 ? 'one or more' : arity} arguments, found ${args.length}`);
  return { t: 'op', op, args, k: op === 'pow' ? integer(e.k, `${path}.k`, 0) : 0 };
}

function bool(v: unknown, path: string): Bool {
  const e = object(v, path);
  if ('cmp' in e) {
    const cmp = oneOf(e.cmp, `${path}.cmp`, COMPARISONS);
    const args = array(e.args, `${path}.args`);
    if (args.length !== 2) fail(`${path}.args`, `a comparison takes 2 arguments, found ${args.length}`);
    const pair = [num(args[0], `${path}.args[0]`), num(args[1], `${path}.args[1]`)] as const;
    if (e.digits === undefined) return { t: 'cmp', cmp, args: pair };
    if (e.digits !== 30 || cmp !== '=') fail(`${path}.digits`, 'only { cmp: "=", digits: 30 } is defined');
    return { t: 'cmp', cmp, args: pair, digits: 30 };
  }
  if ('and' in e || 'or' in e) {
    const t = 'and' in e ? 'and' : 'or';
    // format.ts asks for one or more parts; an empty list still reads unambiguously (and: true, or: false)
    return { t, parts: array(e[t], `${path}.${t}`).map((p, k) => bool(p, `${path}.${t}[${k}]`)) };
  }
  if ('not' in e) return { t: 'not', part: bool(e.not, `${path}.not`) };
  if ('implies' in e) {
    const parts = array(e.implies, `${path}.implies`);
    if (parts.length !== 2) fail(`${path}.implies`, `takes [hypothesis, conclusion], found ${parts.length} parts`);
    return { t: 'implies', parts: [bool(parts[0], `${path}.implies[0]`), bool(parts[1], `${path}.implies[1]`)] };
  }
  if ('all' in e || 'any' in e) {
    const t = 'all' in e ? 'all' : 'any';
    return {
      t,
      index: text(e[t], `${path}.${t}`),
      range: range(e.range, `${path}.range`),
      body: bool(e.body, `${path}.body`),
    };
  }
  if ('const' in e && typeof e.const === 'boolean') return { t: 'const', value: e.const };
  return fail(path, 'not a truth value (cmp, and, or, not, implies, all, any, const)');
}

// A run record and its parts: claims shared by position, instance values and number objects exact.
function claim(v: unknown, path: string): Claim {
  const c = object(v, path);
  const defs = new Map<string, { index: string[]; body: Num }>();
  for (const [name, d] of c.defs === undefined ? [] : entries(c.defs, `${path}.defs`)) {
    const def = object(d, `${path}.defs.${name}`);
    const index = (def.index === undefined ? [] : array(def.index, `${path}.defs.${name}.index`)).map((i, k) =>
      text(i, `${path}.defs.${name}.index[${k}]`),
    );
    defs.set(name, { index, body: num(def.body, `${path}.defs.${name}.body`) });
  }
  return { defs, assert: bool(c.assert, `${path}.assert`) };
}

function entry(v: unknown, path: string): Entry {
  if (!Array.isArray(v)) return rational(v, path);
  return v.map((row, i) =>
    Array.isArray(row) ? row.map((x, j) => rational(x, `${path}[${i}][${j}]`)) : rational(row, `${path}[${i}]`),
  ) as Entry;
}

function witness(v: unknown, path: string): Witness {
  const w = object(v, path);
  const kind = oneOf(w.kind, `${path}.kind`, ['stationary', 'hitting', 'eigenvalue'] as const);
  const name = (key: string): string => text(w[key], `${path}.${key}`);
  if (kind === 'stationary') return { kind, matrix: name('matrix'), law: name('law') };
  if (kind === 'hitting') return { kind, matrix: name('matrix'), target: name('target'), value: name('value') };
  const states = w.states === undefined ? {} : { states: name('states') };
  const rank = integer(w.rank, `${path}.rank`);
  if (rank === 0) fail(`${path}.rank`, 'rank 0 is not defined (1 = largest, -1 = smallest)');
  return {
    kind,
    matrix: name('matrix'),
    law: name('law'),
    ...states,
    rank,
    name: name('name'),
    lo: rational(w.lo, `${path}.lo`),
    hi: rational(w.hi, `${path}.hi`),
  };
}

function recorded(v: unknown, path: string): Recorded {
  const o = object(v, path);
  const float64 = o.float64 === true;
  const exact = o.exact === undefined ? undefined : rational(o.exact, `${path}.exact`);
  const bound = (key: 'lo' | 'hi'): Fraction => {
    if (float64) return readRational(text(o[key], `${path}.${key}`)) ?? fail(`${path}.${key}`, 'not a number');
    return rational(o[key], `${path}.${key}`);
  };
  return { lo: bound('lo'), hi: bound('hi'), float64, ...(exact === undefined ? {} : { exact }) };
}

function atom(v: unknown, path: string): Atom {
  const a = object(v, path);
  const digits = a.digits === undefined ? {} : { digits: integer(a.digits, `${path}.digits`, 1) };
  if (typeof a.holds !== 'boolean') fail(`${path}.holds`, 'expected true or false');
  return {
    index: integer(a.index, `${path}.index`, 0),
    cmp: oneOf(a.cmp, `${path}.cmp`, COMPARISONS),
    ...digits,
    left: recorded(a.left, `${path}.left`),
    right: recorded(a.right, `${path}.right`),
    holds: a.holds as boolean,
  };
}

function record(v: unknown, path: string, claims: readonly Claim[]): Run {
  const r = object(v, path);
  const index = integer(r.claim, `${path}.claim`, 0);
  if (index >= claims.length) fail(`${path}.claim`, `claim ${index} does not exist (${claims.length} claims)`);
  const instance = new Map(
    entries(r.instance, `${path}.instance`).map(([name, x]) => [name, entry(x, `${path}.instance.${name}`)] as const),
  );
  const witnesses =
    r.witnesses === undefined
      ? []
      : array(r.witnesses, `${path}.witnesses`).map((w, k) => witness(w, `${path}.witnesses[${k}]`));
  return {
    run: integer(r.run, `${path}.run`, -1),
    claim: claims[index]!,
    instance,
    witnesses,
    decision: oneOf(r.decision, `${path}.decision`, ['pass', 'fail', 'undecided'] as const),
    ...(r.atom === undefined ? {} : { atom: atom(r.atom, `${path}.atom`) }),
  };
}

function suite(v: unknown, path: string, statuses: readonly string[]): Suite {
  const s = object(v, path);
  const claims = array(s.claims, `${path}.claims`).map((c, k) => claim(c, `${path}.claims[${k}]`));
  return {
    name: text(s.name, `${path}.name`),
    status: oneOf(s.status, `${path}.status`, statuses),
    runs: integer(s.runs, `${path}.runs`, 0),
    records: array(s.records, `${path}.records`).map((r, k) => record(r, `${path}.records[${k}]`, claims)),
  };
}

function identity(v: unknown, path: string): Identity {
  const i = object(v, path);
  const map = (key: string): Map<string, string> =>
    new Map(
      i[key] === undefined
        ? []
        : entries(i[key], `${path}.${key}`).map(([name, x]) => [name, text(x, `${path}.${key}.${name}`)] as const),
    );
  return {
    name: text(i.name, `${path}.name`),
    status: text(i.status, `${path}.status`),
    lhs: text(i.lhs, `${path}.lhs`),
    rhs: text(i.rhs, `${path}.rhs`),
    variables: map('variables'),
    substitutions: map('substitutions'),
    evidence: object(i.evidence, `${path}.evidence`),
    path,
  };
}

const VERDICTS = ['verified', 'falsified', 'undecided', 'error'] as const;

/** The certificate in typed form, or Malformed naming the first bad field (module comment). */
export function readCertificate(json: unknown): Certificate {
  const c = object(json, '$');
  if (c.format !== FORMAT) fail('$.format', `expected "${FORMAT}", found ${JSON.stringify(c.format)}`);
  const tool = object(c.tool, '$.tool');
  oneOf(tool.name, '$.tool.name', ['ebm-lens']);
  text(tool.version, '$.tool.version');
  const theorems = array(c.theorems, '$.theorems').map((t, k): Theorem => {
    const path = `$.theorems[${k}]`;
    const o = object(t, path);
    return {
      id: text(o.id, `${path}.id`),
      status: oneOf(o.status, `${path}.status`, VERDICTS),
      identities: array(o.identities, `${path}.identities`).map((x, j) => identity(x, `${path}.identities[${j}]`)),
      properties: array(o.properties, `${path}.properties`).map((x, j) =>
        suite(x, `${path}.properties[${j}]`, [
          'verified',
          'checked',
          'passed-float64',
          'falsified',
          'undecided',
          'error',
          'uncertified',
        ]),
      ),
      mutants: array(o.mutants, `${path}.mutants`).map((x, j) =>
        suite(x, `${path}.mutants[${j}]`, ['refuted', 'survived', 'undecided', 'error', 'uncertified']),
      ),
    };
  });
  const summary = object(c.summary, '$.summary');
  return {
    seed: integer(c.seed, '$.seed'),
    minimumRuns: integer(c.minimumRuns, '$.minimumRuns', 0),
    theorems,
    summary: {
      status: oneOf(summary.status, '$.summary.status', VERDICTS),
      records: integer(summary.records, '$.summary.records', 0),
    },
  };
}
