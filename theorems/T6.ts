/**
 * T6, RLVR is expected KL minimization toward the optimal reasoning
 * distribution.
 *
 * Prompts x with weights D(x), reference q(.|x), verifier r(x,y) in {0, 1},
 * correct set C_x, p0(x) = q(C_x|x). For every policy pi,
 *   J(pi) = E_x[E_pi r - beta KL(pi(.|x) || q(.|x))]
 *         = E_x[beta log Z(x)] - beta E_x[KL(pi(.|x) || pi*(.|x))],
 *   Z(x) = 1 - p0 + p0 e^{1/beta},
 * so maximizing J is minimizing the expected KL to pi*. The optimal reasoning
 * distribution has accuracy p* = p0 e^{1/beta} / Z, i.e.
 * logit p* = logit p0 + 1/beta (so p* > p0 when 0 < p0 < 1), and
 * KL(pi* || q) = kl(p* || p0) = p* / beta - log Z. (Claims from the paper's
 * abstract, formalized.)
 *
 * Main definitions
 * - `T6`: the theorem module (instances and shared predicates:
 *   ./support/rlvrGibbs.ts).
 *
 * Main statements
 * - Identities (certified): the objective identity for n = 3 with C = {1};
 *   kl(p* || p0) = p* / beta - log Z; KL(pi* || q) = kl(p* || p0) for n = 3
 *   with C = {1, 2}; logit p* = logit p0 + 1/beta.
 * - Properties: `objective-identity`, `kl-to-reference` (interval, equal to
 *   30 digits); `partition-and-accuracy`, `logit-shift`, `accuracy-increases`
 *   (exact).
 * - Assumptions: 0 < p0 < 1 (needed for p* > p0 only), beta > 0 (needed for
 *   p* > p0 only; the equalities hold for every beta != 0).
 *
 * Implementation details
 * Degenerate prompts: C_x takes every size 0..n, so p0 = 0 (no correct
 * response) and p0 = 1 (all correct) occur. There the reward is constant on
 * supp q, pi* = q and p* = p0 exactly; Z = 1 (p0 = 0) or e^{1/beta} (p0 = 1),
 * as the formula says; logit p0 = +-infinity and the logit relation reads
 * p* = p0; the strict p* > p0 needs 0 < p0 < 1.
 * Exactness: beta is never rational when e^{1/beta} is, so the exact
 * properties draw E = e^{1/beta} rational (beta = 1/log E). Then
 * pi*(y) = q(y) E^{r(y)} / Z is computed from its definition in exact
 * rationals, and Z = 1 - p0 + p0 E, p* = p0 E / Z and the odds relation
 * p* / (1 - p*) = E p0/(1 - p0) (the logit relation exponentiated) are decided
 * with no rounding at all. The identities with logs are decided in interval
 * arithmetic from the engine's J, KL and pi* (src/rlvr), beta drawn exactly or
 * as 1/log E, "equal to 30 digits": the enclosure of the difference contains
 * 0 and is narrower than 10^-30 (40 digits, doubled up to 640 while undecided).
 * Certificate claims (`certify`): the instance is D, q, r (1 on C, 0 on W), pi
 * and beta or E; e^{r/beta} (E^r, exact, when E is given), Z, pi*, the class
 * masses and J are definitions (support/rlvrGibbs.ts). 1 - p* and 1 - p0 are
 * the masses of W summed directly, so kl(p* || p0) of a prompt with p0 = 1 has
 * an exact zero term, as in the engine.
 */
import type { Interval, IntervalArithmetic } from '../src/arith/interval.js';
import { ONE, Rational } from '../src/arith/rational.js';
import { kl } from '../src/info/divergences.js';
import { fail, pass, type AssumptionSpec, type IdentitySpec, type PropertySpec, type Theorem } from '../src/runner/theorem.js';
import { EQUALITY_PRECISION } from '../src/runner/decideInIntervals.js';
import { expOneOverBeta } from '../properties/index.js';
import { add, and, div, eq, eq30, gt, implies, log, mul, not, num, ref, sub } from '../src/certificate/build.js';
import type { CertifiedClaim } from '../src/certificate/evaluateClaim.js';
import type { BoolExpr, NumExpr } from '../src/certificate/format.js';
import {
  bernoulliKlOf,
  betaOf,
  decideComparisons,
  describeRlvr,
  enclose,
  everyPrompt,
  exactOptimum,
  exactValues,
  expectation,
  interiorPrompt,
  klToOptimum,
  objectiveDefs,
  optimumDefs,
  overPrompts,
  promptObjective,
  promptOptimum,
  rlvrClaim,
  rlvrEveryPolicyFamilies,
  rlvrPolicyFamily,
  rlvrPolicyInstance,
  rowKl,
  supported,
  temperatureDefs,
  type Comparison,
  type RlvrPolicyInstance,
  type Temperature,
} from './support/rlvrGibbs.js';
import { slotLaboratory } from './support/slotLab.js';

/** E = e^{1/beta} of an exact-mode instance (drawn in the 'exp' form). */
function expOf(temperature: Temperature): Rational {
  if (temperature.form !== 'exp') throw new Error('exact T6 properties need the temperature as E = e^{1/beta}');
  return temperature.E;
}

const isInterior = (p0: Rational): boolean => p0.n !== 0n && !p0.equals(ONE);

// ---------------------------------------------------------------- certificate claims

/** J(pi) = E_x[beta log Z(x)] - beta E_x[KL(pi || pi*)], to 30 digits; `scale` multiplies log Z and the KL (beta, or nothing for the mutant). */
function objectiveClaim(instance: RlvrPolicyInstance, text: string, scale: (e: NumExpr) => NumExpr): CertifiedClaim {
  const n = instance.responses;
  const rhs = sub(overPrompts(scale(log(ref('Z', 'x')))), scale(overPrompts(rowKl('pi', 'piStar', n))));
  const defs = { ...temperatureDefs(instance), ...optimumDefs(instance), ...objectiveDefs(instance) };
  return rlvrClaim(instance, true, text, defs, eq30(ref('J'), rhs));
}
const timesBeta = (e: NumExpr): NumExpr => mul(ref('beta'), e);

/** For every prompt, each term equal to the next to 30 digits: KL(pi* || q) = ... . */
function klToReferenceClaim(instance: RlvrPolicyInstance, text: string, terms: readonly NumExpr[]): CertifiedClaim {
  const chain = terms.slice(1).map((term, k) => eq30(terms[k]!, term));
  return rlvrClaim(instance, false, text, { ...temperatureDefs(instance), ...optimumDefs(instance) }, everyPrompt(and(...chain)));
}
const klOptimumToReference = (instance: RlvrPolicyInstance): NumExpr => rowKl('piStar', 'q', instance.responses);
/** p* / beta -+ log Z at x. */
const closedFormKl = (sign: 1 | -1): NumExpr => (sign === 1 ? add : sub)(div(ref('pStar', 'x'), ref('beta')), log(ref('Z', 'x')));

/** An exact claim about pi* and q per prompt (E = e^{1/beta} given exactly). */
const exactClaim = (instance: RlvrPolicyInstance, text: string, body: BoolExpr): CertifiedClaim => rlvrClaim(instance, false, text, optimumDefs(instance), everyPrompt(body));

/** Z = closed form (1 - p0 + p0 E, or the mutant's p0 E), and with `accuracy` p* = p0 E / Z. */
function partitionClaim(instance: RlvrPolicyInstance, text: string, closedZ: NumExpr, accuracy: boolean): CertifiedClaim {
  const p0E = mul(ref('p0', 'x'), ref('E'));
  const partition = eq(ref('Z', 'x'), closedZ);
  return exactClaim(instance, text, accuracy ? and(partition, eq(ref('pStar', 'x'), div(p0E, ref('Z', 'x')))) : partition);
}

/**
 * The logit relation exponentiated, for 0 < p0 < 1: the odds p* / (1 - p*) equal shift(p0 / (1 - p0)) (E times
 * the odds, or the mutant's odds / E), with 1 - p* = pi*(W) summed directly; with `degenerate` also p* = p0 when
 * p0 is 0 or 1.
 */
function logitClaim(instance: RlvrPolicyInstance, text: string, shift: (odds: NumExpr) => NumExpr, degenerate: boolean): CertifiedClaim {
  const odds = div(ref('p0', 'x'), sub(num(1), ref('p0', 'x')));
  const interior = implies(interiorPrompt, eq(div(ref('pStar', 'x'), ref('wStar', 'x')), shift(odds)));
  return exactClaim(instance, text, degenerate ? and(interior, implies(not(interiorPrompt), eq(ref('pStar', 'x'), ref('p0', 'x')))) : interior);
}

// ---------------------------------------------------------------- interval properties

/** E_x[J_x(pi)] and E_x[beta log Z] - beta E_x[KL(pi || pi*)]. */
function objectiveSides(ar: IntervalArithmetic, instance: RlvrPolicyInstance, betaScale: boolean): { J: Interval; rhs: Interval } {
  const beta = betaOf(ar, instance.temperature);
  const objectives: Interval[] = [];
  const logZs: Interval[] = [];
  const kls: Interval[] = [];
  instance.prompts.forEach((p, i) => {
    const prompt = supported(ar, p);
    const optimum = promptOptimum(ar, prompt, beta);
    const pi = instance.policies[i]!.pi;
    objectives.push(promptObjective(ar, enclose(ar, pi), prompt, beta));
    logZs.push(optimum.logZ);
    kls.push(klToOptimum(ar, pi, optimum));
  });
  const expectedLogZ = expectation(ar, instance.prompts, logZs);
  const expectedKl = expectation(ar, instance.prompts, kls);
  const rhs = betaScale ? ar.sub(ar.mul(beta, expectedLogZ), ar.mul(beta, expectedKl)) : ar.sub(expectedLogZ, expectedKl);
  return { J: expectation(ar, instance.prompts, objectives), rhs };
}

const objectiveIdentity: PropertySpec<RlvrPolicyInstance> = {
  name: 'objective-identity',
  claim: 'J(pi) = E_x[E_pi r - beta KL(pi||q)] equals E_x[beta log Z(x)] - beta E_x[KL(pi||pi*)] (equal to 30 digits)',
  mode: 'interval',
  precision: EQUALITY_PRECISION,
  arbitrary: rlvrPolicyInstance(),
  describe: describeRlvr,
  certify: (instance) => objectiveClaim(instance, 'J(pi) = E_x[beta log Z(x)] - beta E_x[KL(pi||pi*)]', timesBeta),
  predicate: (instance) =>
    decideComparisons('J(pi) = E_x[beta log Z] - beta E_x[KL(pi||pi*)]', (ar) => {
      const { J, rhs } = objectiveSides(ar, instance, true);
      return [{ relation: 'equal', lhs: J, rhs, names: ['J(pi)', 'E[beta log Z] - beta E[KL(pi||pi*)]'] }];
    }),
};

/** Per prompt: KL(pi* || q), kl(p* || p0), p* / beta - log Z, and the mutants' kl(p0 || p*), p* / beta + log Z. */
function referenceDivergences(ar: IntervalArithmetic, instance: RlvrPolicyInstance) {
  const beta = betaOf(ar, instance.temperature);
  return instance.prompts.map((p) => {
    const prompt = supported(ar, p);
    const optimum = promptOptimum(ar, prompt, beta);
    const p0Law = enclose(ar, [p.p0, ONE.sub(p.p0)]);
    const pStarLaw = [optimum.pStar, optimum.pStarWrong];
    const pStarOverBeta = ar.div(optimum.pStar, beta);
    return {
      klToReference: kl(ar, optimum.policy, prompt.reference),
      bernoulli: kl(ar, pStarLaw, p0Law),
      reversedBernoulli: kl(ar, p0Law, pStarLaw),
      closedForm: ar.sub(pStarOverBeta, optimum.logZ),
      wrongSign: ar.add(pStarOverBeta, optimum.logZ),
    };
  });
}

const klToReference: PropertySpec<RlvrPolicyInstance> = {
  name: 'kl-to-reference',
  claim: 'KL(pi*||q) = kl(p*||p0) = p*/beta - log Z for every prompt (equal to 30 digits)',
  mode: 'interval',
  precision: EQUALITY_PRECISION,
  arbitrary: rlvrPolicyInstance({ kinds: ['reference'] }),
  describe: describeRlvr,
  certify: (instance) =>
    klToReferenceClaim(instance, 'KL(pi*||q) = kl(p*||p0) = p*/beta - log Z for every prompt', [
      klOptimumToReference(instance),
      bernoulliKlOf('piStar', 'q'),
      closedFormKl(-1),
    ]),
  predicate: (instance) =>
    decideComparisons('KL(pi*||q) = kl(p*||p0) = p*/beta - log Z', (ar) =>
      referenceDivergences(ar, instance).flatMap((d, x): Comparison[] => [
        { relation: 'equal', lhs: d.klToReference, rhs: d.bernoulli, names: [`KL(pi*||q) at prompt ${x}`, `kl(p*||p0) at prompt ${x}`] },
        { relation: 'equal', lhs: d.bernoulli, rhs: d.closedForm, names: [`kl(p*||p0) at prompt ${x}`, `p*/beta - log Z at prompt ${x}`] },
      ]),
    ),
};

// ---------------------------------------------------------------- exact properties

const exactArbitrary = rlvrPolicyInstance({ kinds: ['reference'], temperature: 'exp' });

const partitionAndAccuracy: PropertySpec<RlvrPolicyInstance> = {
  name: 'partition-and-accuracy',
  claim: 'Z = sum_y q(y) e^{r(y)/beta} = 1 - p0 + p0 e^{1/beta} and p* = pi*(C) = p0 e^{1/beta} / Z (exact, E = e^{1/beta} rational)',
  mode: 'exact',
  arbitrary: exactArbitrary,
  describe: describeRlvr,
  certify: (instance) =>
    partitionClaim(instance, 'Z = 1 - p0 + p0 E and p* = p0 E / Z for every prompt (E = e^{1/beta})', add(sub(num(1), ref('p0', 'x')), mul(ref('p0', 'x'), ref('E'))), true),
  predicate: (instance) => {
    const E = expOf(instance.temperature);
    for (const [x, p] of instance.prompts.entries()) {
      const optimum = exactOptimum(p, E);
      const closedZ = ONE.sub(p.p0).add(p.p0.mul(E));
      if (!optimum.Z.equals(closedZ)) return fail(`Z != 1 - p0 + p0 e^{1/beta} at prompt ${x}`, exactValues(['Z', '1 - p0 + p0 E'], optimum.Z, closedZ));
      const closedP = p.p0.mul(E).div(closedZ);
      if (!optimum.pStar.equals(closedP)) return fail(`p* != p0 e^{1/beta} / Z at prompt ${x}`, exactValues(['pi*(C)', 'p0 E / Z'], optimum.pStar, closedP));
    }
    return pass(0);
  },
};

const logitShift: PropertySpec<RlvrPolicyInstance> = {
  name: 'logit-shift',
  claim: 'logit p* = logit p0 + 1/beta, i.e. p*/(1-p*) = e^{1/beta} p0/(1-p0) when 0 < p0 < 1; p* = p0 when p0 in {0, 1} (exact)',
  mode: 'exact',
  arbitrary: exactArbitrary,
  describe: describeRlvr,
  certify: (instance) => logitClaim(instance, 'p*/(1-p*) = E p0/(1-p0) when 0 < p0 < 1, p* = p0 otherwise, for every prompt (E = e^{1/beta})', (odds) => mul(ref('E'), odds), true),
  predicate: (instance) => {
    const E = expOf(instance.temperature);
    for (const [x, p] of instance.prompts.entries()) {
      const optimum = exactOptimum(p, E);
      if (!isInterior(p.p0)) {
        if (!optimum.pStar.equals(p.p0)) return fail(`p* != p0 at the degenerate prompt ${x}`, exactValues(['p*', 'p0'], optimum.pStar, p.p0));
        continue;
      }
      const oddsStar = optimum.pStar.div(optimum.pStarWrong);
      const shifted = E.mul(p.p0).div(ONE.sub(p.p0));
      if (!oddsStar.equals(shifted)) return fail(`odds(p*) != e^{1/beta} odds(p0) at prompt ${x}`, exactValues(['p*/(1-p*)', 'E p0/(1-p0)'], oddsStar, shifted));
    }
    return pass(0);
  },
};

const accuracyIncreases: PropertySpec<RlvrPolicyInstance> = {
  name: 'accuracy-increases',
  claim: 'p* > p0 for every prompt with 0 < p0 < 1 (exact, E = e^{1/beta} > 1 rational)',
  mode: 'exact',
  arbitrary: rlvrPolicyInstance({ kinds: ['reference'], temperature: 'exp', degenerate: false }),
  describe: describeRlvr,
  // As the predicate, on every prompt: 0 < p0 < 1 is the arbitrary's (and the assumption's), not the claim's.
  certify: (instance) => exactClaim(instance, 'p* > p0 for every prompt (E = e^{1/beta})', gt(ref('pStar', 'x'), ref('p0', 'x'))),
  predicate: (instance) => {
    const E = expOf(instance.temperature);
    let margin = Number.POSITIVE_INFINITY;
    for (const [x, p] of instance.prompts.entries()) {
      const { pStar } = exactOptimum(p, E);
      if (!pStar.gt(p.p0)) return fail(`p* <= p0 at prompt ${x}`, exactValues(['p*', 'p0'], pStar, p.p0));
      margin = Math.min(margin, pStar.sub(p.p0).valueOf());
    }
    return pass(margin);
  },
};

// ---------------------------------------------------------------- mutants

const logitSignFlipped: PropertySpec<RlvrPolicyInstance> = {
  name: 'logit-sign-flipped',
  claim: 'logit p* = logit p0 - 1/beta, i.e. p*/(1-p*) = p0/((1-p0) e^{1/beta}) (sign of the shift flipped)',
  mode: 'exact',
  arbitrary: exactArbitrary,
  describe: describeRlvr,
  certify: (instance) => logitClaim(instance, 'p*/(1-p*) = p0/((1-p0) E) when 0 < p0 < 1, for every prompt (E = e^{1/beta})', (odds) => div(odds, ref('E')), false),
  predicate: (instance) => {
    const E = expOf(instance.temperature);
    for (const [x, p] of instance.prompts.entries()) {
      if (!isInterior(p.p0)) continue;
      const optimum = exactOptimum(p, E);
      const oddsStar = optimum.pStar.div(optimum.pStarWrong);
      const shifted = p.p0.div(ONE.sub(p.p0).mul(E));
      if (!oddsStar.equals(shifted)) return fail(`odds(p*) != odds(p0) / e^{1/beta} at prompt ${x}`, exactValues(['p*/(1-p*)', 'p0/((1-p0) E)'], oddsStar, shifted));
    }
    return pass(0);
  },
};

const partitionMissingTerm: PropertySpec<RlvrPolicyInstance> = {
  name: 'partition-missing-term',
  claim: 'Z = p0 e^{1/beta} (the 1 - p0 term missing)',
  mode: 'exact',
  arbitrary: exactArbitrary,
  describe: describeRlvr,
  certify: (instance) => partitionClaim(instance, 'Z = p0 E for every prompt (E = e^{1/beta})', mul(ref('p0', 'x'), ref('E')), false),
  predicate: (instance) => {
    const E = expOf(instance.temperature);
    for (const [x, p] of instance.prompts.entries()) {
      const { Z } = exactOptimum(p, E);
      const wrong = p.p0.mul(E);
      if (!Z.equals(wrong)) return fail(`Z != p0 e^{1/beta} at prompt ${x}`, exactValues(['Z', 'p0 E'], Z, wrong));
    }
    return pass(0);
  },
};

const bernoulliKlReversed: PropertySpec<RlvrPolicyInstance> = {
  name: 'bernoulli-kl-reversed',
  claim: 'KL(pi*||q) = kl(p0||p*) (Bernoulli KL arguments reversed)',
  mode: 'interval',
  arbitrary: klToReference.arbitrary,
  describe: describeRlvr,
  certify: (instance) => klToReferenceClaim(instance, 'KL(pi*||q) = kl(p0||p*) for every prompt', [klOptimumToReference(instance), bernoulliKlOf('q', 'piStar')]),
  predicate: (instance) =>
    decideComparisons('KL(pi*||q) = kl(p0||p*)', (ar) =>
      referenceDivergences(ar, instance).map((d, x): Comparison => ({
        relation: 'equal',
        lhs: d.klToReference,
        rhs: d.reversedBernoulli,
        names: [`KL(pi*||q) at prompt ${x}`, `kl(p0||p*) at prompt ${x}`],
      })),
    ),
};

const klToReferenceSign: PropertySpec<RlvrPolicyInstance> = {
  name: 'kl-to-reference-sign',
  claim: 'KL(pi*||q) = p*/beta + log Z (sign of log Z flipped)',
  mode: 'interval',
  arbitrary: klToReference.arbitrary,
  describe: describeRlvr,
  certify: (instance) => klToReferenceClaim(instance, 'KL(pi*||q) = p*/beta + log Z for every prompt', [klOptimumToReference(instance), closedFormKl(1)]),
  predicate: (instance) =>
    decideComparisons('KL(pi*||q) = p*/beta + log Z', (ar) =>
      referenceDivergences(ar, instance).map((d, x): Comparison => ({
        relation: 'equal',
        lhs: d.klToReference,
        rhs: d.wrongSign,
        names: [`KL(pi*||q) at prompt ${x}`, `p*/beta + log Z at prompt ${x}`],
      })),
    ),
};

const objectiveWithoutBeta: PropertySpec<RlvrPolicyInstance> = {
  name: 'objective-without-beta',
  claim: 'J(pi) = E_x[log Z(x)] - E_x[KL(pi||pi*)] (factor beta dropped)',
  mode: 'interval',
  arbitrary: objectiveIdentity.arbitrary,
  describe: describeRlvr,
  certify: (instance) => objectiveClaim(instance, 'J(pi) = E_x[log Z(x)] - E_x[KL(pi||pi*)]', (e) => e),
  predicate: (instance) =>
    decideComparisons('J(pi) = E_x[log Z] - E_x[KL(pi||pi*)]', (ar) => {
      const { J, rhs } = objectiveSides(ar, instance, false);
      return [{ relation: 'equal', lhs: J, rhs, names: ['J(pi)', 'E[log Z] - E[KL(pi||pi*)]'] }];
    }),
};

// ---------------------------------------------------------------- identities

const identities: IdentitySpec[] = [
  {
    name: 'rlvr-objective-n3',
    description: 'n = 3, C = {1}: p1 - beta KL(p||q) = beta log Z - beta KL(p||pi*), Z = 1 - p0 + p0 e^{1/beta}, p0 = q1',
    lhs: 'p1 - beta*(p1*log(p1/q1) + p2*log(p2/q2) + p3*log(p3/q3))',
    rhs: 'beta*log(Z) - beta*(p1*log(p1/s1) + p2*log(p2/s2) + p3*log(p3/s3))',
    variables: {
      p1: 'probability',
      p2: 'probability',
      p3: 'probability',
      q1: 'probability',
      q2: 'probability',
      q3: 'probability',
      beta: 'positive',
      Z: 'positive',
      s1: 'probability',
      s2: 'probability',
      s3: 'probability',
    },
    substitutions: { p3: '1 - p1 - p2', q3: '1 - q1 - q2', Z: '1 - q1 + q1*exp(1/beta)', s1: 'q1*exp(1/beta)/Z', s2: 'q2/Z', s3: 'q3/Z' },
  },
  {
    name: 'bernoulli-kl-closed-form',
    description: 'kl(p*||p0) = p*/beta - log Z with p* = p0 e^{1/beta}/Z, 1 - p* = (1 - p0)/Z',
    lhs: 'pS*log(pS/p0) + wS*log(wS/w0)',
    rhs: 'pS/beta - log(Z)',
    variables: { p0: 'probability', w0: 'probability', beta: 'positive', Z: 'positive', pS: 'probability', wS: 'probability' },
    substitutions: { w0: '1 - p0', Z: 'w0 + p0*exp(1/beta)', pS: 'p0*exp(1/beta)/Z', wS: 'w0/Z' },
  },
  {
    name: 'kl-to-reference-n3',
    description: 'n = 3, C = {1, 2}: KL(pi*||q) = kl(p*||p0)',
    lhs: 's1*log(s1/q1) + s2*log(s2/q2) + s3*log(s3/q3)',
    rhs: 'pS*log(pS/p0) + wS*log(wS/w0)',
    variables: {
      q1: 'probability',
      q2: 'probability',
      q3: 'probability',
      p0: 'probability',
      w0: 'probability',
      beta: 'positive',
      Z: 'positive',
      pS: 'probability',
      wS: 'probability',
      s1: 'probability',
      s2: 'probability',
      s3: 'probability',
    },
    substitutions: {
      q3: '1 - q1 - q2',
      p0: 'q1 + q2',
      w0: 'q3',
      Z: 'w0 + p0*exp(1/beta)',
      pS: 'p0*exp(1/beta)/Z',
      wS: 'w0/Z',
      s1: 'q1*exp(1/beta)/Z',
      s2: 'q2*exp(1/beta)/Z',
      s3: 'q3/Z',
    },
  },
  {
    name: 'logit-shift',
    description: 'logit p* = logit p0 + 1/beta',
    lhs: 'log(pS/wS)',
    rhs: 'log(p0/w0) + 1/beta',
    variables: { p0: 'probability', w0: 'probability', beta: 'positive', Z: 'positive', pS: 'probability', wS: 'probability' },
    substitutions: { w0: '1 - p0', Z: 'w0 + p0*exp(1/beta)', pS: 'p0*exp(1/beta)/Z', wS: 'w0/Z' },
  },
];

// ---------------------------------------------------------------- assumptions

const assumptions: AssumptionSpec<RlvrPolicyInstance>[] = [
  {
    id: 'interior-accuracy',
    text: '0 < p0(x) < 1 (a correct and a wrong response in supp q), needed for p* > p0: for p0 in {0, 1} the reward is constant on supp q, pi* = q and p* = p0.',
    needed: true,
    violate: rlvrPolicyInstance({ kinds: ['reference'], temperature: 'exp', degenerate: true }),
    properties: ['accuracy-increases'],
  },
  {
    id: 'beta-positive',
    text: 'beta > 0 (E = e^{1/beta} > 1), needed for p* > p0: for beta < 0 the same closed forms give p* < p0.',
    needed: true,
    violate: rlvrPolicyInstance({
      kinds: ['reference'],
      degenerate: false,
      temperatures: expOneOverBeta().map((E) => ({ form: 'exp' as const, E: ONE.div(E) })),
    }),
    properties: ['accuracy-increases'],
  },
];

export const T6: Theorem = {
  id: 'T6',
  title: 'RLVR is expected KL minimization toward the optimal reasoning distribution',
  statement: {
    text:
      'J(pi) = E_{x~D}[E_pi r - beta KL(pi(.|x) || q(.|x))] = E_x[beta log Z(x)] - beta E_x[KL(pi(.|x) || pi*(.|x))], Z(x) = 1 - p0 + p0 e^{1/beta}. ' +
      'The optimal reasoning distribution pi* has accuracy p* = p0 e^{1/beta} / Z, i.e. logit p* = logit p0 + 1/beta (> p0 when 0 < p0 < 1), ' +
      'and KL(pi* || q) = kl(p* || p0) = p*/beta - log Z.',
    latex:
      'J(\\pi) = \\mathbb{E}_{x\\sim D}\\big[\\mathbb{E}_{\\pi} r - \\beta\\,\\mathrm{KL}(\\pi(\\cdot|x)\\,\\|\\,q(\\cdot|x))\\big] = \\mathbb{E}_x[\\beta\\log Z(x)] - \\beta\\,\\mathbb{E}_x\\big[\\mathrm{KL}(\\pi(\\cdot|x)\\,\\|\\,\\pi^*(\\cdot|x))\\big],\\quad ' +
      'Z = 1 - p_0 + p_0 e^{1/\\beta},\\quad p^* = \\frac{p_0 e^{1/\\beta}}{Z},\\ \\operatorname{logit} p^* = \\operatorname{logit} p_0 + \\tfrac{1}{\\beta},\\quad ' +
      '\\mathrm{KL}(\\pi^*\\,\\|\\,q) = \\mathrm{kl}(p^*\\,\\|\\,p_0) = \\tfrac{p^*}{\\beta} - \\log Z',
  },
  source:
    '"For reasoning models trained with verifiable rewards (RLVR), we show the objective is equivalent to expected KL minimization toward an optimal reasoning distribution, with the suboptimality gap reducing to the Bernoulli KL between target and current accuracies along the natural gradient flow."',
  assumptions,
  identities,
  properties: [objectiveIdentity, klToReference, partitionAndAccuracy, logitShift, accuracyIncreases],
  mutants: [logitSignFlipped, partitionMissingTerm, bernoulliKlReversed, klToReferenceSign, objectiveWithoutBeta],
  // Slots (`assume`): n, prompts, beta or expOneOverBeta, and start (pi for the objective identity, which holds for every pi).
  ...slotLaboratory([
    { spec: objectiveIdentity, families: rlvrEveryPolicyFamilies() },
    { spec: klToReference, families: [rlvrPolicyFamily({ temperature: 'beta' }), rlvrPolicyFamily({ temperature: 'exp' })] },
    { spec: partitionAndAccuracy, families: [rlvrPolicyFamily({ temperature: 'exp' })] },
    { spec: logitShift, families: [rlvrPolicyFamily({ temperature: 'exp' })] },
    // "p* > p0 when 0 < p0 < 1": with the prompts replaced, checked as the implication it is
    {
      spec: accuracyIncreases,
      families: [rlvrPolicyFamily({ temperature: 'exp', prompts: { degenerate: false } })],
      hypothesis: { text: '0 < p0 < 1 at every prompt', slots: ['prompts'], holds: (instance: RlvrPolicyInstance) => instance.prompts.every((p) => isInterior(p.p0)) },
    },
  ]),
};
