/**
 * The workloads' result figures on tiny sizes against computations written here,
 * independently of the engine:
 * - W1: P and T2's mu built with fraction.js methods; detailed balance and
 *   stationarity checked pair by pair (T2 says every instance passes).
 * - W2: nu_t = nu_0 P^t in fraction.js, KL(nu_t || mu) in decimal.js at 120
 *   digits: every step is a true decrease far above 10^-45, so a 50-digit
 *   enclosure decides each one.
 * - W3: lambda2 of S = D^(1/2) P D^(-1/2) from ml-matrix's symmetric eigensolver.
 * - W4: hitting times by Gauss-Jordan elimination on fraction.js values.
 * - W5: a true and a false identity.
 * No timing is asserted anywhere.
 */
import { Decimal } from 'decimal.js';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { exactArithmetic } from '../../src/arith/exact.js';
import { Rational } from '../../src/arith/rational.js';
import { conductanceKernel, floatInstance, rationalInstance } from '../../src/bench/instances.js';
import { NumpyRandom } from '../../src/bench/numpyRandom.js';
import { PythonRandom } from '../../src/bench/pythonRandom.js';
import {
  WORKLOAD_SEEDS,
  heaviestStates,
  identitiesWorkload,
  runWorkload,
  workloadSizes,
  type WorkloadResult,
} from '../../src/bench/workloads.js';
import { ebmKernel, ebmStationaryClosedForm } from '../../src/models/ebm.js';

const D = Decimal.clone({ precision: 120 });

/** P(x, y) = C(x, y) w(y) / sum_z C(x, z) w(z) and mu proportional to rho w Z, with fraction.js methods only. */
function referenceKernel(C: Rational[][], w: Rational[]): { P: Rational[][]; mu: Rational[] } {
  const n = C.length;
  const rho = C.map((row) => row.reduce((a, b) => a.add(b), new Rational(0)));
  const Z: Rational[] = [];
  const P = C.map((row, x) => {
    const q = row.map((c) => c.div(rho[x]!));
    const unnormalized = q.map((value, y) => value.mul(w[y]!));
    const z = unnormalized.reduce((a, b) => a.add(b), new Rational(0));
    Z.push(z);
    return unnormalized.map((value) => value.div(z));
  });
  const weights = Array.from({ length: n }, (_, x) => rho[x]!.mul(w[x]!).mul(Z[x]!));
  const total = weights.reduce((a, b) => a.add(b), new Rational(0));
  return { P, mu: weights.map((value) => value.div(total)) };
}

function stepLaw(nu: Rational[], P: Rational[][]): Rational[] {
  return P[0]!.map((_, y) => nu.reduce((total, value, x) => total.add(value.mul(P[x]![y]!)), new Rational(0)));
}

const dec = (q: Rational) => new D(q.n.toString()).div(q.d.toString()).mul(Number(q.s));

function klDecimal(nu: Rational[], mu: Rational[]): Decimal {
  return nu.reduce(
    (total, value, x) => (value.n === 0n ? total : total.add(dec(value).mul(dec(value).div(dec(mu[x]!)).ln()))),
    new D(0),
  );
}

function countOf(result: WorkloadResult, key: string): number {
  return result.counts![key]!;
}

describe('W1 (T2, exact)', () => {
  it('counts every tiny instance balanced and stationary, as an independent check finds', () => {
    const { count, n } = workloadSizes('W1', 'tiny');
    const random = new PythonRandom(WORKLOAD_SEEDS.W1);
    let independent = 0;
    for (let k = 0; k < count; k++) {
      const { conductance, weights } = rationalInstance(random, n);
      const { P, mu } = referenceKernel(conductance, weights);
      const balanced = P.every((row, x) => row.every((p, y) => mu[x]!.mul(p).equals(mu[y]!.mul(P[y]![x]!))));
      const stationary = stepLaw(mu, P).every((value, y) => value.equals(mu[y]!));
      if (balanced && stationary) independent++;
    }
    expect(independent).toBe(count);
    const result = runWorkload('W1', 'tiny');
    expect(result.value).toBe(independent);
    expect(result.ok).toBe(true);
    expect(countOf(result, 'pairs')).toBe((count * n * (n - 1)) / 2);
  });

  it('the generic float route builds the same kernel and law as the engine on rational instances', () => {
    const instance = rationalInstance(new PythonRandom(99), 5);
    const generic = conductanceKernel(exactArithmetic, instance);
    const pieces = ebmKernel(exactArithmetic, { conductance: instance.conductance, weights: instance.weights });
    const mu = ebmStationaryClosedForm(exactArithmetic, pieces);
    generic.kernel.forEach((row, x) =>
      row.forEach((value, y) => expect(value.equals(pieces.kernel[x]![y]!)).toBe(true)),
    );
    generic.mu.forEach((value, x) => expect(value.equals(mu[x]!)).toBe(true));
    const reference = referenceKernel(instance.conductance, instance.weights);
    reference.mu.forEach((value, x) => expect(value.equals(mu[x]!)).toBe(true));
  });
});

describe('W2 (T3, interval 50 digits)', () => {
  it('decides every decrease of the tiny run, each a true decrease (decimal.js at 120 digits)', () => {
    const { count, n, steps } = workloadSizes('W2', 'tiny');
    const random = new PythonRandom(WORKLOAD_SEEDS.W2);
    let trueDecreases = 0;
    for (let k = 0; k < count; k++) {
      const { conductance, weights } = rationalInstance(random, n);
      const { P, mu } = referenceKernel(conductance, weights);
      const start = Array.from({ length: n }, () => new Rational(random.randint(1, 9)));
      const mass = start.reduce((a, b) => a.add(b));
      let nu = start.map((value) => value.div(mass));
      let previous = klDecimal(nu, mu);
      for (let t = 0; t < steps; t++) {
        nu = stepLaw(nu, P);
        const current = klDecimal(nu, mu);
        const drop = previous.sub(current);
        expect(drop.gt('1e-45')).toBe(true);
        trueDecreases++;
        previous = current;
      }
    }
    const result = runWorkload('W2', 'tiny');
    expect(result.value).toBe(trueDecreases);
    expect(countOf(result, 'increases')).toBe(0);
    expect(result.ok).toBe(true);
  });
});

describe('W3 (T4, float64)', () => {
  /** lambda2 of S from ml-matrix, S built here from the instance. */
  function referenceLambda2(n: number): number {
    const { conductance: C, weights: w } = floatInstance(new NumpyRandom(WORKLOAD_SEEDS.W3), n);
    const rho = C.map((row) => row.reduce((a, b) => a + b, 0));
    const rows = C.map((row, x) => row.map((c, y) => (c / rho[x]!) * w[y]!));
    const Z = rows.map((row) => row.reduce((a, b) => a + b, 0));
    const P = rows.map((row, x) => row.map((value) => value / Z[x]!));
    const mu = rho.map((r, x) => r * w[x]! * Z[x]!);
    const S = new Matrix(P.map((row, x) => row.map((p, y) => (Math.sqrt(mu[x]!) * p) / Math.sqrt(mu[y]!))));
    const symmetric = S.add(S.transpose()).div(2);
    const eigenvalues = new EigenvalueDecomposition(symmetric, { assumeSymmetric: true }).realEigenvalues.sort(
      (a, b) => b - a,
    );
    expect(eigenvalues[0]).toBeCloseTo(1, 12);
    return eigenvalues[1]!;
  }

  it('finds 1 - lambda2 of the tiny kernel by Lanczos and by the full solver', () => {
    const { n } = workloadSizes('W3', 'tiny');
    const expected = 1 - referenceLambda2(n);
    const lanczos = runWorkload('W3', 'tiny');
    const full = runWorkload('W3', 'tiny', [], 'full');
    for (const result of [lanczos, full]) {
      expect(typeof result.value).toBe('object');
      const value = result.value as { approx: string; float64?: true };
      expect(value.float64).toBe(true);
      expect(Math.abs(Number(value.approx) - expected)).toBeLessThan(1e-9);
      expect(result.ok).toBe(true);
    }
    expect(countOf(lanczos, 'residualBound')).toBeLessThan(1e-8);
  });
});

describe('W4 (T5, exact)', () => {
  /** Gauss-Jordan on fraction.js values: (I - Q) h = 1 on the complement of A. */
  function hittingTime(P: Rational[][], target: number[]): Rational[] {
    const rest = P.map((_, x) => x).filter((x) => !target.includes(x));
    const m = rest.length;
    const M = rest.map((x, a) => [
      ...rest.map((y, b) => (a === b ? new Rational(1) : new Rational(0)).sub(P[x]![y]!)),
      new Rational(1),
    ]);
    for (let c = 0; c < m; c++) {
      const p = M.findIndex((row, r) => r >= c && row[c]!.n !== 0n);
      [M[c], M[p]] = [M[p]!, M[c]!];
      const inverse = new Rational(1).div(M[c]![c]!);
      M[c] = M[c]!.map((value) => value.mul(inverse));
      for (let r = 0; r < m; r++) {
        if (r !== c) {
          const f = M[r]![c]!;
          M[r] = M[r]!.map((value, j) => value.sub(f.mul(M[c]![j]!)));
        }
      }
    }
    return M.map((row) => row[m]!);
  }

  it('sums the exact hitting times from the first state outside A, enclosed to 20 digits', () => {
    const { count, n } = workloadSizes('W4', 'tiny');
    const random = new PythonRandom(WORKLOAD_SEEDS.W4);
    let total = new Rational(0);
    for (let k = 0; k < count; k++) {
      const { conductance, weights } = rationalInstance(random, n);
      const { P } = referenceKernel(conductance, weights);
      const order = weights.map((_, x) => x).sort((a, b) => weights[b]!.compare(weights[a]!) || a - b);
      total = total.add(hittingTime(P, order.slice(0, 3))[0]!);
    }
    const result = runWorkload('W4', 'tiny');
    const value = result.value as { approx: string; lo: string; hi: string };
    expect(new Rational(value.lo).compare(total)).toBeLessThanOrEqual(0);
    expect(new Rational(value.hi).compare(total)).toBeGreaterThanOrEqual(0);
    expect(
      new Rational(value.hi).sub(new Rational(value.lo)).compare(total.mul(new Rational(1n, 10n ** 18n))),
    ).toBeLessThan(0);
  });

  it('takes the three heaviest states with ties to the lower index', () => {
    const w = [1, 3, 3, 2, 3, 1].map((v) => new Rational(v));
    expect(heaviestStates(w)).toEqual([1, 2, 4]);
    expect(heaviestStates([5, 4, 9, 9].map((v) => new Rational(v)))).toEqual([0, 2, 3]);
  });
});

describe('W5 (identities)', () => {
  const square = {
    name: 'square',
    lhs: '(a+b)^2',
    rhs: 'a^2+2*a*b+b^2',
    variables: { a: 'real' as const, b: 'real' as const },
  };
  const wrong = {
    name: 'wrong',
    lhs: '(a+b)^2',
    rhs: 'a^2+b^2',
    variables: { a: 'real' as const, b: 'real' as const },
  };

  it('counts certified identities and is ok only when all are', () => {
    const good = identitiesWorkload([{ theorem: 'X', spec: square }]);
    expect(good.value).toBe(1);
    expect(good.ok).toBe(true);
    const mixed = identitiesWorkload([
      { theorem: 'X', spec: square },
      { theorem: 'X', spec: wrong },
    ]);
    expect(mixed.value).toBe(1);
    expect(mixed.ok).toBe(false);
    expect(countOf(mixed, 'failed')).toBe(1);
  });
});
