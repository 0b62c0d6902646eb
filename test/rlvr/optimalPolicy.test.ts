/**
 * pi* of T6 against closed forms evaluated independently with decimal.js:
 * logit p* = logit p0 + 1/beta and Z = 1 - p0 + p0 e^{1/beta}.
 */
import { describe, expect, it } from 'vitest';
import { exactArithmetic as ea } from '../../src/arith/exact.js';
import { intervalArithmetic } from '../../src/arith/interval.js';
import { Rational, parseRational } from '../../src/arith/rational.js';
import { optimalReasoningPolicy } from '../../src/rlvr/optimalPolicy.js';
import { restrictToSupport } from '../../src/rlvr/prompt.js';
import { D, dec, expectEncloses, expectWidthBelow, logit, sigmoid } from './helpers.js';

const ia = intervalArithmetic(60);
const lift = (text: string) => ia.fromRational(parseRational(text));

/** A prompt with p0 split over two correct responses and 1 - p0 over two wrong ones. */
function promptWith(p0: string) {
  const half = parseRational(p0).div(new Rational(2n));
  const rest = new Rational(1n).sub(parseRational(p0)).div(new Rational(2n));
  return restrictToSupport(ia, {
    weight: ia.one,
    reference: [half, rest, half, rest].map((q) => ia.fromRational(q)),
    correct: [true, false, true, false],
  });
}

describe('optimalReasoningPolicy (T6)', () => {
  it.each([
    ['1/4', '1/2'],
    ['1/3', '1/200'],
    ['1/1000', '2'],
    ['999/1000', '1/10'],
    ['1/7', '3'],
  ])('p0 = %s, beta = %s: p* = sigma(logit p0 + 1/beta) and log Z enclosed to 1e-50', (p0, beta) => {
    const result = optimalReasoningPolicy(ia, promptWith(p0), lift(beta));
    const inverseBeta = new D(1).div(dec(beta));
    const pStar = sigmoid(logit(dec(p0)).add(inverseBeta));
    const logZ = new D(1).sub(dec(p0)).add(dec(p0).mul(inverseBeta.exp())).ln();
    expectEncloses(ia.toNumberObject(result.pStar), pStar, 'p*');
    // 1 - p* = sigma(-(logit p0 + 1/beta)), evaluated without cancellation
    expectEncloses(ia.toNumberObject(result.pStarWrong), sigmoid(logit(dec(p0)).add(inverseBeta).neg()), '1 - p*');
    expectEncloses(ia.toNumberObject(result.logZ), logZ, 'log Z');
    expectWidthBelow(ia.toNumberObject(result.pStar), '1e-50');
    expectWidthBelow(ia.toNumberObject(result.logZ), logZ.abs().mul('1e-50').toString());
    // pi*(C) restricted to C is q(.|C): the two correct responses keep equal mass
    expectEncloses(ia.toNumberObject(result.policy[0]!), pStar.div(2), 'pi*(y) for y in C');
  });

  it('1 - p* keeps its relative precision when p* is within 1e-80 of 1 (beta = 1/200)', () => {
    const result = optimalReasoningPolicy(ia, promptWith('1/2'), lift('1/200'));
    // 1 - p* = 1 / (1 + e^{200}) for p0 = 1/2
    const wrong = new D(1).div(new D(1).add(new D(200).exp()));
    expectEncloses(ia.toNumberObject(result.pStarWrong), wrong);
    expectWidthBelow(ia.toNumberObject(result.pStarWrong), wrong.mul('1e-50').toString());
  });

  it('degenerate prompts: p0 = 0 gives p* = 0 and log Z = 0; p0 = 1 gives p* = 1 and log Z = 1/beta, exactly', () => {
    const none = restrictToSupport(ea, {
      weight: ea.one,
      reference: [new Rational(1n, 2n), new Rational(1n, 2n)],
      correct: [false, false],
    });
    const all = restrictToSupport(ea, {
      weight: ea.one,
      reference: [new Rational(1n, 2n), new Rational(1n, 2n)],
      correct: [true, true],
    });
    const beta = new Rational(1n, 3n);
    const a = optimalReasoningPolicy(ea, none, beta);
    expect([a.pStar.toFraction(), a.logZ.toFraction(), a.p0.toFraction()]).toEqual(['0', '0', '0']);
    const b = optimalReasoningPolicy(ea, all, beta);
    expect([b.pStar.toFraction(), b.logZ.toFraction(), b.pStarWrong.toFraction()]).toEqual(['1', '3', '0']);
    expect(none.regime).toBe('none-correct');
    expect(all.regime).toBe('all-correct');
  });

  it('a correct response with q = 0 does not count: p0 = 0 on the support', () => {
    const prompt = restrictToSupport(ea, {
      weight: ea.one,
      reference: [new Rational(0n), new Rational(1n)],
      correct: [true, false],
    });
    expect(prompt.regime).toBe('none-correct');
    expect(prompt.reference).toHaveLength(1);
  });

  it('rejects beta <= 0 and a start that leaves the support of q', () => {
    expect(() =>
      optimalReasoningPolicy(
        ea,
        restrictToSupport(ea, { weight: ea.one, reference: [ea.one], correct: [true] }),
        ea.zero,
      ),
    ).toThrow(RangeError);
    expect(() =>
      restrictToSupport(ea, {
        weight: ea.one,
        reference: [ea.one, ea.zero],
        correct: [true, false],
        initial: [new Rational(1n, 2n), new Rational(1n, 2n)],
      }),
    ).toThrow(RangeError);
  });
});
