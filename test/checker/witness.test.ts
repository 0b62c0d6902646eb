import { describe, expect, it } from 'vitest';
import { readRational } from '../../checker/numbers.js';
import type { Claim, Entry, Num, Witness } from '../../checker/shape.js';
import { verifyWitnesses, WitnessError } from '../../checker/witness.js';

const r = (s: string) => readRational(s)!;
const matrix = (rows: string[][]): Entry => rows.map((row) => row.map(r));
const vector = (xs: string[]): Entry => xs.map(r);
const ref = (name: string, ...at: (number | string)[]): Num => ({ t: 'v', name, at });
const claim = (defs: Record<string, { index: string[]; body: Num }> = {}): Claim => ({
  defs: new Map(Object.entries(defs)),
  assert: { t: 'const', value: true },
});
const eigen = (rank: number, lo: string, hi: string): Witness => ({
  kind: 'eigenvalue',
  matrix: 'P',
  law: 'mu',
  rank,
  name: 'l',
  lo: r(lo),
  hi: r(hi),
});

// Ehrenfest chain with 2 balls: eigenvalues 1 - 2k/2 = 1, 0, -1; stationary law Binomial(2, 1/2)
const ehrenfest = new Map<string, Entry>([
  [
    'P',
    matrix([
      ['0', '1', '0'],
      ['1/2', '0', '1/2'],
      ['0', '1', '0'],
    ]),
  ],
  ['mu', vector(['1/4', '1/2', '1/4'])],
]);

describe('eigenvalue brackets by inertia counts', () => {
  it('bracket each eigenvalue of the Ehrenfest chain, ranks from either end', () => {
    for (const [rank, lo, hi] of [
      [1, '9/10', '11/10'],
      [2, '-1/10', '1/10'],
      [-2, '-1/10', '1/10'],
      [3, '-11/10', '-9/10'],
      [-1, '-11/10', '-9/10'],
    ] as const)
      expect(verifyWitnesses(claim(), ehrenfest, [eigen(rank, lo, hi)]).get('l')).toEqual([r(lo), r(hi)]);
  });

  it('reject brackets that miss, ranks that do not exist, a law that does not symmetrize', () => {
    expect(() => verifyWitnesses(claim(), ehrenfest, [eigen(2, '1/10', '1/2')])).toThrow(/eigenvalue 2 is not in/);
    expect(() => verifyWitnesses(claim(), ehrenfest, [eigen(4, '-2', '2')])).toThrow(
      /rank 4 does not exist among 3 states/,
    );
    const uniform = new Map(ehrenfest).set('mu', vector(['1/3', '1/3', '1/3']));
    expect(() => verifyWitnesses(claim(), uniform, [eigen(1, '9/10', '11/10')])).toThrow(/not symmetric at \(0, 1\)/);
  });

  it('restricted to states: the killed chain on {1, 2} of P has eigenvalues +-1/sqrt(2)', () => {
    // P on {1, 2}: [[0, 1/2], [1, 0]], eigenvalues +-sqrt(1/2) = +-0.7071...
    const states = new Map(ehrenfest).set('S', vector(['0', '1', '1']));
    const w = (lo: string, hi: string): Witness => ({ ...eigen(1, lo, hi), states: 'S' }) as Witness;
    expect(verifyWitnesses(claim(), states, [w('7/10', '71/100')]).size).toBe(1);
    expect(() => verifyWitnesses(claim(), states, [w('71/100', '72/100')])).toThrow(WitnessError);
  });
});

describe('witnesses naming definitions', () => {
  // mu[i] = w[i] / (w[0] + w[1]) for the two-state chain with (a, b) = (1/3, 1/4): w = (b, a)
  const two = new Map<string, Entry>([
    [
      'P',
      matrix([
        ['2/3', '1/3'],
        ['1/4', '3/4'],
      ]),
    ],
    ['w', vector(['1/4', '1/3'])],
  ]);
  const total: Num = { t: 'op', op: 'add', args: [ref('w', 0), ref('w', 1)], k: 0 };
  const law: Num = { t: 'op', op: 'div', args: [ref('w', 'i'), total], k: 0 };
  const root2: Num = { t: 'op', op: 'sqrt', args: [{ t: 'q', q: r('2') }], k: 0 };

  it('an exact definition is evaluated and verified', () => {
    expect(
      verifyWitnesses(claim({ m: { index: ['i'], body: law } }), two, [{ kind: 'stationary', matrix: 'P', law: 'm' }])
        .size,
    ).toBe(0);
    const wrong: Num = { t: 'op', op: 'div', args: [ref('w', 'i'), { t: 'q', q: r('1') }], k: 0 };
    expect(() =>
      verifyWitnesses(claim({ m: { index: ['i'], body: wrong } }), two, [
        { kind: 'stationary', matrix: 'P', law: 'm' },
      ]),
    ).toThrow(/law is not a distribution/);
  });

  it('a definition that is not exact rejects the witness', () => {
    const inexact: Num = { t: 'op', op: 'div', args: [{ t: 'op', op: 'mul', args: [law, root2], k: 0 }, root2], k: 0 };
    expect(() =>
      verifyWitnesses(claim({ m: { index: ['i'], body: inexact } }), two, [
        { kind: 'stationary', matrix: 'P', law: 'm' },
      ]),
    ).toThrow(/m\[0\] is not an exact rational/);
  });
});
