/**
 * Exact powers of one rational, compared without reducing them.
 *
 * Main definitions
 * - `PowerTable(x)`: the powers x^k = n^k / d^k of a rational x = n / d (lowest
 *   terms, d > 0), kept as BigInt numerators and denominators.
 *   `parts(k)` gives [n^k, d^k], `get(k)` the reduced rational, and
 *   `compareScaled(y, c, k)` the sign of y - c x^k.
 *
 * Main statements
 * - With y = a / b, c = e / f and every denominator positive,
 *   sign(y - c x^k) = sign(a f d^k - e n^k b): one comparison of integers.
 *
 * Implementation details
 * Every result is exact. n^k and d^k are built from the largest power already
 * known (one product per new exponent), with no gcd: powers of a reduced fraction
 * are reduced, and the comparison needs no reduction at all. For a sequence of
 * bounds c x^k at growing k (a geometric decay) this avoids both the repeated
 * squaring of `Rational.pow` and the gcds of fraction.js.
 */
import { Rational, numeratorDenominator } from './rational.js';

export class PowerTable {
  private readonly numerators: bigint[];
  private readonly denominators: bigint[];

  constructor(readonly base: Rational) {
    const [n, d] = numeratorDenominator(base);
    this.numerators = [1n, n];
    this.denominators = [1n, d];
  }

  /** [n^k, d^k], exact (k >= 0). */
  parts(k: number): [bigint, bigint] {
    while (this.numerators.length <= k) {
      this.numerators.push(this.numerators[this.numerators.length - 1]! * this.numerators[1]!);
      this.denominators.push(this.denominators[this.denominators.length - 1]! * this.denominators[1]!);
    }
    return [this.numerators[k]!, this.denominators[k]!];
  }

  /** x^k as a Rational (reduced), exact. */
  get(k: number): Rational {
    const [n, d] = this.parts(k);
    return new Rational(n, d);
  }

  /** The sign of y - c x^k, by exact cross-multiplication (all denominators positive). */
  compareScaled(y: Rational, c: Rational, k: number): -1 | 0 | 1 {
    const [yn, yd] = numeratorDenominator(y);
    const [cn, cd] = numeratorDenominator(c);
    const [pn, pd] = this.parts(k);
    const left = yn * cd * pd;
    const right = cn * pn * yd;
    return left < right ? -1 : left > right ? 1 : 0;
  }
}
