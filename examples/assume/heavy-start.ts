/**
 * What if training does not start at the reference? pi_0 puts mass k/10 on
 * response 0 and spreads the rest evenly. It is a tilt of q only when it is
 * proportional to q inside the correct set and inside the wrong set, which
 * random prompts rarely allow. T8 states its equality
 * J(pi*) - J(pi_t) = beta kl(p_t || p*) from a tilt, so it is checked on the
 * starts that are tilts (the implication it is), while the gap decreases
 * from every start.
 *
 * Typed by ebm-lens's AssumptionModule, from the package's public entry
 * point; `assume` loads a .ts module through jiti (types stripped), so
 * nothing needs compiling first.
 *
 *   ebm-lens assume examples/assume/heavy-start.ts T8
 */
import type { AssumptionModule } from 'ebm-lens';

const assumptions: AssumptionModule = (fc) => ({
  // a function of the context: the law must have context.n entries
  start: ({ n }) =>
    fc
      .integer({ min: 1, max: 9 })
      .map((k) => [`${k}/10`, ...Array.from({ length: n - 1 }, () => `${10 - k}/${10 * (n - 1)}`)]),
});

export default assumptions;
