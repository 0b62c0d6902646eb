/**
 * Lanczos on matrices with closed-form spectra:
 * - the path graph's adjacency matrix: eigenvalues 2 cos(k pi / (n + 1)),
 *   eigenvectors sin(j k pi / (n + 1)) (a standard closed form);
 * - H diag(d) H with a Householder reflection H = I - 2 v v^T / v^T v:
 *   eigenvalues d (H is orthogonal and symmetric).
 * The residual bound must cover the distance to the true eigenvalue.
 */
import { describe, expect, it } from 'vitest';
import { largestEigenvalueLanczos } from '../../src/linalg/lanczosFloat.js';

function pathGraph(n: number): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i + 1 < n; i++) {
    a[i * n + i + 1] = 1;
    a[(i + 1) * n + i] = 1;
  }
  return a;
}

/**
 * H diag(d) H with H = I - 2 v v^T / v^T v: eigenvalues d (up to the rounding
 * of the float64 products). The lower triangle is computed and mirrored, so
 * the float64 matrix is exactly symmetric, as the method requires.
 */
function reflected(d: readonly number[], v: readonly number[]): Float64Array {
  const n = d.length;
  const norm2 = v.reduce((s, x) => s + x * x, 0);
  const H = (i: number, j: number) => (i === j ? 1 : 0) - (2 * v[i]! * v[j]!) / norm2;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let entry = 0;
      for (let k = 0; k < n; k++) entry += H(i, k) * d[k]! * H(k, j);
      a[i * n + j] = entry;
      a[j * n + i] = entry;
    }
  }
  return a;
}

describe('largestEigenvalueLanczos', () => {
  it('finds the second eigenvalue of a path graph when the first eigenvector is deflated', () => {
    const n = 60;
    const top = Float64Array.from({ length: n }, (_, j) => Math.sin(((j + 1) * Math.PI) / (n + 1)));
    const norm = Math.sqrt(top.reduce((s, x) => s + x * x, 0));
    top.forEach((x, j) => (top[j] = x / norm));
    const result = largestEigenvalueLanczos(pathGraph(n), n, { deflate: [top], tolerance: 1e-12 });
    const expected = 2 * Math.cos((2 * Math.PI) / (n + 1));
    expect(Math.abs(result.value - expected)).toBeLessThan(1e-10);
    expect(Math.abs(result.value - expected)).toBeLessThanOrEqual(result.residualBound);
    expect(result.residualBound).toBeLessThan(1e-9);
    // without deflation: the top eigenvalue 2 cos(pi / (n + 1))
    const first = largestEigenvalueLanczos(pathGraph(n), n, { tolerance: 1e-12 });
    expect(Math.abs(first.value - 2 * Math.cos(Math.PI / (n + 1)))).toBeLessThan(1e-10);
  });

  it('finds the largest of known eigenvalues hidden by an orthogonal similarity, with a covering bound', () => {
    const d = [0.5, -2, 3.25, 1, 0, -1.5, 2.75, 0.125];
    const v = [1, -2, 0.5, 3, 1, -1, 2, 0.25];
    const result = largestEigenvalueLanczos(reflected(d, v), d.length);
    expect(result.iterations).toBeLessThanOrEqual(d.length);
    expect(Math.abs(result.value - 3.25)).toBeLessThan(1e-9);
    expect(Math.abs(result.value - 3.25)).toBeLessThanOrEqual(result.residualBound);
  });

  it('handles every size modulo 4 (the product runs four rows at a time)', () => {
    for (const n of [1, 2, 3, 5, 6, 7, 9, 11]) {
      // Known eigenvalues d_k = (k - n/2) / n with the largest, (n - 1 - n/2) / n, at k = n - 1.
      const d = Array.from({ length: n }, (_, k) => (k - n / 2) / n);
      const v = Array.from({ length: n }, (_, k) => 1 + ((3 * k) % 5));
      const result = largestEigenvalueLanczos(reflected(d, v), n, { tolerance: 1e-12 });
      const expected = (n - 1 - n / 2) / n;
      expect(Math.abs(result.value - expected)).toBeLessThan(1e-12);
      expect(Math.abs(result.value - expected)).toBeLessThanOrEqual(result.residualBound);
    }
  });

  it('separates a second eigenvalue from a close third after deflating the first, as in the spectral-gap workload', () => {
    // Spectrum 1 (deflated), 0.5, 0.499 and 98 values spread over [-0.5, 0.49].
    const n = 101;
    const d = [1, 0.5, 0.499, ...Array.from({ length: n - 3 }, (_, k) => -0.5 + (0.99 * k) / (n - 4))];
    const v = Array.from({ length: n }, (_, k) => Math.cos(0.7 * k) + 0.1);
    const norm2 = v.reduce((s, x) => s + x * x, 0);
    // The eigenvector for d_0 = 1 is H e_0, the first column of H = I - 2 v v^T / v^T v.
    const top = Float64Array.from(v, (x, i) => (i === 0 ? 1 : 0) - (2 * v[0]! * x) / norm2);
    const result = largestEigenvalueLanczos(reflected(d, v), n, { deflate: [top] });
    expect(Math.abs(result.value - 0.5)).toBeLessThan(1e-12);
    expect(Math.abs(result.value - 0.5)).toBeLessThanOrEqual(result.residualBound);
    expect(result.residualBound).toBeLessThan(1e-8 * 0.5 * 1.01);
  });

  it('is deterministic and rejects bad shapes', () => {
    const a = pathGraph(10);
    expect(largestEigenvalueLanczos(a, 10)).toEqual(largestEigenvalueLanczos(a, 10));
    expect(() => largestEigenvalueLanczos(a, 9)).toThrow(RangeError);
    expect(() => largestEigenvalueLanczos(new Float64Array(1), 1, { deflate: [Float64Array.of(1)] })).toThrow(
      RangeError,
    );
  });

  it('refuses a matrix that is not exactly symmetric (its bound would not hold), even by one ulp far from the diagonal', () => {
    const n = 70;
    const a = pathGraph(n);
    a[65 * n + 3] = 0.25;
    expect(() => largestEigenvalueLanczos(a, n)).toThrow(/S\(65,3\) = 0.25 but S\(3,65\) = 0/);
    const b = pathGraph(n);
    b[1 * n + 0] = b[1 * n + 0]! * (1 + Number.EPSILON);
    expect(() => largestEigenvalueLanczos(b, n)).toThrow(RangeError);
  });
});
