import { describe, expect, it } from 'vitest';
import { UndecidedError } from '../../src/arith/arithmetic.js';
import { intervalArithmetic } from '../../src/arith/interval.js';
import { chainStructure } from '../../src/markov/communicatingClasses.js';
import { ebmReversibleExact } from '../../src/markov/ebmReversibility.js';
import { expectedHittingTimes } from '../../src/markov/hittingTimes.js';
import { mixingTime } from '../../src/markov/mixingTime.js';
import { detailedBalance, kolmogorovCriterion, canonicalPotential } from '../../src/markov/reversibility.js';
import { stationaryDistribution } from '../../src/markov/stationaryDistribution.js';
import { solveLinearSystem } from '../../src/linalg/matrix.js';
import { ebmKernel, type EbmModel } from '../../src/models/ebm.js';
import { q, qm, qv } from './helpers.js';
import { D, expectEncloses } from './intervalHelpers.js';

const I = intervalArithmetic(40);
const point = (text: string | number) => I.fromRational(q(text));

describe('interval mode', () => {
  it('solveLinearSystem skips a pivot whose sign is undecided and encloses the solution', () => {
    // First column: [-1e-50, 1e-50] (undecided) and 2. True system (any point of the first
    // entry, say 0): [[0, 1], [2, 1]] x = (1, 3) gives x = (1, 1); every point keeps x near it.
    const tiny = I.fromBounds(q('-1e-50'), q('1e-50'));
    const x = solveLinearSystem(
      I,
      [
        [tiny, point(1)],
        [point(2), point(1)],
      ],
      [point(1), point(3)],
    );
    expect(I.contains(x[0]!, q(1)) && I.contains(x[1]!, q(1))).toBe(true);
    expect(() =>
      solveLinearSystem(
        I,
        [
          [tiny, point(1)],
          [tiny, point(1)],
        ],
        [point(1), point(3)],
      ),
    ).toThrow(UndecidedError);
  });

  it('an entry straddling 0 makes the support undecided, never a guessed edge', () => {
    const tiny = I.fromBounds(q('-1e-50'), q('1e-50'));
    expect(() =>
      chainStructure(I, [
        [point(1), tiny],
        [point('1/2'), point('1/2')],
      ]),
    ).toThrow(UndecidedError);
  });

  it('uniform prior, Phi and beta: the GTH enclosure of mu contains softmax(Phi / beta) (decimal.js)', () => {
    const Phi = ['0.3', '-1.2', '2', '0'];
    const reference = Phi.map(() => Phi.map(() => q('1/4')));
    const mu = stationaryDistribution(I, ebmKernel(I, { reference, potential: qv(Phi), beta: q('0.7') }).kernel);
    const exps = Phi.map((phi) => new D(phi).div('0.7').exp());
    const total = exps.reduce((s, e) => s.add(e));
    mu.forEach((m, x) => expectEncloses(I, m, exps[x]!.div(total)));
  });

  it('T2: symmetric conductance with Phi and symmetric s: GTH encloses rho w Z / sum, computed in decimal.js', () => {
    const C = [
      [1, 2, 1],
      [2, 0, 3],
      [1, 3, 2],
    ];
    const Phi = ['1', '-0.5', '0.25'];
    const s = [
      ['0', '1', '-2'],
      ['1', '0.5', '0'],
      ['-2', '0', '3'],
    ];
    const beta = '0.4';
    const model: EbmModel = { conductance: qm(C), potential: qv(Phi), interaction: qm(s), beta: q(beta) };
    const mu = stationaryDistribution(I, ebmKernel(I, model).kernel);
    const w = Phi.map((phi) => new D(phi).div(beta).exp());
    const v = s.map((row) => row.map((sxy) => new D(sxy).div(beta).exp()));
    const unnormalized = C.map((row, x) => {
      const rho = row.reduce((a, b) => a + b, 0);
      const Z = row.reduce((acc, c, y) => acc.add(new D(c).div(rho).mul(w[y]!).mul(v[x]![y]!)), new D(0));
      return new D(rho).mul(w[x]!).mul(Z);
    });
    const total = unnormalized.reduce((a, b) => a.add(b));
    mu.forEach((m, x) => expectEncloses(I, m, unnormalized[x]!.div(total)));
    // Detailed balance cannot be decided from enclosures; the exact decision settles it.
    expect(detailedBalance(I, mu, ebmKernel(I, model).kernel).reversible).toBeUndefined();
    expect(ebmReversibleExact(model).reversible).toBe(true);
  });

  it('decides a violation: the biased 3-cycle with a potential', () => {
    const model: EbmModel = {
      reference: qm([
        [0, '2/3', '1/3'],
        ['1/3', 0, '2/3'],
        ['2/3', '1/3', 0],
      ]),
      potential: qv([0, 1, 2]),
      beta: q('1/2'),
    };
    const { kernel } = ebmKernel(I, model);
    const mu = stationaryDistribution(I, kernel);
    expect(detailedBalance(I, mu, kernel).reversible).toBe(false);
    const cycle = kolmogorovCriterion(I, kernel);
    expect(cycle.holds).toBe(false);
    // Forward/backward around 1 -> 2 -> 0 is 8 (the w and Z factors telescope).
    expect(I.contains(cycle.violation!.ratio, q(8))).toBe(true);
    expect(ebmReversibleExact(model).reversible).toBe(false);
  });

  it('canonical potential of a birth-death chain: U(k) = k log(p / q)', () => {
    // Up 1/3, down 1/6: mu(k + 1) / mu(k) = 2, so U(k) = k log 2.
    const P = qm([
      ['2/3', '1/3', 0],
      ['1/6', '1/2', '1/3'],
      [0, '1/6', '5/6'],
    ]).map((row) => row.map((v) => I.fromRational(v)));
    const U = canonicalPotential(I, stationaryDistribution(I, P));
    U.forEach((u, k) => expectEncloses(I, u, new D(2).ln().mul(k)));
  });

  it("gambler's ruin hitting times enclose k (N - k)", () => {
    const N = 6;
    const P = Array.from({ length: N + 1 }, (_, k) =>
      Array.from({ length: N + 1 }, (_, y) =>
        k === 0 || k === N ? point(y === k ? 1 : 0) : point(Math.abs(y - k) === 1 ? '1/2' : 0),
      ),
    );
    expectedHittingTimes(I, P, [0, N]).forEach((h, k) => expect(I.contains(h, q(k * (N - k)))).toBe(true));
  });

  it('mixing time of the two-state chain (d(t) = (2/3)(1/4)^t): t_mix(1/100) = 4, decided', () => {
    const P = [
      [point('3/4'), point('1/4')],
      [point('1/2'), point('1/2')],
    ];
    const result = mixingTime(I, P, [point('2/3'), point('1/3')], point('1/100'));
    expect(result).toMatchObject({ tMix: 4, lowerBound: 4, upperBound: 4 });
  });

  it('eps exactly equal to d(2) = 1/24: undecided at t = 2, so t_mix is bracketed in [2, 3], not guessed', () => {
    // 1/24 is not a terminating decimal: eps and d(2) are both non-point enclosures of 1/24,
    // so they cannot separate; d(1) = 1/6 > eps and d(3) = 1/96 < eps are decided.
    const P = [
      [point('3/4'), point('1/4')],
      [point('1/2'), point('1/2')],
    ];
    const result = mixingTime(I, P, [point('2/3'), point('1/3')], point('1/24'));
    expect(result).toMatchObject({ tMix: undefined, lowerBound: 2, upperBound: 3 });
    expect(I.contains(result.distances[2]!, q('1/24'))).toBe(true);
  });
});
