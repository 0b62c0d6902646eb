/**
 * The RLVR instance along the natural gradient flow: per prompt and in total,
 * the quantities of T6-T9 at a list of times.
 *
 * Main definitions
 * - `RlvrPoint<T>`: at time t, the accuracy p_t = pi_t(C), the suboptimality
 *   gap J(pi*) - J(pi_t), the Bernoulli gap beta kl(p_t || p*), the entropy
 *   H(pi_t) and KL(pi_t || q).
 * - `rlvrSeries(ar, instance, times)`: p0, p*, log Z and the series of every
 *   prompt, and the total series weighted by the normalized prompt weights
 *   D(x) = weight(x) / sum of weights.
 *
 * Main statements (checked elsewhere, not assumed here)
 * - T8: from pi_0 = q, gap = bernoulliGap and klToReference = kl(p_t || p0).
 * - T7: from any pi_0, gap >= bernoulliGap.
 *
 * Implementation details
 * Every quantity is computed from its definition: gap as the difference of
 * two objective values, bernoulliGap as beta times the KL divergence of the
 * two-point laws (p_t, 1 - p_t) and (p*, 1 - p*), with both masses summed
 * directly. Degenerate prompts (p0 = 0 or 1, see `AccuracyRegime`) have
 * p_t = p* = p0 for every t, so bernoulliGap = 0 exactly, and from pi_0 = q
 * the policy never moves, so gap = 0 and KL(pi_t || q) = 0 exactly. At t = 0
 * from q, KL(pi_0 || q) = 0 exactly. Precision: as the arithmetic (interval:
 * enclosures; float: float64; exact: only when no exp/log is needed).
 */
import { decidedSign, sum, type Arithmetic } from '../arith/arithmetic.js';
import { entropy, kl } from '../info/divergences.js';
import { flowPolicy } from './naturalGradientFlow.js';
import { rlvrObjective } from './objective.js';
import { optimalReasoningPolicy } from './optimalPolicy.js';
import { restrictToSupport, type RlvrInstance } from './prompt.js';

export interface RlvrPoint<T> {
  readonly t: T;
  readonly accuracy: T;
  readonly gap: T;
  readonly bernoulliGap: T;
  readonly entropy: T;
  readonly klToReference: T;
}

export interface RlvrPromptReport<T> {
  /** D(x), normalized */
  readonly weight: T;
  readonly p0: T;
  readonly pStar: T;
  readonly logZ: T;
  readonly series: RlvrPoint<T>[];
}

export interface RlvrReport<T> {
  readonly prompts: RlvrPromptReport<T>[];
  readonly total: { readonly series: RlvrPoint<T>[] };
}

const SERIES_KEYS = ['accuracy', 'gap', 'bernoulliGap', 'entropy', 'klToReference'] as const;

/** The report of an instance at the given times t >= 0 (module comment). */
export function rlvrSeries<T>(ar: Arithmetic<T>, instance: RlvrInstance<T>, times: readonly T[]): RlvrReport<T> {
  const { beta } = instance;
  if (decidedSign(ar, beta, 'beta') <= 0) throw new RangeError('beta must be > 0');
  if (instance.prompts.length === 0) throw new RangeError('an RLVR instance needs at least one prompt');
  const totalWeight = sum(
    ar,
    instance.prompts.map((p) => p.weight),
  );
  if (decidedSign(ar, totalWeight, 'total weight') <= 0)
    throw new RangeError('prompt weights must have a positive sum');

  const prompts = instance.prompts.map((raw): RlvrPromptReport<T> => {
    if (decidedSign(ar, raw.weight, 'weight') < 0) throw new RangeError('prompt weights must be >= 0');
    const prompt = restrictToSupport(ar, raw);
    const optimum = optimalReasoningPolicy(ar, prompt, beta);
    const degenerate = prompt.regime !== 'interior';
    const optimalObjective = rlvrObjective(ar, optimum.policy, prompt, beta, degenerate);
    const series = times.map((t): RlvrPoint<T> => {
      const state = flowPolicy(ar, prompt, beta, t);
      const klToReference = state.isReference ? ar.zero : kl(ar, state.policy, prompt.reference);
      const gap =
        degenerate && state.isReference
          ? ar.zero
          : ar.sub(optimalObjective, ar.sub(state.correctMass, ar.mul(beta, klToReference)));
      const bernoulliGap = degenerate
        ? ar.zero
        : ar.mul(beta, kl(ar, [state.correctMass, state.wrongMass], [optimum.pStar, optimum.pStarWrong]));
      return { t, accuracy: state.correctMass, gap, bernoulliGap, entropy: entropy(ar, state.policy), klToReference };
    });
    return {
      weight: ar.div(raw.weight, totalWeight),
      p0: optimum.p0,
      pStar: optimum.pStar,
      logZ: optimum.logZ,
      series,
    };
  });

  const totalSeries = times.map((t, i): RlvrPoint<T> => {
    const point: Record<string, T> = { t };
    for (const key of SERIES_KEYS) {
      point[key] = sum(
        ar,
        prompts.map((p) => ar.mul(p.weight, p.series[i]![key])),
      );
    }
    return point as unknown as RlvrPoint<T>;
  });
  return { prompts, total: { series: totalSeries } };
}
