/**
 * Reference kernels: conductances are symmetric and connected, reversible and
 * symmetric priors satisfy detailed balance exactly, non-reversible and
 * near-reversible priors violate Kolmogorov's criterion exactly.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  conductance,
  nearReversiblePrior,
  nonReversiblePrior,
  reversiblePrior,
  stochasticMatrix,
  symmetricPrior,
} from '../../properties/index.js';
import {
  eq,
  int,
  lt,
  mul,
  oracleConnected,
  oracleDetailedBalance,
  oracleStochastic,
  oracleSymmetric,
  oracleTriangle,
  q,
  sign,
  sub,
  sumQ,
  total,
} from './oracle.js';

const RUNS = { numRuns: 150 };

describe('conductances', () => {
  it('dense: symmetric, every entry positive', () => {
    fc.assert(
      fc.property(conductance(), (c) => oracleSymmetric(c) && c.every((row) => row.every((v) => sign(q(v)) > 0))),
      RUNS,
    );
  });

  it('sparse: symmetric, nonnegative, connected; trees and self-loop patterns occur', () => {
    const samples = fc.sample(conductance({ shape: 'sparse', minStates: 4, maxStates: 8 }), { numRuns: 300, seed: 5 });
    for (const c of samples) {
      expect(oracleSymmetric(c)).toBe(true);
      expect(c.every((row) => row.every((v) => sign(q(v)) >= 0))).toBe(true);
      expect(oracleConnected(c)).toBe(true);
    }
    const edges = (c: (typeof samples)[number]) =>
      c.flatMap((row, i) => row.filter((v, j) => j > i && sign(q(v)) > 0)).length;
    expect(samples.some((c) => edges(c) === c.length - 1)).toBe(true); // a bare spanning tree
    expect(samples.some((c) => edges(c) > c.length - 1)).toBe(true); // extra edges
    expect(samples.some((c) => c.some((row, i) => sign(q(row[i]!)) === 0))).toBe(true); // a missing self-loop
  });

  it('selfLoops none gives a zero diagonal', () => {
    fc.assert(
      fc.property(conductance({ shape: 'sparse', selfLoops: 'none' }), (c) =>
        c.every((row, i) => sign(q(row[i]!)) === 0),
      ),
      RUNS,
    );
  });
});

describe('reversible and symmetric priors', () => {
  it('reversiblePrior: rho = row sums, q = C/rho stochastic and positive, detailed balance exactly', () => {
    fc.assert(
      fc.property(reversiblePrior(), (p) => {
        const rowSumsOk = p.conductance.every((row, x) => eq(sumQ(row), q(p.rho[x]!)));
        const quotient = p.reference.every((row, x) =>
          row.every((v, y) => eq(mul(q(v), q(p.rho[x]!)), q(p.conductance[x]![y]!))),
        );
        return (
          rowSumsOk &&
          quotient &&
          oracleStochastic(p.reference, true) &&
          oracleDetailedBalance(p.rho, p.reference) &&
          p.reference.length === p.n
        );
      }),
      RUNS,
    );
  });

  it('sparse reversiblePrior is stochastic, reversible and irreducible', () => {
    fc.assert(
      fc.property(
        reversiblePrior({ shape: 'sparse' }),
        (p) =>
          oracleStochastic(p.reference) && oracleDetailedBalance(p.rho, p.reference) && oracleConnected(p.reference),
      ),
      RUNS,
    );
  });

  it('symmetricPrior: q symmetric, stochastic, positive, rho uniform', () => {
    fc.assert(
      fc.property(
        symmetricPrior(),
        (p) =>
          oracleSymmetric(p.reference) && oracleStochastic(p.reference, true) && p.rho.every((r) => eq(q(r), int(1))),
      ),
      RUNS,
    );
  });

  it('stochasticMatrix rows are exact distributions (positive by default)', () => {
    fc.assert(
      fc.property(stochasticMatrix(), (m) => oracleStochastic(m, true)),
      RUNS,
    );
    fc.assert(
      fc.property(stochasticMatrix({ positive: false }), (m) => oracleStochastic(m)),
      RUNS,
    );
  });
});

describe('non-reversible priors', () => {
  it('violate Kolmogorov on the witness triangle, exactly; positive, stochastic, stationary pi kept', () => {
    fc.assert(
      fc.property(nonReversiblePrior(), (p) => {
        const { forward, backward } = oracleTriangle(p.reference, p.witness.cycle);
        const stationary = p.reference[0]!.every((_, y) =>
          eq(total(p.reference.map((row, x) => mul(q(p.stationary[x]!), q(row[y]!)))), q(p.stationary[y]!)),
        );
        return (
          p.n >= 3 &&
          !eq(forward, backward) &&
          eq(forward, q(p.witness.forward)) &&
          eq(backward, q(p.witness.backward)) &&
          oracleStochastic(p.reference, true) &&
          stationary
        );
      }),
      RUNS,
    );
  });

  it('positive: false lets an entry reach zero and still violates Kolmogorov', () => {
    const samples = fc.sample(nonReversiblePrior({ positive: false }), { numRuns: 300, seed: 3 });
    for (const p of samples) {
      expect(oracleStochastic(p.reference)).toBe(true);
      const { forward, backward } = oracleTriangle(p.reference, p.witness.cycle);
      expect(eq(forward, backward)).toBe(false);
    }
    expect(samples.some((p) => p.reference.some((row) => row.some((v) => sign(q(v)) === 0)))).toBe(true);
  });

  it('nearReversiblePrior moves each entry by at most a factor 1 +- eps and is exactly non-reversible', () => {
    const eps = [1n, 1000n] as const;
    fc.assert(
      fc.property(nearReversiblePrior({ eps: '1/1000', base: 'symmetric' }), (p) => {
        const within = p.reference.every((row, x) =>
          row.every((v, y) => {
            const base = q(p.base.reference[x]![y]!);
            const gap = sub(q(v), base);
            const bound = mul(eps, base);
            return !lt(bound, gap) && !lt(bound, [-gap[0], gap[1]] as const);
          }),
        );
        const { forward, backward } = oracleTriangle(p.reference, p.witness.cycle);
        return within && lt(backward, forward) && oracleStochastic(p.reference, true);
      }),
      RUNS,
    );
  });

  it('nearReversiblePrior with eps = 0 is the base prior', () => {
    fc.assert(
      fc.property(nearReversiblePrior({ eps: 0 }), (p) =>
        p.reference.every((row, x) => row.every((v, y) => eq(q(v), q(p.base.reference[x]![y]!)))),
      ),
      { numRuns: 30 },
    );
  });

  it('shrinks toward three states', () => {
    const out = fc.check(
      fc.property(nonReversiblePrior({ minStates: 3, maxStates: 7 }), (p) => p.n < 4),
      { seed: 9 },
    );
    expect(out.failed).toBe(true);
    expect(out.counterexample![0].n).toBe(4);
  });
});
