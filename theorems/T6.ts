/**
 * T6: RLVR as expected KL minimization toward the optimal reasoning
 * distribution pi*, and pi*'s accuracy p* (docs/catalogue.md#t6; the claim
 * itself is `statement` below).
 *
 * Main definitions
 * - `T6`: the theorem module; its instances are `RlvrPolicyInstance`s
 *   (support/rlvrInstances.ts): prompts with weights D(x), q(.|x), the correct
 *   set C_x and p0(x) = q(C_x|x), a temperature, and a policy per prompt.
 *
 * Main statements
 * - Identities (certified): the objective identity and KL(pi* || q) =
 *   kl(p* || p0) for n = 3; kl(p* || p0)'s closed form; the logit shift.
 * - Properties: `objective-identity`, `kl-to-reference` (interval);
 *   `partition-and-accuracy`, `logit-shift`, `accuracy-increases` (exact).
 *   Mutants come from the same templates (`objective`, `klChain`,
 *   `partition`, `logitShift`) with a sign, factor, term or KL order changed.
 * - Assumptions: `interior-accuracy`, `beta-positive`, each needed for
 *   p* > p0 only. Slots (`assume`): n, prompts, beta or expOneOverBeta, start.
 *
 * Implementation details
 * C_x takes every size 0..n, so p0 in {0, 1} occurs: there pi* = q and
 * p* = p0 exactly. beta is never rational when e^{1/beta} is, so the exact
 * properties draw E = e^{1/beta} rational and decide the partition, p* and
 * the odds relation (the logit shift exponentiated) in exact rationals from
 * pi*'s definition. The identities with logs are decided in intervals
 * (`decideComparisons`, equal to 30 digits, 40 digits doubled up to 640) from
 * the engine's J, KL and pi* (support/rlvrChecks.ts). Certificate claims use
 * the definitions of support/rlvrClaims.ts.
 */
import { ONE, type Rational } from '../src/arith/rational.js';
import { add, and, div, eq, eq30, gt, implies, log, mul, not, num, ref, sub } from '../src/certificate/build.js';
import type { CertifiedClaim } from '../src/certificate/evaluateClaim.js';
import type { BoolExpr, NumExpr } from '../src/certificate/format.js';
import { decideComparisons, type Comparison } from '../src/runner/decideComparisons.js';
import { EQUALITY_PRECISION } from '../src/runner/decideInIntervals.js';
import { drawnFrom, slotLaboratory, theoremModule, variables } from '../src/runner/kit/index.js';
import { fail, type IdentitySpec, type Theorem } from '../src/runner/theorem.js';
import { expOneOverBeta } from '../properties/index.js';
import { exactlyAtEveryPrompt, objectiveSides, referenceTerms, type ReferenceTerm } from './support/rlvrChecks.js';
import { bernoulliKlOf, everyPrompt, interiorPrompt, objectiveDefs, optimumDefs } from './support/rlvrClaims.js';
import { optimumSymbols, overPrompts, rlvrClaim, rowKl, temperatureDefs } from './support/rlvrClaims.js';
import { RLVR_SENTENCE } from './support/abstract.js';
import { exactValues, rlvr, rlvrPolicyInstance, type RlvrParts } from './support/rlvrInstances.js';
import { rlvrEveryPolicyFamilies, rlvrPolicyFamily } from './support/rlvrInstances.js';
import type { RlvrPolicyInstance } from './support/rlvrInstances.js';

// ---------------------------------------------------------------- statement

const statement = {
  text:
    'J(pi) = E_{x~D}[E_pi r - beta KL(pi(.|x) || q(.|x))] = E_x[beta log Z(x)] - beta E_x[KL(pi(.|x) || pi*(.|x))], ' +
    'Z(x) = 1 - p0 + p0 e^{1/beta}. ' +
    'The optimal reasoning distribution pi* has accuracy p* = p0 e^{1/beta} / Z, ' +
    'i.e. logit p* = logit p0 + 1/beta (> p0 when 0 < p0 < 1), ' +
    'and KL(pi* || q) = kl(p* || p0) = p*/beta - log Z.',
  latex:
    'J(\\pi) = \\mathbb{E}_{x\\sim D}\\big[\\mathbb{E}_{\\pi} r ' +
    '- \\beta\\,\\mathrm{KL}(\\pi(\\cdot|x)\\,\\|\\,q(\\cdot|x))\\big] = \\mathbb{E}_x[\\beta\\log Z(x)] ' +
    '- \\beta\\,\\mathbb{E}_x\\big[\\mathrm{KL}(\\pi(\\cdot|x)\\,\\|\\,\\pi^*(\\cdot|x))\\big],\\quad ' +
    'Z = 1 - p_0 + p_0 e^{1/\\beta},\\quad p^* = \\frac{p_0 e^{1/\\beta}}{Z},' +
    '\\ \\operatorname{logit} p^* = \\operatorname{logit} p_0 + \\tfrac{1}{\\beta},\\quad ' +
    '\\mathrm{KL}(\\pi^*\\,\\|\\,q) = \\mathrm{kl}(p^*\\,\\|\\,p_0) = \\tfrac{p^*}{\\beta} - \\log Z',
};

const source = RLVR_SENTENCE;

// ---------------------------------------------------------------- instances and checks

/** Every policy kind; pi = q; pi = q with E = e^{1/beta} rational (exact properties), interior prompts only. */
const everyPolicy = rlvrPolicyInstance();
const fromReference = rlvrPolicyInstance({ kinds: ['reference'] });
const exactFromReference = rlvrPolicyInstance({ kinds: ['reference'], temperature: 'exp' });
const interiorExact = rlvrPolicyInstance({ kinds: ['reference'], temperature: 'exp', degenerate: false });
/** Interior prompts with E = e^{1/beta} < 1: beta < 0. */
const negativeBeta = expOneOverBeta().map((E) => ({ form: 'exp' as const, E: ONE.div(E) }));

const isInterior = (p0: Rational): boolean => p0.n !== 0n && !p0.equals(ONE);

// ---------------------------------------------------------------- certificate claims

/** p* / beta -+ log Z at x. */
const closedFormKl = (sign: 1 | -1): NumExpr =>
  (sign === 1 ? add : sub)(div(ref('pStar', 'x'), ref('beta')), log(ref('Z', 'x')));

/** Each term's text and its expression in the certificate language. */
const REFERENCE_TERMS: Record<ReferenceTerm, { text: string; expr: (n: number) => NumExpr }> = {
  klToReference: { text: 'KL(pi*||q)', expr: (n) => rowKl('piStar', 'q', n) },
  bernoulli: { text: 'kl(p*||p0)', expr: () => bernoulliKlOf('piStar', 'q') },
  reversedBernoulli: { text: 'kl(p0||p*)', expr: () => bernoulliKlOf('q', 'piStar') },
  closedForm: { text: 'p*/beta - log Z', expr: () => closedFormKl(-1) },
  wrongSign: { text: 'p*/beta + log Z', expr: () => closedFormKl(1) },
};

/** An exact claim about pi* and q per prompt (E = e^{1/beta} given exactly). */
const exactClaim = (instance: RlvrPolicyInstance, text: string, body: BoolExpr): CertifiedClaim =>
  rlvrClaim(instance, false, text, optimumDefs(instance), everyPrompt(body));

// ---------------------------------------------------------------- assumptions

const assumptions = [
  rlvr.assumption(
    'interior-accuracy',
    '0 < p0(x) < 1 (a correct and a wrong response in supp q), needed for p* > p0: ' +
      'for p0 in {0, 1} the reward is constant on supp q, pi* = q and p* = p0.',
    {
      needed: true,
      violate: rlvrPolicyInstance({ kinds: ['reference'], temperature: 'exp', degenerate: true }),
      properties: ['accuracy-increases'],
    },
  ),
  rlvr.assumption(
    'beta-positive',
    'beta > 0 (E = e^{1/beta} > 1), needed for p* > p0: for beta < 0 the same closed forms give p* < p0.',
    {
      needed: true,
      violate: rlvrPolicyInstance({ kinds: ['reference'], degenerate: false, temperatures: negativeBeta }),
      properties: ['accuracy-increases'],
    },
  ),
];

// ---------------------------------------------------------------- identities

/** p* and 1 - p* of one prompt by definition, from p0 and Z = 1 - p0 + p0 e^{1/beta}. */
const ACCURACY_VARIABLES = {
  ...variables('probability', 'p0', 'w0'),
  ...variables('positive', 'beta', 'Z'),
  ...variables('probability', 'pS', 'wS'),
};
const OPTIMAL_ACCURACY = { Z: 'w0 + p0*exp(1/beta)', pS: 'p0*exp(1/beta)/Z', wS: 'w0/Z' };
const BERNOULLI_KL = 'pS*log(pS/p0) + wS*log(wS/w0)';

const identities: IdentitySpec[] = [
  {
    name: 'rlvr-objective-n3',
    description:
      'n = 3, C = {1}: p1 - beta KL(p||q) = beta log Z - beta KL(p||pi*), Z = 1 - p0 + p0 e^{1/beta}, p0 = q1',
    lhs: 'p1 - beta*(p1*log(p1/q1) + p2*log(p2/q2) + p3*log(p3/q3))',
    rhs: 'beta*log(Z) - beta*(p1*log(p1/s1) + p2*log(p2/s2) + p3*log(p3/s3))',
    variables: {
      ...variables('probability', 'p1', 'p2', 'p3', 'q1', 'q2', 'q3'),
      ...variables('positive', 'beta', 'Z'),
      ...variables('probability', 's1', 's2', 's3'),
    },
    substitutions: {
      p3: '1 - p1 - p2',
      q3: '1 - q1 - q2',
      Z: '1 - q1 + q1*exp(1/beta)',
      ...optimumSymbols([1, 2, 3], [1]),
    },
  },
  {
    name: 'bernoulli-kl-closed-form',
    description: 'kl(p*||p0) = p*/beta - log Z with p* = p0 e^{1/beta}/Z, 1 - p* = (1 - p0)/Z',
    lhs: BERNOULLI_KL,
    rhs: 'pS/beta - log(Z)',
    variables: ACCURACY_VARIABLES,
    substitutions: { w0: '1 - p0', ...OPTIMAL_ACCURACY },
  },
  {
    name: 'kl-to-reference-n3',
    description: 'n = 3, C = {1, 2}: KL(pi*||q) = kl(p*||p0)',
    lhs: 's1*log(s1/q1) + s2*log(s2/q2) + s3*log(s3/q3)',
    rhs: BERNOULLI_KL,
    variables: {
      ...variables('probability', 'q1', 'q2', 'q3'),
      ...ACCURACY_VARIABLES,
      ...variables('probability', 's1', 's2', 's3'),
    },
    substitutions: {
      q3: '1 - q1 - q2',
      p0: 'q1 + q2',
      w0: 'q3',
      ...OPTIMAL_ACCURACY,
      ...optimumSymbols([1, 2, 3], [1, 2]),
    },
  },
  {
    name: 'logit-shift',
    description: 'logit p* = logit p0 + 1/beta',
    lhs: 'log(pS/wS)',
    rhs: 'log(p0/w0) + 1/beta',
    variables: ACCURACY_VARIABLES,
    substitutions: { w0: '1 - p0', ...OPTIMAL_ACCURACY },
  },
];

// ---------------------------------------------------------------- properties

/** J(pi) = E_x[beta log Z(x)] - beta E_x[KL(pi||pi*)] (to 30 digits); false without the factor beta. */
function objective(withBeta: boolean): RlvrParts {
  const b = withBeta ? 'beta ' : '';
  const text = `J(pi) = E_x[${b}log Z(x)] - ${b}E_x[KL(pi||pi*)]`;
  const scale = (e: NumExpr): NumExpr => (withBeta ? mul(ref('beta'), e) : e);
  return {
    claim: text,
    arbitrary: everyPolicy,
    check: (instance) =>
      decideComparisons(`J(pi) = E_x[${b}log Z] - ${b}E_x[KL(pi||pi*)]`, (ar) => {
        const { J, rhs } = objectiveSides(ar, instance, withBeta);
        return [{ relation: 'equal', lhs: J, rhs, names: ['J(pi)', `E[${b}log Z] - ${b}E[KL(pi||pi*)]`] }];
      }),
    certify: (instance) => {
      const rhs = sub(
        overPrompts(scale(log(ref('Z', 'x')))),
        scale(overPrompts(rowKl('pi', 'piStar', instance.responses))),
      );
      const defs = { ...temperatureDefs(instance), ...optimumDefs(instance), ...objectiveDefs(instance) };
      return rlvrClaim(instance, true, text, defs, eq30(ref('J'), rhs));
    },
  };
}

/** KL(pi* || q) = each term in turn, at every prompt (to 30 digits); true for kl(p* || p0), p* / beta - log Z. */
function klChain(...terms: ReferenceTerm[]): RlvrParts {
  const chain: ReferenceTerm[] = ['klToReference', ...terms];
  const text = chain.map((term) => REFERENCE_TERMS[term].text).join(' = ');
  return {
    claim: text,
    arbitrary: fromReference,
    check: (instance) =>
      decideComparisons(text, (ar) =>
        referenceTerms(ar, instance).flatMap((d, x) =>
          terms.map((term, k): Comparison => {
            const [lhs, at] = [chain[k]!, (t: ReferenceTerm) => `${REFERENCE_TERMS[t].text} at prompt ${x}`];
            return { relation: 'equal', lhs: d[lhs], rhs: d[term], names: [at(lhs), at(term)] };
          }),
        ),
      ),
    certify: (instance) => {
      const exprs = chain.map((term) => REFERENCE_TERMS[term].expr(instance.responses));
      const equalities = everyPrompt(and(...exprs.slice(1).map((e, k) => eq30(exprs[k]!, e))));
      const defs = { ...temperatureDefs(instance), ...optimumDefs(instance) };
      return rlvrClaim(instance, false, `${text} for every prompt`, defs, equalities);
    },
  };
}

/** Z = 1 - p0 + p0 e^{1/beta} and p* = p0 e^{1/beta} / Z, exactly; false with the term 1 - p0 missing. */
function partition(missingTerm: boolean): RlvrParts {
  const [text, name] = missingTerm ? ['p0 e^{1/beta}', 'p0 E'] : ['1 - p0 + p0 e^{1/beta}', '1 - p0 + p0 E'];
  return {
    claim: `Z = ${text}`,
    arbitrary: exactFromReference,
    mode: 'exact',
    check: exactlyAtEveryPrompt((p, optimum, E, x) => {
      const closedZ = missingTerm ? p.p0.mul(E) : ONE.sub(p.p0).add(p.p0.mul(E));
      if (!optimum.Z.equals(closedZ))
        return fail(`Z != ${text} at prompt ${x}`, exactValues(['Z', name], optimum.Z, closedZ));
      if (missingTerm) return 0;
      const closedP = p.p0.mul(E).div(closedZ);
      return optimum.pStar.equals(closedP)
        ? 0
        : fail(`p* != p0 e^{1/beta} / Z at prompt ${x}`, exactValues(['pi*(C)', 'p0 E / Z'], optimum.pStar, closedP));
    }),
    certify: (instance) => {
      const p0E = mul(ref('p0', 'x'), ref('E'));
      const Z = eq(ref('Z', 'x'), missingTerm ? p0E : add(sub(num(1), ref('p0', 'x')), p0E));
      const body = missingTerm ? Z : and(Z, eq(ref('pStar', 'x'), div(p0E, ref('Z', 'x'))));
      return exactClaim(
        instance,
        `Z = ${name}${missingTerm ? '' : ' and p* = p0 E / Z'} for every prompt (E = e^{1/beta})`,
        body,
      );
    },
  };
}

/**
 * The logit relation exponentiated, exactly: odds(p*) = e^{1/beta} odds(p0) when 0 < p0 < 1 and p* = p0 when p0 in
 * {0, 1}; false with the shift's sign flipped (odds(p0) / e^{1/beta}, interior prompts only). 1 - p* = pi*(W).
 */
function logitShift(sign: 1 | -1): RlvrParts {
  const up = sign === 1;
  const [shift, oddsName] = up ? ['e^{1/beta} odds(p0)', 'E p0/(1-p0)'] : ['odds(p0) / e^{1/beta}', 'p0/((1-p0) E)'];
  return {
    claim: up
      ? 'logit p* = logit p0 + 1/beta'
      : 'logit p* = logit p0 - 1/beta, i.e. p*/(1-p*) = p0/((1-p0) e^{1/beta})',
    arbitrary: exactFromReference,
    mode: 'exact',
    check: exactlyAtEveryPrompt((p, optimum, E, x) => {
      if (!isInterior(p.p0)) {
        if (up && !optimum.pStar.equals(p.p0))
          return fail(`p* != p0 at the degenerate prompt ${x}`, exactValues(['p*', 'p0'], optimum.pStar, p.p0));
        return 0;
      }
      const oddsStar = optimum.pStar.div(optimum.pStarWrong);
      const shifted = up ? E.mul(p.p0).div(ONE.sub(p.p0)) : p.p0.div(ONE.sub(p.p0).mul(E));
      return oddsStar.equals(shifted)
        ? 0
        : fail(`odds(p*) != ${shift} at prompt ${x}`, exactValues(['p*/(1-p*)', oddsName], oddsStar, shifted));
    }),
    certify: (instance) => {
      const odds = div(ref('p0', 'x'), sub(num(1), ref('p0', 'x')));
      const interior = implies(
        interiorPrompt,
        eq(div(ref('pStar', 'x'), ref('wStar', 'x')), up ? mul(ref('E'), odds) : div(odds, ref('E'))),
      );
      const degenerate = implies(not(interiorPrompt), eq(ref('pStar', 'x'), ref('p0', 'x')));
      const otherwise = up ? ', p* = p0 otherwise' : '';
      const text = `p*/(1-p*) = ${oddsName} when 0 < p0 < 1${otherwise}, for every prompt (E = e^{1/beta})`;
      return exactClaim(instance, text, up ? and(interior, degenerate) : interior);
    },
  };
}

const properties = [
  rlvr.property('objective-identity', {
    ...objective(true),
    claim:
      'J(pi) = E_x[E_pi r - beta KL(pi||q)] equals E_x[beta log Z(x)] - beta E_x[KL(pi||pi*)] (equal to 30 digits)',
    precision: EQUALITY_PRECISION,
  }),
  rlvr.property('kl-to-reference', {
    ...klChain('bernoulli', 'closedForm'),
    claim: 'KL(pi*||q) = kl(p*||p0) = p*/beta - log Z for every prompt (equal to 30 digits)',
    precision: EQUALITY_PRECISION,
  }),
  rlvr.property('partition-and-accuracy', {
    ...partition(false),
    claim:
      'Z = sum_y q(y) e^{r(y)/beta} = 1 - p0 + p0 e^{1/beta} and p* = pi*(C) = p0 e^{1/beta} / Z ' +
      '(exact, E = e^{1/beta} rational)',
  }),
  rlvr.property('logit-shift', {
    ...logitShift(1),
    claim:
      'logit p* = logit p0 + 1/beta, i.e. p*/(1-p*) = e^{1/beta} p0/(1-p0) when 0 < p0 < 1; ' +
      'p* = p0 when p0 in {0, 1} (exact)',
  }),
  rlvr.property('accuracy-increases', {
    claim: 'p* > p0 for every prompt with 0 < p0 < 1 (exact, E = e^{1/beta} > 1 rational)',
    arbitrary: interiorExact,
    mode: 'exact',
    check: exactlyAtEveryPrompt((p, { pStar }, _E, x) =>
      pStar.gt(p.p0)
        ? pStar.sub(p.p0).valueOf()
        : fail(`p* <= p0 at prompt ${x}`, exactValues(['p*', 'p0'], pStar, p.p0)),
    ),
    // As the check, on every prompt: 0 < p0 < 1 is the arbitrary's (and the assumption's), not the claim's.
    certify: (instance) =>
      exactClaim(instance, 'p* > p0 for every prompt (E = e^{1/beta})', gt(ref('pStar', 'x'), ref('p0', 'x'))),
  }),
];

// ---------------------------------------------------------------- mutants

const mutants = [
  rlvr.mutant('logit-sign-flipped', logitShift(-1), 'sign of the shift flipped'),
  rlvr.mutant('partition-missing-term', partition(true), 'the 1 - p0 term missing'),
  rlvr.mutant('bernoulli-kl-reversed', klChain('reversedBernoulli'), 'Bernoulli KL arguments reversed'),
  rlvr.mutant('kl-to-reference-sign', klChain('wrongSign'), 'sign of log Z flipped'),
  rlvr.mutant('objective-without-beta', objective(false), 'factor beta dropped'),
];

// ---------------------------------------------------------------- slots (assume)

const [objectiveIdentity, klToReference, partitionAndAccuracy, logitShiftProperty, accuracyIncreases] = properties;
const exactFamily = rlvrPolicyFamily({ temperature: 'exp' });

const laboratory = slotLaboratory([
  // the objective identity holds for every pi: the start slot draws it
  drawnFrom(objectiveIdentity!, rlvrEveryPolicyFamilies()),
  drawnFrom(klToReference!, [rlvrPolicyFamily({ temperature: 'beta' }), exactFamily]),
  drawnFrom(partitionAndAccuracy!, [exactFamily]),
  drawnFrom(logitShiftProperty!, [exactFamily]),
  // "p* > p0 when 0 < p0 < 1": with the prompts replaced, checked as the implication it is
  drawnFrom(accuracyIncreases!, [rlvrPolicyFamily({ temperature: 'exp', prompts: { degenerate: false } })], {
    text: '0 < p0 < 1 at every prompt',
    slots: ['prompts'],
    holds: (instance: RlvrPolicyInstance) => instance.prompts.every((p) => isInterior(p.p0)),
  }),
]);

export const T6: Theorem = theoremModule(
  { id: 'T6', title: 'RLVR is expected KL minimization toward the optimal reasoning distribution', statement, source },
  { assumptions, identities, properties, mutants, ...laboratory },
);
