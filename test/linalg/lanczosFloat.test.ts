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

function reflected(d: readonly number[], v: readonly number[]): Float64Array {
  const n = d.length;
  const norm2 = v.reduce((s, x) => s + x * x, 0);
  const H = (i: number, j: number) => (i === j ? 1 : 0) - (2 * v[i]! * v[j]!) / norm2;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) a[i * n + j] += H(i, k) * d[k]! * H(k, j);
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

  it('is deterministic and rejects bad shapes', () => {
    const a = pathGraph(10);
    expect(largestEigenvalueLanczos(a, 10)).toEqual(largestEigenvalueLanczos(a, 10));
    expect(() => largestEigenvalueLanczos(a, 9)).toThrow(RangeError);
    expect(() => largestEigenvalueLanczos(new Float64Array(1), 1, { deflate: [Float64Array.of(1)] })).toThrow(RangeError);
  });
});
