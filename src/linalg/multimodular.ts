/**
 * Exact stationary laws and hitting times of rational kernels by elimination
 * modulo many word-size primes and Chinese remaindering, checked exactly.
 *
 * Main definitions
 * - `integerRates(kernel)`: W(x, y) = D_x P(x, y) for y != x, with D_x the lcm
 *   of the denominators of row x (the row's own common denominator), and the
 *   rates r_x = sum_{y != x} W(x, y) = D_x (1 - P(x, x)).
 * - `exactStationaryModular(kernel)`: the stationary law of an irreducible
 *   rational kernel, exactly.
 * - `exactHittingTimesModular(kernel, target)`: E_x[tau_A] for every x,
 *   exactly, when A is reachable from every state.
 * - `stationaryBoundBits(rates)`, `hittingBoundBits(rates, ...)`: the number
 *   of bits the reconstruction needs, from which the caller estimates the work.
 *
 * Main statements
 * - Row x of P times D_x: mu(x) P(x, y) = (mu(x) / D_x) W(x, y), so mu P = mu iff
 *   t(x) = mu(x) / D_x balances the rates W: t(x) r_x = sum_{y != x} t(y) W(y, x).
 * - (Markov chain tree theorem) T(x) = sum over spanning trees directed towards x
 *   of the product of their rates W is such a balanced vector; it is an integer,
 *   0 <= T(x) <= prod_{y != x} r_y (each y != x picks one outgoing edge, of total
 *   weight r_y), and T(0) = det of L = diag(r) - W without row and column 0, which
 *   is the product of the GTH pivots s_{n-1} ... s_1 (the diagonal of the Schur
 *   complements of L, eliminating n-1 first).
 * - (Hitting times) On A^c, (I - Q) h = 1 times D_x row by row is the integer
 *   system M h = D with M(x, x) = r_x and M(x, y) = -W(x, y): a nonsingular
 *   M-matrix when A is reachable from every state, so every leading principal
 *   minor is positive (Gaussian elimination in natural order meets no zero
 *   pivot over the rationals), M^{-1} >= 0 and y = det(M) h >= 0. By Cramer and
 *   Hadamard, det(M) and every y(x) are at most prod_x (2 r_x + D_x) (the l1
 *   norm of row x, with one entry replaced by D_x, bounds its l2 norm).
 * - Certificates: a nonzero vector t >= 0 that balances the rates is the
 *   stationary law up to scale (irreducible chain: unique); integers y, d with
 *   d > 0 and M y = d D give h = y / d (M nonsingular: unique). Both are checked
 *   exactly on the reconstructed integers before anything is returned, so the
 *   result never depends on the prime arithmetic or the bounds being right.
 *
 * Implementation details
 * Primes just below 2^b with (n + 1) 2^(2b) <= 2^53 (b = 22 at n = 200, 21 at
 * n = 2000): an entry plus n products of residues is an exact float64 integer,
 * so the inner loops multiply and add without reducing (`stationaryResidues`). Modulo p, GTH (stationary law) and plain Gaussian
 * elimination (hitting times) run in float64 arrays; a prime that divides a
 * pivot is skipped. The residues are combined incrementally (Garner: X += M t,
 * t = (r - X) / M mod p); after 4, 8, 16, ... primes the candidate is checked
 * and returned if it passes (early termination, usual when the bound is loose),
 * and once the product of the primes exceeds the bound the candidate is the true
 * value, so the check must pass (a failure there is a bug, thrown as an Error).
 * Work: about n^3 / 3 float64 multiply-adds per prime, bound bits / b primes.
 */
import type { Rational } from '../arith/rational.js';
import { gcd, reducedFraction } from '../arith/rationalOps.js';

/** Integer rates of a rational kernel (module comment). */
export interface IntegerRates {
  readonly n: number;
  /** W(x, y) for y != x (W(x, x) = 0), row-major */
  readonly weights: bigint[][];
  /** D_x: the lcm of the denominators of row x */
  readonly scale: bigint[];
  /** r_x = sum_{y != x} W(x, y) */
  readonly rates: bigint[];
}

/**
 * Bits of the primes for an elimination of n rows: (n + 1) p^2 <= 2^53, so an
 * entry below p plus n products of residues stays an exact float64 integer.
 */
function primeBits(n: number): number {
  return Math.min(26, Math.floor((53 - Math.ceil(Math.log2(n + 1))) / 2));
}

const primeCache = new Map<number, number[]>();

/** The k-th prime below 2^bits, counting down (cached). */
function prime(bits: number, k: number): number {
  let primes = primeCache.get(bits);
  if (primes === undefined) primeCache.set(bits, (primes = []));
  while (primes.length <= k) {
    let candidate = primes.length === 0 ? 2 ** bits - 1 : primes[primes.length - 1]! - 2;
    while (!isPrime(candidate)) candidate -= 2;
    primes.push(candidate);
  }
  return primes[k]!;
}

function isPrime(m: number): boolean {
  if (m % 2 === 0) return m === 2;
  for (let d = 3; d * d <= m; d += 2) if (m % d === 0) return false;
  return true;
}

/** a^{-1} mod p for 0 < a < p, p prime (extended Euclid in float64 integers). */
function inverseMod(a: number, p: number): number {
  let [r0, r1] = [p, a];
  let [t0, t1] = [0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return t0 < 0 ? t0 + p : t0;
}

/** W, D and r of a rational kernel (module comment). */
export function integerRates(kernel: readonly (readonly Rational[])[]): IntegerRates {
  const n = kernel.length;
  const weights: bigint[][] = [];
  const scale: bigint[] = [];
  const rates: bigint[] = [];
  for (let x = 0; x < n; x++) {
    const row = kernel[x]!;
    let lcm = 1n;
    for (let y = 0; y < n; y++) {
      const d = row[y]!.d;
      if (y !== x && d !== 1n && lcm % d !== 0n) lcm = (lcm / gcd(lcm, d)) * d;
    }
    let rate = 0n;
    const w = row.map((q, y) => {
      if (y === x || q.n === 0n) return 0n;
      const value = q.n * (lcm / q.d);
      rate += value;
      return value;
    });
    weights.push(w);
    scale.push(lcm);
    rates.push(rate);
  }
  return { n, weights, scale, rates };
}

function bitLength(value: bigint): number {
  return value <= 0n ? 0 : value.toString(16).length * 4;
}

/** Bits of prod_x r_x, which bounds every tree sum T(x). */
export function stationaryBoundBits(rates: IntegerRates): number {
  return rates.rates.reduce((bits, r) => bits + bitLength(r), 0);
}

/** Bits of prod_{x in A^c} (2 r_x + D_x), which bounds det(M) and det(M) h. */
export function hittingBoundBits(rates: IntegerRates, rest: readonly number[]): number {
  return rest.reduce((bits, x) => bits + bitLength(2n * rates.rates[x]! + rates.scale[x]!), 0);
}

/** The residues of nonnegative bigints modulo word-size primes. */
class Residues {
  private readonly limbs: Float64Array[];
  private readonly small: Float64Array | undefined;
  constructor(values: readonly bigint[]) {
    this.small = values.every((v) => v < 2n ** 52n) ? Float64Array.from(values, Number) : undefined;
    this.limbs = this.small ? [] : values.map(toLimbs);
  }
  /** values mod p, in [0, p) */
  mod(p: number): Float64Array {
    if (this.small) return this.small.map((v) => v % p);
    const out = new Float64Array(this.limbs.length);
    for (let i = 0; i < out.length; i++) {
      const limbs = this.limbs[i]!;
      let r = 0;
      for (let k = limbs.length - 1; k >= 0; k--) r = (r * 16777216 + limbs[k]!) % p;
      out[i] = r;
    }
    return out;
  }
}

function toLimbs(value: bigint): Float64Array {
  const limbs: number[] = [];
  while (value > 0n) {
    limbs.push(Number(value & 0xffffffn));
    value >>= 24n;
  }
  return Float64Array.from(limbs);
}

/**
 * Incremental Chinese remaindering of nonnegative integer vectors; `check`
 * decides whether a candidate is the answer (module comment).
 */
function reconstruct(
  rows: number,
  length: number,
  boundBits: number,
  residuesMod: (p: number) => Float64Array | undefined,
  check: (candidate: bigint[]) => boolean,
  what: string,
): bigint[] {
  const values = new Array<bigint>(length).fill(0n);
  let modulus = 1n;
  let modulusBits = 0;
  let used = 0;
  let nextCheck = 4;
  const bits = primeBits(rows);
  for (let k = 0; ; k++) {
    if (k > used + 1000)
      throw new Error(`${what}: a thousand primes in a row divide a pivot (a bug: the pivots are positive integers)`);
    const p = prime(bits, k);
    const r = residuesMod(p);
    if (r === undefined) continue;
    const pBig = BigInt(p);
    const inverse = inverseMod(Number(modulus % pBig), p);
    for (let i = 0; i < length; i++) {
      const current = Number(values[i]! % pBig);
      const t = (((r[i]! - current + p) % p) * inverse) % p;
      if (t !== 0) values[i] = values[i]! + modulus * BigInt(t);
    }
    modulus *= pBig;
    modulusBits += Math.log2(p);
    used++;
    const complete = modulusBits > boundBits + 1;
    if (complete || used === nextCheck) {
      if (check(values)) return values;
      if (complete) throw new Error(`${what}: the reconstruction failed its exact check (a bug)`);
      nextCheck *= 2;
    }
  }
}

/**
 * The stationary law of an irreducible rational kernel, exactly (lowest terms).
 * Precision contract: exact; mu P = mu is checked on integers before returning.
 * The caller guarantees irreducibility (a reducible kernel throws an Error).
 */
export function exactStationaryModular(
  kernel: readonly (readonly Rational[])[],
  rates: IntegerRates = integerRates(kernel),
): Rational[] {
  const n = rates.n;
  if (n === 1) return [reducedFraction(1n, 1n)];
  const flat = new Residues(rates.weights.flat());
  const treeSums = reconstruct(
    n,
    n,
    stationaryBoundBits(rates),
    (p) => stationaryResidues(flat.mod(p), n, p),
    (t) => balances(rates, t),
    'exact stationary law',
  );
  const masses = treeSums.map((t, x) => t * rates.scale[x]!);
  const total = masses.reduce((a, b) => a + b, 0n);
  return masses.map((m) => reducedFraction(m, total));
}

/**
 * T(x) mod p by GTH modulo p (module comment), or undefined when p divides a
 * pivot. Entries are reduced only when read as a pivot row or a factor: every
 * other entry receives at most n updates below p^2, so it stays below 2^53
 * (`primeBits`).
 */
function stationaryResidues(a: Float64Array, n: number, p: number): Float64Array | undefined {
  let determinant = 1;
  const support = new Int32Array(n);
  for (let k = n - 1; k >= 1; k--) {
    const rowK = k * n;
    let s = 0;
    let count = 0;
    for (let j = 0; j < k; j++) {
      const b = a[rowK + j]! % p;
      a[rowK + j] = b;
      if (b !== 0) {
        s += b;
        support[count++] = j;
      }
    }
    s %= p;
    if (s === 0) return undefined;
    determinant = (determinant * s) % p;
    const inverse = inverseMod(s, p);
    for (let i = 0; i < k; i++) {
      const rowI = i * n;
      const entry = a[rowI + k]! % p;
      if (entry === 0) {
        a[rowI + k] = 0;
        continue;
      }
      const factor = (entry * inverse) % p;
      a[rowI + k] = factor;
      for (let c = 0; c < count; c++) {
        const j = support[c]!;
        a[rowI + j] = a[rowI + j]! + factor * a[rowK + j]!;
      }
    }
  }
  // nu(k) = mu(k) / mu(0) in the rates' scale; T = nu T(0), T(0) = the product of the pivots
  const nu = new Float64Array(n);
  nu[0] = 1;
  for (let k = 1; k < n; k++) {
    let value = 0;
    for (let i = 0; i < k; i++) {
      const f = a[i * n + k]!;
      if (f !== 0) value = (value + nu[i]! * f) % p;
    }
    nu[k] = value;
  }
  for (let k = 0; k < n; k++) nu[k] = (nu[k]! * determinant) % p;
  return nu;
}

/** t >= 0, t != 0 and t(x) r_x = sum_{y != x} t(y) W(y, x) for every x, in integers. */
function balances(rates: IntegerRates, t: readonly bigint[]): boolean {
  const n = rates.n;
  if (t.every((value) => value === 0n) || t.some((value) => value < 0n)) return false;
  const inflow = new Array<bigint>(n).fill(0n);
  for (let y = 0; y < n; y++) {
    const ty = t[y]!;
    if (ty === 0n) continue;
    const row = rates.weights[y]!;
    for (let x = 0; x < n; x++) if (row[x]! !== 0n) inflow[x] = inflow[x]! + ty * row[x]!;
  }
  return inflow.every((value, x) => value === t[x]! * rates.rates[x]!);
}

/**
 * h(x) = E_x[tau_A] for every state (0 on A), exactly (lowest terms).
 * Precision contract: exact; M y = d D is checked on integers before returning.
 * The caller guarantees that A is reachable from every state (else an Error).
 */
export function exactHittingTimesModular(
  kernel: readonly (readonly Rational[])[],
  target: readonly number[],
  rates: IntegerRates = integerRates(kernel),
): Rational[] {
  const n = rates.n;
  const inTarget = new Set(target);
  const rest = Array.from({ length: n }, (_, x) => x).filter((x) => !inTarget.has(x));
  const m = rest.length;
  const zero = reducedFraction(0n, 1n);
  const h = new Array<Rational>(n).fill(zero);
  if (m === 0) return h;
  // Row i of [M | D] on A^c, with -W stored as W (the sign is applied modulo p).
  const entries: bigint[] = [];
  for (const x of rest) {
    for (const y of rest) entries.push(y === x ? rates.rates[x]! : rates.weights[x]![y]!);
    entries.push(rates.scale[x]!);
  }
  const flat = new Residues(entries);
  const solution = reconstruct(
    m,
    m + 1,
    hittingBoundBits(rates, rest),
    (p) => hittingResidues(flat.mod(p), m, p),
    (candidate) => solves(rates, rest, candidate),
    'exact hitting times',
  );
  const determinant = solution[m]!;
  rest.forEach((x, i) => (h[x] = reducedFraction(solution[i]!, determinant)));
  return h;
}

/**
 * (y, det M) mod p with y = det(M) h, by elimination without pivoting;
 * undefined when p divides a pivot. Lazy reduction as in `stationaryResidues`.
 */
function hittingResidues(a: Float64Array, m: number, p: number): Float64Array | undefined {
  const width = m + 1;
  // M(i, j) = -W for i != j: negate the off-diagonal residues.
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) if (i !== j && a[i * width + j]! !== 0) a[i * width + j] = p - a[i * width + j]!;
  }
  let determinant = 1;
  const support = new Int32Array(width);
  for (let k = 0; k < m; k++) {
    const rowK = k * width;
    let count = 0;
    for (let j = k; j <= m; j++) {
      const b = a[rowK + j]! % p;
      a[rowK + j] = b;
      if (b !== 0 && j > k) support[count++] = j;
    }
    const pivot = a[rowK + k]!;
    if (pivot === 0) return undefined;
    determinant = (determinant * pivot) % p;
    const inverse = inverseMod(pivot, p);
    for (let i = k + 1; i < m; i++) {
      const rowI = i * width;
      const entry = a[rowI + k]! % p;
      a[rowI + k] = 0;
      if (entry === 0) continue;
      const factor = p - ((entry * inverse) % p);
      for (let c = 0; c < count; c++) {
        const j = support[c]!;
        a[rowI + j] = a[rowI + j]! + factor * a[rowK + j]!;
      }
    }
  }
  const out = new Float64Array(m + 1);
  for (let i = m - 1; i >= 0; i--) {
    const rowI = i * width;
    let value = a[rowI + m]!;
    for (let j = i + 1; j < m; j++) {
      const c = a[rowI + j]!;
      if (c !== 0) value = (value + (p - c) * out[j]!) % p;
    }
    out[i] = (value * inverseMod(a[rowI + i]!, p)) % p;
  }
  for (let i = 0; i < m; i++) out[i] = (out[i]! * determinant) % p;
  out[m] = determinant;
  return out;
}

/** d > 0, y >= 0 and M y = d D on A^c, in integers (candidate = [y..., d]). */
function solves(rates: IntegerRates, rest: readonly number[], candidate: readonly bigint[]): boolean {
  const m = rest.length;
  const d = candidate[m]!;
  if (d <= 0n || candidate.some((value) => value < 0n)) return false;
  return rest.every((x, i) => {
    let total = rates.rates[x]! * candidate[i]!;
    const row = rates.weights[x]!;
    rest.forEach((y, j) => {
      if (j !== i && row[y]! !== 0n) total -= row[y]! * candidate[j]!;
    });
    return total === d * rates.scale[x]!;
  });
}
