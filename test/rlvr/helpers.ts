/**
 * Shared helpers of the RLVR tests: a decimal.js oracle (independent of the
 * code under test) and enclosure checks.
 */
import { Decimal } from 'decimal.js';
import { expect } from 'vitest';
import type { NumberObject } from '../../src/arith/numberObject.js';

/** decimal.js at 90 significant digits: far beyond the 60-digit enclosures checked. */
export const D = Decimal.clone({ precision: 90 });
export type Dec = InstanceType<typeof D>;

export function dec(value: string | number): Dec {
  const text = String(value);
  if (text.includes('/')) {
    const [p, q] = text.split('/');
    return new D(p!).div(new D(q!));
  }
  return new D(text);
}

/** lo <= value <= hi, read exactly from the number object. */
export function expectEncloses(number: NumberObject, value: Dec, label = ''): void {
  const lo = new D(number.lo);
  const hi = new D(number.hi);
  expect(lo.lte(value), `${label}: lo ${number.lo} > ${value.toString()}`).toBe(true);
  expect(hi.gte(value), `${label}: hi ${number.hi} < ${value.toString()}`).toBe(true);
}

/** hi - lo <= bound */
export function expectWidthBelow(number: NumberObject, bound: number | string): void {
  expect(new D(number.hi).sub(new D(number.lo)).lte(new D(bound)), `width of [${number.lo}, ${number.hi}]`).toBe(true);
}

export function sigmoid(x: Dec): Dec {
  return new D(1).div(new D(1).add(x.neg().exp()));
}

export function logit(p: Dec): Dec {
  return p.div(new D(1).sub(p)).ln();
}

/** kl(a || b) for Bernoulli laws, from the definition. */
export function bernoulliKlOracle(a: Dec, b: Dec): Dec {
  const one = new D(1);
  const term = (x: Dec, y: Dec) => (x.isZero() ? new D(0) : x.mul(x.div(y).ln()));
  return term(a, b).add(term(one.sub(a), one.sub(b)));
}

/** pi_eta = q e^{eta r} / Z(eta), from the definition. */
export function tiltOracle(reference: readonly Dec[], correct: readonly boolean[], eta: Dec): Dec[] {
  const weights = reference.map((q, y) => (correct[y] ? q.mul(eta.exp()) : q));
  const total = weights.reduce((acc, w) => acc.add(w), new D(0));
  return weights.map((w) => w.div(total));
}

export function entropyOracle(p: readonly Dec[]): Dec {
  return p.reduce((acc, x) => (x.isZero() ? acc : acc.sub(x.mul(x.ln()))), new D(0));
}

export function klOracle(p: readonly Dec[], q: readonly Dec[]): Dec {
  return p.reduce((acc, x, i) => (x.isZero() ? acc : acc.add(x.mul(x.div(q[i]!).ln()))), new D(0));
}
