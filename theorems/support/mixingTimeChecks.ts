/**
 * T4's mixing-time bounds (t_rel - 1) log(1/(2 eps)) <= t_mix(eps) <=
 * t_rel log(1/(eps mu_min)) and their false variants, as checks.
 *
 * Main definitions
 * - `MixingFactor` (`RELAXATION`, `RELAXATION_MINUS_ONE`, `RELAXATION_PLUS_ONE`,
 *   `INVERSE_SPECTRAL_GAP`) and `MixingArgument` (`TWO_EPS_INVERSE`,
 *   `EPS_MU_MIN_INVERSE`): the factor f and the argument A of a mixing bound
 *   f log(A), for the check and for the certificate claim.
 * - `mixingBound(side, factor, argument)`: the check of f log(A) <= t_mix(eps)
 *   ('lower') or t_mix(eps) <= f log(A) < infinity ('upper').
 * - `mixingBoundInteger`: the rounded bound a certificate claim states.
 *
 * Implementation details
 * t_mix(eps) is found by exact iteration of the rational chain; f log(A) is
 * enclosed in interval arithmetic (`decideWithEscalation`: 40 digits, doubled
 * up to 640, the eigenvalue width following the digits). A factor whose gap
 * is not decided positive leaves the bound undecided, except an upper bound
 * whose gap is exactly 0 (g* = 0: a periodic or reducible chain), a decided
 * fail: there is no finite mixing bound.
 */
import { UndecidedError } from '../../src/arith/arithmetic.js';
import type { RationalEnclosure } from '../../src/arith/enclosure.js';
import { decideWithEscalation } from '../../src/arith/escalation.js';
import { exactArithmetic } from '../../src/arith/exact.js';
import type { Interval, IntervalArithmetic } from '../../src/arith/interval.js';
import { ONE, ZERO, type Rational } from '../../src/arith/rational.js';
import { add, div, lt, min, mul, num, ref, sub } from '../../src/certificate/build.js';
import type { BoolExpr, NumExpr } from '../../src/certificate/format.js';
import { NotRealSpectrumError } from '../../src/linalg/symmetricEnclosure.js';
import { mixingTime, type MixingTimeResult } from '../../src/markov/mixingTime.js';
import { fail, pass, undecided, type Verdict } from '../../src/runner/theorem.js';
import { L_STAR, needsRealSpectrum, type T4Instance } from './mixingChecks.js';
import { numberOf, spectralEnclosures, type SpectralEnclosures } from './spectralBounds.js';

/** The factor f of a mixing bound f log(A): in the claim (over lstar, l2) and as an interval from the spectrum. */
export interface MixingFactor {
  readonly text: string;
  readonly expr: NumExpr;
  /** May throw UndecidedError (a gap not decided positive). */
  readonly enclosure: (ar: IntervalArithmetic, spectrum: SpectralEnclosures) => Interval;
  /** The gap the factor inverts; an upper bound with this gap exactly 0 is a decided fail, `infinite` says why. */
  readonly gap: (spectrum: SpectralEnclosures) => RationalEnclosure;
  readonly infinite: string;
  /** The factor is finite: its gap is positive (certificate claims). */
  readonly finite: BoolExpr;
}

/** 1/gap over the gap's enclosure, which must be decided positive (else undecided). */
function inverseGap(ar: IntervalArithmetic, gap: RationalEnclosure): Interval {
  if (gap.lo.compare(ZERO) <= 0)
    throw new UndecidedError(
      `the gap enclosure [${gap.lo.toFraction()}, ${gap.hi.toFraction()}] is not decided positive`,
    );
  return ar.fromBounds(ONE.div(gap.hi), ONE.div(gap.lo));
}

const trel = div(num(1), sub(num(1), L_STAR.expr));
const absoluteGap = {
  gap: (s: SpectralEnclosures) => s.absoluteGap,
  infinite:
    'g* = 0 (an eigenvalue l != l_1 with |l| = 1): t_rel = infinity, there is no finite mixing bound and the chain does not mix',
  finite: lt(L_STAR.expr, num(1)),
};
const relaxation = (ar: IntervalArithmetic, s: SpectralEnclosures): Interval => inverseGap(ar, s.absoluteGap);

/** t_rel = 1/g*, and t_rel - 1, t_rel + 1; 1/g (g the spectral gap, not g*). */
export const RELAXATION: MixingFactor = { text: 't_rel', expr: trel, enclosure: relaxation, ...absoluteGap };
export const RELAXATION_MINUS_ONE: MixingFactor = {
  text: '(t_rel - 1)',
  expr: sub(trel, num(1)),
  enclosure: (ar, s) => ar.sub(relaxation(ar, s), ar.one),
  ...absoluteGap,
};
export const RELAXATION_PLUS_ONE: MixingFactor = {
  text: '(t_rel + 1)',
  expr: add(trel, num(1)),
  enclosure: (ar, s) => ar.add(relaxation(ar, s), ar.one),
  ...absoluteGap,
};
export const INVERSE_SPECTRAL_GAP: MixingFactor = {
  text: '(1/g)',
  expr: div(num(1), sub(num(1), ref('l2'))),
  enclosure: (ar, s) => inverseGap(ar, s.spectralGap),
  gap: (s) => s.spectralGap,
  infinite: 'g = 0 (l_2 = 1): 1/g = infinity, there is no finite mixing bound',
  finite: lt(ref('l2'), num(1)),
};

/** The argument A of a bound f log(A): in the claim (over eps, mu) and its exact value. */
export interface MixingArgument {
  readonly text: string;
  readonly expr: (instance: T4Instance) => NumExpr;
  readonly value: (instance: T4Instance) => Rational;
}

const muMin = (mu: readonly Rational[]): Rational => mu.reduce((a, b) => (a.compare(b) <= 0 ? a : b));

export const TWO_EPS_INVERSE: MixingArgument = {
  text: '1/(2 eps)',
  expr: () => div(num(1), mul(num(2), ref('eps'))),
  value: (i) => ONE.div(i.eps.mul(2)),
};
export const EPS_MU_MIN_INVERSE: MixingArgument = {
  text: '1/(eps mu_min)',
  expr: (i) => div(num(1), mul(ref('eps'), min(...i.chain.mu.map((_, x) => ref('mu', x))))),
  value: (i) => ONE.div(i.eps.mul(muMin(i.chain.mu))),
};

/**
 * side 'upper': t_mix(eps) <= f log(A) < infinity; 'lower': f log(A) <= t_mix(eps).
 * An upper bound whose gap is exactly 0 fails (no finite bound). t_mix is found
 * by exact iteration up to one step past the bound's upper end, so "not mixed
 * by then" is itself a decided answer.
 */
export const mixingBound =
  (side: 'upper' | 'lower', factor: MixingFactor, argument: MixingArgument) =>
  (instance: T4Instance): Verdict => {
    const { kernel, mu } = instance.chain;
    const eps = instance.eps;
    const bound = `${factor.text} log(${argument.text})`;
    const claim =
      side === 'upper' ? `t_mix(${eps.toFraction()}) <= ${bound}` : `${bound} <= t_mix(${eps.toFraction()})`;
    const cache = new Map<number, MixingTimeResult<Rational>>();
    return needsRealSpectrum(() => {
      const coarse = side === 'upper' ? spectralEnclosures(kernel, 30) : undefined;
      if (coarse !== undefined && factor.gap(coarse).hi.equals(ZERO)) {
        return fail(factor.infinite, { lambda2: numberOf(coarse.lambda2), lambdaMin: numberOf(coarse.lambdaMin) });
      }
      const escalated = decideWithEscalation((ar): Verdict => {
        const spectrum = spectralEnclosures(kernel, ar.digits);
        const value = ar.mul(factor.enclosure(ar, spectrum), ar.log(ar.fromRational(argument.value(instance))));
        const cap = Number(ar.upperRational(value).ceil().valueOf()) + 1;
        let mixing = cache.get(cap);
        if (mixing === undefined) {
          mixing = mixingTime(exactArithmetic, kernel, mu, eps, Math.max(cap, 0));
          cache.set(cap, mixing);
        }
        const values = {
          bound: ar.toNumberObject(value),
          lStar: numberOf(spectrum.lStar),
          lambda2: numberOf(spectrum.lambda2),
        };
        if (mixing.tMix === undefined) {
          // d(t) > eps for t = 0..cap, so t_mix > cap > every point of the bound.
          return side === 'upper'
            ? fail(`${claim} fails: t_mix > ${cap}`, { ...values, tMixAtLeast: String(cap + 1) })
            : pass(cap + 1 - ar.toNumber(value));
        }
        const order = ar.compare(ar.fromInteger(mixing.tMix), value);
        if (order === undefined) throw new UndecidedError(`t_mix = ${mixing.tMix} against ${bound} at ${ar.label}`);
        const holds = side === 'upper' ? order <= 0 : order >= 0;
        if (!holds) return fail(`${claim} fails: t_mix = ${mixing.tMix}`, { ...values, tMix: String(mixing.tMix) });
        return pass(Math.abs(ar.toNumber(value) - mixing.tMix));
      });
      return escalated.decided ? escalated.value : undecided(escalated.reason);
    });
  };

/** ceil or floor of f log(A), from enclosures refined until both ends round alike (undecided: UndecidedError). */
export function mixingBoundInteger(
  instance: T4Instance,
  factor: MixingFactor,
  argument: MixingArgument,
  round: 'ceil' | 'floor',
): number {
  try {
    const escalated = decideWithEscalation((ar) => {
      const log = ar.log(ar.fromRational(argument.value(instance)));
      const value = ar.mul(factor.enclosure(ar, spectralEnclosures(instance.chain.kernel, ar.digits)), log);
      const [lo, hi] = [ar.lowerRational(value), ar.upperRational(value)].map((end) =>
        Number((round === 'ceil' ? end.ceil() : end.floor()).valueOf()),
      );
      return lo === hi ? lo : undefined;
    });
    if (!escalated.decided) throw new UndecidedError(`the integer part of a mixing bound: ${escalated.reason}`);
    return escalated.value;
  } catch (error) {
    if (error instanceof NotRealSpectrumError) throw new UndecidedError(`P has non-real eigenvalues: ${error.message}`);
    throw error;
  }
}
