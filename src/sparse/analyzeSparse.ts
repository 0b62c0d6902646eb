/**
 * `analyze` of a sparse kernel: structure, stationary law, reversibility,
 * potential, lambda2 and lambdaMin, hitting times, in float64 with linear
 * memory, each quantity with its method and its a posteriori bound.
 *
 * Main definitions
 * - `SparseAnalyzeJson`: the report; the keys of the dense report (states,
 *   mode, precision, renormalized, irreducible, closedClasses, aperiodic,
 *   stationary, reversible, reversibilityViolation, potential, lambda2,
 *   lambdaMin, spectralGap, absoluteGap, hitting, omitted) plus `format`,
 *   `nonzeros` and `bounds` (method, residual and bound of each quantity).
 * - `analyzeSparse(model)`: the report of a `SparseModel`.
 * - `sparseTable(report, top)`: the text report: a summary and the `top`
 *   states of largest stationary mass (never all n rows).
 *
 * Main statements (what each part relies on; see the modules)
 * - irreducible / closed classes / period: exact graph facts (structure.ts).
 * - stationary law: for a pattern-symmetric P, the spanning-tree law
 *   (stationary.ts), kept when it balances every edge within
 *   REVERSIBILITY_TOLERANCE (relative); otherwise the lazy power iteration.
 *   `bounds.stationary.residualBound` is a rigorous upper bound of
 *   max_j |(mu P)_j - mu_j| for the float64 mu and P.
 * - reversible: decided in float64 with that tolerance (not exactly): the
 *   pattern is symmetric and max |mu_i P_ij - mu_j P_ji| <= 1e-9 max(flows) on
 *   every stored entry.
 * - lambda2, lambdaMin: thick-restart Lanczos (lanczos.ts) on the exactly
 *   symmetric float64 matrix S~ with S~_ij = S~_ji = (mu_i P_ij + mu_j P_ji) /
 *   (2 sqrt(mu_i mu_j)), on the complement of sqrt(mu). S~ has an eigenvalue
 *   within `residualBound` of each value; S~ differs from D^{1/2} P D^{-1/2}
 *   by at most `symmetrizationDefect` per entry. That it is the second largest
 *   (smallest) eigenvalue is not proved (random start; Rayleigh-Ritz gives
 *   lambda2 >= value - that of the deflation error only). float64.
 * - hitting times: hitting.ts (residual and rigorous error bound).
 */
import type { AnalyzeJson } from '../analysis/analyze.js';
import { floatNumberObject, type NumberObject } from '../arith/numberObject.js';
import { mirrorIndex, nonzeros, type CsrMatrix } from './csr.js';
import { sparseHittingTimes, principalSubmatrix, SparseUnreachableError } from './hitting.js';
import { sparseExtremeEigenvalues } from './lanczos.js';
import type { SparseModel } from './sparseModel.js';
import {
  detailedBalanceDefect,
  powerStationary,
  REVERSIBILITY_TOLERANCE,
  stationaryResidual,
  treeStationary,
} from './stationary.js';
import { sparseStructure } from './structure.js';

export interface QuantityBound {
  method: string;
  [key: string]: string | number | boolean;
}

/** The fields it shares with the dense report (same names, same shapes), and its own. */
export type SparseAnalyzeJson = Pick<
  AnalyzeJson,
  | 'states'
  | 'precision'
  | 'renormalized'
  | 'irreducible'
  | 'closedClasses'
  | 'aperiodic'
  | 'stationary'
  | 'reversible'
  | 'potential'
  | 'lambda2'
  | 'lambdaMin'
  | 'spectralGap'
  | 'absoluteGap'
  | 'hitting'
  | 'omitted'
> & {
  mode: 'float';
  format: 'sparse';
  nonzeros: number;
  closedClassCount?: number;
  period?: number;
  reversibilityViolation?: { pair: [string, string]; reason: string };
  /** quantity -> its method, residual and bound */
  bounds: Record<string, QuantityBound>;
};

const REDUCIBLE = 'the chain is reducible, so its stationary law is not unique (one per closed class)';
const NOT_REVERSIBLE =
  'P is not reversible: S = D^{1/2} P D^{-1/2} is not symmetric, so the symmetric eigenvalue theory (T4, T5) does not apply';
const PRECISION = 'float64 (sparse; residuals and bounds stated per quantity)';
/** Lanczos stops when lambdaMin's residual estimate is below this (lambda2's: 1e-10). */
const LAMBDA_MIN_TOLERANCE = 1e-8;

export interface SparseAnalyzeOptions {
  /** Lanczos residual tolerance (default 1e-10) */
  readonly tolerance?: number;
}

export function analyzeSparse(model: SparseModel, options: SparseAnalyzeOptions = {}): SparseAnalyzeJson {
  const P = model.kernel;
  const n = model.n;
  const names = model.states as string[];
  const omitted: Record<string, string> = {};
  const bounds: Record<string, QuantityBound> = {};
  const json = {
    states: names,
    mode: 'float',
    precision: PRECISION,
    format: 'sparse',
    nonzeros: nonzeros(P),
  } as SparseAnalyzeJson;
  if (model.renormalized)
    json.renormalized = {
      rows: model.renormalized.rows,
      maxAdjustment: floatNumberObject(model.renormalized.maxAdjustment),
    };

  const structure = sparseStructure(P);
  json.irreducible = structure.irreducible;
  if (!structure.irreducible) {
    json.closedClasses = structure.closedClasses.map((c) => c.map((x) => names[x]!));
    json.closedClassCount = structure.closedClassCount;
    omitted.aperiodic = 'the period is a property of each communicating class; the chain is reducible';
  } else {
    json.aperiodic = structure.period === 1;
    json.period = structure.period!;
  }

  const mirror = mirrorIndex(P);
  let mu: Float64Array | undefined;
  let logMu: Float64Array | undefined;
  let reversible = false;
  if (structure.irreducible) {
    let method = '';
    if (mirror.symmetric) {
      const tree = treeStationary(P, mirror.mirror);
      const defect = detailedBalanceDefect(P, mirror.mirror, tree.mu);
      bounds.reversibility = {
        method: 'float64 detailed balance on every stored entry, relative to the larger flow',
        tolerance: REVERSIBILITY_TOLERANCE,
        maxDefect: defect.absolute,
        maxRelativeDefect: defect.relative,
        patternSymmetric: true,
      };
      if (defect.relative <= REVERSIBILITY_TOLERANCE) {
        reversible = true;
        mu = tree.mu;
        logMu = tree.logMu;
        method = 'ratios P(i,j)/P(j,i) along a breadth-first spanning tree (detailed balance), float64';
      } else {
        const [x, y] = defect.pair;
        json.reversibilityViolation = {
          pair: [names[x]!, names[y]!],
          reason: `mu(${names[x]}) P(${names[x]}, ${names[y]}) != mu(${names[y]}) P(${names[y]}, ${names[x]}) (relative defect ${defect.relative.toExponential(2)} > ${REVERSIBILITY_TOLERANCE}: detailed balance fails along a cycle)`,
        };
      }
    } else {
      const [x, y] = mirror.oneWay;
      bounds.reversibility = {
        method: 'pattern symmetry',
        patternSymmetric: false,
        tolerance: REVERSIBILITY_TOLERANCE,
      };
      json.reversibilityViolation = {
        pair: [names[x]!, names[y]!],
        reason: `P(${names[x]}, ${names[y]}) > 0 but P(${names[y]}, ${names[x]}) = 0`,
      };
    }
    let iterations: number | undefined;
    let converged = true;
    if (!mu) {
      const power = powerStationary(P);
      mu = power.mu;
      iterations = power.iterations;
      converged = power.converged;
      method = 'lazy power iteration nu <- nu (I + P) / 2, float64';
    }
    const residual = stationaryResidual(P, mu);
    bounds.stationary = {
      method,
      residual: residual.residual,
      residualBound: residual.bound,
      meaning: 'residualBound >= max_j |(mu P)_j - mu_j| exactly, for the float64 mu and P',
      ...(iterations !== undefined ? { iterations, converged } : {}),
    };
    json.stationary = Array.from(mu, (x) => floatNumberObject(x));
  } else {
    omitted.stationary = REDUCIBLE;
    bounds.reversibility = mirror.symmetric
      ? {
          method: 'pattern symmetry only (no stationary law)',
          patternSymmetric: true,
          tolerance: REVERSIBILITY_TOLERANCE,
        }
      : { method: 'pattern symmetry', patternSymmetric: false, tolerance: REVERSIBILITY_TOLERANCE };
    if (!mirror.symmetric) {
      const [x, y] = mirror.oneWay;
      json.reversibilityViolation = {
        pair: [names[x]!, names[y]!],
        reason: `P(${names[x]}, ${names[y]}) > 0 but P(${names[y]}, ${names[x]}) = 0`,
      };
    }
  }
  json.reversible = reversible;

  if (!reversible)
    omitted.potential = mu ? 'P is not reversible: no U with P(x,y) / P(y,x) = exp(U(y) - U(x))' : REDUCIBLE;
  else {
    const base = logMu![0]!;
    json.potential = Array.from(logMu!, (l, x) => floatNumberObject(x === 0 ? 0 : l - base));
  }

  let S: CsrMatrix | undefined;
  if (n === 1) {
    for (const key of ['lambda2', 'lambdaMin', 'spectralGap', 'absoluteGap'])
      omitted[key] = 'a single state has no second eigenvalue';
  } else if (mu && reversible && mirror.symmetric) {
    const sym = symmetrizedKernel(P, mirror.mirror, mu);
    S = sym.S;
    const root = new Float64Array(n);
    let length = 0;
    for (let i = 0; i < n; i++) {
      root[i] = Math.sqrt(mu[i]!);
      length += mu[i]!;
    }
    length = Math.sqrt(length);
    for (let i = 0; i < n; i++) root[i] = root[i]! / length;
    // lambdaMin enters only the absolute gap: a looser tolerance and fewer kept vectors at the lower end;
    // both ends in one run, each settled when it meets its tolerance, with a larger basis (measured on the
    // 100,000-state W6 chain: 40 vectors keeping 10 + 8 took 504 products, 32 keeping 10 + 6 took 720)
    const spectrum = sparseExtremeEigenvalues(S, {
      deflate: root,
      smallest: true,
      tolerance: options.tolerance ?? 1e-10,
      smallestTolerance: LAMBDA_MIN_TOLERANCE,
      maxBasis: 40,
      keep: 10,
      keepSmallest: 8,
    });
    const l2 = spectrum.largest;
    const lmin = spectrum.smallest!;
    json.lambda2 = floatNumberObject(l2.value);
    json.lambdaMin = floatNumberObject(lmin.value);
    json.spectralGap = floatNumberObject(1 - l2.value);
    json.absoluteGap = floatNumberObject(1 - Math.max(Math.abs(l2.value), Math.abs(lmin.value)));
    bounds.spectrum = {
      method:
        'thick-restart Lanczos on the symmetrized kernel S~ (exactly symmetric float64) on the complement of sqrt(mu), full reorthogonalization, float64',
      lambda2ResidualBound: l2.residualBound,
      lambdaMinResidualBound: lmin.residualBound,
      meaning:
        'S~ has an eigenvalue within the residual bound of each value; that it is the second largest (smallest) is not proved (random start)',
      symmetrizationDefect: sym.defect,
      products: spectrum.products,
      restarts: spectrum.restarts,
      converged: spectrum.converged,
    };
  } else {
    for (const key of ['lambda2', 'lambdaMin', 'spectralGap', 'absoluteGap'])
      omitted[key] = mu ? NOT_REVERSIBLE : REDUCIBLE;
  }

  if (model.target) {
    const target = model.target;
    const hitting: NonNullable<SparseAnalyzeJson['hitting']> = { target: target.map((x) => names[x]!) };
    try {
      const result = sparseHittingTimes(P, target, reversible ? mu : undefined);
      hitting.expected = Object.fromEntries(names.map((name, x) => [name, floatNumberObject(result.h[x]!)]));
      if (mu) {
        let total = 0;
        for (let x = 0; x < n; x++) total += mu[x]! * result.h[x]!;
        hitting.fromStationary = floatNumberObject(total);
      } else omitted['hitting.fromStationary'] = REDUCIBLE;
      bounds.hitting = {
        method: result.method,
        iterations: result.iterations,
        residual: result.residual,
        residualBound: result.residualBound,
        errorBound: result.errorBound,
        meaning: 'errorBound >= max_x |h(x) - E_x[tau_A]| for the float64 P',
      };
    } catch (error) {
      if (!(error instanceof SparseUnreachableError)) throw error;
      const shown = error.states.map((x) => names[x]).join(', ');
      const reason = `the target cannot be reached from ${error.count} states (${shown}${error.count > error.states.length ? ', ...' : ''}): E_x[tau_A] is infinite there`;
      omitted['hitting.expected'] = reason;
      omitted['hitting.fromStationary'] = reason;
    }
    if (S && mu) {
      const inTarget = new Uint8Array(n);
      for (const a of target) inTarget[a] = 1;
      const rest = new Int32Array(n - target.length);
      for (let x = 0, i = 0; x < n; x++) if (!inTarget[x]) rest[i++] = x;
      const dirichlet = sparseExtremeEigenvalues(principalSubmatrix(S, rest), {
        tolerance: options.tolerance ?? 1e-10,
      });
      hitting.dirichletGap = floatNumberObject(1 - dirichlet.largest.value);
      bounds.dirichletGap = {
        method: 'thick-restart Lanczos on S~ restricted to the complement of the target, float64',
        residualBound: dirichlet.largest.residualBound,
        products: dirichlet.products,
        converged: dirichlet.converged,
      };
    } else omitted['hitting.dirichletGap'] = mu ? NOT_REVERSIBLE : REDUCIBLE;
    json.hitting = hitting;
  }
  json.bounds = bounds;
  if (Object.keys(omitted).length > 0) json.omitted = omitted;
  return json;
}

/**
 * S~ (module comment), on P's pattern, and the largest |S~_ij - sqrt(mu_i / mu_j) P_ij|
 * over stored entries (the symmetrization defect; 0 up to rounding for an exactly
 * balanced mu).
 */
export function symmetrizedKernel(
  P: CsrMatrix,
  mirror: Int32Array,
  mu: Float64Array,
): { S: CsrMatrix; defect: number } {
  const { n, indptr, indices, values } = P;
  const root = new Float64Array(n);
  for (let i = 0; i < n; i++) root[i] = Math.sqrt(mu[i]!);
  const out = new Float64Array(values.length);
  let defect = 0;
  for (let i = 0; i < n; i++) {
    for (let k = indptr[i]!; k < indptr[i + 1]!; k++) {
      const j = indices[k]!;
      if (j < i) continue;
      if (j === i) {
        out[k] = values[k]!;
        continue;
      }
      const m = mirror[k]!;
      const s = (mu[i]! * values[k]! + mu[j]! * values[m]!) / 2 / (root[i]! * root[j]!);
      out[k] = s;
      out[m] = s;
      const d = Math.max(
        Math.abs(s - (root[i]! / root[j]!) * values[k]!),
        Math.abs(s - (root[j]! / root[i]!) * values[m]!),
      );
      if (d > defect) defect = d;
    }
  }
  return { S: { n, indptr, indices, values: out }, defect };
}

function show(x: NumberObject | undefined): string {
  if (!x) return '-';
  const v = Number(x.approx);
  return Number.isFinite(v) ? String(Number(v.toPrecision(12))) : x.approx;
}

/** The text report: a summary and the `top` states of largest stationary mass. */
export function sparseTable(report: SparseAnalyzeJson, top = 10): string {
  const lines: string[] = [];
  const b = report.bounds;
  lines.push(
    `${report.states.length} states, ${report.nonzeros} nonzeros (sparse input), mode float64 (residuals and bounds stated per quantity)`,
  );
  if (report.renormalized) {
    const { rows, maxAdjustment } = report.renormalized;
    lines.push(
      `renormalized: ${rows} ${rows === 1 ? 'row' : 'rows'} summed to 1 only within 1e-9 (float64 rounding) and ${rows === 1 ? 'was' : 'were'} divided by ${rows === 1 ? 'its' : 'their'} float64 ${rows === 1 ? 'sum' : 'sums'}; largest |sum - 1| = ${Number(Number(maxAdjustment.approx).toPrecision(3))}`,
    );
  }
  const yes = (v: boolean | undefined) => (v === undefined ? '-' : v ? 'yes' : 'no');
  lines.push(
    `irreducible: ${yes(report.irreducible)}   aperiodic: ${yes(report.aperiodic)}${report.period !== undefined && report.period > 1 ? ` (period ${report.period})` : ''}   reversible: ${yes(report.reversible)}`,
  );
  if (b.reversibility && b.reversibility.maxRelativeDefect !== undefined) {
    lines.push(
      `  reversibility in float64: max |mu_i P_ij - mu_j P_ji| = ${fmt(b.reversibility.maxDefect)}, relative ${fmt(b.reversibility.maxRelativeDefect)} (tolerance ${fmt(b.reversibility.tolerance)})`,
    );
  }
  if (report.closedClasses) {
    const shown = report.closedClasses
      .map((c) => `{${c.length > 8 ? `${c.slice(0, 8).join(', ')}, ... (${c.length} states)` : c.join(', ')}}`)
      .join(' ');
    lines.push(
      `closed classes (${report.closedClassCount}): ${shown}${(report.closedClassCount ?? 0) > report.closedClasses.length ? ' ...' : ''}`,
    );
  }
  if (report.reversibilityViolation) lines.push(`not reversible: ${report.reversibilityViolation.reason}`);
  if (report.stationary) {
    const s = b.stationary!;
    lines.push('');
    lines.push(`stationary law: ${s.method}`);
    lines.push(
      `  residual max |mu P - mu| = ${fmt(s.residual)} (rigorous bound ${fmt(s.residualBound)})${s.converged === false ? '  NOT CONVERGED' : ''}`,
    );
    const order = report.stationary
      .map((_, x) => x)
      .sort((x, y) => Number(report.stationary![y]!.approx) - Number(report.stationary![x]!.approx) || x - y);
    const shownCount = Math.min(top, order.length);
    lines.push(
      `  ${shownCount === order.length ? 'all states' : `the ${shownCount} states of largest mass (of ${order.length}; --json for all)`}:`,
    );
    const rows = [['state', 'stationary mu', ...(report.potential ? ['potential U'] : [])]];
    for (const x of order.slice(0, shownCount))
      rows.push([
        report.states[x]!,
        show(report.stationary[x]),
        ...(report.potential ? [show(report.potential[x])] : []),
      ]);
    lines.push(...columns(rows));
    if (shownCount < order.length)
      lines.push(
        `  smallest mass: ${show(report.stationary[order[order.length - 1]!])} (state ${report.states[order[order.length - 1]!]})`,
      );
  }
  if (report.lambda2) {
    const s = b.spectrum!;
    lines.push('');
    lines.push(
      `lambda2 = ${show(report.lambda2)} (residual bound ${fmt(s.lambda2ResidualBound)})   lambdaMin = ${show(report.lambdaMin)} (residual bound ${fmt(s.lambdaMinResidualBound)})`,
    );
    lines.push(`spectral gap = ${show(report.spectralGap)}   absolute gap = ${show(report.absoluteGap)}`);
    lines.push(
      `  ${s.method}; ${s.products} products; S~ has an eigenvalue within each residual bound (that it is lambda2 / lambdaMin is not proved)`,
    );
  }
  if (report.hitting) {
    const h = report.hitting;
    lines.push('');
    lines.push(
      `hitting the target {${h.target.length > 10 ? `${h.target.slice(0, 10).join(', ')}, ...` : h.target.join(', ')}}:`,
    );
    if (h.expected) {
      const hb = b.hitting!;
      const entries = Object.entries(h.expected);
      const largest = entries.reduce((best, e) => (Number(e[1].approx) > Number(best[1].approx) ? e : best));
      if (entries.length <= top)
        lines.push(...columns([['state', 'E_x[tau_A]'], ...entries.map(([name, value]) => [name, show(value)])]));
      else
        lines.push(
          `  largest E_x[tau_A] = ${show(largest[1])} (state ${largest[0]}; --json for all ${entries.length})`,
        );
      lines.push(`  ${hb.method}: residual ${fmt(hb.residual)}, max error <= ${fmt(hb.errorBound)}`);
    }
    if (h.fromStationary) lines.push(`  from stationarity E_mu[tau_A] = ${show(h.fromStationary)}`);
    if (h.dirichletGap)
      lines.push(
        `  Dirichlet gap l_A = ${show(h.dirichletGap)} (residual bound ${fmt(b.dirichletGap!.residualBound)})`,
      );
  }
  if (report.omitted) {
    lines.push('');
    lines.push('omitted:');
    for (const [key, reason] of Object.entries(report.omitted)) lines.push(`  ${key}: ${reason}`);
  }
  return `${lines.join('\n')}\n`;
}

function fmt(x: string | number | boolean | undefined): string {
  return typeof x === 'number' ? x.toExponential(2) : String(x);
}

function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map(
    (row) => `  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')}`,
  );
}
