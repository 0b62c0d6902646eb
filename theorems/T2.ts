/**
 * T2: detailed balance of the response chain with a canonical potential
 * (docs/catalogue.md#t2; the claim itself is `statement` below).
 *
 * Main definitions
 * - `T2`: the theorem module; its instances are `ResponseChainInstance`s
 *   (support/responseChain.ts): a reference q (by its conductance C when
 *   reversible), a potential Phi, an interaction s, an offset c and beta.
 *
 * Main statements
 * - Identities (n = 3, symbolic C, w, v and an offset c(x), certified):
 *   detailed balance for the three pairs, the edge measure (the proof step),
 *   stationarity, Kolmogorov's triangle, and the log-ratio identity with
 *   w = exp(Phi/beta) (c = 0 there: the rational identities show it cancels).
 * - Properties: detailed balance, the stationary law's closed form, the
 *   ratio identity, the closed form's stationarity, Kolmogorov's criterion
 *   and the edge measure (exact); detailed balance with Phi, s and beta
 *   rational (interval).
 * - Assumptions: `reward-potential` and `reversible-reference` are needed by
 *   every property (degree of failure: the detailed-balance defect, along
 *   antisymmetric and arbitrary s, and near-reversible priors eps = 1/1000 ..
 *   1); `full-support` is not needed (sparse reversible priors).
 * - Slots (`assume`): n, reference, potential, interaction, reward, beta.
 *
 * Implementation details
 * Exact properties take w, v, c and C as positive rationals: P is built by
 * the engine (`ebmKernel`, c(x) included), mu by GTH state reduction (never
 * from the closed form), and every equality is a comparison of BigInt
 * rationals (support/exactChainChecks.ts). The ratio identity is checked as
 * P(x,y) e^{U(x)} = P(y,x) e^{U(y)} with e^U = rho w Z_Phi rational. The
 * interval property takes Phi, s, c and beta rational (w and P
 * transcendental): reversibility is decided exactly by `ebmReversibleExact`
 * (rational cycle ratios and affinities; Lindemann), and the log ratios must
 * agree to 30 digits. Certificate claims: support/detailedBalanceClaims.ts.
 */
import fc from 'fast-check';
import { normalize, total } from '../src/arith/rationalVector.js';
import { mul, ref } from '../src/certificate/build.js';
import { EQUALITY_PRECISION } from '../src/runner/decideInIntervals.js';
import { drawnFrom, familiesArbitrary, slotLaboratory, specs, theoremModule } from '../src/runner/kit/index.js';
import type { IdentitySpec, Theorem } from '../src/runner/theorem.js';
import type { InteractionVariant, ReferenceVariant } from '../properties/index.js';
import {
  closedForm,
  closedFormStationaryClaim,
  detailedBalanceClaim,
  kolmogorovClaim,
  ratioClaim,
} from './support/detailedBalanceClaims.js';
import {
  edgeMeasureIs,
  onChain,
  stationaryLawIs,
  transcendentalBalance,
  transcendentalClaim,
} from './support/detailedBalanceClaims.js';
import {
  DETAILED_BALANCE_DEFECT,
  detailedBalanceDefect,
  detailedBalanceVerdict,
  epsLadderDegrees,
} from './support/exactChainChecks.js';
import { kolmogorovVerdict, ratioVerdict, sameLawVerdict } from './support/exactChainChecks.js';
import {
  CHAIN_STATES,
  chainFamily,
  describeInstance,
  responseChains,
  type ResponseChainInstance,
} from './support/responseChain.js';
import { DETAILED_BALANCE_VARIABLES, LOG_VARIABLES, detailedBalanceChain } from './support/responseChainIdentities.js';

// ---------------------------------------------------------------- statement

const statement = {
  text:
    'Under A1 (r(x,y) = Phi(y) + c(x) + s(x,y), s symmetric) and A2 (rho(x) q(y|x) = rho(y) q(x|y)), the ' +
    'response chain ' +
    'P(x,y) = pi*(y|x) is reversible with respect to mu(x) proportional to rho(x) w(x) Z_Phi(x), where w = ' +
    'exp(Phi/beta), ' +
    'v = exp(s/beta), Z_Phi(x) = sum_y q(y|x) w(y) v(x,y): mu(x) P(x,y) = mu(y) P(y,x). Equivalently ' +
    'P(x,y)/P(y,x) = exp(U(y) - U(x)) with U(x) = log rho(x) + Phi(x)/beta + log Z_Phi(x). Consequently mu P = mu, ' +
    "every cycle has equal forward and backward products (Kolmogorov's criterion), and the edge measure mu(x) P(x,y) " +
    'is proportional to C(x,y) v(x,y) w(x) w(y).',
  latex:
    '\\mu(x) P(x,y) = \\mu(y) P(y,x),\\quad \\mu(x) \\propto \\rho(x)\\, w(x)\\, Z_\\Phi(x),\\quad ' +
    'Z_\\Phi(x) = \\sum_y q(y|x)\\, w(y)\\, v(x,y),\\quad \\frac{P(x,y)}{P(y,x)} = e^{U(y) - U(x)},\\quad ' +
    'U(x) = \\log\\rho(x) + \\Phi(x)/\\beta + \\log Z_\\Phi(x),\\quad \\mu(x)P(x,y) \\propto C(x,y)\\, v(x,y)\\, ' +
    'w(x)\\, w(y)',
};

const source =
  '"For instruction-tuned models, under natural assumptions on reward potentials and pretraining symmetry, we prove that the transition kernel satisfies detailed balance with respect to a scalar potential encoding response quality."';

// ---------------------------------------------------------------- instances

/** Weight-form chains satisfying A1 and A2: dense, sparse, symmetric and uniform priors. */
const exactFamilies = [
  chainFamily({ reference: 'reversible', potential: 'weights', interaction: 'symmetric', reward: 'pairwise' }),
  chainFamily({ reference: 'reversibleSparse', potential: 'weights', interaction: 'symmetric', reward: 'potential' }),
  chainFamily({ reference: 'symmetric', potential: 'weights', interaction: 'none', reward: 'pairwise' }),
  chainFamily({ reference: 'uniform', potential: 'weights', interaction: 'symmetric', reward: 'potential' }),
];
const exactChains = familiesArbitrary(exactFamilies);

/** Value-form chains (Phi, s, c, beta rational) satisfying A1 and A2. */
const valueFamilies = [
  chainFamily({ reference: 'reversible', potential: 'values', interaction: 'symmetric', reward: 'pairwise' }),
  chainFamily({ reference: 'reversibleSparse', potential: 'values', interaction: 'symmetric', reward: 'potential' }),
  chainFamily({ reference: 'symmetric', potential: 'values', interaction: 'none', reward: 'potential' }),
];

/** Dense reversible chains with a symmetric interaction: where the mutants fail. */
const denseChains = responseChains({
  n: CHAIN_STATES,
  reference: 'reversible',
  potential: 'weights',
  interaction: 'symmetric',
});

/** Weight-form chains on at least three states (every 2-state chain is reversible for its own stationary law). */
const threeOrMore = (reference: ReferenceVariant, interaction: InteractionVariant) =>
  responseChains({ n: { min: 3, max: 5 }, reference, potential: 'weights', interaction });

const exact = specs<ResponseChainInstance>({ mode: 'exact', describe: describeInstance });

// ---------------------------------------------------------------- assumptions

const EVERY_PROPERTY = [
  'detailed-balance',
  'stationary-closed-form',
  'multiplicative-detailed-balance',
  'closed-form-is-stationary',
  'kolmogorov-cycles',
  'edge-measure',
  'detailed-balance-transcendental',
];
const DEFECT = { name: 'detailed-balance-defect', measure: DETAILED_BALANCE_DEFECT, defect: detailedBalanceDefect };

const assumptions = [
  exact.assumption(
    'reward-potential',
    'r(x,y) = Phi(y) + c(x) + s(x,y) with s symmetric. Violated by an antisymmetric or arbitrary interaction s ' +
      '(n >= 3: every 2-state chain is reversible for its own stationary law).',
    {
      needed: true,
      violate: fc.oneof(threeOrMore('reversible', 'antisymmetric'), threeOrMore('reversible', 'any')),
      properties: EVERY_PROPERTY,
      degree: {
        ...DEFECT,
        levels: (['antisymmetric', 'any'] as const).map((interaction) => ({
          label: `interaction ${interaction}`,
          arbitrary: threeOrMore('reversible', interaction),
        })),
      },
      formerNames: ['A1'],
    },
  ),
  exact.assumption(
    'reversible-reference',
    'q is reversible: rho(x) q(y|x) = rho(y) q(x|y). Violated by a reversible prior plus a circulation on a ' +
      'triangle (rho := the stationary law of q).',
    {
      needed: true,
      violate: threeOrMore('nonReversible', 'symmetric'),
      properties: EVERY_PROPERTY,
      degree: {
        ...DEFECT,
        measure: `${DETAILED_BALANCE_DEFECT}; near-reversible priors: a reversible prior plus a circulation of relative size eps`,
        levels: ['1/1000', '1/100', '1/10', '1/2', '1'].map((eps) => ({
          label: `eps = ${eps}`,
          arbitrary: threeOrMore({ nearReversible: eps }, 'symmetric'),
        })),
      },
      formerNames: ['A2'],
    },
  ),
  exact.assumption(
    'full-support',
    'q(y|x) > 0 for all x, y. Not needed: sparse reversible priors (zero entries, possibly periodic chains) ' +
      'satisfy every claim.',
    {
      needed: false,
      violate: threeOrMore('reversibleSparse', 'symmetric').filter((instance) =>
        instance.reference.q.some((row) => row.some((value) => value.n === 0n)),
      ),
      properties: EVERY_PROPERTY,
      formerNames: ['A3'],
    },
  ),
];

// ---------------------------------------------------------------- identities

const chainN3 = { variables: DETAILED_BALANCE_VARIABLES, substitutions: detailedBalanceChain(true) };

const detailedBalanceIdentity = (x: number, y: number): IdentitySpec => ({
  name: `detailed-balance-n3-${x}${y}`,
  description: `mu(${x}) P(${x},${y}) = mu(${y}) P(${y},${x}) for n = 3 with C, v symmetric and an offset c(x), mu = rho w Z_Phi`,
  lhs: `mu${x}*P${x}${y}`,
  rhs: `mu${y}*P${y}${x}`,
  ...chainN3,
});

const identities: IdentitySpec[] = [
  detailedBalanceIdentity(1, 2),
  detailedBalanceIdentity(1, 3),
  detailedBalanceIdentity(2, 3),
  {
    name: 'edge-measure-n3',
    description: 'the proof step: rho(1) w(1) Z_Phi(1) P(1,2) = C(1,2) v(1,2) w(1) w(2), symmetric in 1, 2',
    lhs: 'mu1*P12',
    rhs: 'C12*v12*w1*w2',
    ...chainN3,
  },
  {
    name: 'stationarity-n3',
    description: '(mu P)(1) = mu(1) for mu = rho w Z_Phi, n = 3',
    lhs: 'mu1*P11 + mu2*P21 + mu3*P31',
    rhs: 'mu1',
    ...chainN3,
  },
  {
    name: 'kolmogorov-triangle-n3',
    description: "Kolmogorov's criterion on the triangle 1 -> 2 -> 3 -> 1, n = 3",
    lhs: 'P12*P23*P31',
    rhs: 'P13*P32*P21',
    ...chainN3,
  },
  {
    name: 'multiplicative-detailed-balance-n3',
    description:
      'log P(1,2) - log P(2,1) = U(2) - U(1), U = log rho + Phi/beta + log Z_Phi, w = exp(Phi/beta), n = 3 ' +
      '(offset c = 0 here: the rational identities above show that c(x) cancels from P)',
    lhs: 'log(P12/P21)',
    rhs: 'U2 - U1',
    variables: LOG_VARIABLES,
    substitutions: {
      ...detailedBalanceChain(false),
      ...{ w1: 'exp(Phi1/beta)', w2: 'exp(Phi2/beta)', w3: 'exp(Phi3/beta)' },
      ...{ U1: 'log(rho1) + Phi1/beta + log(Z1)', U2: 'log(rho2) + Phi2/beta + log(Z2)' },
    },
  },
];

// ---------------------------------------------------------------- properties

const properties = [
  exact.property('detailed-balance', {
    claim: 'mu(x) P(x,y) = mu(y) P(y,x) for all x, y, where mu is the stationary law of P (computed by GTH)',
    arbitrary: exactChains,
    check: onChain(({ P, mu }) => detailedBalanceVerdict(P, mu, 'mu')),
    certify: detailedBalanceClaim('mu'),
  }),
  exact.property('stationary-closed-form', {
    ...stationaryLawIs(
      'the stationary law of P is mu(x) = rho(x) w(x) Z_Phi(x) / sum, Z_Phi(x) = sum_y q(y|x) w(y) v(x,y)',
      'rho w Z_Phi / sum',
      (chain) => chain.tilt,
      'muClosed',
      closedForm,
      exactChains,
    ),
  }),
  exact.property('multiplicative-detailed-balance', {
    claim:
      'P(x,y) / P(y,x) = exp(U(y) - U(x)) with e^U = rho w Z_Phi (U = log rho + Phi/beta + log Z_Phi), for every ' +
      'pair with P(y,x) > 0; ' +
      'P(x,y) = 0 iff P(y,x) = 0',
    arbitrary: exactChains,
    check: onChain(({ P, tilt }) => ratioVerdict(P, tilt, 'e^U')),
    certify: ratioClaim(
      'P(x,y) / P(y,x) = e^U(y) / e^U(x), e^U = rho w Z_Phi, where P(y,x) > 0; P(x,y) = 0 iff P(y,x) = 0',
      closedForm,
    ),
  }),
  exact.property('closed-form-is-stationary', {
    claim: 'mu P = mu for mu = rho w Z_Phi / sum',
    arbitrary: exactChains,
    check: onChain(({ P, tilt }) => {
      const mu = normalize(tilt);
      const muP = mu.map((_, y) => total(mu.map((m, x) => m.mul(P[x]![y]!))));
      return sameLawVerdict(muP, mu, ['(mu P)(y)', 'mu(y)']);
    }),
    certify: closedFormStationaryClaim,
  }),
  exact.property('kolmogorov-cycles', {
    claim:
      "Kolmogorov's criterion: every triangle and every fundamental cycle of the support has equal forward and backward products of P",
    arbitrary: exactChains,
    check: onChain(({ P }) => kolmogorovVerdict(P)),
    certify: kolmogorovClaim,
  }),
  exact.property('edge-measure', {
    ...edgeMeasureIs(
      'the edge measure mu(x) P(x,y) (mu by GTH) is proportional to C(x,y) v(x,y) w(x) w(y)',
      'C(x,y) v(x,y) w(x) w(y)',
      ({ C, v, w }, x, y) => C[x]![y]!.mul(v[x]![y]!).mul(w[x]!).mul(w[y]!),
      (chain, x, y) => mul(chain.C(x, y), chain.v(x, y), chain.w(x), chain.w(y)),
      exactChains,
    ),
  }),
  exact.property('detailed-balance-transcendental', {
    claim:
      'with Phi, s, beta rational (w = exp(Phi/beta) transcendental): P is reversible (decided exactly) and ' +
      'log P(x,y) - log P(y,x) = U(y) - U(x), U = log rho + Phi/beta + log Z_Phi (equal to 30 digits)',
    mode: 'interval',
    precision: `${EQUALITY_PRECISION}; reversibility decided exactly (rational cycle ratios and affinities)`,
    arbitrary: familiesArbitrary(valueFamilies),
    check: transcendentalBalance,
    certify: transcendentalClaim,
  }),
];

// ---------------------------------------------------------------- mutants

const mutants = [
  exact.mutant(
    'stationary-proportional-to-w',
    stationaryLawIs(
      'the stationary law is mu(x) = w(x) / sum w',
      'w / sum w',
      (chain) => chain.w,
      'wLaw',
      (chain, x) => chain.w(x),
      denseChains,
    ),
    'rho and Z_Phi left out',
  ),
  exact.mutant(
    'stationary-missing-partition-function',
    stationaryLawIs(
      'the stationary law is mu(x) = rho(x) w(x) / sum',
      'rho w / sum',
      ({ rho, w }) => rho.map((r, x) => r.mul(w[x]!)),
      'rhoWLaw',
      (chain, x) => mul(ref('rho', x), chain.w(x)),
      denseChains,
    ),
    'Z_Phi left out',
  ),
  exact.mutant('detailed-balance-with-rho', {
    claim: 'rho(x) P(x,y) = rho(y) P(y,x): the tuned chain is reversible for the untilted rho',
    arbitrary: denseChains,
    check: onChain(({ P, rho }) => detailedBalanceVerdict(P, rho, 'rho')),
    certify: detailedBalanceClaim('rho'),
  }),
  exact.mutant(
    'potential-phi-over-beta-only',
    {
      claim: 'P(x,y) / P(y,x) = exp((Phi(y) - Phi(x))/beta) = w(y)/w(x)',
      arbitrary: denseChains,
      check: onChain(({ P, w }) => ratioVerdict(P, w, 'w')),
      certify: ratioClaim('P(x,y) / P(y,x) = w(y) / w(x) where P(y,x) > 0; P(x,y) = 0 iff P(y,x) = 0', (chain, x) =>
        chain.w(x),
      ),
    },
    'U = Phi/beta only',
  ),
  exact.mutant(
    'edge-measure-without-interaction',
    edgeMeasureIs(
      'the edge measure mu(x) P(x,y) is proportional to C(x,y) w(x) w(y)',
      'C(x,y) w(x) w(y)',
      ({ C, w }, x, y) => C[x]![y]!.mul(w[x]!).mul(w[y]!),
      (chain, x, y) => mul(chain.C(x, y), chain.w(x), chain.w(y)),
      denseChains,
    ),
    'v left out',
  ),
];

// ---------------------------------------------------------------- slots (assume)

const [transcendental] = properties.slice(-1);

/**
 * Every exact property drawn from the exact families, the transcendental one from the value families; the defect
 * along eps.
 */
const laboratory = slotLaboratory(
  [...properties.slice(0, -1).map((spec) => drawnFrom(spec, exactFamilies)), drawnFrom(transcendental!, valueFamilies)],
  epsLadderDegrees(DEFECT, exactFamilies),
);

export const T2: Theorem = theoremModule(
  { id: 'T2', title: 'Detailed balance with a canonical potential', statement, source },
  { assumptions, identities, properties, mutants, ...laboratory },
);
