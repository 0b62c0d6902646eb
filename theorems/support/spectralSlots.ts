/**
 * Slot families for the spectral theorems (T4 mixing, T5 hitting times), so
 * that `ebm-lens assume` can replace the pieces of their EBM chains.
 *
 * Main definitions
 * - `slotChainFamily(build, slots)`: the EBM response chain P = pi* drawn
 *   from the slots n (2..4), reference (reversible), potential (weights),
 *   interaction (none), reward (potential) and beta, as a `ChainInstance`,
 *   then the theorem's instance from it (`build`).
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
import type { SlotSelection } from '../../properties/index.js';
import { exactChain, type ResponseChainInstance } from './responseChain.js';
import { slotFamily, type SlotDraw, type SlotFamily } from './slotLab.js';
import { chainInstance, type ChainInstance } from './spectralBounds.js';

export function slotChainFamily<I>(build: (chain: ChainInstance, draw: SlotDraw) => fc.Arbitrary<I>, slots: SlotSelection = {}): SlotFamily<I> {
  return slotFamily<I>(
    { n: { min: 2, max: 4 }, reference: 'reversible', potential: 'weights', interaction: 'none', reward: 'potential', beta: 'default', ...slots },
    {
      build: (draw) => {
        const { P, mu } = exactChain(draw as unknown as ResponseChainInstance);
        const weights = draw.potential?.form === 'weights' ? draw.potential.weights : undefined;
        return build(chainInstance(detailedBalance(exactArithmetic, mu, P).reversible === true ? 'ebm' : 'nonReversible', P, mu, weights), draw);
      },
    },
  );
}
