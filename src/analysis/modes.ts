/**
 * Which arithmetic an `analyze` run uses, and how large a chain each one takes.
 *
 * Main definitions
 * - `MODE_LIMITS`: the largest number of states per mode.
 * - `chooseMode(model, requested, enforceLimits)`: the requested mode after
 *   checking that it can run this model (and, unless disabled for a benchmark,
 *   that n is within its limit), or the default: exact when every input is
 *   rational and n <= the exact limit; otherwise interval (rigorous
 *   enclosures) when n <= the interval limit; float64 above that.
 *
 * Implementation details
 * The limits come from timing `analyze` on generated dense models
 * (bench/analyze-timing.mjs: stationary law, reversibility, potential,
 * spectrum, hitting times, Dirichlet gap, a 20-step trajectory; one process
 * per run) on a 2-core machine shared with other jobs, at load averages of
 * about 5-7 / 9-10 (no idle measurement was possible): exact mode 0.2 / 1.1 s at n = 8, 0.6 / 2.7 s at 12,
 * 3.7 / 12 s at 24, 10 / 30 s at 32, 30-40 s at 40 (the characteristic
 * polynomial of the rational kernel and its root isolation dominate, entries
 * growing in size); interval mode 0.5 / 1.3 s at n = 12, 1.4 / 4.4 s at 24,
 * 4.3 s at 40, 8 / 28 s at 48, 20 / 50 s at 64; float64 4 / 11 s at n = 500,
 * 7 / 29 s at 1000, 52 / 195 s at 2000. The exact and interval limits keep a
 * run at the lower load under about 5 s; float64's limit is the largest size
 * analyze reads at all.
 */
import type { ArithmeticMode } from '../arith/arithmetic.js';
import { InputError } from '../errors.js';
import { MAX_STATES, needsTranscendental, type AnalyzeModel } from '../input/analyzeModel.js';

export const MODE_LIMITS: Readonly<Record<ArithmeticMode, number>> = {
  exact: 24,
  interval: 40,
  float: MAX_STATES,
};

export function chooseMode(model: AnalyzeModel, requested?: string, enforceLimits = true): ArithmeticMode {
  const transcendental = needsTranscendental(model);
  if (requested === undefined) {
    if (!transcendental && model.n <= MODE_LIMITS.exact) return 'exact';
    return model.n <= MODE_LIMITS.interval ? 'interval' : 'float';
  }
  if (requested !== 'exact' && requested !== 'interval' && requested !== 'float') {
    throw new InputError('--mode', `unknown mode "${requested}"`, 'use --mode exact, interval or float');
  }
  if (requested === 'exact' && transcendental) {
    throw new InputError(
      '--mode',
      'exact mode needs rational inputs, but "potential", "interaction" or "reward" enter the kernel through exp(./beta)',
      'use --mode interval (the default for this model), or give "weights" w = exp(Phi/beta) and "interactionWeights" v = exp(s/beta) as rationals',
    );
  }
  if (enforceLimits && model.n > MODE_LIMITS[requested]) {
    const fits = (['exact', 'interval', 'float'] as const).filter((mode) => model.n <= MODE_LIMITS[mode] && !(mode === 'exact' && transcendental));
    const fix = fits.map((mode) => `--mode ${mode} (up to ${MODE_LIMITS[mode]} states${mode === 'interval' ? ', rigorous enclosures' : mode === 'float' ? ', float64, unverified' : ''})`).join(' or ');
    throw new InputError('--mode', `n = ${model.n} states is above the ${requested}-mode limit of ${MODE_LIMITS[requested]}`, `use ${fix}`);
  }
  return requested;
}
