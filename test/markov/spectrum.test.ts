import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import type { RationalEnclosure } from '../../src/arith/enclosure.js';
import { Rational, parseRational } from '../../src/arith/rational.js';
import { NotRealSpectrumError } from '../../src/linalg/symmetricEnclosure.js';
import { kernelSpectrum, largestEigenvalue } from '../../src/markov/spectrum.js';

const D = Decimal.clone({ precision: 80 });
const q = (value: string | number | bigint) => parseRational(value);
const toDecimal = (r: Rational) => new D(r.n.toString()).mul(Number(r.s)).div(r.d.toString());
const PI = D.acos(-1);

function encloses(e: RationalEnclosure, value: Decimal | string, slack = '1e-60'): boolean {
  const v = new D(value);
  return toDecimal(e.lo).sub(slack).lte(v) && v.lte(toDecimal(e.hi).add(slack));
}
const width = (e: RationalEnclosure) => toDecimal(e.hi.sub(e.lo));
const exactValue = (e: RationalEnclosure) => (e.lo.equals(e.hi) ? e.lo.toFraction() : undefined);

/** Kernel P(x, y) = C(x, y) / sum_y C(x, y) of symmetric conductances. */
function conductanceKernel(c: readonly (readonly (number | bigint)[])[]): Rational[][] {
  return c.map((row) => {
    const total = row.reduce<bigint>((s, x) => s + BigInt(x), 0n);
    return row.map((x) => new Rational(BigInt(x), total));
  });
}

/** Lazy walk on the n-cycle: I/2 + (shift + shift^-1)/4. */
function lazyCycle(n: number): Rational[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let value = new Rational(0n);
      if (i === j) value = value.add(new Rational(1n, 2n));
      if ((j - i + n) % n === 1) value = value.add(new Rational(1n, 4n));
      if ((i - j + n) % n === 1) value = value.add(new Rational(1n, 4n));
      return value;
    }),
  );
}

/** Reflecting walk on a path of n states, holding 1/2 at both ends: eigenvalues cos(pi k / n). */
function pathWalk(n: number): Rational[][] {
  const half = new Rational(1n, 2n);
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) =>
      Math.abs(i - j) === 1 || (i === j && (i === 0 || i === n - 1)) ? half : new Rational(0n),
    ),
  );
}

// Conductances of a reversible 8-state chain; eigenvalues of P computed independently
// (mpmath eigsy on D^{-1/2} C D^{-1/2} at 50 digits), 30 significant digits.
const C8 = [
  [3, 1, 4, 1, 5, 9, 2, 6],
  [1, 5, 3, 5, 8, 9, 7, 9],
  [4, 3, 2, 3, 8, 4, 6, 2],
  [1, 5, 3, 6, 4, 3, 3, 8],
  [5, 8, 8, 4, 3, 2, 7, 9],
  [9, 9, 4, 3, 2, 5, 0, 2],
  [2, 7, 6, 3, 7, 0, 8, 8],
  [6, 9, 2, 8, 9, 2, 8, 4],
];
const C8_EIGENVALUES = [
  '1',
  '0.299260105429315221100032424723',
  '0.155895066681835620006276656036',
  '0.0520250948660434027262417025581',
  '0.00539558397097820372241771600203',
  '-0.0484949203011073148818028020449',
  '-0.224661046824336448685886852738',
  '-0.301213030346150394463994750634',
];

// 12 states with 10-digit conductances, same independent method.
const conductance12 = (i: number, j: number): bigint => {
  const [a, b] = [Math.min(i, j), Math.max(i, j)];
  return ((BigInt(a + 1) * BigInt(b + 1) * 1234567891n + BigInt(a + b + 1) ** 3n * 987654321n) % 9999999967n) + 1n;
};
const C12 = Array.from({ length: 12 }, (_, i) => Array.from({ length: 12 }, (_, j) => conductance12(i, j)));
const C12_EIGENVALUES = [
  '1',
  '0.256480540319575424435715371911',
  '0.233462782867155147357531557221',
  '0.17222513956891801521125915077',
  '0.0823596205183749605070298345617',
  '0.00332370831594885378642127899311',
  '-0.00966597509707619095933079822804',
  '-0.0615480009006090063381920636146',
  '-0.0910841043714157511747711265316',
  '-0.176229952009686957824497909139',
  '-0.295943173705736372331398814114',
  '-0.299673666630968190449482089015',
];

describe('kernelSpectrum, exact mode', () => {
  it('2-state chain [[1-a, a], [b, 1-b]]: l2 = 1 - a - b exactly', () => {
    const s = kernelSpectrum({
      mode: 'exact',
      kernel: [
        [q('2/3'), q('1/3')],
        [q('1/5'), q('4/5')],
      ],
    });
    expect(s.method).toBe('exact-isolation');
    expect(s.eigenvalues.map(exactValue)).toEqual(['1', '7/15']);
    expect(exactValue(s.lambda2)).toBe('7/15');
    expect(exactValue(s.lambdaMin)).toBe('7/15');
    expect(exactValue(s.spectralGap)).toBe('8/15');
    expect(exactValue(s.absoluteGap)).toBe('8/15');
    // a = 9/10, b = 4/5: l2 = -7/10, spectral gap 17/10, absolute gap 3/10
    const t = kernelSpectrum({
      mode: 'exact',
      kernel: [
        [q('0.1'), q('0.9')],
        [q('0.8'), q('0.2')],
      ],
    });
    expect([t.lambda2, t.spectralGap, t.absoluteGap].map(exactValue)).toEqual(['-7/10', '17/10', '3/10']);
  });

  it('2-state chains with random rational a, b: the enclosure holds 1 - a - b (exactly for small denominators)', () => {
    const unit = fc
      .tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 999 }))
      .filter(([x, y]) => x < y)
      .map(([x, y]) => new Rational(x, y));
    fc.assert(
      fc.property(unit, unit, (a, b) => {
        const one = new Rational(1n);
        const s = kernelSpectrum(
          {
            mode: 'exact',
            kernel: [
              [one.sub(a), a],
              [b, one.sub(b)],
            ],
          },
          { widthDigits: 30 },
        );
        const l2 = one.sub(a).sub(b);
        expect(s.lambda2.lo.compare(l2)).toBeLessThanOrEqual(0);
        expect(s.lambda2.hi.compare(l2)).toBeGreaterThanOrEqual(0);
        // Denominator below 10^6 < 10^15 = sqrt(10^30): the simplest rational in the interval is l2.
        expect(exactValue(s.lambda2)).toBe(l2.toFraction());
      }),
      { numRuns: 40 },
    );
  });

  it('lazy n-cycle, n = 5..12: (1 + cos(2 pi k/n))/2 enclosed to 1e-30, double eigenvalues twice', () => {
    for (let n = 5; n <= 12; n++) {
      const s = kernelSpectrum({ mode: 'exact', kernel: lazyCycle(n) }, { widthDigits: 35 });
      const truth = Array.from({ length: n }, (_, k) =>
        PI.mul(2 * k)
          .div(n)
          .cos()
          .add(1)
          .div(2),
      ).sort((a, b) => b.comparedTo(a));
      expect(s.eigenvalues.length).toBe(n);
      s.eigenvalues.forEach((e, i) => {
        expect(encloses(e, truth[i]!)).toBe(true);
        expect(width(e).lt('1e-30')).toBe(true);
      });
      // k and n - k give the same eigenvalue: l2 = l3.
      expect(s.eigenvalues[1]).toEqual(s.eigenvalues[2]);
      const gap = new D(1).sub(PI.mul(2).div(n).cos()).div(2);
      expect(encloses(s.spectralGap, gap)).toBe(true);
      expect(encloses(s.absoluteGap, gap)).toBe(true); // all eigenvalues lie in [0, 1]
      expect(exactValue(s.eigenvalues[0]!)).toBe('1');
      if (n % 2 === 0) expect(exactValue(s.lambdaMin)).toBe('0');
      if (n % 4 === 0) expect(s.eigenvalues.filter((e) => exactValue(e) === '1/2').length).toBe(2);
    }
  });

  it('birth-death chain (reflecting path walk on 8 states): cos(pi k / 8)', () => {
    const s = kernelSpectrum({ mode: 'exact', kernel: pathWalk(8) });
    s.eigenvalues.forEach((e, k) => {
      expect(encloses(e, PI.mul(k).div(8).cos())).toBe(true);
      expect(width(e).lte('1e-40')).toBe(true);
    });
    expect(exactValue(s.eigenvalues[4]!)).toBe('0');
    // absolute gap 1 - cos(pi/8): |l_n| = cos(pi/8) = l_2
    expect(encloses(s.absoluteGap, new D(1).sub(PI.div(8).cos()))).toBe(true);
  });

  it('random reversible 8-state kernel against independently computed eigenvalues', () => {
    const s = kernelSpectrum({ mode: 'exact', kernel: conductanceKernel(C8) });
    s.eigenvalues.forEach((e, i) => {
      expect(encloses(e, C8_EIGENVALUES[i]!, '1e-30')).toBe(true);
      expect(width(e).lte('1e-40')).toBe(true);
    });
    expect(encloses(s.spectralGap, new D(1).sub(C8_EIGENVALUES[1]!), '1e-30')).toBe(true);
    // |l_n| = 0.3012... > l_2 = 0.2993...: the absolute gap is 1 - |l_n|.
    expect(encloses(s.absoluteGap, new D(1).add(C8_EIGENVALUES[7]!), '1e-30')).toBe(true);
  });

  it('12 states with 10-digit conductances against independently computed eigenvalues', () => {
    const s = kernelSpectrum({ mode: 'exact', kernel: conductanceKernel(C12) });
    s.eigenvalues.forEach((e, i) => expect(encloses(e, C12_EIGENVALUES[i]!, '1e-29')).toBe(true));
  });

  it('rejects non-reversible and non-stochastic kernels', () => {
    const rotation = [
      [q('1/2'), q('1/2'), q(0)],
      [q(0), q('1/2'), q('1/2')],
      [q('1/2'), q(0), q('1/2')],
    ];
    expect(() => kernelSpectrum({ mode: 'exact', kernel: rotation })).toThrow(NotRealSpectrumError);
    expect(() =>
      kernelSpectrum({
        mode: 'exact',
        kernel: [
          [q('1/2'), q('1/3')],
          [q(0), q(1)],
        ],
      }),
    ).toThrow(/sum to 1/);
    expect(() => kernelSpectrum({ mode: 'exact', kernel: [[q(1)]] })).toThrow(/at least 2/);
    expect(() =>
      kernelSpectrum({
        mode: 'exact',
        kernel: [
          [q(2), q(-1)],
          [q(0), q(1)],
        ],
      }),
    ).toThrow(/>= 0/);
  });
});

describe('kernelSpectrum, float and interval modes', () => {
  it('float: lazy 200-cycle against the closed form', () => {
    const n = 200;
    const kernel = lazyCycle(n).map((row) => row.map((x) => x.valueOf()));
    const s = kernelSpectrum({ mode: 'float', kernel, stationary: new Array<number>(n).fill(1 / n) });
    expect(s.method).toBe('float64');
    const expected = Array.from({ length: n }, (_, k) => (1 + Math.cos((2 * Math.PI * k) / n)) / 2).sort(
      (a, b) => b - a,
    );
    s.eigenvalues.forEach((x, i) => expect(Math.abs(x - expected[i]!)).toBeLessThan(1e-12));
    expect(Math.abs(s.spectralGap - (1 - Math.cos((2 * Math.PI) / n)) / 2)).toBeLessThan(1e-12);
  });

  it('float: the 8-state reversible chain (non-uniform stationary law) against independent values', () => {
    const total = C8.flat().reduce((s, x) => s + x, 0);
    const kernel = conductanceKernel(C8).map((row) => row.map((x) => x.valueOf()));
    const stationary = C8.map((row) => row.reduce((s, x) => s + x, 0) / total);
    const s = kernelSpectrum({ mode: 'float', kernel, stationary });
    s.eigenvalues.forEach((x, i) => expect(Math.abs(x - Number(C8_EIGENVALUES[i]!))).toBeLessThan(1e-13));
    expect(Math.abs(s.absoluteGap - (1 + Number(C8_EIGENVALUES[7]!)))).toBeLessThan(1e-13);
  });

  it('float agrees with exact isolation on random reversible rational kernels', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 7 })
          .chain((n) =>
            fc
              .array(fc.integer({ min: 0, max: 30 }), { minLength: (n * (n + 1)) / 2, maxLength: (n * (n + 1)) / 2 })
              .map((w) => ({ n, w })),
          ),
        ({ n, w }) => {
          let index = 0;
          const c: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
          for (let i = 0; i < n; i++)
            for (let j = 0; j <= i; j++) c[i]![j] = c[j]![i] = w[index++]! + (i === j ? 1 : 0);
          const exact = kernelSpectrum({ mode: 'exact', kernel: conductanceKernel(c) }, { widthDigits: 20 });
          const total = c.flat().reduce((s, x) => s + x, 0);
          const float = kernelSpectrum({
            mode: 'float',
            kernel: conductanceKernel(c).map((row) => row.map((x) => x.valueOf())),
            stationary: c.map((row) => row.reduce((s, x) => s + x, 0) / total),
          });
          exact.eigenvalues.forEach((e, i) =>
            expect(Math.abs(e.lo.valueOf() - float.eigenvalues[i]!)).toBeLessThan(1e-12),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('float rejects a kernel that is not reversible for the given law, and bad shapes', () => {
    const rotation = [
      [0.5, 0.5, 0],
      [0, 0.5, 0.5],
      [0.5, 0, 0.5],
    ];
    expect(() => kernelSpectrum({ mode: 'float', kernel: rotation, stationary: [1 / 3, 1 / 3, 1 / 3] })).toThrow(
      /not reversible/,
    );
    expect(() =>
      kernelSpectrum({
        mode: 'float',
        kernel: [
          [0.5, 0.5],
          [0.5, 0.5],
        ],
        stationary: [1],
      }),
    ).toThrow(/one entry per state/);
    expect(() =>
      kernelSpectrum({
        mode: 'float',
        kernel: [
          [0.5, 0.6],
          [0.5, 0.5],
        ],
        stationary: [0.5, 0.5],
      }),
    ).toThrow(/sum to 1/);
  });

  it('interval: S of the 8-state chain rounded to 30 digits, Weyl enclosures hold the true eigenvalues', () => {
    const rows = C8.map((row) => row.reduce((s, x) => s + x, 0));
    const mid: Rational[][] = [];
    const radius: Rational[][] = [];
    for (let i = 0; i < 8; i++) {
      mid.push([]);
      radius.push([]);
      for (let j = 0; j < 8; j++) {
        // S(i, j) = C(i, j) / sqrt(r_i r_j), symmetric; rounded to 30 decimals.
        const [a, b] = [Math.min(i, j), Math.max(i, j)];
        const value = new D(C8[a]![b]!).div(new D(rows[a]! * rows[b]!).sqrt());
        mid[i]!.push(q(value.toFixed(30)));
        radius[i]!.push(q('1e-30'));
      }
    }
    const s = kernelSpectrum({ mode: 'interval', symmetrized: { mid, radius } });
    expect(s.method).toBe('weyl-enclosure');
    s.eigenvalues.forEach((e, i) => {
      expect(encloses(e, C8_EIGENVALUES[i]!, '1e-30')).toBe(true);
      expect(width(e).lt('1.7e-29')).toBe(true); // 2 * 8e-30 + 1e-40
    });
    expect(encloses(s.absoluteGap, new D(1).add(C8_EIGENVALUES[7]!), '1e-30')).toBe(true);
  });

  it('interval gaps handle an l2 enclosure that straddles 0', () => {
    // mid = diag(1, 0, -1/2), radius 1/10 everywhere: l2 in [-r, r] with r = 3/10 (all-ones bound)
    const mid = [
      [q(1), q(0), q(0)],
      [q(0), q(0), q(0)],
      [q(0), q(0), q('-1/2')],
    ];
    const radius = mid.map((row) => row.map(() => q('1/10')));
    const s = kernelSpectrum({ mode: 'interval', symmetrized: { mid, radius } });
    expect([s.lambda2.lo, s.lambda2.hi].map((x) => x.toFraction())).toEqual(['-3/10', '3/10']);
    expect([s.spectralGap.lo, s.spectralGap.hi].map((x) => x.toFraction())).toEqual(['7/10', '13/10']);
    // |l2| in [0, 3/10], |ln| in [1/5, 4/5]: max in [1/5, 4/5], absolute gap in [1/5, 4/5]
    expect([s.absoluteGap.lo, s.absoluteGap.hi].map((x) => x.toFraction())).toEqual(['1/5', '4/5']);
  });
});

describe('largestEigenvalue (Dirichlet gap)', () => {
  // Path walk on 8 states killed at state 7: Q on {0..6} has eigenfunctions cos(theta (j + 1/2))
  // with cos(7.5 theta) = 0, so lambda_max(Q) = cos(pi/15).
  const q7 = pathWalk(8)
    .slice(0, 7)
    .map((row) => row.slice(0, 7));
  const truth = PI.div(15).cos();

  it('exact, interval and float agree with cos(pi/15)', () => {
    const exact = largestEigenvalue({ mode: 'exact', kernel: q7 });
    expect(encloses(exact, truth)).toBe(true);
    expect(width(exact).lte('1e-40')).toBe(true);
    const zero = q7.map((row) => row.map(() => q(0)));
    const interval = largestEigenvalue({ mode: 'interval', symmetrized: { mid: q7, radius: zero } });
    expect(encloses(interval, truth)).toBe(true);
    const float = largestEigenvalue({
      mode: 'float',
      kernel: q7.map((row) => row.map((x) => x.valueOf())),
      stationary: new Array<number>(7).fill(1 / 8),
    });
    expect(Math.abs(float - truth.toNumber())).toBeLessThan(1e-14);
  });

  it('a reversible chain with non-uniform mu: Q = P on {1..7} of the 8-state chain, against float symmetrization', () => {
    const kernel = conductanceKernel(C8);
    const rest = [1, 2, 3, 4, 5, 6, 7];
    const qExact = rest.map((x) => rest.map((y) => kernel[x]![y]!));
    const exact = largestEigenvalue({ mode: 'exact', kernel: qExact }, { widthDigits: 30 });
    const total = C8.flat().reduce((s, x) => s + x, 0);
    const float = largestEigenvalue({
      mode: 'float',
      kernel: qExact.map((row) => row.map((x) => x.valueOf())),
      stationary: rest.map((x) => C8[x]!.reduce((s, c) => s + c, 0) / total),
    });
    expect(Math.abs(exact.lo.valueOf() - float)).toBeLessThan(1e-13);
    expect(exact.hi.compare(1)).toBeLessThan(0); // substochastic and irreducible: below 1
  });
});
