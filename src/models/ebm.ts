/**
 * The energy-based model of KL-regularized RL: the optimal policy and the
 * response-chain kernel of an instruction-tuned model.
 *
 * Main definitions
 * - `optimalPolicy(ar, q, r, beta)`: pi*(y|x) = q(y|x) exp(r(x,y)/beta) / Z(x),
 *   Z(x) = sum_y q(y|x) exp(r(x,y)/beta) (rows need not be square).
 * - `EbmModel`: the rational description of an instance: reference rows q or a
 *   symmetric conductance C (q(y|x) = C(x,y)/rho(x), rho = row sums of C); a potential
 *   Phi (w = exp(Phi/beta)) or weights w directly; an optional interaction s
 *   (v = exp(s/beta)) or interaction weights v; or a full reward r(x,y) in place of
 *   Phi and s; and beta.
 * - `validateEbmModel(model)`: the boundary check, an `InputError` naming the field.
 * - `ebmKernel(ar, model)`: the kernel P(x,y) = q(y|x) w(y) v(x,y) / Z(x) with its
 *   pieces { kernel, Z, w, v, q, rho }.
 * - `ebmStationaryClosedForm(ar, pieces)`: T2's mu(x) proportional to rho(x) w(x) Z(x),
 *   a comparison value only (analyses compute mu by GTH).
 *
 * Main statements
 * - (T2) Under A1 (s symmetric) and A2 (rho(x) q(y|x) = rho(y) q(x|y)),
 *   rho(x) w(x) Z(x) P(x,y) = rho(x) q(y|x) w(x) w(y) v(x,y), symmetric in x, y; so
 *   mu proportional to rho w Z is in detailed balance with P.
 *
 * Implementation details
 * Z here is the kernel's normalizer Z_Phi(x) = sum_y q(y|x) w(y) v(x,y) of docs/catalogue.md
 * (for a reward r it is the Z(x) of pi*, with w = 1 and v = exp(r/beta)). Exponentials
 * are taken of the exact rationals Phi/beta and s/beta, so exact mode works when
 * only weights are given (w, v rational) and throws `InexactError` otherwise.
 * For reference rows q, rho is a reversing measure of q when q is reversible
 * (decided exactly by Kolmogorov's criterion; rho = 1 at the smallest state of
 * each component of the support), and undefined otherwise.
 */
import type { Arithmetic } from '../arith/arithmetic.js';
import { compareRationals, exactArithmetic } from '../arith/exact.js';
import type { Rational } from '../arith/rational.js';
import { addRationals, commonDenominator } from '../arith/rationalOps.js';
import { InputError } from '../errors.js';
import type { Matrix, ReadonlyMatrix } from '../linalg/matrix.js';
import { validateKernel, validateSquareMatrix } from '../markov/kernel.js';
import { kolmogorovCriterion } from '../markov/reversibility.js';

/** The rational inputs of an EBM instance (JSON field names of MODEL.json). */
export interface EbmModel {
  /** Temperature beta > 0; required when potential, interaction or reward is given. */
  readonly beta?: Rational;
  /** Reference rows q(.|x), each a distribution (exactly one of reference, conductance). */
  readonly reference?: readonly (readonly Rational[])[];
  /** Symmetric conductance C >= 0 with positive row sums; q(y|x) = C(x,y) / rho(x). */
  readonly conductance?: readonly (readonly Rational[])[];
  /** Potential Phi; w = exp(Phi / beta). At most one of potential, weights. Default Phi = 0. */
  readonly potential?: readonly Rational[];
  /** Weights w > 0 directly (exact instances). */
  readonly weights?: readonly Rational[];
  /** Interaction s; v = exp(s / beta). At most one of interaction, interactionWeights. Default s = 0. */
  readonly interaction?: readonly (readonly Rational[])[];
  /** Interaction weights v > 0 directly (exact instances). */
  readonly interactionWeights?: readonly (readonly Rational[])[];
  /** A full reward r(x, y), instead of potential/weights and interaction. */
  readonly reward?: readonly (readonly Rational[])[];
}

/** The kernel of an EBM instance and its pieces, in the chosen arithmetic. */
export interface EbmPieces<T> {
  readonly kernel: Matrix<T>;
  /** Z(x) = sum_y q(y|x) w(y) v(x,y). */
  readonly Z: T[];
  readonly w: T[];
  readonly v: Matrix<T>;
  readonly q: Matrix<T>;
  /** Row sums of C, or a reversing measure of q; undefined when q is not reversible. */
  readonly rho: T[] | undefined;
}

/**
 * pi*(y|x) = q(y|x) exp(r(x,y)/beta) / Z(x) and Z(x).
 * Precision contract: as the arithmetic's exp and division (enclosures in interval
 * mode). Entries with q(y|x) an exact zero skip the exponential. RangeError when
 * beta is not decided positive or shapes differ.
 */
export function optimalPolicy<T>(
  ar: Arithmetic<T>,
  q: ReadonlyMatrix<T>,
  r: ReadonlyMatrix<T>,
  beta: T,
): { policy: Matrix<T>; Z: T[] } {
  if (ar.sign(beta) !== 1) throw new RangeError('beta must be decided positive');
  if (q.length !== r.length || q.some((row, x) => row.length !== r[x]!.length)) {
    throw new RangeError('optimalPolicy: q and r must have the same shape');
  }
  const unnormalized = q.map((row, x) =>
    row.map((qxy, y) => (ar.sign(qxy) === 0 ? ar.zero : ar.mul(qxy, ar.exp(ar.div(r[x]![y]!, beta))))),
  );
  return normalizeRows(ar, unnormalized);
}

/** Throws InputError unless the model is well formed (module comment); returns n. */
export function validateEbmModel(model: EbmModel): number {
  return checkEbmModel(model).n;
}

/** The boundary check of `validateEbmModel`, also returning C's row sums (computed there anyway). */
function checkEbmModel(model: EbmModel): { n: number; conductanceRowSums?: Rational[] } {
  const { reference, conductance } = model;
  let conductanceRowSums: Rational[] | undefined;
  if ((reference === undefined) === (conductance === undefined)) {
    throw new InputError(
      'reference',
      'give exactly one of "reference" (rows q) and "conductance" (symmetric C)',
      'remove one of them, or add one',
    );
  }
  let n: number;
  if (reference !== undefined) {
    validateKernel(exactArithmetic, reference, 'reference');
    n = reference.length;
  } else {
    validateSquareMatrix(conductance, 'conductance');
    n = conductance!.length;
    conductanceRowSums = checkConductance(conductance!);
  }
  exclusive(model, 'potential', 'weights');
  exclusive(model, 'interaction', 'interactionWeights');
  if (model.reward !== undefined) {
    for (const other of ['potential', 'weights', 'interaction', 'interactionWeights'] as const) {
      if (model[other] !== undefined) {
        throw new InputError(
          'reward',
          `"reward" replaces "${other}"`,
          `give either a full reward, or ${other} (with the other pieces)`,
        );
      }
    }
  }
  if (model.potential !== undefined) checkVector(model.potential, n, 'potential', false);
  if (model.weights !== undefined) checkVector(model.weights, n, 'weights', true);
  if (model.interaction !== undefined) checkMatrix(model.interaction, n, 'interaction', false);
  if (model.interactionWeights !== undefined) checkMatrix(model.interactionWeights, n, 'interactionWeights', true);
  if (model.reward !== undefined) checkMatrix(model.reward, n, 'reward', false);
  const needsBeta = model.potential !== undefined || model.interaction !== undefined || model.reward !== undefined;
  if (model.beta === undefined) {
    if (needsBeta)
      throw new InputError(
        'beta',
        'missing (needed to exponentiate the potential, interaction or reward)',
        'give beta > 0, e.g. "beta": "1/2"',
      );
  } else if (model.beta.compare(0) <= 0) {
    throw new InputError('beta', `beta = ${model.beta.toFraction()} is not positive`, 'give beta > 0');
  }
  return conductanceRowSums === undefined ? { n } : { n, conductanceRowSums };
}

/** The EBM kernel and its pieces (module comment). Validates the model first. */
export function ebmKernel<T>(ar: Arithmetic<T>, model: EbmModel): EbmPieces<T> {
  const { n, conductanceRowSums } = checkEbmModel(model);
  const beta = model.beta;
  const w = Array.from({ length: n }, (_, x) => {
    if (model.weights !== undefined) return ar.fromRational(model.weights[x]!);
    if (model.potential !== undefined) return ar.exp(ar.fromRational(model.potential[x]!.div(beta!)));
    return ar.one;
  });
  const interaction = model.interaction ?? model.reward;
  const interacting = interaction !== undefined || model.interactionWeights !== undefined;
  const v = Array.from({ length: n }, (_, x) =>
    Array.from({ length: n }, (_, y) => {
      if (model.interactionWeights !== undefined) return ar.fromRational(model.interactionWeights[x]![y]!);
      if (interaction !== undefined) return ar.exp(ar.fromRational(interaction[x]![y]!.div(beta!)));
      return ar.one;
    }),
  );
  // For a conductance C, q(y|x) = C(x,y) / rho(x) and rho(x) cancels in P: weigh C's rows
  // directly (smaller numbers in exact mode) and divide the row sums by rho afterwards.
  const base = model.conductance ?? model.reference!;
  const unnormalized = base.map((row, x) =>
    row.map((entry, y) => {
      if (entry.n === 0n) return ar.zero;
      const weighted = ar.mul(ar.fromRational(entry), w[y]!);
      return interacting ? ar.mul(weighted, v[x]![y]!) : weighted;
    }),
  );
  const { policy: kernel, Z: rowSums } = normalizeRows(ar, unnormalized);
  const rho = model.conductance !== undefined ? conductanceRowSums : referenceMeasure(model);
  const Z =
    model.conductance !== undefined ? rowSums.map((value, x) => ar.div(value, ar.fromRational(rho![x]!))) : rowSums;
  // q is computed on first use: most callers need only the kernel.
  let q: Matrix<T> | undefined;
  return {
    kernel,
    Z,
    w,
    v,
    get q() {
      q ??= referenceRows(model).map((row) => row.map((value) => ar.fromRational(value)));
      return q;
    },
    rho: rho?.map((value) => ar.fromRational(value)),
  };
}

/**
 * T2's closed form mu(x) = rho(x) w(x) Z(x) / sum (needs rho; RangeError otherwise).
 * Valid under A1 and A2; a comparison value, never the analysis's stationary law.
 */
export function ebmStationaryClosedForm<T>(ar: Arithmetic<T>, pieces: EbmPieces<T>): T[] {
  const { rho, w, Z } = pieces;
  if (rho === undefined) throw new RangeError('the reference q is not reversible, so T2 gives no closed form');
  const unnormalized = rho.map((value, x) => ar.mul(ar.mul(value, w[x]!), Z[x]!));
  let total = ar.zero;
  for (const value of unnormalized) total = ar.add(total, value);
  return unnormalized.map((value) => ar.div(value, total));
}

/** q(y|x) as exact rationals: the reference rows, or C(x,y) / rho(x) with rho(x) the row sum. */
export function referenceRows(model: EbmModel): Rational[][] {
  if (model.reference !== undefined) return model.reference.map((row) => [...row]);
  return normalizeRows(
    exactArithmetic,
    model.conductance!.map((row) => [...row]),
  ).policy;
}

/** rho: row sums of C, or a reversing measure of reference rows q (undefined when q is not reversible). */
export function referenceMeasure(model: EbmModel): Rational[] | undefined {
  if (model.conductance !== undefined) return model.conductance.map((row) => row.reduce(addRationals));
  return kolmogorovCriterion(exactArithmetic, referenceRows(model)).measure;
}

/**
 * Rows divided by their sums, and the sums. Exact mode writes each row over the
 * lcm of its denominators and reduces every quotient once (no reduced partial
 * sums); other modes add and divide.
 */
function normalizeRows<T>(ar: Arithmetic<T>, unnormalized: Matrix<T>): { policy: Matrix<T>; Z: T[] } {
  if (ar.mode === 'exact') {
    const Z: T[] = [];
    const policy = unnormalized.map((row) => {
      const { numerators, denominator } = commonDenominator(row.map((value) => ar.toRational(value)!));
      let total = 0n;
      for (const numerator of numerators) total += numerator;
      if (total === 0n) throw new RangeError('division by zero');
      const sign = total < 0n ? -1n : 1n;
      Z.push(ar.fromQuotient(total, denominator));
      return numerators.map((numerator) => ar.fromQuotient(sign * numerator, sign * total));
    });
    return { policy, Z };
  }
  const Z = unnormalized.map((row) => {
    let total = ar.zero;
    for (const value of row) total = ar.add(total, value);
    return total;
  });
  return { policy: unnormalized.map((row, x) => row.map((value) => ar.div(value, Z[x]!))), Z };
}

/** Throws InputError unless C is symmetric, >= 0, with positive row sums; returns the row sums. */
function checkConductance(conductance: readonly (readonly Rational[])[]): Rational[] {
  const n = conductance.length;
  const rowSums: Rational[] = [];
  for (let x = 0; x < n; x++) {
    let total: Rational | undefined;
    for (let y = 0; y < n; y++) {
      const value = conductance[x]![y]!;
      if (value.s < 0n && value.n !== 0n)
        throw new InputError(
          `conductance[${x}][${y}]`,
          `negative conductance ${value.toFraction()}`,
          'conductances must be >= 0',
        );
      if (compareRationals(value, conductance[y]![x]!) !== 0) {
        throw new InputError(
          `conductance[${x}][${y}]`,
          `conductance not symmetric: C(${x},${y}) = ${value.toFraction()} but C(${y},${x}) = ${conductance[y]![x]!.toFraction()}`,
          'make C symmetric, or give non-symmetric rows as "reference"',
        );
      }
      total = total === undefined ? value : addRationals(total, value);
    }
    if (total!.s < 0n || total!.n === 0n)
      throw new InputError(
        `conductance[${x}]`,
        'row sums to 0',
        'give every state a positive conductance to some state',
      );
    rowSums.push(total!);
  }
  return rowSums;
}

function checkVector(values: readonly Rational[], n: number, field: string, positive: boolean): void {
  const given: unknown = values; // checked as it came, whatever its declared type
  if (!Array.isArray(given) || given.length !== n) {
    throw new InputError(
      field,
      `expected ${n} entries, got ${Array.isArray(given) ? given.length : typeof given}`,
      `give one value per state (${n})`,
    );
  }
  if (positive) {
    values.forEach((value, x) => {
      if (value.compare(0) <= 0)
        throw new InputError(
          `${field}[${x}]`,
          `weight ${value.toFraction()} is not positive (negative or zero weight)`,
          'weights are exponentials: give values > 0',
        );
    });
  }
}

function checkMatrix(matrix: readonly (readonly Rational[])[], n: number, field: string, positive: boolean): void {
  validateSquareMatrix(matrix, field);
  if (matrix.length !== n)
    throw new InputError(
      field,
      `is ${matrix.length} x ${matrix.length} but the model has ${n} states`,
      `give an ${n} x ${n} matrix`,
    );
  matrix.forEach((row, x) => checkVector(row, n, `${field}[${x}]`, positive));
}

function exclusive(model: EbmModel, first: keyof EbmModel, second: keyof EbmModel): void {
  if (model[first] !== undefined && model[second] !== undefined) {
    throw new InputError(second, `give only one of "${first}" and "${second}"`, `remove "${second}" or "${first}"`);
  }
}
