/**
 * T3: monotone KL convergence of a Markov chain to a stationary law, and the
 * chain rule behind it (docs/catalogue.md#t3; the claim itself is `statement`
 * below).
 *
 * Main definitions
 * - `T3`: the theorem module; its instances are `ChainRun`s
 *   (support/chainRuns.ts): a kernel P (positive, tuned, sparse tuned,
 *   periodic, reducible, identity), the law mu, a start, a step t and eps.
 *
 * Main statements
 * - Identities (certified): the chain rule for n = 2 and n = 3 (mu stationary
 *   by the Markov chain tree theorem), and "the reversed kernel is a law",
 *   n = 3, where stationarity enters.
 * - Properties: `kl-non-increasing`, `kl-strictly-decreasing`,
 *   `kl-tends-to-zero` (a quantitative decay bound, and KL <= eps at the step
 *   count T(eps) it gives), `chain-rule`; each mutant comes from the same
 *   template as the property it varies.
 * - Assumptions: `stationary-mu` (degree of failure `kl-increase`, the
 *   one-step rise of KL(nu_t || mu)), `stationary-mu-for-chain-rule` (not
 *   needed: the chain rule is an identity for every positive mu) and
 *   `positive-kernel`.
 * - Slots (`assume`): the tuned kernels P = pi* of T2 (n, reference,
 *   potential, interaction, reward, beta, chainStart); the other kernel
 *   families are not slot-built.
 *
 * Implementation details
 * Laws are exact (BigInt rationals); only logarithms are enclosed, in
 * intervals from 40 digits doubled up to 640 while undecided, so masses of
 * 10^-30 never produce a rounding artifact; equal divergences are decided
 * exactly (support/klConvergenceChecks.ts). The limit is quantitative: with k
 * the first power of P whose rows pairwise overlap and delta < 1 the Dobrushin
 * coefficient of P^k (src/markov/contraction.ts),
 * TV(nu_t, mu) <= delta^floor(t/k) TV(nu_0, mu) and
 * KL <= chi2 <= 2 TV^2 / mu_min, checked at t = 0..4 and at T(eps), eps = 10^-j,
 * j in 1..12. A kernel with no contracting power is refuted by an invariant
 * set (src/markov/invariantSet.ts). Certificate claims restate each claim over
 * P, nu0 and mu (support/klConvergenceClaims.ts).
 */
import type fc from 'fast-check';
import { drawnFrom, slotLaboratory, theoremModule } from '../src/runner/kit/index.js';
import { EQUALITY_PRECISION } from '../src/runner/decideInIntervals.js';
import type { IdentitySpec, Theorem } from '../src/runner/theorem.js';
import { ALL_FAMILIES, chainRuns, chainSpecs, NON_PRIMITIVE_FAMILIES, type ChainParts } from './support/chainRuns.js';
import { nonStationaryRuns, periodicKernels, positiveKernels, POSITIVE_FAMILIES } from './support/chainRuns.js';
import { tunedFamily, uniformOrAnyStart, type ChainRun } from './support/chainRuns.js';
import { chainRuleVerdict, klStepVerdict, limitVerdict } from './support/klConvergenceChecks.js';
import { KL_INCREASE, klIncrease } from './support/klConvergenceChecks.js';
import { chainRuleClaim, klStepClaim, limitClaim } from './support/klConvergenceClaims.js';

// ---------------------------------------------------------------- statement

const statement = {
  text:
    'For any stochastic P with mu P = mu and any start nu_0, nu_{t+1} = nu_t P: ' +
    'KL(nu_{t+1} || mu) <= KL(nu_t || mu). ' +
    'If every entry of P is positive, the inequality is strict unless nu_t = mu, and KL(nu_t || mu) -> 0 ' +
    '(quantitatively: KL(nu_t || mu) <= 2 delta^(2t) TV(nu_0, mu)^2 / mu_min ' +
    'with delta < 1 the Dobrushin coefficient of P). ' +
    'Chain rule: KL(nu || mu) = KL(nu P || mu) + E_{y ~ nu P} KL(nu~_y || mu~_y) with the reversed kernels ' +
    'nu~_y(x) = nu(x) P(x,y) / (nu P)(y), mu~_y(x) = mu(x) P(x,y) / mu(y).',
  latex:
    '\\mathrm{KL}(\\nu_{t+1}\\,\\|\\,\\mu) \\le \\mathrm{KL}(\\nu_t\\,\\|\\,\\mu),\\quad ' +
    '\\mathrm{KL}(\\nu\\,\\|\\,\\mu) = \\mathrm{KL}(\\nu P\\,\\|\\,\\mu) + ' +
    '\\mathbb{E}_{y\\sim\\nu P}\\,\\mathrm{KL}(\\tilde\\nu_y\\,\\|\\,\\tilde\\mu_y),\\quad ' +
    'P > 0 \\Rightarrow \\mathrm{KL}(\\nu_t\\,\\|\\,\\mu) \\le ' +
    '\\frac{2\\,\\delta(P)^{2t}\\,\\mathrm{TV}(\\nu_0,\\mu)^2}{\\mu_{\\min}} \\to 0',
};

const source =
  '"This yields monotonic KL convergence to a high-quality stationary distribution, ' +
  'bounded hitting times to superior states, and exponential mixing governed by the spectral gap."';

// ---------------------------------------------------------------- assumptions

const anyKernelRuns = chainRuns(ALL_FAMILIES);
const positiveKernelRuns = chainRuns(POSITIVE_FAMILIES);
const nonPrimitiveRuns = chainRuns(NON_PRIMITIVE_FAMILIES);
const notStationary = nonStationaryRuns(POSITIVE_FAMILIES);

const assumptions = [
  chainSpecs.assumption(
    'stationary-mu',
    'mu is stationary for P. Violated by a positive law mu that is not stationary: ' +
      'from nu_0 = mu the divergence rises at once, and nu_t tends to another law.',
    {
      needed: true,
      violate: notStationary,
      properties: ['kl-non-increasing', 'kl-strictly-decreasing', 'kl-tends-to-zero'],
      degree: {
        name: 'kl-increase',
        measure: KL_INCREASE,
        defect: klIncrease,
        levels: [{ label: 'mu not stationary', arbitrary: notStationary }],
      },
      formerNames: ['stationarity'],
    },
  ),
  chainSpecs.assumption(
    'stationary-mu-for-chain-rule',
    'The chain rule does not need stationarity: it is an algebraic identity for every positive mu ' +
      '(stationarity only makes each mu~_y a law, hence the drop >= 0).',
    {
      needed: false,
      violate: nonStationaryRuns([positiveKernels, periodicKernels]),
      properties: ['chain-rule'],
      formerNames: ['stationarity-chain-rule'],
    },
  ),
  chainSpecs.assumption(
    'positive-kernel',
    'Every entry of P is positive (A3 gives this for pi*), needed for strictness and the limit. ' +
      'Violated by periodic, reducible and identity kernels: KL can stay constant, ' +
      'and an invariant set keeps nu_t away from mu.',
    {
      needed: true,
      violate: nonPrimitiveRuns,
      properties: ['kl-strictly-decreasing', 'kl-tends-to-zero'],
      formerNames: ['positivity'],
    },
  ),
];

// ---------------------------------------------------------------- identities

/**
 * The chain rule on n states: P(x,n) = 1 - sum_{y<n} p_xy/n and nu(n) = 1 - sum m_x/n
 * (every entry in (0, 1) for p, m in (0, 1): polynomial side conditions, no
 * rejected points), mu stationary by the Markov chain tree theorem.
 */
function chainRuleIdentity(n: 2 | 3): IdentitySpec {
  const idx = Array.from({ length: n }, (_, i) => i + 1);
  const free = idx.slice(0, -1);
  const variables: Record<string, 'probability' | 'positive'> = {};
  const subs: Record<string, string> = {};
  for (const x of idx) for (const y of free) variables[`p${x}${y}`] = 'probability';
  for (const x of free) variables[`m${x}`] = 'probability';
  for (const x of idx) {
    for (const y of free) subs[`P${x}${y}`] = `p${x}${y}/${n}`;
    subs[`P${x}${n}`] = `1 - (${free.map((y) => `p${x}${y}`).join(' + ')})/${n}`;
    subs[`nu${x}`] = x < n ? `m${x}/${n}` : `1 - (${free.map((z) => `m${z}`).join(' + ')})/${n}`;
  }
  // the Markov chain tree theorem: k_x sums the weights of the spanning trees directed to x
  const trees =
    n === 2
      ? ['P21', 'P12']
      : ['P21*P31 + P23*P31 + P32*P21', 'P12*P32 + P13*P32 + P31*P12', 'P13*P23 + P12*P23 + P21*P13'];
  trees.forEach((tree, i) => (subs[`k${i + 1}`] = tree));
  for (const x of idx) subs[`mu${x}`] = `k${x}/(${idx.map((z) => `k${z}`).join(' + ')})`;
  for (const y of idx) subs[`nuP${y}`] = idx.map((x) => `nu${x}*P${x}${y}`).join(' + ');
  for (const name of Object.keys(subs)) variables[name] = 'positive';
  const klOfTerms = (p: (x: number) => string, q: (x: number) => string): string =>
    idx.map((x) => `${p(x)}*log(${p(x)}/${q(x)})`).join(' + ');
  const reversed = idx.map(
    (y) =>
      `nuP${y}*(${klOfTerms(
        (x) => `(nu${x}*P${x}${y}/nuP${y})`,
        (x) => `(mu${x}*P${x}${y}/mu${y})`,
      )})`,
  );
  return {
    name: `chain-rule-n${n}`,
    description: `KL(nu||mu) = KL(nu P||mu) + sum_y (nu P)(y) KL(nu~_y||mu~_y), mu stationary (tree theorem), n = ${n}`,
    lhs: klOfTerms(
      (x) => `nu${x}`,
      (x) => `mu${x}`,
    ),
    rhs: `${klOfTerms(
      (y) => `nuP${y}`,
      (y) => `mu${y}`,
    )} + ${reversed.join(' + ')}`,
    variables,
    substitutions: subs,
  };
}

const chainRuleN3 = chainRuleIdentity(3);

const identities: IdentitySpec[] = [
  chainRuleIdentity(2),
  chainRuleN3,
  {
    name: 'reversed-kernel-is-a-law-n3',
    description:
      'sum_x mu(x) P(x,2) / mu(2) = 1: with mu stationary the reversed kernel mu~_2 is a probability law, n = 3',
    lhs: 'mu1*P12/mu2 + mu2*P22/mu2 + mu3*P32/mu2',
    rhs: '1',
    variables: chainRuleN3.variables,
    substitutions: chainRuleN3.substitutions,
  },
];

// ---------------------------------------------------------------- properties

/** One step of KL to r = mu (or the uniform law u): non-increasing, or with `strict` decreasing unless nu_t = r. */
function klStep(
  claim: string,
  arbitrary: fc.Arbitrary<ChainRun>,
  strict: boolean,
  reference: 'mu' | 'u' = 'mu',
): ChainParts {
  return {
    claim,
    arbitrary,
    check: (run) => klStepVerdict(run, strict, reference),
    certify: (run) => klStepClaim(run, strict, reference),
  };
}

/** KL(nu_t || mu) below the decay bound (without `muMin`: no factor 1/mu_min), and <= eps at T(eps). */
function decayBound(claim: string, muMin: boolean): ChainParts {
  return {
    claim,
    arbitrary: positiveKernelRuns,
    check: (run) => limitVerdict(run, muMin),
    certify: (run) => limitClaim(run, muMin),
  };
}

/** The chain rule with the reversed-kernel term weighted by nu P, or by mu. */
function chainRule(claim: string, arbitrary: fc.Arbitrary<ChainRun>, weight: 'nuP' | 'mu'): ChainParts {
  const expectation = `KL(nu || mu) = KL(nu P || mu) + E_{y ~ ${weight === 'nuP' ? 'nu P' : 'mu'}} KL(nu~_y || mu~_y)`;
  return {
    claim,
    arbitrary,
    check: (run) => chainRuleVerdict(run, weight, expectation),
    certify: (run) => chainRuleClaim(run, weight),
  };
}

const KL_STEP = 'KL(nu_{t+1} || mu) <= KL(nu_t || mu)';
const STRICT_STEP = 'KL(nu_{t+1} || mu) < KL(nu_t || mu) unless nu_t = mu';
const DECAY = 'KL(nu_t || mu) <= 2 delta^(2 floor(t/k)) TV(nu_0, mu)^2';

const properties = [
  chainSpecs.property(
    'kl-non-increasing',
    klStep(
      `${KL_STEP} for every stochastic P with mu P = mu ` +
        '(positive, tuned, sparse, periodic, reducible and identity kernels) and every start',
      anyKernelRuns,
      false,
    ),
  ),
  chainSpecs.property(
    'kl-strictly-decreasing',
    klStep(`if every entry of P is positive: ${STRICT_STEP}`, positiveKernelRuns, true),
  ),
  chainSpecs.property(
    'kl-tends-to-zero',
    decayBound(
      `if every entry of P is positive: ${DECAY} / mu_min for t = 0..4 ` +
        '(delta = Dobrushin coefficient of P^k < 1, so KL -> 0), and KL(nu_T || mu) <= eps = 10^-j ' +
        'at the step count T(eps) where that bound drops below eps (checked when T(eps) <= 2000)',
      true,
    ),
  ),
  chainSpecs.property('chain-rule', {
    ...chainRule(
      'KL(nu || mu) = KL(nu P || mu) + sum_y (nu P)(y) KL(nu~_y || mu~_y) for nu = nu_t ' +
        '(equal to 30 digits; an identity for every positive mu)',
      anyKernelRuns,
      'nuP',
    ),
    precision: EQUALITY_PRECISION,
  }),
];

// ---------------------------------------------------------------- mutants

const mutants = [
  chainSpecs.mutant(
    'strict-for-every-stationary-kernel',
    klStep(`${STRICT_STEP}, for every P with mu P = mu`, nonPrimitiveRuns, true),
    'identity, periodic and reducible kernels included',
  ),
  chainSpecs.mutant(
    'kl-to-uniform-non-increasing',
    klStep('KL(nu_{t+1} || u) <= KL(nu_t || u)', chainRuns([positiveKernels], uniformOrAnyStart), false, 'u'),
    'the uniform law u in place of the stationary mu',
  ),
  chainSpecs.mutant('decay-bound-without-mu-min', decayBound(DECAY, false), 'the factor 1/mu_min dropped'),
  chainSpecs.mutant(
    'chain-rule-weighted-by-mu',
    chainRule('KL(nu || mu) = KL(nu P || mu) + sum_y mu(y) KL(nu~_y || mu~_y)', positiveKernelRuns, 'mu'),
    'expectation under mu instead of nu P',
  ),
];

// ---------------------------------------------------------------- slots (assume)

const [nonIncreasing, strictlyDecreasing, tendsToZero, rule] = properties;
const [tuned, tunedSparse] = [tunedFamily('reversible'), tunedFamily('reversibleSparse')];

const laboratory = slotLaboratory([
  drawnFrom(nonIncreasing!, [tuned, tunedSparse]),
  drawnFrom(strictlyDecreasing!, [tuned]),
  drawnFrom(tendsToZero!, [tuned]),
  drawnFrom(rule!, [tuned, tunedSparse]),
]);

export const T3: Theorem = theoremModule(
  { id: 'T3', title: 'Monotone KL convergence', statement, source },
  { assumptions, identities, properties, mutants, ...laboratory },
);
