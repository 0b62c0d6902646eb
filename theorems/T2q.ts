/**
 * T2q: the high-quality stationary distribution of the response chain
 * without interaction (docs/catalogue.md#t2q; the claim itself is
 * `statement` below).
 *
 * Main definitions
 * - `T2q`: the theorem module; its instances are `QualityInstance`s
 *   (support/qualityInstances.ts): a response chain with s = 0 and a second
 *   temperature beta2 > beta.
 *
 * Main statements
 * - Identities: the closed form and its stationarity (n = 3), the
 *   uniform-prior softmax (n = 3), the untilted edge mean E_rho[Phi] (n = 3),
 *   and for n = 2 the edge representation of E_mu[Phi] and its derivative
 *   d/d(1/beta) E_mu[Phi] = 2 Var (nerdamer's derivative, certified).
 * - Properties: the closed form w (C w) and the uniform-prior softmax
 *   (exact); quality above the reference, non-increasing and strictly
 *   decreasing in beta (interval).
 * - Assumptions: `no-interaction` (needed by every claim: a symmetric s
 *   changes the closed form and can lower E_mu[Phi] or make it grow with
 *   beta), `reversible-reference` (needed by the closed form and, through
 *   "trap" priors whose low-quality state cannot reach the best one
 *   directly, by the quality claims), `full-support` (needed by strictness
 *   only). Degree of failure: TV between the stationary law and the closed
 *   form, with s != 0 and along near-reversible priors.
 * - Slots (`assume`): n, reference, potential, interaction, reward, beta;
 *   the uniform-prior claim pins its reference.
 *
 * Implementation details
 * Strictness and full support: the variance argument (d/d(1/beta) of a
 * tilted mean is 2 Var) gives strict monotonicity unless g(x,y) =
 * (Phi(x) + Phi(y))/2 is constant on the edges of C. On a bipartite support
 * that happens with Phi non-constant (C = [[0, 1], [1, 0]]: mu = (1/2, 1/2)
 * at every beta while Phi = (0, 1)), so strictness is checked on priors with
 * q > 0 (self-loops), and its ablation exhibits the bipartite
 * counterexamples; the non-strict claims hold on sparse priors too, with
 * equality exactly when g is constant on the edges. The closed forms are
 * exact (w rational, P by `ebmKernel`, mu by GTH: support/exactChainChecks.ts);
 * the quality claims are decided in interval arithmetic through
 * G = max Phi - E_mu[Phi] (support/stationaryQuality.ts), the equality case
 * exactly. beta2 = beta (1 + k/8), k in 1..24. Certificate claims:
 * support/qualityClaims.ts.
 */
import fc from 'fast-check';
import { ZERO } from '../src/arith/rational.js';
import { lt, mul } from '../src/certificate/build.js';
import { differentiate } from '../src/symbolic/index.js';
import { drawnFrom, slotLaboratory, specs, theoremModule } from '../src/runner/kit/index.js';
import { fail, pass, type IdentitySpec, type Theorem } from '../src/runner/theorem.js';
import { stationaryLawClaim } from './support/chainClaim.js';
import {
  CLOSED_FORM_DEFECT,
  closedFormDefect,
  epsLadderDegrees,
  noInteractionClosedForm,
} from './support/exactChainChecks.js';
import { cw, monotoneClaim, qualityComparison, softmaxOfPower, stationaryLawIs } from './support/qualityClaims.js';
import {
  bipartiteChains,
  noInteraction,
  qualityFamilies,
  symmetricInteractions,
  trapChains,
  withSecondBeta,
} from './support/qualityInstances.js';
import type { QualityInstance, QualityReference } from './support/qualityInstances.js';
import {
  CHAIN_STATES,
  describeInstance,
  exactValue,
  potentialIsConstant,
  responseChains,
} from './support/responseChain.js';
import {
  EDGE_MEAN,
  EDGE_SECOND_MOMENT,
  NO_INTERACTION_CHAIN,
  QUALITY_MEAN,
  QUALITY_VARIABLES,
  STATES,
  UNIFORM_CHAIN,
  sym,
} from './support/responseChainIdentities.js';
import { edgeSumConstant, monotoneVerdict } from './support/stationaryQuality.js';

// ---------------------------------------------------------------- statement

const statement = {
  text:
    'Under A1 with s = 0 and A2, the stationary law of the response chain is mu(x) proportional to w(x) (C ' +
    'w)(x), w = exp(Phi/beta). ' +
    'Then E_mu[Phi] >= E_rho[Phi] (rho normalized), and E_mu[Phi] is non-increasing in beta, strictly unless Phi ' +
    'is constant ' +
    '(with q > 0, A3; in general unless Phi(x) + Phi(y) is constant on the edges of C). If q(y|x) = 1/n, mu = ' +
    'softmax(Phi/beta) exactly.',
  latex:
    '\\mu(x) \\propto w(x)\\,(Cw)(x),\\quad \\mathbb{E}_\\mu[\\Phi] \\ge \\mathbb{E}_\\rho[\\Phi],\\quad ' +
    '\\frac{d}{d(1/\\beta)}\\,\\mathbb{E}_\\mu[\\Phi] = 2\\,\\mathrm{Var}_{\\tilde C}(g) \\ge 0,\\quad ' +
    'q \\equiv 1/n \\Rightarrow \\mu = \\mathrm{softmax}(\\Phi/\\beta)',
};

const source =
  '"This yields monotonic KL convergence to a high-quality stationary distribution, bounded hitting times to superior states, and exponential mixing governed by the spectral gap."';

// ---------------------------------------------------------------- instances

const REVERSIBLE_PRIORS: readonly QualityReference[] = ['reversible', 'reversibleSparse', 'symmetric', 'uniform'];
const closedFormChains = withSecondBeta(noInteraction('weights', REVERSIBLE_PRIORS));
const uniformChains = withSecondBeta(noInteraction('weights', ['uniform']));
/** Quality claims without full support: sparse priors included, both forms of Phi. */
const qualityChains = withSecondBeta(
  fc.oneof(noInteraction('values', REVERSIBLE_PRIORS), noInteraction('weights', ['reversible', 'reversibleSparse'])),
);
/** Strictness: priors with q > 0. */
const positiveChains = withSecondBeta(
  fc.oneof(noInteraction('values', ['reversible', 'symmetric', 'uniform']), noInteraction('weights', ['reversible'])),
);

const exact = specs<QualityInstance>({ mode: 'exact', describe: describeInstance });
const interval = specs<QualityInstance>({ mode: 'interval', describe: describeInstance });

// ---------------------------------------------------------------- assumptions

const CLOSED_FORM_DEGREE = { name: 'closed-form-defect', measure: CLOSED_FORM_DEFECT, defect: closedFormDefect };
const threeOrMore = (reference: 'nonReversible' | { nearReversible: string }) =>
  withSecondBeta(responseChains({ n: { min: 3, max: 5 }, reference, potential: 'weights', interaction: 'none' }));

const assumptions = [
  exact.assumption(
    'no-interaction',
    'r(x,y) = Phi(y) + c(x): no interaction. Violated by a symmetric interaction s != 0 (T2 still holds): the ' +
      'closed form becomes w(x) sum_y C(x,y) v(x,y) w(y), and an interaction favouring low-Phi pairs lowers ' +
      'E_mu[Phi] or makes it grow with beta.',
    {
      needed: true,
      violate: symmetricInteractions,
      properties: [
        'stationary-closed-form',
        'uniform-reference-softmax',
        'quality-above-reference',
        'quality-non-increasing-in-beta',
        'quality-strictly-decreasing-in-beta',
      ],
      degree: {
        ...CLOSED_FORM_DEGREE,
        levels: [{ label: 'symmetric interaction s != 0', arbitrary: symmetricInteractions }],
      },
      formerNames: ['A1-no-interaction'],
    },
  ),
  exact.assumption(
    'reversible-reference',
    'q reversible: rho(x) q(y|x) = rho(y) q(x|y). Violated by circulations (the closed form fails) and by trap ' +
      'priors (the quality claims fail too; rho := the stationary law of q).',
    {
      needed: true,
      violate: fc.oneof(threeOrMore('nonReversible'), trapChains),
      properties: [
        'stationary-closed-form',
        'quality-above-reference',
        'quality-non-increasing-in-beta',
        'quality-strictly-decreasing-in-beta',
      ],
      degree: {
        ...CLOSED_FORM_DEGREE,
        measure: `${CLOSED_FORM_DEFECT}; near-reversible priors: a reversible prior plus a circulation of relative size eps`,
        levels: ['1/1000', '1/100', '1/10', '1/2'].map((eps) => ({
          label: `eps = ${eps}`,
          arbitrary: threeOrMore({ nearReversible: eps }),
        })),
      },
      formerNames: ['A2'],
    },
  ),
  exact.assumption(
    'full-support',
    'q(y|x) > 0 for all x, y, needed by the strictness claim only: on a bipartite support (a tree without ' +
      'self-loops) with Phi = a on one side and b on the other, mu = rho at every beta although Phi is not ' +
      'constant.',
    {
      needed: true,
      violate: bipartiteChains,
      properties: ['quality-strictly-decreasing-in-beta'],
      formerNames: ['A3'],
    },
  ),
];

// ---------------------------------------------------------------- identities

const pairs = STATES.flatMap((x) => STATES.map((y) => [x, y] as const));
const conductances = pairs.map(([x, y]) => sym('C', x, y)).join(' + ');

const identities: IdentitySpec[] = [
  {
    name: 'closed-form-s0-n3',
    description: 'with s = 0, T2 closed form rho(x) w(x) Z_Phi(x) = w(x) (C w)(x), x = 1, n = 3',
    lhs: 'rho1*w1*Z1',
    rhs: 'w1*Cw1',
    ...NO_INTERACTION_CHAIN,
  },
  {
    name: 'closed-form-stationarity-n3',
    description: '(mu P)(1) = mu(1) for mu = w (C w), P(x,y) = q(y|x) w(y) / Z_Phi(x), q = C / rho, n = 3',
    lhs: 'mu1*P11 + mu2*P21 + mu3*P31',
    rhs: 'mu1',
    ...NO_INTERACTION_CHAIN,
  },
  {
    name: 'uniform-softmax-n3',
    description: 'q = 1/3: w P = w, so mu = w / sum w = softmax(Phi/beta), n = 3',
    lhs: 'w1*P11 + w2*P21 + w3*P31',
    rhs: 'w1',
    ...UNIFORM_CHAIN,
  },
  {
    name: 'untilted-edge-mean-n3',
    description: 'at beta = infinity the edge mean of g = (Phi(x) + Phi(y))/2 under C is E_rho[Phi], n = 3',
    lhs: `(${pairs.map(([x, y]) => `${sym('C', x, y)}*(Phi${x} + Phi${y})/2`).join(' + ')})/(${conductances})`,
    rhs: `(${STATES.map((x) => `rho${x}*Phi${x}`).join(' + ')})/(rho1 + rho2 + rho3)`,
    variables: { ...NO_INTERACTION_CHAIN.variables, Phi1: 'real', Phi2: 'real', Phi3: 'real' },
    substitutions: NO_INTERACTION_CHAIN.substitutions,
  },
  {
    name: 'quality-edge-representation-n2',
    description:
      'E_mu[Phi] is the mean of g = (Phi(x) + Phi(y))/2 under the edge measure C tilted by exp(2 theta g), theta ' +
      '= 1/beta, n = 2',
    lhs: QUALITY_MEAN,
    rhs: EDGE_MEAN,
    variables: QUALITY_VARIABLES,
  },
  {
    name: 'quality-derivative-n2',
    description:
      'd/dtheta E_mu[Phi] = 2 Var(g) under the tilted edge measure (derivative by nerdamer, certified), theta = ' +
      '1/beta, n = 2',
    lhs: differentiate(QUALITY_MEAN, 'theta'),
    rhs: `2*(${EDGE_SECOND_MOMENT} - (${EDGE_MEAN})^2)`,
    variables: QUALITY_VARIABLES,
  },
];

// ---------------------------------------------------------------- properties

const properties = [
  exact.property('stationary-closed-form', {
    claim: 'with s = 0 the stationary law of P (GTH) is mu(x) = w(x) (C w)(x) / sum',
    arbitrary: closedFormChains,
    check: stationaryLawIs(noInteractionClosedForm, (x) => `w(${x}) (C w)(${x}) / sum`, 'w (C w) / sum'),
    certify: stationaryLawClaim('mu = w (C w) / sum (mu: the stationary law of P, witnessed)', 'muClosed', (chain, x) =>
      mul(chain.w(x), cw(chain, x)),
    ),
  }),
  exact.property('uniform-reference-softmax', {
    claim: 'if q(y|x) = 1/n, the stationary law (GTH) is softmax(Phi/beta) = w / sum w exactly',
    ...softmaxOfPower(1, uniformChains),
  }),
  interval.property(
    'quality-above-reference',
    qualityComparison(
      'reference',
      true,
      qualityChains,
      ' (rho normalized; equality exactly when Phi(x) + Phi(y) is constant on the edges of C)',
    ),
  ),
  interval.property(
    'quality-non-increasing-in-beta',
    qualityComparison(
      'temperature',
      true,
      qualityChains,
      ' (equality exactly when Phi(x) + Phi(y) is constant on the edges of C)',
    ),
  ),
  interval.property('quality-strictly-decreasing-in-beta', {
    claim: 'beta1 < beta2 and Phi not constant imply E_mu(beta1)[Phi] > E_mu(beta2)[Phi]',
    arbitrary: positiveChains,
    check: (instance) => {
      // premise false: Phi constant, E_mu[Phi] = Phi at every beta
      if (potentialIsConstant(instance.potential)) return pass(Number.POSITIVE_INFINITY);
      if (!edgeSumConstant(instance)) return monotoneVerdict(instance, 'decreasing', true);
      return fail(
        'Phi is not constant, yet E_mu[Phi] = E_rho[Phi] at every beta: Phi(x) + Phi(y) is constant on the edges ' +
          'of C (mu = rho)',
        {
          'E_mu(beta1)[Phi] - E_mu(beta2)[Phi]': exactValue(ZERO),
        },
      );
    },
    certify: monotoneClaim(
      'Phi not constant implies E_mu(beta)[Phi] > E_mu(beta2)[Phi] (beta < beta2): not the equality case, and ' +
        'G(beta) < G(beta2)',
      true,
      lt,
    ),
  }),
];

// ---------------------------------------------------------------- mutants

const mutants = [
  interval.mutant(
    'quality-non-decreasing-in-beta',
    qualityComparison('temperature', false, positiveChains),
    'sign flipped',
  ),
  interval.mutant(
    'quality-below-reference',
    qualityComparison('reference', false, positiveChains),
    'inequality reversed',
  ),
  exact.mutant(
    'stationary-proportional-to-w',
    {
      claim: 'with s = 0 the stationary law is w / sum w for every reversible prior',
      arbitrary: withSecondBeta(
        responseChains({ n: CHAIN_STATES, reference: 'reversible', potential: 'weights', interaction: 'none' }),
      ),
      check: stationaryLawIs(
        ({ w }) => w,
        (x) => `w(${x}) / sum w`,
        'w / sum w',
        false,
      ),
      certify: stationaryLawClaim('mu = w / sum w (mu: the stationary law of P, witnessed)', 'wLaw', (chain, x) =>
        chain.w(x),
      ),
    },
    'the factor C w left out',
  ),
  exact.mutant(
    'softmax-squared',
    {
      claim: 'if q(y|x) = 1/n the stationary law is w^2 / sum w^2 = softmax(2 Phi/beta)',
      ...softmaxOfPower(2, uniformChains),
    },
    'the edge weight w(x) w(y) read as a law',
  ),
];

// ---------------------------------------------------------------- slots (assume)

const closedFormFamilies = qualityFamilies('weights', REVERSIBLE_PRIORS);
const qualityFamilyList = [
  ...qualityFamilies('values', REVERSIBLE_PRIORS),
  ...qualityFamilies('weights', ['reversible', 'reversibleSparse']),
];
const positiveFamilies = [
  ...qualityFamilies('values', ['reversible', 'symmetric', 'uniform']),
  ...qualityFamilies('weights', ['reversible']),
];

/** "strictly unless Phi is constant (with q > 0 ...)": with the prior replaced, checked as the implication it is. */
const FULL_SUPPORT = {
  text: 'q(y|x) > 0 for all x, y (A3)',
  slots: ['reference'],
  holds: (instance: QualityInstance) => instance.reference.q.every((row) => row.every((v) => v.n !== 0n && v.s > 0n)),
};

const [closedForm, uniformSoftmax, aboveReference, nonIncreasing, strictlyDecreasing] = properties;

const laboratory = slotLaboratory(
  [
    drawnFrom(closedForm!, closedFormFamilies),
    // the claim is about q(y|x) = 1/n: the reference is part of it, never replaced
    drawnFrom(uniformSoftmax!, qualityFamilies('weights', ['uniform'], ['reference'])),
    drawnFrom(aboveReference!, qualityFamilyList),
    drawnFrom(nonIncreasing!, qualityFamilyList),
    drawnFrom(strictlyDecreasing!, positiveFamilies, FULL_SUPPORT),
  ],
  epsLadderDegrees(CLOSED_FORM_DEGREE, closedFormFamilies),
);

export const T2q: Theorem = theoremModule(
  { id: 'T2q', title: 'High-quality stationary distribution', statement, source },
  { assumptions, identities, properties, mutants, ...laboratory },
);
