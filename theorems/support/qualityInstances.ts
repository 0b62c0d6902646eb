/**
 * The instances of T2q: response chains (responseChain.ts) with a second
 * temperature, and the chains that violate its assumptions.
 *
 * Main definitions
 * - `QualityInstance`, `withSecondBeta(chains)`: a chain and beta2 > beta.
 * - `noInteraction(potential, references)`, `qualityFamilies(...)`: chains
 *   with s = 0 on reversible priors, as arbitraries and as slot families.
 * - `symmetricInteractions`: s != 0 symmetric (no-interaction violated).
 * - `bipartiteChains`: a bipartite support with Phi constant on each side
 *   (full support violated: mu = rho at every beta).
 * - `trapChains`: a non-reversible "trap" prior that lowers E_mu[Phi]
 *   (reversible reference violated).
 *
 * Implementation details
 * beta2 = beta (1 + k/8), k in 1..24, shrinking toward 9 beta / 8. Rewards
 * alternate between the pairwise and the potential form along the listed
 * priors, so both forms are drawn.
 */
import fc from 'fast-check';
import { ONE, Rational, ZERO } from '../../src/arith/rational.js';
import { normalize, total } from '../../src/arith/rationalVector.js';
import { slotFamily, type SlotFamily } from '../../src/runner/kit/index.js';
import { beta as betaArbitrary, type EnergyVector, type SlotName } from '../../properties/index.js';
import { CHAIN_STATES, interactionVanishes, responseChains, type ResponseChainInstance } from './responseChain.js';

/** A response chain and a second temperature beta2 > beta. */
export interface QualityInstance extends ResponseChainInstance {
  readonly beta2: Rational;
}

/** beta (1 + k/8). */
const scaled = (beta: Rational, k: number): Rational => beta.mul(new Rational(BigInt(8 + k), 8n));
const steps = fc.integer({ min: 1, max: 24 });

/** beta2 = beta (1 + k/8), k in 1..24. */
export function withSecondBeta(chains: fc.Arbitrary<ResponseChainInstance>): fc.Arbitrary<QualityInstance> {
  return fc
    .tuple(chains, steps)
    .map(([instance, k]): QualityInstance => ({ ...instance, beta2: scaled(instance.beta, k) }));
}

export type QualityReference = 'reversible' | 'reversibleSparse' | 'symmetric' | 'uniform';
type Form = 'weights' | 'values';

/** s = 0 on the given reversible priors, in the given potential form (rewards alternate pairwise, potential). */
export function noInteraction(
  potential: Form,
  references: readonly QualityReference[],
): fc.Arbitrary<ResponseChainInstance> {
  return fc.oneof(
    ...references.map((reference, k) =>
      responseChains({
        n: CHAIN_STATES,
        reference,
        potential,
        interaction: 'none',
        reward: k % 2 === 0 ? 'pairwise' : 'potential',
      }),
    ),
  );
}

/** The same chains as slot families (`assume`), with beta2 drawn after the slots. */
export function qualityFamilies(
  potential: Form,
  references: readonly QualityReference[],
  pinned: readonly SlotName[] = [],
): SlotFamily<QualityInstance>[] {
  return references.map((reference, k) =>
    slotFamily(
      {
        n: CHAIN_STATES,
        reference,
        potential,
        interaction: 'none',
        reward: k % 2 === 0 ? 'pairwise' : 'potential',
        beta: 'default',
      },
      {
        pinned,
        build: (chain: ResponseChainInstance) =>
          steps.map((j): QualityInstance => ({ ...chain, beta2: scaled(chain.beta, j) })),
      },
    ),
  );
}

/** The weight-form chain with the self-pair of its worst state favoured (v = 64 there): it pulls E_mu[Phi] down. */
function favourWorstState(instance: ResponseChainInstance): ResponseChainInstance {
  if (instance.potential.form !== 'weights' || instance.interaction.form !== 'weights') return instance;
  const w = instance.potential.weights;
  const worst = w.indexOf(w.reduce((a, b) => (a.lt(b) ? a : b)));
  const weights = instance.interaction.weights.map((row, x) =>
    row.map((v, y) => (x === worst && y === worst ? new Rational(64n) : v)),
  );
  return { ...instance, interaction: { ...instance.interaction, weights } };
}

/** Weight-form chains with a symmetric interaction on a reversible or uniform prior, reward Phi(y) - Phi(x) + s. */
const symmetricOn = (reference: 'reversible' | 'uniform') =>
  responseChains({ n: CHAIN_STATES, reference, potential: 'weights', interaction: 'symmetric', reward: 'potential' });

/** A symmetric interaction s != 0; a third of the draws favour the worst state's self-pair. */
export const symmetricInteractions: fc.Arbitrary<QualityInstance> = withSecondBeta(
  fc.oneof(symmetricOn('reversible'), symmetricOn('uniform'), symmetricOn('reversible').map(favourWorstState)),
).filter((instance) => !interactionVanishes(instance));

/**
 * A spanning tree without self-loops (bipartite), Phi equal to a on one colour class and b != a on the other, s =
 * 0.
 */
export const bipartiteChains: fc.Arbitrary<QualityInstance> = fc.integer({ min: 2, max: 5 }).chain((n) =>
  fc
    .record({
      parents: fc.tuple(...Array.from({ length: n - 1 }, (_, i) => fc.integer({ min: 0, max: i }))),
      weights: fc.array(fc.tuple(fc.integer({ min: 1, max: 32 }), fc.integer({ min: 1, max: 8 })), {
        minLength: n - 1,
        maxLength: n - 1,
      }),
      levels: fc.tuple(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 64 })).filter(([a, b]) => a !== b),
      beta: betaArbitrary(),
      k: steps,
      form: fc.constantFrom<Form>('weights', 'values'),
    })
    .map(({ parents, weights, levels, beta, k, form }): QualityInstance => {
      const C = Array.from({ length: n }, () => Array.from({ length: n }, () => ZERO));
      const depth = [0];
      parents.forEach((p, i) => {
        const [num, den] = weights[i]!;
        C[p]![i + 1] = C[i + 1]![p] = new Rational(BigInt(num), BigInt(den));
        depth.push(depth[p]! + 1);
      });
      const rho = C.map((row) => total(row));
      const q = C.map((row, x) => row.map((c) => c.div(rho[x]!)));
      const level = (x: number): Rational => new Rational(BigInt(levels[depth[x]! % 2]!), 8n);
      const states = Array.from({ length: n }, (_, x) => x);
      const potential: EnergyVector =
        form === 'weights' ? { form, weights: states.map(level) } : { form, values: states.map(level) };
      const ones = states.map(() => states.map(() => (form === 'weights' ? ONE : ZERO)));
      return {
        n,
        reference: { variant: 'bipartite tree', q, reversible: { conductance: C, rho } },
        potential,
        interaction: form === 'weights' ? { kind: 'none', form, weights: ones } : { kind: 'none', form, values: ones },
        reward: { kind: 'potential' },
        beta,
        beta2: scaled(beta, k),
      };
    }),
);

/**
 * A "trap": states 0 (worst), 1 (trap, barely better) and 2 (best); q(.|0)
 * reaches 1 and 2, q(.|1) and q(.|2) reach only 0 and 1. The tilt makes the
 * trap sticky, so E_mu[Phi] can fall below E_rho[Phi] (rho := the
 * stationary law of q) and rise with beta.
 */
export const trapChains: fc.Arbitrary<QualityInstance> = fc
  .record({
    entries: fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 6, maxLength: 6 }),
    worst: fc.integer({ min: 2, max: 64 }),
    trapDivisor: fc.integer({ min: 1, max: 63 }),
    best: fc.integer({ min: 1, max: 64 }),
    beta: betaArbitrary(),
    k: steps,
  })
  .filter(({ worst, trapDivisor }) => trapDivisor < worst)
  .map(({ entries, worst, trapDivisor, best, beta, k }): QualityInstance => {
    const [a01, a02, a10, a11, a20, a21] = entries.map((e) => new Rational(BigInt(e)));
    const rows = [
      [ZERO, a01!, a02!],
      [a10!, a11!, ZERO],
      [a20!, a21!, ZERO],
    ];
    const weights = [
      new Rational(1n, BigInt(worst)),
      new Rational(1n, BigInt(trapDivisor)),
      new Rational(BigInt(best)),
    ];
    const ones = [0, 1, 2].map(() => [ONE, ONE, ONE]);
    return {
      n: 3,
      reference: { variant: 'trap (non-reversible)', q: rows.map((row) => normalize(row)) },
      potential: { form: 'weights', weights },
      interaction: { kind: 'none', form: 'weights', weights: ones },
      reward: { kind: 'potential' },
      beta,
      beta2: scaled(beta, k),
    };
  });
