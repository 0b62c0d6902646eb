/**
 * Verifying the witnesses of a run in exact rational arithmetic.
 *
 * Main definitions
 * - `verifyWitnesses(claim, instance, witnesses)`: checks each witness and
 *   returns the eigenvalue brackets it proved, by name; throws `WitnessError`.
 *
 * Main statements
 * - stationary: entries of M >= 0, rows sum to 1, law >= 0 sums to 1 and
 *   law M = law, each an exact equality or inequality of rationals.
 * - hitting: h = 0 on the target (a 0/1 vector with a 1) and
 *   h(x) = 1 + sum_y M(x, y) h(y) off it, exactly.
 * - eigenvalue: with D = diag(law) > 0 on the states S and D M symmetric on S,
 *   M_S is similar to the symmetric D^(1/2) M_S D^(-1/2), so its eigenvalues
 *   l_1 >= ... >= l_m are real, and D (M_S - sI) is congruent to
 *   D^(1/2) M_S D^(-1/2) - sI (by D^(1/2)): by Sylvester's law of inertia the
 *   number of positive pivots of its LDL^T factorization (no pivoting, all
 *   pivots nonzero) is #{i : l_i > s}. #{l > hi} <= k - 1 gives l_k <= hi and
 *   #{l > lo} >= k gives l_k > lo: l_k is in [lo, hi].
 *
 * Implementation details
 * A matrix or vector named by a witness is an instance value or a definition;
 * a definition is evaluated entry by entry and must come out exact. Its size
 * is that of an instance value named by the same witness, else that of the
 * first instance vector or matrix its body indexes (a convention: format.ts
 * does not say).
 */
import Fraction from 'fraction.js';
import { precision, Undecided, Undefined, UNLIMITED_DIGITS } from './enclosure.js';
import { makeEvaluator, type Brackets } from './evaluate.js';
import { ONE, ZERO } from './numbers.js';
import type { Claim, Entry, Num, Witness } from './shape.js';

export class WitnessError extends Error {}

type Matrix = readonly (readonly Fraction[])[];
type Vector = readonly Fraction[];

/** Verify every witness (module comment); the brackets of the eigenvalue witnesses, by name. */
export function verifyWitnesses(
  claim: Claim,
  instance: ReadonlyMap<string, Entry>,
  witnesses: readonly Witness[],
): Brackets {
  const brackets = new Map<string, readonly [Fraction, Fraction]>();
  for (const w of witnesses) {
    const read = reader(claim, instance, w);
    if (w.kind === 'stationary') stationary(read.matrix(w.matrix), read.vector(w.law));
    else if (w.kind === 'hitting') hitting(read.matrix(w.matrix), read.vector(w.target), read.vector(w.value));
    else {
      const mask = w.states === undefined ? undefined : read.vector(w.states);
      eigenvalue(read.matrix(w.matrix), read.vector(w.law), mask, w.rank, w.lo, w.hi, w.name);
      if (brackets.has(w.name)) throw new WitnessError(`eigenvalue ${w.name} is bracketed twice`);
      brackets.set(w.name, [w.lo, w.hi]);
    }
  }
  return brackets;
}

const total = (xs: readonly Fraction[]): Fraction => xs.reduce((s, x) => s.add(x), ZERO);
const negative = (x: Fraction): boolean => x.s < 0n && x.n !== 0n;

function square(m: Matrix, n: number, what: string): void {
  if (m.length !== n || m.some((row) => row.length !== n))
    throw new WitnessError(`${what}: the matrix is not ${n} x ${n}`);
}

/** law M = law with M stochastic and law a distribution: each condition checked exactly. */
function stationary(m: Matrix, law: Vector): void {
  const n = law.length;
  square(m, n, 'stationary witness');
  m.forEach((row, x) => {
    if (row.some(negative) || !total(row).equals(ONE))
      throw new WitnessError(`stationary witness: row ${x} of the matrix is not a distribution`);
  });
  if (law.some(negative) || !total(law).equals(ONE))
    throw new WitnessError('stationary witness: the law is not a distribution');
  for (let y = 0; y < n; y++)
    if (!total(law.map((w, x) => w.mul(m[x]![y]!))).equals(law[y]!))
      throw new WitnessError(`stationary witness: (law M)(${y}) != law(${y})`);
}

/** The first-step equations of expected hitting times, each checked exactly. */
function hitting(m: Matrix, target: Vector, h: Vector): void {
  const n = h.length;
  square(m, n, 'hitting witness');
  if (target.length !== n || target.some((t) => !t.equals(ZERO) && !t.equals(ONE)))
    throw new WitnessError('hitting witness: the target is not a 0/1 vector of the size');
  if (!target.some((t) => t.equals(ONE))) throw new WitnessError('hitting witness: the target is empty');
  for (let x = 0; x < n; x++) {
    const expected = target[x]!.equals(ONE) ? ZERO : ONE.add(total(m[x]!.map((p, y) => p.mul(h[y]!))));
    if (!h[x]!.equals(expected)) throw new WitnessError(`hitting witness: the equation at state ${x} fails`);
  }
}

/** The bracket by inertia counts (module comment). */
function eigenvalue(
  m: Matrix,
  law: Vector,
  mask: Vector | undefined,
  rank: number,
  lo: Fraction,
  hi: Fraction,
  name: string,
): void {
  const n = law.length;
  square(m, n, `eigenvalue witness ${name}`);
  const flags = mask ?? law.map(() => ONE);
  if (flags.length !== n || flags.some((t) => !t.equals(ZERO) && !t.equals(ONE)))
    throw new WitnessError(`eigenvalue witness ${name}: states is not a 0/1 vector of the size`);
  const states = flags.flatMap((t, x) => (t.equals(ONE) ? [x] : []));
  const size = states.length;
  const k = rank > 0 ? rank : size + 1 + rank;
  if (k < 1 || k > size)
    throw new WitnessError(`eigenvalue witness ${name}: rank ${rank} does not exist among ${size} states`);
  if (lo.compare(hi) > 0) throw new WitnessError(`eigenvalue witness ${name}: lo > hi`);
  for (const x of states)
    if (law[x]!.s < 0n || law[x]!.n === 0n)
      throw new WitnessError(`eigenvalue witness ${name}: law(${x}) is not positive`);
  for (const x of states)
    for (const y of states)
      if (!law[x]!.mul(m[x]![y]!).equals(law[y]!.mul(m[y]![x]!)))
        throw new WitnessError(`eigenvalue witness ${name}: diag(law) M is not symmetric at (${x}, ${y})`);
  const above = (s: Fraction, which: string): number => {
    const a = states.map((x) => states.map((y) => law[x]!.mul(x === y ? m[x]![y]!.sub(s) : m[x]![y]!)));
    const count = positivePivots(a);
    if (count === undefined) throw new WitnessError(`eigenvalue witness ${name}: zero pivot at s = ${which}`);
    return count;
  };
  if (above(hi, 'hi') > k - 1 || above(lo, 'lo') < k)
    throw new WitnessError(
      `eigenvalue witness ${name}: eigenvalue ${rank} is not in [${lo.toFraction()}, ${hi.toFraction()}] by the inertia counts`,
    );
}

/**
 * Number of positive pivots d_j of A = L D L^T (L unit lower triangular, no
 * pivoting), A symmetric rational; undefined at a zero pivot. The pivots are
 * d_j = m_j / m_(j-1) with m_j the j-th leading principal minor (m_0 = 1), so
 * d_j > 0 iff m_j and m_(j-1) have the same sign, and a zero pivot is a zero
 * minor. The minors come from Bareiss' fraction-free elimination of c A, c > 0
 * the lcm of the denominators (the signs of the minors of c A are those of A):
 * after step j its diagonal entry is m_j(cA), every division is exact, and the
 * integers stay as small as the minors themselves.
 */
function positivePivots(a: readonly (readonly Fraction[])[]): number | undefined {
  const c = a.flat().reduce((l, x) => l.lcm(new Fraction(x.d, 1n)), ONE);
  const b = a.map((row) => row.map((x) => x.mul(c).n * x.s));
  let previous = 1n;
  let positive = 0;
  for (let k = 0; k < b.length; k++) {
    const pivot = b[k]![k]!;
    if (pivot === 0n) return undefined;
    if (pivot > 0n === previous > 0n) positive++;
    for (let i = k + 1; i < b.length; i++)
      for (let j = k + 1; j < b.length; j++) b[i]![j] = (b[i]![j]! * pivot - b[i]![k]! * b[k]![j]!) / previous;
    previous = pivot;
  }
  return positive;
}

/** Exact matrices and vectors named by one witness (module comment). */
function reader(claim: Claim, instance: ReadonlyMap<string, Entry>, w: Witness) {
  const evaluator = makeEvaluator(precision(UNLIMITED_DIGITS), claim, instance, new Map()); // exact values never enclosed
  const named = Object.entries(w).flatMap(([key, v]) =>
    key !== 'kind' && key !== 'name' && typeof v === 'string' ? [v] : [],
  );
  const sizeOf = (name: string): number => {
    for (const other of named) {
      const value = instance.get(other);
      if (Array.isArray(value)) return value.length;
    }
    const body = claim.defs.get(name)?.body;
    const found = body === undefined ? undefined : indexedSize(body, instance);
    if (found === undefined) throw new WitnessError(`cannot tell the size of ${name}`);
    return found;
  };
  const entry = (name: string, at: number[]): Fraction => {
    try {
      const v = evaluator.lookup(name, at);
      if (v instanceof Fraction) return v;
    } catch (error) {
      if (!(error instanceof Undefined || error instanceof Undecided)) throw error;
      throw new WitnessError(`${name}[${at.join('][')}]: ${error.message}`);
    }
    throw new WitnessError(`${name}[${at.join('][')}] is not an exact rational`);
  };
  const value = (name: string, rank: 1 | 2): Entry => {
    const given = instance.get(name);
    if (given !== undefined) return given;
    const def = claim.defs.get(name);
    if (def === undefined || def.index.length !== rank)
      throw new WitnessError(`${name} is not a ${rank === 1 ? 'vector' : 'matrix'} of the instance or the definitions`);
    const indices = Array.from({ length: sizeOf(name) }, (_, i) => i);
    return rank === 1
      ? indices.map((i) => entry(name, [i]))
      : indices.map((i) => indices.map((j) => entry(name, [i, j])));
  };
  return {
    matrix: (name: string): Matrix => {
      const v = value(name, 2);
      if (!Array.isArray(v) || !v.every((row) => Array.isArray(row))) throw new WitnessError(`${name} is not a matrix`);
      return v as Matrix;
    },
    vector: (name: string): Vector => {
      const v = value(name, 1);
      if (!Array.isArray(v) || v.some((x) => Array.isArray(x))) throw new WitnessError(`${name} is not a vector`);
      return v as Vector;
    },
  };
}

/** The length of the first instance vector or matrix indexed in `body`, depth first, left to right. */
function indexedSize(body: Num, instance: ReadonlyMap<string, Entry>): number | undefined {
  const visit = (node: unknown): number | undefined => {
    if (node === null || typeof node !== 'object' || node instanceof Fraction) return undefined;
    const record = node as Record<string, unknown>;
    if (record.t === 'v' && Array.isArray(record.at) && record.at.length > 0) {
      const value = instance.get(record.name as string);
      if (Array.isArray(value)) return value.length;
    }
    for (const child of Object.values(record)) {
      const found = visit(child);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return visit(body);
}
