/**
 * Slot families for the spectral theorems (T4 mixing, T5 hitting times), so
 * that `ebm-lens assume` can replace the pieces of their EBM chains.
 *
 * Main definitions
 * - `slotChainFamily(slots, build)`: the EBM response chain P = pi* drawn
 *   from the slots n (2..4), reference (reversible), potential (weights),
 *   interaction (none), reward (potential) and beta, as a `ChainInstance`,
 *   then the theorem's instance from it and the typed draw of the extra
 *   `slots` (`build`).
 *
 * Implementation details
 * P comes from `ebmKernel` and mu from GTH (`exactChain`), both exact. A chain
 * that obeys detailed balance exactly is labelled 'ebm', any other (a
 * replaced reference or interaction) 'nonReversible': the label is decided,
 * never assumed, so `chainInstance` checks the contract it promises.
 */
import type fc from 'fast-check';
import { exactArithmetic } from '../../src/arith/exact.js';
import { detailedBalance } from '../../src/markov/reversibility.js';
import { slotFamily, type SlotFamily } from '../../src/runner/kit/index.js';
import type { Instance, SlotSelection } from '../../properties/index.js';
import { exactChain } from './responseChain.js';
import { chainInstance, type ChainInstance } from './spectralBounds.js';

const EBM_CHAIN = {
  n: { min: 2, max: 4 },
  reference: 'reversible',
  potential: 'weights',
  interaction: 'none',
  reward: 'potential',
  beta: 'default',
} as const;

/** The family of EBM chains with the extra `slots`; `build` makes the theorem's instance from the chain and the draw. */
export function slotChainFamily<const S extends SlotSelection, I>(
  slots: S,
  build: (chain: ChainInstance, draw: Instance<typeof EBM_CHAIN & S>) => fc.Arbitrary<I>,
): SlotFamily<I> {
  const selection: typeof EBM_CHAIN & S = { ...EBM_CHAIN, ...slots };
  return slotFamily(selection, {
    build: (draw) => {
      const { P, mu } = exactChain(draw);
      const weights = draw.potential.form === 'weights' ? draw.potential.weights : undefined;
      return build(
        chainInstance(
          detailedBalance(exactArithmetic, mu, P).reversible === true ? 'ebm' : 'nonReversible',
          P,
          mu,
          weights,
        ),
        draw,
      );
    },
  });
}
